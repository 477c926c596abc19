"""What crosses the Durable boundary: inputs and outputs of orchestrations and activities.

Everything here is plain JSON once dumped (``model_dump(mode="json")``), because the
Functions host serializes activity inputs and results. Orchestrators validate what they get
back with these models, so a shape mismatch fails loudly instead of drifting.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Contract(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class PollInput(Contract):
    """Input of the poll orchestration, read from settings by the client that starts it."""

    reason: Literal["timer", "manual", "local", "webhook"] = "timer"
    batch_size: int = Field(10, ge=1)
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
    work: list[ThreadRef]  # chosen for this run: oldest first plus a share of the newest
    seen: list[ThreadRef]  # every thread found after the cursor (chosen or not)
    backlog: int  # found but left for a later run
    threads_scanned: int
    inboxes_scanned: int


class EmailWorkInput(Contract):
    """Input of the per-thread orchestration."""

    thread: ThreadRef
    owner: str  # the poll run: it holds the claims
    since: datetime | None  # inbound emails at or before this are not new


class BatchInput(Contract):
    """Input of one batch of the poll: threads triaged concurrently."""

    threads: list[ThreadRef]
    owner: str
    since: datetime | None


class MessageRef(Contract):
    message_id: str
    received_at: datetime


class StepResult(Contract):
    """An activity's answer when it finished with a permanent, expected problem."""

    ok: bool = True
    problem: str | None = None  # e.g. "thread_gone", "comments_refused"
    detail: str = ""


class EmailOutcome(Contract):
    thread_id: str
    message_id: str
    decision: Literal["posted", "skipped", "failed", "not_claimed"]
    reason: str = ""
    subject: str = ""
    language: str | None = None
    intent: str | None = None
    confidence: float | None = None
    sources: int = 0
    seconds: float = 0.0


class ThreadOutcome(Contract):
    thread_id: str
    done: bool  # every new inbound email of the thread reached a final state
    outcomes: list[EmailOutcome]


class SaveCursorRequest(Contract):
    etag: str | None
    seen: list[ThreadRef]
    done_thread_ids: list[str]
    run_id: str
    summary: dict[str, int]


class PollSummary(Contract):
    run_id: str
    found: int
    backlog: int
    outcomes: list[EmailOutcome]
    cursor_after: datetime | None
