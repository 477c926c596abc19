"""HubSpot's per-token rolling 10-second window (TEN_SECONDLY_ROLLING) and daily counter."""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass, field

WINDOW_SECONDS = 10.0
DAILY_LIMIT = 250_000
UNLIMITED_MAX = 1_000_000  # reported as Max when limiting is off, so clients never throttle


@dataclass
class Decision:
    allowed: bool
    headers: dict[str, str]
    retry_after_seconds: int = 0
    policy_name: str = "TEN_SECONDLY_ROLLING"


@dataclass
class _Bucket:
    window: deque[float] = field(default_factory=deque)
    daily_used: int = 0


class RollingWindowLimiter:
    """Counts each request of a token in the last 10 s; `limit` None or 0 turns it off."""

    def __init__(self, limit: int | None = None, daily_limit: int = DAILY_LIMIT) -> None:
        self.limit = limit or None
        self.daily_limit = daily_limit
        self._buckets: dict[str, _Bucket] = {}

    def reset(self) -> None:
        self._buckets.clear()

    def check(self, token: str, now: float | None = None) -> Decision:
        """Record one request (when allowed) and say whether it may proceed."""
        now = time.monotonic() if now is None else now
        bucket = self._buckets.setdefault(token, _Bucket())
        window = bucket.window
        while window and window[0] <= now - WINDOW_SECONDS:
            window.popleft()
        limit = self.limit
        if bucket.daily_used >= self.daily_limit:
            # HubSpot's daily window resets at midnight in the portal's zone; here it
            # lasts until reset() (tests), and Retry-After says "an hour".
            return Decision(False, self._headers(bucket, limit), 3600, "DAILY")
        if limit is not None and len(window) >= limit:
            retry = max(1, math.ceil(window[0] + WINDOW_SECONDS - now))
            return Decision(False, self._headers(bucket, limit), retry)
        window.append(now)
        bucket.daily_used += 1
        return Decision(True, self._headers(bucket, limit))

    def _headers(self, bucket: _Bucket, limit: int | None) -> dict[str, str]:
        max_ = limit if limit is not None else UNLIMITED_MAX
        return {
            "X-HubSpot-RateLimit-Max": str(max_),
            "X-HubSpot-RateLimit-Remaining": str(max(0, max_ - len(bucket.window))),
            "X-HubSpot-RateLimit-Interval-Milliseconds": str(int(WINDOW_SECONDS * 1000)),
            "X-HubSpot-RateLimit-Daily": str(self.daily_limit),
            "X-HubSpot-RateLimit-Daily-Remaining": str(
                max(0, self.daily_limit - bucket.daily_used)
            ),
        }
