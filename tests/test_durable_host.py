"""The local Durable host on orchestrations written for these tests."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from localdev.durable_host import FaultInjection, LocalDurableHost, storage_failure
from tests.durable_test_app import Recorder, build_app


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def make_host(recorder: Recorder, **kwargs: Any) -> Iterator[LocalDurableHost]:
    with LocalDurableHost(build_app(recorder), **kwargs) as host:
        yield host


@pytest.fixture
def host(recorder: Recorder) -> Iterator[LocalDurableHost]:
    yield from make_host(recorder)


def start(host: LocalDurableHost, name: str, instance_id: str, value: Any) -> None:
    asyncio.run(host.client().start_new(name, instance_id, value))


def status(host: LocalDurableHost, instance_id: str) -> Any:
    return asyncio.run(host.client().get_status(instance_id))


def runtime(host: LocalDurableHost, instance_id: str) -> str | None:
    value = status(host, instance_id).runtime_status
    return None if value is None else str(value.value)


def test_finds_each_kind_of_function_once(host: LocalDurableHost) -> None:
    registry = host.registry
    assert {"fan_out", "with_retry", "parent", "counter"} <= set(registry.orchestrators)
    assert "flaky_renamed" in registry.activities  # the trigger's name wins over the def name
    assert registry.timers["every_five_minutes"].schedule == "0 */5 * * * *"
    assert registry.http["start_thing"].route == "things/{thing_id}"
    assert registry.http["start_thing"].client_name == "client"


def test_fan_out_of_500_activities_completes_with_few_replays(
    host: LocalDurableHost, recorder: Recorder
) -> None:
    start(host, "fan_out", "big", 500)
    host.run_until_idle(timeout=120)
    result = status(host, "big")
    assert runtime(host, "big") == "Completed"
    assert result.output == sum(i * 2 for i in range(500))
    assert result.custom_status == {"phase": "done"}
    assert recorder.calls["double"] == 500
    # Completions are applied in batches: nowhere near one replay per task.
    assert result.replays < 100


def test_a_crash_after_n_activities_runs_exactly_n_of_a_fan_out(
    host: LocalDurableHost, recorder: Recorder
) -> None:
    # The worker threads may race ahead of the loop that checks the count: still no
    # activity starts once the budget is spent, so a crash test always leaves work undone.
    start(host, "fan_out", "crashing", 200)
    host.run_until_idle(timeout=120, stop_after_activities=30)
    host.close()
    assert recorder.calls["double"] == 30
    assert host.stats.activities_run == 30
    assert runtime(host, "crashing") == "Running"
    with pytest.raises(RuntimeError, match="crashed"):  # not a hang on work that never ran
        host.run_until_idle(timeout=5)


def test_retry_that_succeeds_waits_virtual_time(host: LocalDurableHost, recorder: Recorder) -> None:
    recorder.flaky_failures_left = 2
    start(host, "with_retry", "retry-ok", None)
    host.run_until_idle(timeout=30)
    output = status(host, "retry-ok").output
    assert output["value"] == 2
    assert output["waited"] == pytest.approx(120, abs=1)  # two 60 s back-offs, in virtual time
    assert recorder.calls["flaky"] == 3


def test_retry_that_exhausts_surfaces_the_activity_error(
    host: LocalDurableHost, recorder: Recorder
) -> None:
    recorder.flaky_failures_left = 10
    start(host, "with_retry", "retry-bad", None)
    host.run_until_idle(timeout=30)
    output = status(host, "retry-bad").output
    assert recorder.calls["flaky"] == 3
    assert "Activity function 'flaky_renamed' failed: ConnectionError" in output["error"]
    # Two 60 s back-offs; after the last attempt DTFx's final timer fires at once.
    assert output["waited"] == pytest.approx(120, abs=1)


def test_sub_orchestrations_with_explicit_ids(host: LocalDurableHost) -> None:
    start(host, "parent", "p", 4)
    host.run_until_idle(timeout=60)
    assert status(host, "p").output == [90, 90, 90, 90]
    assert runtime(host, "p-child-3") == "Completed"


def test_failed_sub_orchestration_raises_in_parent(host: LocalDurableHost) -> None:
    start(host, "failing_parent", "fp", None)
    host.run_until_idle(timeout=30)
    assert runtime(host, "child-that-fails") == "Failed"
    assert "the activity broke" in status(host, "child-that-fails").output
    assert status(host, "fp").output.startswith("caught: Orchestrator function 'raises' failed")


def test_orchestrator_exception_marks_instance_failed_with_message(host: LocalDurableHost) -> None:
    start(host, "raises", "r", None)
    host.run_until_idle(timeout=30)
    assert runtime(host, "r") == "Failed"
    assert "ValueError: the activity broke" in status(host, "r").output


def test_timer_then_external_event(host: LocalDurableHost) -> None:
    start(host, "timer_then_event", "t", None)
    # The 2 h timer is skipped in virtual time; the 1-day timeout is left waiting.
    host.run_until_idle(timeout=30, skip_timers_within=timedelta(hours=3))
    assert runtime(host, "t") == "Running"  # now waiting for the event or the 1-day timeout
    asyncio.run(host.client().raise_event("t", "approval", {"by": "anna"}))
    host.run_until_idle(timeout=30)
    output = status(host, "t").output
    assert output["approved"] == {"by": "anna"}
    assert output["timer_hours"] == pytest.approx(2.0, abs=0.01)


def test_continue_as_new_restarts_with_new_input(host: LocalDurableHost) -> None:
    start(host, "counter", "c", 3)
    host.run_until_idle(timeout=30)
    assert status(host, "c").output == 192  # 3→6→12→24→48→96→192


def test_start_new_refuses_an_active_instance_but_replaces_a_finished_one(
    host: LocalDurableHost,
) -> None:
    start(host, "timer_then_event", "single", None)
    with pytest.raises(Exception, match="already exists"):
        start(host, "timer_then_event", "single", None)
    asyncio.run(host.client().terminate("single", "test over"))
    host.run_until_idle(timeout=30, skip_timers_within=timedelta(0))
    assert runtime(host, "single") == "Terminated"
    start(host, "fan_out", "single", 2)
    host.run_until_idle(timeout=30)
    assert status(host, "single").output == 2


@pytest.mark.parametrize(
    ("state", "refused"),
    [
        ("Pending", True),
        ("Running", True),
        ("ContinuedAsNew", True),
        ("Suspended", True),
        ("Completed", False),
        ("Failed", False),
        ("Terminated", False),
        ("Canceled", False),
    ],
)
def test_start_new_on_an_existing_id_refuses_or_replaces_by_state_as_the_real_host(
    host: LocalDurableHost, state: str, refused: bool
) -> None:
    start(host, "timer_then_event", "id", None)
    host.instances["id"].status = state  # every state, including the transient ones
    if refused:
        with pytest.raises(Exception) as caught:
            start(host, "fan_out", "id", 1)
        # Exactly what azure-functions-durable 1.x raises for the extension's 409.
        assert type(caught.value) is Exception
        assert caught.value.args == (
            {"Message": f"An Orchestration instance with the status {state} already exists."},
        )
        assert host.instances["id"].name == "timer_then_event"
    else:
        start(host, "fan_out", "id", 2)
        host.run_until_idle(timeout=30)
        assert (runtime(host, "id"), status(host, "id").output) == ("Completed", 2)


def test_two_simultaneous_starts_both_report_success_and_one_execution_runs(
    host: LocalDurableHost, recorder: Recorder
) -> None:
    client = host.client()

    async def both() -> list[str]:
        return list(
            await asyncio.gather(
                client.start_new("fan_out", "twice", 5), client.start_new("fan_out", "twice", 5)
            )
        )

    assert asyncio.run(both()) == ["twice", "twice"]
    host.run_until_idle(timeout=30)
    assert status(host, "twice").output == 20
    assert recorder.calls["double"] == 5  # one execution ran, not two


def test_suspended_instance_keeps_what_arrives_and_continues_when_resumed(
    host: LocalDurableHost,
) -> None:
    start(host, "timer_then_event", "s", None)
    host.run_until_idle(timeout=30, skip_timers_within=timedelta(hours=3))
    client = host.client()
    asyncio.run(client.suspend("s", "maintenance"))
    assert runtime(host, "s") == "Suspended"
    asyncio.run(client.raise_event("s", "approval", {"by": "anna"}))
    host.run_until_idle(timeout=30, skip_timers_within=timedelta(hours=3))
    assert runtime(host, "s") == "Suspended"  # the event waits; no progress
    asyncio.run(client.resume("s", "maintenance over"))
    host.run_until_idle(timeout=30, skip_timers_within=timedelta(hours=3))
    assert runtime(host, "s") == "Completed"
    assert status(host, "s").output["approved"] == {"by": "anna"}


def test_terminate_takes_effect_when_the_instance_processes_it(host: LocalDurableHost) -> None:
    start(host, "timer_then_event", "t", None)
    host.run_until_idle(timeout=30, skip_timers_within=timedelta(hours=3))
    asyncio.run(host.client().terminate("t", "stuck"))
    # A termination is a message: until the instance processes it, it is still live, and a
    # start right away is refused as the real host refuses it.
    assert runtime(host, "t") == "Running"
    with pytest.raises(Exception, match="status Running already exists"):
        start(host, "timer_then_event", "t", None)
    host.run_until_idle(timeout=30, skip_timers_within=timedelta(hours=3))
    assert (runtime(host, "t"), status(host, "t").output) == ("Terminated", "stuck")
    asyncio.run(host.client().terminate("t", "again"))  # finished: the API's 410, no error
    with pytest.raises(Exception, match=r"No instance with ID 'nobody' found\."):
        asyncio.run(host.client().terminate("nobody", "x"))


def test_a_host_side_failure_of_start_new_raises_the_extensions_error_body(
    host: LocalDurableHost,
) -> None:
    host.client_faults["start_new"] = storage_failure("This request is not authorized.")
    with pytest.raises(Exception) as caught:
        start(host, "fan_out", "f", 1)
    body = caught.value.args[0]
    assert body["Message"] == "Something went wrong while processing your request"
    assert body["ExceptionMessage"] == "This request is not authorized."
    assert "f" not in host.instances


def test_non_determinism_fails_the_instance_naming_orchestrator_and_step(
    host: LocalDurableHost,
) -> None:
    start(host, "not_deterministic", "nd", None)
    host.run_until_idle(timeout=30)
    assert runtime(host, "nd") == "Failed"
    message = status(host, "nd").output
    assert "'not_deterministic'" in message and "step 2" in message
    assert "call_activity('double')" in message and "call_activity('side_effect')" in message


def test_fault_injection_reruns_activities_whose_results_were_lost(recorder: Recorder) -> None:
    faults = FaultInjection(lost_result_fraction=0.3, seed=7)
    for host in make_host(recorder, faults=faults):
        start(host, "effects", "e", 200)
        host.run_until_idle(timeout=60)
        assert status(host, "e").output == 200
        assert host.stats.activity_results_lost > 20
        reruns = sum(n - 1 for n in recorder.side_effects.values())
        assert reruns == host.stats.activity_results_lost
        assert set(recorder.side_effects) == set(range(200))


def test_fire_timer_and_call_http_pass_a_durable_client(host: LocalDurableHost) -> None:
    host.fire_timer("every_five_minutes")
    response = host.call_http("POST", "/api/things/abc")
    assert response.status_code == 202 and response.get_body() == b"abc"
    assert host.call_http("GET", "/api/nothing").status_code == 404
    host.run_until_idle(timeout=30)
    assert status(host, "from-timer").output == 6
    assert status(host, "abc").output == 2


def test_purge_removes_a_finished_instance(host: LocalDurableHost) -> None:
    start(host, "fan_out", "gone", 1)
    host.run_until_idle(timeout=30)
    assert asyncio.run(host.client().purge_instance_history("gone")).instances_deleted == 1
    assert runtime(host, "gone") is None


def test_activity_pool_is_bounded_by_host_json(tmp_path: Any, recorder: Recorder) -> None:
    config = tmp_path / "host.json"
    config.write_text('{"extensions": {"durableTask": {"maxConcurrentActivityFunctions": 3}}}')
    for host in make_host(recorder, host_json=config):
        assert host.workers == 3
