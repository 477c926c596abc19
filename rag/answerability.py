"""Does the knowledge base answer this question? One decision for both drafters.

A fixed cosine cut-off does not work: multilingual-e5 puts every text between 0.70 and
0.90, and where answerable and unanswerable questions part moves with the knowledge base
and with the language (issue 11: real emails scored 0.81-0.88 either way). So the cut-off
is calibrated per knowledge base and per language against questions it certainly does not
answer: a bundled set of everyday off-topic questions (rag/calibration/off_topic.json, in
the customer's language when we have it, else English) is searched against the store, and
a question counts as answered only when its best passage is clearly more similar than those
probes get: above their mean plus ``z`` standard deviations (and, when ``margin_over_max``
is set, above the best probe plus that margin). The calibration is computed once per
store, size and language (a couple of seconds of embedding) and cached in the process.

Per language pair: a passage is judged against the probes searched among passages of its
own language only (``judge_passages``). The best probe hit over the whole store is the
maximum over every language's passages, so it sits higher than what a customer writing in
French can reach in the Swedish or English articles that answer them; calibrating on the
pair (question language x passage language) compares like with like. On the sample set's
dev split this lifted answered-correctly from 68% to 73% with wrong answers unchanged at
z 2.5; Zaragoza (English questions on English articles) is unchanged.

Hub passages (rag.hubness): a few passages are close to almost any question, so the probes'
best hits are mostly those, and they set a threshold the passage that really answers often
misses (sample set: the damaged-on-delivery, spare-parts and theft sections). Passages and
probes are therefore scored as dense cosine less ``HUB_WEIGHT`` times the passage's hub
penalty, each probe left out of the penalty it is scored with; a probe's best passage is
looked for among its ``CALIBRATION_POOL`` nearest by raw cosine. On the dev split this
lifted answered-correctly from 48 to 53 of 62 (sample) and 37 to 43 of 60 (Zaragoza), wrong
answers 2 -> 2 and 8 -> 9 (`triage eval drafts --split dev`).

``z`` (2.5) and the floor on the spread ``min_sd`` (0.02: a tight probe distribution must
not make the cut-off lax) were chosen on the evaluation sets' dev split only (`triage eval
drafts --split dev`, sample and Zaragoza); the test split reports the result. Higher z
trades false abstentions for wrong answers: on dev with hub scoring (sample + Zaragoza, 165
emails, 122 answerable), z 2.0 gave 19 wrong answers and 5 false abstentions, z 2.5 11 and
16, z 3.0 6 and 33.
"""

from __future__ import annotations

import json
import statistics
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rag.embeddings import Embedder
from rag.hubness import DEFAULT_HUB_SCORER, HUB_WEIGHT, HubScorer
from rag.models import Passage
from rag.store import KnowledgeStore

PROBE_FALLBACK_LANGUAGE = "en"
CALIBRATION_POOL = 20  # a probe's nearest passages by raw cosine, rescored without hubs


@dataclass(frozen=True)
class Calibration:
    language: str  # the probes' language
    probes: int
    mean: float
    sd: float
    best: float
    threshold: float


@dataclass(frozen=True)
class Judgement:
    answerable: bool
    score: float | None  # the best passage's dense cosine
    threshold: float
    calibration: Calibration
    passing: tuple[str, ...] = ()  # chunk ids of the passages that reach their threshold
    passage_language: str | None = None  # the calibration's passage language, if per pair

    def explain(self) -> str:
        shown = "none" if self.score is None else f"{self.score:.3f}"
        verdict = "reaches" if self.answerable else "is below"
        among = f" among its {self.passage_language} passages" if self.passage_language else ""
        return (
            f"best match {shown} {verdict} the {self.threshold:.3f} this knowledge base needs "
            f"in {self.calibration.language}{among} (calibrated on {self.calibration.probes} "
            "questions it does not answer)"
        )


@lru_cache(maxsize=1)
def off_topic_probes() -> dict[str, list[str]]:
    raw = resources.files("rag.calibration").joinpath("off_topic.json").read_text("utf-8")
    data: dict[str, list[str]] = json.loads(raw)
    return data


