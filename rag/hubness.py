"""Hub passages: some passages are close to almost every question.

In a dense index a few passages sit near the centre of the space ("hubs"): a generic
delivery or damaged-on-arrival section is the best hit for questions about spare parts,
theft or invoices, and for the everyday off-topic questions the answerability gate is
calibrated on, so those hubs set a threshold that the passage which really answers misses.
The usual remedy (CSLS, Lample et al. 2018) subtracts each passage's typical similarity to
queries. We estimate it with the calibration's own questions, which are about nothing in
any knowledge base (rag/calibration/off_topic.json, every language): a passage's penalty is
its mean cosine to its ``HUB_NEIGHBOURS`` nearest probes. A passage close to questions
about the weather and recipes is close to every question.

Used by the answerability gate only (rag.answerability: score = cosine - ``HUB_WEIGHT`` x
penalty, for passages and probes alike). Ranking stays on cosine: re-ranking retrieval by
the same score lowered Zaragoza recall@5 (`python -m bench.retrieval_eval`, retrieve: en
.853 -> .845, sv .851 -> .831). ``HUB_WEIGHT`` 0.5 and ``HUB_NEIGHBOURS`` 10 were chosen on
the evaluation sets' dev split (`triage eval drafts --split dev`, answered correctly and
wrong answers, sample of 62 | Zaragoza of 60: weight 0 48, 2 | 37, 8; 0.25 51, 2 | 40, 8;
0.5 53, 2 | 43, 9; 0.75 53, 2 | 45, 11; 1.0 52, 4 | 43, 11).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence

import numpy as np

from rag.embeddings import Embedder

HUB_WEIGHT = 0.5
HUB_NEIGHBOURS = 10
SAME_PROBE_COSINE = 0.9999  # a probe vector this close to the scored probe is that probe


def _unit_rows(vectors: Sequence[Sequence[float]]) -> np.ndarray:
    matrix = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.asarray(matrix / np.where(norms == 0, 1.0, norms))


class HubScorer:
    """Hub penalties for passages, from the off-topic probes embedded once per embedder."""

    def __init__(
        self,
        probes: Mapping[str, Sequence[str]] | None = None,
        *,
        neighbours: int = HUB_NEIGHBOURS,
    ) -> None:
        self._probes = probes
        self.neighbours = neighbours
        self._matrices: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def _probe_matrix(self, embedder: Embedder) -> np.ndarray:
        with self._lock:
            cached = self._matrices.get(embedder.model_id)
        if cached is not None:
            return cached
        if self._probes is None:
            from rag.answerability import off_topic_probes

            probes: Mapping[str, Sequence[str]] = off_topic_probes()
        else:
            probes = self._probes
        texts = [text for language in sorted(probes) for text in probes[language]]
        matrix = _unit_rows(embedder.embed_queries(texts)) if texts else np.zeros((0, 1))
        with self._lock:
            self._matrices[embedder.model_id] = matrix
        return matrix

    def penalties(
        self,
        vectors: Mapping[str, Sequence[float]],
        embedder: Embedder,
        *,
        leave_out: Sequence[float] | None = None,
    ) -> dict[str, float]:
        """Each chunk's mean cosine to its nearest probes (none: no penalty). ``leave_out``:
        a probe's own vector, left out of the probes, for the answerability calibration that
        scores that probe against the passages (leave-one-out)."""
        probes = self._probe_matrix(embedder) if vectors else np.zeros((0, 1))
        if leave_out is not None and probes.shape[0]:
            probes = probes[probes @ _unit_rows([leave_out])[0] < SAME_PROBE_COSINE]
        if probes.shape[0] == 0:
            return {}
        ids = list(vectors)
        similarity = _unit_rows([vectors[i] for i in ids]) @ probes.T
        nearest = min(self.neighbours, probes.shape[0])
        top = np.sort(similarity, axis=1)[:, -nearest:]
        return {chunk: float(value) for chunk, value in zip(ids, top.mean(axis=1), strict=True)}


DEFAULT_HUB_SCORER = HubScorer()
