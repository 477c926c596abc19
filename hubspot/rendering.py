"""Render a draft reply as a HubSpot COMMENT: plain text and clean richText HTML.

The comment is the agents' whole user interface, so it reads top to bottom: a clear
"Draft - review before sending" label, the triage summary line, the draft itself, the
numbered sources, the confidence, and a footer naming the email it answers (the marker).
Everything that came from an email or the knowledge base is HTML-escaped; only http(s)
URLs become links.
"""

from __future__ import annotations

import html
import re
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hubspot.markers import check_message_id, marker_footer, marker_html

DRAFT_LABEL = "Draft - review before sending"
NO_ANSWER_LABEL = "No grounded answer found - please write this reply yourself"
NEEDS_PERSON_LABEL = "Needs a person - no knowledge-base answer drafted"
# Trailing punctuation is usually the sentence's, not the URL's.
_URL_RE = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}'\""
_BULLET = "- "


class Source(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: int = Field(ge=1)
    title: str
    url: str | None = None


class CommentContent(BaseModel):
    """What the drafter hands over to be posted."""

    model_config = ConfigDict(frozen=True)

    answers_message_id: str
    body: str
    triage_line: str
    sources: list[Source] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    drafter: Literal["llm", "extractive"]
    review_reasons: list[str] = Field(default_factory=list)
    answerable: bool = True
    routed: bool = False  # needs a person: the label says so, the reason comes first

    @field_validator("answers_message_id")
    @classmethod
    def _safe_id(cls, value: str) -> str:
        return check_message_id(value)


class RenderedComment(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    rich_text: str


def safe_http_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) URL with a host; otherwise None."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch.isspace() or ch in "<>\"'`" for ch in url):
        return None
    return url


def _anchor(url: str, label: str | None = None) -> str:
    shown = html.escape(label if label is not None else url)
    return f'<a href="{html.escape(url, quote=True)}">{shown}</a>'


def linkify(text: str) -> str:
    """Escape `text` for HTML, turning http(s) URLs into anchors."""
    out: list[str] = []
    position = 0
    for match in _URL_RE.finditer(text):
        url = match.group(0).rstrip(_URL_TRAILING)
        end = match.start() + len(url)
        out.append(html.escape(text[position : match.start()]))
        safe = safe_http_url(url)
        out.append(_anchor(safe) if safe else html.escape(url))
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


def _blocks(body: str) -> list[list[str]]:
    """Paragraphs: runs of non-blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _block_to_html(block: list[str]) -> list[str]:
    """One paragraph block: runs of "- " lines become a <ul>, other runs a <p>."""
    parts: list[str] = []
    run: list[str] = []
    run_is_list = False
    for line in [*block, None]:
        stripped = line.strip() if line is not None else None
        is_item = stripped is not None and stripped.startswith(_BULLET)
        if run and (stripped is None or is_item != run_is_list):
            if run_is_list:
                parts.append("<ul>" + "".join(f"<li>{linkify(i)}</li>" for i in run) + "</ul>")
            else:
                parts.append("<p>" + "<br>".join(linkify(x) for x in run) + "</p>")
            run = []
        if stripped is None:
            break
        run_is_list = is_item
        run.append(stripped[len(_BULLET) :].strip() if is_item else stripped)
    return parts


def body_to_html(body: str) -> str:
    """Plain text with paragraphs and "- " bullets -> <p> and <ul> HTML."""
    return "".join(part for block in _blocks(body) for part in _block_to_html(block))


def unique_sources(sources: list[Source]) -> list[tuple[str, Source]]:
    """One line per article: the chunks of one article (same title and URL) share a line,
    labelled with all their numbers ("[1][3]"), in the order of the lowest number."""
    groups: dict[tuple[str, str | None], list[Source]] = {}
    for source in sorted(sources, key=lambda s: s.number):
        groups.setdefault((source.title.strip(), source.url), []).append(source)
    return [("".join(f"[{s.number}]" for s in group), group[0]) for group in groups.values()]


def _percent(confidence: float) -> str:
    return f"{round(confidence * 100)}%"


def render_comment(content: CommentContent) -> RenderedComment:
    """The comment's plain text and richText, both carrying the marker."""
    message_id = content.answers_message_id
    if content.routed:
        label = NEEDS_PERSON_LABEL
    else:
        label = DRAFT_LABEL if content.answerable else f"{DRAFT_LABEL} - {NO_ANSWER_LABEL}"
    confidence = f"Confidence: {_percent(content.confidence)} ({content.drafter} drafter)"

    text_lines = [f"[{label}]", f"Triage: {content.triage_line.strip()}", ""]
    text_lines += [content.body.strip(), ""]
    rich: list[str] = [
        f"<p><strong>{html.escape(label)}</strong></p>",
        f"<p><em>Triage:</em> {html.escape(content.triage_line.strip())}</p>",
        body_to_html(content.body),
    ]

    if content.sources:
        text_lines.append("Sources:")
        rich_sources: list[str] = []
        for numbers, source in unique_sources(content.sources):
            url = safe_http_url(source.url)
            title = source.title.strip() or (url or f"source {source.number}")
            text_lines.append(f"{numbers} {title}" + (f" - {url}" if url else ""))
            shown = _anchor(url, title) if url else html.escape(title)
            rich_sources.append(f"{numbers} {shown}")
        rich.append("<p><strong>Sources</strong><br>" + "<br>".join(rich_sources) + "</p>")
        text_lines.append("")

    text_lines.append(confidence)
    rich_meta = html.escape(confidence)
    if content.review_reasons:
        reasons = "; ".join(r.strip() for r in content.review_reasons if r.strip())
        text_lines.append(f"Check before sending: {reasons}")
        rich_meta += f"<br><em>Check before sending:</em> {html.escape(reasons)}"
    rich.append(f"<p>{rich_meta}</p>")

    footer = marker_footer(message_id)
    text_lines += ["", f"-- {footer}"]
    rich.append(f"<p><small>{html.escape(footer)}</small>{marker_html(message_id)}</p>")
    return RenderedComment(text="\n".join(text_lines), rich_text="".join(rich))
