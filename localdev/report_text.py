"""The report as terminal text: the same figures as the JSON, a few lines per section."""

from __future__ import annotations

from pipeline.report import OutcomeCounts, Report

OUTCOME_LABELS = {
    "sent_as_drafted": "sent as drafted",
    "edited": "edited",
    "rewritten": "rewritten",
    "not_used": "not used",
    "awaiting_reply": "awaiting reply",
}


def outcome_line(counts: OutcomeCounts) -> str:
    values = counts.model_dump()
    decided = counts.decided
    parts = []
    for key, label in OUTCOME_LABELS.items():
        share = f" ({values[key] / decided:.0%})" if decided and key != "awaiting_reply" else ""
        parts.append(f"{label} {values[key]}{share}")
    return ", ".join(parts)


def _minutes(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f} min" if value < 120 else f"{value / 60:.1f} h"


def decisions_line(report: Report) -> str:
    shown = {k: v for k, v in report.decisions.items() if v or k != "in_progress"}
    line = ", ".join(f"{k} {v}" for k, v in shown.items())
    if report.skipped_by_reason:
        reasons = ", ".join(f"{k} {v}" for k, v in report.skipped_by_reason.items())
        line += f" (skipped: {reasons})"
    return line


DRAFTER_LABELS = {
    "llm": "the model",
    "llm_fallback": "offline fallback (the model failed)",
    "extractive": "offline drafter (no model configured)",
}


def drafters_line(report: Report) -> str:
    """Whether the model writes the drafts: counts by drafter, and why it failed."""
    parts = [f"{DRAFTER_LABELS.get(k, k)} {v}" for k, v in report.drafts_by_drafter.items()]
    line = ", ".join(parts)
    if report.fallback_reasons:
        reasons = ", ".join(f"{k} {v}" for k, v in report.fallback_reasons.items())
        line += f" (model failures: {reasons})"
    return line


def render_text(report: Report, *, short: bool = False) -> str:
    days = (report.generated_at - report.since).total_seconds() / 86_400
    lines = [f"Report: {report.emails} emails received in the last {days:g} days"]
    lines.append(f"  decisions: {decisions_line(report)}")
    if short and report.fallback_reasons:
        lines.append(f"  drafts by drafter: {drafters_line(report)}")
    if report.outcomes.decided or report.outcomes.awaiting_reply:
        lines.append(f"  draft outcomes: {outcome_line(report.outcomes)}")
    if short:
        if report.knowledge_gaps:
            top = ", ".join(f"{g.topic} {g.count}" for g in report.knowledge_gaps[:3])
            count = sum(g.count for g in report.knowledge_gaps)
            lines.append(f"  knowledge-base gaps: {count} questions without an answer ({top})")
        lines += feedback_lines(report, short=True)
        return "\n".join(lines)
    for name, groups in (
        ("by intent", report.outcomes_by_intent),
        ("by language", report.outcomes_by_language),
    ):
        if groups:
            lines.append(f"  outcomes {name}:")
            lines += [f"    {key}: {outcome_line(value)}" for key, value in groups.items()]
    if report.abstained_outcomes.decided:
        lines.append(f"  replies where we abstained: {outcome_line(report.abstained_outcomes)}")
    ttd, ttr = report.minutes_to_draft, report.minutes_to_reply
    lines.append(
        f"  time to draft: p50 {_minutes(ttd.p50)}, p95 {_minutes(ttd.p95)} ({ttd.count} drafts)"
    )
    if ttr.count:
        lines.append(
            f"  draft to agent reply: p50 {_minutes(ttr.p50)}, p95 {_minutes(ttr.p95)} "
            f"({ttr.count} replies)"
        )
    if report.drafts_by_drafter:
        lines.append(f"  drafts by drafter: {drafters_line(report)}")
    cost = report.cost
    lines.append(
        f"  tokens per drafted email: {cost.prompt_tokens_per_email:g} prompt + "
        f"{cost.completion_tokens_per_email:g} completion; ${cost.cost_usd_per_email:.4f} per "
        f"email; ${cost.cost_usd_per_month:.2f} a month at {cost.emails_per_day:g} emails a day"
    )
    if cost.cost_usd_by_step:
        steps = ", ".join(f"{k} ${v:.4f}" for k, v in cost.cost_usd_by_step.items())
        lines.append(f"  cost by step: {steps}")
    if report.failed_by_reason:
        lines.append(
            "  failed: " + "; ".join(f"{k} ({v})" for k, v in report.failed_by_reason.items())
        )
    if report.knowledge_gaps:
        lines.append("  knowledge-base gaps (no grounded answer), by topic:")
        for gap in report.knowledge_gaps:
            examples = "; ".join(repr(s) for s in gap.example_subjects) or "(subjects expired)"
            lines.append(f"    {gap.topic}: {gap.count} - e.g. {examples}")
    lines += feedback_lines(report)
    return "\n".join(lines)


def feedback_lines(report: Report, *, short: bool = False) -> list[str]:
    """Suggested articles (most asked first) and stale-article alerts."""
    lines: list[str] = []
    if report.suggestions:
        lines.append(
            "  suggested articles from agents' replies (triage suggestions show/accept/reject):"
        )
        for s in report.suggestions[: 3 if short else None]:
            languages = ", ".join(f"{k} {v}" for k, v in s.languages.items())
            lines.append(f"    {s.group_id}  asked {s.count}x ({languages}): {s.title!r}")
            lines += [f"      contradicts an article: {c}" for c in s.contradictions]
    for alert in report.stale_alerts[: 3 if short else None]:
        lines.append(f"  stale article? {alert.sentence}")
    return lines
