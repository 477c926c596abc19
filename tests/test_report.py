"""The lead's report: figures from ledger rows, the text, and the HTML page in chromium."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ledger.models import MessageRecord
from localdev.report_page import OUTCOME_COLOURS, render_html
from localdev.report_text import render_text
from pipeline.report import build_report, parse_since, percentiles
from scripts.screenshot_inbox import find_chromium, screenshot
from tests.png_pixels import colour_counts

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def row(n: int, **fields: object) -> MessageRecord:
    received = NOW - timedelta(days=2, minutes=n)
    values: dict[str, object] = {
        "message_id": f"m{n}",
        "thread_id": f"t{n}",
        "received_at": received,
        "claimed_at": received,
        "subject": f"subject {n}",
        **fields,
    }
    return MessageRecord.model_validate(values)


def posted(n: int, outcome: str | None, minutes: float, **fields: object) -> MessageRecord:
    received = NOW - timedelta(days=2, minutes=n)
    return row(
        n,
        state="posted",
        answer_decision="answered",
        drafted_at=received + timedelta(minutes=minutes),
        outcome=outcome,
        prompt_tokens=1000,
        completion_tokens=200,
        cost_usd=0.002,
        **fields,
    )


def sample_rows() -> list[MessageRecord]:
    return [
        posted(1, "sent_as_drafted", 2, intent="delivery", language="en", minutes_to_reply=30),
        posted(2, "sent_as_drafted", 4, intent="delivery", language="sv", minutes_to_reply=50),
        posted(3, "edited", 6, intent="warranty", language="de", minutes_to_reply=70),
        posted(4, "rewritten", 8, intent="warranty", language="en", minutes_to_reply=90),
        posted(5, "not_used", 10, intent="returns_refunds", language="en"),
        posted(6, None, 100, intent="delivery", language="en"),
        row(
            7,
            state="posted",
            answer_decision="abstained",
            intent="warranty",
            language="fr",
            subject="Frame crack on a 2019 model",
        ),
        row(
            8,
            state="posted",
            answer_decision="abstained",
            intent="warranty",
            language="en",
            subject="Battery for a 2015 bike",
        ),
        row(
            9,
            state="posted",
            answer_decision="abstained",
            intent="other",
            language="en",
            subject="",
        ),  # blanked after retention
        row(10, state="posted", answer_decision="routed", intent="billing_invoice"),
        row(11, state="skipped", skip_reason="out_of_office"),
        row(12, state="skipped", skip_reason="out_of_office"),
        row(13, state="skipped", skip_reason="spam_content"),
        row(14, state="failed", reason="thread_gone: 404"),
        row(15, state="claimed"),
        # outside the window: never counted
        MessageRecord(message_id="old", state="posted", received_at=NOW - timedelta(days=9)),
    ]


def test_report_figures_from_ledger_rows() -> None:
    report = build_report(sample_rows(), NOW - timedelta(days=7), NOW)
    assert report.emails == 15
    assert report.decisions == {
        "posted": 6,
        "abstained": 3,
        "routed": 1,
        "skipped": 3,
        "failed": 1,
        "in_progress": 1,
    }
    assert report.skipped_by_reason == {"out_of_office": 2, "spam_content": 1}
    assert report.failed_by_reason == {"thread_gone: 404": 1}
    o = report.outcomes
    assert (o.sent_as_drafted, o.edited, o.rewritten, o.not_used, o.awaiting_reply) == (
        2,
        1,
        1,
        1,
        1,
    )
    assert report.outcomes_by_intent["delivery"].sent_as_drafted == 2
    assert report.outcomes_by_intent["delivery"].awaiting_reply == 1
    assert report.outcomes_by_language["en"].decided == 3
    # time to draft over the 6 answered drafts (abstentions here have no drafted_at)
    assert report.minutes_to_draft.count == 6
    assert report.minutes_to_draft.p50 == 6.0 and report.minutes_to_draft.p95 == 100.0
    assert (report.minutes_to_reply.p50, report.minutes_to_reply.p95) == (50.0, 90.0)
    # cost over the 10 posted rows; 15 emails in 2 days -> 10 drafted / 2 days = 5 a day
    assert report.cost.drafted_emails == 10
    assert report.cost.prompt_tokens_per_email == 600.0
    assert report.cost.cost_usd_per_email == pytest.approx(0.0012)
    assert report.cost.emails_per_day == pytest.approx(5.0, abs=0.1)
    assert report.cost.cost_usd_per_month == pytest.approx(0.0012 * 5 * 30, rel=0.02)
    gaps = {g.topic: g for g in report.knowledge_gaps}
    assert [g.topic for g in report.knowledge_gaps] == ["warranty", "other"]
    assert gaps["warranty"].count == 2 and gaps["warranty"].languages == {"fr": 1, "en": 1}
    assert gaps["warranty"].example_subjects == [
        "Frame crack on a 2019 model",
        "Battery for a 2015 bike",
    ]
    assert gaps["other"].example_subjects == []


def test_percentiles_are_nearest_rank() -> None:
    assert percentiles([]).p50 is None
    values = percentiles(float(v) for v in range(1, 101))
    assert (values.p50, values.p95, values.count) == (50.0, 95.0, 100)


@pytest.mark.parametrize(("text", "hours"), [("7d", 168), ("36h", 36), ("90m", 1.5)])
def test_since_windows(text: str, hours: float) -> None:
    assert parse_since(text) == timedelta(hours=hours)


def test_since_refuses_what_it_cannot_read() -> None:
    with pytest.raises(ValueError, match="7d or 36h"):
        parse_since("last week")


def test_text_report_names_the_figures() -> None:
    text = render_text(build_report(sample_rows(), NOW - timedelta(days=7), NOW))
    assert "posted 6, abstained 3, routed 1, skipped 3, failed 1, in_progress 1" in text
    assert "sent as drafted 2 (40%)" in text
    assert "warranty: 2 - e.g. 'Frame crack on a 2019 model'" in text
    assert "(subjects expired)" in text


def test_html_report_is_self_contained_and_escapes_subjects() -> None:
    rows = [
        *sample_rows(),
        row(
            20,
            state="posted",
            answer_decision="abstained",
            intent="other",
            subject="<script>alert(1)</script>",
        ),
    ]
    page = render_html(build_report(rows, NOW - timedelta(days=7), NOW))
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "http" not in page.replace("http-equiv", "")  # no CDN, no external resource


@pytest.mark.skipif(
    find_chromium() is None, reason="chromium not installed (apt-get install -y chromium)"
)
def test_html_report_screenshot_shows_the_charts(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_html(build_report(sample_rows(), NOW - timedelta(days=7), NOW)))
    png = screenshot(page.as_uri(), tmp_path / "report.png", width=1100, height=1500)
    colours = colour_counts(png)
    for outcome, hex_colour in OUTCOME_COLOURS.items():
        rgb = (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))
        # Each outcome's bar segments are drawn: hundreds of pixels of its colour.
        assert colours[rgb] > 300, (outcome, colours[rgb])
