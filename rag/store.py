"""The knowledge base in Qdrant: one collection, a named dense and a named sparse vector.

Readers use the store's name, which is a Qdrant collection **alias**: a rebuild writes a new
physical collection (``<alias>__<build id>``) and switches the alias to it in one atomic
alias update, so a search never sees a partial collection. qdrant-client's embedded local
mode implements aliases too (create, delete, rename; names resolve through them), so the
same code runs embedded and against a server. A deployment that predates aliases has a
plain collection under the alias name: it is read and updated in place until the first
rebuild replaces it with the alias.

Embedded local mode (a folder or ":memory:") allows one client per path per process and is
not thread-safe, so clients are shared per path and every call goes through that path's lock.
Server mode (url + api key) uses the same API; the lock costs nothing there.
"""

from __future__ import annotations

import atexit
import threading
import uuid
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict
from qdrant_client import QdrantClient
from qdrant_client import models as qm

from rag.models import Passage, RetrievalMode
from rag.sparse import ANALYZER

DENSE = "dense"
SPARSE = "sparse"
LATENT = "latent"  # the embedder's latent terms (rag.embeddings), when it gives them
RRF_K = 60  # Qdrant's default RRF constant; the reciprocal rank is 1 / (k + rank)
_INDEXED_FIELDS = ("language", "source", "category", "doc_id")
BUILD_SEPARATOR = "__"  # physical collections of alias A are named A__<build id>
_CHUNK_NAMESPACE = uuid.UUID("6f1d7c3e-2b8a-4d0e-9a51-0c3b7e2f4a10")

_clients: dict[str, tuple[QdrantClient, threading.RLock]] = {}
_clients_lock = threading.Lock()


@atexit.register
def _close_shared_clients() -> None:
    """Close embedded clients before interpreter teardown (their __del__ fails then)."""
    with _clients_lock:
        for client, lock in _clients.values():
            with lock:
                client.close()
        _clients.clear()


class StoreError(RuntimeError):
    """The store is unusable as configured; the message says what to do."""


class EmbeddingMismatchError(StoreError):
    """The collection was built with another embedding model or dimension."""


class StoredChunk(BaseModel):
    """A chunk as written to Qdrant (its payload), plus its sparse term vector."""

    model_config = ConfigDict(extra="forbid")

    chunk_id: str
    doc_id: str
    doc_hash: str
    title: str
    source: str
    url: str | None = None
    section: str = ""
    language: str = "und"
    category: str = ""
    updated_at: str = ""
    doc_chunks: int | None = None  # chunks the document stores: a complete write has all
    text: str
    sparse_indices: list[int]
    sparse_values: list[float]

    def payload(self) -> dict[str, Any]:
        return self.model_dump(exclude={"sparse_indices", "sparse_values"})


class DocumentState(BaseModel):
    """What the store holds for one document: complete only when every point carries one
    content hash and there are as many as the document said it stores."""

    hashes: set[str]
    points: int
    expected: int | None  # None: written before chunk counts were recorded

    def complete_with(self, content_hash: str) -> bool:
        return self.hashes == {content_hash} and self.expected in (None, self.points)


def point_id(chunk_id: str) -> str:
    return str(uuid.uuid5(_CHUNK_NAMESPACE, chunk_id))


def _shared_client(
    *, url: str | None, api_key: str | None, path: str | None
) -> tuple[QdrantClient, threading.RLock]:
    if url:
        return QdrantClient(url=url, api_key=api_key), threading.RLock()
    if path is None or path == ":memory:":  # private by nature: never shared
        return QdrantClient(location=":memory:"), threading.RLock()
    key = str(Path(path).resolve())
    with _clients_lock:
        if key not in _clients:
            Path(key).mkdir(parents=True, exist_ok=True)
            _clients[key] = (QdrantClient(path=key), threading.RLock())
        return _clients[key]


