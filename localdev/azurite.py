"""Start and stop Azurite's table (or blob) service (npm, installed by `make`) on loopback."""

from __future__ import annotations

import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from localdev.ports import free_port
from localdev.processes import start_process_group, stop_process_group

REPO_ROOT = Path(__file__).resolve().parent.parent
# Azurite's fixed development account (public, documented by Microsoft; not a secret).
DEV_ACCOUNT = "devstoreaccount1"
DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="


def _azurite_binary(service: str) -> str:
    name = f"azurite-{service}"
    local = REPO_ROOT / "node_modules" / ".bin" / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found:
        return found
    raise FileNotFoundError(f"{name} not found: run `make install` (it runs `npm ci`)")


@dataclass
class Azurite:
    """A running Azurite table service. Use as a context manager, or start()/stop()."""

    port: int = field(default_factory=free_port)
    data_dir: Path | None = None  # None: in-memory; a folder: on-disk persistence
    service: str = "table"  # or "blob"
    process: subprocess.Popen[bytes] | None = None

    @property
    def table_endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/{DEV_ACCOUNT}"

    @property
    def blob_endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/{DEV_ACCOUNT}"

    @property
    def connection_string(self) -> str:
        endpoint = "TableEndpoint" if self.service == "table" else "BlobEndpoint"
        return (
            f"DefaultEndpointsProtocol=http;AccountName={DEV_ACCOUNT};AccountKey={DEV_KEY};"
            f"{endpoint}={self.blob_endpoint if self.service == 'blob' else self.table_endpoint};"
        )

    def start(self, timeout: float = 30.0) -> Azurite:
        args = [
            _azurite_binary(self.service),
            f"--{self.service}Host",
            "127.0.0.1",
            f"--{self.service}Port",
            str(self.port),
            "--disableTelemetry",
            "--skipApiVersionCheck",
            "--silent",
        ]
        if self.data_dir is None:
            args.append("--inMemoryPersistence")
        else:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            args += ["--location", str(self.data_dir)]
        self.process = start_process_group(args, self.port, timeout, stop_signal=signal.SIGINT)
        return self

    def stop(self) -> None:
        if self.process is None:
            return
        # SIGINT, not SIGTERM: only on SIGINT does Azurite save its on-disk database
        # before exiting (SIGTERM loses the last seconds of writes).
        stop_process_group(self.process, signal.SIGINT)
        self.process = None

    def __enter__(self) -> Azurite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
