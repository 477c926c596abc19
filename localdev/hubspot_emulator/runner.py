"""Run the emulator with uvicorn in this process (the subprocess entry and the CLI use it)."""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import uvicorn
from starlette.types import ASGIApp, Receive, Scope, Send

from localdev.hubspot_emulator.app import create_app
from localdev.hubspot_emulator.emulator_state import EmulatorState
from localdev.hubspot_emulator.hubspot_api import TRANSPORT_SCOPE_KEY


class _TransportInScope:
    """Puts the connection's transport into the scope, so the `drop` fault can close the
    socket without sending any response (uvicorn offers no ASGI way to do that)."""

    def __init__(self, app: ASGIApp, transport: asyncio.Transport) -> None:
        self.app = app
        self.transport = transport

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope[TRANSPORT_SCOPE_KEY] = self.transport
        await self.app(scope, receive, send)


class _SaveAfterWrites:
    """Saves the account after every write request (a comment, a note, an injected email,
    an agent's reply, a reset), whatever its outcome; reads change nothing. Plain ASGI, so
    the transport faults (a dropped connection, a lost response) play as without it."""

    def __init__(self, app: ASGIApp, state: EmulatorState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        finally:
            if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD", "OPTIONS"):
                self.state.save()


def _expose_transport(base: type[Any]) -> type[asyncio.Protocol]:
    class TransportExposingProtocol(base):
        app: ASGIApp

        def connection_made(self, transport: asyncio.Transport) -> None:
            super().connection_made(transport)
            self.app = _TransportInScope(self.app, transport)

    return TransportExposingProtocol


def http_protocol_class() -> tuple[type[asyncio.Protocol], str]:
    """httptools when installed (faster), else h11; subclassed to expose the transport."""
    if importlib.util.find_spec("httptools") is not None:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

        return _expose_transport(HttpToolsProtocol), "httptools"
    from uvicorn.protocols.http.h11_impl import H11Protocol

    return _expose_transport(H11Protocol), "h11"


def serve(
    *,
    host: str = "127.0.0.1",
    port: int,
    seed: str = "default",
    token: str = "local-dev-token",
    rate_limit: int | None = None,
    log_level: str = "warning",
    state_file: Path | None = None,
) -> None:
    """Block serving the emulator until interrupted."""
    state = EmulatorState(seed=seed, token=token, rate_limit=rate_limit, state_file=state_file)
    protocol, _ = http_protocol_class()
    app: ASGIApp = create_app(state)
    if state_file is not None:
        app = _SaveAfterWrites(app, state)
    uvicorn.run(
        app,
        host=host,
        port=port,
        http=protocol,
        log_level=log_level,
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=2,
    )
    state.save()  # after a graceful stop (SIGTERM, SIGINT): nothing accepted is lost


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m localdev.hubspot_emulator")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--seed", default="default")
    parser.add_argument("--token", default="local-dev-token")
    parser.add_argument("--rate-limit", type=int, default=None)
    parser.add_argument("--log-level", default="warning")
    parser.add_argument(
        "--state-file",
        type=Path,
        default=None,
        help="keep the account in this JSON file: resumed at start-up when saved from the "
        "same seed, written after every change (default: in memory only)",
    )
    args = parser.parse_args(argv)
    serve(
        host=args.host,
        port=args.port,
        seed=args.seed,
        token=args.token,
        rate_limit=args.rate_limit,
        log_level=args.log_level,
        state_file=args.state_file,
    )
    return 0
