"""Knowledge-base ingestion as an orchestration: it outlives the HTTP request that starts
it, runs one at a time (fixed instance id) and reports through its status.

Plan, then bounded steps (each one activity well under the function timeout, resuming
after the last document the previous step finished), then finish: removals and, for a
rebuild, the alias switch. Only the plan, a cursor and compact reports go through the
history. A failure anywhere before the switch leaves the live collection as it was.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import azure.durable_functions as df

from orchestrators import names
from pipeline import kb_ingestion

bp = df.Blueprint()

# Every step is idempotent (content hashes, complete-document checks), so a transient
# failure can simply run it again.
INGEST_RETRY = df.RetryOptions(
    first_retry_interval_in_milliseconds=30_000, max_number_of_attempts=3
)
MAX_STEPS = 10_000  # a guard: each step finishes at least one document


def ingest_orchestrator(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict]:
    request = context.get_input() or {}
    # Deterministic across replays: the same build collection on every replay and retry.
    build_id = context.current_utc_datetime.strftime("%Y%m%dt%H%M%S-") + str(context.new_uuid())[:8]
    context.set_custom_status({"stage": "planning"})
    plan = yield context.call_activity_with_retry(
        names.KB_PLAN,
        INGEST_RETRY,
        {"recreate": bool(request.get("recreate")), "build_id": build_id},
    )
    summary = kb_ingestion.new_summary(plan)
    after: str | None = None
    for _ in range(MAX_STEPS):
        context.set_custom_status(
            {
                "stage": "ingesting",
                "collection": plan["target"],
                "rebuild": plan["rebuild"],
                "steps": summary["steps"],
                "documents_done": kb_ingestion.documents_done(summary),
                "documents": plan["documents"],
            }
        )
        outcome = yield context.call_activity_with_retry(
            names.KB_STEP, INGEST_RETRY, {"plan": plan, "after": after}
        )
        summary = kb_ingestion.add_outcome(summary, outcome, is_step=True)
        after = outcome["last"]
        if outcome["done"]:
            break
    else:
        raise RuntimeError(f"knowledge-base ingestion did not finish in {MAX_STEPS} steps")
    context.set_custom_status({"stage": "switching" if plan["rebuild"] else "finishing"})
    finished = yield context.call_activity_with_retry(names.KB_FINISH, INGEST_RETRY, {"plan": plan})
    summary = kb_ingestion.add_outcome(summary, finished, is_step=False)
    context.set_custom_status({"stage": "done"})
    return dict(summary)


@bp.orchestration_trigger(context_name="context", orchestration=names.INGEST_ORCHESTRATOR)
def ingest_knowledge_base(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict]:
    return ingest_orchestrator(context)
