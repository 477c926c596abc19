"""Sentence splitting (rag.sentences): abbreviations, numbers and dates in the reply
languages, list items kept whole, wrapped lines joined; the evidence step uses it."""

from __future__ import annotations

import pytest

from rag.evidence import sentences_of
from rag.sentences import split_sentences

CASES = [
    (
        "en",
        "Sizes are e.g. S, M and L. The price is approx. 1.5 times higher, i.e. 150 EUR.",
        ["Sizes are e.g. S, M and L.", "The price is approx. 1.5 times higher, i.e. 150 EUR."],
    ),
    (
        "sv",
        "Vi har öppet kl. 9-17. Vi säljer t.ex. Cyklar och bl.a. Hjälmar. Det tar ca. 3 dagar.",
        [
            "Vi har öppet kl. 9-17.",
            "Vi säljer t.ex. Cyklar och bl.a. Hjälmar.",
            "Det tar ca. 3 dagar.",
        ],
    ),
    (
        "de",
        "Wir liefern z. B. Ersatzteile bzw. Zubehör. Die Rechnung kommt am 14. Oktober 2026.",
        ["Wir liefern z. B. Ersatzteile bzw. Zubehör.", "Die Rechnung kommt am 14. Oktober 2026."],
    ),
    (
        "de",
        "Sie erhalten ggf. Eine Gutschrift, d.h. Ihr Konto wird belastet. Danke.",
        ["Sie erhalten ggf. Eine Gutschrift, d.h. Ihr Konto wird belastet.", "Danke."],
    ),
    (
        "fr",
        "Le délai est env. 5 jours, p. ex. Paris. Merci.",
        ["Le délai est env. 5 jours, p. ex. Paris.", "Merci."],
    ),
    (
        "es",
        "El plazo es p. ej. Madrid 3 días. Gracias.",
        ["El plazo es p. ej. Madrid 3 días.", "Gracias."],
    ),
    (
        "nl",
        "Dit duurt bijv. Amsterdam 2 dagen, o.a. In de winter. Dank je.",
        ["Dit duurt bijv. Amsterdam 2 dagen, o.a. In de winter.", "Dank je."],
    ),
    (
        "it",
        "Spediamo ad es. Roma in 2 giorni. Grazie.",
        ["Spediamo ad es. Roma in 2 giorni.", "Grazie."],
    ),
    (
        "da",
        "Levering tager f.eks. København 2 dage. Tak.",
        ["Levering tager f.eks. København 2 dage.", "Tak."],
    ),
    (
        "no",
        "Levering tar f.eks. Oslo 2 dager. Takk.",
        ["Levering tar f.eks. Oslo 2 dager.", "Takk."],
    ),
    (
        "fi",
        "Toimitus kestää esim. Helsinkiin 3 päivää. Kiitos.",
        ["Toimitus kestää esim. Helsinkiin 3 päivää.", "Kiitos."],
    ),
    (
        "pl",
        "Dostawa trwa np. Warszawa 3 dni. Dziękujemy.",
        ["Dostawa trwa np. Warszawa 3 dni.", "Dziękujemy."],
    ),
    ("pt", "O n.º 5 chega em 3 dias. Obrigado.", ["O n.º 5 chega em 3 dias.", "Obrigado."]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_abbreviations_do_not_end_sentences(language: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, language) == expected
    assert split_sentences(text) == expected  # language unknown: every language's list


def test_numbers_dates_and_etc_mid_sentence_do_not_split() -> None:
    text = "Order by 14.10.2026 or 14. 10. 2026 for 1.5 kg. Chargers etc. are sold online. Done."
    assert split_sentences(text) == [
        "Order by 14.10.2026 or 14. 10. 2026 for 1.5 kg.",
        "Chargers etc. are sold online.",
        "Done.",
    ]


def test_real_sentence_ends_still_split() -> None:
    assert split_sentences(
        'We ship to the EU etc. Returns are free. He said "Done." Then left.'
    ) == [
        "We ship to the EU etc.",
        "Returns are free.",
        'He said "Done."',
        "Then left.",
    ]


def test_list_items_stay_whole_and_numbered_steps_are_not_cut_after_the_number() -> None:
    text = (
        "Delivery options:\n- Standard: 3-5 days. Costs 49 SEK.\n"
        "- Express: 1 day. Costs 99 SEK.\n1. Open the app."
    )
    assert split_sentences(text) == [
        "Delivery options:",
        "- Standard: 3-5 days. Costs 49 SEK.",
        "- Express: 1 day. Costs 99 SEK.",
        "1. Open the app.",
    ]


def test_a_wrapped_line_is_joined_and_table_rows_stay_apart() -> None:
    assert split_sentences(
        "You can return products within 30\ndays from delivery. Keep the box."
    ) == [
        "You can return products within 30 days from delivery.",
        "Keep the box.",
    ]
    assert split_sentences("Plan | Price\nbasic | 99 SEK") == ["Plan | Price", "basic | 99 SEK"]


def test_evidence_sentences_use_the_splitter() -> None:
    text = (
        "Die Lieferung dauert ca. 5 Tage, z. B. nach Wien. Danach kommt die Rechnung.\n"
        "- Express: 1 Tag. Kostet 9 EUR."
    )
    assert sentences_of(text) == [
        "Die Lieferung dauert ca. 5 Tage, z. B. nach Wien.",
        "Danach kommt die Rechnung.",
        "Express: 1 Tag. Kostet 9 EUR.",
    ]
