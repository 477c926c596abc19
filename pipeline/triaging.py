"""Triage the email being answered, with its thread as context.

Reads the thread from the text store, keeps the full result there for drafting, records a
skip in the ledger itself (one step less per skipped email), and answers with labels only.
"""

from __future__ import annotations

from pipeline import email_text, recording
from pipeline.services import classifier, triage_config
from triage.models import EmailMessage, ThreadContext
from triage.pipeline import triage_email


def run(message_id: str) -> dict[str, object]:
    snapshot = email_text.load(message_id, email_text.THREAD)
    if snapshot is None:
        return email_text.missing(message_id, email_text.THREAD)
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
    triaged = result.model_dump(mode="json")
    labels: dict[str, object] = {
        "ok": True,
        "should_answer": result.should_answer,
        "language": result.language,
        "intent": result.intent,
    }
    if result.should_answer:
        email_text.save(
            message_id, email_text.TRIAGE, {"triage": triaged, "subject": snapshot["subject"]}
        )
        return labels
    skip_reason = result.skip_reason.value if result.skip_reason else "skipped"
    # The detail may quote the email ("subject says ..."): the ledger keeps it, the
    # orchestration history gets the label only.
    reason = f"{skip_reason}: {result.skip_detail}".rstrip(": ")
    recording.record_state([message_id], "skipped", {"reason": reason, "triage": triaged})
    return {**labels, "skip_reason": skip_reason}
