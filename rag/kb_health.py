"""Whether the knowledge base can answer: Qdrant reachable, the collection there and not
empty. A Qdrant restart on local storage, or a changed container IP, leaves the store empty
or unreachable; drafting then holds the email instead of writing against nothing."""

from __future__ import annotations

from pydantic import BaseModel

from core.unreachable import explain
from rag.store import KnowledgeStore

# Shown when Qdrant cannot be reached: ACI may give the container group a new private IP on a
# restart, and QDRANT_URL still names the old one (infra/README.md, "Qdrant's address").
REPAIR_HINT = "if Qdrant's IP changed, run infra/deploy.sh --repair-qdrant-url (infra/README.md)"


class KnowledgeBaseState(BaseModel):
    reachable: bool
    collection: str
    live_collection: str | None = None
    documents: int = 0
    chunks: int = 0
    error: str | None = None
    # Nothing answered at QDRANT_URL: the one line naming the setting, address and fix.
    unreachable: str | None = None
    remote: bool = True  # whether the repair hint (Azure's Qdrant container) applies

    @property
    def ready(self) -> bool:
        return self.reachable and self.chunks > 0

    def problem(self) -> str | None:
        """One line for ops (and the held email's reason), or None when ready."""
        if not self.reachable and self.unreachable:
            hint = f"; {REPAIR_HINT}" if self.remote else ""
            return f"knowledge base unreachable: {self.unreachable}{hint}"
        if not self.reachable:
            return f"knowledge base unreachable ({self.error}); {REPAIR_HINT}"
        if self.live_collection is None:
            return f"knowledge base collection {self.collection!r} is missing"
        if self.chunks == 0:
            return f"knowledge base collection {self.collection!r} is empty"
        return None


def inspect(store: KnowledgeStore, count_documents: bool = False) -> KnowledgeBaseState:
    """The store's state; never raises (an unreachable store is a state, not an error).
    Counting documents scrolls every point: for /api/status, not for each email."""
    try:
        live = store.live_collection()
        chunks = store.count() if live else 0
        documents = len(store.document_states()) if live and count_documents else 0
    except Exception as error:  # connection refused, timeout, auth: all mean "cannot reach"
        found = explain(error)
        if found is not None:  # the setting and address, never the exception's text
            return KnowledgeBaseState(
                reachable=False,
                collection=store.collection,
                error=f"{type(error).__name__}: {found.reason}",
                unreachable=found.line(),
                remote=not found.local,
            )
        first = str(error).splitlines()[0][:200] if str(error) else ""
        return KnowledgeBaseState(
            reachable=False, collection=store.collection, error=f"{type(error).__name__}: {first}"
        )
    return KnowledgeBaseState(
        reachable=True,
        collection=store.collection,
        live_collection=live,
        documents=documents,
        chunks=chunks,
    )
