"""The OpenAI-compatible stub's HTTP app: chat completions and embeddings, scripted failures.

Behaviours are queued through POST /_stub/behaviours and consumed one per request to
/v1/chat/completions or /v1/embeddings (the queue is shared); with the queue empty every
request gets the normal answer. The normal chat answer is built deterministically from the
numbered passages in the prompt and cites [1], so tests can check it exactly.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import math
import re
import threading
import time
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

Behaviour = Literal[
    "ok",  # valid structured output citing [1] (or unanswerable without passages)
    "malformed",  # content that is not JSON
    "refusal",  # message.refusal set, content null
    "rate_limit",  # 429 with Retry-After
    "unavailable",  # 503 with Retry-After
    "slow",  # sleeps `slow_seconds` before answering normally
    "bad_citation",  # valid JSON that cites a passage that does not exist and an unknown link
    "unanswerable",  # valid JSON with answerable=false
]

_PASSAGE = re.compile(r"^\[(\d+)\] (.*?)\n(.*?)(?=\n\n\[\d+\] |\n</passages>)", re.M | re.S)
_LANGUAGE = re.compile(r"^Customer language: (\w+)", re.M)
EMBEDDING_DIMENSION = 32
GREETINGS = {
    "en": ("Hello,", "Kind regards"),
    "sv": ("Hej,", "Vänliga hälsningar"),
    "de": ("Hallo,", "Mit freundlichen Grüßen"),
    "fr": ("Bonjour,", "Cordialement"),
    "es": ("Hola:", "Saludos cordiales"),
}


class BehaviourPlan(BaseModel):
    behaviours: list[Behaviour] = Field(default_factory=list)
    slow_seconds: float = 5.0
    retry_after_seconds: float = 0.0


class StubState:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.queue: list[Behaviour] = []
        self.slow_seconds = 5.0
        self.retry_after = 0.0
        self.requests: list[dict[str, Any]] = []

    def next(self, path: str, body: dict[str, Any]) -> Behaviour:
        with self.lock:
            self.requests.append({"path": path, "body": body})
            return self.queue.pop(0) if self.queue else "ok"


def hashed_embedding(text: str, dimension: int = EMBEDDING_DIMENSION) -> list[float]:
    """A deterministic unit vector from the text's words (same text, same vector)."""
    vector = [0.0] * dimension
    for word in re.findall(r"\w+", text.lower()):
        digest = hashlib.sha256(word.encode()).digest()
        vector[int.from_bytes(digest[:4], "big") % dimension] += 1.0 if digest[4] % 2 else -1.0
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [round(v / norm, 6) for v in vector]


def _draft_content(prompt: str, behaviour: Behaviour) -> dict[str, Any]:
    found = _LANGUAGE.search(prompt)
    language = found.group(1) if found else "en"
    greeting, closing = GREETINGS.get(language, GREETINGS["en"])
    passages = _PASSAGE.findall(prompt)
    if behaviour == "unanswerable" or not passages:
        return {
            "body": f"{greeting}\n\nOur help centre does not cover this; a colleague will "
            f"follow up. Could you send your order number?\n\n{closing}",
            "citations": [],
            "answerable": False,
            "confidence": 0.1,
            "missing_information": "order number",
        }
    first_text = passages[0][2].strip()
    first_sentence = re.split(r"(?<=[.!?])\s", first_text, maxsplit=1)[0]
    body = f"{greeting}\n\n{first_sentence} [1]\n\n{closing}"
    citations = [1]
    if behaviour == "bad_citation":
        body = f"{greeting}\n\n{first_sentence} [1] See https://evil.example/deal [7].\n\n{closing}"
        citations = [1, 7]
    return {
        "body": body,
        "citations": citations,
        "answerable": True,
        "confidence": 0.9,
        "missing_information": "",
    }


def _usage(prompt: str, completion: str) -> dict[str, int]:
    prompt_tokens, completion_tokens = len(prompt) // 4 + 1, len(completion) // 4 + 1
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }


def _error(status: int, kind: str, retry_after: float) -> JSONResponse:
    return JSONResponse(
        {"error": {"message": f"stub {kind}", "type": kind, "code": str(status)}},
        status_code=status,
        headers={"Retry-After": f"{retry_after:g}"},
    )


def create_app() -> FastAPI:
    app = FastAPI(title="OpenAI-compatible stub")
    state = StubState()
    app.state.stub = state

    @app.post("/_stub/behaviours")
    def set_behaviours(plan: BehaviourPlan) -> dict[str, Any]:
        with state.lock:
            state.queue = list(plan.behaviours)
            state.slow_seconds = plan.slow_seconds
            state.retry_after = plan.retry_after_seconds
        return {"queued": plan.behaviours}

    @app.get("/_stub/requests")
    def recorded() -> list[dict[str, Any]]:
        with state.lock:
            return list(state.requests)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/chat/completions", response_model=None)
    async def chat(request: Request) -> JSONResponse | dict[str, Any]:
        body = await request.json()
        behaviour = state.next("/v1/chat/completions", body)
        if behaviour == "rate_limit":
            return _error(429, "rate_limit_exceeded", state.retry_after)
        if behaviour == "unavailable":
            return _error(503, "service_unavailable", state.retry_after)
        if behaviour == "slow":
            await asyncio.sleep(state.slow_seconds)  # the client times out meanwhile
        prompt = "\n".join(str(m.get("content", "")) for m in body.get("messages", []))
        message: dict[str, Any] = {"role": "assistant", "content": None, "refusal": None}
        if behaviour == "refusal":
            message["refusal"] = "I can't help with that."
        elif behaviour == "malformed":
            message["content"] = '{"body": "Hello, [1]", "citations": [1'
        else:
            message["content"] = json.dumps(_draft_content(prompt, behaviour), ensure_ascii=False)
        return {
            "id": f"chatcmpl-stub-{len(state.requests)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "stub"),
            "choices": [
                {"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}
            ],
            "usage": _usage(prompt, message["content"] or message["refusal"] or ""),
        }

    @app.post("/v1/embeddings", response_model=None)
    async def embeddings(request: Request) -> JSONResponse | dict[str, Any]:
        body = await request.json()
        behaviour = state.next("/v1/embeddings", body)
        if behaviour == "rate_limit":
            return _error(429, "rate_limit_exceeded", state.retry_after)
        if behaviour == "unavailable":
            return _error(503, "service_unavailable", state.retry_after)
        inputs = body.get("input", [])
        texts = [inputs] if isinstance(inputs, str) else list(inputs)
        return {
            "object": "list",
            "model": body.get("model", "stub-embedding"),
            "data": [
                {"object": "embedding", "index": i, "embedding": hashed_embedding(t)}
                for i, t in enumerate(texts)
            ],
            "usage": {
                "prompt_tokens": sum(len(t) // 4 + 1 for t in texts),
                "total_tokens": sum(len(t) // 4 + 1 for t in texts),
            },
        }

    return app
