"""rag.coverage: the question's specific terms that the knowledge base never mentions."""

from __future__ import annotations

import pytest

from rag.coverage import build_vocabulary, unknown_terms

KB = build_vocabulary(
    [
        "Invoices are sent as PDF by email. You can send e-invoices on the Pro plan.",
        "Delivery takes 3-5 working days to Norway.",
        "Fakturan skickas inom 30 dagar. Betalning med kort eller autogiro.",
    ],
    ["en", "sv"],
)


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("Do you support Peppol e-invoicing?", "en", ["peppol"]),  # a named service
        ("Can I export my invoices to SIE4 format?", "en", ["sie4"]),  # a file format
        ("Kan jag få fakturan till Fortnox?", "sv", ["fortnox"]),  # a name, another language
        ("Czy mogę eksportować faktury do formatu JPK?", "pl", ["jpk"]),  # an acronym
        ("Is tethering allowed on the Pro plan?", "en", ["tethering"]),  # a rare feature word
    ],
)
def test_names_what_the_knowledge_base_never_mentions(
    question: str, language: str, expected: list[str]
) -> None:
    assert unknown_terms(question, language, KB) == expected


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("How long does delivery to Norway take?", "en"),  # in the knowledge base
        ("Can I get my invoicing documents as PDF?", "en"),  # same stem as "invoices"
        ("My invoce INV-2026-0042 is wrong, what now?", "en"),  # a typo and an id
        ("Hur lång är betalningstiden för fakturan?", "sv"),  # a compound of common words
        ("Wie lange dauert die Lieferung nach Norwegen?", "de"),  # ordinary words, no KB in de
        ("Can I change the delivery address?", "en"),  # common words only
    ],
)
def test_ordinary_questions_name_nothing_unknown(question: str, language: str) -> None:
    assert unknown_terms(question, language, KB) == []


def test_lowercase_rare_words_count_only_in_a_language_the_knowledge_base_has() -> None:
    # "tethering" is judged in English (the KB has English passages), not in Finnish,
    # where a rare word may just be an inflected form the English KB cannot show.
    assert unknown_terms("Onko tethering sallittu?", "fi", KB) == []
    assert unknown_terms("Is tethering allowed?", "en", KB) == ["tethering"]
