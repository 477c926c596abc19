"""Post the draft as an internal comment, exactly once.

The ledger remembers that a POST was about to happen; the client looks for this message's
marker on the thread before posting again, so a re-run activity (a result lost after the
POST) finds the first comment instead of making a second one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from hubspot.errors import HubSpotAuthError, HubSpotScopeError, HubSpotValidationError, ThreadGone
from hubspot.rendering import CommentContent, Source, render_comment
from pipeline import email_text, recording
from pipeline.services import hubspot, ledger
from rag.models import DraftReply, Passage
from triage.models import TriageResult


def comment_content(
    message_id: str, triage: TriageResult, draft: DraftReply, passages: list[Passage]
) -> CommentContent:
    cited = sorted({c.number for c in draft.citations if 0 < c.number <= len(passages)})
    summary = f" - {triage.summary}" if triage.summary else ""
    triage_line = (
        f"{triage.language} · {triage.intent} · priority {triage.priority} · "
        f"{triage.sentiment}{summary}"
    )
    reasons = list(draft.review_reasons)
    reasons += [f"possible prompt injection: {flag}" for flag in triage.injection_flags]
    return CommentContent(
        answers_message_id=message_id,
        body=draft.body,
        triage_line=triage_line,
        sources=[
            Source(number=n, title=passages[n - 1].title, url=passages[n - 1].url) for n in cited
        ],
        confidence=min(draft.confidence, triage.confidence or draft.confidence),
        drafter=draft.drafter,
        review_reasons=reasons,
        answerable=draft.answerable,
        routed=triage.needs_person != "",
    )


def answer_decision(stored: dict[str, Any]) -> str:
    """answered | abstained | routed: the answer step's decision kept with the draft (drafts
    stored before it was kept: from the draft's answerable flag)."""
    decision = stored.get("decision")
    if decision in ("answered", "abstained", "routed"):
        return str(decision)
    return "answered" if stored.get("draft", {}).get("answerable", True) else "abstained"


def post(payload: dict[str, Any]) -> dict[str, Any]:
    """Record the draft's labels, post it, record it posted (one step: fewer replays).

    `payload` has ids only (thread_id, message_id, ticket_id); the triage result and the
    draft come from the text store."""
    thread_id, message_id = str(payload["thread_id"]), str(payload["message_id"])
    stored = email_text.load_all(message_id)
    for kind in (email_text.TRIAGE, email_text.DRAFT):
        if kind not in stored:
            return email_text.missing(message_id, kind)
    texts = {"triage": stored[email_text.TRIAGE]["triage"], **stored[email_text.DRAFT]}
    content = comment_content(
        message_id,
        TriageResult.model_validate(texts["triage"]),
        DraftReply.model_validate(texts["draft"]),
        [Passage.model_validate(p) for p in texts["passages"]],
    )
    rendered = render_comment(content)
    decision = {"answer_decision": answer_decision(texts), "drafted_at": datetime.now(UTC)}
    attempted_before = ledger().mark_post_attempt(message_id, **recording.labels(texts), **decision)
    try:
        posted = hubspot().post_draft(
            thread_id,
            message_id,
            rendered,
            ticket_id=payload.get("ticket_id"),
            check_existing=attempted_before,
        )
    except ThreadGone as gone:
        return {"ok": False, "problem": "thread_gone", "detail": str(gone)}
    except HubSpotValidationError as refused:
        return {"ok": False, "problem": "comment_refused", "detail": str(refused)}
    except (HubSpotAuthError, HubSpotScopeError) as denied:
        return {"ok": False, "problem": "not_allowed", "detail": str(denied)}
    detail = "already posted by an earlier attempt" if posted.already_present else ""
    if posted.via == "note":
        detail = (
            detail + "; " if detail else ""
        ) + "inbox refuses comments: posted as a ticket note"
    recording.record_state(
        [message_id],
        "posted",
        {"comment_id": posted.comment_id, "posted_via": posted.via, "reason": detail},
    )
    return {"ok": True, "via": posted.via, "detail": detail}
