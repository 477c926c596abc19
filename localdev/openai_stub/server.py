"""Run the stub in a subprocess on a loopback port; a context manager for tests and the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from types import TracebackType
from typing import Any

import httpx

from localdev.ports import free_port
from localdev.processes import start_process_group, stop_process_group


class OpenAIStub:
    """``with OpenAIStub() as stub: OpenAI(base_url=stub.base_url, api_key="x")``."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.url}/v1"

    def start(self, timeout: float = 30.0) -> OpenAIStub:
        self.process = start_process_group(
            [sys.executable, "-m", "localdev.openai_stub", "--port", str(self.port)],
            self.port,
            timeout,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        return self

    def stop(self) -> None:
        if self.process is None:
            return
        stop_process_group(self.process)
        self.process = None

    def set_behaviours(
        self,
        behaviours: Sequence[str],
        *,
        slow_seconds: float = 5.0,
        retry_after_seconds: float = 0.0,
    ) -> None:
        """Queue what the next requests get: ok, malformed, refusal, rate_limit (429),
        unavailable (503), slow, bad_citation, unanswerable."""
        response = httpx.post(
            f"{self.url}/_stub/behaviours",
            json={
                "behaviours": list(behaviours),
                "slow_seconds": slow_seconds,
                "retry_after_seconds": retry_after_seconds,
            },
            timeout=5,
        )
        response.raise_for_status()

    def requests(self) -> list[dict[str, Any]]:
        """Every request received so far (path and JSON body), oldest first."""
        response = httpx.get(f"{self.url}/_stub/requests", timeout=5)
        response.raise_for_status()
        result: list[dict[str, Any]] = response.json()
        return result

    def __enter__(self) -> OpenAIStub:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
