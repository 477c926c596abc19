"""Faults of the knowledge base's Qdrant for tests and benches: unreachable for a while,
slow, and restarted empty (a Qdrant on local disk that lost its data).

Embedded Qdrant (the local stand-in) has no network to cut, so the faults sit where every
store call passes: `KnowledgeStore._locked`, which hands out the client. While
unreachable, each call raises what qdrant-client raises for a refused connection; while
slow, each call waits first. `wipe` empties the store as a restarted server would hold it.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
from qdrant_client import models as qm
from qdrant_client.http.exceptions import ResponseHandlingException

from rag.store import KnowledgeStore


def wipe(store: KnowledgeStore) -> None:
    """What a restarted Qdrant on an emptyDir volume holds: nothing, no alias."""
    with _original_locked(store) as client:
        drop = [
            qm.DeleteAliasOperation(delete_alias=qm.DeleteAlias(alias_name=a.alias_name))
            for a in client.get_aliases().aliases
        ]
        if drop:
            client.update_collection_aliases(change_aliases_operations=drop)
        for collection in client.get_collections().collections:
            client.delete_collection(collection.name)


_ORIGINAL = KnowledgeStore._locked


def _original_locked(store: KnowledgeStore) -> contextlib.AbstractContextManager[Any]:
    return _ORIGINAL(store)


class QdrantFaults:
    """Install with `with QdrantFaults() as faults:`; then set `unreachable` or `delay_s`
    at any time (from any thread). Counts the calls refused and delayed."""

    def __init__(self) -> None:
        self.unreachable = False
        self.delay_s = 0.0
        self.refused = 0
        self.delayed = 0
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def _locked(self, store: KnowledgeStore) -> Iterator[Any]:
        if self.unreachable:
            with self._lock:
                self.refused += 1
            raise ResponseHandlingException(httpx.ConnectError("[Errno 111] Connection refused"))
        if self.delay_s:
            with self._lock:
                self.delayed += 1
            time.sleep(self.delay_s)
        with _ORIGINAL(store) as client:
            yield client

    def __enter__(self) -> QdrantFaults:
        faults = self

        def locked(store: KnowledgeStore) -> contextlib.AbstractContextManager[Any]:
            return faults._locked(store)

        KnowledgeStore._locked = locked  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        KnowledgeStore._locked = _ORIGINAL  # type: ignore[method-assign]
