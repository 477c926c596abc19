"""The client-side rate limiter with an injected clock: budgets, waits, headers, days."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from hubspot.ratelimit import DailyLimitExhausted, RateLimiter, safety_margin
from tests import hubspot_fixtures
from tests.hubspot_fixtures import FakeClock

# Fixtures bound as module names (an assignment does not trip ruff's F811).
fake_clock = hubspot_fixtures.fake_clock


def limiter(clock: FakeClock, per_interval: int = 20, **kwargs: object) -> RateLimiter:
    return RateLimiter(per_interval, clock=clock, sleep=clock.sleep, **kwargs)  # type: ignore[arg-type]


def test_margin_keeps_a_few_slots_free() -> None:
    assert safety_margin(100) == 5
    assert safety_margin(190) == 10
    assert safety_margin(200) == 10
    assert safety_margin(1) == 0


def test_budget_then_blocks_until_the_oldest_slot_leaves(fake_clock: FakeClock) -> None:
    rl = limiter(fake_clock, 20)  # budget 19
    waits = [rl.acquire() for _ in range(19)]
    assert waits == [0.0] * 19
    assert fake_clock.sleeps == []
    waited = rl.acquire()
    assert waited == pytest.approx(10.0)
    assert rl.stats.waits == 1
    assert rl.stats.waited_seconds == pytest.approx(10.0)
    assert rl.stats.acquired == 20


def test_rolling_window_frees_slots_gradually(fake_clock: FakeClock) -> None:
    rl = limiter(fake_clock, 3)  # budget 2
    rl.acquire()
    fake_clock.sleep(4)
    rl.acquire()
    fake_clock.sleeps.clear()
    assert rl.acquire() == pytest.approx(6.0)  # the first slot leaves at t+10
    assert rl.acquire() == pytest.approx(4.0)  # then the second at t+14


def test_pause_holds_every_caller(fake_clock: FakeClock) -> None:
    rl = limiter(fake_clock)
    rl.pause(3.5)
    assert rl.acquire() == pytest.approx(3.5)


def test_server_headers_lower_the_budget_and_book_foreign_use(fake_clock: FakeClock) -> None:
    rl = limiter(fake_clock, 190)
    rl.observe(
        {
            "X-HubSpot-RateLimit-Max": "100",
            "X-HubSpot-RateLimit-Remaining": "96",
            "X-HubSpot-RateLimit-Interval-Milliseconds": "10000",
        }
    )
    assert rl.budget == 95
    # HubSpot saw 4 requests we did not make (another process): only 91 are left for us.
    for _ in range(91):
        assert rl.acquire() == 0.0
    assert rl.acquire() > 0


def test_server_max_never_raises_the_configured_limit(fake_clock: FakeClock) -> None:
    rl = limiter(fake_clock, 100)
    rl.observe({"x-hubspot-ratelimit-max": "190"})
    assert rl.budget == 95


def test_daily_budget_is_enforced_and_resets_next_day(fake_clock: FakeClock) -> None:
    day = [date(2026, 11, 25)]
    rl = limiter(fake_clock, 100, daily_limit=3, today=lambda: day[0])
    for _ in range(3):
        rl.acquire()
    with pytest.raises(DailyLimitExhausted, match="HUBSPOT_DAILY_LIMIT"):
        rl.acquire()
    day[0] = date(2026, 11, 26)
    assert rl.acquire() == 0.0


def test_concurrent_callers_never_exceed_the_budget(fake_clock: FakeClock) -> None:
    rl = limiter(fake_clock, 11)  # budget 10; the fake clock only moves when someone sleeps
    granted: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(5):
            rl.acquire()
            with lock:
                granted.append(fake_clock())

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert len(granted) == 30
    granted.sort()
    for index, at in enumerate(granted):
        in_window = [g for g in granted[: index + 1] if g > at - 10.0]
        assert len(in_window) <= 10


def test_daily_headers_count_use_by_other_processes(fake_clock: FakeClock) -> None:
    rl = limiter(fake_clock, 100, daily_limit=1000, today=lambda: date(2026, 11, 25))
    rl.observe({"X-HubSpot-RateLimit-Daily": "500", "X-HubSpot-RateLimit-Daily-Remaining": "2"})
    # HubSpot's own daily limit (500) is the lower one: 498 are spent, 2 are left.
    for _ in range(2):
        rl.acquire()
    with pytest.raises(DailyLimitExhausted):
        rl.acquire()
