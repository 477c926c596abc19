"""The draft-outcome comparison: answer parts, similarity and bands (hubspot/draft_outcome)."""

from __future__ import annotations

from collections import Counter

import pytest

from hubspot.draft_outcome import (
    band,
    comment_answer,
    marked_message_id,
    similarity,
    strip_greeting_and_closing,
)
from hubspot.rendering import CommentContent, Source, render_comment
from tests.draft_outcome_examples import EN_DRAFT, EXAMPLES


def test_constructed_examples_fall_in_their_bands() -> None:
    # Prints every score: the band edges were chosen by looking at these (see the module).
    wrong = []
    for name, draft, reply, expected in EXAMPLES:
        score = similarity(draft, reply)
        print(f"{score:.2f}  {band(score):16} expected {expected:16} {name}")
        if band(score) != expected:
            wrong.append((name, round(score, 2), expected))
    assert not wrong


def test_every_band_has_at_least_two_examples() -> None:
    bands = Counter(expected for *_, expected in EXAMPLES)
    assert set(bands) == {"sent_as_drafted", "edited", "rewritten", "not_used"}
    assert min(bands.values()) >= 2


def test_comment_answer_is_the_body_without_label_triage_sources_and_marker() -> None:
    content = CommentContent(
        answers_message_id="abc123",
        body=EN_DRAFT,
        triage_line="en · returns_refunds · priority normal · neutral",
        sources=[Source(number=1, title="Returns", url="https://help.example/returns")],
        confidence=0.8,
        drafter="extractive",
        review_reasons=["check the dates"],
    )
    text = render_comment(content).text
    answer = comment_answer(text)
    assert answer == EN_DRAFT.strip()
    assert "Sources:" not in answer and "Confidence" not in answer and "abc123" not in answer
    assert marked_message_id(text) == "abc123"
    assert marked_message_id("an agent's own note") is None


def test_greeting_and_closing_are_stripped_but_never_the_whole_answer() -> None:
    assert strip_greeting_and_closing(EN_DRAFT).startswith("Here is what")
    assert "Kind regards" not in strip_greeting_and_closing(EN_DRAFT)
    assert strip_greeting_and_closing("Yes, it ships tomorrow.") == "Yes, it ships tomorrow."


@pytest.mark.parametrize("text", ["", "   ", "[1]"])
def test_empty_answers_are_not_similar(text: str) -> None:
    assert similarity(text, EN_DRAFT) == 0.0
    assert band(similarity(text, EN_DRAFT)) == "not_used"
