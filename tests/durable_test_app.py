"""Orchestrations written for the local Durable host's tests (not part of the product)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Generator
from datetime import timedelta
from typing import Any

import azure.durable_functions as df
import azure.functions as func


class Recorder:
    """What activities did, shared with the test (activities run on worker threads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.calls: Counter[str] = Counter()
        self.flaky_failures_left = 0
        self.side_effects: Counter[int] = Counter()
        self.nondeterministic_flip = False


def build_app(recorder: Recorder) -> df.DFApp:
    app = df.DFApp(http_auth_level=func.AuthLevel.ANONYMOUS)

    def count(name: str) -> None:
        with recorder.lock:
            recorder.calls[name] += 1

    @app.activity_trigger(input_name="value")
    def double(value: int) -> int:
        count("double")
        return value * 2

    @app.activity_trigger(input_name="value", activity="flaky_renamed")
    def flaky(value: int) -> int:
        count("flaky")
        with recorder.lock:
            if recorder.flaky_failures_left > 0:
                recorder.flaky_failures_left -= 1
                raise ConnectionError("transient trouble")
        return value + 1

    @app.activity_trigger(input_name="value")
    def side_effect(value: int) -> int:
        count("side_effect")
        with recorder.lock:
            recorder.side_effects[value] += 1
        return value

    @app.activity_trigger(input_name="value")
    def boom(value: Any) -> None:
        count("boom")
        raise ValueError("the activity broke")

    @app.orchestration_trigger(context_name="context")
    def fan_out(context: df.DurableOrchestrationContext) -> Generator[Any, Any, int]:
        count_ = int(context.get_input())
        context.set_custom_status({"phase": "fanning out", "tasks": count_})
        results = yield context.task_all(
            [context.call_activity("double", i) for i in range(count_)]
        )
        context.set_custom_status({"phase": "done"})
        return int(sum(results))

    @app.orchestration_trigger(context_name="context")
    def with_retry(context: df.DurableOrchestrationContext) -> Generator[Any, Any, Any]:
        options = df.RetryOptions(
            first_retry_interval_in_milliseconds=60_000, max_number_of_attempts=3
        )
        before = context.current_utc_datetime
        try:
            value = yield context.call_activity_with_retry("flaky_renamed", options, 1)
        except Exception as exc:
            return {
                "error": str(exc).splitlines()[0],
                "waited": (context.current_utc_datetime - before).total_seconds(),
            }
        return {"value": value, "waited": (context.current_utc_datetime - before).total_seconds()}

    @app.orchestration_trigger(context_name="context")
    def parent(context: df.DurableOrchestrationContext) -> Generator[Any, Any, list[int]]:
        children = [
            context.call_sub_orchestrator("fan_out", 10, f"{context.instance_id}-child-{i}")
            for i in range(int(context.get_input()))
        ]
        return (yield context.task_all(children))

    @app.orchestration_trigger(context_name="context")
    def failing_parent(context: df.DurableOrchestrationContext) -> Generator[Any, Any, str]:
        try:
            yield context.call_sub_orchestrator("raises", None, "child-that-fails")
        except Exception as exc:
            return f"caught: {str(exc).splitlines()[0]}"
        return "no error"

    @app.orchestration_trigger(context_name="context")
    def raises(context: df.DurableOrchestrationContext) -> Generator[Any, Any, None]:
        yield context.call_activity("boom", None)

    @app.orchestration_trigger(context_name="context")
    def timer_then_event(context: df.DurableOrchestrationContext) -> Generator[Any, Any, Any]:
        start = context.current_utc_datetime
        yield context.create_timer(start + timedelta(hours=2))
        after_timer = context.current_utc_datetime
        approval = context.wait_for_external_event("approval")
        timeout = context.create_timer(after_timer + timedelta(days=1))
        winner = yield context.task_any([approval, timeout])
        if winner == approval:
            timeout.cancel()
            return {
                "approved": approval.result,
                "timer_hours": (after_timer - start).total_seconds() / 3600,
            }
        return {"approved": None}

    @app.orchestration_trigger(context_name="context")
    def counter(context: df.DurableOrchestrationContext) -> Generator[Any, Any, int]:
        value = int(context.get_input())
        value = yield context.call_activity("double", value)
        if value < 100:
            context.continue_as_new(value)
            return 0
        return int(value)

    @app.orchestration_trigger(context_name="context")
    def not_deterministic(context: df.DurableOrchestrationContext) -> Generator[Any, Any, int]:
        first = yield context.call_activity("double", 1)
        # Reads outside state: exactly what an orchestrator must never do.
        name = "side_effect" if recorder.nondeterministic_flip else "double"
        recorder.nondeterministic_flip = True
        second = yield context.call_activity(name, 2)
        third = yield context.call_activity("double", 3)
        return int(first + second + third)

    @app.orchestration_trigger(context_name="context")
    def effects(context: df.DurableOrchestrationContext) -> Generator[Any, Any, int]:
        values = yield context.task_all(
            [context.call_activity("side_effect", i) for i in range(int(context.get_input()))]
        )
        return len(values)

    @app.timer_trigger(schedule="0 */5 * * * *", arg_name="timer", run_on_startup=False)
    @app.durable_client_input(client_name="client")
    async def every_five_minutes(timer: func.TimerRequest, client: Any) -> None:
        await client.start_new("fan_out", "from-timer", 3)

    @app.route(route="things/{thing_id}", methods=["POST"])
    @app.durable_client_input(client_name="client")
    async def start_thing(req: func.HttpRequest, client: Any) -> func.HttpResponse:
        instance_id = await client.start_new("fan_out", req.route_params["thing_id"], 2)
        return func.HttpResponse(instance_id, status_code=202)

    return app
