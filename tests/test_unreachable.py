"""An unreachable dependency is one clear line (issue 23, point 5): every command and
endpoint that cannot reach the ledger, Qdrant, HubSpot or the model names the setting,
the address it points at and what to start or fix; exit code 4 for commands, 503 with JSON
for endpoints; never a secret. "Nothing listening" is a free port nobody opened."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.settings import get_settings
from core.unreachable import connection_string_address, explain, url_address
from localdev import cli
from localdev.azurite import DEV_KEY, Azurite
from localdev.durable_host import LocalDurableHost
from localdev.ports import free_port
from pipeline import services

ROOT = Path(__file__).resolve().parent.parent
ACCOUNT_KEY = "c2VjcmV0LWFjY291bnQta2V5LW5ldmVyLXNob3du" + "=" * 2
API_KEY = "sk-never-shown-0123456789"
QDRANT_KEY = "qdrant-key-never-shown"
HUBSPOT_TOKEN = "pat-na1-never-shown"
SECRETS = (ACCOUNT_KEY, DEV_KEY, API_KEY, QDRANT_KEY, HUBSPOT_TOKEN, "pw-never-shown")


def ledger_connection(port: int) -> str:
    return (
        f"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={ACCOUNT_KEY};"
        f"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;"
    )


def assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


# --- addresses ---------------------------------------------------------------------------


def test_addresses_come_from_settings_without_their_secrets() -> None:
    assert connection_string_address("UseDevelopmentStorage=true") == "127.0.0.1:10002"
    assert connection_string_address(ledger_connection(4711)) == "127.0.0.1:4711"
    assert (
        connection_string_address(
            f"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={ACCOUNT_KEY};"
            "EndpointSuffix=core.windows.net"
        )
        == "acme.table.core.windows.net:443"
    )
    assert connection_string_address(f"AccountKey={ACCOUNT_KEY}") is None
    assert url_address("http://u:pw-never-shown@10.0.0.4:6333/x?api-key=k", 6333) == "10.0.0.4:6333"
    assert url_address("https://acme.openai.azure.com/") == "acme.openai.azure.com:443"
    assert url_address("http://qdrant.internal", 6333) == "qdrant.internal:6333"


def test_an_httpx_error_with_no_request_attached_is_still_named() -> None:
    """httpx raises RuntimeError, not AttributeError, for `.request` on an error made without
    one (qdrant-client's refused connection as the fault injector raises it): explaining it
    must not raise, or the knowledge-base guard fails the draft instead of holding it."""
    import httpx
    from qdrant_client.http.exceptions import ResponseHandlingException

    error = ResponseHandlingException(httpx.ConnectError("[Errno 111] Connection refused"))
    found = explain(error)
    assert found is not None and found.kind == "qdrant"
    assert found.reason == "connection refused"


def test_other_failures_are_not_called_unreachable() -> None:
    assert explain(ValueError("bad input")) is None
    assert explain(RuntimeError("boom")) is None


# --- commands ----------------------------------------------------------------------------


def _env(**values: str) -> dict[str, str]:
    keep = ("PATH", "HOME", "LANG", "TIKTOKEN_CACHE_DIR", "EMBEDDING_CACHE_DIR", "TMPDIR")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update({"PYTHONPATH": str(ROOT), "LLM_PROVIDER": "none", **values})
    return env


def triage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "localdev.cli", *args],
        cwd=ROOT,
        env=_env(**env),
        capture_output=True,
        text=True,
        timeout=300,
    )


def assert_one_line(done: subprocess.CompletedProcess[str], *expected: str) -> str:
    assert done.returncode == cli.UNREACHABLE_EXIT, done.stderr[-2000:]
    lines = [line for line in done.stderr.splitlines() if line.startswith("triage: ")]
    assert len(lines) == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    for text in expected:
        assert text in lines[0]
    assert_no_secret(done.stdout + done.stderr)
    return lines[0]


def test_report_names_the_ledger_setting_and_azurite(tmp_path: Path) -> None:
    port = free_port()
    done = triage("report", LEDGER_CONNECTION_STRING=ledger_connection(port))
    line = assert_one_line(
        done, "ledger", "LEDGER_CONNECTION_STRING", f"127.0.0.1:{port}", "start Azurite"
    )
    assert "connection refused" in line


def test_report_with_the_example_settings_names_azurites_default_port() -> None:
    # local.settings.example.json says UseDevelopmentStorage=true: Azurite on 10002
    import socket

    with socket.socket() as sock:
        if sock.connect_ex(("127.0.0.1", 10002)) == 0:
            pytest.skip("something listens on 127.0.0.1:10002 here")
    done = triage("report", LEDGER_CONNECTION_STRING="UseDevelopmentStorage=true")
    assert_one_line(done, "LEDGER_CONNECTION_STRING", "127.0.0.1:10002", "--tablePort 10002")


def test_ask_and_ingest_name_qdrant_url(tmp_path: Path) -> None:
    port = free_port()
    env = {
        "QDRANT_URL": f"http://user:pw-never-shown@127.0.0.1:{port}",
        "QDRANT_API_KEY": QDRANT_KEY,
        "EMBEDDING_CACHE_DIR": str(tmp_path / "cache"),
    }
    for args in (("ask", "How long does delivery take?"), ("ingest", "samples/knowledge-base")):
        done = triage(*args, **env)
        assert_one_line(done, "Qdrant", "QDRANT_URL", f"127.0.0.1:{port}", "embedded Qdrant")
        assert "Failed to obtain server version" not in done.stderr


def test_ingest_names_the_embeddings_endpoint(tmp_path: Path) -> None:
    port = free_port()
    done = triage(
        "ingest",
        "samples/knowledge-base",
        EMBEDDING_PROVIDER="openai_compatible",
        EMBEDDING_MODEL="text-embedding-3-small",
        EMBEDDING_PRICE_PER_1M="0",
        OPENAI_BASE_URL=f"http://127.0.0.1:{port}/v1",
        OPENAI_API_KEY=API_KEY,
        LLM_MAX_RETRIES="0",
        QDRANT_PATH=str(tmp_path / "qdrant"),
    )
    assert_one_line(done, "model endpoint", "OPENAI_BASE_URL", f"127.0.0.1:{port}")


@pytest.mark.parametrize("provider", ["openai_compatible", "azure_openai"])
def test_models_names_the_chat_endpoint(provider: str) -> None:
    port = free_port()
    setting = "OPENAI_BASE_URL" if provider == "openai_compatible" else "AZURE_OPENAI_ENDPOINT"
    done = triage(
        "models",
        LLM_PROVIDER=provider,
        LLM_MODEL="gpt-4o-mini",
        LLM_MAX_RETRIES="0",
        OPENAI_BASE_URL=f"http://127.0.0.1:{port}/v1",
        OPENAI_API_KEY=API_KEY,
        AZURE_OPENAI_ENDPOINT=f"http://127.0.0.1:{port}",
        AZURE_OPENAI_API_KEY=API_KEY,
    )
    assert done.returncode == 1, done.stderr[-2000:]  # `triage models`: failing is exit 1
    reason = next(line for line in done.stdout.splitlines() if "reason:" in line)
    assert setting in reason and f"127.0.0.1:{port}" in reason and "connection refused" in reason
    assert "Traceback" not in done.stderr
    assert_no_secret(done.stdout + done.stderr)


def test_a_command_reaching_hubspot_names_hubspot_base_url(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No shipped command calls a configured HubSpot (`triage run` starts its emulator), so
    a command that does is stood in for; the CLI's one handler does the rest."""
    from hubspot.inbox_client import InboxClient
    from localdev.commands import report

    port = free_port()
    monkeypatch.setenv("HUBSPOT_BASE_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", HUBSPOT_TOKEN)
    monkeypatch.setenv("HUBSPOT_MAX_RETRY_SECONDS", "0.5")
    monkeypatch.setenv("LEDGER_CONNECTION_STRING", "UseDevelopmentStorage=true")

    def reach_hubspot(args: object) -> int:
        InboxClient(HUBSPOT_TOKEN, f"http://127.0.0.1:{port}", max_retry_seconds=0.5).list_inboxes()
        return 0

    monkeypatch.setattr(report, "run", reach_hubspot)
    assert cli.main(["report"]) == cli.UNREACHABLE_EXIT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("triage: cannot reach HubSpot")
    assert "HUBSPOT_BASE_URL" in err and f"127.0.0.1:{port}" in err
    assert f"triage emulator --port {port}" in err
    assert_no_secret(err)


def _closed_qdrant_benchmark(monkeypatch: pytest.MonkeyPatch) -> tuple[int, Any]:
    """A port nothing listens on, QDRANT_URL pointed at it, and a benchmark main that
    calls Qdrant there."""
    port = free_port()
    monkeypatch.setenv("QDRANT_URL", f"http://127.0.0.1:{port}")

    def reach_qdrant(argv: object) -> int:
        from qdrant_client import QdrantClient

        QdrantClient(url=f"http://127.0.0.1:{port}", check_compatibility=False).get_collections()
        return 0

    return port, reach_qdrant


def test_bench_says_one_line_and_goes_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import bench.__main__ as bench_main
    import bench.rag_ingest

    port, reach_qdrant = _closed_qdrant_benchmark(monkeypatch)
    monkeypatch.setattr(bench.rag_ingest, "main", reach_qdrant)
    assert bench_main.main(["rag_ingest"]) == 1
    err = capsys.readouterr().err
    assert "bench rag_ingest: cannot reach the knowledge base (Qdrant)" in err
    assert f"127.0.0.1:{port} (QDRANT_URL): connection refused" in err


def test_a_benchmark_run_on_its_own_says_one_line_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `python -m bench.<name>` runs its main through run_benchmark, as `python -m bench` does
    from bench.common import UNREACHABLE_EXIT, run_benchmark

    _, reach_qdrant = _closed_qdrant_benchmark(monkeypatch)
    assert run_benchmark("faults", reach_qdrant) == UNREACHABLE_EXIT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("bench faults: cannot reach the knowledge")

    def fails_otherwise(argv: object) -> int:
        raise ValueError("a bug, not a dependency")

    with pytest.raises(ValueError):  # anything else keeps its traceback
        run_benchmark("faults", fails_otherwise)


# --- endpoints ---------------------------------------------------------------------------


def _app_env(monkeypatch: pytest.MonkeyPatch, values: dict[str, str]) -> None:
    for name in [n for n in os.environ if n.startswith(("LLM_", "EMBEDDING_", "QDRANT_"))]:
        monkeypatch.delenv(name)
    base = {
        "HUBSPOT_ACCESS_TOKEN": HUBSPOT_TOKEN,
        "HUBSPOT_MAX_RETRY_SECONDS": "0.5",
        "LLM_PROVIDER": "none",
        "LLM_MAX_RETRIES": "0",
        "LEDGER_TABLE_PREFIX": "unreach",
    }
    for name, value in {**base, **values}.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    services.reset()


@pytest.fixture
def app_host() -> Iterator[LocalDurableHost]:
    import function_app

    with LocalDurableHost(function_app.app) as host:
        yield host
    get_settings.cache_clear()
    services.reset()


def _json(response: object) -> dict[str, object]:
    body = response.get_body()  # type: ignore[attr-defined]
    assert_no_secret(body.decode())
    data: dict[str, object] = json.loads(body)
    return data


def test_endpoints_answer_503_naming_the_ledger(
    app_host: LocalDurableHost, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from hubspot.webhook_calls import SIGNATURE_HEADER, TIMESTAMP_HEADER
    from localdev.hubspot_emulator.webhooks import sign

    port = free_port()
    webhook_url = "https://triage.example/api/hubspot/webhook"
    _app_env(
        monkeypatch,
        {
            "LEDGER_CONNECTION_STRING": ledger_connection(port),
            "QDRANT_PATH": str(tmp_path / "q"),
            "HUBSPOT_WEBHOOK_CLIENT_SECRET": "webhook-secret",
            "HUBSPOT_WEBHOOK_URL": webhook_url,
        },
    )
    stamp = str(int(time.time() * 1000))
    signed = {
        SIGNATURE_HEADER: sign("webhook-secret", "POST", webhook_url, b"[]", stamp),
        TIMESTAMP_HEADER: stamp,
    }
    for method, path, headers in (
        ("GET", "/api/report", {}),
        ("GET", "/api/status", {}),
        ("POST", "/api/messages/abc123/retry", {}),
        ("POST", "/api/hubspot/webhook", signed),  # a signed call notes its time in the ledger
    ):
        response = app_host.call_http(method, path, body=b"[]", headers=headers)
        assert response.status_code == 503, (path, response.get_body()[:500])
        body = _json(response)
        assert body["dependency"] == "ledger" and body["setting"] == "LEDGER_CONNECTION_STRING"
        assert body["address"] == f"127.0.0.1:{port}"
        assert "start Azurite" in str(body["error"]) and "\n" not in str(body["error"])
    assert app_host.call_http("GET", "/api/health").status_code == 200  # touches nothing


def test_status_names_hubspot_qdrant_and_the_model(
    app_host: LocalDurableHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed = free_port()
    with Azurite() as azurite:
        _app_env(
            monkeypatch,
            {
                "LEDGER_CONNECTION_STRING": azurite.connection_string,
                "HUBSPOT_BASE_URL": f"http://127.0.0.1:{closed}",
                "QDRANT_URL": f"http://127.0.0.1:{closed}",
                "QDRANT_API_KEY": QDRANT_KEY,
                "LLM_PROVIDER": "openai_compatible",
                "LLM_MODEL": "gpt-4o-mini",
                "OPENAI_BASE_URL": f"http://127.0.0.1:{closed}/v1",
                "OPENAI_API_KEY": API_KEY,
            },
        )
        response = app_host.call_http("GET", "/api/status")
    body = _json(response)
    assert response.status_code == 200 and body["ready"] is False
    problems = [str(p) for p in body["problems"]]  # type: ignore[attr-defined]
    address = f"127.0.0.1:{closed}"
    for setting in ("HUBSPOT_BASE_URL", "QDRANT_URL", "OPENAI_BASE_URL"):
        found = [p for p in problems if f"at {address} ({setting})" in p]
        assert len(found) == 1 and "connection refused" in found[0], problems
    assert all("\n" not in p for p in problems)
