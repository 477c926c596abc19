"""Learn from the agent's reply on a thread we commented on (called from pipeline/outcomes.py
when it records the draft's outcome, inside load_thread: no HubSpot call of its own, no
orchestration step, nothing of the email in the history).

- We abstained, or the agent did not use our draft: the customer's question and the agent's
  answer (both cleaned like any email: quoted history and signature off; then scrubbed of
  personal details) join the suggestion group of the same gap.
- The agent sent our draft with facts changed: each change (299 SEK -> 349 SEK) is recorded
  against the article the draft cited for it; repeated changes become stale-article alerts.

A failure here is logged (its kind, never text) and does not stop the outcome's recording:
learning is a by-product of the poll, never a reason for it to fail.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from hubspot.draft_outcome import comment_answer, strip_greeting_and_closing
from kb_feedback.citations import article_offsets
from kb_feedback.collect import add_answer, add_edits
from kb_feedback.contradict import find
from kb_feedback.scrub import scrub
from ledger.models import MessageRecord
from pipeline.services import embedder, feedback_store, knowledge_store
from triage.cleaning import clean_body

log = logging.getLogger(__name__)

LEARN_FROM_DECISIONS = ("abstained", "answered")


def _names(messages: list[Any]) -> list[str]:
    """The thread's people: senders' and recipients' names and mailbox names."""
    found: list[str] = []
    for message in messages:
        for person in [*message.senders, *message.recipients]:
            found += [person.name or "", (person.email or "").split("@")[0]]
    return [n for n in found if n]


def _text(message: Any) -> str:
    return clean_body(message.text or "", message.rich_text).text


def learn(
    record: MessageRecord,
    comment: Any,
    reply: Any,
    thread_messages: list[Any],
    outcome: str,
) -> str:
    """What was learnt: "suggestion", "edits:N", or "" (nothing to learn)."""
    try:
        return _learn(record, comment, reply, thread_messages, outcome)
    except Exception as exc:  # a by-product: never fail the thread for it
        log.warning(
            "kb learning failed for email %s: %s",
            record.message_id,
            type(exc).__name__,
            extra={"message_id": record.message_id},
        )
        return ""


def _check_against_articles(group_id: str, answer: str, names: list[str]) -> None:
    """Does the agents' answer contradict an article on the same subject? (noted on the group)"""
    scrubbed = scrub(answer, names)
    vector = embedder().embed_queries([scrubbed])[0]  # the same text add_answer embedded
    passages = knowledge_store().search(dense=vector, sparse=None, mode="dense", limit=3)
    found = find(
        scrubbed,
        ((p.url or p.source, p.text, p.dense_score or p.score) for p in passages),
    )
    feedback_store().add_contradictions(group_id, found)


def _learn(
    record: MessageRecord, comment: Any, reply: Any, thread_messages: list[Any], outcome: str
) -> str:
    decision = record.answer_decision
    if decision not in LEARN_FROM_DECISIONS:
        return ""  # routed (needs a person): the reply is about one case, not an article
    at = reply.created_at or datetime.now(UTC)
    names = _names(thread_messages)
    answer = strip_greeting_and_closing(_text(reply))
    if decision == "abstained" or outcome == "not_used":
        question_message = next((m for m in thread_messages if m.id == record.message_id), None)
        if question_message is None:
            return ""
        question = strip_greeting_and_closing(_text(question_message))
        group = add_answer(
            feedback_store(),
            embedder(),
            message_id=record.message_id,
            question=question,
            answer=answer,
            language=record.language or "",
            at=at,
            names=names,
        )
        if group is None:
            return ""
        _check_against_articles(group.group_id, answer, names)
        return "suggestion"
    draft = comment_answer(comment.text or "")
    edits = add_edits(
        feedback_store(),
        message_id=record.message_id,
        draft=draft,
        reply=answer,
        article_of=article_offsets(draft, comment.text or ""),
        at=at,
        names=names,
    )
    return f"edits:{len(edits)}" if edits else ""
