"""Triage the email being answered, with its thread as context."""

from __future__ import annotations

from typing import Any

from pipeline.services import classifier, triage_config
from triage.models import EmailMessage, ThreadContext
from triage.pipeline import triage_email


def run(snapshot: dict[str, Any], message_id: str) -> dict[str, Any]:
    messages = [EmailMessage.model_validate(m) for m in snapshot["messages"]]
    target = next((m for m in messages if m.message_id == message_id), None)
    if target is None:
        return {"ok": False, "problem": "message_gone", "detail": f"{message_id} not in thread"}
    thread = ThreadContext(
        thread_id=str(snapshot["thread_id"]),
        hubspot_spam_flag=bool(snapshot.get("spam")),
        messages=messages,
    )
    result = triage_email(target, thread, triage_config(), classifier())
    return {"ok": True, "result": result.model_dump(mode="json")}
