"""A bounded retry loop for OpenAI-style calls, on top of the SDK's own retries.

429, 5xx and connection errors are retried with the server's Retry-After (capped) or an
exponential delay. Timeouts are not retried here: the SDK's ``max_retries`` already covers
them, and stacking both would multiply the time a slow endpoint can hold a worker.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import openai

T = TypeVar("T")
MAX_RETRY_AFTER_SECONDS = 60.0


class RetriesExhausted(RuntimeError):
    """Still failing after the allowed attempts; the message names the call and the cause."""


def _retry_after_seconds(exc: Exception) -> float | None:
    response = getattr(exc, "response", None)
    if response is None:
        return None
    value = response.headers.get("retry-after")
    try:
        return min(float(value), MAX_RETRY_AFTER_SECONDS) if value is not None else None
    except ValueError:
        return None


def call_with_retries(
    call: Callable[[], T], *, attempts: int = 4, base_delay: float = 1.0, what: str
) -> T:
    for attempt in range(1, attempts + 1):
        try:
            return call()
        except openai.APITimeoutError:
            raise
        except (
            openai.RateLimitError,
            openai.InternalServerError,
            openai.APIConnectionError,
        ) as exc:
            if attempt == attempts:
                raise RetriesExhausted(f"{what}: gave up after {attempts} attempts: {exc}") from exc
            retry_after = _retry_after_seconds(exc)
            time.sleep(retry_after if retry_after is not None else base_delay * 2 ** (attempt - 1))
    raise AssertionError("unreachable")
