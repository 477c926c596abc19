"""An Azure credential that gives no token is one line naming the setting that chose the
managed identity and what to set instead (exit 2), not azure-identity's traceback; a
service's own 401 is not called that."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from azure.core.exceptions import ClientAuthenticationError

from core.credentials import identity_users, is_missing_credential, missing_credential_line
from core.settings import Settings
from localdev.ports import free_port
from tests.test_unreachable import ROOT, _env


def _identity_settings(**values: object) -> Settings:
    return Settings(
        hubspot_access_token="pat-never-shown",
        ledger_table_endpoint="https://account.table.core.windows.net",
        **values,  # type: ignore[arg-type]
    )


def test_a_token_the_credential_could_not_get_is_a_missing_credential() -> None:
    failed = ClientAuthenticationError("DefaultAzureCredential failed to retrieve a token")
    assert is_missing_credential(failed)
    try:  # seen through a wrapper, as a client library raises it
        try:
            raise failed
        except ClientAuthenticationError as inner:
            raise RuntimeError("request failed") from inner
    except RuntimeError as outer:
        assert is_missing_credential(outer)
    assert not is_missing_credential(ValueError("something else"))


def test_a_services_own_401_is_not_a_missing_credential() -> None:
    response = SimpleNamespace(status_code=401, reason="Unauthorized", headers={}, text=lambda: "")
    rejected = ClientAuthenticationError("wrong key", response=response)
    assert rejected.response is not None
    assert not is_missing_credential(rejected)
    assert missing_credential_line(rejected, None) is None


def test_the_line_names_each_dependency_that_uses_the_identity() -> None:
    settings = _identity_settings(
        llm_provider="azure_openai",
        llm_model="gpt-4o-mini",
        azure_openai_endpoint="https://team.openai.azure.com",
    )
    assert [setting for _, setting, _ in identity_users(settings)] == [
        "LEDGER_TABLE_ENDPOINT",
        "AZURE_OPENAI_ENDPOINT",
    ]
    line = missing_credential_line(ClientAuthenticationError("no token"), settings)
    assert line is not None
    for text in ("LEDGER_TABLE_ENDPOINT", "AZURE_OPENAI_ENDPOINT", "az login"):
        assert text in line
    assert "LEDGER_CONNECTION_STRING or AZURE_OPENAI_API_KEY" in line
    assert "no token" not in line  # the exception's text is never shown
    keyed = _identity_settings(
        llm_provider="azure_openai",
        llm_model="gpt-4o-mini",
        azure_openai_endpoint="https://team.openai.azure.com",
        azure_openai_api_key="key-never-shown",
        ledger_connection_string="UseDevelopmentStorage=true",
    )
    assert identity_users(keyed) == []


def test_an_http_ledger_endpoint_with_the_identity_is_refused_at_start_up() -> None:
    problems = dict(
        Settings(
            hubspot_access_token="pat", ledger_table_endpoint="http://127.0.0.1:10002/a"
        ).dependency_problems()
    )
    assert "https://" in problems["LEDGER_TABLE_ENDPOINT"]
    assert "LEDGER_TABLE_ENDPOINT" not in dict(_identity_settings().dependency_problems())


def _report(endpoint: str, home: Path, command: str = "report") -> subprocess.CompletedProcess[str]:
    # a home and an Azure CLI folder of its own: no `az login` or token cache of the
    # machine's gives DefaultAzureCredential a token
    return subprocess.run(
        [sys.executable, "-m", "localdev.cli", *command.split()],
        cwd=ROOT,
        env=_env(LEDGER_TABLE_ENDPOINT=endpoint, HOME=str(home), AZURE_CONFIG_DIR=str(home / "az")),
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_report_without_a_credential_ends_with_one_line(tmp_path: Path) -> None:
    done = _report(f"https://127.0.0.1:{free_port()}/devstoreaccount1", tmp_path)
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    ours = [line for line in done.stderr.splitlines() if line.startswith("triage: ")]
    assert len(ours) == 1 and ours[0].startswith("triage: no Azure token"), ours
    assert done.stderr.strip().endswith(ours[0])  # after azure-identity's own warning
    for text in ("LEDGER_TABLE_ENDPOINT", "set LEDGER_CONNECTION_STRING"):
        assert text in ours[0]


@pytest.mark.parametrize("command", ["report", "suggestions list"])
def test_an_http_endpoint_with_the_identity_names_the_setting(command: str, tmp_path: Path) -> None:
    done = _report(f"http://127.0.0.1:{free_port()}/devstoreaccount1", tmp_path, command)
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert "LEDGER_TABLE_ENDPOINT: must be an https:// URL" in done.stderr
