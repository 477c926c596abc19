"""The local stand-ins wired together: Azurite, the HubSpot emulator, embedded Qdrant and the
local Durable host running the production `function_app`.

Only URLs and credentials differ from production: the app reads them from the same settings
(environment variables), which this module sets before the app is imported.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from localdev.azurite import Azurite
from localdev.durable_host import FaultInjection, LocalDurableHost
from localdev.http_gateway import HttpGateway
from localdev.hubspot_emulator.server import EmulatorServer
from localdev.localdata import LocalData
from localdev.ports import free_port
from localdev.processes import sigterm_as_exit
from localdev.table_faults import TableFaultConfig, TableFaultProxy

DEFAULT_DATA_DIR = Path(".localdata")
SAMPLE_KB = Path(__file__).resolve().parent.parent / "samples" / "knowledge-base"
# The seed inbox's company (localdev/hubspot_emulator/seed_default.json).
SEED_TEAM_ADDRESSES = (
    "support@nordvikbikes.example,noreply@nordvikbikes.example,@nordvikbikes.example"
)
WEBHOOK_SECRET = "local-webhook-client-secret"  # the emulator's app's client secret


@contextlib.contextmanager
def environment(values: Mapping[str, str]) -> Iterator[None]:
    """Set environment variables for the block and restore them afterwards."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


def app_environment(
    emulator: EmulatorServer, azurite: Azurite, data_dir: Path, **overrides: str
) -> dict[str, str]:
    """Settings for the app against the stand-ins; anything already in the environment
    (an LLM endpoint, say) wins over these defaults, except the stand-ins' addresses."""
    defaults = {
        "POLL_SCHEDULE": "0 */2 * * * *",
        "TEAM_ADDRESSES": SEED_TEAM_ADDRESSES,
        "QDRANT_PATH": str(data_dir / "qdrant"),
        "LLM_PROVIDER": "none",
        "LEDGER_TABLE_PREFIX": "triage",
        # The seed inbox's threads span about two days; a local run drafts all of them.
        # Production keeps its own bounded default (24 h).
        "POLL_INITIAL_LOOKBACK_HOURS": "168",
    }
    values = {k: os.environ.get(k, v) for k, v in defaults.items()}
    values.update(
        HUBSPOT_ACCESS_TOKEN=emulator.token,
        HUBSPOT_BASE_URL=emulator.base_url,
        LEDGER_CONNECTION_STRING=azurite.connection_string,
    )
    values.update(overrides)
    return values


@dataclass
class LocalStack:
    """Everything `triage run`, the end-to-end tests and the pipeline bench start."""

    data_dir: Path = DEFAULT_DATA_DIR
    seed: str = "default"
    # The ledger (Azurite) and the emulator's account on disk under data_dir, resumed
    # together by the next stack (localdev/localdata.py); False: both in memory.
    persist_ledger: bool = True
    fresh: bool = False  # with persist_ledger: discard the saved pair and start afresh
    rate_limit_per_10s: int | None = None
    faults: FaultInjection | None = None
    # Set (even to no faults): the app reaches Azurite through localdev.table_faults, whose
    # faults `table_proxy.configure()` changes mid-run.
    table_faults: TableFaultConfig | None = None
    settings: dict[str, str] = field(default_factory=dict)
    webhooks: bool = False  # the emulator calls /api/hubspot/webhook through a local gateway
    emulator: EmulatorServer | None = None
    azurite: Azurite | None = None
    host: LocalDurableHost | None = None
    gateway: HttpGateway | None = None
    state_note: str = ""  # what happened to the saved ledger and inbox, in one line
    table_proxy: TableFaultProxy | None = None
    _stack: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)

    def __enter__(self) -> LocalStack:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        try:
            # A SIGTERM unwinds this stack like Ctrl-C: the child servers are stopped.
            self._stack.enter_context(sigterm_as_exit())
            local = LocalData(self.data_dir)
            if self.persist_ledger:
                self.state_note = local.prepare(self.seed, fresh=self.fresh)
            self.azurite = self._stack.enter_context(
                Azurite(data_dir=local.ledger_dir if self.persist_ledger else None)
            )
            self.emulator = self._stack.enter_context(
                EmulatorServer(
                    seed=self.seed,
                    rate_limit_per_10s=self.rate_limit_per_10s,
                    state_file=local.emulator_file if self.persist_ledger else None,
                )
            )
            env = app_environment(self.emulator, self.azurite, self.data_dir, **self.settings)
            if self.table_faults is not None:
                self.table_proxy = self._stack.enter_context(
                    TableFaultProxy(self.azurite.port, self.table_faults)
                )
                env["LEDGER_CONNECTION_STRING"] = self.table_proxy.rewrite(
                    env["LEDGER_CONNECTION_STRING"]
                )
            port = free_port()
            webhook_url = f"http://127.0.0.1:{port}/api/hubspot/webhook"
            if self.webhooks:
                env.update(
                    HUBSPOT_WEBHOOK_CLIENT_SECRET=WEBHOOK_SECRET, HUBSPOT_WEBHOOK_URL=webhook_url
                )
            self._stack.enter_context(environment(env))
            self._stack.callback(_reset_services)
            _reset_services()
            self.host = self._stack.enter_context(
                LocalDurableHost(_production_app(), faults=self.faults)
            )
            if self.webhooks:
                self.gateway = self._stack.enter_context(HttpGateway(self.host, port))
                self.emulator.admin(
                    "POST",
                    "/_emulator/webhooks",
                    {"url": webhook_url, "client_secret": WEBHOOK_SECRET},
                )
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def restart_host(self, faults: FaultInjection | None = None) -> LocalDurableHost:
        """A crash and a restart: the host's in-memory orchestrations are gone; Azurite is
        restarted on the same port and reloads the ledger and cursor from disk."""
        assert self.host is not None and self.azurite is not None
        self.host.close()
        if self.persist_ledger:
            self.azurite.stop()
            self.azurite.start()
        _reset_services()
        self.host = LocalDurableHost(_production_app(), faults=faults or self.faults)
        self._stack.callback(self.host.close)
        if self.gateway is not None:
            self.gateway.host = self.host
        return self.host

    def ingest_sample_kb(
        self, path: Path = SAMPLE_KB, progress: Callable[[str, int, int], None] | None = None
    ) -> Any:
        from pipeline.services import embedder, knowledge_store, settings
        from rag.ingest import ingest_path

        s = settings()
        return ingest_path(
            path,
            knowledge_store(),
            embedder(),
            chunk_tokens=s.chunk_tokens,
            chunk_overlap_tokens=s.chunk_overlap_tokens,
            progress=progress,
        )

    def poll_once(self, timeout: float = 600) -> dict[str, Any]:
        """Fire the timer as the Functions host would, then run until the poll is done."""
        assert self.host is not None
        self.host.fire_timer("poll_timer")
        self.host.run_until_idle(timeout=timeout)
        status = asyncio.run(self.host.client().get_status("poller"))
        if status.runtime_status is None:
            raise RuntimeError("the timer did not start a poll (is POLLING_PAUSED set?)")
        if str(status.runtime_status.value) != "Completed":
            raise RuntimeError(f"poll ended {status.runtime_status.value}: {status.output}")
        return dict(status.output)


def _production_app() -> Any:
    """The deployed app object. Its functions read settings when called (through
    pipeline.services, reset whenever the environment changes), so one import serves every
    host; the host's function registry is cached on it (`get_functions()` works once)."""
    import function_app

    return function_app.app


def _reset_services() -> None:
    from pipeline import services

    services.reset()
