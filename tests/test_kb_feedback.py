"""kb_feedback's pure parts: personal details out, facts and their changes, citations, the
article an accepted suggestion becomes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kb_feedback.article import clean_answer, render
from kb_feedback.citations import article_offsets, sources
from kb_feedback.facts import changes, contradictions, facts
from kb_feedback.models import Example, SuggestionGroup
from kb_feedback.scrub import scrub


@pytest.mark.parametrize(
    ("text", "planted"),
    [
        ("My name is Erik Lindqvist, I need help.", "Lindqvist"),
        ("Ich heiße Jürgen Weber und habe eine Frage.", "Weber"),
        ("Jag heter Karin Ek och undrar", "Karin"),
        ("Hi Sofia,\n\nYes, you can.", "Sofia"),
        ("Send it to Storgatan 12, 411 38 Göteborg.", "Storgatan 12"),
        ("Send it to Storgatan 12, 411 38 Göteborg.", "411 38"),
        ("Lieferung an Hauptstraße 5, 10115 Berlin", "10115"),
        ("I live at 12 High Street, SW1A 1AA London", "SW1A 1AA"),
        ("Order NB-20431 has not arrived", "20431"),
        ("Bestellnummer 7781234 fehlt", "7781234"),
        ("my customer number: 884211", "884211"),
        ("Ordernummer #55120", "55120"),
        ("Refund to SE45 5000 0000 0583 9825 7466", "5000 0000"),
        ("Call +46 70 123 45 67 today", "123 45 67"),
        ("Write to erik.l@mail.example", "erik.l@mail.example"),
        ("tracking https://track.example/t?id=88123&order=NB-1", "88123"),
        ("The bike is for my husband Lars Öberg.", "Lars"),
        ("Min fru Eva cyklar varje dag.", "Eva"),
        ("Bitte an Frau Dr. Anna Weber schicken.", "Weber"),
    ],
)
def test_scrub_removes_the_planted_detail(text: str, planted: str) -> None:
    assert planted not in scrub(text)


def test_scrub_removes_the_threads_known_names_and_keeps_the_answers_facts() -> None:
    text = (
        "Thanks Maja! Delivery costs 299 SEK and takes 3-5 working days; orders over 5000 SEK "
        "ship free. See https://nordvikbikes.example/help/delivery."
    )
    cleaned = scrub(text, ["Maja Holm", "maja.holm@mail.example"])
    assert "Maja" not in cleaned
    for kept in ("299 SEK", "3-5 working days", "5000 SEK", "nordvikbikes.example/help/delivery"):
        assert kept in cleaned


def test_facts_normalise_thousands_and_currency_names() -> None:
    keys = [f.key for f in facts("Free over 5,000 kr; otherwise 299 SEK, in 3-5 working days.")]
    assert keys == ["price:5000:SEK", "price:299:SEK", "period:3-5:working days"]


@pytest.mark.parametrize(
    ("draft", "reply", "expected"),
    [
        ("Delivery costs 299 SEK [1].", "Delivery costs 349 SEK.", [("299 SEK", "349 SEK")]),
        ("Returns within 14 Tagen [1].", "Returns within 30 Tagen.", [("14 Tagen", "30 Tagen")]),
        (
            "See https://a.example/old [1].",
            "See https://a.example/new.",
            [("https://a.example/old", "https://a.example/new")],
        ),
        ("Costs 5,000 SEK [1].", "Costs 5000 kr.", []),  # the same price written otherwise
        ("Costs 299 SEK [1].", "Costs 299 SEK, and it takes 2 weeks.", []),  # only added
        ("Costs 299 SEK [1]. It takes 2 weeks.", "It takes 2 weeks.", []),  # only removed
        ("Costs 299 SEK [1].", "It takes 3 days.", []),  # kinds are never paired
    ],
)
def test_changes_pair_a_removed_and_an_added_fact_of_one_kind(
    draft: str, reply: str, expected: list[tuple[str, str]]
) -> None:
    assert [(c.old, c.new) for c in changes(draft, reply)] == expected


def test_contradiction_names_the_articles_figure_of_the_same_unit() -> None:
    article = "Delivery is free over 5000 SEK... no, wait. A bike ticket costs 40 SEK."
    found = contradictions("A bike ticket costs 50 SEK.", "A bike ticket costs 40 SEK.")
    assert [(c.old, c.new) for c in found] == [("40 SEK", "50 SEK")]
    assert contradictions("A ticket costs 50 SEK.", article) == []  # two SEK figures: unsure


COMMENT = (
    "[Draft - review before sending]\nTriage: en · delivery · priority normal\n\n"
    "Delivery costs 299 SEK [1]. It takes 3-5 working days [2].\n\nSources:\n"
    "[1] Delivery times and costs - https://shop.example/help/delivery\n[2] Shipping times\n\n"
    "Confidence: 80% (extractive drafter)\n\n-- triage-bot: answers m-1"
)


def test_citations_map_each_marker_to_its_article() -> None:
    assert sources(COMMENT) == {1: "https://shop.example/help/delivery", 2: "Shipping times"}
    draft = "Delivery costs 299 SEK [1]. It takes 3-5 working days [2]."
    assert list(article_offsets(draft, COMMENT).values()) == [
        "https://shop.example/help/delivery",
        "Shipping times",
    ]


def test_the_article_has_front_matter_and_no_sentence_about_one_customer() -> None:
    at = datetime(2026, 12, 1, tzinfo=UTC)
    group = SuggestionGroup(
        group_id="abc123def456",
        count=2,
        languages={"en": 2},
        examples=[
            Example(
                key="k1",
                question="Can I take my e-bike on the train?",
                language="en",
                at=at,
                answer="Hi [NAME],\n\nYes, book a bike space; it costs 50 SEK. I noted it on "
                "[REFERENCE].\n\nBest regards,\nAnna",
            ),
            Example(
                key="k2",
                question="Bike on a train?",
                language="en",
                at=at,
                answer="Yes: book a bike space, 50 SEK.",
            ),
        ],
    )
    path, text = render(group, "Lena", at)
    assert path == "suggested/can-i-take-my-e-bike-on-the-abc123.md"
    assert 'source: "agent replies"' in text and 'accepted_by: "Lena"' in text
    assert "[REFERENCE]" not in text and "[NAME]" not in text
    assert clean_answer(group.examples[0].answer) == "Yes, book a bike space; it costs 50 SEK."


def test_a_suggested_answer_contradicts_only_a_passage_on_its_subject() -> None:
    from kb_feedback.contradict import find
    from kb_feedback.grouping import GROUP_THRESHOLD

    answer = "Yes: book a bike space on the regional train, a bike ticket costs 50 SEK."
    passage = "A bike ticket on regional trains costs 40 SEK."
    close, far = GROUP_THRESHOLD + 0.01, GROUP_THRESHOLD - 0.01
    found = find(answer, [("help/train.md", passage, close)])
    assert [(c.article, c.article_says, c.agents_say) for c in found] == [
        ("help/train.md", "40 SEK", "50 SEK")
    ]
    assert find(answer, [("help/delivery.md", passage, far)]) == []  # another subject


def test_the_question_line_is_the_question_without_a_greeting() -> None:
    from kb_feedback.models import question_line

    text = "Hi, do you sell brake pads? I have a Nordvik City."
    assert question_line(text) == "Do you sell brake pads?"
    assert question_line("I ride daily. Can I take it on the train?") == (
        "Can I take it on the train?"
    )


def test_the_report_lists_suggestions_most_asked_first_and_the_alerts() -> None:
    from datetime import timedelta

    from localdev.report_page import render_html
    from localdev.report_text import render_text
    from pipeline.report import AlertLine, SuggestionLine, build_report

    now = datetime(2026, 12, 7, tzinfo=UTC)
    built = build_report([], now - timedelta(days=7), now).model_copy(
        update={
            "suggestions": [
                SuggestionLine(
                    group_id="g1",
                    title="Can I take the bike on the train?",
                    count=4,
                    languages={"en": 2, "sv": 2},
                    last_at=now,
                    contradictions=["help/train.md says 40 SEK, the agents 50 SEK"],
                ),
                SuggestionLine(group_id="g2", title="Brake pads?", count=2, languages={"en": 2}),
            ],
            "stale_alerts": [
                AlertLine(
                    article="help/delivery.md",
                    old="299 SEK",
                    new="349 SEK",
                    drafts=4,
                    sentence="agents changed 299 SEK to 349 SEK in 4 drafts citing "
                    "help/delivery.md",
                )
            ],
        }
    )
    text = render_text(built)
    assert text.index("g1  asked 4x (en 2, sv 2)") < text.index("g2  asked 2x")
    assert "contradicts an article: help/train.md says 40 SEK" in text
    assert "stale article? agents changed 299 SEK to 349 SEK in 4 drafts" in text
    page = render_html(built)
    assert "<section id='suggestions'>" in page
    assert page.index("Can I take the bike on the train?") < page.index("Brake pads?")
    assert "agents changed 299 SEK to 349 SEK in 4 drafts citing help/delivery.md" in page
