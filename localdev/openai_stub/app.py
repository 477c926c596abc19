"""The stub's HTTP app: chat completions and embeddings as OpenAI (``/v1/...``) and as
Azure OpenAI (``/openai/deployments/{deployment}/...?api-version=``), held to the contract.

Every request is checked before it is answered: Azure's api-key (or an Entra bearer
token), the api-version, the deployment (and whether it is a chat or an embeddings
model), the body against the official spec (contract.py), the strict-schema rules of
structured outputs, and, for reasoning models, the parameters they refuse. A request that
breaks the contract gets the error the service documents.

Behaviours are queued through POST /_stub/behaviours and consumed one per request (per
endpoint, or shared); ``default`` plays a behaviour on every request once the queue is
empty (a constant 429, say). Azure's documented behaviours: 429 with ``retry-after-ms``
and ``retry-after``; a prompt blocked by the content filter (400, code ``content_filter``);
a filtered completion (``finish_reason: content_filter``, no content, tokens billed); a
slow answer (the client's timeout); 401, 403, 404. Every request is recorded with its
status and the tokens it billed (GET /_stub/requests); the last REQUEST_LOG_SIZE are kept,
so a long run does not grow the stub without bound.
"""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from collections import deque
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from localdev.openai_stub import contract
from localdev.openai_stub.answers import EMBEDDING_DIMENSION, content_for, hashed_embedding

Behaviour = Literal[
    "ok",  # a valid answer (a draft citing [1], a triage, any other schema filled in)
    "malformed",  # content that is not JSON
    "refusal",  # message.refusal set, content null
    "bad_citation",  # a draft citing a passage that does not exist and an unknown link
    "unanswerable",  # a draft with answerable=false
    "length",  # finish_reason length, the JSON cut off
    "output_filtered",  # finish_reason content_filter, no content (billed)
    "prompt_filtered",  # 400 content_filter: the prompt was blocked
    "no_message",  # a choice without a message (a shape nobody documents)
    "rate_limit",  # 429 with retry-after-ms and retry-after
    "unavailable",  # 503 with the same headers
    "slow",  # sleeps slow_seconds, then answers (the client's timeout meanwhile)
    "unauthorized",  # 401
    "forbidden",  # 403: an identity without its role
    "not_found",  # 404 DeploymentNotFound
    "wrong_count",  # embeddings: one vector fewer than inputs
    "wrong_dimension",  # embeddings: vectors one longer than the model's
]
Endpoint = Literal["chat", "embeddings"]
REASONING_PREFIXES = ("o1", "o3", "o4", "gpt-5")
DEFAULT_API_VERSIONS = ["2024-10-21"]


class Deployment(BaseModel):
    model: str
    kind: Endpoint
    dimension: int | None = None  # embeddings; None: the model's usual size


MODEL_DIMENSIONS = {
    "text-embedding-3-small": 1536,
    "text-embedding-3-large": 3072,
    "text-embedding-ada-002": 1536,
}


class AzureConfig(BaseModel):
    api_key: str = "stub-azure-key"
    bearer_tokens: list[str] = Field(default_factory=lambda: ["stub-entra-token"])
    api_versions: list[str] = Field(default_factory=lambda: list(DEFAULT_API_VERSIONS))
    # off only to isolate other behaviours (bench/llm_faults.py measuring code that sends
    # schemas Azure refuses); Azure itself always enforces it
    enforce_strict_schema: bool = True
    deployments: dict[str, Deployment] = Field(
        default_factory=lambda: {
            "gpt-4o-mini": Deployment(model="gpt-4o-mini-2024-07-18", kind="chat"),
            "text-embedding-3-small": Deployment(model="text-embedding-3-small", kind="embeddings"),
        }
    )


class BehaviourPlan(BaseModel):
    behaviours: list[Behaviour] = Field(default_factory=list)
    endpoint: Endpoint | None = None  # None: a queue shared by both endpoints
    default: Behaviour = "ok"  # once the queue is empty
    slow_seconds: float = 5.0
    retry_after_seconds: float = 0.0  # the `retry-after` header
    retry_after_ms: float | None = None  # `retry-after-ms`; None: retry_after_seconds * 1000


