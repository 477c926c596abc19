"""Start the poll orchestration under its fixed instance id, unless one is already active."""

from __future__ import annotations

import logging
from typing import Any, Protocol

from core.contracts import PollInput
from core.settings import Settings
from orchestrators import names

log = logging.getLogger(__name__)

# Runtime statuses that hold the singleton lock (OrchestrationRuntimeStatus values).
ACTIVE_STATUSES = {"Pending", "Running", "ContinuedAsNew"}


class DurableClient(Protocol):
    async def get_status(self, instance_id: str) -> Any: ...

    async def start_new(
        self,
        orchestration_function_name: str,
        instance_id: str | None = None,
        client_input: Any | None = None,
    ) -> str: ...


def poll_input(settings: Settings, reason: str) -> PollInput:
    return PollInput.model_validate(
        {
            "reason": reason,
            "batch_size": settings.poll_batch_size,
            "batch_window": settings.poll_batch_window,
            "max_threads": settings.poll_max_threads_per_run,
            "overlap_seconds": settings.poll_overlap_seconds,
        }
    )


def _status_name(status: Any) -> str | None:
    runtime = getattr(status, "runtime_status", None) if status is not None else None
    if runtime is None:
        return None
    return str(getattr(runtime, "value", runtime))


async def start_if_idle(
    client: DurableClient, orchestrator: str, instance_id: str, payload: Any, reason: str
) -> dict:
    """Start the orchestration under its fixed id unless that instance is Pending/Running
    (the singleton lock); a Completed, Failed or Terminated one is replaced.

    Returns what happened, for logs and the HTTP endpoints.
    """
    status = _status_name(await client.get_status(instance_id))
    if status in ACTIVE_STATUSES:
        log.info("%s skipped (%s): instance %s is %s", orchestrator, reason, instance_id, status)
        return {"started": False, "instance_id": instance_id, "status": status}
    try:
        await client.start_new(orchestrator, instance_id, payload)
    except Exception as exc:  # lost a race with another starter: the lock held
        log.info("%s not started (%s): %s", orchestrator, reason, exc)
        return {"started": False, "instance_id": instance_id, "status": "Running"}
    log.info("%s started (%s); previous status %s", orchestrator, reason, status)
    return {"started": True, "instance_id": instance_id, "previous_status": status}


async def start_poll_if_idle(client: DurableClient, settings: Settings, reason: str) -> dict:
    return await start_if_idle(
        client,
        names.POLL_ORCHESTRATOR,
        names.POLL_INSTANCE_ID,
        poll_input(settings, reason).to_json(),
        reason,
    )
