"""A local HTTP front for the local Durable host: real HTTP requests to `/api/...` are
handed to `LocalDurableHost.call_http`, as the Functions host hands them to the worker.

The emulator's webhooks need a URL to call; this is it. One thread per request (like the
real host's concurrency); the host's own loop keeps running in its thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any

from localdev.durable_host import LocalDurableHost
from localdev.threaded_http import BackgroundHTTPServer


class HttpGateway:
    def __init__(self, host: LocalDurableHost, port: int) -> None:
        self.host = host
        self.port = port
        self._server: BackgroundHTTPServer | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> HttpGateway:
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path, _, query = self.path.partition("?")
                params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
                response: Any = gateway.host.call_http(
                    self.command, path, body=body, params=params, headers=dict(self.headers)
                )
                payload = response.get_body() or b""
                self.send_response(response.status_code)
                self.send_header("Content-Type", response.mimetype or "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = _forward

            def log_message(self, format: str, *args: Any) -> None:
                return  # quiet: request lines would clutter `triage run`

        self._server = BackgroundHTTPServer(self.port, Handler, "http-gateway")
        self._server.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def __enter__(self) -> HttpGateway:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def run_host_until(
    host: LocalDurableHost,
    done: Callable[[], bool],
    *,
    timeout: float,
    timer_every: float | None = None,
    timer: str = "poll_timer",
    tick: float = 0.05,
) -> bool:
    """Keep the host working while requests arrive through the gateway, until `done()` or
    `timeout` wall seconds; fire the poll timer every `timer_every` wall seconds (None: the
    timer never fires, webhooks alone start polls). True if `done()` became true."""
    started = time.monotonic()
    next_timer = None if timer_every is None else started + timer_every
    while time.monotonic() - started < timeout:
        now = time.monotonic()
        if next_timer is not None and timer_every and now >= next_timer:
            # A tick missed while the host was busy is skipped: the real timer fired then,
            # found the poll running and did nothing.
            if now - next_timer < 0.5:
                host.fire_timer(timer)
            while next_timer <= now:
                next_timer += timer_every
        host.run_until_idle(timeout=max(1.0, timeout))
        if done():
            return True
        time.sleep(tick)
    return done()
