"""Where an answerable email's answer ended, from the answer step's trace: each stage of
evaluation.loss_stages on a trace built for it, and the trace answer_email fills."""

from __future__ import annotations

import pytest

from evaluation.loss_stages import STAGES, format_stages, loss_stage, stage_counts
from pipeline.answer_trace import AnswerTrace, QuestionTrace, TracedPassage

GOLD = TracedPassage(chunk_id="g", source="help/delivery.md", section="Abroad")
OTHER = TracedPassage(chunk_id="o", source="help/returns.md", section="Refunds")
DEEP = TracedPassage(chunk_id="d", source="help/warranty.md", section="Claims")


def is_gold(source: str, section: str) -> bool:
    return (source, section) == (GOLD.source, GOLD.section)


def question(
    retrieved: list[TracedPassage],
    judged: int,
    passing: list[str],
    flat: bool = False,
    set_aside: tuple[str, ...] = (),
) -> QuestionTrace:
    """A trace whose top 2 are the window; ``set_aside`` leaves the window unjudged."""
    window = [p.chunk_id for p in retrieved[:2]]
    return QuestionTrace(
        retrieved=retrieved,
        window=window,
        judged=[p.chunk_id for p in retrieved[:judged] if p.chunk_id not in set_aside],
        passing=passing,
        flat=flat,
    )


def stage(decision: str, *questions: QuestionTrace, correct: bool = False, cited: bool = False):
    trace = AnswerTrace(questions=list(questions))
    return loss_stage(
        decision=decision, correct=correct, gold_cited=cited, trace=trace, is_gold=is_gold
    )


@pytest.mark.parametrize(
    ("expected", "decision", "questions", "correct", "cited"),
    [
        ("answered", "answered", [question([GOLD, OTHER], 2, ["g"])], True, True),
        ("facts missing", "answered", [question([GOLD, OTHER], 2, ["g"])], False, True),
        ("lost to another passage", "answered", [question([OTHER, GOLD], 2, ["o", "g"])], 0, 0),
        ("drafter found no answer", "abstained", [question([GOLD], 1, ["g"])], False, False),
        ("held back as flat", "abstained", [question([OTHER, GOLD], 2, ["o", "g"], True)], 0, 0),
        ("below the threshold", "abstained", [question([OTHER, GOLD], 2, [])], False, False),
        # flat, but the gold passage never reached its threshold: that is what lost it
        ("below the threshold", "abstained", [question([OTHER, GOLD], 2, ["o"], True)], 0, 0),
        ("set aside", "answered", [question([OTHER, GOLD], 2, ["o"], set_aside=("g",))], 0, 0),
        ("ranked below the top k", "answered", [question([OTHER, DEEP, GOLD], 2, ["o"])], 0, 0),
        ("ranked below the top k", "abstained", [question([OTHER, DEEP, GOLD], 2, [], True)], 0, 0),
        ("not retrieved", "answered", [question([OTHER, DEEP], 2, ["o"])], False, False),
        ("no question found", "abstained", [], False, False),
        ("routed", "routed", [], False, False),
        ("skipped", "skipped", [], False, False),
    ],
)
def test_each_stage(expected, decision, questions, correct, cited) -> None:
    assert stage(decision, *questions, correct=bool(correct), cited=bool(cited)) == expected


def test_the_gold_passage_of_any_question_counts() -> None:
    # the first question never saw the answer; the second judged it below its threshold
    first = question([OTHER, DEEP], 2, ["o"])
    second = question([DEEP, GOLD], 2, [])
    assert stage("answered", first, second) == "below the threshold"


def test_counts_follow_the_stages_order_and_leave_out_empty_ones() -> None:
    counts = stage_counts(["not retrieved", "answered", "", "answered"])
    assert list(counts) == ["answered", "not retrieved"] and counts["answered"] == 2
    assert list(STAGES).index("answered") == 0
    assert format_stages(counts).endswith("answered 2, not retrieved 1")
