"""A fault proxy in front of Azurite's table service: the ledger's client talks to this
proxy, which forwards to Azurite or plays one of Azure Storage's failures on the request.

Faults, each drawn per request at its own rate (one seeded `random.Random`, so a run with
the same seed and request order repeats), only on the operations chosen:

- ``server_busy``: 503 with Azure Storage's ``ServerBusy`` error, the request not applied;
- ``timed_out``: 500 with ``OperationTimedOut``, the request not applied;
- ``reset``: the connection is reset before the request reaches Azurite;
- ``lost_response``: the request reaches Azurite and is applied, then the connection is
  reset before the response: the client sees the same error as ``reset`` and retries a
  write that already happened (an insert then answers 409, an ETag update 412). Drawn
  for a request Azurite refuses (409, 412), it is not played: that answer passes;
- ``slow``: the response is held back ``slow_ms`` before it is sent.

Error bodies follow the Table service's JSON error format (the OData error, see
tests/data/table_storage_errors.json for the sources) with the ``x-ms-error-code`` header.

The proxy runs on a thread of the process that starts it (tests, benches); counters tell
how many requests and faults each operation saw, and which partition (for the ledger's
message table, the email's id) each fault hit.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import random
import re
import socket
import struct
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler
from typing import Literal, NamedTuple
from urllib.parse import unquote

from pydantic import BaseModel, ConfigDict, Field

from localdev.ports import free_port
from localdev.threaded_http import BackgroundHTTPServer

Operation = Literal["table", "insert", "update", "upsert", "merge", "delete", "get", "query"]
FaultKind = Literal["server_busy", "timed_out", "reset", "lost_response", "slow"]
FAULT_KINDS: tuple[FaultKind, ...] = ("server_busy", "timed_out", "reset", "lost_response", "slow")
ALL_OPERATIONS: frozenset[Operation] = frozenset(
    ("table", "insert", "update", "upsert", "merge", "delete", "get", "query")
)
WRITES: frozenset[Operation] = frozenset(("insert", "update", "upsert", "merge", "delete"))

# Azure Storage's common REST API error codes (learn.microsoft.com/rest/api/storageservices/
# common-rest-api-error-codes): the status and the message each code is documented with.
AZURE_ERRORS: dict[str, tuple[int, str]] = {
    "ServerBusy": (503, "The server is currently unable to receive requests. Please retry."),
    "OperationTimedOut": (500, "The operation could not be completed within the permitted time."),
}


class TableFaultConfig(BaseModel):
    """What the proxy does; rates are fractions of the chosen operations' requests."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    server_busy: float = Field(0.0, ge=0, le=1)
    timed_out: float = Field(0.0, ge=0, le=1)
    reset: float = Field(0.0, ge=0, le=1)
    lost_response: float = Field(0.0, ge=0, le=1)
    slow: float = Field(0.0, ge=0, le=1)
    slow_ms: int = Field(200, ge=0, le=60_000)
    operations: frozenset[Operation] = ALL_OPERATIONS
    tables: frozenset[str] | None = None  # None: every table ("triagecursor": the cursor's)
    # Stop injecting after this many faults (None: never): "the first write's response is
    # lost, the retry goes through" is max_faults=1.
    max_faults: int | None = Field(None, ge=0)
    seed: int = 0


_ENTITY = re.compile(r"^/[^/]+/(?P<table>[^/(?]+)\((?P<keys>.*)\)$")
_PARTITION = re.compile(r"PartitionKey='(?P<pk>(?:[^']|'')*)'")


class Request(NamedTuple):
    operation: Operation
    table: str  # "Tables" for table-level operations
    partition: str  # the PartitionKey the URL names, "" if none


def classify(method: str, path: str, headers: dict[str, str]) -> Request:
    """The table operation a request is, its table, and the partition key it names."""
    plain = unquote(path.split("?", 1)[0])
    entity = _ENTITY.match(plain)
    partition = ""
    if entity:
        found = _PARTITION.search(entity["keys"])
        partition = found["pk"].replace("''", "'") if found else ""
    table = plain.rstrip("/").rsplit("/", 1)[-1].split("(")[0]
    method = method.upper()
    operation: Operation
    if table == "Tables":
        operation = "table"
    elif method == "POST":
        operation = "insert"
    elif method == "PUT":
        operation = "update" if "if-match" in headers else "upsert"
    elif method in ("PATCH", "MERGE"):
        operation = "merge"
    elif method == "DELETE":
        operation = "delete"
    else:
        operation = "get" if entity and partition else "query"
    return Request(operation, table, partition)


def error_body(code: str) -> tuple[int, bytes]:
    status, message = AZURE_ERRORS[code]
    body = {"odata.error": {"code": code, "message": {"lang": "en-US", "value": message}}}
    return status, json.dumps(body).encode()


