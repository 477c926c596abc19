"""Questions the Zaragoza FAQ holds twice: either answer is the right one.

A few questions appear word for word under two ids ("What should a construction contract
contain?" is kontrakt-006 and kontrakt-015; 14 ids in all, in English or Swedish), with two
answers that say the same. Scoring only the question's own id would count the twin as a
wrong answer, so both evaluations accept either.
"""

from __future__ import annotations

from functools import lru_cache


def _key(question: str) -> str:
    return " ".join(question.lower().split()).rstrip("?").strip()


@lru_cache(maxsize=1)
def twins() -> dict[str, tuple[tuple[str, str], ...]]:
    """answer id -> ((twin id, its category), ...) for ids whose question is another's."""
    import zaragoza_construction_faq as faq

    found: dict[str, set[str]] = {}
    category: dict[str, str] = {}
    for language in ("en", "sv"):
        by_question: dict[str, list[str]] = {}
        for row in faq.load(lang=language):
            category[str(row["id"])] = str(row["category"])
            by_question.setdefault(_key(str(row["q"])), []).append(str(row["id"]))
        for ids in by_question.values():
            for one in ids:
                found.setdefault(one, set()).update(i for i in ids if i != one)
    return {i: tuple(sorted((t, category[t]) for t in ts)) for i, ts in found.items() if ts}


def relevant_ids(answer_id: str) -> set[str]:
    return {answer_id, *(twin for twin, _ in twins().get(answer_id, ()))}
