"""One HTTP attempt to HubSpot through the official SDK's request builder, and the retry loop.

Why not `HubSpot.api_request` as is: it sends with `requests.<method>(...)` with no timeout
(a hung socket would hang an activity forever), opens a new connection per call, prints
errors to stdout, and returns error responses without raising. So the SDK's own `Request`
builds each call (base URL, bearer auth, JSON body, query string, exactly as `api_request`
would) and we send it on one pooled `requests.Session` with a timeout, then classify the
response here.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import requests
from pydantic import BaseModel

from hubspot.errors import HubSpotUnavailable, error_for_response, parse_error_body
from hubspot.hubspot import HubSpot
from hubspot.ratelimit import DailyLimitExhausted, RateLimiter
from hubspot.utils.requests.http_request_builder import Request

log = logging.getLogger(__name__)

RETRYABLE_STATUSES = frozenset({500, 502, 503, 504})
BACKOFF_BASE_SECONDS = 0.5
BACKOFF_CAP_SECONDS = 30.0
USER_AGENT = "email-triage (hubspot-api-client)"

T = TypeVar("T")


class Transient(Exception):
    """A failure worth retrying: 429, a 5xx, a dropped or timed-out connection."""

    def __init__(
        self, reason: str, *, retry_after: float | None = None, rate_limited: bool = False
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        # A 429 proves HubSpot did not carry the request out; a 5xx or a drop does not.
        self.rate_limited = rate_limited


class ClientStats(BaseModel):
    """Counters for benchmarks and logs; a snapshot, safe to keep."""

    calls: int = 0
    retries: int = 0
    retry_wait_seconds: float = 0.0
    rate_limit_waits: int = 0
    rate_limit_wait_seconds: float = 0.0
    statuses: dict[str, int] = {}


@dataclass
class _Counters:
    calls: int = 0
    retries: int = 0
    retry_wait_seconds: float = 0.0
    statuses: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass(frozen=True)
class Call:
    """One HubSpot request: what it is (for errors and logs) and how to send it."""

    method: str
    path: str
    what: str
    qs: Mapping[str, Any] | None = None
    body: Any = None
    required_scope: str | None = None


class Transport:
    """Sends `Call`s with rate limiting, a timeout, error classification and retries."""

    def __init__(
        self,
        access_token: str,
        base_url: str,
        *,
        limiter: RateLimiter,
        timeout_seconds: float,
        max_retry_seconds: float,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        if not access_token:
            raise ValueError("HubSpot access token is empty; set HUBSPOT_ACCESS_TOKEN")
        base_url = base_url.rstrip("/")
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"HUBSPOT_BASE_URL {base_url!r} must start with http:// or https://")
        self.sdk = HubSpot(
            access_token=access_token, base_url=base_url, host=base_url, user_agent=USER_AGENT
        )
        self.limiter = limiter
        self.timeout_seconds = timeout_seconds
        self.max_retry_seconds = max_retry_seconds
        self._sleep = sleep
        self._clock = clock
        self._jitter = jitter
        self._session = requests.Session()
        self._counters = _Counters()

    def close(self) -> None:
        self._session.close()

    # --- one attempt --------------------------------------------------------------------
    def send_once(self, call: Call) -> requests.Response:
        """One attempt: the 2xx response, or Transient, or a HubSpotError subclass."""
        options: dict[str, Any] = {"method": call.method, "path": call.path}
        if call.qs:
            options["qs"] = dict(call.qs)
        if call.body is not None:
            options["body"] = call.body
        request = Request(self.sdk.config, options)
        self.limiter.acquire()
        self._count_call()
        try:
            response = self._session.request(
                request.get_method(),
                request.get_url(),
                timeout=self.timeout_seconds,
                **request.get_options_for_sending(),
            )
        except (
            requests.ConnectionError,
            requests.Timeout,
            requests.exceptions.ChunkedEncodingError,  # connection cut mid-body
        ) as exc:
            self._count_status(type(exc).__name__)
            log.info("HubSpot %s: %s", call.what, type(exc).__name__)
            raise Transient(f"{type(exc).__name__} on {call.what}") from exc
        self._count_status(str(response.status_code))
        self.limiter.observe(response.headers)
        status = response.status_code
        if 200 <= status < 300:
            return response
        body = parse_error_body(response.content)
        log.info(
            "HubSpot %s answered %s %s (correlationId %s)",
            call.what,
            status,
            body.category,
            body.correlation_id,
        )
        if status == 429:
            if body.policy_name == "DAILY":
                raise DailyLimitExhausted(
                    f"HubSpot's daily request limit is spent ({call.what} refused, policy "
                    "DAILY); polling resumes when HubSpot resets it",
                    status=429,
                    category=body.category,
                    correlation_id=body.correlation_id,
                )
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if retry_after is not None:
                # Bounded: a long Retry-After must not freeze every caller of this process
                # beyond the retry budget; with_retries gives up on it instead.
                self.limiter.pause(min(retry_after, self.max_retry_seconds))
            raise Transient(
                f"429 {body.policy_name or 'rate limit'}",
                retry_after=retry_after,
                rate_limited=True,
            )
        if status in RETRYABLE_STATUSES:
            raise Transient(f"{status} {body.category or ''}".strip())
        raise error_for_response(status, body, what=call.what, required_scope=call.required_scope)

    # --- retries ------------------------------------------------------------------------
    def with_retries(
        self, what: str, attempt: Callable[[], T], *, retry_only_429: bool = False
    ) -> T:
        """Run `attempt` until it returns, retrying Transient failures with exponential
        backoff and jitter (or the server's Retry-After), for at most max_retry_seconds.

        retry_only_429: for calls that are not idempotent, where a 5xx or dropped
        connection may hide a request HubSpot did carry out.
        """
        start = self._clock()
        tries = 0
        while True:
            tries += 1
            try:
                return attempt()
            except Transient as exc:
                if retry_only_429 and not exc.rate_limited:
                    raise HubSpotUnavailable(
                        what, seconds=self._clock() - start, attempts=tries, last_error=exc.reason
                    ) from exc
                delay = self.backoff_delay(tries, exc.retry_after)
                elapsed = self._clock() - start
                if elapsed + delay > self.max_retry_seconds:
                    raise HubSpotUnavailable(
                        what, seconds=elapsed, attempts=tries, last_error=exc.reason
                    ) from exc
                self._count_retry(delay)
                self._sleep(delay)

    def backoff_delay(self, tries: int, retry_after: float | None) -> float:
        """Retry-After when HubSpot sent one; else exponential with equal jitter."""
        if retry_after is not None:
            return max(0.0, retry_after)
        ceiling = min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2 ** (tries - 1))
        return ceiling / 2 + ceiling / 2 * self._jitter()

    def request(self, call: Call, *, idempotent: bool = True) -> requests.Response:
        return self.with_retries(
            call.what, lambda: self.send_once(call), retry_only_429=not idempotent
        )

    # --- counters -----------------------------------------------------------------------
    def stats(self) -> ClientStats:
        limiter = self.limiter.stats
        with self._counters.lock:
            return ClientStats(
                calls=self._counters.calls,
                retries=self._counters.retries,
                retry_wait_seconds=self._counters.retry_wait_seconds,
                rate_limit_waits=limiter.waits,
                rate_limit_wait_seconds=limiter.waited_seconds,
                statuses=dict(self._counters.statuses),
            )

    def _count_call(self) -> None:
        with self._counters.lock:
            self._counters.calls += 1

    def _count_status(self, key: str) -> None:
        with self._counters.lock:
            self._counters.statuses[key] = self._counters.statuses.get(key, 0) + 1

    def _count_retry(self, delay: float) -> None:
        with self._counters.lock:
            self._counters.retries += 1
            self._counters.retry_wait_seconds += delay


def parse_retry_after(raw: str | None) -> float | None:
    """Retry-After in seconds (delta-seconds or an HTTP date), or None if absent/unreadable."""
    if raw is None:
        return None
    raw = raw.strip()
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
