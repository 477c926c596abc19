"""Comment rendering (escaping, links, layout) and the marker that finds a posted draft."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from pydantic import ValidationError

from hubspot.markers import find_marker, has_marker, marker_footer
from hubspot.models import Message
from hubspot.rendering import (
    DRAFT_LABEL,
    CommentContent,
    Source,
    body_to_html,
    linkify,
    render_comment,
    safe_http_url,
)


def content(**overrides: object) -> CommentContent:
    fields: dict[str, object] = {
        "answers_message_id": "abc123",
        "body": "Hi Ann,\n\nYour order ships tomorrow.\nTrack it at https://track.example/x?a=1&b=2.\n\n"
        "- Keep the receipt\n- Call us if needed\n\nBest regards",
        "triage_line": "en / delivery / normal priority",
        "sources": [
            Source(number=2, title="Returns <policy>", url="https://kb.example/returns"),
            Source(number=1, title="Shipping", url="javascript:alert(1)"),
        ],
        "confidence": 0.734,
        "drafter": "extractive",
        "review_reasons": ["mentions a refund"],
        "answerable": True,
    }
    fields.update(overrides)
    return CommentContent.model_validate(fields)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]

    def handle_data(self, data: str) -> None:
        self.text += data


def parse(html_text: str) -> _Tags:
    parser = _Tags()
    parser.feed(html_text)
    return parser


def test_rich_text_has_label_paragraphs_list_sources_confidence() -> None:
    rendered = render_comment(content())
    parsed = parse(rendered.rich_text)
    assert DRAFT_LABEL in parsed.text
    assert "Triage: en / delivery / normal priority" in parsed.text
    assert parsed.tags.count("ul") == 1 and parsed.tags.count("li") == 2
    assert "Confidence: 73%" in parsed.text
    assert "mentions a refund" in parsed.text
    # Sources in their numbers' order; only the http(s) one is a link.
    assert parsed.text.index("[1] Shipping") < parsed.text.index("[2] Returns <policy>")
    assert parsed.hrefs == ["https://track.example/x?a=1&b=2", "https://kb.example/returns"]


def test_plain_text_reads_the_same() -> None:
    text = render_comment(content()).text
    assert text.startswith(f"[{DRAFT_LABEL}]")
    assert "[2] Returns <policy> - https://kb.example/returns" in text
    assert "[1] Shipping\n" in text  # the javascript: URL is dropped
    assert text.rstrip().endswith(marker_footer("abc123"))


def test_email_and_kb_text_is_escaped() -> None:
    rendered = render_comment(
        content(
            body='<script>alert("x")</script> <img src=x onerror=alert(1)>',
            triage_line="<b>urgent</b>",
            sources=[Source(number=1, title='"><svg onload=alert(1)>', url=None)],
        )
    )
    assert "<script" not in rendered.rich_text
    assert "<img" not in rendered.rich_text
    assert "<svg" not in rendered.rich_text
    assert "<b>urgent" not in rendered.rich_text
    assert "&lt;script&gt;" in rendered.rich_text


def test_url_with_quote_cannot_break_out_of_href() -> None:
    html_text = linkify('see https://a.example/"onmouseover="x and http://b.example/ok')
    parsed = parse(html_text)
    assert parsed.hrefs == ["https://a.example/", "http://b.example/ok"]
    assert 'onmouseover="x' not in html_text.replace("&quot;", "")  # stays text


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://kb.example/a", True),
        ("http://kb.example", True),
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
        ("ftp://kb.example/file", False),
        ("https:///nohost", False),
        (None, False),
    ],
)
def test_only_http_urls_are_safe(url: str | None, safe: bool) -> None:
    assert (safe_http_url(url) is not None) is safe


def test_body_blocks() -> None:
    assert (
        body_to_html("a\nb\n\n- x\n- y\nc") == "<p>a<br>b</p><ul><li>x</li><li>y</li></ul><p>c</p>"
    )


def test_unanswerable_draft_says_so() -> None:
    rendered = render_comment(content(answerable=False))
    assert "write this reply yourself" in rendered.text


def test_confidence_and_message_id_are_validated() -> None:
    with pytest.raises(ValidationError):
        content(confidence=1.5)
    with pytest.raises(ValidationError):
        content(answers_message_id='1" onload="x')


def comment(message_id: str, text: str | None, rich: str | None, kind: str = "COMMENT") -> Message:
    return Message(id=message_id, type=kind, text=text, rich_text=rich)


def test_find_marker_recognises_both_forms() -> None:
    rendered = render_comment(content())
    html_only = comment("c1", "edited by agent", rendered.rich_text)
    text_only = comment("c2", rendered.text, "<p>sanitised</p>")
    assert find_marker([html_only], "abc123") is html_only
    assert find_marker([text_only], "abc123") is text_only


def test_find_marker_ignores_other_ids_prefixes_and_customer_mail() -> None:
    rendered = render_comment(content(answers_message_id="abc1234"))
    quoted = comment("m1", render_comment(content()).text, None, kind="MESSAGE")
    other = comment("c1", rendered.text, rendered.rich_text)
    assert find_marker([quoted, other], "abc123") is None
    assert find_marker([quoted, other], "abc1234") is other
    assert not has_marker(None, "abc123")