# Requests kept for GET /_stub/requests: far more than any test reads, few enough that a
# 20,000-email run does not hold every prompt it was sent (the full log is about 100 MiB).
REQUEST_LOG_SIZE = 10_000


class StubState:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.queues: dict[str, list[Behaviour]] = {"shared": [], "chat": [], "embeddings": []}
        self.defaults: dict[str, Behaviour] = {"chat": "ok", "embeddings": "ok"}
        self.slow_seconds = 5.0
        self.retry_after = 0.0
        self.retry_after_ms: float | None = None
        self.azure = AzureConfig()
        self.requests: deque[dict[str, Any]] = deque(maxlen=REQUEST_LOG_SIZE)

    def plan(self, plan: BehaviourPlan) -> None:
        with self.lock:
            if plan.endpoint is None:
                self.queues = {"shared": list(plan.behaviours), "chat": [], "embeddings": []}
                self.defaults = {"chat": plan.default, "embeddings": plan.default}
            else:
                self.queues[plan.endpoint] = list(plan.behaviours)
                self.defaults[plan.endpoint] = plan.default
            self.slow_seconds = plan.slow_seconds
            self.retry_after = plan.retry_after_seconds
            self.retry_after_ms = plan.retry_after_ms

    def next(self, endpoint: Endpoint, record: dict[str, Any]) -> Behaviour:
        with self.lock:
            self.requests.append(record)
            for queue in (self.queues[endpoint], self.queues["shared"]):
                if queue:
                    return queue.pop(0)
            return self.defaults[endpoint]


