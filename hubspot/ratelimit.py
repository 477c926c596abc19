"""Client-side HubSpot rate limiter: a rolling 10-second budget plus a daily budget.

HubSpot counts requests per private app across every process using its token, so the
limiter also listens to the `X-HubSpot-RateLimit-*` headers: when HubSpot reports fewer
requests left than we think, the difference is booked as used now (conservative: it
expires one interval later). A 429's Retry-After pauses every caller of this limiter.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from hubspot.errors import HubSpotError

DEFAULT_INTERVAL_SECONDS = 10.0
HEADER_REMAINING = "x-hubspot-ratelimit-remaining"
HEADER_MAX = "x-hubspot-ratelimit-max"
HEADER_INTERVAL_MS = "x-hubspot-ratelimit-interval-milliseconds"
HEADER_DAILY = "x-hubspot-ratelimit-daily"
HEADER_DAILY_REMAINING = "x-hubspot-ratelimit-daily-remaining"


class DailyLimitExhausted(HubSpotError):
    """The day's request budget is spent; blocking until tomorrow would outlive any run."""


def safety_margin(limit: int) -> int:
    """Slots kept free below HubSpot's limit (5%, at least 1): room for clock skew and
    for other tools sharing the token."""
    return max(1, math.ceil(limit * 0.05)) if limit > 1 else 0


def utc_today() -> date:
    return datetime.now(UTC).date()


@dataclass
class LimiterStats:
    acquired: int = 0
    waits: int = 0
    waited_seconds: float = 0.0


class RateLimiter:
    """Thread-safe. `acquire()` blocks until a request may be sent and returns the seconds
    it waited. Clock, sleep and the day are injectable for tests."""

    def __init__(
        self,
        per_interval: int = 100,
        daily_limit: int = 250_000,
        *,
        interval_seconds: float = DEFAULT_INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        today: Callable[[], date] = utc_today,
    ) -> None:
        if per_interval < 1:
            raise ValueError(f"per_interval must be at least 1, got {per_interval}")
        if daily_limit < 1:
            raise ValueError(f"daily_limit must be at least 1, got {daily_limit}")
        self._configured = per_interval
        self._limit = per_interval
        self._interval = interval_seconds
        self._configured_daily = daily_limit
        self._daily_limit = daily_limit
        self._clock = clock
        self._sleep = sleep
        self._today = today
        self._lock = threading.Lock()
        self._sent: deque[float] = deque()
        self._paused_until = 0.0
        self._day = today()
        self._day_used = 0
        self.stats = LimiterStats()

    @property
    def budget(self) -> int:
        """Requests we allow ourselves per interval: HubSpot's limit minus the margin."""
        return max(1, self._limit - safety_margin(self._limit))

    @property
    def interval_seconds(self) -> float:
        return self._interval

    def acquire(self) -> float:
        """Take one slot, sleeping as long as needed; the seconds waited."""
        waited = 0.0
        while True:
            with self._lock:
                delay = self._delay_locked()
                if delay <= 0:
                    self._sent.append(self._clock())
                    self._day_used += 1
                    self.stats.acquired += 1
                    if waited > 0:
                        self.stats.waits += 1
                        self.stats.waited_seconds += waited
                    return waited
            self._sleep(delay)
            waited += delay

    def pause(self, seconds: float) -> None:
        """Hold every caller for `seconds` (a 429's Retry-After)."""
        with self._lock:
            self._paused_until = max(self._paused_until, self._clock() + max(0.0, seconds))

    def observe(self, headers: Mapping[str, str]) -> None:
        """Adjust to HubSpot's view from a response's rate-limit headers (case-insensitive)."""
        lowered = {k.lower(): v for k, v in headers.items()}
        with self._lock:
            interval_ms = _int(lowered.get(HEADER_INTERVAL_MS))
            if interval_ms and interval_ms > 0:
                self._interval = interval_ms / 1000
            server_max = _int(lowered.get(HEADER_MAX))
            if server_max and server_max > 0:
                # Never exceed what we were configured for, even if HubSpot allows more.
                self._limit = min(self._configured, server_max)
            remaining = _int(lowered.get(HEADER_REMAINING))
            if remaining is not None:
                self._expire_locked(self._clock())
                used_by_server = (server_max or self._limit) - remaining
                missing = used_by_server - len(self._sent)
                now = self._clock()
                for _ in range(max(0, missing)):
                    self._sent.append(now)
            daily_remaining = _int(lowered.get(HEADER_DAILY_REMAINING))
            if daily_remaining is not None:
                self._roll_day_locked()
                server_daily = _int(lowered.get(HEADER_DAILY)) or self._configured_daily
                self._daily_limit = min(self._configured_daily, server_daily)
                self._day_used = max(self._day_used, server_daily - daily_remaining)

    # --- internals ----------------------------------------------------------------------
    def _delay_locked(self) -> float:
        now = self._clock()
        self._roll_day_locked()
        if self._day_used >= self._daily_limit:
            raise DailyLimitExhausted(
                f"HubSpot daily request budget of {self._daily_limit} is spent for "
                f"{self._day} (HUBSPOT_DAILY_LIMIT); polling resumes tomorrow"
            )
        if self._paused_until > now:
            return self._paused_until - now
        self._expire_locked(now)
        if len(self._sent) < self.budget:
            return 0.0
        # Wait until the oldest slot in the window leaves it.
        return max(1e-3, self._sent[0] + self._interval - now)

    def _expire_locked(self, now: float) -> None:
        while self._sent and self._sent[0] + self._interval <= now:
            self._sent.popleft()

    def _roll_day_locked(self) -> None:
        today = self._today()
        if today != self._day:
            self._day = today
            self._day_used = 0


def _int(raw: str | None) -> int | None:
    if raw is None:
        return None
    try:
        return int(raw.strip())
    except ValueError:
        return None
