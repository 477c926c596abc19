"""Hub passages: sections close to every question of the domain, answered by none.

A product overview, a changelog entry listing five features or a "contact us" line sits
near any question about the product, so it passes the calibrated threshold for questions
the knowledge base does not answer, and across languages it often beats the section that
does (issue 20: two such sections were cited in 18 and 13 of 64 drafts). The knowledge
base's own headings and FAQ questions are the in-domain questions it answers: a passage
close to many headings of *other* articles is a hub. Its hubness is the mean cosine of its
``NEIGHBOURS`` nearest such headings; the answer step scores a passage by its cosine less
``weight`` times how far its hubness exceeds the knowledge base's mean (CSLS-style), for
questions and for the off-topic probes that calibrate the threshold alike.

Computed once per store, collection and size, and cached in the process; the headings
are embedded as queries (the embedding cache keeps them across runs).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from rag.embeddings import Embedder
from rag.store import KnowledgeStore

NEIGHBOURS = 10
MIN_PROBES = 12  # fewer headings than this say nothing about hubs
# Off by default: swept on the tuning sets' dev split (`triage eval sweep hub_weight`),
# 0 / 1 / 2 gave invoicing correct 14 / 13 / 12 of 27 with wrong 10 / 10 / 9 of 49, sample
# 52 / 50 / 51 of 62 with wrong 3 / 5 / 4, Zaragoza 42 / 40 / - of 60: once the ingest
# removes footers and joins short sections, what is left of hubs costs more to push down
# than it gains. A team whose help centre has overview pages can try it on its own set.
HUB_WEIGHT = 0.0


@dataclass(frozen=True)
class Hubness:
    excess: dict[str, float]  # chunk id -> hubness above the knowledge base's mean (>= 0)
    weight: float

    def penalty(self, chunk_id: str) -> float:
        return self.weight * self.excess.get(chunk_id, 0.0)


_CACHE: dict[tuple[str, str, int, str], dict[str, float]] = {}
_LOCK = threading.Lock()


def _probe_text(title: str, section: str) -> str:
    heading = section.split(" > ")[-1].strip()
    return f"{title}: {heading}" if heading else title


def hubness(store: KnowledgeStore, embedder: Embedder, weight: float = HUB_WEIGHT) -> Hubness:
    """Each passage's hubness excess over the mean, for this store (cached)."""
    if weight <= 0:
        return Hubness({}, 0.0)
    key = (store.location, store.collection, store.count(), embedder.model_id)
    with _LOCK:
        cached = _CACHE.get(key)
    if cached is None:
        cached = _excess(store, embedder)
        with _LOCK:
            _CACHE[key] = cached
    return Hubness(cached, weight)


def _excess(store: KnowledgeStore, embedder: Embedder) -> dict[str, float]:
    rows = list(store.passage_payloads(["chunk_id", "doc_id", "title", "section"]))
    probes: dict[str, str] = {}  # probe text -> the document it heads
    for row in rows:
        text = _probe_text(str(row.get("title", "")), str(row.get("section", "")))
        if text.strip():
            probes.setdefault(text, str(row.get("doc_id", "")))
    if len(probes) < MIN_PROBES or not rows:
        return {}
    texts = list(probes)
    probe_docs = np.array([probes[t] for t in texts])
    queries = np.asarray(embedder.embed_queries(texts), dtype=np.float32)
    vectors = store.dense_vectors([str(r["chunk_id"]) for r in rows])
    ids = [str(r["chunk_id"]) for r in rows if str(r["chunk_id"]) in vectors]
    if not ids:
        return {}
    docs = {str(r["chunk_id"]): str(r.get("doc_id", "")) for r in rows}
    matrix = np.asarray([vectors[i] for i in ids], dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
    queries /= np.linalg.norm(queries, axis=1, keepdims=True) + 1e-9
    scores = matrix @ queries.T
    # a passage is not a hub for its own article's headings
    own = np.array([docs[i] for i in ids])[:, None] == probe_docs[None, :]
    scores[own] = -1.0
    k = min(NEIGHBOURS, scores.shape[1])
    nearest = -np.sort(-scores, axis=1)[:, :k]
    hub = nearest.mean(axis=1)
    excess = np.maximum(hub - float(hub.mean()), 0.0)
    return {chunk_id: float(value) for chunk_id, value in zip(ids, excess, strict=True)}
