"""Record what the agent did with each posted draft, from a thread's message list.

Runs inside load_thread on the messages it has already listed: no HubSpot call of its own.
A thread with an agent's reply (an outgoing email) is new activity, so the poll lists it
and loads its messages anyway. The draft's text is read back from our own comment in that
list (its marker names the email it answers), so nothing of the draft needs keeping and
the outcome can be recorded days later, after the text store has expired.

An email's outcome is final once recorded: the first agent reply after our comment
decides it. A thread closed after our comment without a reply counts as "not used"; the
close is seen the next time the thread is loaded (a status change does not move HubSpot's
latestMessageTimestamp, so the close alone does not list the thread again).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from hubspot.draft_outcome import band, comment_answer, marked_message_id, similarity
from ledger.models import MessageRecord
from pipeline import kb_learning
from pipeline.mapping import is_email
from pipeline.services import ledger
from triage.cleaning import clean_body

log = logging.getLogger(__name__)


def _minutes(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return round(max((end - start).total_seconds(), 0.0) / 60, 1)


def _closed(message: Any) -> bool:
    extra = message.model_extra or {}
    return message.type == "THREAD_STATUS_CHANGE" and extra.get("newStatus") == "CLOSED"


def first_reply(later: list[Any]) -> Any | None:
    """The agent's first email after our comment, if it came before any close."""
    for message in later:
        if is_email(message) and message.direction == "OUTGOING":
            return message
        if _closed(message):
            return None
    return None


def outcome_fields(record: MessageRecord, comment: Any, later: list[Any]) -> dict[str, Any] | None:
    """The outcome of the draft in `comment`, given the thread's messages after it (oldest
    first); None while the agent has neither replied nor closed the thread."""
    for message in later:
        if is_email(message) and message.direction == "OUTGOING":
            reply = clean_body(message.text or "", message.rich_text).text
            score = similarity(comment_answer(comment.text or ""), reply)
            return {
                "outcome": band(score),
                "outcome_similarity": round(score, 3),
                "replied_at": message.created_at,
                "minutes_to_draft": _minutes(record.received_at, comment.created_at),
                "minutes_to_reply": _minutes(comment.created_at, message.created_at),
            }
        if _closed(message):
            return {
                "outcome": "not_used",
                "outcome_similarity": 0.0,
                "closed_unanswered": True,
                "minutes_to_draft": _minutes(record.received_at, comment.created_at),
            }
    return None


def observe(messages: list[Any]) -> int:
    """Record the outcome of each of our drafts on this thread that has none yet; returns
    how many were recorded. Idempotent: a recorded outcome is never rewritten."""
    ordered = sorted(
        (m for m in messages if m.created_at is not None), key=lambda m: (m.created_at, m.id)
    )
    book, recorded = ledger(), 0
    for index, message in enumerate(ordered):
        if message.type != "COMMENT":
            continue
        message_id = marked_message_id(message.text)
        if message_id is None:
            continue
        record = book.get(message_id)
        if record is None or record.state != "posted" or record.outcome is not None:
            continue
        fields = outcome_fields(record, message, ordered[index + 1 :])
        if fields is None:
            continue
        reply = first_reply(ordered[index + 1 :])
        if reply is not None:  # before the outcome is recorded: a retry learns again (idempotent)
            kb_learning.learn(record, message, reply, ordered, fields["outcome"])
        book.update(message_id, **fields)
        recorded += 1
        log.info(
            "draft outcome of email %s: %s",
            message_id,
            fields["outcome"],
            extra={"message_id": message_id, "outcome": fields["outcome"]},
        )
    return recorded