class KnowledgeStore:
    """Chunks with dense + sparse vectors, hybrid search fused with RRF."""

    def __init__(
        self,
        collection: str = "knowledge_base",
        *,
        url: str | None = None,
        api_key: str | None = None,
        path: str | Path | None = ":memory:",
    ) -> None:
        self.collection = collection
        self.location = url or str(path)
        self._client, self._lock = _shared_client(
            url=url, api_key=api_key, path=None if path is None else str(path)
        )
        self._verified: set[tuple[str, str, int]] = set()  # (collection, model id, dimension)

    @contextmanager
    def _locked(self) -> Iterator[QdrantClient]:
        with self._lock, warnings.catch_warnings():
            # local mode warns that payload indexes are a no-op there; they matter on a server
            warnings.simplefilter("ignore", UserWarning)
            yield self._client

    # --- collection and alias management ------------------------------------------------------
    def at(self, collection: str) -> KnowledgeStore:
        """The same store (client, lock) reading and writing one physical collection."""
        other = object.__new__(KnowledgeStore)
        other.__dict__.update(self.__dict__)
        other.collection = collection
        return other

    def build_name(self, build_id: str) -> str:
        """The physical collection a rebuild with this id writes to."""
        return f"{self.collection}{BUILD_SEPARATOR}{build_id}"

    def live_collection(self) -> str | None:
        """The physical collection readers see through the alias; the store's own name when
        it is still a plain collection (a deployment from before aliases); None when empty."""
        with self._locked() as client:
            for alias in client.get_aliases().aliases:
                if alias.alias_name == self.collection:
                    return str(alias.collection_name)
            return self.collection if client.collection_exists(self.collection) else None

    def build_collections(self) -> list[str]:
        """Physical collections written by rebuilds of this alias (live, finished or failed)."""
        prefix = self.collection + BUILD_SEPARATOR
        with self._locked() as client:
            names = [c.name for c in client.get_collections().collections]
        return sorted(name for name in names if name.startswith(prefix))

    def switch_alias(self, collection: str) -> str | None:
        """Point the alias at `collection` in one atomic alias update; return the physical
        collection it pointed at before (None on the first switch).

        A plain collection under the alias name (from before aliases) cannot coexist with
        the alias: it is dropped just before the alias is created, the one moment a reader
        can find no collection (once per deployment)."""
        if not collection.startswith(self.collection + BUILD_SEPARATOR):
            raise StoreError(f"{collection!r} is not a build of {self.collection!r}")
        with self._locked() as client:
            if not client.collection_exists(collection):
                raise StoreError(f"cannot switch {self.collection!r} to missing {collection!r}")
            current = next(
                (
                    a.collection_name
                    for a in client.get_aliases().aliases
                    if a.alias_name == self.collection
                ),
                None,
            )
            if current == collection:
                return None  # a retried switch: already done
            operations: list[qm.CreateAliasOperation | qm.DeleteAliasOperation] = []
            if current is not None:
                operations.append(
                    qm.DeleteAliasOperation(delete_alias=qm.DeleteAlias(alias_name=self.collection))
                )
            elif client.collection_exists(self.collection):
                client.delete_collection(self.collection)
                current = self.collection
            operations.append(
                qm.CreateAliasOperation(
                    create_alias=qm.CreateAlias(
                        collection_name=collection, alias_name=self.collection
                    )
                )
            )
            client.update_collection_aliases(change_aliases_operations=operations)
            return str(current) if current is not None else None

    def drop_collection(self, collection: str) -> None:
        """Delete a physical build collection; never the one the alias points at."""
        if collection == self.live_collection():
            raise StoreError(f"refusing to delete {collection!r}: the alias points at it")
        with self._locked() as client:
            if client.collection_exists(collection):
                client.delete_collection(collection)

    def exists(self) -> bool:
        with self._locked() as client:
            return bool(client.collection_exists(self.collection))

    def ensure_collection(self, model_id: str, dimension: int, latent_id: str = "") -> None:
        """Create the collection, or check it was built with the same embedding model.
        Never drops anything: a rebuild writes a new collection and switches the alias.
        ``latent_id`` (the embedder's latent terms, if any) adds their sparse vectors."""
        with self._locked() as client:
            if client.collection_exists(self.collection):
                self.check_embedding(model_id, dimension)
                return
            client.create_collection(
                self.collection,
                vectors_config={
                    DENSE: qm.VectorParams(size=dimension, distance=qm.Distance.COSINE)
                },
                sparse_vectors_config={
                    SPARSE: qm.SparseVectorParams(modifier=qm.Modifier.IDF),
                    **({LATENT: qm.SparseVectorParams()} if latent_id else {}),
                },
                metadata={
                    "embedding_model": model_id,
                    "embedding_dimension": dimension,
                    "sparse_analyzer": ANALYZER,
                    **({"latent_terms": latent_id} if latent_id else {}),
                },
            )
            for field in _INDEXED_FIELDS:
                client.create_payload_index(
                    self.collection, field, field_schema=qm.PayloadSchemaType.KEYWORD
                )

    def check_embedding(self, model_id: str, dimension: int) -> None:
        with self._locked() as client:
            if not client.collection_exists(self.collection):
                raise StoreError(
                    f"collection {self.collection!r} at {self.location} does not exist: "
                    "run `triage ingest PATH` first"
                )
            info = client.get_collection(self.collection)
        meta = info.config.metadata or {}
        built_model, built_dim = meta.get("embedding_model"), meta.get("embedding_dimension")
        if built_model != model_id or built_dim != dimension:
            raise EmbeddingMismatchError(
                f"collection {self.collection!r} at {self.location} was built with embedding "
                f"model {built_model!r} (dimension {built_dim}), but the configured embedder is "
                f"{model_id!r} (dimension {dimension}). Vectors from different models cannot be "
                "compared: re-ingest the knowledge base (`triage ingest PATH --recreate`, in "
                "Azure POST /api/kb/ingest?recreate=true), or set "
                "EMBEDDING_PROVIDER/EMBEDDING_MODEL back to the model it was built with."
            )

    def _metadata(self, field: str) -> Any:
        """A field of the collection's metadata; None when it or the collection is absent."""
        with self._locked() as client:
            if not client.collection_exists(self.collection):
                return None
            info = client.get_collection(self.collection)
        return (info.config.metadata or {}).get(field)

    def sparse_analyzer(self) -> str | None:
        """What the collection's sparse vectors were made with (rag.sparse.ANALYZER); None
        when it does not exist or predates the record (the hand-written stemmer)."""
        value = self._metadata("sparse_analyzer")
        return str(value) if value is not None else None

    def latent_terms_id(self) -> str | None:
        """What made the collection's latent-term vectors; None when it has none (built by
        an embedder without them, or before they were stored)."""
        value = self._metadata("latent_terms")
        return str(value) if value else None

    def require_embedding(self, model_id: str, dimension: int) -> None:
        """Before a search: the live collection must have been built with this embedding
        model and dimension, or EmbeddingMismatchError says to re-ingest (vectors of two
        models cannot be compared, and the search would quietly rank noise). Checked once
        per collection and model; a knowledge base not ingested yet is the search's to
        report."""
        live = self.live_collection()
        if live is None or (live, model_id, dimension) in self._verified:
            return
        self.at(live).check_embedding(model_id, dimension)
        self._verified.add((live, model_id, dimension))

    def count(self) -> int:
        with self._locked() as client:
            if not client.collection_exists(self.collection):
                return 0
            return int(client.count(self.collection, exact=True).count)

    # --- writing -----------------------------------------------------------------------------
    def upsert(
        self,
        chunks: Sequence[StoredChunk],
        dense: Sequence[Sequence[float]],
        latent: Sequence[tuple[list[int], list[float]]] | None = None,
    ) -> None:
        """Store the chunks with their dense vectors and, for a collection that keeps them,
        their latent terms (one per chunk)."""
        if latent is not None and len(latent) != len(chunks):
            raise ValueError(f"{len(latent)} latent-term vectors for {len(chunks)} chunks")
        points = []
        for index, (chunk, vector) in enumerate(zip(chunks, dense, strict=True)):
            vectors: dict[str, Any] = {
                DENSE: list(vector),
                SPARSE: qm.SparseVector(indices=chunk.sparse_indices, values=chunk.sparse_values),
            }
            if latent is not None:
                indices, values = latent[index]
                vectors[LATENT] = qm.SparseVector(indices=indices, values=values)
            points.append(
                qm.PointStruct(id=point_id(chunk.chunk_id), vector=vectors, payload=chunk.payload())
            )
        with self._locked() as client:
            for start in range(0, len(points), 256):
                client.upsert(self.collection, points[start : start + 256], wait=True)

    def delete_documents(self, doc_ids: Sequence[str]) -> None:
        if not doc_ids:
            return
        selector = qm.FilterSelector(
            filter=qm.Filter(
                must=[qm.FieldCondition(key="doc_id", match=qm.MatchAny(any=list(doc_ids)))]
            )
        )
        with self._locked() as client:
            client.delete(self.collection, points_selector=selector, wait=True)

    def chunk_ids_of(self, doc_id: str, content_hash: str) -> set[str]:
        """Chunk ids already stored for this version of the document (a resumed write)."""
        selector = qm.Filter(
            must=[
                qm.FieldCondition(key="doc_id", match=qm.MatchValue(value=doc_id)),
                qm.FieldCondition(key="doc_hash", match=qm.MatchValue(value=content_hash)),
            ]
        )
        return {
            str(payload["chunk_id"])
            for payload in self._scroll_payloads(["chunk_id"], query_filter=selector)
        }

    def finalize_document(self, doc_id: str, content_hash: str, chunk_ids: Sequence[str]) -> None:
        """After every chunk of the new version is upserted: delete the document's other
        points (older versions, chunks dropped since) and record its chunk count on all of
        them, which is what makes it complete (DocumentState). The document is never missing."""
        of_doc = qm.FieldCondition(key="doc_id", match=qm.MatchValue(value=doc_id))
        keep = {point_id(chunk_id) for chunk_id in chunk_ids}
        with self._locked() as client:
            client.delete(
                self.collection,
                points_selector=qm.FilterSelector(
                    filter=qm.Filter(
                        must=[of_doc],
                        must_not=[
                            qm.FieldCondition(
                                key="doc_hash", match=qm.MatchValue(value=content_hash)
                            )
                        ],
                    )
                ),
                wait=True,
            )
        stale = [
            point
            for point in (point_id(c) for c in self.chunk_ids_of(doc_id, content_hash))
            if point not in keep
        ]
        with self._locked() as client:
            if stale:
                client.delete(
                    self.collection, points_selector=qm.PointIdsList(points=stale), wait=True
                )
            if keep:
                client.set_payload(
                    self.collection,
                    payload={"doc_chunks": len(keep)},
                    points=qm.FilterSelector(filter=qm.Filter(must=[of_doc])),
                    wait=True,
                )

    def _scroll_payloads(
        self,
        fields: list[str],
        exclude_doc_ids: Sequence[str] = (),
        query_filter: qm.Filter | None = None,
    ) -> Iterator[dict[str, Any]]:
        offset: Any = None
        if exclude_doc_ids:
            query_filter = qm.Filter(
                must_not=[
                    qm.FieldCondition(key="doc_id", match=qm.MatchAny(any=list(exclude_doc_ids)))
                ]
            )
        while True:
            with self._locked() as client:
                if not client.collection_exists(self.collection):
                    return
                records, offset = client.scroll(
                    self.collection,
                    scroll_filter=query_filter,
                    limit=1024,
                    offset=offset,
                    with_payload=fields,
                    with_vectors=False,
                )
            for record in records:
                yield record.payload or {}
            if offset is None:
                return

    def document_states(self) -> dict[str, DocumentState]:
        """doc_id -> what the collection holds for it (hashes, points, expected points)."""
        states: dict[str, DocumentState] = {}
        for payload in self._scroll_payloads(["doc_id", "doc_hash", "doc_chunks"]):
            state = states.setdefault(
                str(payload["doc_id"]), DocumentState(hashes=set(), points=0, expected=None)
            )
            state.hashes.add(str(payload["doc_hash"]))
            state.points += 1
            if payload.get("doc_chunks") is not None:
                state.expected = int(payload["doc_chunks"])
        return states

    def document_hashes(self) -> dict[str, str]:
        """doc_id -> content hash of every document in the collection."""
        return {doc_id: sorted(state.hashes)[0] for doc_id, state in self.document_states().items()}

    def passage_payloads(self, fields: list[str]) -> Iterator[dict[str, Any]]:
        """These payload fields of every stored chunk (e.g. the knowledge base's words)."""
        yield from self._scroll_payloads(fields)

    def chunk_texts(self, exclude_doc_ids: Sequence[str] = ()) -> Iterator[str]:
        """The text of every stored chunk, except those of the given documents."""
        for payload in self._scroll_payloads(["text"], exclude_doc_ids):
            yield str(payload.get("text", ""))

    # --- searching ---------------------------------------------------------------------------
    def dense_vectors(self, chunk_ids: Sequence[str]) -> dict[str, list[float]]:
        """The stored dense vectors of these chunks (for query refinement and rescoring)."""
        if not chunk_ids:
            return {}
        with self._locked() as client:
            points = client.retrieve(
                self.collection,
                ids=[point_id(c) for c in chunk_ids],
                with_payload=["chunk_id"],
                with_vectors=[DENSE],
            )
        out: dict[str, list[float]] = {}
        for point in points:
            vectors = point.vector
            if isinstance(vectors, dict) and point.payload:
                vector = vectors.get(DENSE)
                if isinstance(vector, list):
                    out[str(point.payload["chunk_id"])] = [float(x) for x in vector]  # type: ignore[arg-type]
        return out

    def nearest_by_terms(self, terms: tuple[list[int], list[float]], limit: int) -> list[str]:
        """Chunk ids of the ``limit`` passages whose latent terms are closest to ``terms``
        (a dot product of unit vectors), over the whole knowledge base."""
        if not terms[0]:
            return []
        query = qm.SparseVector(indices=terms[0], values=terms[1])
        with self._locked() as client:
            response = client.query_points(
                self.collection, query=query, using=LATENT, limit=limit, with_payload=["chunk_id"]
            )
        return [str((point.payload or {})["chunk_id"]) for point in response.points]

    def search(
        self,
        *,
        dense: Sequence[float] | None,
        sparse: tuple[list[int], list[float]] | None,
        mode: RetrievalMode = "hybrid",
        limit: int = 5,
        filters: dict[str, str | list[str]] | None = None,
        prefetch_limit: int | None = None,
        rrf_weights: tuple[float, float] | None = None,
        rrf_k: int | None = None,
        sparse_scores: bool = False,
    ) -> list[Passage]:
        """Top passages by dense, sparse or hybrid search (dense + sparse prefetch, RRF).

        Passages carry ``dense_score`` when they are among the dense candidates, and, when
        ``sparse_scores`` is set in hybrid mode, ``sparse_score`` (one more sparse pass, which
        is the slow part in embedded mode, hence off by default). ``rrf_weights`` weighs the
        (dense, sparse) rankings in the fusion; None weighs them equally. ``rrf_k`` is the
        RRF rank constant (Qdrant's default is 2; the literature's is 60).
        """
        query_filter = build_filter(filters)
        candidates = prefetch_limit or max(limit * 4, 20)
        if mode != "dense" and sparse is None:
            raise ValueError(f"mode={mode!r} needs a sparse query vector")
        if mode != "sparse" and dense is None:
            raise ValueError(f"mode={mode!r} needs a dense query vector")
        if sparse is not None and not sparse[0]:  # stop-words only: nothing to match on
            if mode == "sparse":
                return []
            mode = "dense"
        dense_query = list(dense) if dense is not None else None
        sparse_query = qm.SparseVector(indices=sparse[0], values=sparse[1]) if sparse else None

        def single(query: Any, using: str, size: int) -> qm.QueryRequest:
            return qm.QueryRequest(
                query=query, using=using, filter=query_filter, limit=size, with_payload=True
            )

        requests: list[qm.QueryRequest] = []
        if mode == "dense":
            requests.append(single(dense_query, DENSE, limit))
        elif mode == "sparse":
            requests.append(single(sparse_query, SPARSE, limit))
        else:
            requests.append(single(dense_query, DENSE, candidates))  # for dense_score
            if sparse_scores:
                requests.append(single(sparse_query, SPARSE, candidates))
            fusion: qm.FusionQuery | qm.RrfQuery = (
                qm.RrfQuery(rrf=qm.Rrf(k=rrf_k, weights=list(rrf_weights) if rrf_weights else None))
                if rrf_weights or rrf_k
                else qm.FusionQuery(fusion=qm.Fusion.RRF)
            )
            requests.append(
                qm.QueryRequest(
                    prefetch=[
                        qm.Prefetch(
                            query=dense_query, using=DENSE, filter=query_filter, limit=candidates
                        ),
                        qm.Prefetch(
                            query=sparse_query, using=SPARSE, filter=query_filter, limit=candidates
                        ),
                    ],
                    query=fusion,
                    limit=limit,
                    with_payload=True,
                )
            )
        with self._locked() as client:
            if not client.collection_exists(self.collection):
                raise StoreError(
                    f"collection {self.collection!r} at {self.location} does not exist: "
                    "run `triage ingest PATH` first"
                )
            responses = client.query_batch_points(self.collection, requests=requests)
        ranked = responses[-1].points[:limit]
        dense_by_id: dict[str, float] = {}
        sparse_by_id: dict[str, float] = {}
        if mode == "dense":
            dense_by_id = _scores(responses[0])
        elif mode == "sparse":
            sparse_by_id = _scores(responses[0])
        else:
            dense_by_id = _scores(responses[0])
            if sparse_scores:
                sparse_by_id = _scores(responses[1])
        return [
            _to_passage(point, dense_by_id.get(str(point.id)), sparse_by_id.get(str(point.id)))
            for point in ranked
        ]


