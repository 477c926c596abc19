"""History events in the shape the SDK's replay engine reads (DESIGN.md section 4)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

# HistoryEventType numbers (azure.durable_functions.models.history.HistoryEventType).
EXECUTION_STARTED = 0
TASK_SCHEDULED = 4
TASK_COMPLETED = 5
TASK_FAILED = 6
SUB_ORCHESTRATION_CREATED = 7
SUB_ORCHESTRATION_COMPLETED = 8
SUB_ORCHESTRATION_FAILED = 9
TIMER_CREATED = 10
TIMER_FIRED = 11
ORCHESTRATOR_STARTED = 12
ORCHESTRATOR_COMPLETED = 13
EVENT_RAISED = 15


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def event(event_type: int, when: datetime, event_id: int = -1, **fields: Any) -> dict[str, Any]:
    return {
        "EventType": event_type,
        "EventId": event_id,
        "IsPlayed": False,
        "Timestamp": iso(when),
        **fields,
    }


def execution_started(when: datetime, name: str, input_json: str | None) -> dict[str, Any]:
    return event(EXECUTION_STARTED, when, Name=name, Input=input_json, Version="")


def task_completed(when: datetime, task_id: int, result: Any) -> dict[str, Any]:
    return event(TASK_COMPLETED, when, TaskScheduledId=task_id, Result=json.dumps(result))


def task_failed(when: datetime, task_id: int, reason: str, details: str) -> dict[str, Any]:
    return event(TASK_FAILED, when, TaskScheduledId=task_id, Reason=reason, Details=details)


def timer_fired(when: datetime, task_id: int, fire_at: datetime) -> dict[str, Any]:
    return event(TIMER_FIRED, when, TimerId=task_id, FireAt=iso(fire_at))


def sub_completed(when: datetime, task_id: int, result: Any) -> dict[str, Any]:
    return event(
        SUB_ORCHESTRATION_COMPLETED, when, TaskScheduledId=task_id, Result=json.dumps(result)
    )


def sub_failed(when: datetime, task_id: int, reason: str) -> dict[str, Any]:
    return event(SUB_ORCHESTRATION_FAILED, when, TaskScheduledId=task_id, Reason=reason, Details="")


def event_raised(when: datetime, name: str, data: Any) -> dict[str, Any]:
    return event(EVENT_RAISED, when, Name=name, Input=json.dumps(data))
