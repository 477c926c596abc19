"""Rate limiting (rolling 10 s per token) and injected faults, over real HTTP."""

from __future__ import annotations

import http.client
import time

import pytest

from localdev.hubspot_emulator import EmulatorServer
from localdev.hubspot_emulator.ratelimit import RollingWindowLimiter
from tests import emulator_fixtures
from tests.emulator_fixtures import SpecCheckedClient, hubspot_client

# Fixtures used by this module (imported as names so pytest finds them).
fresh_emulator = emulator_fixtures.fresh_emulator
hubspot_http = emulator_fixtures.hubspot_http
hubspot_emulator = emulator_fixtures.hubspot_emulator

INBOXES = "/conversations/v3/conversations/inboxes"
RATE_HEADERS = (
    "X-HubSpot-RateLimit-Max",
    "X-HubSpot-RateLimit-Remaining",
    "X-HubSpot-RateLimit-Interval-Milliseconds",
    "X-HubSpot-RateLimit-Daily",
    "X-HubSpot-RateLimit-Daily-Remaining",
)


def test_rate_limit_headers_on_every_response(hubspot_http: SpecCheckedClient) -> None:
    ok = hubspot_http.get(INBOXES)
    missing = hubspot_http.get("/conversations/v3/conversations/threads/1")
    for response in (ok, missing):
        for header in RATE_HEADERS:
            assert header in response.headers, header
    assert ok.headers["X-HubSpot-RateLimit-Interval-Milliseconds"] == "10000"
    assert int(missing.headers["X-HubSpot-RateLimit-Daily-Remaining"]) == (
        int(ok.headers["X-HubSpot-RateLimit-Daily-Remaining"]) - 1
    )