def _scores(response: qm.QueryResponse) -> dict[str, float]:
    return {str(point.id): float(point.score) for point in response.points}


def _to_passage(point: qm.ScoredPoint, dense: float | None, sparse: float | None) -> Passage:
    payload = point.payload or {}
    return Passage(
        chunk_id=str(payload["chunk_id"]),
        doc_id=str(payload["doc_id"]),
        title=str(payload.get("title", "")),
        source=str(payload.get("source", "")),
        url=payload.get("url"),
        section=str(payload.get("section", "")),
        language=str(payload.get("language", "und")),
        text=str(payload.get("text", "")),
        score=float(point.score),
        dense_score=dense,
        sparse_score=sparse,
    )


def build_filter(filters: dict[str, str | list[str]] | None) -> qm.Filter | None:
    """Exact-match filters on payload fields, e.g. {"language": "sv", "category": ["a","b"]}."""
    if not filters:
        return None
    conditions: list[qm.Condition] = []
    for key, value in filters.items():
        if key not in _INDEXED_FIELDS:
            raise ValueError(f"cannot filter on {key!r}; filterable fields: {_INDEXED_FIELDS}")
        match: qm.MatchValue | qm.MatchAny = (
            qm.MatchAny(any=list(value)) if isinstance(value, list) else qm.MatchValue(value=value)
        )
        conditions.append(qm.FieldCondition(key=key, match=match))
    return qm.Filter(must=conditions)
