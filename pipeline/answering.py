"""The answer step shared by the pipeline and the draft evaluation: from a triaged email to
a decision (answered, abstained, routed to a person) with the passages and the draft.

Plain function with explicit dependencies (store, embedder, drafter), so `triage eval drafts`
scores exactly what production posts, on a scratch knowledge base.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from rag.drafting.base import Drafter
from rag.embeddings import Embedder
from rag.models import DraftReply, DraftRequest, Passage
from rag.retrieve import retrieve
from rag.store import KnowledgeStore
from triage.models import TriageResult

Decision = Literal["answered", "abstained", "routed"]


class AnswerOutcome(BaseModel):
    decision: Decision
    reason: str = ""  # why abstained or routed, for the agent (no customer text)
    draft: DraftReply
    passages: list[Passage] = Field(default_factory=list)


def answer_email(
    triage: TriageResult,
    *,
    store: KnowledgeStore,
    embedder: Embedder,
    drafter: Drafter,
    message_id: str,
    subject: str = "",
    thread_context: str = "",
    top_k: int = 5,
) -> AnswerOutcome:
    """Retrieve for the customer's question and draft, or abstain."""
    query = triage.query_text or triage.cleaned_text
    passages = (
        retrieve(store, embedder, query, language=triage.language, top_k=top_k)
        if query.strip()
        else []
    )
    request = DraftRequest(
        message_id=message_id,
        subject=subject,
        question=query,
        language=triage.language,
        intent=triage.intent,
        thread_context=thread_context,
        passages=passages,
    )
    reply = drafter.draft(request)
    decision: Decision = "answered" if reply.answerable else "abstained"
    reason = "" if reply.answerable else "; ".join(reply.review_reasons[-1:])
    return AnswerOutcome(decision=decision, reason=reason, draft=reply, passages=passages)
