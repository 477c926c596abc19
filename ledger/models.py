"""What the ledger stores: one row per inbound email, and the poll cursor."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

# drafted: the draft exists and its POST may be in flight (post_attempted is set with it).
MessageState = Literal["claimed", "drafted", "posted", "skipped", "failed"]
FINAL_STATES: frozenset[str] = frozenset({"posted", "skipped", "failed"})


class MessageRecord(BaseModel):
    """One inbound email's life. Labels only: never the body."""

    message_id: str
    thread_id: str = ""
    inbox_id: str = ""
    received_at: datetime | None = None
    subject: str = ""
    state: MessageState = "claimed"
    owner: str = ""  # the poll run that holds the claim
    attempts: int = 0  # claims taken (a retried or re-claimed email counts again)
    reason: str = ""
    retry_requested: bool = False
    post_attempted: bool = False  # a POST may have reached HubSpot: check before posting
    language: str | None = None
    intent: str | None = None
    priority: str | None = None
    skip_reason: str | None = None
    confidence: float | None = None
    sources: list[dict[str, Any]] = Field(default_factory=list)
    # every billed model call for the email (classifier, query embeddings, drafter; failed
    # calls that were billed included), and the cost by step ("classify", "embed", "draft")
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    cost_by_step: dict[str, float] = Field(default_factory=dict)
    drafter: str | None = None  # llm | llm_fallback | extractive; None: a holding reply
    fallback_reason: str | None = None  # why the model did not write it ("kind: reason")
    comment_id: str | None = None
    posted_via: str | None = None
    timings: dict[str, float] = Field(default_factory=dict)
    # Set when the draft is posted: answered | abstained | routed (the report groups by it).
    answer_decision: str | None = None
    drafted_at: datetime | None = None
    # What the agent did with the posted draft (pipeline/outcomes.py), once known.
    outcome: str | None = None  # sent_as_drafted | edited | rewritten | not_used
    outcome_similarity: float | None = None
    closed_unanswered: bool = False
    replied_at: datetime | None = None
    minutes_to_draft: float | None = None  # from the email to our comment
    minutes_to_reply: float | None = None  # from our comment to the agent's reply
    claimed_at: datetime | None = None
    updated_at: datetime | None = None
    etag: str | None = None

    @property
    def is_final(self) -> bool:
        return self.state in FINAL_STATES


class ClaimResult(BaseModel):
    claimed: bool
    reason: str = ""  # why not: "final: posted", "held by run X until ..."
    record: MessageRecord


class Cursor(BaseModel):
    name: str = "poll"
    after: datetime | None = None
    etag: str | None = None
    last_run_id: str | None = None
    last_run_at: datetime | None = None
    last_run_summary: dict[str, int] = Field(default_factory=dict)


class CursorConflictError(RuntimeError):
    """The cursor changed since it was read (another run saved it): nothing was written."""
