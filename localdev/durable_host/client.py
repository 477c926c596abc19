"""A durable client for the local host, with the methods our triggers use.

It mirrors `azure.durable_functions.DurableOrchestrationClient` (1.x): async methods, the
same names and arguments, a status object with `runtime_status` (an
OrchestrationRuntimeStatus, or None for an unknown instance), `created_time`,
`last_updated_time`, `custom_status` and `output`. Errors are raised as the real client
raises them: it calls the extension's HTTP API and turns an unexpected answer into a plain
`Exception` (for start_new, carrying the JSON error body the extension sent), so production
code sees here exactly what it sees in Azure.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, NoReturn

from azure.durable_functions.models.OrchestrationRuntimeStatus import OrchestrationRuntimeStatus

from localdev.durable_host.engine import InstanceAlreadyActiveError, InstanceNotFoundError

if TYPE_CHECKING:
    from localdev.durable_host.engine import LocalDurableHost


@dataclass(frozen=True)
class HttpApiFailure:
    """What the extension's HTTP API answers when a client call fails on the host's side
    (a test hook: `host.client_faults["start_new"] = storage_failure(...)`)."""

    status_code: int
    body: Any


def storage_failure(message: str, exception_type: str = "Azure.RequestFailedException") -> Any:
    """The extension's answer to an exception it did not expect (a storage outage, an
    authorization failure): HttpApiHandler's catch-all, HTTP 500 with the exception's
    details (HttpError: Message, ExceptionMessage, ExceptionType, StackTrace)."""
    return HttpApiFailure(
        500,
        {
            "Message": "Something went wrong while processing your request",
            "ExceptionMessage": message,
            "ExceptionType": exception_type,
            "StackTrace": "   at DurableTask.AzureStorage.AzureStorageOrchestrationService"
            ".CreateTaskOrchestrationAsync(...)",
        },
    )


def _raise_like_start_new(status_code: int, body: Any) -> NoReturn:
    """DurableOrchestrationClient.start_new (1.x) on a non-success answer: 400 raises the
    body's ExceptionMessage, anything else raises the body itself (a dict)."""
    if status_code == 400 and isinstance(body, dict) and "ExceptionMessage" in body:
        raise Exception(body["ExceptionMessage"])
    raise Exception(body)


def _raise_like_management_call(status_code: int, instance_id: str) -> None:
    """terminate/suspend/resume (1.x): 202 and 410 (already finished) pass, 404 and
    anything else raise a plain Exception with the client's own message."""
    if status_code in (202, 410):
        return
    if status_code == 404:
        raise Exception(f"No instance with ID '{instance_id}' found.")
    raise Exception(f"The operation failed with an unexpected status code {status_code}")


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

    def _fault(self, operation: str) -> HttpApiFailure | None:
        fault = self._host.client_faults.get(operation)
        return fault if isinstance(fault, HttpApiFailure) else None

    async def start_new(
        self,
        orchestration_function_name: str,
        instance_id: str | None = None,
        client_input: Any | None = None,
        version: str | None = None,
    ) -> str:
        fault = self._fault("start_new")
        if fault is not None:
            _raise_like_start_new(fault.status_code, fault.body)
        instance_id = instance_id or uuid.uuid4().hex
        try:
            seen = self._host.check_start(orchestration_function_name, instance_id)
        except InstanceAlreadyActiveError as exc:
            # HttpApiHandler: OrchestrationAlreadyExistsException -> 409 {"Message": ...}
            _raise_like_start_new(409, {"Message": str(exc)})
        # The real check and write are two storage round trips: let a simultaneous start
        # interleave here, so both can report success (only one execution runs).
        await asyncio.sleep(0)
        self._host.commit_start(orchestration_function_name, instance_id, client_input, seen)
        return instance_id

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
        await self._manage("terminate", instance_id, reason)

    async def suspend(self, instance_id: str, reason: str) -> None:
        await self._manage("suspend", instance_id, reason)

    async def resume(self, instance_id: str, reason: str) -> None:
        await self._manage("resume", instance_id, reason)

    async def _manage(self, operation: str, instance_id: str, reason: str) -> None:
        fault = self._fault(operation)
        if fault is not None:
            _raise_like_management_call(fault.status_code, instance_id)
        action = getattr(self._host, operation)
        try:
            changed = action(instance_id, reason)
        except InstanceNotFoundError:
            _raise_like_management_call(404, instance_id)
            return
        _raise_like_management_call(202 if changed else 410, instance_id)

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
