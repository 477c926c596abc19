"""Start an orchestration under its fixed instance id unless one is already active (the
singleton lock), and the poller's watchdog.

What the real host does (DESIGN.md section 4): `start_new` on an existing id is refused while
that instance is Pending, Running, ContinuedAsNew or Suspended, and replaces it when it is
Completed, Failed, Terminated or Canceled. The Python client (azure-functions-durable 1.x)
raises a plain `Exception` for the refusal, carrying the extension's JSON error body:
HTTP 409 `{"Message": "An Orchestration instance with the status Running already exists."}`
(HttpApiHandler maps OrchestrationAlreadyExistsException to 409), or, from older extension
versions, HTTP 500 with the same text as `ExceptionMessage`. Only that refusal means the lock
is held; any other failure (storage down, authorization, timeout) is an error, reported as
one. Two simultaneous starts can both report success while only one execution runs; the
ledger's claims make even two overlapping runs harmless, so nothing here tries to detect it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, Protocol

from core.contracts import PollInput
from core.settings import Settings
from orchestrators import names

log = logging.getLogger(__name__)

# Runtime statuses that hold the lock (OrchestrationRuntimeStatus values): the real host
# refuses a start in each of them.
ACTIVE_STATUSES = frozenset({"Pending", "Running", "ContinuedAsNew", "Suspended"})
# Active statuses in which an instance is supposed to make progress. Suspended is an
# operator's deliberate hold, so the watchdog reports it but leaves it alone.
PROGRESSING_STATUSES = frozenset({"Pending", "Running", "ContinuedAsNew"})

# DTFx's refusal texts: Azure Storage ("An Orchestration instance with the status Running
# already exists.") and the other backends ("An orchestration with id 'x' already exists. It
# is in state Running", "... with instance ID 'x' and status 'Running' already exists").
_ALREADY_EXISTS = re.compile(
    r"\ban orchestration (?:instance )?with (?:the status (?P<status>\w+)|"
    r"(?:instance )?id '[^']*'(?: and status '(?P<status2>\w+)')?) already exists"
    r"(?:\. it(?: is|'s) in (?:the )?(?:state )?(?P<status3>\w+))?",
    re.IGNORECASE,
)
_MAX_REASON = 300


class DurableClient(Protocol):
    async def get_status(self, instance_id: str) -> Any: ...

    async def start_new(
        self,
        orchestration_function_name: str,
        instance_id: str | None = None,
        client_input: Any | None = None,
    ) -> str: ...

    async def terminate(self, instance_id: str, reason: str) -> None: ...


Outcome = Literal["started", "busy", "error", "terminated"]


@dataclass(frozen=True)
class StartOutcome:
    """What a start attempt did; `http_status` is what the HTTP endpoints answer."""

    outcome: Outcome
    instance_id: str
    status: str | None = None  # the status that held the lock (busy), or was replaced
    reason: str | None = None  # why it failed (error) or was terminated

    @property
    def started(self) -> bool:
        return self.outcome == "started"

    @property
    def http_status(self) -> int:
        return {"started": 202, "busy": 409, "terminated": 409}.get(self.outcome, 503)

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "started": self.started,
            "outcome": self.outcome,
            "instance_id": self.instance_id,
            "status": self.status,
        }
        if self.reason is not None:
            body["error" if self.outcome == "error" else "reason"] = self.reason
        return body


@dataclass(frozen=True)
class InstanceState:
    """The parts of a DurableOrchestrationStatus the lock and the watchdog read."""

    status: str | None
    created_time: datetime | None
    last_updated_time: datetime | None

    @classmethod
    def of(cls, status: Any) -> InstanceState:
        runtime = getattr(status, "runtime_status", None) if status is not None else None
        return cls(
            status=None if runtime is None else str(getattr(runtime, "value", runtime)),
            created_time=_aware(getattr(status, "created_time", None)),
            last_updated_time=_aware(getattr(status, "last_updated_time", None)),
        )

    @property
    def active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    def age(self, now: datetime) -> timedelta | None:
        if self.created_time is None:
            return None
        return max(now - self.created_time, timedelta(0))


def _aware(moment: Any) -> datetime | None:
    if not isinstance(moment, datetime):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def refused_because_active(exc: BaseException) -> str | None:
    """The status named by the host's "already exists" refusal, or None when `exc` is any
    other failure. The refusal text names the status; "Running" when it cannot be read."""
    for text in _error_texts(exc):
        match = _ALREADY_EXISTS.search(text)
        if match:
            return (
                match.group("status")
                or match.group("status2")
                or match.group("status3")
                or ("Running")
            )
    return None


def _error_texts(exc: BaseException) -> list[str]:
    """The messages in what the client raised: the extension's error body (a dict with
    Message and, for unexpected errors, ExceptionMessage) or a plain message."""
    payload = exc.args[0] if len(exc.args) == 1 else None
    if isinstance(payload, dict):
        return [str(payload[k]) for k in ("Message", "ExceptionMessage") if payload.get(k)]
    return [str(exc)]


def describe_error(exc: BaseException) -> str:
    """One line for logs and the 5xx body: the underlying exception's type and message,
    never the host's stack trace."""
    payload = exc.args[0] if len(exc.args) == 1 else None
    if isinstance(payload, dict):
        message = payload.get("ExceptionMessage") or payload.get("Message") or str(payload)
        kind = payload.get("ExceptionType") or type(exc).__name__
        text = f"{kind}: {message}"
    else:
        text = f"{type(exc).__name__}: {exc}"
    line = " ".join(text.split())
    return line if len(line) <= _MAX_REASON else line[: _MAX_REASON - 1] + "…"


