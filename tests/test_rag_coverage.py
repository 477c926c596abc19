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


def test_capitalised_german_nouns_and_cities_of_the_kbs_languages_are_not_names() -> None:
    german_kb = build_vocabulary(["Lieferung nach Österreich in 5 bis 8 Tagen."], ["en", "de"])
    # every German noun is capitalised; a compound of common words says nothing
    assert unknown_terms("Ich habe die Diebstahlversicherung. Wie gehe ich vor?", "de", KB) == []
    # Graz is rare in English but common in German, one of the knowledge base's languages
    assert unknown_terms("How long does delivery to Graz take?", "en", german_kb) == []


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("Peut-on envoyer les factures sur Chorus Pro ?", "fr", ["chorus pro"]),  # two words
        ("Kan I sende fakturaer til e-Boks?", "da", ["e-boks"]),  # a brand's shape
        ("Kan er een iDEAL-link op de factuur?", "nl", ["ideal-link"]),  # "ideal" is a word
        ("Voiko laskun lähettää verkkopankkiin (Finvoice)?", "fi", ["finvoice"]),  # not invoice
    ],
)
def test_names_of_several_words_brands_and_near_namesakes(
    question: str, language: str, expected: list[str]
) -> None:
    assert unknown_terms(question, language, KB) == expected


def test_a_name_made_of_words_the_knowledge_base_uses_is_known() -> None:
    assert unknown_terms("Can I send invoices on the Pro Plan today?", "en", KB) == []


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Tenemos un cliente de Estados Unidos. ¿Puedo facturar?", "es"),  # common words
        ("Our customer is a GmbH in Hamburg. Which VAT applies?", "en"),  # a legal form
        ("Délai pour la Belgique Combien de temps faut-il ?", "fr"),  # subject run into text
    ],
)
def test_capitalised_runs_of_common_words_are_not_names(question: str, language: str) -> None:
    assert unknown_terms(question, language, KB) == []


def test_redaction_placeholders_are_not_terms() -> None:
    assert unknown_terms("Can you refund to [IBAN_1] instead of [CARD_1]?", "en", KB) == []


def test_checking_new_words_for_misspellings_retains_no_memory_per_word() -> None:
    # Each new rare word of an email is checked against its ~1,300 one-letter edits. A
    # cache of those edits kept about 170 KiB a word for the life of the worker (26 MiB
    # every 1,000 emails in the long run). Only the bounded caches may keep anything.
    import gc
    import tracemalloc

    import wordfreq

    from rag.coverage import _misspelling, general_zipf

    _misspelling("warmupwordq", "de")  # loads the word lists once
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for n in range(60):
            _misspelling(f"fresh{n}wordq", "de")
        _misspelling.cache_clear()
        general_zipf.cache_clear()
        wordfreq._wf_cache.clear()
        gc.collect()
        retained = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert retained < 1024 * 1024, f"{retained / 1024:.0f} KiB kept after 60 words"
