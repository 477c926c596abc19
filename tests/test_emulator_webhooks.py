"""The emulator's webhook calls: HubSpot's shape and v3 signature, batching, retries of a
failed delivery, and the drop / duplicate / delay / reorder faults, received by a real
HTTP server on loopback."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from hubspot.webhook_calls import parse_events, verify_v3
from localdev.hubspot_emulator import EmulatorServer
from localdev.ports import free_port

SECRET = "emulated-app-secret"


class Receiver:
    """Records every call; answers `fail_first` calls with 500, the rest with 204."""

    def __init__(self) -> None:
        self.port = free_port()
        self.calls: list[dict[str, Any]] = []
        self.fail_first = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.calls.append(
                    {"headers": dict(self.headers), "body": body, "at": time.monotonic()}
                )
                failing = len(receiver.calls) <= receiver.fail_first
                self.send_response(500 if failing else 204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/hubspot/webhook"

    def events(self) -> list[dict[str, Any]]:
        return [e for call in self.calls for e in json.loads(call["body"])]


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(seed="empty") as server:
        yield server


@pytest.fixture
def receiver(emulator: EmulatorServer) -> Iterator[Receiver]:
    target = Receiver()
    yield target
    emulator.admin("POST", "/_emulator/webhooks", {"url": None})
    target.server.shutdown()
    target.server.server_close()


def configure(emulator: EmulatorServer, receiver: Receiver, **changes: Any) -> None:
    config = {
        "url": receiver.url,
        "client_secret": SECRET,
        "drop_fraction": 0.0,
        "duplicate_fraction": 0.0,
        "delay_ms": 0,
        "reorder_window_ms": 0,
        "max_retries": 2,
        "retry_delay_ms": 50,
        "seed": 0,
        **changes,
    }
    emulator.admin("POST", "/_emulator/webhooks", config)


def wait_settled(emulator: EmulatorServer, timeout: float = 20) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        summary: dict[str, Any] = emulator.admin("GET", "/_emulator/webhooks")
        if summary["in_flight"] == 0:
            return summary
        time.sleep(0.05)
    raise AssertionError("webhook deliveries still in flight")


def test_calls_are_hubspot_shaped_and_signed_with_the_v3_scheme(
    emulator: EmulatorServer, receiver: Receiver
) -> None:
    configure(emulator, receiver)
    first = emulator.inject_email(from_email="a@mailbox.example", text="Hello")
    emulator.inject_email(from_email="a@mailbox.example", text="Again", thread_id=first["threadId"])
    wait_settled(emulator)
    assert len(receiver.calls) == 2
    for call in receiver.calls:
        verify_v3(
            secret=SECRET,
            method="POST",
            uri=receiver.url,
            headers=call["headers"],
            body=call["body"],
        )
    # One call per injected email; HubSpot promises no order between calls, and the
    # emulator's deliveries race too, so compare the calls as a set.
    calls = sorted(
        (json.loads(call["body"]) for call in receiver.calls), key=lambda body: -len(body)
    )
    kinds = [
        [
            (e.subscription_type, e.thread_id, e.message_type)
            for e in parse_events(json.dumps(body).encode())
        ]
        for body in calls
    ]
    assert kinds == [
        [
            ("conversation.creation", first["threadId"], None),
            ("conversation.newMessage", first["threadId"], "MESSAGE"),
        ],
        [("conversation.newMessage", first["threadId"], "MESSAGE")],
    ]
    assert calls[0][1]["messageId"] == first["messageId"]
    summary = wait_settled(emulator)
    assert summary["config"]["client_secret"] == "***"


def test_a_failed_delivery_is_retried_with_the_same_event_ids(
    emulator: EmulatorServer, receiver: Receiver
) -> None:
    configure(emulator, receiver)
    receiver.fail_first = 2
    emulator.inject_email(from_email="b@mailbox.example", text="Hello")
    summary = wait_settled(emulator)
    assert len(receiver.calls) == 3
    bodies = [json.loads(c["body"]) for c in receiver.calls]
    assert [[e["attemptNumber"] for e in b] for b in bodies] == [[0, 0], [1, 1], [2, 2]]
    assert len({tuple(e["eventId"] for e in b) for b in bodies}) == 1
    assert summary["stats"] == {"calls": 1, "failed_attempts": 2, "delivered": 1}


def test_bulk_events_go_out_at_most_100_per_call(
    emulator: EmulatorServer, receiver: Receiver
) -> None:
    configure(emulator, receiver)
    emulator.bulk(60)  # 120 events: a creation and a new message per thread
    wait_settled(emulator)
    assert sorted(len(json.loads(c["body"])) for c in receiver.calls) == [20, 100]


def test_drop_duplicate_and_reorder_faults(emulator: EmulatorServer, receiver: Receiver) -> None:
    configure(emulator, receiver, drop_fraction=1.0)
    emulator.inject_email(from_email="c@mailbox.example", text="lost")
    assert wait_settled(emulator)["stats"] == {"calls": 1, "dropped": 1}
    assert receiver.calls == []

    configure(emulator, receiver, duplicate_fraction=1.0)
    emulator.inject_email(from_email="c@mailbox.example", text="twice")
    wait_settled(emulator)
    assert len(receiver.calls) == 2 and receiver.calls[0]["body"] == receiver.calls[1]["body"]

    receiver.calls.clear()
    configure(emulator, receiver, reorder_window_ms=1500, seed=7)
    for n in range(6):
        emulator.inject_email(from_email=f"d{n}@mailbox.example", text="order")
    wait_settled(emulator)
    first_ids = [json.loads(c["body"])[0]["eventId"] for c in receiver.calls]
    assert len(first_ids) == 6 and first_ids != sorted(first_ids)  # later ones overtook

    receiver.calls.clear()
    configure(emulator, receiver, delay_ms=700)
    sent = time.monotonic()
    emulator.inject_email(from_email="e@mailbox.example", text="late")
    wait_settled(emulator)
    assert receiver.calls[0]["at"] - sent >= 0.7
