"""Fail loudly, keep working: a misconfigured model is found at start-up (one cheap probe
per deployment, cached), shown in GET /api/status and by `triage models`, with the reason."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from core.settings import get_settings
from localdev import cli
from localdev.azurite import Azurite
from localdev.durable_host import LocalDurableHost
from localdev.openai_stub import OpenAIStub
from pipeline import services
from tests import llm_fixtures, rag_fixtures
from tests.llm_fixtures import (
    AZURE_KEY,
    CHAT_DEPLOYMENT,
    CHAT_MODEL,
    EMBED_DEPLOYMENT,
    EMBED_MODEL,
    calls,
)

openai_stub = rag_fixtures.openai_stub
azure_stub = llm_fixtures.azure_stub


@pytest.fixture
def azure_env(azure_stub: OpenAIStub, monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenAIStub]:
    """The app's environment for a team on Azure OpenAI (the stub), services rebuilt."""
    for name, value in {
        "HUBSPOT_ACCESS_TOKEN": "pat-test",
        "LLM_PROVIDER": "azure_openai",
        "LLM_MODEL": CHAT_MODEL,
        "LLM_DEPLOYMENT": CHAT_DEPLOYMENT,
        "EMBEDDING_PROVIDER": "azure_openai",
        "EMBEDDING_MODEL": EMBED_MODEL,
        "EMBEDDING_DEPLOYMENT": EMBED_DEPLOYMENT,
        "AZURE_OPENAI_ENDPOINT": azure_stub.azure_endpoint,
        "AZURE_OPENAI_API_KEY": AZURE_KEY,
        "LLM_TIMEOUT_SECONDS": "5",
        "LEDGER_CONNECTION_STRING": "UseDevelopmentStorage=true",  # not touched here
    }.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    services.reset()
    yield azure_stub
    get_settings.cache_clear()
    services.reset()


def test_the_first_clients_built_probe_each_deployment_once(
    azure_env: OpenAIStub, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setenv("EMBEDDING_CACHE_DIR", str(tmp_path))
    services.drafter()
    services.classifier()
    services.embedder()
    probes = [r["body"]["response_format"]["json_schema"]["name"] for r in calls(azure_env)]
    assert probes == ["probe"]  # one probe for the deployment both clients use
    assert len(calls(azure_env, "embeddings")) == 1
    assert all(r["status"] == 200 for r in azure_env.requests())


def test_a_failing_deployment_is_logged_at_start_up_and_the_app_keeps_working(
    azure_env: OpenAIStub, caplog: pytest.LogCaptureFixture
) -> None:
    azure_env.set_behaviours([], endpoint="chat", default="not_found")
    drafter = services.drafter()  # the probe fails; the drafter is built all the same
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "DeploymentNotFound" in errors[0]
    reply = drafter.draft(llm_fixtures.draft_request())
    assert reply.drafter == "extractive" and reply.fallback_reason.startswith("not_found: ")
    assert len([r for r in caplog.records if r.levelname == "ERROR"]) == 1  # still once


@pytest.fixture
def app_host(
    azure_env: OpenAIStub, azurite: Azurite, monkeypatch: pytest.MonkeyPatch
) -> Iterator[LocalDurableHost]:
    monkeypatch.setenv("HUBSPOT_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("LEDGER_CONNECTION_STRING", azurite.connection_string)
    monkeypatch.setenv("LEDGER_TABLE_PREFIX", "modelstatus")
    get_settings.cache_clear()
    services.reset()
    import function_app

    with LocalDurableHost(function_app.app) as host:
        yield host


def test_api_status_shows_chat_and_embeddings_ok_or_failing_with_the_reason(
    app_host: LocalDurableHost, azure_env: OpenAIStub
) -> None:
    body = json.loads(app_host.call_http("GET", "/api/status").get_body())
    chat, embeddings = body["models"]["chat"], body["models"]["embeddings"]
    assert (chat["state"], chat["deployment"], chat["model"]) == ("ok", CHAT_DEPLOYMENT, CHAT_MODEL)
    assert chat["served_model"] == "gpt-4o-mini-2024-07-18" and "warning" not in chat
    assert embeddings["state"] == "ok" and embeddings["deployment"] == EMBED_DEPLOYMENT
    again = json.loads(app_host.call_http("GET", "/api/status").get_body())
    assert again["models"]["chat"]["state"] == "ok"
    assert len(azure_env.requests()) == 2  # cached: one probe per deployment, not per call

    services.reset()  # a new worker process, whose identity lacks its role
    azure_env.set_behaviours([], endpoint="chat", default="forbidden")
    failing = json.loads(app_host.call_http("GET", "/api/status").get_body())["models"]
    assert failing["chat"]["state"] == "failing" and failing["chat"]["kind"] == "forbidden"
    assert "Cognitive Services OpenAI User" in failing["chat"]["reason"]
    assert failing["embeddings"]["state"] == "ok"


def test_status_warns_when_the_deployment_serves_another_model(
    app_host: LocalDurableHost, azure_env: OpenAIStub
) -> None:
    azure_env.configure_azure(
        {
            CHAT_DEPLOYMENT: ("gpt-4o-2024-08-06", "chat"),
            EMBED_DEPLOYMENT: (EMBED_MODEL, "embeddings"),
        }
    )
    chat = json.loads(app_host.call_http("GET", "/api/status").get_body())["models"]["chat"]
    assert chat["state"] == "ok" and "serves 'gpt-4o-2024-08-06'" in chat["warning"]


def test_triage_models_prints_each_deployment_and_exits_1_when_one_fails(
    azure_env: OpenAIStub, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli.main(["models"]) == 0
    out = capsys.readouterr().out
    assert f"chat: ok (deployment {CHAT_DEPLOYMENT!r}" in out and "embeddings: ok" in out
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "a-wrong-key")
    get_settings.cache_clear()
    assert cli.main(["models"]) == 1
    out = capsys.readouterr().out
    assert "chat: failing" in out and "embeddings: failing" in out
    assert "the key or token was refused" in out


def test_triage_models_says_off_without_a_model(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLM_PROVIDER", "none")
    monkeypatch.setenv("EMBEDDING_PROVIDER", "offline")
    monkeypatch.delenv("EMBEDDING_MODEL", raising=False)
    assert cli.main(["models", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["chat"]["state"] == "off" and status["embeddings"]["state"] == "ok"
