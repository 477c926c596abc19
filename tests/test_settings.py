from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import AliasChoices

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


def env_name(field: str) -> str:
    alias = Settings.model_fields[field].validation_alias
    return alias.choices[0] if isinstance(alias, AliasChoices) else field.upper()  # type: ignore[return-value]


def outcome(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> object:
    """The loaded settings as data, or the names of the reported problems."""
    with monkeypatch.context() as scoped:
        for name, value in env.items():
            scoped.setenv(name, value)
        try:
            return load_settings().model_dump(mode="json")
        except SettingsError as exc:
            return sorted(name for name, _ in exc.problems)


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
@pytest.mark.parametrize("blank", ["", "  "])
def test_an_empty_setting_means_unset(
    clean_env: pytest.MonkeyPatch, field: str, blank: str
) -> None:
    """The Functions host exports empty `Values` entries as empty variables."""
    name = env_name(field)
    unset = {k: v for k, v in MINIMAL.items() if k != name}
    assert outcome({**unset, name: blank}, clean_env) == outcome(unset, clean_env)


def test_the_example_values_load_and_list_nothing_stale(clean_env: pytest.MonkeyPatch) -> None:
    """Exactly the example file's Values (empty ones included) make valid settings, every
    entry is a setting (or one the Functions host itself reads), and the help text is the
    setting's own description."""
    example = json.loads((REPO / "local.settings.example.json").read_text())
    loaded = outcome(example["Values"], clean_env)
    assert isinstance(loaded, dict), f"the example's Values do not load: {loaded}"
    names = {env_name(field): field for field in Settings.model_fields}
    host_settings = {"FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage"}
    assert set(example["Values"]) - host_settings == set(names)
    for name, field in names.items():
        assert example["_settings_help"][name] == Settings.model_fields[field].description
