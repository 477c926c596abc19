"""The stub holds to the contract: requests are validated against the official specs in
../shared/azure-openai-openapi/ (Azure's paths when called as Azure, OpenAI's otherwise),
and Azure's key, api-version and deployments are enforced with Azure's error bodies. The
validator is proven live with requests that must fail; the stub's answers are checked
against the same spec."""

from __future__ import annotations

import json
import warnings
from functools import cache
from typing import Any

import httpx
import pytest

from core.llm.catalog import REASONING_ALLOWANCE_TOKENS
from localdev.openai_stub import OpenAIStub
from localdev.openai_stub.contract import AZURE_SPEC, spec_dir
from rag.llm import build_drafter
from tests import llm_fixtures, rag_fixtures
from tests.llm_fixtures import AZURE_KEY, CHAT_DEPLOYMENT, azure_settings, calls, draft_request

openai_stub = rag_fixtures.openai_stub
azure_stub = llm_fixtures.azure_stub

pytestmark = pytest.mark.skipif(
    spec_dir() is None, reason="../shared/azure-openai-openapi/ is not beside the checkout"
)
API = "2024-10-21"
CHAT = {"messages": [{"role": "user", "content": "Hello"}], "temperature": 0, "max_tokens": 20}


def _post(
    stub: OpenAIStub,
    path: str,
    body: Any,
    *,
    version: str | None = API,
    key: str | None = AZURE_KEY,
    bearer: str | None = None,
) -> httpx.Response:
    headers = {"api-key": key} if key else {}
    if bearer:
        headers["Authorization"] = f"Bearer {bearer}"
    params = {"api-version": version} if version else {}
    return httpx.post(f"{stub.url}{path}", json=body, params=params, headers=headers, timeout=10)


def test_the_validator_is_live_a_request_that_breaks_the_spec_is_refused(
    azure_stub: OpenAIStub,
) -> None:
    path = f"/openai/deployments/{CHAT_DEPLOYMENT}/chat/completions"
    assert _post(azure_stub, path, CHAT).status_code == 200
    too_hot = _post(azure_stub, path, {**CHAT, "temperature": 5})
    assert too_hot.status_code == 400
    assert "greater than the maximum of 2" in too_hot.json()["error"]["message"]
    empty = _post(azure_stub, path, {**CHAT, "messages": []})
    assert empty.status_code == 400 and "non-empty" in empty.json()["error"]["message"]
    openai_mode = httpx.post(
        f"{azure_stub.url}/v1/chat/completions",
        json={**CHAT, "model": "gpt-4o-mini", "temperature": 5},
        timeout=10,
    )
    assert openai_mode.status_code == 400  # OpenAI's own spec, for the openai providers
    blank = _post(azure_stub, "/openai/deployments/team-embed/embeddings", {"input": ["a", ""]})
    assert blank.status_code == 400  # the spec: each input at least one character


def test_azure_key_version_and_deployment_are_enforced_with_azure_bodies(
    azure_stub: OpenAIStub,
) -> None:
    path = f"/openai/deployments/{CHAT_DEPLOYMENT}/chat/completions"
    no_key = _post(azure_stub, path, CHAT, key=None)
    assert no_key.status_code == 401 and no_key.json()["error"]["code"] == "401"
    assert _post(azure_stub, path, CHAT, key=None, bearer="stub-entra-token").status_code == 200
    wrong_version = _post(azure_stub, path, CHAT, version="2023-01-01")
    assert wrong_version.status_code == 404
    missing_version = _post(azure_stub, path, CHAT, version=None)
    assert missing_version.status_code == 404
    unknown = _post(azure_stub, "/openai/deployments/gpt-4o-mini/chat/completions", CHAT)
    assert unknown.status_code == 404
    assert unknown.json()["error"]["code"] == "DeploymentNotFound"
    embeddings_as_chat = _post(azure_stub, "/openai/deployments/team-embed/chat/completions", CHAT)
    assert embeddings_as_chat.status_code == 400
    assert embeddings_as_chat.json()["error"]["code"] == "OperationNotSupported"


