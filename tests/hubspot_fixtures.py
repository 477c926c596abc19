"""Fixtures for the HubSpot client tests: a fake clock, and a tiny scripted HubSpot server.

The scripted server (http.server in a thread) keeps a few threads of messages and can be
told to answer the next matching request with a given status, optionally *after* doing the
work (a response lost after its side effect). Bind the fixtures as module names in a test
module (an assignment, unlike `from ... import`, does not trip ruff's F811):
    from tests import hubspot_fixtures
    fake_clock = hubspot_fixtures.fake_clock
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from hubspot.inbox_client import InboxClient

TOKEN = "test-token"
CONV = "/conversations/v3/conversations"


class FakeClock:
    """A monotonic clock that only moves when `sleep` is called; records every sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds


@dataclass
class Scripted:
    method: str
    path_contains: str
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    apply_first: bool = False  # do the real work, then answer with this status
    delay_seconds: float = 0.0


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any


def _message(message_id: str, thread_id: str, minute: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": message_id,
        "type": "MESSAGE",
        "conversationsThreadId": thread_id,
        "createdAt": f"2026-11-20T10:{minute:02d}:00Z",
        "direction": "INCOMING",
        "channelId": "1002",
        "senders": [
            {
                "actorId": "V-1",
                "name": "Ann",
                "deliveryIdentifier": {"type": "HS_EMAIL_ADDRESS", "value": "ann@example.com"},
            }
        ],
        "recipients": [],
        "text": f"text of {message_id}",
        "richText": f"<p>text of {message_id}</p>",
        "truncationStatus": "NOT_TRUNCATED",
        "attachments": [],
        **extra,
    }


class FakeHubSpot:
    """State and script of the tiny server; `url` once started."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.inboxes = [
            {"id": "10", "name": "Support", "type": "INBOX"},
            {"id": "20", "name": "Desk", "type": "HELP_DESK"},
        ]
        self.threads: dict[str, dict[str, Any]] = {
            "1": {"id": "1", "inboxId": "10", "status": "OPEN", "spam": False},
            "2": {
                "id": "2",
                "inboxId": "20",
                "status": "OPEN",
                "spam": False,
                "threadAssociations": {"associatedTicketId": "900"},
            },
        }
        # Stored newest first, so "oldest first" must come from the client's sort.
        self.messages: dict[str, list[dict[str, Any]]] = {
            "1": [_message(f"m{i}", "1", i) for i in range(5, 0, -1)],
            "2": [_message("h1", "2", 1)],
        }
        self.notes: list[dict[str, Any]] = []
        self.script: list[Scripted] = []
        self.seen: list[Seen] = []
        self.url = ""
        self.list_delay_seconds = 0.0  # widens check-then-post races in concurrency tests
        self._next_id = 100

    def add_script(self, *items: Scripted) -> None:
        with self.lock:
            self.script.extend(items)

    def posts(self, thread_id: str) -> list[dict[str, Any]]:
        return [m for m in self.messages.get(thread_id, []) if m["type"] == "COMMENT"]

    def new_id(self) -> str:
        self._next_id += 1
        return str(self._next_id)


def _handler(fake: FakeHubSpot) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
            raw = json.dumps(body).encode() if body is not None else b""
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(raw)

        def _serve(self, method: str) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            with fake.lock:
                fake.seen.append(
                    Seen(method, parts.path, parse_qs(parts.query), dict(self.headers), body)
                )
                scripted = next(
                    (
                        s
                        for s in fake.script
                        if s.method == method and s.path_contains in parts.path
                    ),
                    None,
                )
                if scripted is not None:
                    fake.script.remove(scripted)
            if scripted is not None:
                if scripted.delay_seconds:
                    time.sleep(scripted.delay_seconds)
                if scripted.apply_first:
                    self._route(method, parts.path, parse_qs(parts.query), body, reply=False)
                self._send(scripted.status, scripted.body, scripted.headers)
                return
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                self._send(401, {"status": "error", "category": "INVALID_AUTHENTICATION"})
                return
            self._route(method, parts.path, parse_qs(parts.query), body, reply=True)

        def _route(
            self, method: str, path: str, query: dict[str, list[str]], body: Any, *, reply: bool
        ) -> None:
            if method == "GET" and path.endswith("/messages") and fake.list_delay_seconds:
                time.sleep(fake.list_delay_seconds)
            status, payload = self._dispatch(method, path, query, body)
            if reply:
                self._send(status, payload)

        def _dispatch(
            self, method: str, path: str, query: dict[str, list[str]], body: Any
        ) -> tuple[int, Any]:
            not_found = {"status": "error", "category": "OBJECT_NOT_FOUND", "message": "gone"}
            with fake.lock:
                if method == "GET" and path == f"{CONV}/inboxes":
                    return 200, {"total": len(fake.inboxes), "results": fake.inboxes}
                if method == "GET" and path == f"{CONV}/threads":
                    rows = [t for t in fake.threads.values() if t["inboxId"] == query["inboxId"][0]]
                    return 200, {"results": rows}
                segments = path.removeprefix(f"{CONV}/threads/").split("/")
                thread = fake.threads.get(segments[0])
                if path.startswith(f"{CONV}/threads/") and thread is None:
                    return 404, not_found
                if method == "GET" and len(segments) == 1:
                    return 200, thread
                if segments[1:] == ["messages"] and method == "GET":
                    # Pages of two, whatever limit is asked, so paging is exercised.
                    limit = min(int(query.get("limit", ["2"])[0]), 2)
                    offset = int(query.get("after", ["0"])[0])
                    rows = fake.messages[segments[0]]
                    page: dict[str, Any] = {"results": rows[offset : offset + limit]}
                    if offset + limit < len(rows):
                        page["paging"] = {"next": {"after": str(offset + limit)}}
                    return 200, page
                if len(segments) == 4 and segments[3] == "original-content":
                    for message in fake.messages[segments[0]]:
                        if message["id"] == segments[2]:
                            return 200, {"text": message["text"], "richText": message["richText"]}
                    return 404, not_found
                if segments[1:] == ["messages"] and method == "POST":
                    if thread is not None and thread["inboxId"] == "20":
                        return 400, {
                            "status": "error",
                            "category": "VALIDATION_ERROR",
                            "message": "help desk threads refuse comments",
                            "correlationId": "c-1",
                        }
                    comment = {
                        "id": fake.new_id(),
                        "type": "COMMENT",
                        "createdAt": "2026-11-21T00:00:00Z",
                        "text": body["text"],
                        "richText": body["richText"],
                    }
                    fake.messages[segments[0]].insert(0, comment)
                    return 201, comment
                if method == "POST" and path == "/crm/v3/objects/notes":
                    note = {"id": fake.new_id(), "properties": body["properties"]}
                    fake.notes.append(note)
                    return 201, note
                if method == "POST" and path == "/crm/v3/objects/notes/search":
                    return 200, {"total": len(fake.notes), "results": fake.notes}
            return 404, not_found

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that timed out closed its socket; the tests check the client side


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fake_hubspot() -> Iterator[FakeHubSpot]:
    fake = FakeHubSpot()
    server = _QuietServer(("127.0.0.1", 0), _handler(fake))
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def make_client(url: str, clock: FakeClock, *, token: str = TOKEN, **kwargs: Any) -> InboxClient:
    """A client on `url` whose sleeps only advance the fake clock (no real waiting)."""
    kwargs.setdefault("max_retry_seconds", 60)
    kwargs.setdefault("timeout_seconds", 5)
    return InboxClient(token, url, sleep=clock.sleep, clock=clock, jitter=lambda: 0.5, **kwargs)
