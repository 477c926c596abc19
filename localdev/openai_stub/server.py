"""Run the stub in a subprocess on a loopback port; a context manager for tests and the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
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

    @property
    def azure_endpoint(self) -> str:
        """What AZURE_OPENAI_ENDPOINT is set to for the stub to be called as Azure."""
        return self.url

    def set_behaviours(
        self,
        behaviours: Sequence[str],
        *,
        endpoint: str | None = None,
        default: str = "ok",
        slow_seconds: float = 5.0,
        retry_after_seconds: float = 0.0,
        retry_after_ms: float | None = None,
    ) -> None:
        """Queue what the next requests get (localdev.openai_stub.app.Behaviour: ok,
        malformed, refusal, rate_limit, unavailable, slow, prompt_filtered, output_filtered,
        unauthorized, forbidden, not_found, ...), for one endpoint ("chat", "embeddings")
        or shared; ``default`` plays once the queue is empty."""
        self._post(
            "/_stub/behaviours",
            {
                "behaviours": list(behaviours),
                "endpoint": endpoint,
                "default": default,
                "slow_seconds": slow_seconds,
                "retry_after_seconds": retry_after_seconds,
                "retry_after_ms": retry_after_ms,
            },
        )

    def configure_azure(
        self,
        deployments: Mapping[str, tuple[str, str]] | None = None,
        *,
        api_key: str = "stub-azure-key",
        api_versions: Sequence[str] = ("2024-10-21",),
        enforce_strict_schema: bool = True,
    ) -> None:
        """What the stub accepts when called as Azure: ``deployments`` maps a deployment
        name to (model, "chat" or "embeddings")."""
        payload: dict[str, Any] = {
            "api_key": api_key,
            "api_versions": list(api_versions),
            "enforce_strict_schema": enforce_strict_schema,
        }
        if deployments is not None:
            payload["deployments"] = {
                name: {"model": model, "kind": kind} for name, (model, kind) in deployments.items()
            }
        self._post("/_stub/azure", payload)

    def reset(self) -> None:
        """Forget the recorded requests and every queued behaviour."""
        self._post("/_stub/reset", {})

    def _post(self, path: str, payload: dict[str, Any]) -> None:
        response = httpx.post(f"{self.url}{path}", json=payload, timeout=5)
        response.raise_for_status()

    def requests(self) -> list[dict[str, Any]]:
        """Every request received so far (path, query, JSON body, behaviour, status and the
        tokens it billed), oldest first."""
        response = httpx.get(f"{self.url}/_stub/requests", timeout=5)
        response.raise_for_status()
        result: list[dict[str, Any]] = response.json()
        return result

    def health(self) -> dict[str, Any]:
        response = httpx.get(f"{self.url}/health", timeout=5)
        response.raise_for_status()
        result: dict[str, Any] = response.json()
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
