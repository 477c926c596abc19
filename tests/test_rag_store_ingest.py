"""Ingestion into embedded Qdrant: incremental runs, unreadable files, zips, model checks."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from rag.ingest import ingest_path
from rag.sparse import query_vector
from rag.store import EmbeddingMismatchError, KnowledgeStore, StoreError
from tests import rag_fixtures
from tests.rag_fixtures import HashingEmbedder, write_small_kb

# Fixtures bound as module names (an assignment does not trip ruff's F811).
hashing_embedder = rag_fixtures.hashing_embedder
memory_store = rag_fixtures.memory_store


def _paths(notes) -> list[str]:
    return sorted(n.path for n in notes)


def test_first_ingest_adds_readable_files_and_reports_the_rest(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    report = ingest_path(
        write_small_kb(tmp_path / "kb"),
        memory_store,
        hashing_embedder,
        chunk_tokens=128,
        chunk_overlap_tokens=16,
    )
    assert _paths(report.added) == ["faq.csv", "guides/delivery.md", "guides/returns.md"]
    reasons = {n.path: n.reason for n in report.skipped}
    assert "unreadable PDF" in reasons["broken.pdf"]
    assert "unsupported file type" in reasons["notes.xyz"]
    assert report.chunks == 4 == memory_store.count()  # delivery has two sections
    assert hashing_embedder.documents_embedded == 4


def test_second_run_skips_unchanged_and_handles_changes_and_removals(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    kb = write_small_kb(tmp_path / "kb")
    ingest_path(kb, memory_store, hashing_embedder)
    embedded_before = hashing_embedder.documents_embedded

    again = ingest_path(kb, memory_store, hashing_embedder)
    assert again.added == [] and again.updated == [] and again.removed == []
    assert again.chunks == 0 and hashing_embedder.documents_embedded == embedded_before

    (kb / "guides" / "returns.md").write_text("# Returns\n\nNow 60 days.\n", encoding="utf-8")
    (kb / "faq.csv").unlink()
    (kb / "guides" / "warranty.md").write_text("# Warranty\n\nTwo years.\n", encoding="utf-8")
    changed = ingest_path(kb, memory_store, hashing_embedder)
    assert _paths(changed.updated) == ["guides/returns.md"]
    assert _paths(changed.added) == ["guides/warranty.md"]
    assert _paths(changed.removed) == ["faq.csv"]
    assert changed.chunks == 2
    hashes = memory_store.document_hashes()
    assert sorted(hashes) == ["guides/delivery.md", "guides/returns.md", "guides/warranty.md"]
    texts = [
        p.text
        for p in memory_store.search(
            dense=None, sparse=query_vector("days", "en"), mode="sparse", limit=10
        )
    ]
    assert "Now 60 days." in texts and not any("30 days" in t for t in texts)


def test_duplicate_chunks_across_documents_are_stored_once(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    paragraph = "Delivery is free on orders over 5,000 SEK; otherwise it costs 299 SEK."
    (kb / "a.md").write_text(f"# A\n\n{paragraph}\n", encoding="utf-8")
    (kb / "b.md").write_text(f"# B\n\n{paragraph}\n", encoding="utf-8")
    report = ingest_path(kb, memory_store, hashing_embedder)
    assert report.chunks == 1 and memory_store.count() == 1


def test_zip_archives_ingest_like_folders(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    kb = write_small_kb(tmp_path / "kb")
    archive = tmp_path / "kb.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for file in sorted(kb.rglob("*")):
            if file.is_file():
                zf.write(file, file.relative_to(kb).as_posix())
    report = ingest_path(archive, memory_store, hashing_embedder)
    assert _paths(report.added) == ["faq.csv", "guides/delivery.md", "guides/returns.md"]


def test_payload_metadata_and_filters(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    ingest_path(write_small_kb(tmp_path / "kb"), memory_store, hashing_embedder)
    dense = hashing_embedder.embed_queries(["shipping costs"])[0]
    hits = memory_store.search(
        dense=dense,
        sparse=query_vector("shipping costs", "en"),
        limit=3,
        filters={"category": "guides"},
        sparse_scores=True,
    )
    assert hits and all(p.source.startswith("guides/") for p in hits)
    top = hits[0]
    assert top.title == "Delivery" and top.section == "Costs"
    assert top.url == "https://shop.example/help/delivery" and top.language == "en"
    assert top.dense_score is not None and top.sparse_score is not None
    none = memory_store.search(
        dense=dense,
        sparse=query_vector("x", "en"),
        mode="dense",
        limit=3,
        filters={"language": "sv"},
    )
    assert none == []
    with pytest.raises(ValueError, match="cannot filter on 'colour'"):
        memory_store.search(dense=dense, sparse=None, mode="dense", filters={"colour": "red"})


def test_other_embedding_model_is_refused_with_a_way_out(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    kb = write_small_kb(tmp_path / "kb")
    ingest_path(kb, memory_store, hashing_embedder)
    other = HashingEmbedder(dimension=32, model_id="test/other-32")
    with pytest.raises(EmbeddingMismatchError, match="triage ingest PATH --recreate"):
        ingest_path(kb, memory_store, other)
    rebuilt = ingest_path(kb, memory_store, other, recreate=True)
    assert len(rebuilt.added) == 3 and memory_store.count() == 4


def test_searching_before_ingest_says_what_to_do(memory_store: KnowledgeStore) -> None:
    with pytest.raises(StoreError, match="run `triage ingest PATH` first"):
        memory_store.search(dense=[0.0] * 4, sparse=None, mode="dense")


def test_embedded_folder_store_is_shared_per_path_and_persists(
    tmp_path: Path, hashing_embedder: HashingEmbedder
) -> None:
    path = tmp_path / "qdrant"
    first = KnowledgeStore("kb", path=path)
    ingest_path(write_small_kb(tmp_path / "kb"), first, hashing_embedder)
    second = KnowledgeStore("kb", path=path)  # a second client on the same path would fail
    assert second.count() == first.count() == 4


def test_concurrent_searches_on_an_embedded_folder_are_serialized(
    tmp_path: Path, hashing_embedder: HashingEmbedder
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    store = KnowledgeStore("kb", path=tmp_path / "qdrant")
    ingest_path(write_small_kb(tmp_path / "kb"), store, hashing_embedder)
    questions = ["shipping costs", "return within 30 days", "tyres"] * 10

    def ask(question: str) -> str:
        dense = hashing_embedder.embed_queries([question])[0]
        return store.search(dense=dense, sparse=query_vector(question, "en"), limit=1)[0].doc_id

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(ask, questions))
    assert answers[:3] == ["guides/delivery.md", "guides/returns.md", "faq.csv"]
    assert answers == answers[:3] * 10
