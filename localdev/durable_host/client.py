"""A durable client for the local host, with the methods our triggers use.

It mirrors `azure.durable_functions.DurableOrchestrationClient`: async methods, the same
names and arguments, a status object with `runtime_status` (an OrchestrationRuntimeStatus, or
None for an unknown instance) and `custom_status`/`output`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from azure.durable_functions.models.OrchestrationRuntimeStatus import OrchestrationRuntimeStatus

if TYPE_CHECKING:
    from localdev.durable_host.engine import LocalDurableHost


@dataclass(frozen=True)
class LocalOrchestrationStatus:
    name: str | None = None
    instance_id: str | None = None
    runtime_status: OrchestrationRuntimeStatus | None = None
    custom_status: Any = None
    output: Any = None
    created_time: datetime | None = None
    last_updated_time: datetime | None = None
    replays: int = 0


@dataclass(frozen=True)
class LocalPurgeResult:
    instances_deleted: int


class LocalDurableClient:
    def __init__(self, host: LocalDurableHost) -> None:
        self._host = host

    async def start_new(
        self,
        orchestration_function_name: str,
        instance_id: str | None = None,
        client_input: Any | None = None,
    ) -> str:
        return self._host.start(
            orchestration_function_name, instance_id or uuid.uuid4().hex, client_input
        )

    async def get_status(
        self,
        instance_id: str,
        show_history: bool = False,
        show_history_output: bool = False,
        show_input: bool = False,
    ) -> LocalOrchestrationStatus:
        instance = self._host.instances.get(instance_id)
        if instance is None:
            return LocalOrchestrationStatus()
        return LocalOrchestrationStatus(
            name=instance.name,
            instance_id=instance.instance_id,
            runtime_status=OrchestrationRuntimeStatus(instance.status),
            custom_status=instance.custom_status,
            output=instance.output,
            created_time=instance.created_at,
            last_updated_time=instance.last_updated_at,
            replays=instance.replays,
        )

    async def raise_event(
        self,
        instance_id: str,
        event_name: str,
        event_data: Any = None,
        task_hub_name: str | None = None,
        connection_name: str | None = None,
    ) -> None:
        self._host.raise_event(instance_id, event_name, event_data)

    async def terminate(self, instance_id: str, reason: str) -> None:
        self._host.terminate(instance_id, reason)

    async def purge_instance_history(self, instance_id: str) -> LocalPurgeResult:
        return LocalPurgeResult(self._host.purge(instance_id))

    async def purge_instance_history_by(
        self,
        created_time_from: datetime | None = None,
        created_time_to: datetime | None = None,
        runtime_status: list[OrchestrationRuntimeStatus] | None = None,
    ) -> LocalPurgeResult:
        """As the SDK's: instances created in [from, to] with one of the statuses; active
        ones are never purged (the host refuses)."""
        if created_time_from is None:
            raise ValueError("created_time_from is required when purging instance history")
        statuses = {s.value for s in runtime_status} if runtime_status else None
        chosen = [
            instance.instance_id
            for instance in list(self._host.instances.values())
            if instance.created_at >= created_time_from
            and (created_time_to is None or instance.created_at <= created_time_to)
            and (statuses is None or instance.status in statuses)
        ]
        return LocalPurgeResult(sum(self._host.purge(i) for i in chosen))
