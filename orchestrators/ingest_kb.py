"""Knowledge-base ingestion as an orchestration: it outlives the HTTP request that starts
it, runs one at a time (fixed instance id) and reports through its status."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import azure.durable_functions as df

from orchestrators import names

bp = df.Blueprint()

# Ingestion is idempotent (content hashes), so a transient failure can simply run again.
INGEST_RETRY = df.RetryOptions(
    first_retry_interval_in_milliseconds=30_000, max_number_of_attempts=3
)


def ingest_orchestrator(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict]:
    context.set_custom_status({"stage": "ingesting"})
    report = yield context.call_activity_with_retry(
        names.INGEST_DOCUMENTS, INGEST_RETRY, context.get_input() or {}
    )
    context.set_custom_status({"stage": "done"})
    return dict(report)


@bp.orchestration_trigger(context_name="context", orchestration=names.INGEST_ORCHESTRATOR)
def ingest_knowledge_base(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict]:
    return ingest_orchestrator(context)
