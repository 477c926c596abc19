"""Collect one agent answer to a gap, and the facts agents changed in a draft: scrub, embed,
group, store. Idempotent: an email already in a group (its member key) is not added again;
a fact edit is an upsert under the email's key."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime

from kb_feedback.facts import changes, normalised
from kb_feedback.grouping import GROUP_THRESHOLD, grown, nearest, new_group
from kb_feedback.models import Example, FactEdit, SuggestionGroup, member_key
from kb_feedback.scrub import scrub
from kb_feedback.store import FeedbackStore, GroupConflict
from rag.embeddings import Embedder

log = logging.getLogger(__name__)
_ATTEMPTS = 8


def add_answer(
    store: FeedbackStore,
    embedder: Embedder,
    *,
    message_id: str,
    question: str,
    answer: str,
    language: str,
    at: datetime,
    names: Iterable[str] = (),
    threshold: float = GROUP_THRESHOLD,
) -> SuggestionGroup | None:
    """Add the scrubbed question and answer to the group of the same gap (or a new one);
    returns the group, None when nothing is left to learn from after scrubbing."""
    names = list(names)
    clean_question, clean_answer = scrub(question, names).strip(), scrub(answer, names).strip()
    if len(clean_question.split()) < 3 or len(clean_answer.split()) < 3:
        return None
    key = member_key(message_id)
    example = Example(
        key=key, question=clean_question, answer=clean_answer, language=language or "?", at=at
    )
    vector = embedder.embed_queries([clean_answer])[0]  # grouped by answer: grouping.py
    for _ in range(_ATTEMPTS):
        with store.locked():
            groups = store.groups()
            done = next((g for g in groups if key in g.members), None)
            if done is not None:
                return done
            best, score = nearest(groups, vector)
            try:
                if best is not None and score >= threshold:
                    group = grown(best, example, vector)
                    store.replace(group)
                else:
                    group = new_group(example, vector)
                    store.insert(group)
            except GroupConflict:
                continue  # changed without the lock (an operator's decision): read again
        log.info("kb suggestion: answer added to group %s (%d)", group.group_id, group.count)
        return group
    raise GroupConflict(f"gave up after {_ATTEMPTS} conflicting writes")


def add_edits(
    store: FeedbackStore,
    *,
    message_id: str,
    draft: str,
    reply: str,
    article_of: dict[int, str],
    at: datetime,
    names: Iterable[str] = (),
) -> list[FactEdit]:
    """Record the facts the agent changed in our draft. `article_of` maps a character
    offset in `draft` to the article cited for the sentence there (see citations.py)."""
    names = list(names)
    recorded: list[FactEdit] = []
    key = member_key(message_id)
    for index, change in enumerate(changes(draft, reply)):
        if scrub(change.new, names) != change.new:
            continue  # the new value is personal (a phone number, a reference): not a fact
        article = _article_at(article_of, change.old_start)
        if article is None:
            continue
        edit = FactEdit(
            key=key,
            article=article,
            kind=change.kind,
            old=change.old,
            new=change.new,
            old_key=normalised(change.old),
            new_key=normalised(change.new),
            at=at,
        )
        store.add_edit(edit, index)
        recorded.append(edit)
    return recorded


def _article_at(article_of: dict[int, str], offset: int) -> str | None:
    """The article of the first citation at or after `offset` (a citation ends its
    sentence), else the last one before it."""
    after = [o for o in article_of if o >= offset]
    if after:
        return article_of[min(after)]
    before = [o for o in article_of if o < offset]
    return article_of[max(before)] if before else None
