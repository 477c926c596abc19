"""A question whose closest passages are all about as close is not answered (rag.distinctness):
retrieval cannot tell which article answers it."""

from __future__ import annotations

from rag.answerability import AnswerabilityGate, Calibration, Judgement
from rag.distinctness import lead_gap
from rag.models import Passage


def _passage(doc: str, score: float, chunk: str = "") -> Passage:
    return Passage(
        chunk_id=chunk or f"{doc}-{score}",
        doc_id=doc,
        title=doc,
        source=f"{doc}.md",
        text="text",
        dense_score=score,
    )


def _answerable(lead: Passage) -> Judgement:
    calibration = Calibration("en", 16, 0.78, 0.02, 0.81, 0.825)
    return Judgement(
        True, lead.dense_score, 0.825, calibration, passing=(lead.chunk_id,), margins={}
    )


FLAT = [
    _passage(d, s)
    for d, s in zip("abcdefg", [0.850, 0.849, 0.848, 0.847, 0.846, 0.845, 0.844], strict=True)
]
DISTINCT = [
    _passage("answer", 0.880),
    _passage("answer", 0.870, "answer-2"),  # its own article's other section does not count
    *(_passage(d, s) for d, s in zip("bcdef", [0.850, 0.849, 0.848, 0.847, 0.846], strict=True)),
]


def test_the_gap_is_to_the_fifth_closest_other_article() -> None:
    assert lead_gap(FLAT) == 0.850 - 0.845
    assert round(lead_gap(DISTINCT) or 0, 4) == round(0.880 - 0.846, 4)
    assert lead_gap(DISTINCT[:5]) is None  # three other articles: too few to call it flat
    assert lead_gap([]) is None


def test_a_flat_top_is_held_back_with_the_reason() -> None:
    gate = AnswerabilityGate(flat_gap=0.015)
    held = gate.judge_distinct(_answerable(FLAT[0]), FLAT)
    assert not held.answerable and held.flat and held.passing == ()
    assert "all about as close" in held.explain() and "0.005" in held.explain()
    kept = gate.judge_distinct(_answerable(DISTINCT[0]), DISTINCT)
    assert kept.answerable and not kept.flat
    assert kept.lead_gap == round(0.880 - 0.846, 4)  # noted for the confidence


def test_off_or_already_unanswered_holds_nothing_back() -> None:
    judgement = _answerable(FLAT[0])
    off = AnswerabilityGate(flat_gap=0.0).judge_distinct(judgement, FLAT)
    assert off.answerable and not off.flat and off.lead_gap == round(0.850 - 0.845, 4)
    unanswered = Judgement(False, 0.7, 0.825, judgement.calibration)
    assert AnswerabilityGate(flat_gap=0.015).judge_distinct(unanswered, FLAT) is unanswered


def test_the_confidence_reads_the_least_gap_in_hundredths_capped() -> None:
    from rag.confidence import gap_signal

    assert gap_signal([0.005, 0.04]) == 0.5  # the weakest answered question counts
    assert gap_signal([0.3]) == 10.0  # beyond the cap, standing out says nothing more
    assert gap_signal([None]) == 10.0 and gap_signal([]) == 10.0  # not measurable
