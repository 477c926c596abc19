"""What crosses the Durable boundary: inputs and outputs of orchestrations and activities.

Everything here is plain JSON once dumped (``model_dump(mode="json")``), because the
Functions host serializes activity inputs and results. Orchestrators validate what they get
back with these models, so a shape mismatch fails loudly instead of drifting.

All of it lands in the orchestration history, which the host reloads on every replay and
keeps after the instance ends: ids, labels and small results only. Email text, HTML, quoted
context and PII originals go through ledger.text_store (they expire) instead, and fields
left at their default are not written.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Contract(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_defaults=True)


class PollInput(Contract):
    """Input of the poll orchestration, read from settings by the client that starts it."""

    reason: Literal["timer", "manual", "local", "webhook"] = "timer"
    batch_size: int = Field(10, ge=1)
    batch_window: int = Field(3, ge=1)  # batch sub-orchestrations in flight at once
    max_threads: int = Field(200, ge=1)
    overlap_seconds: int = Field(300, ge=0)


class CursorState(Contract):
    after: datetime | None
    etag: str | None


class ListRequest(Contract):
    after: datetime | None
    overlap_seconds: int
    max_threads: int
    run_id: str


class ThreadRef(Contract):
    """A thread with activity after the cursor: the unit of work of one poll run."""

    thread_id: str
    inbox_id: str
    latest_at: datetime  # the thread's latestMessageTimestamp when listed
    spam: bool | None = None  # HubSpot's flag; None = unknown (load the thread to know)
    ticket_id: str | None = None  # the associated ticket (CRM note fallback)
    retry: bool = False  # an operator asked to retry a failed email of this thread


class Listing(Contract):
    """Bounded by max_threads: threads found but not taken are summed up by two times."""

    work: list[ThreadRef]  # chosen for this run: oldest first plus a share of the newest
    backlog: int  # found but left for a later run
    held_back_from: datetime | None = None  # earliest latestMessageTimestamp left for later
    latest_seen: datetime | None = None  # the newest latestMessageTimestamp found
    threads_scanned: int
    inboxes_scanned: int

    @property
    def found(self) -> int:
        return len(self.work) + self.backlog


class EmailWorkInput(Contract):
    """Input of load_thread: one thread of a batch."""

    thread: ThreadRef
    owner: str  # the poll run: it holds the claims
    since: datetime | None  # inbound emails at or before this are not new


MAX_SUMMARY_OUTCOMES = 50  # problem outcomes a poll run keeps one by one; the rest: counts


class BatchInput(Contract):
    """Input of one batch of the poll (triage_batch): threads worked side by side."""

    threads: list[ThreadRef]
    owner: str
    since: datetime | None
    keep_outcomes: int = Field(MAX_SUMMARY_OUTCOMES, ge=0)  # the rest are only counted


class TriageLabels(Contract):
    """Triage's answer: labels only (a skip is already recorded in the ledger)."""

    ok: bool = True
    problem: str | None = None
    detail: str = ""
    should_answer: bool = False
    skip_reason: str | None = None
    language: str | None = None
    intent: str | None = None


class LoadedThread(Contract):
    """load_thread's answer: ids and labels; the triage result is in the text store."""

    ok: bool = True
    problem: str | None = None
    detail: str = ""
    answer: str | None = None  # the newest new inbound email, claimed by this run
    ticket_id: str | None = None  # the associated ticket (CRM note fallback)
    held: list[str] = Field(default_factory=list)  # new emails claimed by another live run
    superseded: list[str] = Field(default_factory=list)  # older new emails: skipped
    new: int = 0  # new inbound emails found
    triage: TriageLabels | None = None  # of `answer` (triaged in the same step)


class DraftPostResult(Contract):
    """draft_and_post's answer: labels of the draft and how the post went (ids, no text)."""

    ok: bool = True
    step: Literal["draft", "post_comment"] = "post_comment"  # where a problem happened
    problem: str | None = None  # e.g. "thread_gone", "comment_refused"
    detail: str = ""
    confidence: float | None = None
    sources: int = 0
    via: str | None = None  # "comment" or "note"


class MessageRef(Contract):
    message_id: str
    received_at: datetime


class EmailOutcome(Contract):
    thread_id: str
    message_id: str
    decision: Literal["posted", "skipped", "failed", "not_claimed", "held"]
    reason: str = ""  # our words (labels, step and problem), never the email's text
    language: str | None = None
    intent: str | None = None
    confidence: float | None = None
    sources: int = 0
    seconds: float = 0.0

    @field_validator("seconds")
    @classmethod
    def _rounded(cls, value: float) -> float:
        return round(value, 2)  # 17 digits of a float add nothing but history bytes


class ThreadOutcome(Contract):
    thread_id: str
    done: bool  # every new inbound email of the thread reached a final state
    outcomes: list[EmailOutcome]


class BatchResult(Contract):
    """What a batch tells the poll: open threads, counts, and a capped list of outcomes."""

    open_thread_ids: list[str] = Field(default_factory=list)  # not done: they hold the cursor
    counts: dict[str, int] = Field(default_factory=dict)  # decision -> emails
    thread_problems: int = 0  # thread-level outcomes (no message id): unreachable, gone
    outcomes: list[EmailOutcome] = Field(default_factory=list)  # problems, at most keep
    outcomes_omitted: int = 0


class ThreadMark(Contract):
    thread_id: str
    latest_at: datetime


class SaveCursorRequest(Contract):
    etag: str | None
    done: list[ThreadMark]  # threads of this run whose new emails are all final
    open_from: datetime | None  # earliest latest_at of a thread still open (or held back)
    latest_seen: datetime | None
    run_id: str
    summary: dict[str, int]


class PollSummary(Contract):
    run_id: str
    found: int
    backlog: int
    counts: dict[str, int] = Field(default_factory=dict)  # decision -> emails (all of them)
    thread_problems: int = 0  # thread-level outcomes (no message id): unreachable, gone
    outcomes: list[EmailOutcome]  # failures and thread problems, at most MAX_SUMMARY_OUTCOMES
    outcomes_omitted: int = 0
    cursor_after: datetime | None
