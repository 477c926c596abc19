"""The scheduler: replays orchestrators with the SDK's engine and runs what they schedule.

One loop thread owns every instance; activities run on a bounded thread pool and hand their
results back through a queue. Before each replay the loop applies *every* completion that has
arrived, so a fan-out of N activities costs far fewer than N replays.

Time is virtual where waiting would be pointless: when nothing runs and only timers (durable
timers, retry back-offs) remain, the clock jumps to the next one. Orchestrators see the clock
only through `context.current_utc_datetime`, which comes from OrchestratorStarted events.
"""

from __future__ import annotations

import asyncio
import heapq
import inspect
import itertools
import json
import logging
import queue
import random
import threading
import time
import traceback
import warnings
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from azure.durable_functions.models.actions.NoOpAction import NoOpAction
from azure.durable_functions.models.DurableOrchestrationContext import (
    DurableOrchestrationContext,
)
from azure.durable_functions.models.Task import AtomicTask
from azure.durable_functions.orchestrator import Orchestrator

from localdev.durable_host import history as h
from localdev.durable_host.registry import FunctionRegistry

log = logging.getLogger(__name__)

OUT_OF_PROC_MARKER = "\n\n$OutOfProcData$:"
# Statuses that make progress. A Suspended instance is still alive (it keeps results, events
# and timers that arrive) but is not replayed until resumed.
ACTIVE = ("Pending", "Running", "ContinuedAsNew")
LIVE = (*ACTIVE, "Suspended")
# The real host refuses start_new on an id in one of these states and replaces any other
# (the extension's default OverridableExistingInstanceStates=NonRunningStates).
NOT_REPLACEABLE = LIVE
# Action types (azure.durable_functions.models.actions.ActionType).
CALL_ACTIVITY, CALL_ACTIVITY_RETRY, CALL_SUB, CALL_SUB_RETRY = 0, 1, 2, 3
CONTINUE_AS_NEW, CREATE_TIMER, WAIT_EVENT, WHEN_ANY, WHEN_ALL = 4, 5, 6, 11, 12


class NonDeterminismError(RuntimeError):
    """A replay yielded something other than what the history recorded."""


class InstanceAlreadyActiveError(RuntimeError):
    """start_new on an instance id that is Pending, Running, ContinuedAsNew or Suspended.

    The message is DTFx's (AzureStorageOrchestrationService); the local client turns it into
    the HTTP 409 the real extension answers and raises what the real Python client raises."""

    def __init__(self, instance_id: str, status: str) -> None:
        self.instance_id = instance_id
        self.status = status
        super().__init__(f"An Orchestration instance with the status {status} already exists.")


class InstanceNotFoundError(KeyError):
    """A management call (terminate, suspend, resume, raise_event) on an unknown id."""


@dataclass(frozen=True)
class FaultInjection:
    """Lose a fraction of activity results *after* the activity ran, as when a worker dies
    before the host checkpoints: the activity runs again. `max_losses_per_task` keeps progress."""

    lost_result_fraction: float = 0.0
    seed: int = 0
    activities: frozenset[str] | None = None  # None = every activity
    max_losses_per_task: int = 2

    def applies_to(self, activity: str) -> bool:
        return self.activities is None or activity in self.activities


@dataclass
class HostStats:
    replays: int = 0
    activities_run: int = 0
    activities_failed: int = 0  # raised (then retried by a retry policy, or reported)
    activity_results_lost: int = 0
    timers_fired: int = 0
    replay_seconds: float = 0.0
    virtual_seconds_skipped: float = 0.0
    # CPU seconds spent inside each activity (its own thread's CPU time, not waits).
    activity_cpu_seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class _Completion:
    instance_id: str
    generation: int
    task_id: int
    ok: bool
    result: Any = None
    reason: str = ""
    details: str = ""
    activity: str = ""
    activity_input: str | None = None


