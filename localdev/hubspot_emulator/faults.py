"""Injected faults: latency, 5xx, spurious 429s and dropped connections, all drawn from
one seeded `random.Random` so a run with the same seed and request order repeats; and a
paging cursor that repeats (deterministic, not drawn)."""

from __future__ import annotations

import random
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FaultKind = Literal["drop", "error_5xx", "rate_429", "lost_response"]


class FaultConfig(BaseModel):
    """Body of POST /_emulator/faults; fields left out keep their current value."""

    model_config = ConfigDict(extra="forbid")
    latency_ms: int = Field(0, ge=0, le=60_000)
    error_5xx_fraction: float = Field(0.0, ge=0, le=1)
    rate_429_fraction: float = Field(0.0, ge=0, le=1)
    drop_fraction: float = Field(0.0, ge=0, le=1)
    # The request is carried out (a comment is created) but the connection closes before
    # the response: what makes idempotent posting necessary.
    lost_response_fraction: float = Field(0.0, ge=0, le=1)
    # Paged listings answer every follow-up page with the cursor they were asked for, so
    # `paging.next.after` repeats forever: what the client's paging guard must stop.
    repeat_paging_cursor: bool = False
    rate_limit_per_10s: int | None = Field(None, ge=0)
    daily_limit: int = Field(250_000, ge=1)
    seed: int = 0


class FaultInjector:
    def __init__(self, config: FaultConfig | None = None) -> None:
        self.config = config or FaultConfig()
        self.rng = random.Random(self.config.seed)

    def configure(self, config: FaultConfig) -> None:
        self.config = config
        self.rng = random.Random(config.seed)

    def draw(self) -> FaultKind | None:
        """One draw per HubSpot API request; None means serve it normally."""
        cfg = self.config
        if not (
            cfg.drop_fraction
            or cfg.error_5xx_fraction
            or cfg.rate_429_fraction
            or cfg.lost_response_fraction
        ):
            return None
        roll = self.rng.random()
        if roll < cfg.drop_fraction:
            return "drop"
        roll -= cfg.drop_fraction
        if roll < cfg.error_5xx_fraction:
            return "error_5xx"
        roll -= cfg.error_5xx_fraction
        if roll < cfg.rate_429_fraction:
            return "rate_429"
        roll -= cfg.rate_429_fraction
        if roll < cfg.lost_response_fraction:
            return "lost_response"
        return None

    def choose_5xx(self) -> int:
        return self.rng.choice((500, 502, 503))
