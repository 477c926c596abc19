"""Sparse term vectors for keyword search: tokenize, stem, hash to ids, weight by tf.

Each text is analysed in its own language: Snowball's stemmer for that language
(snowballstemmer) and that language's stop words (stopwordsiso), for the twelve reply
languages. A text in another or an unknown language keeps its lowercased words, unstemmed,
with no stop words dropped: guessing a language would stem its words in a way no query
repeats. Documents are analysed in their chunk's language, queries in the customer's.

Qdrant applies IDF itself (the collection's sparse vector uses Modifier.IDF), so documents
carry BM25-style saturated term frequencies and queries carry 1.0 per distinct term.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import zlib
from collections import Counter
from functools import lru_cache
from importlib.metadata import version
from typing import Protocol

import snowballstemmer
import stopwordsiso

from core.languages import language_tag

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# ISO 639-1 code -> Snowball algorithm (Polish is in Snowball since 3.0).
STEMMERS = {
    "en": "english",
    "sv": "swedish",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "nl": "dutch",
    "it": "italian",
    "da": "danish",
    "no": "norwegian",
    "fi": "finnish",
    "pl": "polish",
    "pt": "portuguese",
}

# What the stored sparse vectors were made with. Collections record it (rag.store): when it
# changes, the next ingestion rebuilds the collection and searches skip its keyword side
# until then, since old and new terms do not meet. Bump the scheme when tokenize() changes;
# the package versions are in it because a new stemmer release can change stems.
_SCHEME = "snowball-stopwordsiso-1"
ANALYZER = (
    f"{_SCHEME}:snowballstemmer=={version('snowballstemmer')}"
    f";stopwordsiso=={version('stopwordsiso')}"
)

_ID_SPACE = 2**31 - 1
BM25_K1 = 1.2
BM25_B = 0.75
AVG_DOC_TOKENS = 120.0


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...  # snowballstemmer's name


# Snowball stemmer objects keep state while stemming: one per thread and language.
_local = threading.local()


def _stemmer(algorithm: str) -> _Stemmer:
    stemmers: dict[str, _Stemmer] = _local.__dict__.setdefault("stemmers", {})
    if algorithm not in stemmers:
        stemmers[algorithm] = snowballstemmer.stemmer(algorithm)
    return stemmers[algorithm]


def _analyzer_language(language: str | None) -> str | None:
    """The supported language code a text in `language` is analysed as, or None."""
    code = language_tag(language)  # Bokmål and Nynorsk ("nb", "nn-NO"): Snowball's Norwegian
    return code if code in STEMMERS else None


@lru_cache(maxsize=len(STEMMERS))
def _stop_words(language: str) -> frozenset[str]:
    """The stop words of a supported language (empty for any other)."""
    code = _analyzer_language(language)
    return frozenset(stopwordsiso.stopwords(code)) if code else frozenset()


@lru_cache(maxsize=65536)
def _stem(code: str, word: str) -> str:
    return _stemmer(STEMMERS[code]).stemWord(word)


def tokenize(text: str, language: str | None) -> list[str]:
    """Lowercased, stop-word-free, stemmed word tokens of a text in `language` (any
    script, numbers kept)."""
    code = _analyzer_language(language)
    drop = _stop_words(code) if code else frozenset()
    out: list[str] = []
    # NFC: a decomposed accent (e + U+0301) would otherwise split the word in two
    for raw in _WORD.findall(unicodedata.normalize("NFC", text).lower()):
        if raw in drop or (len(raw) == 1 and not raw.isdigit()):
            continue
        out.append(_stem(code, raw) if code else raw)
    return out


def term_id(term: str) -> int:
    return zlib.crc32(term.encode("utf-8")) % _ID_SPACE


def _to_vector(weights: dict[int, float]) -> tuple[list[int], list[float]]:
    indices = sorted(weights)
    return indices, [weights[i] for i in indices]


def document_vector(text: str, language: str | None) -> tuple[list[int], list[float]]:
    """(indices, values) with BM25 tf saturation and length normalisation."""
    counts = Counter(tokenize(text, language))
    length = sum(counts.values()) or 1
    norm = BM25_K1 * (1 - BM25_B + BM25_B * length / AVG_DOC_TOKENS)
    weights: dict[int, float] = {}
    for term, tf in counts.items():
        tid = term_id(term)  # crc32 collisions merge two terms: rare and harmless
        weights[tid] = weights.get(tid, 0.0) + tf * (BM25_K1 + 1) / (tf + norm)
    return _to_vector(weights)


def query_vector(text: str, language: str | None) -> tuple[list[int], list[float]]:
    weights = {term_id(term): 1.0 for term in set(tokenize(text, language))}
    return _to_vector(weights)
