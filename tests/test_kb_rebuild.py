"""Stepped ingestion behind a collection alias: retried steps lose nothing, readers see the
old complete collection during a rebuild and the new one after the switch, a failure
mid-rebuild leaves the live collection alone. Embedded Qdrant, the hashing embedder."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import pytest

import rag.ingest.pipeline as ingest_pipeline
import rag.store as store_module
from rag.ingest import (
    FolderSource,
    StepLimits,
    finish_ingest,
    ingest_path,
    ingest_step,
    plan_ingest,
)
from rag.retrieve import retrieve
from rag.sparse import ANALYZER, query_vector
from rag.store import KnowledgeStore, StoredChunk, StoreError
from tests import rag_fixtures
from tests.rag_fixtures import HashingEmbedder, write_small_kb

hashing_embedder = rag_fixtures.hashing_embedder
ONE_DOCUMENT = StepLimits(documents=1)


class FailingEmbedder(HashingEmbedder):
    """Embeds normally until call number `fail_on`, which raises (a crash mid-step)."""

    def __init__(self, fail_on: int) -> None:
        super().__init__()
        self.calls = 0
        self.fail_on = fail_on

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls += 1
        if self.calls == self.fail_on:
            raise ConnectionError("embedding service went away")
        return super().embed_documents(texts)


def _texts(store: KnowledgeStore, query: str = "days") -> list[str]:
    hits = store.search(dense=None, sparse=query_vector(query, "en"), mode="sparse", limit=20)
    return [hit.text for hit in hits]


def _run_steps(source, store, embedder, plan, limits=ONE_DOCUMENT) -> None:
    after = None
    while True:
        step = ingest_step(source, store, embedder, plan, after=after, limits=limits)
        after = step.last
        if step.done:
            return


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    return write_small_kb(tmp_path / "kb")


@pytest.fixture
def store(tmp_path: Path) -> KnowledgeStore:
    return KnowledgeStore("kb", path=tmp_path / "qdrant")


def test_first_ingest_builds_a_collection_behind_the_alias(
    kb: Path, store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    ingest_path(kb, store, hashing_embedder)
    live = store.live_collection()
    assert live is not None and live.startswith("kb__") and live != "kb"
    assert store.build_collections() == [live]
    assert store.count() == 4 and "Return unused items within 30 days" in " ".join(_texts(store))


def test_steps_are_bounded_and_resume_after_the_cursor(
    kb: Path, store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    source = FolderSource(kb)
    plan = plan_ingest(source, store, hashing_embedder, build_id="b1")
    first = ingest_step(source, store, hashing_embedder, plan, after=None, limits=StepLimits(2))
    assert first.last == source.names()[1] and not first.done
    rest = ingest_step(source, store, hashing_embedder, plan, after=first.last)
    assert rest.done and rest.last == source.names()[-1]
    seen = [n.path for r in (first, rest) for n in r.report.added + r.report.skipped]
    assert sorted(seen) == source.names()  # every document once, none twice


def test_retried_plan_keeps_what_an_earlier_attempt_built_and_the_live_collection(
    kb: Path, store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    ingest_path(kb, store, hashing_embedder)
    live = store.live_collection()
    source = FolderSource(kb)
    plan = plan_ingest(source, store, hashing_embedder, build_id="b2", recreate=True)
    ingest_step(source, store, hashing_embedder, plan, after=None, limits=StepLimits(3))
    built = store.at(plan.target).count()
    assert built > 0
    # The plan activity runs again (its result was lost): nothing is dropped.
    again = plan_ingest(source, store, hashing_embedder, build_id="b2", recreate=True)
    assert again == plan
    assert store.at(plan.target).count() == built
    assert store.live_collection() == live and store.count() == 4


def test_a_step_that_died_mid_document_rewrites_it_on_the_retry(
    kb: Path, store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest_pipeline, "EMBED_BATCH", 1)  # one upsert per chunk
    source = FolderSource(kb)
    flaky = FailingEmbedder(fail_on=3)  # faq.csv (1 chunk), then delivery.md's second chunk
    plan = plan_ingest(source, store, flaky, build_id="b3")
    with pytest.raises(ConnectionError):
        ingest_step(source, store, flaky, plan, after=None)
    half = store.at(plan.target).document_states()["guides/delivery.md"]
    assert half.points == 1 and half.expected == 2  # the crash left half a document
    _run_steps(source, store, flaky, plan)  # the retry, from the same cursor
    finish_ingest(source, store, plan)
    clean = KnowledgeStore("clean", path=":memory:")
    ingest_path(kb, clean, HashingEmbedder())
    assert store.count() == clean.count() == 4
    assert sorted(_texts(store)) == sorted(_texts(clean))


def test_searches_during_a_rebuild_see_the_old_collection_then_the_new_one(
    kb: Path, store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    ingest_path(kb, store, hashing_embedder)
    old = store.live_collection()
    (kb / "guides" / "returns.md").write_text("# Returns\n\nNow 60 days.\n", encoding="utf-8")
    source = FolderSource(kb)
    plan = plan_ingest(source, store, hashing_embedder, build_id="b4", recreate=True)
    after = None
    while True:
        step = ingest_step(source, store, hashing_embedder, plan, after=after, limits=ONE_DOCUMENT)
        # Between steps readers still get the old, complete collection.
        assert store.live_collection() == old and store.count() == 4
        texts = " ".join(_texts(store))
        assert "within 30 days" in texts and "Now 60 days." not in texts
        after = step.last
        if step.done:
            break
    finish_ingest(source, store, plan)
    texts = " ".join(_texts(store))
    assert store.live_collection() == plan.target
    assert "Now 60 days." in texts and "within 30 days" not in texts
    assert store.build_collections() == [plan.target]  # the old one is gone, after the switch


def test_a_failure_mid_rebuild_leaves_the_live_alias_untouched(
    kb: Path, store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    ingest_path(kb, store, hashing_embedder)
    old = store.live_collection()
    source = FolderSource(kb)
    failing = FailingEmbedder(fail_on=2)
    plan = plan_ingest(source, store, failing, build_id="b5", recreate=True)
    with pytest.raises(ConnectionError):
        _run_steps(source, store, failing, plan)
    assert store.live_collection() == old and store.count() == 4
    assert "within 30 days" in " ".join(_texts(store))
    # The next rebuild completes and drops the failed build's leftovers with the old one.
    rebuilt = ingest_path(kb, store, hashing_embedder, recreate=True)
    assert len(rebuilt.added) == 3
    assert store.build_collections() == [store.live_collection()]
    assert store.live_collection() not in (old, plan.target)


def test_incremental_ingest_updates_the_live_collection_in_place(
    kb: Path, store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    ingest_path(kb, store, hashing_embedder)
    live = store.live_collection()
    (kb / "faq.csv").unlink()
    changed = ingest_path(kb, store, hashing_embedder)
    assert [n.path for n in changed.removed] == ["faq.csv"]
    assert store.live_collection() == live and store.count() == 3


def test_a_collection_from_another_keyword_analyzer_is_rebuilt_and_searched_dense_till_then(
    kb: Path,
    store: KnowledgeStore,
    hashing_embedder: HashingEmbedder,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with monkeypatch.context() as old_release:  # what the previous release recorded
        old_release.setattr(store_module, "ANALYZER", "hand-written suffixes")
        ingest_path(kb, store, hashing_embedder)
    old = store.live_collection()
    assert store.sparse_analyzer() == "hand-written suffixes"

    # Until the rebuild the query's terms would not meet the stored ones: dense only.
    with pytest.raises(StoreError, match="ingest it again"):
        retrieve(store, hashing_embedder, "days", language="en", top_k=3, mode="sparse")
    with caplog.at_level(logging.WARNING, logger="rag.retrieve"):
        hits = retrieve(store, hashing_embedder, "days", language="en", top_k=3, sparse_scores=True)
    assert hits and all(hit.sparse_score is None for hit in hits)
    assert "hand-written suffixes" in caplog.text and "dense only" in caplog.text

    # The next ingestion rebuilds it (nobody asked for --recreate), then updates in place.
    source = FolderSource(kb)
    plan = plan_ingest(source, store, hashing_embedder, build_id="analyzer")
    assert plan.rebuild and plan.target != old and "hand-written suffixes" in plan.reason
    _run_steps(source, store, hashing_embedder, plan, limits=StepLimits())
    finish_ingest(source, store, plan)
    assert store.live_collection() == plan.target and store.sparse_analyzer() == ANALYZER
    assert store.build_collections() == [plan.target] and store.count() == 4
    hits = retrieve(store, hashing_embedder, "days", language="en", top_k=3, sparse_scores=True)
    assert any(hit.sparse_score for hit in hits)
    assert not plan_ingest(source, store, hashing_embedder, build_id="next").rebuild


def test_an_empty_source_keeps_the_knowledge_base(
    kb: Path, tmp_path: Path, store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    ingest_path(kb, store, hashing_embedder)
    old = store.live_collection()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(StoreError, match="left as it was"):
        ingest_path(empty, store, hashing_embedder, recreate=True)
    assert store.live_collection() == old and store.count() == 4
    with pytest.raises(StoreError, match="nothing was deleted"):
        ingest_path(empty, store, hashing_embedder)  # in place: no mass deletion either
    assert store.count() == 4


def test_a_plain_collection_from_before_aliases_is_replaced_by_the_alias(
    kb: Path, store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    # What deployments before the alias hold: a plain collection under the alias name.
    store.ensure_collection(hashing_embedder.model_id, hashing_embedder.dimension)
    legacy = StoredChunk(
        chunk_id="old.md#0",
        doc_id="old.md",
        doc_hash="h",
        title="Old",
        source="old.md",
        text="Returns used to take 14 days.",
        sparse_indices=query_vector("days", "en")[0],
        sparse_values=query_vector("days", "en")[1],
    )
    store.upsert([legacy], hashing_embedder.embed_documents([legacy.text]))
    assert store.live_collection() == "kb"
    updated = ingest_path(kb, store, hashing_embedder)  # in place, as before
    assert [n.path for n in updated.removed] == ["old.md"] and store.live_collection() == "kb"
    ingest_path(kb, store, hashing_embedder, recreate=True)
    live = store.live_collection()
    assert live is not None and live.startswith("kb__") and store.count() == 4
    assert store.build_collections() == [live]


def test_switching_refuses_what_is_not_a_build_and_dropping_refuses_the_live_one(
    kb: Path, store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    ingest_path(kb, store, hashing_embedder)
    live = store.live_collection()
    assert live is not None
    with pytest.raises(StoreError, match="not a build"):
        store.switch_alias("other")
    with pytest.raises(StoreError, match="alias points at it"):
        store.drop_collection(live)
    assert store.count() == 4


def test_a_reused_build_id_never_writes_into_the_live_collection(
    kb: Path, store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    source = FolderSource(kb)
    first = plan_ingest(source, store, hashing_embedder, build_id="same")
    _run_steps(source, store, hashing_embedder, first)
    finish_ingest(source, store, first)
    again = plan_ingest(source, store, hashing_embedder, build_id="same", recreate=True)
    assert again.target != first.target == store.live_collection()
    assert store.count() == 4


def test_out_of_time_a_step_stops_mid_document_and_the_next_resumes_it(
    kb: Path, store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest_pipeline, "EMBED_BATCH", 1)
    embedder = HashingEmbedder()
    source = FolderSource(kb)
    plan = plan_ingest(source, store, embedder, build_id="b6")
    after, steps = None, 0
    while True:  # no time at all: every step embeds one chunk, then hands over
        step = ingest_step(
            source, store, embedder, plan, after=after, limits=StepLimits(seconds=1e-9)
        )
        steps += 1
        assert steps < 20
        after = step.last
        if step.done:
            break
    finish_ingest(source, store, plan)
    assert embedder.documents_embedded == 4  # no chunk embedded twice
    assert steps >= 4 and store.count() == 4
    states = store.document_states()
    assert all(state.points == state.expected for state in states.values())