def test_rolling_window_gives_429_with_hubspot_body_and_retry_after(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    fresh_emulator.set_faults(rate_limit_per_10s=5)
    statuses = [hubspot_http.get(INBOXES) for _ in range(7)]
    assert [r.status_code for r in statuses] == [200] * 5 + [429] * 2
    assert [r.headers["X-HubSpot-RateLimit-Remaining"] for r in statuses[:5]] == [
        "4",
        "3",
        "2",
        "1",
        "0",
    ]
    limited = statuses[-1]
    body = limited.json()
    assert body["status"] == "error"
    assert body["errorType"] == "RATE_LIMIT"
    assert body["policyName"] == "TEN_SECONDLY_ROLLING"
    assert body["correlationId"]
    assert 1 <= int(limited.headers["Retry-After"]) <= 10
    assert limited.headers["X-HubSpot-RateLimit-Max"] == "5"
    # Another token has its own window.
    with hubspot_client(fresh_emulator, token="read-only-token") as other:
        assert other.get(INBOXES).status_code == 200
    stats = {(r["method"], r["route"]): r["statuses"] for r in fresh_emulator.stats()["requests"]}
    assert stats[("GET", INBOXES)] == {"200": 6, "429": 2}


def test_limiter_window_rolls_over() -> None:
    limiter = RollingWindowLimiter(limit=2)
    assert limiter.check("t", now=100.0).allowed
    assert limiter.check("t", now=105.0).allowed
    refused = limiter.check("t", now=109.0)
    assert not refused.allowed
    assert refused.retry_after_seconds == 1  # the first request leaves the window at 110
    assert limiter.check("t", now=110.0).allowed  # 100.0 has left the window
    assert not limiter.check("t", now=114.9).allowed
    assert (
        RollingWindowLimiter(limit=None).check("t", now=0).headers["X-HubSpot-RateLimit-Max"]
        == "1000000"
    )


def test_injected_5xx_and_429(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    fresh_emulator.set_faults(error_5xx_fraction=1.0)
    failed = hubspot_http.get(INBOXES)
    assert failed.status_code in (500, 502, 503)
    assert failed.json()["status"] == "error"
    fresh_emulator.set_faults(error_5xx_fraction=0.0, rate_429_fraction=1.0)
    limited = hubspot_http.get(INBOXES)
    assert limited.status_code == 429
    assert limited.headers["Retry-After"] == "1"
    assert limited.json()["errorType"] == "RATE_LIMIT"


def test_faults_are_deterministic_for_a_seed(fresh_emulator: EmulatorServer) -> None:
    def run() -> list[int]:
        fresh_emulator.set_faults(error_5xx_fraction=0.3, rate_429_fraction=0.2, seed=42)
        with hubspot_client(fresh_emulator) as client:  # 5xx and 429 bodies checked too
            return [client.get(INBOXES).status_code for _ in range(30)]

    first, second = run(), run()
    assert first == second
    assert 200 in first
    assert set(first) - {200, 429} <= {500, 502, 503}
    assert len(set(first)) > 1


def test_drop_closes_the_connection_without_a_response(fresh_emulator: EmulatorServer) -> None:
    fresh_emulator.set_faults(drop_fraction=1.0)
    connection = http.client.HTTPConnection("127.0.0.1", fresh_emulator.port, timeout=5)
    connection.request("GET", INBOXES, headers={"Authorization": f"Bearer {fresh_emulator.token}"})
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        connection.getresponse()
    connection.close()
    statuses = fresh_emulator.stats()["requests"][0]["statuses"]
    assert statuses == {"dropped": 1}
    fresh_emulator.set_faults(drop_fraction=0.0)
    with hubspot_client(fresh_emulator) as client:
        assert client.get(INBOXES).status_code == 200


def test_latency_is_added(fresh_emulator: EmulatorServer) -> None:
    fresh_emulator.set_faults(latency_ms=300)
    with hubspot_client(fresh_emulator) as client:
        started = time.monotonic()
        assert client.get(INBOXES).status_code == 200
        elapsed = time.monotonic() - started
    # A lower bound only: latency can only add time, never remove it.
    assert elapsed >= 0.3


def test_faults_do_not_touch_the_admin_api(fresh_emulator: EmulatorServer) -> None:
    fresh_emulator.set_faults(error_5xx_fraction=1.0, drop_fraction=0.0)
    assert fresh_emulator.admin("GET", "/_emulator/health") == {"status": "ok"}
    assert fresh_emulator.admin("GET", "/_emulator/faults")["error_5xx_fraction"] == 1.0


def test_lost_response_still_carries_out_the_request(fresh_emulator: EmulatorServer) -> None:
    thread_id = fresh_emulator.thread_keys()["delivery-en"]
    fresh_emulator.set_faults(lost_response_fraction=1.0)
    connection = http.client.HTTPConnection("127.0.0.1", fresh_emulator.port, timeout=5)
    connection.request(
        "POST",
        f"/conversations/v3/conversations/threads/{thread_id}/messages",
        body=b'{"type": "COMMENT", "text": "Draft", "attachments": []}',
        headers={
            "Authorization": f"Bearer {fresh_emulator.token}",
            "Content-Type": "application/json",
        },
    )
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        connection.getresponse()
    connection.close()
    fresh_emulator.set_faults(lost_response_fraction=0.0)
    stats = fresh_emulator.stats()
    assert stats["comment_posts_by_thread"] == {thread_id: 1}
    assert stats["requests"][0]["statuses"] == {"lost_201": 1}
    with hubspot_client(fresh_emulator) as client:
        messages = client.get(
            f"/conversations/v3/conversations/threads/{thread_id}/messages"
        ).json()["results"]
    assert messages[0]["type"] == "COMMENT"  # newest first


def test_daily_limit_gives_429_with_daily_policy(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    fresh_emulator.set_faults(daily_limit=3)
    statuses = [hubspot_http.get(INBOXES) for _ in range(4)]
    assert [r.status_code for r in statuses] == [200, 200, 200, 429]
    assert statuses[2].headers["X-HubSpot-RateLimit-Daily-Remaining"] == "0"
    assert statuses[3].json()["policyName"] == "DAILY"
    assert int(statuses[3].headers["Retry-After"]) > 10
