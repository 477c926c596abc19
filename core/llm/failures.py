"""A failed model call as one exception with a kind and a short reason, never a stack of
SDK errors: the fallback, the comment, the log and the report all say the same thing.

Reasons carry status codes, Azure's error codes and setting names, never a prompt or an
answer (which hold the customer's email). Usage travels with the failure: a call that was
billed before it failed (a filtered answer, malformed JSON) still costs money.
"""

from __future__ import annotations

from enum import StrEnum

import openai
from azure.core.exceptions import ClientAuthenticationError

from core.llm.usage import Usage
from core.unreachable import explain

MAX_MESSAGE_CHARS = 200


class FailureKind(StrEnum):
    # the deployment or its access is wrong: an operator must act (ERROR, /api/status)
    AUTH = "auth"  # 401, or no token for the managed identity
    FORBIDDEN = "forbidden"  # 403: the identity has no role on the resource
    NOT_FOUND = "not_found"  # 404: no such deployment, or a wrong api-version / endpoint
    BAD_REQUEST = "bad_request"  # 400 other than the content filter: a request Azure refuses
    # the service is busy or unreachable: it passes
    RATE_LIMITED = "rate_limited"
    UNAVAILABLE = "unavailable"  # 5xx
    TIMEOUT = "timeout"
    CONNECTION = "connection"
    BUDGET = "budget"  # the step's time for model calls ran out
    # this email's answer could not be used
    PROMPT_FILTERED = "prompt_filtered"  # 400 content_filter: the prompt was blocked
    OUTPUT_FILTERED = "output_filtered"  # finish_reason content_filter: the answer was
    REFUSAL = "refusal"
    LENGTH = "length"  # ran out of output tokens
    MALFORMED = "malformed"  # not the structured output asked for
    UNEXPECTED = "unexpected"  # a response of a shape nobody documented, or a bug


CONFIGURATION = frozenset(
    {FailureKind.AUTH, FailureKind.FORBIDDEN, FailureKind.NOT_FOUND, FailureKind.BAD_REQUEST}
)
TRANSIENT = frozenset(
    {
        FailureKind.RATE_LIMITED,
        FailureKind.UNAVAILABLE,
        FailureKind.TIMEOUT,
        FailureKind.CONNECTION,
        FailureKind.BUDGET,
    }
)


class ModelFailure(RuntimeError):
    """A model call that gave nothing usable; ``kind`` for counting, ``reason`` for people."""

    def __init__(
        self,
        kind: FailureKind,
        reason: str,
        *,
        usage: Usage | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{kind.value}: {reason}")
        self.kind = kind
        self.reason = reason
        self.usage = usage or Usage()
        self.retry_after = retry_after

    @property
    def deployment_level(self) -> bool:
        """A failure of the deployment (config or availability), not of one email's answer."""
        return self.kind in CONFIGURATION or self.kind in TRANSIENT


def _short(text: object) -> str:
    line = " ".join(str(text or "").split())
    return line[:MAX_MESSAGE_CHARS] + ("..." if len(line) > MAX_MESSAGE_CHARS else "")


def retry_after_seconds(headers: object) -> float | None:
    """The wait a 429 or 503 asks for: ``retry-after-ms`` first (Azure sends both, the
    milliseconds are the precise one), then ``retry-after`` in seconds."""
    get = getattr(headers, "get", None)
    if get is None:
        return None
    for name, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = get(name)
        if value is None:
            continue
        try:
            return float(value) / divisor
        except ValueError:
            continue
    return None


def describe(exc: BaseException, what: str) -> ModelFailure:
    """The ModelFailure for an exception raised by a call to ``what`` (e.g. "chat deployment
    'triage-gpt'"). Anything unforeseen becomes UNEXPECTED with the exception's type."""
    if isinstance(exc, ModelFailure):
        return exc
    # the budget transport raises an OpenAIError subclass: checked by name, no import cycle
    if type(exc).__name__ == "BudgetExhausted":
        return ModelFailure(FailureKind.BUDGET, f"{what}: {exc}")
    if isinstance(exc, ClientAuthenticationError):
        return ModelFailure(
            FailureKind.AUTH,
            f"{what}: no token for the managed identity ({type(exc).__name__}); set "
            "AZURE_OPENAI_API_KEY or give the app an identity",
        )
    if isinstance(exc, openai.APITimeoutError):
        return ModelFailure(FailureKind.TIMEOUT, f"{what}: no answer within LLM_TIMEOUT_SECONDS")
    if isinstance(exc, openai.APIConnectionError):
        found = explain(exc)  # the setting and address the call went to, never a secret
        return ModelFailure(
            FailureKind.CONNECTION, f"{what}: {found.line() if found else 'connection failed'}"
        )
    if isinstance(exc, openai.APIStatusError):
        return _from_status(exc, what)
    return ModelFailure(FailureKind.UNEXPECTED, f"{what}: {type(exc).__name__}")


def _message(exc: openai.APIStatusError) -> str:
    """The error body's own message (Azure and OpenAI put one in ``error.message``)."""
    body = exc.body
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        return _short(body["message"])
    return _short(exc.message)


def _from_status(exc: openai.APIStatusError, what: str) -> ModelFailure:
    status, code = exc.status_code, exc.code
    coded = f"{status}" + (f" {code}" if code and code != str(status) else "")
    if isinstance(exc, openai.AuthenticationError):
        return ModelFailure(
            FailureKind.AUTH,
            f"{what}: {coded}, the key or token was refused (AZURE_OPENAI_API_KEY or "
            "OPENAI_API_KEY, or the managed identity's token)",
        )
    if isinstance(exc, openai.PermissionDeniedError):
        return ModelFailure(
            FailureKind.FORBIDDEN,
            f"{what}: {coded}, the identity may not call it (on Azure grant it "
            "'Cognitive Services OpenAI User' on the resource)",
        )
    if isinstance(exc, openai.NotFoundError):
        return ModelFailure(
            FailureKind.NOT_FOUND,
            f"{what}: {coded}, no such deployment at this endpoint, or an api-version the "
            "endpoint does not serve (AZURE_OPENAI_API_VERSION)",
        )
    if isinstance(exc, openai.BadRequestError):
        if code == "content_filter":
            return ModelFailure(
                FailureKind.PROMPT_FILTERED,
                f"{what}: 400 content_filter, Azure's content filter blocked the prompt",
            )
        return ModelFailure(FailureKind.BAD_REQUEST, f"{what}: {coded}: {_message(exc)}")
    wait = retry_after_seconds(exc.response.headers)
    if isinstance(exc, openai.RateLimitError):
        asked = f"; it asked to wait {wait:g} s" if wait is not None else ""
        return ModelFailure(
            FailureKind.RATE_LIMITED, f"{what}: 429 rate limited{asked}", retry_after=wait
        )
    if status >= 500:
        return ModelFailure(FailureKind.UNAVAILABLE, f"{what}: {coded} from the service")
    return ModelFailure(FailureKind.BAD_REQUEST, f"{what}: {coded}: {_message(exc)}")