class FaultCounters:
    """Requests and faults by operation, and faults by partition key (thread-safe)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests: Counter[str] = Counter()
        self.faults: Counter[str] = Counter()  # "kind:operation"
        self.by_partition: Counter[str] = Counter()

    def count(self, operation: str, kind: str | None, partition: str) -> None:
        with self.lock:
            self.requests[operation] += 1
            if kind:
                self.faults[f"{kind}:{operation}"] += 1
                if partition:
                    self.by_partition[partition] += 1

    def total_faults(self, kind: str | None = None) -> int:
        with self.lock:
            return sum(n for k, n in self.faults.items() if kind is None or k.startswith(kind))


class TableFaultProxy:
    """Listen on a free loopback port, forward to `upstream_port`; use as a context
    manager. `configure()` changes the faults at any time (a new seeded draw)."""

    def __init__(self, upstream_port: int, config: TableFaultConfig | None = None) -> None:
        self.upstream_port = upstream_port
        self.port = free_port()
        self.counters = FaultCounters()
        self._lock = threading.Lock()
        self.configure(config or TableFaultConfig())
        self._server: BackgroundHTTPServer | None = None

    def configure(self, config: TableFaultConfig) -> None:
        with self._lock:
            self.config = config
            self._rng = random.Random(config.seed)
            self._injected = 0

    def draw(self, request: Request) -> FaultKind | None:
        with self._lock:
            cfg = self.config
            if request.operation not in cfg.operations:
                return None
            if cfg.tables is not None and request.table not in cfg.tables:
                return None
            if cfg.max_faults is not None and self._injected >= cfg.max_faults:
                return None
            roll = self._rng.random()
            for kind in FAULT_KINDS:
                rate = float(getattr(cfg, kind))
                if roll < rate:
                    self._injected += 1
                    return kind
                roll -= rate
            return None

    def rewrite(self, connection_string: str) -> str:
        """The same connection string with the table endpoint pointed at this proxy."""
        return re.sub(
            r"(TableEndpoint=http://127\.0\.0\.1:)\d+", rf"\g<1>{self.port}", connection_string
        )

    def start(self) -> TableFaultProxy:
        handler = type("Handler", (_Handler,), {"proxy": self})
        self._server = BackgroundHTTPServer(self.port, handler, "table-fault-proxy")
        self._server.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def __enter__(self) -> TableFaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _Handler(BaseHTTPRequestHandler):
    proxy: TableFaultProxy
    protocol_version = "HTTP/1.1"
    _upstream: http.client.HTTPConnection | None = None

    def log_message(self, format: str, *args: object) -> None:
        return  # quiet: the SDK logs its own retries

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        request = classify(self.command, self.path, headers)
        kind = self.proxy.draw(request)
        if kind != "lost_response":
            self.proxy.counters.count(request.operation, kind, request.partition)
        if kind in ("server_busy", "timed_out"):
            code = "ServerBusy" if kind == "server_busy" else "OperationTimedOut"
            status, payload = error_body(code)
            self._respond(
                status,
                [
                    ("Content-Type", "application/json;odata=minimalmetadata;charset=utf-8"),
                    ("x-ms-error-code", code),
                ],
                payload,
            )
            return
        if kind == "reset":
            self._reset()
            return
        status, reply_headers, payload = self._forward(body, headers)
        if kind == "lost_response":
            # Only a write Azurite applied loses its answer (a 409 or 412 changed nothing:
            # losing it would be a plain reset).
            applied = status < 300
            self.proxy.counters.count(
                request.operation, kind if applied else None, request.partition
            )
            if applied:
                self._reset()
                return
        if kind == "slow":
            time.sleep(self.proxy.config.slow_ms / 1000)
        self._respond(status, reply_headers, payload)

    def _forward(
        self, body: bytes, headers: dict[str, str]
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        for attempt in (1, 2):  # a kept-alive upstream connection Azurite closed: reopen once
            if self._upstream is None:
                self._upstream = http.client.HTTPConnection(
                    "127.0.0.1", self.proxy.upstream_port, timeout=60
                )
            try:
                forwarded = {k: v for k, v in headers.items() if k not in ("connection",)}
                self._upstream.request(self.command, self.path, body=body, headers=forwarded)
                response = self._upstream.getresponse()
                payload = response.read()
            except (ConnectionError, http.client.HTTPException):
                self._upstream.close()
                self._upstream = None
                if attempt == 2:
                    raise
                continue
            skip = {"transfer-encoding", "connection", "content-length", "keep-alive"}
            kept = [(k, v) for k, v in response.getheaders() if k.lower() not in skip]
            return response.status, kept, payload
        raise AssertionError("unreachable")

    def _respond(self, status: int, headers: list[tuple[str, str]], payload: bytes) -> None:
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _reset(self) -> None:
        """Close with RST (SO_LINGER 0): the client's read fails, no response at all."""
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        self.close_connection = True

    def _dispatch(self) -> None:
        try:
            self._serve()
        except (ConnectionError, OSError):
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_MERGE = _dispatch

    def finish(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            super().finish()
        if self._upstream is not None:
            self._upstream.close()