def _error(
    status: int,
    code: str | None,
    message: str,
    *,
    param: str | None = None,
    kind: str | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    error: dict[str, Any] = {"code": code, "message": message, "param": param, "type": kind}
    error.update(extra or {})
    return JSONResponse({"error": error}, status_code=status, headers=headers)


def _wait_headers(state: StubState) -> dict[str, str]:
    ms = state.retry_after_ms if state.retry_after_ms is not None else state.retry_after * 1000
    return {"retry-after-ms": f"{ms:g}", "retry-after": f"{math.ceil(state.retry_after):d}"}


def _service_fault(
    behaviour: Behaviour, state: StubState, azure: bool, operation: str
) -> JSONResponse | None:
    """The behaviours that are the service's, not the answer's (bodies as Azure sends)."""
    if behaviour == "rate_limit":
        seconds = math.ceil(state.retry_after)
        return _error(
            429,
            "429",
            f"Requests to the {operation} Operation under Azure OpenAI API version "
            f"2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing "
            f"tier. Please retry after {seconds} second(s).",
            headers=_wait_headers(state),
        )
    if behaviour == "unavailable":
        return _error(
            503,
            "ServiceUnavailable",
            "The service is temporarily unable to process your request. Please try again later.",
            headers=_wait_headers(state),
        )
    if behaviour == "unauthorized":
        return _unauthorized()
    if behaviour == "forbidden":
        return _error(403, "PermissionDenied", "Principal does not have access to API/Operation.")
    if behaviour == "not_found":
        return _deployment_not_found()
    return None


def _unauthorized() -> JSONResponse:
    return _error(
        401,
        "401",
        "Access denied due to invalid subscription key or wrong API endpoint. Make sure "
        "to provide a valid key for an active subscription and use a correct regional "
        "API endpoint for your resource.",
    )


def _deployment_not_found() -> JSONResponse:
    return _error(
        404,
        "DeploymentNotFound",
        "The API deployment for this resource does not exist. If you created the deployment "
        "within the last 5 minutes, please wait a moment and try again.",
    )


def _prompt_filtered() -> JSONResponse:
    """Microsoft's content filtering page: a filtered prompt is a 400 with code
    content_filter (the chat API adds the inner error with the filter results)."""
    return _error(
        400,
        "content_filter",
        "The response was filtered due to the prompt triggering Azure OpenAI's content "
        "management policy.",
        param="prompt",
        extra={
            "status": 400,
            "innererror": {
                "code": "ResponsibleAIPolicyViolation",
                "content_filter_result": {"violence": {"filtered": True, "severity": "high"}},
            },
        },
    )


def _tokens(text: str) -> int:
    return len(text) // 4 + 1


def _completion(body: dict[str, Any], behaviour: Behaviour, model: str, azure: bool) -> dict:
    prompt = "\n".join(str(m.get("content", "")) for m in body.get("messages", []))
    message: dict[str, Any] = {"role": "assistant", "content": None, "refusal": None}
    finish = "stop"
    answer = json.dumps(content_for(body, behaviour), ensure_ascii=False)
    if behaviour == "refusal":
        message["refusal"] = "I can't help with that."
    elif behaviour == "malformed":
        message["content"] = '{"body": "Hello, [1]", "citations": [1'
    elif behaviour == "length":
        message["content"], finish = answer[: len(answer) // 2], "length"
    elif behaviour == "output_filtered":
        finish = "content_filter"  # no content; the generated tokens are still billed
    else:
        message["content"] = answer
    billed = message["content"] or message["refusal"] or answer
    usage = {"prompt_tokens": _tokens(prompt), "completion_tokens": _tokens(billed)}
    usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
    choice: dict[str, Any] = {
        "index": 0,
        "message": message,
        "finish_reason": finish,
        "logprobs": None,
    }
    if behaviour == "no_message":
        del choice["message"]
    response: dict[str, Any] = {
        "id": f"chatcmpl-stub-{time.monotonic_ns()}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [choice],
        "usage": usage,
    }
    if azure:
        filtered = behaviour == "output_filtered"
        choice["content_filter_results"] = {
            "violence": {"filtered": filtered, "severity": "high" if filtered else "safe"}
        }
        response["prompt_filter_results"] = [
            {
                "prompt_index": 0,
                "content_filter_results": {"violence": {"filtered": False, "severity": "safe"}},
            }
        ]
    return response


def _contract_problems(
    request: Request,
    kind: str,
    raw: bytes,
    body: Any,
    model: str,
    endpoint: Endpoint,
    strict_schemas: bool = True,
) -> JSONResponse | None:
    """400 for a request the spec, strict structured outputs or the model refuse."""
    headers = {k: v for k, v in request.headers.items() if k in ("api-key", "authorization")}
    problems = contract.request_problems(
        kind, request.url.path, dict(request.query_params), raw, headers
    )
    if problems:
        return _error(400, "BadRequest", "; ".join(problems), kind="invalid_request_error")
    if endpoint != "chat" or not isinstance(body, dict):
        return None
    name, schema_problems = contract.response_format_problems(body)
    if schema_problems and strict_schemas:
        return _error(
            400,
            None,
            f"Invalid schema for response_format '{name}': {schema_problems[0]}",
            param="response_format",
            kind="invalid_request_error",
        )
    if model.lower().startswith(REASONING_PREFIXES):
        for refused in ("max_tokens", "temperature"):
            if refused in body:
                return _error(
                    400,
                    "unsupported_parameter",
                    f"Unsupported parameter: '{refused}' is not supported with this model."
                    + (" Use 'max_completion_tokens' instead." if refused == "max_tokens" else ""),
                    param=refused,
                    kind="invalid_request_error",
                )
    return None


def create_app() -> FastAPI:
    app = FastAPI(title="OpenAI-compatible stub")
    state = StubState()
    app.state.stub = state

    @app.post("/_stub/behaviours")
    def set_behaviours(plan: BehaviourPlan) -> dict[str, Any]:
        state.plan(plan)
        return {"queued": plan.behaviours, "endpoint": plan.endpoint, "default": plan.default}

    @app.post("/_stub/azure")
    def set_azure(config: AzureConfig) -> dict[str, Any]:
        with state.lock:
            state.azure = config
        return config.model_dump()

    @app.get("/_stub/requests")
    def recorded() -> list[dict[str, Any]]:
        with state.lock:
            return list(state.requests)

    @app.post("/_stub/reset")
    def reset() -> dict[str, str]:
        with state.lock:
            state.requests.clear()
        state.plan(BehaviourPlan())
        return {"status": "reset"}

    @app.get("/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "validating": contract.validating()}

    async def serve(
        request: Request, endpoint: Endpoint, deployment: str | None
    ) -> JSONResponse | dict[str, Any]:
        azure = deployment is not None
        raw = await request.body()
        try:
            body: Any = json.loads(raw or b"null")
        except json.JSONDecodeError:
            body = None
        record: dict[str, Any] = {
            "path": request.url.path,
            "query": dict(request.query_params),
            "body": body,
            "mode": "azure" if azure else "openai",
            "auth": "api-key"
            if "api-key" in request.headers
            else ("bearer" if "authorization" in request.headers else None),
            "status": 200,
            "billed": None,
        }
        behaviour = state.next(endpoint, record)
        record["behaviour"] = behaviour
        response = await answer(request, endpoint, deployment, raw, body, behaviour)
        record["status"] = response.status_code if isinstance(response, JSONResponse) else 200
        if isinstance(response, dict):
            usage = response.get("usage", {})
            record["billed"] = {
                "prompt_tokens": usage.get("prompt_tokens", 0),
                "completion_tokens": usage.get("completion_tokens", 0),
            }
        return response

    async def answer(
        request: Request,
        endpoint: Endpoint,
        deployment: str | None,
        raw: bytes,
        body: Any,
        behaviour: Behaviour,
    ) -> JSONResponse | dict[str, Any]:
        azure = deployment is not None
        operation = "ChatCompletions_Create" if endpoint == "chat" else "Embeddings_Create"
        model = str(body.get("model", "stub")) if isinstance(body, dict) else "stub"
        dimension = EMBEDDING_DIMENSION
        if azure:
            config = state.azure
            key = request.headers.get("api-key")
            bearer = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
            if key != config.api_key and bearer not in config.bearer_tokens:
                return _unauthorized()
            if request.query_params.get("api-version") not in config.api_versions:
                return _error(404, "404", "Resource not found")
            target = config.deployments.get(str(deployment))
            if target is None:
                return _deployment_not_found()
            if target.kind != endpoint:
                return _error(
                    400,
                    "OperationNotSupported",
                    f"The {operation.split('_')[0].lower()} operation does not work with the "
                    f"specified model, {target.model}. Please choose different model and try "
                    "again.",
                )
            model = target.model
            dimension = target.dimension or MODEL_DIMENSIONS.get(model, EMBEDDING_DIMENSION)
        fault = _service_fault(behaviour, state, azure, operation)
        if fault is not None:
            return fault
        refused = _contract_problems(
            request,
            "azure" if azure else "openai",
            raw,
            body,
            model,
            endpoint,
            strict_schemas=not azure or state.azure.enforce_strict_schema,
        )
        if refused is not None:
            return refused
        if behaviour == "slow":
            await asyncio.sleep(state.slow_seconds)  # the client times out meanwhile
        if endpoint == "embeddings":
            return _embeddings(body, behaviour, model, dimension)
        if behaviour == "prompt_filtered":
            return _prompt_filtered()
        return _completion(body, behaviour, model, azure)

    @app.post("/v1/chat/completions", response_model=None)
    async def chat(request: Request) -> JSONResponse | dict[str, Any]:
        return await serve(request, "chat", None)

    @app.post("/v1/embeddings", response_model=None)
    async def embeddings(request: Request) -> JSONResponse | dict[str, Any]:
        return await serve(request, "embeddings", None)

    @app.post("/openai/deployments/{deployment}/chat/completions", response_model=None)
    async def azure_chat(request: Request, deployment: str) -> JSONResponse | dict[str, Any]:
        return await serve(request, "chat", deployment)

    @app.post("/openai/deployments/{deployment}/embeddings", response_model=None)
    async def azure_embeddings(request: Request, deployment: str) -> JSONResponse | dict[str, Any]:
        return await serve(request, "embeddings", deployment)

    return app


def _embeddings(body: Any, behaviour: Behaviour, model: str, dimension: int) -> dict[str, Any]:
    inputs = body.get("input", []) if isinstance(body, dict) else []
    texts = [inputs] if isinstance(inputs, str) else list(inputs)
    size = dimension + 1 if behaviour == "wrong_dimension" else dimension
    vectors = [hashed_embedding(str(t), size) for t in texts]
    if behaviour == "wrong_count":
        vectors = vectors[:-1]
    tokens = sum(_tokens(str(t)) for t in texts)
    return {
        "object": "list",
        "model": model,
        "data": [
            {"object": "embedding", "index": i, "embedding": v} for i, v in enumerate(vectors)
        ],
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
    }
