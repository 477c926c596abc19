"""One structured chat call: the request Azure accepts for this model, the answer checked
for every documented way it can be unusable, the tokens billed counted either way.

A filtered answer (``finish_reason: content_filter``), a refusal and running out of
tokens are final: asking again would be billed again and end the same way. Only malformed
JSON is asked again, ``reasks`` times.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, TypeVar

import openai
from pydantic import BaseModel, ValidationError

from core.llm.catalog import REASONING_ALLOWANCE_TOKENS, Price, is_reasoning
from core.llm.failures import FailureKind, ModelFailure, describe
from core.llm.health import HEALTH
from core.llm.schema import response_format
from core.llm.usage import Usage

T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class ChatModel:
    """A chat deployment and the model behind it."""

    client: openai.OpenAI
    deployment: str  # sent as `model`; on Azure the deployment name a team chose
    model: str  # the model's own name: the price and the request's shape
    price: Price

    @property
    def what(self) -> str:
        return f"chat deployment {self.deployment!r}"

    def request(
        self, messages: list[dict[str, str]], name: str, output: type[BaseModel], max_tokens: int
    ) -> dict[str, Any]:
        """The request body: temperature 0 and ``max_tokens``, or for reasoning models
        ``max_completion_tokens`` with room for their reasoning and no temperature."""
        body: dict[str, Any] = {
            "model": self.deployment,
            "messages": messages,
            "response_format": response_format(name, output),
        }
        if is_reasoning(self.model):
            body["max_completion_tokens"] = max_tokens + REASONING_ALLOWANCE_TOKENS
        else:
            body["temperature"] = 0
            body["max_tokens"] = max_tokens
        return body


def _billed(chat: ChatModel, completion: Any) -> Usage:
    usage = getattr(completion, "usage", None)
    prompt = int(getattr(usage, "prompt_tokens", 0) or 0)
    output = int(getattr(usage, "completion_tokens", 0) or 0)
    return Usage(
        calls=1,
        prompt_tokens=prompt,
        completion_tokens=output,
        cost_usd=chat.price.cost(prompt, output),
    )


def _answer(chat: ChatModel, completion: Any, max_tokens: int) -> str:
    """The message content, or the ModelFailure that says why there is none."""
    choices = getattr(completion, "choices", None)
    if not choices:
        raise ModelFailure(FailureKind.UNEXPECTED, f"{chat.what}: a response without choices")
    choice = choices[0]
    finish = getattr(choice, "finish_reason", None)
    if finish == "content_filter":
        raise ModelFailure(
            FailureKind.OUTPUT_FILTERED,
            f"{chat.what}: Azure's content filter withheld the answer "
            "(finish_reason content_filter)",
        )
    message = getattr(choice, "message", None)
    if message is None:
        raise ModelFailure(FailureKind.UNEXPECTED, f"{chat.what}: a choice without a message")
    if getattr(message, "refusal", None):
        raise ModelFailure(FailureKind.REFUSAL, f"{chat.what}: the model refused")
    if finish == "length":
        raise ModelFailure(
            FailureKind.LENGTH, f"{chat.what}: the answer outgrew {max_tokens} output tokens"
        )
    content = getattr(message, "content", None)
    if not isinstance(content, str):
        raise ModelFailure(FailureKind.MALFORMED, f"{chat.what}: no text in the answer")
    return content


def complete_json(
    chat: ChatModel,
    messages: list[dict[str, str]],
    *,
    output: type[T],
    name: str,
    max_tokens: int,
    reasks: int = 0,
) -> tuple[T, Usage]:
    """The parsed answer and the usage of every call made for it. Raises ModelFailure
    (carrying that usage) when no usable answer came; never anything else."""
    body = chat.request(messages, name, output, max_tokens)
    usage = Usage()
    malformed = 0
    for _ in range(1 + reasks):
        # plain dicts are the wire format; the SDK's TypedDict overloads add nothing here
        completions: Any = chat.client.chat.completions
        try:
            completion = completions.create(**body)
        except Exception as exc:
            failure = describe(exc, chat.what)
            failure.usage = usage
            HEALTH.record_failure("chat", chat.deployment, failure)
            raise failure from exc
        HEALTH.record_ok(
            "chat", chat.deployment, served_model=str(getattr(completion, "model", ""))
        )
        try:
            usage = usage.plus(_billed(chat, completion))
            content = _answer(chat, completion, body.get("max_tokens") or max_tokens)
        except ModelFailure as failure:
            failure.usage = usage
            raise
        except Exception as exc:  # a response of an undocumented shape
            raise ModelFailure(
                FailureKind.UNEXPECTED,
                f"{chat.what}: unreadable response ({type(exc).__name__})",
                usage=usage,
            ) from exc
        try:
            return output.model_validate(json.loads(content)), usage
        except (json.JSONDecodeError, ValidationError, TypeError):
            malformed += 1
    raise ModelFailure(
        FailureKind.MALFORMED,
        f"{chat.what}: malformed structured output {malformed} time(s)",
        usage=usage,
    )
