"""The sentences that answer each question, chosen by meaning, across languages.

Word overlap fails across languages (a Swedish question shares only brand names with an
English article), so sentences are compared with the question by the same multilingual
embedder used for retrieval. Short passages (a few sentences, as FAQ answers and most help
sections are) are quoted whole: dropping the sentence that answers is worse than quoting
one too many. Longer ones keep their best sentences, in passage order.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from rag.embeddings import Embedder
from rag.entities import Aboutness, agreement
from rag.models import Evidence, Passage

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
WHOLE_PASSAGE_SENTENCES = 3  # passages this short are quoted whole
MAX_SENTENCES = 3  # per passage otherwise
CASE_BONUS = 0.05  # cosine added per country or distinctive term a sentence shares
MAX_EMBED_SENTENCES = 24  # bound on embedding cost per passage (e5: ~18 texts/s on 2 cores)


def sentences_of(text: str) -> list[str]:
    return [s.strip(" -•\t") for s in _SENTENCE.split(text) if s.strip(" -•\t")]


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=False))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


def choose_evidence(
    questions: Sequence[str],
    chosen: Sequence[Sequence[int]],
    passages: Sequence[Passage],
    embedder: Embedder | None,
    abouts: Sequence[Aboutness] = (),
) -> list[Evidence]:
    """Evidence for question i from the passages numbered in ``chosen[i]`` (1-based); a
    sentence naming the question's country, plan or product (``abouts[i]``) gains
    ``CASE_BONUS`` per match, so the rule for the customer's case beats the general one."""
    evidence: list[Evidence] = []
    seen: set[tuple[int, str]] = set()
    question_vectors: list[list[float]] | None = None
    for index, numbers in enumerate(chosen):
        for number in numbers:
            sentences = sentences_of(passages[number - 1].text)
            if len(sentences) > WHOLE_PASSAGE_SENTENCES and embedder is not None:
                if question_vectors is None:
                    question_vectors = embedder.embed_queries(list(questions))
                candidates = sentences[:MAX_EMBED_SENTENCES]
                vectors = embedder.embed_documents(candidates)
                asked = abouts[index] if index < len(abouts) else None
                scored = sorted(
                    range(len(candidates)),
                    key=lambda i: (
                        -(
                            _cosine(question_vectors[index], vectors[i])
                            + (CASE_BONUS * agreement(asked, candidates[i]) if asked else 0.0)
                        )
                    ),
                )
                keep = sorted(scored[:MAX_SENTENCES])
                sentences = [candidates[i] for i in keep]
            elif len(sentences) > WHOLE_PASSAGE_SENTENCES:
                sentences = sentences[:MAX_SENTENCES]
            for sentence in sentences:
                if (number, sentence) not in seen:
                    seen.add((number, sentence))
                    evidence.append(Evidence(number=number, sentence=sentence, question=index))
    return evidence