def test_each_documented_behaviour_has_azures_status_and_body(azure_stub: OpenAIStub) -> None:
    path = f"/openai/deployments/{CHAT_DEPLOYMENT}/chat/completions"
    azure_stub.set_behaviours(
        ["rate_limit", "prompt_filtered", "output_filtered", "forbidden", "not_found"],
        endpoint="chat",
        retry_after_seconds=2,
        retry_after_ms=1500,
    )
    limited = _post(azure_stub, path, CHAT)
    assert limited.status_code == 429
    assert limited.headers["retry-after-ms"] == "1500" and limited.headers["retry-after"] == "2"
    blocked = _post(azure_stub, path, CHAT).json()["error"]
    assert blocked["code"] == "content_filter" and blocked["status"] == 400
    assert blocked["innererror"]["code"] == "ResponsibleAIPolicyViolation"
    filtered = _post(azure_stub, path, CHAT).json()
    assert filtered["choices"][0]["finish_reason"] == "content_filter"
    assert filtered["choices"][0]["message"]["content"] is None
    assert filtered["usage"]["completion_tokens"] > 0  # the generated tokens are billed
    assert _post(azure_stub, path, CHAT).json()["error"]["code"] == "PermissionDenied"
    assert _post(azure_stub, path, CHAT).json()["error"]["code"] == "DeploymentNotFound"
    recorded = [(r["behaviour"], r["status"]) for r in calls(azure_stub)]
    assert recorded == [
        ("rate_limit", 429),
        ("prompt_filtered", 400),
        ("output_filtered", 200),
        ("forbidden", 403),
        ("not_found", 404),
    ]


def test_a_reasoning_deployment_refuses_max_tokens_and_the_app_sends_what_it_takes(
    azure_stub: OpenAIStub,
) -> None:
    azure_stub.configure_azure({"team-o3": ("o3-mini", "chat")})
    path = "/openai/deployments/team-o3/chat/completions"
    refused = _post(azure_stub, path, CHAT).json()["error"]
    assert refused["code"] == "unsupported_parameter" and refused["param"] == "max_tokens"
    settings = azure_settings(
        azure_stub,
        llm_model="o3-mini",
        llm_deployment="team-o3",
        llm_price_input_per_1m=1.1,
        llm_price_output_per_1m=4.4,
    )
    reply = build_drafter(settings).draft(draft_request())
    assert reply.drafter == "llm", reply.fallback_reason
    sent = calls(azure_stub)[-1]["body"]
    assert "max_tokens" not in sent and "temperature" not in sent
    assert sent["max_completion_tokens"] > REASONING_ALLOWANCE_TOKENS


@cache
def _azure_spec() -> Any:
    from openapi_core import Config, OpenAPI

    folder = spec_dir()
    assert folder is not None
    spec = json.loads((folder / AZURE_SPEC).read_text(encoding="utf-8"))
    return OpenAPI.from_dict(spec, config=Config(spec_validator_cls=None))


def _check_response(request_path: str, response: httpx.Response) -> None:
    from openapi_core.testing import MockRequest, MockResponse

    mock_request = MockRequest(
        "https://stub.openai.azure.com",
        "post",
        request_path,
        args={"api-version": API},
        data=response.request.content,
        headers={"api-key": AZURE_KEY},
        content_type="application/json",
    )
    mock_response = MockResponse(
        response.content, status_code=response.status_code, content_type="application/json"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _azure_spec().validate_response(mock_request, mock_response)


def test_the_stubs_answers_match_azures_response_schemas(azure_stub: OpenAIStub) -> None:
    chat_path = f"/openai/deployments/{CHAT_DEPLOYMENT}/chat/completions"
    _check_response(chat_path, _post(azure_stub, chat_path, CHAT))
    azure_stub.set_behaviours(["output_filtered"], endpoint="chat")
    _check_response(chat_path, _post(azure_stub, chat_path, CHAT))
    azure_stub.set_behaviours(["no_message"], endpoint="chat")
    with pytest.raises(Exception, match="not valid"):  # live: the undocumented shape fails
        _check_response(chat_path, _post(azure_stub, chat_path, CHAT))
    embed_path = "/openai/deployments/team-embed/embeddings"
    embedded = _post(azure_stub, embed_path, {"input": ["one", "two"]})
    _check_response(embed_path, embedded)
    assert [len(d["embedding"]) for d in embedded.json()["data"]] == [1536, 1536]


def test_the_request_log_keeps_the_latest_requests_only() -> None:
    # A long run sends tens of thousands of requests; the stub must not hold every prompt.
    from localdev.openai_stub.app import REQUEST_LOG_SIZE, StubState

    state = StubState()
    for n in range(REQUEST_LOG_SIZE + 5):
        state.next("chat", {"n": n})
    assert len(state.requests) == REQUEST_LOG_SIZE
    assert state.requests[0]["n"] == 5 and state.requests[-1]["n"] == REQUEST_LOG_SIZE + 4
