"""Intent classifiers behind one Protocol, and the offline default.

The offline classifier scores each taxonomy category by keyword hits and, when given an
embedder, by cosine similarity to the category's example phrases. Its confidence is meant
to be honest: one weak keyword gives a low number, and below ``min_confidence`` the intent
is "other".
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from triage.models import Classification
from triage.signals import priority_from_signals, priority_signals, sentiment_of
from triage.taxonomy import FALLBACK_INTENT, Taxonomy


@runtime_checkable
class TextEmbedder(Protocol):
    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]: ...


class IntentClassifier(Protocol):
    def classify(
        self, text: str, subject: str, language: str, taxonomy: Taxonomy
    ) -> Classification: ...


def offline_summary(intent: str, language: str, sentiment: str, signals: Sequence[str]) -> str:
    """A one-line summary built from labels only, so it can never leak PII."""
    label = intent.replace("_", " ")
    extra = f"; signals: {', '.join(signals)}" if signals else ""
    tone = f", {sentiment} tone" if sentiment != "neutral" else ""
    return f"{label} request in {language}{tone}{extra}"


SHORT_KEYWORD = 5  # shorter keywords must match a whole word ("app" is not "appreciate")


def keyword_pattern(keywords: Sequence[str]) -> re.Pattern[str] | None:
    """One regex for a category's keywords: long ones match as word prefixes (stems such as
    "levererad" or "garantie" in "Garantiefall"), short ones only as whole words."""
    words = sorted({k.strip().lower() for k in keywords if k.strip()}, key=len, reverse=True)
    if not words:
        return None
    parts = [
        re.escape(w) + (r"\b" if len(w) < SHORT_KEYWORD and w[-1].isalnum() else "") for w in words
    ]
    return re.compile(r"\b(?:" + "|".join(parts) + ")")


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=False))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


_EXAMPLE_CACHE: dict[tuple[int, str], tuple[TextEmbedder, dict[str, list[list[float]]]]] = {}
_EXAMPLE_CACHE_LOCK = threading.Lock()


class OfflineClassifier:
    """Rules and keywords, plus nearest taxonomy examples when an embedder is given."""

    KEYWORD_SATURATION = 3.0  # hits at which keyword evidence counts as strong
    SIMILARITY_FLOOR = 0.80  # e5 cosine below this says little (its scores sit high)
    SIMILARITY_CEILING = 0.92
    MAX_EMBED_CHARS = 1500

    def __init__(self, embedder: TextEmbedder | None = None, min_confidence: float = 0.3):
        self.embedder = embedder
        self.min_confidence = min_confidence
        self._keyword_patterns: dict[int, tuple[Taxonomy, dict[str, re.Pattern[str] | None]]] = {}
        self._lock = threading.Lock()

    def classify(
        self, text: str, subject: str, language: str, taxonomy: Taxonomy
    ) -> Classification:
        keyword_scores = self._keyword_scores(text, subject, taxonomy)
        similarity_scores = self._similarity_scores(text, subject, taxonomy)
        combined: dict[str, float] = {}
        for name in taxonomy.names:
            if name == FALLBACK_INTENT:
                continue
            kw = keyword_scores.get(name, 0.0)
            if similarity_scores is None:
                combined[name] = kw
            else:
                # noisy-or: either kind of evidence alone counts, agreement counts more
                combined[name] = 1 - (1 - kw) * (1 - similarity_scores.get(name, 0.0))
        ranked = sorted(combined.items(), key=lambda item: item[1], reverse=True)
        best_name, best = ranked[0] if ranked else (FALLBACK_INTENT, 0.0)
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        # a close second halves the certainty: the email may be about both
        confidence = best * (0.5 + 0.5 * min(1.0, (best - runner_up) / max(best, 1e-9)))
        intent = best_name if confidence >= self.min_confidence else FALLBACK_INTENT
        signals = priority_signals(text, subject)
        sentiment = sentiment_of(text)
        return Classification(
            intent=intent,
            intent_confidence=round(min(1.0, confidence), 3),
            priority=priority_from_signals(signals),
            priority_signals=signals,
            sentiment=sentiment,
            summary=offline_summary(intent, language, sentiment, signals),
        )

    def _keyword_scores(self, text: str, subject: str, taxonomy: Taxonomy) -> dict[str, float]:
        patterns = self._patterns_for(taxonomy)
        body = text.lower()
        head = subject.lower()
        scores: dict[str, float] = {}
        for name, pattern in patterns.items():
            if pattern is None:
                continue
            hits = len(set(pattern.findall(body))) + 1.5 * len(set(pattern.findall(head)))
            scores[name] = min(1.0, hits / self.KEYWORD_SATURATION)
        return scores

    def _patterns_for(self, taxonomy: Taxonomy) -> dict[str, re.Pattern[str] | None]:
        key = id(taxonomy)
        with self._lock:
            cached = self._keyword_patterns.get(key)
            if cached is None or cached[0] is not taxonomy:
                compiled = {c.name: keyword_pattern(c.keywords) for c in taxonomy.categories}
                cached = (taxonomy, compiled)  # holding the taxonomy keeps its id unique
                self._keyword_patterns[key] = cached
            return cached[1]

    def _similarity_scores(
        self, text: str, subject: str, taxonomy: Taxonomy
    ) -> dict[str, float] | None:
        if self.embedder is None:
            return None
        examples = self._examples_for(taxonomy)
        probe = f"{subject}\n{text}".strip()[: self.MAX_EMBED_CHARS]
        if not probe:
            return {}
        query = self.embedder.embed_queries([probe])[0]
        scores: dict[str, float] = {}
        span = self.SIMILARITY_CEILING - self.SIMILARITY_FLOOR
        for name, vectors in examples.items():
            best = max((_cosine(query, v) for v in vectors), default=0.0)
            scores[name] = max(0.0, min(1.0, (best - self.SIMILARITY_FLOOR) / span))
        return scores

    def _examples_for(self, taxonomy: Taxonomy) -> dict[str, list[list[float]]]:
        """Example vectors per category, embedded once per (embedder, taxonomy) per process."""
        assert self.embedder is not None
        key = (id(self.embedder), taxonomy.model_dump_json())
        with _EXAMPLE_CACHE_LOCK:
            cached = _EXAMPLE_CACHE.get(key)
            if cached is None or cached[0] is not self.embedder:
                vectors: dict[str, list[list[float]]] = {}
                for category in taxonomy.categories:
                    if category.name == FALLBACK_INTENT or not category.examples:
                        continue
                    vectors[category.name] = self.embedder.embed_queries(category.examples)
                cached = (self.embedder, vectors)  # holding the embedder keeps its id unique
                _EXAMPLE_CACHE[key] = cached
            return cached[1]
