"""Hub passages seen from the customer's language (rag.language_hubness): a section close to
every question in that language loses its lead to the one that answers."""

from __future__ import annotations

import numpy as np
import pytest

from rag.answerability import AnswerabilityGate
from rag.language_hubness import clear_cache, language_hubs
from rag.store import KnowledgeStore, StoredChunk
from tests.rag_fixtures import HashingEmbedder

# Off-topic probes of one language: what they share is the everyday wording of a question,
# which the generic "contact us" section shares too.
PROBES = {
    "en": [
        "hello could you please help me with a question about the weather",
        "hello could you please help me with a question about my garden",
        "hello could you please help me with a question about football",
        "hello could you please help me with a question about a recipe",
    ]
}
HUB = "hello could you please help me contact us with any question"
ANSWER = "invoice numbering starts at the number you set under settings numbering"
QUESTION = "hello could you please help me where do I set the invoice numbering start"


def _store(embedder: HashingEmbedder) -> KnowledgeStore:
    store = KnowledgeStore("lang_hubs", path=":memory:")
    store.ensure_collection(embedder.model_id, embedder.dimension)
    texts = {"hub": HUB, "answer": ANSWER}
    chunks = [
        StoredChunk(
            chunk_id=name,
            doc_id=name,
            doc_hash=name,
            title=name,
            source=f"{name}.md",
            language="en",
            text=text,
            sparse_indices=[],
            sparse_values=[],
        )
        for name, text in texts.items()
    ]
    store.upsert(chunks, embedder.embed_documents(list(texts.values())))
    return store


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    clear_cache()


def _ranked(gate: AnswerabilityGate, store: KnowledgeStore, embedder: HashingEmbedder) -> list[str]:
    from rag.retrieve import retrieve

    passages = retrieve(store, embedder, QUESTION, language="en", top_k=2, mode="dense")
    return [p.chunk_id for p in gate.adjusted(passages, store, embedder, "en")]


def test_the_hub_leads_on_raw_cosine_and_the_answer_once_penalised() -> None:
    embedder = HashingEmbedder(dimension=256)
    store = _store(embedder)
    raw = AnswerabilityGate(lang_hub_weight=0.0, probes=PROBES)
    penalised = AnswerabilityGate(lang_hub_weight=1.0, probes=PROBES)
    assert _ranked(raw, store, embedder)[0] == "hub"
    assert _ranked(penalised, store, embedder)[0] == "answer"


def test_each_probe_is_left_out_of_its_own_penalty() -> None:
    embedder = HashingEmbedder(dimension=256)
    store = _store(embedder)
    hubs = language_hubs(store, embedder, "en", PROBES["en"], weight=1.0)
    assert hubs is not None
    probes = np.asarray(embedder.embed_queries(PROBES["en"]))
    vectors = store.dense_vectors(list(hubs.chunk_ids))
    passages = np.asarray([vectors[c] for c in hubs.chunk_ids])
    cosines = probes @ passages.T / np.linalg.norm(passages, axis=1)[None, :]
    for probe in range(len(probes)):
        others = np.delete(cosines, probe, axis=0).mean(axis=0)
        expected = float((cosines[probe] - others).max())
        assert hubs.probe_best(None)[probe] == pytest.approx(expected, abs=1e-5)
    # the penalty of a passage is the weight times its mean cosine to every probe
    hub_column = hubs.chunk_ids.index("hub")
    assert hubs.penalty("hub") == pytest.approx(float(cosines[:, hub_column].mean()), abs=1e-5)
    assert hubs.penalty("unknown chunk") == 0.0


def test_off_means_no_penalty_and_no_extra_work() -> None:
    embedder = HashingEmbedder(dimension=256)
    store = _store(embedder)
    before = embedder.queries_embedded
    assert language_hubs(store, embedder, "en", PROBES["en"], weight=0.0) is None
    assert embedder.queries_embedded == before


def test_calibration_scores_the_probes_as_questions_are_scored() -> None:
    """With the penalty on, the threshold comes from the probes' penalised best hits, so it
    moves with the scores it is compared with."""
    embedder = HashingEmbedder(dimension=256)
    store = _store(embedder)
    raw = AnswerabilityGate(lang_hub_weight=0.0, probes=PROBES, min_sd=0.0)
    penalised = AnswerabilityGate(lang_hub_weight=1.0, probes=PROBES, min_sd=0.0)
    hubs = penalised.language_hubs(store, embedder, "en")
    assert hubs is not None
    expected = hubs.probe_best(None)
    calibration = penalised.calibration(store, embedder, "en")
    assert calibration.mean == pytest.approx(float(np.mean(expected)), abs=1e-4)
    assert calibration.mean < raw.calibration(store, embedder, "en").mean
