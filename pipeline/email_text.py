"""The email text one pipeline step hands to the next, by message id, with an expiry.

Orchestration inputs and outputs stay small (ids and labels); the triage result (cleaned
text, quoted context, PII originals, with the subject) and the draft live in the
ledger's text store for EMAIL_TEXT_RETENTION_HOURS, then the hourly purge deletes them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from pipeline.services import ledger, settings

TRIAGE = "triage"  # the triage result and the subject (written by load_thread's triage)
DRAFT = "draft"  # the draft and the passages it cites (written by draft_and_post)


def expiry(now: datetime | None = None) -> datetime:
    hours = settings().email_text_retention_hours
    return (now or datetime.now(UTC)) + timedelta(hours=hours)


def save(message_id: str, kind: str, payload: dict[str, Any]) -> None:
    ledger().texts.put(message_id, kind, payload, expiry())


def load(message_id: str, kind: str) -> dict[str, Any] | None:
    return ledger().texts.get(message_id, kind)


def load_all(message_id: str) -> dict[str, dict[str, Any]]:
    return ledger().texts.get_all(message_id)


def missing(message_id: str, kind: str) -> dict[str, Any]:
    """The answer of a step whose input text is gone (expired: the run took longer than the
    retention); the email fails with this reason and an operator retry reloads it."""
    return {"ok": False, "problem": "text_expired", "detail": f"no {kind} text for {message_id}"}