class AnswerabilityGate:
    def __init__(
        self,
        *,
        z: float = 2.5,
        margin_over_max: float | None = None,
        min_sd: float = 0.02,
        probes: dict[str, list[str]] | None = None,
        hubs: HubScorer | None = DEFAULT_HUB_SCORER,
    ) -> None:
        self.z = z
        self.margin_over_max = margin_over_max
        self.min_sd = min_sd
        self._probes = probes
        self.hubs = hubs
        self._cache: dict[tuple[str, str, int, str, str, str], Calibration] = {}
        self._lock = threading.Lock()

    def _probe_set(self, language: str) -> tuple[str, list[str]]:
        probes = self._probes if self._probes is not None else off_topic_probes()
        language = {"nb": "no", "nn": "no"}.get(language, language)
        if language in probes:
            return language, probes[language]
        return PROBE_FALLBACK_LANGUAGE, probes[PROBE_FALLBACK_LANGUAGE]

    def calibration(
        self,
        store: KnowledgeStore,
        embedder: Embedder,
        language: str,
        passage_language: str | None = None,
    ) -> Calibration:
        """Probes in ``language`` against the whole store, or against the passages in
        ``passage_language`` only."""
        probe_language, probes = self._probe_set(language)
        key = (
            store.location,
            store.collection,
            store.count(),
            embedder.model_id,
            probe_language,
            passage_language or "",
        )
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None:
            return cached
        vectors = embedder.embed_queries(probes)
        scores: list[float] = []
        where: dict[str, str | list[str]] | None = (
            {"language": passage_language} if passage_language else None
        )
        for vector in vectors:
            best = self._best_probe_score(store, embedder, vector, where)
            if best is not None:
                scores.append(best)
        if not scores:  # an empty store answers nothing
            calibration = Calibration(probe_language, 0, 0.0, 0.0, 0.0, float("inf"))
        else:
            mean = statistics.fmean(scores)
            sd = max(self.min_sd, statistics.pstdev(scores) if len(scores) > 1 else 0.0)
            threshold = mean + self.z * sd
            if self.margin_over_max is not None:
                threshold = max(threshold, max(scores) + self.margin_over_max)
            calibration = Calibration(
                probe_language, len(scores), mean, sd, max(scores), round(threshold, 4)
            )
        with self._lock:
            self._cache[key] = calibration
        return calibration

    def _best_probe_score(
        self,
        store: KnowledgeStore,
        embedder: Embedder,
        vector: list[float],
        where: dict[str, str | list[str]] | None,
    ) -> float | None:
        """The probe's best passage on the scale passages are judged on: raw cosine, or
        relevance (cosine less the hub penalty, the probe itself left out of the penalty)."""
        limit = 1 if self.hubs is None else CALIBRATION_POOL
        found = store.search(dense=vector, sparse=None, mode="dense", limit=limit, filters=where)
        hits = [h for h in found if h.dense_score is not None]
        if not hits:
            return None
        if self.hubs is None:
            return hits[0].dense_score
        stored = store.dense_vectors([h.chunk_id for h in hits])
        penalty = self.hubs.penalties(stored, embedder, leave_out=vector)
        return max((h.dense_score or 0.0) - HUB_WEIGHT * penalty.get(h.chunk_id, 0.0) for h in hits)

    def scores(
        self, passages: Sequence[Passage], store: KnowledgeStore, embedder: Embedder
    ) -> dict[str, float]:
        """What each passage's threshold is compared with: its dense cosine to the question,
        less the hub penalty when the gate has a hub scorer (rag.hubness)."""
        dense = {p.chunk_id: p.dense_score for p in passages if p.dense_score is not None}
        if self.hubs is None or not dense:
            return dense
        penalty = self.hubs.penalties(store.dense_vectors(list(dense)), embedder)
        return {c: score - HUB_WEIGHT * penalty.get(c, 0.0) for c, score in dense.items()}

    def judge(
        self, best_score: float | None, store: KnowledgeStore, embedder: Embedder, language: str
    ) -> Judgement:
        calibration = self.calibration(store, embedder, language)
        answerable = best_score is not None and best_score >= calibration.threshold
        return Judgement(answerable, best_score, calibration.threshold, calibration)

    def judge_passages(
        self,
        passages: list[Passage],
        store: KnowledgeStore,
        embedder: Embedder,
        language: str,
    ) -> Judgement:
        """Each passage against the probes of its language pair; answerable when one reaches
        its threshold. ``passing`` lists those that do, best score first."""
        score = self.scores(passages, store, embedder)
        scored = [p for p in passages if p.chunk_id in score]
        scored.sort(key=lambda p: -score[p.chunk_id])
        if not scored:
            return self.judge(None, store, embedder, language)
        # One calibration per passage language (each reads the store's size for its key).
        by_language = {
            passage_language: self.calibration(store, embedder, language, passage_language)
            for passage_language in {p.language or None for p in scored}
        }
        judged = [(p, by_language[p.language or None]) for p in scored]
        passing = [(p, c) for p, c in judged if score[p.chunk_id] >= c.threshold]
        best, calibration = passing[0] if passing else judged[0]
        return Judgement(
            bool(passing),
            score[best.chunk_id],
            calibration.threshold,
            calibration,
            passing=tuple(p.chunk_id for p, _ in passing),
            passage_language=best.language or None,
        )
