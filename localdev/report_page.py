"""The report as one self-contained HTML page: inline CSS bars, no script, no CDN."""

from __future__ import annotations

import html

from localdev.report_text import OUTCOME_LABELS, decisions_line, drafters_line
from pipeline.report import OutcomeCounts, Report

OUTCOME_COLOURS = {
    "sent_as_drafted": "#00a4bd",
    "edited": "#7fd1de",
    "rewritten": "#f5c26b",
    "not_used": "#f2545b",
    "awaiting_reply": "#cbd6e2",
}
DECISION_COLOUR = "#516f90"
GAP_COLOUR = "#6a78d1"

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#33475b;
  background:#f5f8fa;max-width:980px}
h1{font-size:22px}h2{font-size:16px;margin-top:28px}
section{background:#fff;border:1px solid #dfe3eb;border-radius:4px;padding:12px 16px;
  margin:12px 0}
.row{display:flex;align-items:center;margin:4px 0;font-size:13px}
.label{width:190px;flex:none}.count{width:60px;text-align:right;flex:none;margin-left:8px}
.track{flex:1;background:#eaf0f6;height:16px;border-radius:2px;display:flex;overflow:hidden}
.seg{height:16px}
.legend span{display:inline-block;margin-right:14px;font-size:12px}
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}
table{border-collapse:collapse;font-size:13px;width:100%}
td,th{border-bottom:1px solid #dfe3eb;padding:4px 8px;text-align:left;vertical-align:top}
.figure{font-size:20px;font-weight:600}.note{font-size:12px;color:#7c98b6}
"""


def _bar(label: str, count: int, total: int, colour: str) -> str:
    width = 0 if total == 0 else 100 * count / total
    return (
        f"<div class='row'><div class='label'>{html.escape(label)}</div><div class='track'>"
        f"<div class='seg' style='width:{width:.1f}%;background:{colour}'></div></div>"
        f"<div class='count'>{count}</div></div>"
    )


def _stacked(label: str, counts: OutcomeCounts) -> str:
    values = counts.model_dump()
    total = sum(values.values())
    segments = "".join(
        f"<div class='seg' title='{OUTCOME_LABELS[k]} {v}' "
        f"style='width:{100 * v / total:.1f}%;background:{OUTCOME_COLOURS[k]}'></div>"
        for k, v in values.items()
        if total and v
    )
    return (
        f"<div class='row'><div class='label'>{html.escape(label)}</div>"
        f"<div class='track'>{segments}</div><div class='count'>{total}</div></div>"
    )


def _legend() -> str:
    items = "".join(
        f"<span><i style='background:{OUTCOME_COLOURS[k]}'></i>{label}</span>"
        for k, label in OUTCOME_LABELS.items()
    )
    return f"<div class='legend'>{items}</div>"


def _minutes(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f} min" if value < 120 else f"{value / 60:.1f} h"


def _feedback_section(report: Report) -> str:
    """Suggested articles (most asked first) and stale-article alerts."""
    parts = ["<section id='suggestions'><h2>Suggested articles from agents' replies</h2>"]
    if report.suggestions:
        rows = "".join(
            f"<tr><td><code>{html.escape(s.group_id)}</code></td><td>{s.count}</td><td>"
            f"{html.escape(', '.join(f'{k} {v}' for k, v in s.languages.items()))}</td><td>"
            f"{html.escape(s.title)}</td><td>"
            f"{s.last_at:%Y-%m-%d}</td></tr>"
            if s.last_at
            else f"<tr><td>{html.escape(s.group_id)}</td><td>{s.count}</td><td></td><td>"
            f"{html.escape(s.title)}</td><td></td></tr>"
            for s in report.suggestions
        )
        parts.append(
            "<table><tr><th>suggestion</th><th>asked</th><th>languages</th><th>question</th>"
            f"<th>last asked</th></tr>{rows}</table><p class='note'>Review with <code>triage "
            "suggestions show ID</code>; accept writes the article and ingests it.</p>"
        )
    else:
        parts.append("<p>No gap answered by agents more than once awaits review.</p>")
    parts.append("<h2>Stale-article alerts</h2>")
    if report.stale_alerts:
        parts.append(
            "<ul>"
            + "".join(f"<li>{html.escape(a.sentence)}</li>" for a in report.stale_alerts)
            + "</ul>"
        )
    else:
        parts.append("<p>No fact was changed the same way in more than one draft.</p>")
    parts.append("</section>")
    return "".join(parts)


def render_html(report: Report) -> str:
    days = (report.generated_at - report.since).total_seconds() / 86_400
    decisions = report.decisions
    total = max(decisions.values(), default=0)
    parts = [
        f"<h1>Email triage report</h1><p class='note'>{report.emails} emails received in the "
        f"last {days:g} days, generated {report.generated_at:%Y-%m-%d %H:%M} UTC</p>",
        "<section id='decisions'><h2>Emails by decision</h2>",
        *(_bar(k, v, total, DECISION_COLOUR) for k, v in decisions.items()),
        f"<p class='note'>{html.escape(decisions_line(report))}</p></section>",
        "<section id='outcomes'><h2>What agents did with the drafts</h2>",
        _legend(),
        _stacked("all answered drafts", report.outcomes),
        "<h2>By intent</h2>",
        *(_stacked(k, v) for k, v in report.outcomes_by_intent.items()),
        "<h2>By language</h2>",
        *(_stacked(k, v) for k, v in report.outcomes_by_language.items()),
    ]
    if report.abstained_outcomes.decided or report.abstained_outcomes.awaiting_reply:
        parts.append("<h2>Replies where we found no answer</h2>")
        parts.append(_stacked("abstained", report.abstained_outcomes))
    ttd, ttr, cost = report.minutes_to_draft, report.minutes_to_reply, report.cost
    parts += [
        "</section><section id='speed'><h2>Speed and cost</h2><table>",
        f"<tr><td>time to draft (email to comment)</td><td class='figure'>p50 {_minutes(ttd.p50)}"
        f"</td><td>p95 {_minutes(ttd.p95)}</td><td>{ttd.count} drafts</td></tr>",
        f"<tr><td>draft to agent reply</td><td class='figure'>p50 {_minutes(ttr.p50)}</td>"
        f"<td>p95 {_minutes(ttr.p95)}</td><td>{ttr.count} replies</td></tr>",
        f"<tr><td>tokens per drafted email</td><td class='figure'>"
        f"{cost.prompt_tokens_per_email + cost.completion_tokens_per_email:g}</td><td>"
        f"{cost.prompt_tokens_per_email:g} prompt + {cost.completion_tokens_per_email:g} "
        f"completion</td><td></td></tr>",
        f"<tr><td>cost</td><td class='figure'>${cost.cost_usd_per_email:.4f} / email</td>"
        f"<td>${cost.cost_usd_per_month:.2f} a month</td><td>at {cost.emails_per_day:g} "
        "emails a day</td></tr>",
        *(
            f"<tr><td>cost: {html.escape(step)}</td><td class='figure'>${usd:.4f}</td>"
            "<td></td><td></td></tr>"
            for step, usd in cost.cost_usd_by_step.items()
        ),
        *(
            [
                "<tr><td>drafts by drafter</td><td class='figure' colspan='3'>"
                f"{html.escape(drafters_line(report))}</td></tr>"
            ]
            if report.drafts_by_drafter
            else []
        ),
        "</table></section>",
        "<section id='gaps'><h2>Knowledge-base gaps: questions with no grounded answer</h2>",
    ]
    if report.knowledge_gaps:
        biggest = report.knowledge_gaps[0].count
        parts += [_bar(g.topic, g.count, biggest, GAP_COLOUR) for g in report.knowledge_gaps]
        rows = "".join(
            f"<tr><td>{html.escape(g.topic)}</td><td>{g.count}</td><td>"
            f"{html.escape(', '.join(f'{k} {v}' for k, v in g.languages.items()))}</td><td>"
            f"{'<br>'.join(html.escape(s) for s in g.example_subjects) or '(subjects expired)'}"
            "</td></tr>"
            for g in report.knowledge_gaps
        )
        parts.append(
            "<table><tr><th>topic</th><th>emails</th><th>languages</th>"
            f"<th>example subjects</th></tr>{rows}</table>"
        )
    else:
        parts.append("<p>Every question got a grounded answer.</p>")
    parts.append("</section>")
    parts.append(_feedback_section(report))
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Email triage report</title><style>{STYLE}</style></head><body>"
        + "".join(parts)
        + "</body></html>"
    )
