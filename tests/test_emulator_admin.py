"""The admin API (/_emulator/...) and the EmulatorServer helpers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from localdev.hubspot_emulator import EmulatorError, EmulatorServer
from tests import emulator_fixtures
from tests.emulator_fixtures import SpecCheckedClient

# Fixtures used by this module (imported as names so pytest finds them).
fresh_emulator = emulator_fixtures.fresh_emulator
hubspot_http = emulator_fixtures.hubspot_http
hubspot_emulator = emulator_fixtures.hubspot_emulator

CONV = "/conversations/v3/conversations"


def test_reset_restores_the_seed(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    keys = fresh_emulator.thread_keys()
    fresh_emulator.delete_thread(keys["delivery-en"])
    fresh_emulator.inject_email(from_email="new@mailbox.example", text="Hello")
    result = fresh_emulator.reset("default")
    assert result["threads"] == len(keys)
    assert fresh_emulator.thread_keys() == keys  # ids are deterministic
    assert hubspot_http.get(f"{CONV}/threads/{keys['delivery-en']}").status_code == 200
    empty = fresh_emulator.reset("empty")
    assert empty["threads"] == 0
    assert len(hubspot_http.get(f"{CONV}/inboxes").json()["results"]) == 2


def test_reset_with_a_seed_file_and_a_bad_seed(
    fresh_emulator: EmulatorServer, tmp_path: Path
) -> None:
    seed = {
        "inboxes": [{"key": "s", "id": "5", "name": "S", "type": "INBOX", "email": "s@x.example"}],
        "threads": [
            {
                "key": "one",
                "inbox": "s",
                "messages": [
                    {"kind": "in", "minutes_ago": 5, "from_email": "c@x.example", "text": "Hi"}
                ],
            }
        ],
    }
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(seed))
    assert fresh_emulator.reset(str(path))["keys"].keys() == {"one"}
    with pytest.raises(EmulatorError, match="no such file"):
        fresh_emulator.reset(str(tmp_path / "missing.json"))


def test_inject_email_new_thread_and_follow_up(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    created = fresh_emulator.inject_email(
        from_email="kim@mailbox.example",
        from_name="Kim",
        subject="Pedal",
        text="My pedal squeaks.",
        html="<p>My pedal <b>squeaks</b>.</p>",
        created_at="2026-11-25T08:00:00Z",
    )
    thread = hubspot_http.get(f"{CONV}/threads/{created['threadId']}").json()
    assert thread["inboxId"] == "147001"
    assert thread["latestMessageTimestamp"] == "2026-11-25T08:00:00.000Z"
    follow_up = fresh_emulator.inject_email(
        thread_id=created["threadId"], from_email="kim@mailbox.example", text="Still squeaks."
    )
    assert follow_up["threadId"] == created["threadId"]
    messages = hubspot_http.get(
        f"{CONV}/threads/{created['threadId']}/messages", params={"sort": "createdAt"}
    ).json()["results"]
    assert [m["id"] for m in messages] == [created["messageId"], follow_up["messageId"]]
    assert messages[0]["richText"] == "<p>My pedal <b>squeaks</b>.</p>"
    helpdesk = fresh_emulator.inject_email(inbox_id="147002", from_email="a@b.example", text="x")
    assert hubspot_http.get(f"{CONV}/threads/{helpdesk['threadId']}").json()["inboxId"] == "147002"
    with pytest.raises(EmulatorError, match="404"):
        fresh_emulator.inject_email(thread_id="1", from_email="a@b.example", text="x")


def test_bulk_creates_threads_fast_enough_for_benchmarks(fresh_emulator: EmulatorServer) -> None:
    fresh_emulator.reset("empty")
    result = fresh_emulator.bulk(2000)
    assert result["count"] == 2000
    assert fresh_emulator.stats()["threads"] == 2000


def test_stats_count_by_route_template_and_status(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    keys = fresh_emulator.thread_keys()
    hubspot_http.get(f"{CONV}/threads/{keys['delivery-en']}")
    hubspot_http.get(f"{CONV}/threads/{keys['app-es']}")
    hubspot_http.get(f"{CONV}/threads/99")
    for _ in range(2):
        hubspot_http.post(
            f"{CONV}/threads/{keys['app-es']}/messages",
            json={"type": "COMMENT", "text": "x", "attachments": []},
        )
    stats = fresh_emulator.stats()
    routes = {(r["method"], r["route"]): r["statuses"] for r in stats["requests"]}
    assert routes[("GET", f"{CONV}/threads/{{threadId}}")] == {"200": 2, "404": 1}
    assert routes[("POST", f"{CONV}/threads/{{threadId}}/messages")] == {"201": 2}
    assert stats["comment_posts_by_thread"] == {keys["app-es"]: 2}
    assert stats["total_requests"] == 5


def test_unknown_hubspot_path_gets_a_hubspot_error(fresh_emulator: EmulatorServer) -> None:
    import httpx

    response = httpx.get(
        f"{fresh_emulator.base_url}/conversations/v3/nothing-here",
        headers={"Authorization": f"Bearer {fresh_emulator.token}"},
    )
    assert response.status_code == 404
    assert response.json()["category"] == "OBJECT_NOT_FOUND"


def test_server_starts_with_options_and_stops(tmp_path: Path) -> None:
    with EmulatorServer(seed="empty", rate_limit_per_10s=3, token="other-token") as server:
        assert server.stats()["threads"] == 0
        assert server.admin("GET", "/_emulator/faults")["rate_limit_per_10s"] == 3
        pid = server.process.pid if server.process else None
    assert server.process is None
    assert pid is not None


def test_server_reports_a_bad_seed_at_start() -> None:
    with pytest.raises(EmulatorError, match="exited at start-up") as caught:
        EmulatorServer(seed="/nonexistent/seed.json").start(timeout=20)
    assert "/nonexistent/seed.json" in str(caught.value)  # the server's own error, relayed
