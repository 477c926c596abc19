"""The knowledge base as ops and the timer see it: its state for GET /api/status, and a
rebuild from the blob container when Qdrant came back empty (a restart on local storage)."""

from __future__ import annotations

import logging
from typing import Any

import azure.durable_functions as df

from orchestrators import names
from pipeline.services import knowledge_store, settings
from pipeline.singleton import read_state, start_if_idle
from rag import kb_health

log = logging.getLogger(__name__)


def knowledge_base_status() -> dict[str, Any]:
    state = kb_health.inspect(knowledge_store(), count_documents=True)
    return {
        **state.model_dump(),
        "ready": state.ready,
        "qdrant_url": settings().qdrant_url or str(settings().qdrant_path),
        "problem": state.problem(),
    }


async def rebuild_if_empty(client: df.DurableOrchestrationClient) -> kb_health.KnowledgeBaseState:
    """A reachable Qdrant without the collection, or with an empty one, is rebuilt from the
    documents (the same ingestion as POST /api/kb/ingest?recreate=true); emails are held
    meanwhile. An unreachable one cannot be rebuilt: the problem is logged with the fix."""
    state = kb_health.inspect(knowledge_store())
    if state.ready:
        return state
    if not state.reachable:
        log.error("knowledge base: %s", state.problem())
        return state
    # Only a knowledge base that was built before is rebuilt: never ingested (day one, before
    # the operator's first POST /api/kb/ingest) is not "lost", and a failed rebuild is not
    # restarted every tick.
    last = await read_state(client, names.INGEST_INSTANCE_ID)
    if last.status != "Completed":
        log.warning("knowledge base: %s (last ingestion: %s)", state.problem(), last.status)
        return state
    result = await start_if_idle(
        client,
        names.INGEST_ORCHESTRATOR,
        names.INGEST_INSTANCE_ID,
        {"recreate": True},
        "kb_guard",
        state=last,
    )
    log.warning(
        "knowledge base: %s; rebuild from the documents: %s", state.problem(), result.to_dict()
    )
    return state