@dataclass
class Instance:
    instance_id: str
    name: str
    input_json: str | None
    parent: tuple[str, int] | None  # (parent instance id, task id in the parent)
    created_at: datetime
    status: str = "Pending"
    generation: int = 0  # bumps on continue_as_new / restart: late results are dropped
    history: list[dict[str, Any]] = field(default_factory=list)
    pending_events: list[dict[str, Any]] = field(default_factory=list)
    scheduled: dict[int, str] = field(default_factory=dict)  # task id → what it runs
    action_log: list[str] = field(default_factory=list)  # flattened actions, in yield order
    losses: dict[int, int] = field(default_factory=dict)
    custom_status: Any = None
    output: Any = None
    error: str | None = None
    last_updated_at: datetime | None = None
    replays: int = 0
    termination_reason: str | None = None  # terminate() asked; applied by the loop


class _Clock:
    """Wall clock plus the time skipped while only timers were left to wait for."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def skip_to(self, moment: datetime) -> float:
        gap = (moment - self.now()).total_seconds()
        if gap > 0:
            self.offset += timedelta(seconds=gap)
        return max(gap, 0.0)


def host_json_concurrency(path: Path) -> int:
    try:
        config = json.loads(path.read_text())
        value = config["extensions"]["durableTask"]["maxConcurrentActivityFunctions"]
        return max(1, int(value))
    except (OSError, KeyError, TypeError, ValueError):
        return 8


class LocalDurableHost:
    """Runs orchestrations of a registered DFApp. Drive it with `run_until_idle()`."""

    def __init__(
        self,
        app: Any,
        *,
        max_activity_workers: int | None = None,
        faults: FaultInjection | None = None,
        host_json: Path = Path("host.json"),
    ) -> None:
        self.registry = FunctionRegistry.from_app(app)
        self.workers = max_activity_workers or host_json_concurrency(host_json)
        self.faults = faults or FaultInjection()
        self.stats = HostStats()
        self.instances: dict[str, Instance] = {}
        self._clock = _Clock()
        self._lock = threading.RLock()  # guards `instances` against client calls from triggers
        self._dirty: dict[str, None] = {}  # instances to replay, in arrival order
        self._completions: queue.Queue[_Completion] = queue.Queue()
        self._timers: list[tuple[datetime, int, str, int, int]] = []  # fire at, seq, id, gen, task
        self._timer_seq = itertools.count()
        self._in_flight = 0
        # run_until_idle(stop_after_activities=N): the host "crashes" once N activities have
        # started; later ones never begin (as in a real crash), so the crash point does not
        # depend on how fast the worker threads race the replay loop.
        self._activity_budget: int | None = None
        self._activities_started = 0
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="activity")
        self._random = random.Random(self.faults.seed)
        # Test hooks: called on the worker thread with the activity's input, before it runs
        # (to delete a thread mid-run, say). Not a Functions feature; the local host's own.
        self.before_activity: dict[str, Callable[[Any], None]] = {}
        # Test hook: client operation name -> client.HttpApiFailure, the answer the host's
        # HTTP API gives instead of doing it (a storage or authorization failure, say).
        self.client_faults: dict[str, Any] = {}

    # ---- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> LocalDurableHost:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def now(self) -> datetime:
        return self._clock.now()

    def client(self) -> Any:
        from localdev.durable_host.client import LocalDurableClient

        return LocalDurableClient(self)

    # ---- client operations (called through LocalDurableClient) ----------------------
    def start(self, name: str, instance_id: str, input_value: Any) -> str:
        """Check and create in one step (see `check_start`/`commit_start` for the race)."""
        seen = self.check_start(name, instance_id)
        self.commit_start(name, instance_id, input_value, seen)
        return instance_id

    def check_start(self, name: str, instance_id: str) -> Instance | None:
        """The first half of a start, as the real host does it: read the instance's status
        and refuse a live one (Pending, Running, ContinuedAsNew, Suspended); a Completed,
        Failed, Terminated or Canceled one will be replaced. Returns what was seen."""
        if name not in self.registry.orchestrators:
            known = ", ".join(sorted(self.registry.orchestrators)) or "none"
            raise ValueError(f"no orchestrator named {name!r} (registered: {known})")
        with self._lock:
            existing = self.instances.get(instance_id)
            if existing is not None and existing.status in NOT_REPLACEABLE:
                raise InstanceAlreadyActiveError(instance_id, existing.status)
            return existing

    def commit_start(
        self, name: str, instance_id: str, input_value: Any, seen: Instance | None
    ) -> bool:
        """The second half: create the new execution. The real host's check and write are
        not atomic, so two simultaneous starts can both pass the check and both report
        success; only one execution runs (the other start message is dropped). Returns
        False for the dropped one, which its caller never learns about."""
        with self._lock:
            if self.instances.get(instance_id) is not seen:
                log.info("start of %s lost a simultaneous-start race: dropped", instance_id)
                return False
            self._create(name, instance_id, json.dumps(input_value), parent=None)
            return True

    def raise_event(self, instance_id: str, name: str, data: Any) -> None:
        with self._lock:
            instance = self._require(instance_id)
            if instance.status not in LIVE:
                raise ValueError(f"instance {instance_id!r} is {instance.status}; no events")
            instance.pending_events.append(h.event_raised(self.now(), name, data))
            self._dirty[instance_id] = None

    def terminate(self, instance_id: str, reason: str) -> bool:
        """Ask a live instance to terminate; like the real host, the status changes when the
        loop next runs (a termination is a message the instance processes), not at once.
        Returns False when it had already finished (the real API's 410)."""
        with self._lock:
            instance = self._require(instance_id)
            if instance.status not in LIVE:
                return False
            instance.termination_reason = reason
            self._dirty[instance_id] = None
            return True

    def suspend(self, instance_id: str, reason: str) -> bool:
        """Suspend a live instance: it keeps what arrives but makes no progress."""
        with self._lock:
            instance = self._require(instance_id)
            if instance.status not in LIVE:
                return False
            if instance.status != "Suspended":
                instance.status = "Suspended"
                instance.last_updated_at = self.now()
            return True

    def resume(self, instance_id: str, reason: str) -> bool:
        with self._lock:
            instance = self._require(instance_id)
            if instance.status not in LIVE:
                return False
            if instance.status == "Suspended":
                instance.status = "Running"
                instance.last_updated_at = self.now()
                self._dirty[instance_id] = None
            return True

    def purge(self, instance_id: str) -> int:
        with self._lock:
            instance = self.instances.get(instance_id)
            if instance is None or instance.status in LIVE:
                return 0
            del self.instances[instance_id]
            return 1

    def _apply_termination(self, instance: Instance) -> None:
        instance.status = "Terminated"
        instance.output = instance.termination_reason
        instance.termination_reason = None
        instance.generation += 1  # results still in flight belong to a terminated run
        instance.pending_events = []
        instance.last_updated_at = self.now()

    def _require(self, instance_id: str) -> Instance:
        instance = self.instances.get(instance_id)
        if instance is None:
            raise InstanceNotFoundError(instance_id)
        return instance

    def _create(
        self, name: str, instance_id: str, input_json: str | None, parent: tuple[str, int] | None
    ) -> Instance:
        previous = self.instances.get(instance_id)
        instance = Instance(instance_id, name, input_json, parent, created_at=self.now())
        if previous is not None:  # a restart: late results of the old run must not land
            instance.generation = previous.generation + 1
        instance.last_updated_at = instance.created_at
        self.instances[instance_id] = instance
        self._dirty[instance_id] = None
        return instance

    # ---- the loop -------------------------------------------------------------------
    def run_until_idle(
        self,
        timeout: float | None = None,
        skip_timers_within: timedelta | None = None,
        stop_after_activities: int | None = None,
    ) -> None:
        """Work until nothing is left but instances waiting for external events (or for
        timers further away than `skip_timers_within`; None skips to any timer).

        Raises TimeoutError after `timeout` wall seconds, naming what was still running.
        `stop_after_activities` crashes the host mid-run: exactly that many activities (counted
        from the host's start) run, none after them, and it returns once they have finished;
        results not yet applied by then are dropped. The host is then done: `close()` it and
        start anew (another run_until_idle raises).
        """
        if self._activity_budget is not None:
            raise RuntimeError(
                "the host crashed (run_until_idle(stop_after_activities=...)): close() it and "
                "start a new one"
            )
        deadline = None if timeout is None else time.monotonic() + timeout
        if stop_after_activities is not None:
            with self._lock:
                self._activity_budget = stop_after_activities
        while True:
            if deadline is not None and time.monotonic() > deadline:
                active = [i.instance_id for i in self.instances.values() if i.status in ACTIVE]
                raise TimeoutError(f"host still busy after {timeout}s: {active[:10]}")
            if stop_after_activities is not None and (
                self.stats.activities_run >= stop_after_activities
            ):
                # The activities that started have finished; their results are dropped and
                # the rest never run, as in a crash. The host is done: close() it.
                return
            self._drain_completions(block_for=0.0)
            self._fire_due_timers()
            with self._lock:
                dirty = list(self._dirty)
                self._dirty.clear()
            if dirty:
                for instance_id in dirty:
                    self._replay(self.instances[instance_id])
                continue
            if self._in_flight:
                self._drain_completions(block_for=self._seconds_to_next_timer(cap=0.5))
                continue
            if self._timers and (
                skip_timers_within is None or self._timers[0][0] - self.now() <= skip_timers_within
            ):
                self.stats.virtual_seconds_skipped += self._clock.skip_to(self._timers[0][0])
                continue
            return

    def _seconds_to_next_timer(self, cap: float) -> float:
        if not self._timers:
            return cap
        return max(0.0, min(cap, (self._timers[0][0] - self.now()).total_seconds()))

    def _drain_completions(self, block_for: float) -> None:
        try:
            item = self._completions.get(timeout=block_for) if block_for > 0 else None
        except queue.Empty:
            return
        items = [item] if item is not None else []
        while True:
            try:
                items.append(self._completions.get_nowait())
            except queue.Empty:
                break
        for completion in items:
            self._in_flight -= 1
            self._apply_completion(completion)

    def _apply_completion(self, done: _Completion) -> None:
        instance = self.instances.get(done.instance_id)
        if instance is None or instance.generation != done.generation:
            return
        if instance.status not in LIVE:
            return
        if done.ok and self._lose_result(instance, done):
            return
        when = self.now()
        if done.ok:
            instance.pending_events.append(h.task_completed(when, done.task_id, done.result))
        else:
            instance.pending_events.append(
                h.task_failed(when, done.task_id, done.reason, done.details)
            )
        self._dirty[instance.instance_id] = None

    def _lose_result(self, instance: Instance, done: _Completion) -> bool:
        fraction = self.faults.lost_result_fraction
        if fraction <= 0 or not self.faults.applies_to(done.activity):
            return False
        if instance.losses.get(done.task_id, 0) >= self.faults.max_losses_per_task:
            return False
        if self._random.random() >= fraction:
            return False
        instance.losses[done.task_id] = instance.losses.get(done.task_id, 0) + 1
        self.stats.activity_results_lost += 1
        self._submit_activity(instance, done.task_id, done.activity, done.activity_input)
        return True

    def _fire_due_timers(self) -> None:
        now = self.now()
        while self._timers and self._timers[0][0] <= now:
            fire_at, _, instance_id, generation, task_id = heapq.heappop(self._timers)
            instance = self.instances.get(instance_id)
            if instance is None or instance.generation != generation:
                continue
            if instance.status not in LIVE:
                continue
            self.stats.timers_fired += 1
            instance.pending_events.append(h.timer_fired(now, task_id, fire_at))
            self._dirty[instance_id] = None

    # ---- one replay -----------------------------------------------------------------
    def _replay(self, instance: Instance) -> None:
        if instance.termination_reason is not None and instance.status in LIVE:
            self._apply_termination(instance)
            return
        if instance.status not in ACTIVE:  # finished, or Suspended: keeps its pending events
            return
        now = self.now()
        if not instance.history:
            instance.history.append(h.event(h.ORCHESTRATOR_STARTED, now))
            instance.history.append(h.execution_started(now, instance.name, instance.input_json))
        else:
            instance.history.append(h.event(h.ORCHESTRATOR_STARTED, now))
        instance.history.extend(instance.pending_events)
        instance.pending_events = []
        instance.status = "Running"

        entry = self.registry.orchestrators[instance.name]
        body = {
            "history": instance.history,
            "instanceId": instance.instance_id,
            "isReplaying": False,
            "parentInstanceId": instance.parent[0] if instance.parent else None,
            "input": instance.input_json,
            "upperSchemaVersion": 2,
        }
        context = DurableOrchestrationContext.from_json(json.dumps(body))
        context._input_expected_type = entry.input_type
        started = time.perf_counter()
        error: str | None = None
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                state = json.loads(Orchestrator(entry.generator_function).handle(context))
            duplicate = [w for w in caught if "Potential duplicate Task" in str(w.message)]
            if duplicate:  # the SDK only warns and then hangs: a host bug, so fail loudly
                raise RuntimeError(
                    f"host delivered a result to no open task: {duplicate[0].message}"
                )
        except Exception as exc:  # the orchestrator raised: the SDK appends its state
            message, _, state_json = str(exc).partition(OUT_OF_PROC_MARKER)
            error = message.strip() or type(exc).__name__
            state = json.loads(state_json) if state_json else {}
        finally:
            self.stats.replay_seconds += time.perf_counter() - started
            self.stats.replays += 1
            instance.replays += 1
        for past in instance.history:
            past["IsPlayed"] = True
        instance.last_updated_at = now
        if "customStatus" in state:
            instance.custom_status = state.get("customStatus")

        try:
            self._check_determinism(instance, state.get("actions") or [])
        except NonDeterminismError as exc:
            self._finish(instance, "Failed", error=str(exc))
            return
        if error is not None:
            self._finish(instance, "Failed", error=error)
            return
        if getattr(context, "will_continue_as_new", False):
            self._continue_as_new(instance, state.get("actions") or [])
            return
        if state.get("isDone"):
            self._finish(instance, "Completed", output=state.get("output"))
            return
        self._schedule_new_tasks(instance, context, now)
        instance.history.append(h.event(h.ORCHESTRATOR_COMPLETED, now))

    def _check_determinism(self, instance: Instance, actions: list[Any]) -> None:
        flat = list(_flatten(actions))
        for step, (before, after) in enumerate(zip(instance.action_log, flat, strict=False)):
            if before != after:
                raise NonDeterminismError(
                    f"orchestrator {instance.name!r} ({instance.instance_id}) is not "
                    f"deterministic: step {step + 1} was {before} in the history but the "
                    f"replay yielded {after}"
                )
        if len(flat) < len(instance.action_log):
            missing = instance.action_log[len(flat)]
            raise NonDeterminismError(
                f"orchestrator {instance.name!r} ({instance.instance_id}) is not "
                f"deterministic: step {len(flat) + 1} ({missing}) is in the history but the "
                "replay no longer yields it"
            )
        instance.action_log = flat

    def _schedule_new_tasks(
        self, instance: Instance, context: DurableOrchestrationContext, now: datetime
    ) -> None:
        for task_id, task in sorted(
            ((k, v) for k, v in context.open_tasks.items() if isinstance(k, int)),
            key=lambda kv: kv[0],
        ):
            if task_id in instance.scheduled or not isinstance(task, AtomicTask):
                continue
            action = task.action_repr
            if isinstance(action, list):  # replay schema V1 wraps actions in lists
                action = action[0]
            if isinstance(action, NoOpAction):
                self._schedule_retry_step(instance, task, task_id, now)
            else:
                self._schedule_action(instance, task_id, action.to_json(), now)

    def _schedule_action(
        self, instance: Instance, task_id: int, action: dict[str, Any], now: datetime
    ) -> None:
        kind = action["actionType"]
        if kind in (CALL_ACTIVITY, CALL_ACTIVITY_RETRY):
            name = action["functionName"]
            instance.scheduled[task_id] = f"activity:{name}"
            instance.history.append(h.event(h.TASK_SCHEDULED, now, task_id, Name=name))
            self._submit_activity(instance, task_id, name, action.get("input"))
        elif kind in (CALL_SUB, CALL_SUB_RETRY):
            self._start_sub_orchestration(instance, task_id, action, now)
        elif kind == CREATE_TIMER:
            fire_at = datetime.fromisoformat(action["fireAt"])
            if fire_at.tzinfo is None:
                fire_at = fire_at.replace(tzinfo=UTC)
            instance.scheduled[task_id] = "timer"
            instance.history.append(h.event(h.TIMER_CREATED, now, task_id, FireAt=h.iso(fire_at)))
            self._add_timer(fire_at, instance, task_id)
        else:
            raise NonDeterminismError(f"unsupported action type {kind} in {instance.name!r}")

    def _schedule_retry_step(
        self, instance: Instance, task: AtomicTask, task_id: int, now: datetime
    ) -> None:
        """The SDK's retry wrapper adds a back-off timer after each failure, then a
        'rescheduled task' once that timer fires; both consume task ids (DTFx semantics).

        After the last allowed attempt the SDK still waits for one more timer. DTFx's
        RetryInterceptor keeps that timer for replay compatibility but sets it to fire at
        once ("Dummy timer for back-compat"), so the failure surfaces without a last delay."""
        wrapper: Any = task.parent
        options = wrapper.retry_options.to_json()
        original = wrapper.actions
        if isinstance(original, list):
            original = original[0]
        description = getattr(task.action_repr, "metadata", "")
        if "timer" in str(description):
            attempt = max(1, int(wrapper.num_attempts))
            delay_ms = float(options["firstRetryIntervalInMilliseconds"]) * (
                float(options.get("backoffCoefficient", 1.0)) ** (attempt - 1)
            )
            if "maxRetryIntervalInMilliseconds" in options:
                delay_ms = min(delay_ms, float(options["maxRetryIntervalInMilliseconds"]))
            if attempt >= int(options["maxNumberOfAttempts"]):
                delay_ms = 0.0  # the last attempt failed: no retry follows
            fire_at = now + timedelta(milliseconds=delay_ms)
            instance.scheduled[task_id] = "retry-timer"
            instance.history.append(h.event(h.TIMER_CREATED, now, task_id, FireAt=h.iso(fire_at)))
            self._add_timer(fire_at, instance, task_id)
        else:
            self._schedule_action(instance, task_id, original.to_json(), now)

    def _add_timer(self, fire_at: datetime, instance: Instance, task_id: int) -> None:
        heapq.heappush(
            self._timers,
            (
                fire_at,
                next(self._timer_seq),
                instance.instance_id,
                instance.generation,
                task_id,
            ),
        )

    def _start_sub_orchestration(
        self, parent: Instance, task_id: int, action: dict[str, Any], now: datetime
    ) -> None:
        name = action["functionName"]
        child_id = action.get("instanceId") or f"{parent.instance_id}:{task_id:04d}"
        parent.scheduled[task_id] = f"sub:{name}"
        parent.history.append(
            h.event(h.SUB_ORCHESTRATION_CREATED, now, task_id, Name=name, InstanceId=child_id)
        )
        existing = self.instances.get(child_id)
        if name not in self.registry.orchestrators:
            reason = f"no orchestrator named {name!r}"
        elif existing is not None and existing.status in NOT_REPLACEABLE:
            reason = f"an orchestration instance {child_id!r} is already {existing.status}"
        else:
            self._create(name, child_id, action.get("input"), parent=(parent.instance_id, task_id))
            return
        parent.pending_events.append(h.sub_failed(now, task_id, reason))
        self._dirty[parent.instance_id] = None

    def _continue_as_new(self, instance: Instance, actions: list[Any]) -> None:
        new_input = None
        for action in _walk(actions):
            if action.get("actionType") == CONTINUE_AS_NEW:
                new_input = action.get("input")
        instance.generation += 1
        instance.history = []
        instance.pending_events = []
        instance.scheduled = {}
        instance.action_log = []
        instance.losses = {}
        instance.input_json = new_input
        instance.status = "ContinuedAsNew"
        self._dirty[instance.instance_id] = None

    def _finish(
        self, instance: Instance, status: str, output: Any = None, error: str | None = None
    ) -> None:
        instance.status = status
        instance.output = output if error is None else error
        instance.error = error
        instance.last_updated_at = self.now()
        instance.generation += 1  # results still in flight belong to a finished run
        if error is not None:
            log.warning(
                "orchestration %s (%s) failed: %s",
                instance.instance_id,
                instance.name,
                error.splitlines()[0] if error else "",
            )
        if instance.parent is None:
            return
        parent = self.instances.get(instance.parent[0])
        if parent is None or parent.status not in LIVE:
            return
        task_id = instance.parent[1]
        when = self.now()
        if error is None:
            parent.pending_events.append(h.sub_completed(when, task_id, output))
        else:
            parent.pending_events.append(
                h.sub_failed(
                    when, task_id, f"Orchestrator function '{instance.name}' failed: {error}"
                )
            )
        self._dirty[parent.instance_id] = None

    # ---- activities -----------------------------------------------------------------
    def _submit_activity(
        self, instance: Instance, task_id: int, name: str, input_json: str | None
    ) -> None:
        self._in_flight += 1
        self._pool.submit(
            self._run_activity,
            instance.instance_id,
            instance.generation,
            task_id,
            name,
            input_json,
        )

    def _run_activity(
        self, instance_id: str, generation: int, task_id: int, name: str, input_json: str | None
    ) -> None:
        with self._lock:
            if self._activity_budget is not None and (
                self._activities_started >= self._activity_budget
            ):
                return  # the host crashed before this activity began
            self._activities_started += 1
        cpu_started = time.thread_time()
        done = _Completion(
            instance_id, generation, task_id, ok=False, activity=name, activity_input=input_json
        )
        try:
            entry = self.registry.activities.get(name)
            if entry is None:
                raise LookupError(f"no activity named {name!r}")
            argument = json.loads(input_json) if input_json is not None else None
            hook = self.before_activity.get(name)
            if hook is not None:
                hook(argument)
            result = entry.function(**{entry.input_name: argument})
            if inspect.isawaitable(result):
                result = asyncio.run(_await(result))
            json.dumps(result)  # the real host serializes results: fail the same way
            done.ok, done.result = True, result
        except Exception as exc:
            done.reason = f"Activity function '{name}' failed: {type(exc).__name__}: {exc}"
            done.details = "".join(traceback.format_exception_only(exc)).strip()
        finally:
            cpu = time.thread_time() - cpu_started
            with self._lock:
                self.stats.activities_run += 1
                self.stats.activities_failed += int(not done.ok)
                spent = self.stats.activity_cpu_seconds
                spent[name] = spent.get(name, 0.0) + cpu
            self._completions.put(done)

    # ---- triggers -------------------------------------------------------------------
    def fire_timer(self, name: str) -> Any:
        """Invoke a timer trigger by function name, with a durable client, as the host would."""
        from azure.functions.timer import TimerRequest

        entry = self.registry.timers.get(name)
        if entry is None:
            known = ", ".join(sorted(self.registry.timers)) or "none"
            raise ValueError(f"no timer trigger named {name!r} (registered: {known})")
        kwargs: dict[str, Any] = {entry.arg_name: TimerRequest(past_due=False)}
        if entry.client_name:
            kwargs[entry.client_name] = self.client()
        return _call(entry.function, kwargs)

    def call_http(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        """Invoke the HTTP function whose route matches `/api/<path>`; returns HttpResponse."""
        import azure.functions as func

        route = path.split("?", 1)[0].removeprefix("/").removeprefix("api/").strip("/")
        for entry in self.registry.http.values():
            match = entry.route_pattern().match(route)
            if match and (not entry.methods or method.upper() in entry.methods):
                request = func.HttpRequest(
                    method=method.upper(),
                    url=f"http://localhost/api/{route}",
                    headers=headers or {},
                    params=params or {},
                    route_params=match.groupdict(),
                    body=body or b"",
                )
                kwargs: dict[str, Any] = {entry.arg_name: request}
                if entry.client_name:
                    kwargs[entry.client_name] = self.client()
                return _call(entry.function, kwargs)
        return func.HttpResponse(f"no route for {method} /api/{route}", status_code=404)


def _call(function: Callable[..., Any], kwargs: dict[str, Any]) -> Any:
    result = function(**kwargs)
    if inspect.isawaitable(result):
        return asyncio.run(_await(result))
    return result


async def _await(awaitable: Any) -> Any:
    return await awaitable


def _walk(actions: Iterable[Any]) -> Iterable[dict[str, Any]]:
    for action in actions:
        if isinstance(action, list):
            yield from _walk(action)
        elif isinstance(action, dict):
            yield action
            yield from _walk(action.get("compoundActions") or [])


def _flatten(actions: Iterable[Any]) -> Iterable[str]:
    """Atomic actions in yield order, as short signatures for the determinism check."""
    for action in _walk(actions):
        kind = action.get("actionType")
        if kind in (CALL_ACTIVITY, CALL_ACTIVITY_RETRY):
            yield f"call_activity({action.get('functionName')!r})"
        elif kind in (CALL_SUB, CALL_SUB_RETRY):
            yield f"call_sub_orchestrator({action.get('functionName')!r})"
        elif kind == CREATE_TIMER:
            yield "create_timer"
        elif kind == WAIT_EVENT:
            yield f"wait_for_external_event({action.get('externalEventName')!r})"
