"""Retrieve passages for a triaged email and write the draft (PII restored afterwards)."""

from __future__ import annotations

from typing import Any

from pipeline import email_text
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
    """Both steps in one activity; the passages go along for the comment's sources."""
    passages = retrieve(triage)["passages"]
    drafted = draft(triage, passages, message_id, subject)
    return {**drafted, "passages": passages}


def draft(
    triage: dict[str, Any], passages: list[dict[str, Any]], message_id: str, subject: str = ""
) -> dict[str, Any]:
    result = TriageResult.model_validate(triage)
    context = result.quoted_context[:MAX_THREAD_CONTEXT_CHARS]
    mapping = dict(result.pii_map)
    if settings().pii_redaction and context:
        context, extra = _redact_context(context)  # thread context leaves for the LLM too
        mapping.update(extra)
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


def draft_stored(message_id: str) -> dict[str, Any]:
    """The draft step by message id: the triage result comes from the text store, the
    draft and its passages go back there; the orchestrator gets labels (DraftLabels)."""
    stored = email_text.load(message_id, email_text.TRIAGE)
    if stored is None:
        return email_text.missing(message_id, email_text.TRIAGE)
    drafted = retrieve_and_draft(stored["triage"], message_id, str(stored.get("subject", "")))
    if not drafted.get("ok", True):
        return {k: drafted[k] for k in ("ok", "problem", "detail") if k in drafted}
    email_text.save(
        message_id,
        email_text.DRAFT,
        {"draft": drafted["draft"], "passages": drafted["passages"]},
    )
    draft = drafted["draft"]
    return {"ok": True, "confidence": draft["confidence"], "sources": len(draft["citations"])}
