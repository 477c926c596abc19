"""Hub passages (close to questions about anything) carry a penalty, and the answerability
gate judges passages and calibrates on cosine less it, each probe without its own share."""

from __future__ import annotations

from rag.answerability import AnswerabilityGate
from rag.hubness import HUB_WEIGHT, HubScorer
from rag.retrieve import retrieve
from rag.sparse import document_vector
from rag.store import KnowledgeStore, StoredChunk
from tests import rag_fixtures

hashing_embedder = rag_fixtures.hashing_embedder

# Everyday questions no knowledge base answers; "weather" is in all of them.
PROBES = {"en": ["weather today", "weather tomorrow", "weather forecast", "rain weather"]}
HUB = "delivery time weather"  # shares a word with every probe
ANSWER = "delivery time parcel box courier"


def _store(embedder: rag_fixtures.HashingEmbedder, texts: dict[str, str]) -> KnowledgeStore:
    store = KnowledgeStore("hubs", path=":memory:")
    store.ensure_collection(embedder.model_id, embedder.dimension)
    chunks = []
    for name, text in texts.items():
        indices, values = document_vector(text)
        chunks.append(
            StoredChunk(
                chunk_id=f"{name}#0",
                doc_id=name,
                doc_hash=name,
                title=name,
                source=f"{name}.md",
                language="en",
                text=text,
                sparse_indices=indices,
                sparse_values=values,
            )
        )
    store.upsert(chunks, embedder.embed_documents([c.text for c in chunks]))
    return store


def test_a_passage_close_to_everyday_questions_gets_the_larger_penalty(
    hashing_embedder: rag_fixtures.HashingEmbedder,
) -> None:
    scorer = HubScorer(PROBES, neighbours=2)
    hub, answer = hashing_embedder.embed_documents([HUB, ANSWER])
    vectors = {"hub": hub, "answer": answer}
    penalty = scorer.penalties(vectors, hashing_embedder)
    assert penalty["hub"] > 0.3 and penalty["answer"] < 0.05
    # the probe a calibration scores is not part of the penalty it is scored with
    probe = hashing_embedder.embed_queries(["weather today"])[0]
    alone = HubScorer({"en": ["weather today", "football tonight"]}, neighbours=1)
    with_it = alone.penalties({"hub": vectors["hub"]}, hashing_embedder)["hub"]
    without = alone.penalties({"hub": vectors["hub"]}, hashing_embedder, leave_out=probe)["hub"]
    assert with_it > 0.3 and without < 0.05


def test_the_gate_scores_cosine_less_the_penalty_and_calibrates_the_same_way(
    hashing_embedder: rag_fixtures.HashingEmbedder,
) -> None:
    store = _store(hashing_embedder, {"hub": HUB, "answer": ANSWER, "other": "opening hours"})
    hubs = HubScorer(PROBES, neighbours=2)
    gate = AnswerabilityGate(probes=PROBES, hubs=hubs, min_sd=0.01)
    raw = AnswerabilityGate(probes=PROBES, hubs=None, min_sd=0.01)
    # the probes' best hit is the hub; without its penalty the bar is lower
    calibrated = gate.calibration(store, hashing_embedder, "en")
    assert calibrated.threshold < raw.calibration(store, hashing_embedder, "en").threshold

    passages = retrieve(
        store, hashing_embedder, "delivery time", language=None, top_k=3, prf_weight=0
    )
    assert passages[0].doc_id == "hub"  # ranking stays on cosine
    scores = gate.scores(passages, store, hashing_embedder)
    vectors = store.dense_vectors([p.chunk_id for p in passages])
    penalty = hubs.penalties(vectors, hashing_embedder)
    for p in passages:
        expected = (p.dense_score or 0.0) - HUB_WEIGHT * penalty[p.chunk_id]
        assert abs(scores[p.chunk_id] - expected) < 1e-6
    assert scores["answer#0"] > scores["hub#0"]
    judgement = gate.judge_passages(passages, store, hashing_embedder, "en")
    assert judgement.passing[0] == "answer#0" and judgement.score == scores["answer#0"]
    # without hubs: raw cosine against the raw calibration, the hub first
    assert raw.scores(passages, store, hashing_embedder)["hub#0"] == passages[0].dense_score
    assert raw.judge_passages(passages, store, hashing_embedder, "en").passing[0] == "hub#0"
