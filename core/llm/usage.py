"""Tokens and cost of model calls, and a meter that collects them per step.

Billed is billed: a call that ended in a fallback (a filtered answer, malformed JSON, a
refusal) still counts. A meter is opened around a piece of work (one email's retrieval and
draft); the embedder, shared by the whole process, adds its calls to whichever meter the
current thread has open, so each email is charged its own query embeddings.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from pydantic import BaseModel, Field


class Usage(BaseModel):
    calls: int = 0  # billed calls (an HTTP error is not billed)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0

    def plus(self, other: Usage) -> Usage:
        return Usage(
            calls=self.calls + other.calls,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            cost_usd=round(self.cost_usd + other.cost_usd, 8),
        )


class UsageMeter(BaseModel):
    by_step: dict[str, Usage] = Field(default_factory=dict)

    def add(self, step: str, usage: Usage) -> None:
        self.by_step[step] = self.by_step.get(step, Usage()).plus(usage)

    def total(self) -> Usage:
        total = Usage()
        for usage in self.by_step.values():
            total = total.plus(usage)
        return total


_meter: ContextVar[UsageMeter | None] = ContextVar("model_usage_meter", default=None)


@contextmanager
def metering() -> Iterator[UsageMeter]:
    """Collect the usage recorded in this thread (and its context) until the block ends."""
    meter = UsageMeter()
    token = _meter.set(meter)
    try:
        yield meter
    finally:
        _meter.reset(token)


def record(step: str, usage: Usage) -> None:
    """Add to the open meter, if any (outside a meter, usage is the caller's to report)."""
    meter = _meter.get()
    if meter is not None:
        meter.add(step, usage)
