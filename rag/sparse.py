"""Sparse term vectors for keyword search: tokenize, light-stem, hash to ids, weight by tf.

Qdrant applies IDF itself (the collection's sparse vector uses Modifier.IDF), so documents
carry BM25-style saturated term frequencies and queries carry 1.0 per distinct term.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _words(text: str) -> list[str]:
    return text.split()


# Very common words in the five customer languages; they only add noise to keyword scores.
_STOPWORDS = frozenset(
    _words(
        """
        a an and are as at be but by can could do does for from has have how i if in into is it
        its me my no not of on or our so than that the their them then there these they this to
        us was we were what when where which who why will with would you your yours please hi
        hello thanks thank dear regards
        och att det som en ett är på av för med till den har de inte om var jag vi ni du kan
        hur vad när min mitt mina er ert era hej tack vänliga hälsningar sig så eller men från
        der die das und ist nicht ein eine einen einem mit für auf dem den des zu von ich wir
        sie es wie was wann wo mein meine ihr ihre kann hallo danke bitte grüße im am um oder
        aber le la les un une des et est pas pour dans sur avec je nous vous il elle ce que qui
        quoi comment quand mon ma mes votre vos bonjour merci du au aux
        el los las unos unas y es no para en con yo nosotros usted que qué cómo cuándo mi mis
        su sus hola gracias por del al
        """
    )
)

# Longest-first suffixes: light stemming so "deliveries"/"delivery", "leveransen"/"leverans".
_SUFFIXES = tuple(
    sorted(
        set(
            _words(
                """
                ations ation ings ing edly ed ies es s ly y ment ments ness
                arna erna orna andet heten het ens ena en er ar or na et
                ungen ung ern e
                ements ement ions ion euses euse eux
                ciones ción mente
                """
            )
        ),
        key=len,
        reverse=True,
    )
)
_MIN_STEM = 4
_ID_SPACE = 2**31 - 1
BM25_K1 = 1.2
BM25_B = 0.75
AVG_DOC_TOKENS = 120.0


def _strip_once(token: str) -> str:
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= _MIN_STEM:
            return token[: -len(suffix)]
    return token


def stem(token: str) -> str:
    """Strip up to two suffixes ("leveranserna" -> "leverans" -> "leveran")."""
    return _strip_once(_strip_once(token))


def tokenize(text: str) -> list[str]:
    """Lowercased, stop-word-free, lightly stemmed word tokens (any script, numbers kept)."""
    out: list[str] = []
    for raw in _WORD.findall(text.lower()):
        if raw in _STOPWORDS or (len(raw) == 1 and not raw.isdigit()):
            continue
        out.append(stem(raw))
    return out


def term_id(term: str) -> int:
    return zlib.crc32(term.encode("utf-8")) % _ID_SPACE


def _to_vector(weights: dict[int, float]) -> tuple[list[int], list[float]]:
    indices = sorted(weights)
    return indices, [weights[i] for i in indices]


def document_vector(text: str) -> tuple[list[int], list[float]]:
    """(indices, values) with BM25 tf saturation and length normalisation."""
    counts = Counter(tokenize(text))
    length = sum(counts.values()) or 1
    norm = BM25_K1 * (1 - BM25_B + BM25_B * length / AVG_DOC_TOKENS)
    weights: dict[int, float] = {}
    for term, tf in counts.items():
        tid = term_id(term)  # crc32 collisions merge two terms: rare and harmless
        weights[tid] = weights.get(tid, 0.0) + tf * (BM25_K1 + 1) / (tf + norm)
    return _to_vector(weights)


def query_vector(text: str) -> tuple[list[int], list[float]]:
    weights = {term_id(term): 1.0 for term in set(tokenize(text))}
    return _to_vector(weights)
