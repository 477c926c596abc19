"""Does one article stand out, or are the closest passages all about as close?

Across languages and on help centres whose articles overlap, the passage that passes the
calibrated threshold is often one of many at the same distance: for a question the
knowledge base answers poorly, or in a language it lacks, the changelog, the plan overview,
"contact us" and a few sections of neighbouring articles sit within a few thousandths of
one another (issue 20: on the invoicing set the lead of a wrong draft was 0.006-0.014
above the fifth-closest other article; of a correct one mostly 0.02-0.10). Then retrieval
cannot tell which article answers, and a draft quoting the first is a guess. The lead's
gap over the ``FLAT_RANK``-th closest passage of *other* documents measures it; a question
whose gap is below the gate's ``flat_gap`` counts as not answered.
"""

from __future__ import annotations

from collections.abc import Sequence

from rag.models import Passage

FLAT_RANK = 5  # the lead against the fifth-closest passage of another document
POOL = 20  # passages retrieved per question to measure it (the draft still uses top_k)


def lead_gap(passages: Sequence[Passage], rank: int = FLAT_RANK) -> float | None:
    """The best dense cosine less the ``rank``-th best among other documents' passages;
    None when fewer other documents were retrieved (too small a knowledge base to say)."""
    scored = sorted(
        (p for p in passages if p.dense_score is not None), key=lambda p: -(p.dense_score or 0.0)
    )
    if not scored:
        return None
    lead = scored[0]
    others = [p for p in scored[1:] if p.doc_id != lead.doc_id]
    if len(others) < rank:
        return None
    return (lead.dense_score or 0.0) - (others[rank - 1].dense_score or 0.0)
