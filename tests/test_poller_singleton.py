"""The singleton lock, its error reporting and the poller's watchdog, on the production app
run by the local Durable host (which answers as the real host and client do)."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from core.settings import get_settings, load_settings
from localdev.azurite import Azurite
from localdev.durable_host import LocalDurableHost, storage_failure
from localdev.durable_host.client import LocalOrchestrationStatus
from pipeline import services
from pipeline.singleton import (
    InstanceState,
    describe_error,
    is_stuck,
    poll_tick,
    refused_because_active,
    start_if_idle,
)
from pipeline.status import poller_status
from tests.durable_test_app import Recorder, build_app

# What azure-functions-durable 1.x raises when start_new meets an active instance: the
# current extension answers 409 (HttpApiHandler maps OrchestrationAlreadyExistsException),
# older ones 500 with the DTFx exception (Azure/azure-functions-durable-python#410).
CONFLICT_409 = Exception(
    {"Message": "An Orchestration instance with the status Suspended already exists."}
)
LEGACY_500 = Exception(
    {
        "Message": "Something went wrong while processing your request",
        "ExceptionMessage": "An Orchestration instance with the status Pending already exists.",
        "ExceptionType": "System.InvalidOperationException",
        "StackTrace": "   at DurableTask.AzureStorage.AzureStorageOrchestrationService...",
    }
)
AUTH_500 = Exception(
    {
        "Message": "Something went wrong while processing your request",
        "ExceptionMessage": "This request is not authorized to perform this operation.",
        "ExceptionType": "Azure.RequestFailedException",
        "StackTrace": "   at Azure.Data.Tables.TableRestClient.QueryEntities(...)",
    }
)
# An Azure Table conflict mentions "already exists" too, but it is a storage error.
TABLE_CONFLICT = Exception(
    {
        "Message": "Something went wrong while processing your request",
        "ExceptionMessage": "The specified entity already exists.",
        "ExceptionType": "Azure.RequestFailedException",
    }
)


@pytest.mark.parametrize(
    ("exc", "holder"),
    [
        (CONFLICT_409, "Suspended"),
        (LEGACY_500, "Pending"),
        (
            Exception("An orchestration with id 'poller' already exists. It is in state Running"),
            "Running",
        ),
        (AUTH_500, None),
        (TABLE_CONFLICT, None),
        (ConnectionResetError("Connection reset by peer"), None),
        (Exception("The operation failed with an unexpected status code 503"), None),
    ],
)
def test_only_the_hosts_refusal_means_the_lock_is_held(exc: Exception, holder: str | None) -> None:
    assert refused_because_active(exc) == holder


def test_the_reason_names_the_failure_without_the_hosts_stack_trace() -> None:
    reason = describe_error(AUTH_500)
    assert reason == (
        "Azure.RequestFailedException: This request is not authorized to perform this operation."
    )
    assert "TableRestClient" not in reason


# ---- the lock on the local host, with the test app's orchestrations ---------------------


@pytest.fixture
def test_host() -> Iterator[LocalDurableHost]:
    with LocalDurableHost(build_app(Recorder())) as host:
        yield host


def test_a_suspended_instance_holds_the_lock(test_host: LocalDurableHost) -> None:
    client = test_host.client()
    asyncio.run(client.start_new("timer_then_event", "lock", None))
    test_host.run_until_idle(timeout=30, skip_timers_within=timedelta(hours=3))
    asyncio.run(client.suspend("lock", "operator"))
    starts: list[str] = []

    class Counting:  # the local client, counting start attempts
        async def get_status(self, instance_id: str) -> Any:
            return await client.get_status(instance_id)

        async def start_new(self, name: str, instance_id: str | None = None, *a: Any) -> str:
            starts.append(name)
            return await client.start_new(name, instance_id, *a)

        async def terminate(self, instance_id: str, reason: str) -> None:
            await client.terminate(instance_id, reason)

    outcome = asyncio.run(start_if_idle(Counting(), "fan_out", "lock", 1, "test"))
    assert (outcome.outcome, outcome.status, outcome.http_status) == ("busy", "Suspended", 409)
    assert starts == []  # the status alone says the lock is held
    assert test_host.instances["lock"].name == "timer_then_event"  # not replaced


def test_losing_the_race_after_the_status_read_is_busy_not_an_error(
    test_host: LocalDurableHost,
) -> None:
    client = test_host.client()
    asyncio.run(client.start_new("timer_then_event", "lock", None))
    stale = InstanceState(None, None, None)  # what a starter read just before the other won
    outcome = asyncio.run(start_if_idle(client, "fan_out", "lock", 1, "test", state=stale))
    assert (outcome.outcome, outcome.status) == ("busy", "Pending")


def test_a_storage_failure_of_the_start_is_an_error_with_its_reason(
    test_host: LocalDurableHost, caplog: pytest.LogCaptureFixture
) -> None:
    test_host.client_faults["start_new"] = storage_failure(
        "This request is not authorized to perform this operation."
    )
    with caplog.at_level(logging.ERROR, logger="pipeline.singleton"):
        outcome = asyncio.run(start_if_idle(test_host.client(), "fan_out", "job", 1, "test"))
    assert (outcome.outcome, outcome.http_status) == ("error", 503)
    assert outcome.reason is not None and "not authorized" in outcome.reason
    assert any("not authorized" in r.getMessage() for r in caplog.records)


# ---- the production app: timer, HTTP endpoints, watchdog --------------------------------


@pytest.fixture
def app_host(azurite: Azurite, monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalDurableHost]:
    """The production function_app on the local host; nothing here runs a poll's activities
    (HubSpot points at a closed port), only the lock, the watchdog and the endpoints."""
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", "pat-test")
    monkeypatch.setenv("HUBSPOT_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("LEDGER_CONNECTION_STRING", azurite.connection_string)
    monkeypatch.setenv("LEDGER_TABLE_PREFIX", "singleton")
    monkeypatch.setenv("POLL_WATCHDOG_MINUTES", "60")
    monkeypatch.setenv("POLLING_PAUSED", "false")
    get_settings.cache_clear()
    services.reset()
    import function_app

    with LocalDurableHost(function_app.app) as host:
        yield host
    get_settings.cache_clear()
    services.reset()


def poller(host: LocalDurableHost) -> Any:
    return asyncio.run(host.client().get_status("poller"))


def test_manual_poll_answers_503_with_the_reason_when_the_start_fails(
    app_host: LocalDurableHost,
) -> None:
    app_host.client_faults["start_new"] = storage_failure(
        "Server failed to authenticate the request."
    )
    response = app_host.call_http("POST", "/api/poll")
    body = json.loads(response.get_body())
    assert response.status_code == 503
    assert body["outcome"] == "error" and "failed to authenticate" in body["error"]
    del app_host.client_faults["start_new"]
    assert app_host.call_http("POST", "/api/poll").status_code == 202
    assert app_host.call_http("POST", "/api/poll").status_code == 409  # now really busy


def test_the_timer_logs_a_start_failure_as_an_error(
    app_host: LocalDurableHost, caplog: pytest.LogCaptureFixture
) -> None:
    app_host.client_faults["start_new"] = storage_failure("The storage account is disabled.")
    with caplog.at_level(logging.INFO, logger="pipeline.singleton"):
        app_host.fire_timer("poll_timer")
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "storage account is disabled" in errors[0].getMessage()
    assert not [r for r in caplog.records if "skipped" in r.getMessage()]
    assert poller(app_host).runtime_status is None


def test_watchdog_terminates_an_old_poller_and_the_next_tick_starts_a_new_one(
    app_host: LocalDurableHost, caplog: pytest.LogCaptureFixture
) -> None:
    app_host.fire_timer("poll_timer")
    stuck = app_host.instances["poller"]
    stuck.created_at -= timedelta(minutes=61)  # a run that began 61 minutes ago and hangs
    with caplog.at_level(logging.WARNING, logger="pipeline.singleton"):
        app_host.fire_timer("poll_timer")
    assert any("terminated by the watchdog" in r.getMessage() for r in caplog.records)
    app_host.run_until_idle(timeout=30)  # the instance processes its termination
    assert str(poller(app_host).runtime_status.value) == "Terminated"
    assert "POLL_WATCHDOG_MINUTES" in poller(app_host).output
    app_host.fire_timer("poll_timer")
    fresh = app_host.instances["poller"]
    assert fresh is not stuck and fresh.status == "Pending"


def test_watchdog_leaves_a_young_poller_alone(app_host: LocalDurableHost) -> None:
    app_host.fire_timer("poll_timer")
    running = app_host.instances["poller"]
    running.created_at -= timedelta(minutes=59)
    app_host.fire_timer("poll_timer")
    assert app_host.instances["poller"] is running
    assert running.termination_reason is None and running.status == "Pending"


def test_watchdog_leaves_a_suspended_poller_to_the_operator(
    app_host: LocalDurableHost, caplog: pytest.LogCaptureFixture
) -> None:
    app_host.fire_timer("poll_timer")
    held = app_host.instances["poller"]
    asyncio.run(app_host.client().suspend("poller", "operator"))
    held.created_at -= timedelta(hours=3)
    with caplog.at_level(logging.WARNING, logger="pipeline.singleton"):
        app_host.fire_timer("poll_timer")
    assert held.termination_reason is None and held.status == "Suspended"
    assert any("Suspended" in r.getMessage() for r in caplog.records)


def test_status_shows_the_pollers_age(app_host: LocalDurableHost) -> None:
    app_host.fire_timer("poll_timer")
    app_host.instances["poller"].created_at -= timedelta(minutes=7)
    body = json.loads(app_host.call_http("GET", "/api/status").get_body())
    age = body["poller"]
    assert age["runtime_status"] == "Pending"
    assert datetime.fromisoformat(age["created_time"]) < datetime.now(UTC) - timedelta(minutes=7)
    assert 7.0 <= age["running_minutes"] < 8.0
    assert (age["watchdog_minutes"], age["over_watchdog_bound"]) == (60, False)


def test_poller_age_is_only_for_an_active_run_and_flags_one_past_the_bound() -> None:
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    running = LocalOrchestrationStatus(
        runtime_status=_status("Running"), created_time=now - timedelta(minutes=75)
    )
    done = LocalOrchestrationStatus(
        runtime_status=_status("Completed"), created_time=now - timedelta(minutes=75)
    )
    assert poller_status(running, now, 60)["running_minutes"] == 75.0
    assert poller_status(running, now, 60)["over_watchdog_bound"] is True
    assert poller_status(done, now, 60)["running_minutes"] is None
    assert poller_status(LocalOrchestrationStatus(), now, 60)["runtime_status"] is None


def test_is_stuck_only_for_progressing_states_past_the_bound() -> None:
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    old = now - timedelta(minutes=61)
    bound = timedelta(minutes=60)
    assert is_stuck(InstanceState("Running", old, None), bound, now)
    assert is_stuck(InstanceState("Pending", old, None), bound, now)
    assert not is_stuck(InstanceState("Suspended", old, None), bound, now)
    assert not is_stuck(InstanceState("Completed", old, None), bound, now)
    assert not is_stuck(InstanceState("Running", now - timedelta(minutes=59), None), bound, now)


def test_poll_tick_reports_a_status_read_failure_as_an_error() -> None:
    class Broken:
        async def get_status(self, instance_id: str) -> Any:
            raise ConnectionRefusedError("host unreachable")

        async def start_new(self, *args: Any) -> str:
            raise AssertionError("must not start when the status could not be read")

        async def terminate(self, instance_id: str, reason: str) -> None:
            raise AssertionError("must not terminate")

    settings = load_settings(
        hubspot_access_token="pat-test", ledger_connection_string="UseDevelopmentStorage=true"
    )
    outcome = asyncio.run(poll_tick(Broken(), settings, datetime.now(UTC)))
    assert outcome.outcome == "error" and "host unreachable" in (outcome.reason or "")


def test_watchdog_setting_is_validated() -> None:
    base = {"hubspot_access_token": "x", "ledger_connection_string": "UseDevelopmentStorage=true"}
    assert load_settings(**base).poll_watchdog_minutes == 60
    for bad in (5, 14, 1441):
        with pytest.raises(Exception, match="POLL_WATCHDOG_MINUTES"):
            load_settings(**base, poll_watchdog_minutes=bad)


def _status(name: str) -> Any:
    from azure.durable_functions.models.OrchestrationRuntimeStatus import (
        OrchestrationRuntimeStatus,
    )

    return OrchestrationRuntimeStatus(name)
