"""One retry policy for model calls: the SDK's own (it honours ``retry-after-ms``, then
``retry-after``), bounded so that a step always ends inside the function timeout.

The openai SDK retries 408/409/429/5xx and timeouts ``max_retries`` times, waiting what the
server asks for up to 120 s. Two bounds are added here, in the HTTP transport the SDK sends
through:
- a retry whose wait is longer than ``max_wait_seconds`` is not made: the response is
  marked ``x-should-retry: false``, which the SDK obeys, and the caller falls back now
  instead of holding a worker for a minute;
- inside ``step_budget(seconds)`` no retry starts that cannot end before the step's
  deadline, each attempt's timeout is cut to the time left, and once it is spent a call
  fails at once with BudgetExhausted.
Durable Functions' activity retry stays the outer layer, for steps that raise.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import httpx2
import openai

from core.llm.failures import retry_after_seconds

# The SDK's own backoff when the server names no wait (openai._constants): 0.5 s doubling
# up to 8 s.
SDK_MAX_BACKOFF_SECONDS = 8.0
# An attempt needs at least this long to be worth starting.
MIN_ATTEMPT_SECONDS = 1.0
# Status codes the SDK retries (openai._base_client.BaseClient._should_retry).
RETRIED_STATUSES = frozenset({408, 409, 429})

clock: Callable[[], float] = time.monotonic  # replaceable: bench/llm_faults.py fakes time
_deadline: ContextVar[float | None] = ContextVar("model_call_deadline", default=None)


class BudgetExhausted(openai.OpenAIError):
    """No time left in this step for another model call. An OpenAIError, so the SDK passes
    it on at once instead of retrying it."""


@contextmanager
def step_budget(seconds: float | None) -> Iterator[None]:
    """Model calls in this block end within ``seconds`` (a nested budget can only shorten)."""
    if seconds is None:
        yield
        return
    deadline = clock() + seconds
    outer = _deadline.get()
    token = _deadline.set(deadline if outer is None else min(deadline, outer))
    try:
        yield
    finally:
        _deadline.reset(token)


def remaining() -> float | None:
    """Seconds left in the current step's budget; None outside any budget."""
    deadline = _deadline.get()
    return None if deadline is None else deadline - clock()


def _retried(status: int) -> bool:
    return status in RETRIED_STATUSES or status >= 500


class BoundedRetryTransport(httpx2.BaseTransport):
    """Wraps the real transport; see the module docstring for the two bounds."""

    def __init__(self, inner: httpx2.BaseTransport, *, max_wait_seconds: float) -> None:
        self._inner = inner
        self.max_wait_seconds = max_wait_seconds

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        left = remaining()
        if left is not None:
            if left < MIN_ATTEMPT_SECONDS:
                raise BudgetExhausted("the step's time for model calls is spent")
            timeout = dict(request.extensions.get("timeout") or {})
            for phase in ("connect", "read", "write", "pool"):
                current = timeout.get(phase)
                timeout[phase] = left if current is None else min(float(current), left)
            request.extensions = {**request.extensions, "timeout": timeout}
        response = self._inner.handle_request(request)
        if _retried(response.status_code) and not self._may_retry(response):
            response.headers["x-should-retry"] = "false"
        return response

    def _may_retry(self, response: httpx2.Response) -> bool:
        asked = retry_after_seconds(response.headers)
        if asked is not None and asked > self.max_wait_seconds:
            return False
        left = remaining()
        if left is None:
            return True
        wait = asked if asked is not None else SDK_MAX_BACKOFF_SECONDS
        return wait + MIN_ATTEMPT_SECONDS <= left

    def close(self) -> None:
        self._inner.close()
