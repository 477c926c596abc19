"""Retrieve passages for a triaged email and write the draft (PII restored afterwards), through
the answer step shared with the draft evaluation (pipeline.answering)."""

from __future__ import annotations

from typing import Any

from core.contracts import DraftPostResult
from core.llm.budget import step_budget
from core.llm.usage import metering
from pipeline import email_text, posting
from pipeline.answering import answer_email
from pipeline.services import drafter, embedder, knowledge_store, settings
from rag import kb_health
from triage import pii
from triage.bounds import cap_subject
from triage.models import TriageResult

MAX_THREAD_CONTEXT_CHARS = 4000
KB_UNAVAILABLE = "knowledge_base_unavailable"  # the draft step's problem when it holds


def retrieve_and_draft(
    triage: dict[str, Any], message_id: str, subject: str = ""
) -> dict[str, Any]:
    """Both steps in one activity (pipeline.answering); the passages go along for the
    comment's sources."""
    result = TriageResult.model_validate(triage)
    context, mapping = _context_and_mapping(result)
    config = settings()
    # the subject is customer text too: cut and redacted like the body before any model
    subject = pii.redact_subject(subject).text if config.pii_redaction else cap_subject(subject)
    # model calls (query embeddings, the draft) share one bounded budget, retries included;
    # the meter charges this email its own query embeddings
    with step_budget(config.llm_step_budget_seconds), metering() as meter:
        outcome = answer_email(
            result,
            store=knowledge_store(),
            embedder=embedder(),
            drafter=drafter(),
            message_id=message_id,
            subject=subject,
            thread_context=context,
            top_k=config.retrieval_top_k,
            team_domains=config.kb_team_domains,
            team_addresses=config.team_addresses,
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
        "usage": {step: u.model_dump() for step, u in meter.by_step.items()},
    }


def _context_and_mapping(result: TriageResult) -> tuple[str, dict[str, str]]:
    """The quoted history (redacted with placeholders of its own) and the PII mapping."""
    context = result.quoted_context[:MAX_THREAD_CONTEXT_CHARS]
    mapping = dict(result.pii_map)
    if settings().pii_redaction and context:
        context, extra = redact_context(context)
        mapping.update(extra)
    return context, mapping


def redact_context(text: str) -> tuple[str, dict[str, str]]:
    """Redact the quoted history with placeholders of its own ([CTX_EMAIL_1]), so they never
    collide with the placeholders of the email itself."""
    redacted = pii.redact(text)
    out, mapping = redacted.text, {}
    for placeholder, original in redacted.mapping.items():
        renamed = "[CTX_" + placeholder[1:]
        out = out.replace(placeholder, renamed)
        mapping[renamed] = original
    return out, mapping


def draft_stored(message_id: str, owner: str = "") -> dict[str, Any]:
    """The draft step by message id: the triage result comes from the text store, the
    draft and its passages go back there (with the run that drafted it); the caller gets
    labels. A draft this same run already stored is reused: a retry after a failed POST
    does not draft (and pay) again. Another run (an operator retry) drafts afresh."""
    stored = email_text.load_all(message_id)
    if email_text.TRIAGE not in stored:
        return email_text.missing(message_id, email_text.TRIAGE)
    earlier = stored.get(email_text.DRAFT)
    if earlier is not None and owner and earlier.get("owner") == owner:
        return _labels(earlier["draft"])
    # Never draft against an empty, missing or unreachable store (a Qdrant restart): the
    # email is held, not failed or skipped, and drafted once the knowledge base is back.
    state = kb_health.inspect(knowledge_store())
    if not state.ready:
        return {"ok": False, "problem": KB_UNAVAILABLE, "detail": state.problem() or ""}
    triage = stored[email_text.TRIAGE]
    drafted = retrieve_and_draft(triage["triage"], message_id, str(triage.get("subject", "")))
    if not drafted.get("ok", True):
        return {k: drafted[k] for k in ("ok", "problem", "detail") if k in drafted}
    email_text.save(
        message_id,
        email_text.DRAFT,
        {
            "draft": drafted["draft"],
            "passages": drafted["passages"],
            "decision": drafted["decision"],
            "usage": drafted["usage"],
            "owner": owner,
        },
    )
    return _labels(drafted["draft"])


def _labels(draft: dict[str, Any]) -> dict[str, Any]:
    return {"ok": True, "confidence": draft["confidence"], "sources": len(draft["citations"])}


def draft_and_post(payload: dict[str, Any]) -> DraftPostResult:
    """Retrieve, draft and post in one activity (one pair of history events per email).

    `payload` has ids only (thread_id, message_id, ticket_id, owner). Idempotent: the draft
    is reused on a retry by the same run, and the post keeps its post-attempt flag and marker
    check (pipeline/posting.py), so a re-run never posts twice."""
    message_id = str(payload["message_id"])
    drafted = draft_stored(message_id, str(payload.get("owner") or ""))
    if not drafted.get("ok", True):
        return DraftPostResult.model_validate({**drafted, "step": "draft"})
    labels = {"confidence": drafted["confidence"], "sources": drafted["sources"]}
    posted = posting.post(payload)
    return DraftPostResult.model_validate({**posted, **labels, "step": "post_comment"})
