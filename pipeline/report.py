"""Is it helping? The report a support lead reads: what happened to each email, what the
agents did with the drafts, how fast and at what cost, and what the knowledge base lacks.

Built from the ledger only (labels, times, tokens; subjects while retention keeps them), so
it costs no HubSpot call and holds no email text beyond those subjects."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from pydantic import BaseModel, Field

from hubspot.draft_outcome import OUTCOMES
from ledger.models import MessageRecord
from ledger.table_ledger import TableLedger
from pipeline.services import ledger

DECISIONS = ("posted", "abstained", "routed", "skipped", "failed", "in_progress")
AWAITING = "awaiting_reply"
EXAMPLES_PER_TOPIC = 3
_SINCE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([dhm])\s*$")


class OutcomeCounts(BaseModel):
    sent_as_drafted: int = 0
    edited: int = 0
    rewritten: int = 0
    not_used: int = 0
    awaiting_reply: int = 0  # posted, the agent has neither replied nor closed the thread

    @property
    def decided(self) -> int:
        return self.sent_as_drafted + self.edited + self.rewritten + self.not_used

    def add(self, outcome: str | None) -> None:
        key = outcome if outcome in OUTCOMES else AWAITING
        setattr(self, key, getattr(self, key) + 1)


class Percentiles(BaseModel):
    count: int = 0
    p50: float | None = None
    p95: float | None = None


class Cost(BaseModel):
    drafted_emails: int = 0
    prompt_tokens_per_email: float = 0.0
    completion_tokens_per_email: float = 0.0
    cost_usd_per_email: float = 0.0
    cost_usd_total: float = 0.0
    emails_per_day: float = 0.0
    cost_usd_per_month: float = 0.0  # 30 days at the window's rate of drafted emails
    # total USD by step: classify (LLM triage), embed (query embeddings), draft (the LLM
    # drafter, its failed calls included)
    cost_usd_by_step: dict[str, float] = Field(default_factory=dict)


class GapTopic(BaseModel):
    topic: str  # the intent triage gave the question
    count: int
    languages: dict[str, int] = Field(default_factory=dict)
    example_subjects: list[str] = Field(default_factory=list)  # blank after retention


class SuggestionLine(BaseModel):
    """A suggested article awaiting review: scrubbed text only."""

    group_id: str
    title: str  # the first question, personal details removed
    count: int
    languages: dict[str, int] = Field(default_factory=dict)
    first_at: datetime | None = None
    last_at: datetime | None = None
    status: str = "open"  # open, or rejected and asked again since
    contradictions: list[str] = Field(default_factory=list)  # "help/x.md says 40 SEK, ..."


class AlertLine(BaseModel):
    article: str
    old: str
    new: str
    drafts: int
    sentence: str


class Report(BaseModel):
    generated_at: datetime
    since: datetime
    emails: int
    decisions: dict[str, int]  # posted (answered), abstained, routed, skipped, failed, ...
    skipped_by_reason: dict[str, int]
    failed_by_reason: dict[str, int]
    outcomes: OutcomeCounts  # of answered drafts (an abstention is not a draft to send)
    outcomes_by_intent: dict[str, OutcomeCounts]
    outcomes_by_language: dict[str, OutcomeCounts]
    abstained_outcomes: OutcomeCounts  # what agents replied where we found no answer
    minutes_to_draft: Percentiles  # from the email's arrival to our comment
    minutes_to_reply: Percentiles  # from our comment to the agent's reply
    cost: Cost
    # who wrote the drafts: llm, llm_fallback (the model failed: see fallback_reasons),
    # extractive (no model configured); holding replies (routed, abstained early) are not
    # drafts and are not counted
    drafts_by_drafter: dict[str, int] = Field(default_factory=dict)
    fallback_reasons: dict[str, int] = Field(default_factory=dict)  # by failure kind
    knowledge_gaps: list[GapTopic]  # questions with no grounded answer, biggest first
    # what the agents teach the knowledge base (kb_feedback): not limited to the window
    suggestions: list[SuggestionLine] = Field(default_factory=list)  # most asked first
    stale_alerts: list[AlertLine] = Field(default_factory=list)  # most drafts first


def parse_since(text: str) -> timedelta:
    """ "7d", "36h", "90m" as a timedelta."""
    match = _SINCE.match(text)
    if not match:
        raise ValueError(f"--since {text!r}: use a number and d, h or m, e.g. 7d or 36h")
    amount, unit = float(match.group(1)), match.group(2)
    unit_name = {"d": "days", "h": "hours", "m": "minutes"}[unit]
    return timedelta(**{unit_name: amount})


def percentiles(values: Iterable[float]) -> Percentiles:
    """Nearest-rank p50 and p95."""
    ordered = sorted(values)
    if not ordered:
        return Percentiles()

    def rank(p: float) -> float:
        return ordered[max(math.ceil(p * len(ordered)) - 1, 0)]

    return Percentiles(count=len(ordered), p50=round(rank(0.50), 1), p95=round(rank(0.95), 1))


def decision_of(record: MessageRecord) -> str:
    if record.state == "posted":
        decision = record.answer_decision or "answered"
        return "posted" if decision == "answered" else decision
    if record.state in ("skipped", "failed"):
        return record.state
    return "in_progress"


def _minutes_to_draft(record: MessageRecord) -> float | None:
    if record.minutes_to_draft is not None:
        return record.minutes_to_draft
    if record.received_at and record.drafted_at:
        return max((record.drafted_at - record.received_at).total_seconds(), 0.0) / 60
    return None


def _cost(drafted: list[MessageRecord], since: datetime, now: datetime) -> Cost:
    if not drafted:
        return Cost()
    count = len(drafted)
    total = sum(r.cost_usd for r in drafted)
    # The rate over the time the window really covers (a new deployment has less than --since).
    first = min((r.received_at for r in drafted if r.received_at), default=since)
    days = max((now - max(first, since)).total_seconds() / 86_400, 1.0)
    per_day = count / days
    by_step: dict[str, float] = defaultdict(float)
    for record in drafted:
        for step, usd in record.cost_by_step.items():
            by_step[step] += usd
    return Cost(
        cost_usd_by_step={step: round(usd, 6) for step, usd in sorted(by_step.items())},
        drafted_emails=count,
        prompt_tokens_per_email=round(sum(r.prompt_tokens for r in drafted) / count, 1),
        completion_tokens_per_email=round(sum(r.completion_tokens for r in drafted) / count, 1),
        cost_usd_per_email=round(total / count, 6),
        cost_usd_total=round(total, 6),
        emails_per_day=round(per_day, 1),
        cost_usd_per_month=round(total / count * per_day * 30, 2),
    )


def _gaps(abstained: list[MessageRecord]) -> list[GapTopic]:
    by_topic: dict[str, list[MessageRecord]] = defaultdict(list)
    for record in abstained:
        by_topic[record.intent or "unknown"].append(record)
    topics = []
    for topic, records in by_topic.items():
        subjects = list(dict.fromkeys(r.subject for r in records if r.subject))
        topics.append(
            GapTopic(
                topic=topic,
                count=len(records),
                languages=dict(Counter(r.language or "?" for r in records).most_common()),
                example_subjects=subjects[:EXAMPLES_PER_TOPIC],
            )
        )
    return sorted(topics, key=lambda t: (-t.count, t.topic))


def _drafters(posted: list[MessageRecord]) -> tuple[dict[str, int], dict[str, int]]:
    drafters = Counter(r.drafter for r in posted if r.drafter)
    reasons = Counter(
        (r.fallback_reason or "unknown").split(":", 1)[0] for r in posted if r.fallback_reason
    )
    return dict(drafters.most_common()), dict(reasons.most_common())


def build_report(records: Iterable[MessageRecord], since: datetime, now: datetime) -> Report:
    rows = [r for r in records if (r.received_at or r.claimed_at or now) >= since]
    decisions = Counter(decision_of(r) for r in rows)
    skipped = Counter(r.skip_reason or "other" for r in rows if r.state == "skipped")
    failed = Counter((r.reason or "unknown")[:80] for r in rows if r.state == "failed")
    answered = [r for r in rows if decision_of(r) == "posted"]
    overall, abstained_outcomes = OutcomeCounts(), OutcomeCounts()
    by_intent: dict[str, OutcomeCounts] = defaultdict(OutcomeCounts)
    by_language: dict[str, OutcomeCounts] = defaultdict(OutcomeCounts)
    for record in answered:
        overall.add(record.outcome)
        by_intent[record.intent or "unknown"].add(record.outcome)
        by_language[record.language or "unknown"].add(record.outcome)
    abstained = [r for r in rows if decision_of(r) == "abstained"]
    for record in abstained:
        abstained_outcomes.add(record.outcome)
    posted = [r for r in rows if r.state == "posted"]
    drafters, fallback_reasons = _drafters(posted)
    return Report(
        generated_at=now,
        since=since,
        emails=len(rows),
        decisions={d: decisions.get(d, 0) for d in DECISIONS},
        skipped_by_reason=dict(skipped.most_common()),
        failed_by_reason=dict(failed.most_common()),
        outcomes=overall,
        outcomes_by_intent=dict(sorted(by_intent.items())),
        outcomes_by_language=dict(sorted(by_language.items())),
        abstained_outcomes=abstained_outcomes,
        minutes_to_draft=percentiles(m for r in posted if (m := _minutes_to_draft(r)) is not None),
        minutes_to_reply=percentiles(
            r.minutes_to_reply for r in posted if r.minutes_to_reply is not None
        ),
        cost=_cost(posted, since, now),
        drafts_by_drafter=drafters,
        fallback_reasons=fallback_reasons,
        knowledge_gaps=_gaps(abstained),
    )


def report(
    window: timedelta = timedelta(days=7),
    now: datetime | None = None,
    book: TableLedger | None = None,
) -> Report:
    """The report of the emails received in the last `window`, from the ledger (the app's,
    unless another is given)."""
    now = now or datetime.now(UTC)
    since = now - window
    book = book or ledger()
    built = build_report(book.records_since(since), since, now)
    return with_feedback(built, book)


def with_feedback(built: Report, book: TableLedger) -> Report:
    """The report with the suggested articles and stale-article alerts of the ledger's
    account (their tables sit beside the ledger's)."""
    from kb_feedback.store import FeedbackStore
    from pipeline.kb_suggestions import visible

    store = FeedbackStore(book.service, book.prefix)
    suggestions = [
        SuggestionLine(
            group_id=g.group_id,
            title=g.title,
            count=g.count,
            languages=g.languages,
            first_at=g.first_at,
            last_at=g.last_at,
            status=g.status,
            contradictions=[
                f"{c.article} says {c.article_says}, the agents {c.agents_say}"
                for c in g.contradictions
            ],
        )
        for g in visible(store)
    ]
    alerts = [
        AlertLine(article=a.article, old=a.old, new=a.new, drafts=a.drafts, sentence=a.sentence)
        for a in store.alerts()
    ]
    return built.model_copy(update={"suggestions": suggestions, "stale_alerts": alerts})
