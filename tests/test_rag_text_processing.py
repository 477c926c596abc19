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


def test_tokenize_lowercases_drops_stopwords_and_stems_across_languages() -> None:
    assert tokenize("The Deliveries and the delivery") == ["deliv", "deliv"]
    assert tokenize("Leveransen och leveranserna") == tokenize("leverans leverans")
    assert tokenize("Lieferung Lieferungen") == ["lief", "lief"]
    assert "3" in tokenize("3-5 Werktage")


def test_sparse_vectors_share_ids_for_inflected_forms() -> None:
    doc_ids, doc_values = document_vector("Refunds are paid within 10 working days.")
    query_ids, query_values = query_vector("When is my refund paid?")
    assert set(query_ids) & set(doc_ids)
    assert doc_ids == sorted(doc_ids) and all(v > 0 for v in doc_values)
    assert query_values == [1.0] * len(query_ids)


def test_repeated_terms_saturate_instead_of_growing_linearly() -> None:
    once = dict(zip(*document_vector("battery"), strict=True))
    many = dict(zip(*document_vector("battery " * 20), strict=True))
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
