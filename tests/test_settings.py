from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.settings import Settings, SettingsError, load_settings

REPO = Path(__file__).resolve().parent.parent
MINIMAL = {
    "HUBSPOT_ACCESS_TOKEN": "pat-test",
    "LEDGER_CONNECTION_STRING": "UseDevelopmentStorage=true",
}


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    return monkeypatch


def test_minimal_environment_loads_with_defaults(clean_env: pytest.MonkeyPatch) -> None:
    for key, value in MINIMAL.items():
        clean_env.setenv(key, value)
    clean_env.setenv("HUBSPOT_INBOX_IDS", "101, 202")
    settings = load_settings()
    assert settings.hubspot_inbox_ids == ["101", "202"]
    assert settings.poll_schedule == "0 */2 * * * *"
    assert settings.hubspot_access_token.get_secret_value() == "pat-test"
    assert "pat-test" not in repr(settings)  # secrets never print


def test_every_problem_is_listed_by_name(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("POLL_SCHEDULE", "*/5 * * * *")
    clean_env.setenv("HUBSPOT_RATE_LIMIT_PER_10S", "lots")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    names = [name for name, _ in caught.value.problems]
    assert names == ["HUBSPOT_ACCESS_TOKEN", "HUBSPOT_RATE_LIMIT_PER_10S", "POLL_SCHEDULE"]
    message = str(caught.value)
    assert "six fields" in message and "missing" in message


def test_settings_that_depend_on_others(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("HUBSPOT_ACCESS_TOKEN", "pat-test")
    clean_env.setenv("LLM_PROVIDER", "azure_openai")
    clean_env.setenv("CHUNK_TOKENS", "128")
    clean_env.setenv("CHUNK_OVERLAP_TOKENS", "128")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    names = {name for name, _ in caught.value.problems}
    assert names == {"LEDGER_CONNECTION_STRING", "AZURE_OPENAI_ENDPOINT", "CHUNK_OVERLAP_TOKENS"}


def test_example_settings_file_documents_every_setting() -> None:
    example = json.loads((REPO / "local.settings.example.json").read_text())
    expected = {name.upper() for name in Settings.model_fields}
    assert expected <= set(example["Values"])
    assert expected <= set(example["_settings_help"])
