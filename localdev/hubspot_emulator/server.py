"""`EmulatorServer`: the emulator in a uvicorn subprocess on 127.0.0.1, for tests and tools.

A subprocess, so the emulator's CPU is not the caller's (tests and benchmarks measure the
client, not a server sharing its GIL). Stopped by PID (its own process group).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO, Any

from localdev.ports import free_port
from localdev.processes import stop_process_group

REPO_ROOT = Path(__file__).resolve().parents[2]


class EmulatorError(RuntimeError):
    """The emulator did not start, or an admin call failed (message names the call)."""


class EmulatorServer:
    def __init__(
        self,
        port: int | None = None,
        seed: str = "default",
        rate_limit_per_10s: int | None = None,
        token: str = "local-dev-token",
        state_file: Path | None = None,
    ) -> None:
        self.port = port or free_port()
        self.state_file = state_file  # None: the account lives in memory only
        self.seed = seed
        self.rate_limit_per_10s = rate_limit_per_10s
        self.token = token
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # --- life cycle -----------------------------------------------------------------------
    def start(self, timeout: float = 30.0) -> EmulatorServer:
        args = [
            sys.executable,
            "-m",
            "localdev.hubspot_emulator",
            "--port",
            str(self.port),
            "--seed",
            self.seed,
            "--token",
            self.token,
        ]
        if self.rate_limit_per_10s:
            args += ["--rate-limit", str(self.rate_limit_per_10s)]
        if self.state_file is not None:
            args += ["--state-file", str(self.state_file.resolve())]
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
        # A file, not a pipe: a pipe nobody reads would block the server once it fills.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - lives until stop() closes it
        self.process = subprocess.Popen(
            args,
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                log = self.log_tail()
                self.stop()
                raise EmulatorError(f"emulator exited at start-up (port {self.port}):\n{log}")
            try:
                self.admin("GET", "/_emulator/health", timeout=1.0)
                return self
            except (OSError, EmulatorError):
                if time.monotonic() > deadline:
                    log = self.log_tail()
                    self.stop()
                    raise EmulatorError(
                        f"emulator did not answer on {self.base_url} within {timeout:.0f}s:\n{log}"
                    ) from None
                time.sleep(0.1)

    def stop(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None
        if self.process is None:
            return
        stop_process_group(self.process)
        self.process = None

    def log_tail(self, chars: int = 2000) -> str:
        """The end of the server's stderr (start-up errors, tracebacks)."""
        if self._log is None:
            return ""
        self._log.seek(0)
        return self._log.read().decode(errors="replace")[-chars:]

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- admin helpers --------------------------------------------------------------------
    def admin(self, method: str, path: str, json: Any = None, timeout: float = 30.0) -> Any:
        """Call the admin API (`/_emulator/...`); returns the decoded JSON (None for 204)."""
        data = None if json is None else _dumps(json)
        request = urllib.request.Request(
            self.base_url + path,
            data=data,
            method=method.upper(),
            headers={"Content-Type": "application/json"} if data is not None else {},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode(errors="replace")
            raise EmulatorError(f"{method} {path} -> {exc.code}: {detail}") from None
        return _loads(raw) if raw else None

    def reset(self, seed: str = "default") -> dict[str, Any]:
        result: dict[str, Any] = self.admin("POST", "/_emulator/reset", {"seed": seed})
        return result

    def set_faults(self, **kw: Any) -> dict[str, Any]:
        """latency_ms, error_5xx_fraction, rate_429_fraction, drop_fraction,
        lost_response_fraction, repeat_paging_cursor, rate_limit_per_10s, daily_limit, seed;
        fields left out keep their value."""
        result: dict[str, Any] = self.admin("POST", "/_emulator/faults", kw)
        return result

    def clear_faults(self) -> dict[str, Any]:
        return self.set_faults(
            latency_ms=0,
            error_5xx_fraction=0.0,
            rate_429_fraction=0.0,
            drop_fraction=0.0,
            lost_response_fraction=0.0,
            repeat_paging_cursor=False,
            rate_limit_per_10s=self.rate_limit_per_10s,
            daily_limit=250_000,
            seed=0,
        )

    def inject_email(self, **kw: Any) -> dict[str, Any]:
        """from_email, text, and optionally thread_id, inbox_id, from_name, subject, html,
        created_at (ISO string), attachments -> {"threadId", "messageId"}."""
        result: dict[str, Any] = self.admin("POST", "/_emulator/emails", kw)
        return result

    def agent_reply(self, thread_id: str, text: str) -> dict[str, Any]:
        result: dict[str, Any] = self.admin(
            "POST", "/_emulator/agent-replies", {"thread_id": thread_id, "text": text}
        )
        return result

    def delete_thread(self, thread_id: str) -> None:
        self.admin("DELETE", f"/_emulator/threads/{thread_id}")

    def bulk(self, count: int, same_timestamp: bool = False) -> dict[str, Any]:
        result: dict[str, Any] = self.admin(
            "POST", "/_emulator/bulk", {"count": count, "same_timestamp": same_timestamp}
        )
        return result

    def thread_keys(self) -> dict[str, str]:
        """Seed thread key -> thread id (keys are in seed_default.json)."""
        result: dict[str, str] = self.admin("GET", "/_emulator/threads/keys")
        return result

    def stats(self) -> dict[str, Any]:
        result: dict[str, Any] = self.admin("GET", "/_emulator/stats")
        return result


def _dumps(value: Any) -> bytes:
    return json.dumps(value).encode()


def _loads(raw: bytes) -> Any:
    return json.loads(raw)
