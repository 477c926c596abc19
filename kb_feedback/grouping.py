"""Put an agent's answer to a gap into the group of the same gap, or start a new group.

Same gap: the cosine of the new *answer's* embedding (multilingual-e5-small, so across
languages) and the group's centroid (the mean of its answers' embeddings) reaches
GROUP_THRESHOLD. The answers, not the questions: on the calibration data two translations
of one question reach only 0.835 while questions of one topic asking different things often
do too (different gaps kept apart: 0.63 on the check half), whereas answers separate them
(0.90; same gap grouped 0.965), and requiring a question threshold too gained nothing (its
best value was the grid's floor). Customers word one gap many ways; the agents answering it
say the same thing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime

from kb_feedback.models import (
    MAX_EXAMPLE_CHARS,
    MAX_EXAMPLES,
    MAX_MEMBERS,
    Example,
    SuggestionGroup,
)

# Chosen with `python -m evaluation.suggest_grouping` on the Zaragoza FAQ (PyPI
# zaragoza-construction-faq: English and Swedish answers under shared ids; its 39
# categories split in two by sorted order): the best balanced accuracy on the even
# categories (same gap grouped 0.958 of 120 pairs, different questions of one category kept
# apart 0.877 of 1200), checked on the odd ones, unseen (0.965 of 114; 0.898 of 1140).
# Translations are an easy "same gap"; agents' own wordings differ more (see README).
GROUP_THRESHOLD = 0.885


def unit(vector: Sequence[float]) -> list[float]:
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [v / norm for v in vector]


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(x * y for x, y in zip(unit(a), unit(b), strict=True))


def nearest(
    groups: Sequence[SuggestionGroup], vector: Sequence[float]
) -> tuple[SuggestionGroup | None, float]:
    best: SuggestionGroup | None = None
    score = -1.0
    for group in groups:
        similarity = cosine(group.centroid, vector)
        if similarity > score:
            best, score = group, similarity
    return best, score


def _cap(text: str) -> str:
    return text if len(text) <= MAX_EXAMPLE_CHARS else text[: MAX_EXAMPLE_CHARS - 3] + "..."


def grown(group: SuggestionGroup, example: Example, vector: Sequence[float]) -> SuggestionGroup:
    """`group` with one more answer: count, languages, dates, the running mean of the
    question vectors; examples and member keys capped (the count is not)."""
    n = group.count
    centroid = [(c * n + v) / (n + 1) for c, v in zip(group.centroid, unit(vector), strict=True)]
    languages = dict(group.languages)
    languages[example.language] = languages.get(example.language, 0) + 1
    examples = group.examples
    if len(examples) < MAX_EXAMPLES:
        examples = [
            *examples,
            example.model_copy(
                update={"question": _cap(example.question), "answer": _cap(example.answer)}
            ),
        ]
    return group.model_copy(
        update={
            "count": n + 1,
            "languages": languages,
            "first_at": _earliest(group.first_at, example.at),
            "last_at": max(group.last_at or example.at, example.at),
            "examples": examples,
            "members": [*group.members, example.key][-MAX_MEMBERS:],
            "centroid": [round(c, 5) for c in centroid],
        }
    )


def _earliest(a: datetime | None, b: datetime) -> datetime:
    return b if a is None else min(a, b)


def new_group(example: Example, vector: Sequence[float]) -> SuggestionGroup:
    empty = SuggestionGroup(group_id=example.key[:12], centroid=[0.0] * len(vector))
    return grown(empty, example, vector)
