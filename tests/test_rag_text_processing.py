"""Sparse tokenization, chunking and duplicate detection."""

from __future__ import annotations

import itertools

import pytest

from rag.ingest.chunking import chunk_sections
from rag.ingest.dedup import DuplicateFilter
from rag.ingest.documents import Section
from rag.sparse import document_vector, query_vector, tokenize
from rag.tokenizer import count_tokens
from tests.rag_fixtures import SAMPLE_KB  # noqa: F401  (sets TIKTOKEN_CACHE_DIR)

# (language, a word, an inflected form of it, a stop word): one per reply language
INFLECTIONS = [
    ("en", "delivery", "Deliveries", "the"),
    ("sv", "fakturor", "fakturorna", "och"),
    ("de", "Rechnung", "Rechnungen", "und"),
    ("fr", "facture", "factures", "avec"),
    ("es", "factura", "facturas", "para"),
    ("nl", "factuur", "facturen", "het"),
    ("it", "fattura", "fatture", "della"),
    ("da", "levering", "leveringen", "og"),
    ("no", "sykkel", "sykkelen", "ikke"),
    ("fi", "lasku", "laskun", "että"),
    ("pl", "faktura", "fakturę", "jest"),
    ("pt", "encomenda", "encomendas", "não"),
]


@pytest.mark.parametrize(("language", "word", "inflected", "stop"), INFLECTIONS)
def test_a_word_and_its_inflected_form_meet_and_stop_words_drop_in_each_language(
    language: str, word: str, inflected: str, stop: str
) -> None:
    assert tokenize(f"{stop} {word}", language) == tokenize(inflected, language)
    # through the vectors Qdrant stores and searches: the same term id
    assert query_vector(f"{stop} {inflected}", language)[0] == document_vector(word, language)[0]
    # what the language's analyzer does: unanalysed, the forms differ and the stop word stays
    assert tokenize(word, None) != tokenize(inflected, None)
    assert tokenize(stop, None) == [stop]


def test_language_codes_are_normalised_and_unknown_ones_are_not_stemmed() -> None:
    assert tokenize("Sykkelen", "nb") == tokenize("Sykkelen", "nn") == tokenize("sykkel", "no")
    assert tokenize("Encomendas", "pt-BR") == tokenize("encomenda", "pt")
    assert tokenize("The deliveries", "ru") == ["the", "deliveries"]
    assert tokenize("The deliveries", "und") == tokenize("The deliveries", None)


def test_numbers_are_kept_and_single_letters_dropped() -> None:
    assert tokenize("3-5 Werktage, Größe L", "de") == ["3", "5", "werktag", "gross"]


def test_a_decomposed_accent_does_not_split_a_word() -> None:
    decomposed = "Ru\u0308ckgabe"  # ü as u + combining diaeresis, as some mailers send it
    assert tokenize(decomposed, "de") == tokenize("Rückgabe", "de")


def test_sparse_vectors_share_ids_for_inflected_forms() -> None:
    doc_ids, doc_values = document_vector("Refunds are paid within 10 working days.", "en")
    query_ids, query_values = query_vector("When is my refund paid?", "en")
    assert set(query_ids) & set(doc_ids)
    assert doc_ids == sorted(doc_ids) and all(v > 0 for v in doc_values)
    assert query_values == [1.0] * len(query_ids)


def test_repeated_terms_saturate_instead_of_growing_linearly() -> None:
    once = dict(zip(*document_vector("battery", "en"), strict=True))
    many = dict(zip(*document_vector("battery " * 20, "en"), strict=True))
    (key,) = once
    assert once[key] < many[key] < 20 * once[key] / 4


def test_short_sections_stay_whole_and_keep_their_heading() -> None:
    sections = [
        Section(heading="Returns > Period", text="Return within 30 days."),
        Section(heading="Returns > Refunds", text="Refunds take 10 days."),
    ]
    chunks = chunk_sections(sections, chunk_tokens=64, overlap_tokens=8)
    assert [(c.section, c.text) for c in chunks] == [
        ("Returns > Period", "Return within 30 days."),
        ("Returns > Refunds", "Refunds take 10 days."),
    ]


def test_long_sections_split_within_the_token_limit_with_overlap() -> None:
    paragraphs = [
        f"Paragraph {i} explains warranty rule number {i} in some detail." for i in range(40)
    ]
    chunks = chunk_sections(
        [Section(heading="W", text="\n\n".join(paragraphs))], chunk_tokens=60, overlap_tokens=20
    )
    assert len(chunks) > 5
    assert all(count_tokens(c.text) <= 60 for c in chunks)
    for before, after in itertools.pairwise(chunks):
        assert before.text.split("\n\n")[-1] == after.text.split("\n\n")[0]  # overlap carried
    joined = "\n\n".join(c.text for c in chunks)
    assert all(p in joined for p in paragraphs)


def test_run_on_text_without_breaks_is_cut_into_token_windows() -> None:
    text = "word " * 1000
    chunks = chunk_sections([Section(text=text)], chunk_tokens=100, overlap_tokens=0)
    assert len(chunks) >= 9 and all(c.tokens <= 101 for c in chunks)


def test_overlap_must_be_smaller_than_chunk_size() -> None:
    with pytest.raises(ValueError, match="chunk_overlap_tokens"):
        chunk_sections([Section(text="x")], chunk_tokens=64, overlap_tokens=64)


def test_duplicate_filter_catches_exact_and_near_copies_only() -> None:
    seen = DuplicateFilter()
    original = (
        "You can return products within 30 days from delivery. Products must be unused and "
        "in their original packaging. Print the return label from My orders and attach it to "
        "the parcel, then drop the parcel off at the carrier named on the label. We refund "
        "within 10 working days after the return has arrived at our warehouse in Gothenburg, "
        "and the money goes back to the original payment method you used at checkout. Bikes "
        "that were ridden outdoors count as used and cannot be returned, but the warranty "
        "still covers faults in the frame, the motor and the battery."
    )
    assert not seen.is_duplicate(original)
    assert seen.is_duplicate(original.upper() + "!")  # same words, other case and punctuation
    assert seen.is_duplicate(original.replace("Gothenburg", "Göteborg"))  # one word edited
    assert not seen.is_duplicate(original[: len(original) // 2])  # half of it is not a copy
    assert not seen.is_duplicate("The battery warranty is 1 year or 500 charge cycles.")