async def read_state(client: DurableClient, instance_id: str) -> InstanceState:
    return InstanceState.of(await client.get_status(instance_id))


async def start_if_idle(
    client: DurableClient,
    orchestrator: str,
    instance_id: str,
    payload: Any,
    reason: str,
    state: InstanceState | None = None,
) -> StartOutcome:
    """Start the orchestration under its fixed id unless that instance holds the lock;
    a Completed, Failed, Terminated or Canceled one is replaced (as the host does)."""
    try:
        state = state or await read_state(client, instance_id)
    except Exception as exc:
        return _failed(orchestrator, instance_id, reason, "reading its status", exc)
    if state.active:
        log.info(
            "%s skipped (%s): instance %s is %s", orchestrator, reason, instance_id, state.status
        )
        return StartOutcome("busy", instance_id, status=state.status)
    try:
        await client.start_new(orchestrator, instance_id, payload)
    except Exception as exc:
        holder = refused_because_active(exc)
        if holder is None:
            return _failed(orchestrator, instance_id, reason, "starting it", exc)
        # Another starter won between our status read and our start: the lock is held.
        log.info(
            "%s not started (%s): instance %s is %s", orchestrator, reason, instance_id, holder
        )
        return StartOutcome("busy", instance_id, status=holder)
    log.info("%s started (%s); previous status %s", orchestrator, reason, state.status)
    return StartOutcome("started", instance_id, status=state.status)


def _failed(
    orchestrator: str, instance_id: str, reason: str, doing: str, exc: BaseException
) -> StartOutcome:
    why = describe_error(exc)
    log.error(
        "%s (%s) failed while %s (instance %s): %s", orchestrator, reason, doing, instance_id, why
    )
    return StartOutcome("error", instance_id, reason=f"{doing}: {why}")


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


async def start_poll_if_idle(
    client: DurableClient, settings: Settings, reason: str, state: InstanceState | None = None
) -> StartOutcome:
    return await start_if_idle(
        client,
        names.POLL_ORCHESTRATOR,
        names.POLL_INSTANCE_ID,
        poll_input(settings, reason).to_json(),
        reason,
        state,
    )


def is_stuck(state: InstanceState, bound: timedelta, now: datetime) -> bool:
    """Progressing (Pending/Running/ContinuedAsNew) for longer than the bound."""
    age = state.age(now)
    return state.status in PROGRESSING_STATUSES and age is not None and age > bound


async def watchdog(
    client: DurableClient, instance_id: str, bound: timedelta, now: datetime
) -> tuple[InstanceState, StartOutcome | None]:
    """Terminate the instance if it has been progressing for longer than `bound`.

    Returns the state read and, when the watchdog acted (or could not), what it did. A
    termination is a message the instance processes, so the status changes a moment later:
    the next timer tick finds it Terminated and starts a fresh run.
    """
    try:
        state = await read_state(client, instance_id)
    except Exception as exc:
        return InstanceState(None, None, None), _failed(
            "watchdog", instance_id, "timer", "reading its status", exc
        )
    age = state.age(now)
    if state.status == "Suspended" and age is not None and age > bound:
        log.warning(
            "instance %s is Suspended (created %s, %.0f min ago): polling is stopped until an "
            "operator resumes or terminates it",
            instance_id,
            state.created_time,
            age.total_seconds() / 60,
        )
    if not is_stuck(state, bound, now) or age is None:
        return state, None
    minutes = age.total_seconds() / 60
    why = (
        f"watchdog: {state.status} for {minutes:.0f} min, longer than "
        f"{bound.total_seconds() / 60:.0f} min (POLL_WATCHDOG_MINUTES)"
    )
    try:
        await client.terminate(instance_id, why)
    except Exception as exc:
        return state, _failed("watchdog", instance_id, "timer", "terminating it", exc)
    log.warning(
        "instance %s terminated by the watchdog: %s since %s (%.0f min); the next timer tick "
        "starts a new run",
        instance_id,
        state.status,
        state.created_time,
        minutes,
    )
    return state, StartOutcome("terminated", instance_id, status=state.status, reason=why)


async def poll_tick(client: DurableClient, settings: Settings, now: datetime) -> StartOutcome:
    """One timer tick: the watchdog first, then a start under the lock."""
    bound = timedelta(minutes=settings.poll_watchdog_minutes)
    state, acted = await watchdog(client, names.POLL_INSTANCE_ID, bound, now)
    if acted is not None:
        return acted
    return await start_poll_if_idle(client, settings, reason="timer", state=state)
