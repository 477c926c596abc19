"""Retrieve passages for a triaged email and write the draft (PII restored afterwards)."""

from __future__ import annotations

from typing import Any

from pipeline.answering import answer_email
from pipeline.services import drafter, embedder, knowledge_store, settings
from rag.models import DraftRequest, Passage
from rag.retrieve import retrieve as search
from triage import pii
from triage.models import TriageResult

MAX_THREAD_CONTEXT_CHARS = 4000


def retrieve(triage: dict[str, Any]) -> dict[str, Any]:
    result = TriageResult.model_validate(triage)
    query = result.query_text or result.cleaned_text
    if not query.strip():
        return {"ok": True, "passages": []}
    passages = search(
        knowledge_store(),
        embedder(),
        query,
        language=result.language,
        top_k=settings().retrieval_top_k,
    )
    return {"ok": True, "passages": [p.model_dump(mode="json") for p in passages]}


def retrieve_and_draft(
    triage: dict[str, Any], message_id: str, subject: str = ""
) -> dict[str, Any]:
    """Both steps in one activity (pipeline.answering); the passages go along for the
    comment's sources."""
    result = TriageResult.model_validate(triage)
    context, mapping = _context_and_mapping(result)
    outcome = answer_email(
        result,
        store=knowledge_store(),
        embedder=embedder(),
        drafter=drafter(),
        message_id=message_id,
        subject=subject,
        thread_context=context,
        top_k=settings().retrieval_top_k,
    )
    reply = outcome.draft
    if mapping:
        reply = reply.model_copy(update={"body": pii.restore(reply.body, mapping)})
    return {
        "ok": True,
        "decision": outcome.decision,
        "reason": outcome.reason,
        "draft": reply.model_dump(mode="json"),
        "passages": [p.model_dump(mode="json") for p in outcome.passages],
    }


def _context_and_mapping(result: TriageResult) -> tuple[str, dict[str, str]]:
    """The quoted history (redacted with placeholders of its own) and the PII mapping."""
    context = result.quoted_context[:MAX_THREAD_CONTEXT_CHARS]
    mapping = dict(result.pii_map)
    if settings().pii_redaction and context:
        context, extra = _redact_context(context)
        mapping.update(extra)
    return context, mapping


def draft(
    triage: dict[str, Any], passages: list[dict[str, Any]], message_id: str, subject: str = ""
) -> dict[str, Any]:
    result = TriageResult.model_validate(triage)
    context, mapping = _context_and_mapping(result)  # thread context leaves for the LLM too
    request = DraftRequest(
        message_id=message_id,
        subject=subject,
        question=result.query_text or result.cleaned_text,
        language=result.language,
        intent=result.intent,
        thread_context=context,
        passages=[Passage.model_validate(p) for p in passages],
    )
    reply = drafter().draft(request)
    if mapping:
        reply = reply.model_copy(update={"body": pii.restore(reply.body, mapping)})
    return {"ok": True, "draft": reply.model_dump(mode="json")}


def _redact_context(text: str) -> tuple[str, dict[str, str]]:
    """Redact the quoted history with placeholders of its own ([CTX_EMAIL_1]), so they never
    collide with the placeholders of the email itself."""
    redacted = pii.redact(text)
    out, mapping = redacted.text, {}
    for placeholder, original in redacted.mapping.items():
        renamed = "[CTX_" + placeholder[1:]
        out = out.replace(placeholder, renamed)
        mapping[renamed] = original
    return out, mapping
