"""Triage the email being answered, with its thread as context (inside load_thread).

Keeps the full result (cleaned text, quoted context, PII originals) in the text store for
drafting, records a skip in the ledger itself, and answers with labels only. A crash of
triage is an answer too (ok=false): the email then fails with the reason instead of being
loaded again and again.
"""

from __future__ import annotations

import logging

from core.contracts import TriageLabels
from core.llm.budget import step_budget
from pipeline import email_text, recording
from pipeline.services import classifier, settings, triage_config
from triage.models import ThreadContext
from triage.pipeline import triage_email

log = logging.getLogger(__name__)


def run(message_id: str, thread: ThreadContext, subject: str) -> TriageLabels:
    target = next((m for m in thread.messages if m.message_id == message_id), None)
    if target is None:
        return TriageLabels(ok=False, problem="message_gone", detail=f"{message_id} not in thread")
    try:
        with step_budget(settings().llm_step_budget_seconds):  # the classifier's calls
            result = triage_email(target, thread, triage_config(), classifier())
    except Exception as exc:  # a bug or a failing LLM classifier: the email fails, once
        log.warning("triage of %s failed: %s", message_id, type(exc).__name__)
        return TriageLabels(ok=False, problem="triage_error", detail=type(exc).__name__)
    triaged = result.model_dump(mode="json")
    labels = TriageLabels(
        should_answer=result.should_answer, language=result.language, intent=result.intent
    )
    if result.should_answer:
        email_text.save(message_id, email_text.TRIAGE, {"triage": triaged, "subject": subject})
        return labels
    skip_reason = result.skip_reason.value if result.skip_reason else "skipped"
    # The detail may quote the email ("subject says ..."): the ledger keeps it, the
    # orchestration history gets the label only.
    reason = f"{skip_reason}: {result.skip_detail}".rstrip(": ")
    recording.record_state([message_id], "skipped", {"reason": reason, "triage": triaged})
    return labels.model_copy(update={"skip_reason": skip_reason})
