"""A suggested answer that contradicts an article: the agents say 50 SEK where a passage on
the same subject says 40 SEK.

"On the same subject": the passage's cosine with the answer reaches the grouping threshold
(grouping.GROUP_THRESHOLD: the similarity at which two answers answer one gap, chosen and
checked on the Zaragoza FAQ; a passage that close is another answer to the gap). Only prices
and periods are compared, and only against a passage holding one figure of that unit
(facts.contradictions)."""

from __future__ import annotations

from collections.abc import Iterable

from kb_feedback.facts import contradictions
from kb_feedback.grouping import GROUP_THRESHOLD
from kb_feedback.models import Contradiction


def find(
    answer: str,
    passages: Iterable[tuple[str, str, float]],
    threshold: float = GROUP_THRESHOLD,
) -> list[Contradiction]:
    """`passages`: (article, text, cosine with the answer). The contradictions found."""
    found: list[Contradiction] = []
    for article, text, score in passages:
        if score < threshold:
            continue
        for change in contradictions(answer, text):
            item = Contradiction(article=article, article_says=change.old, agents_say=change.new)
            if item not in found:
                found.append(item)
    return found
