"""Time to draft: from an email's arrival in HubSpot to its draft comment on the thread,
with polling only, with webhooks, and with half or all of the webhooks lost.

    python -m bench.webhook_latency [--interval 10] [--rates 30,120] [--window 10]
                                    [--singles 3] [--json]

Real time, not virtual: the emulator, the webhook calls, the gateway and the local Durable
host all run on the wall clock, and both ends of each figure are HubSpot's own timestamps
(the inbound message's and the comment's `createdAt`). The poll timer fires every
`--interval` wall seconds in every mode (the safety net stays on); production's default is
120 s, so polling-only figures there grow by about (120 - interval) / 2 s on average, and
webhook figures do not move. HubSpot's rate limit is on: the emulator enforces 100 requests
per 10 s and the app's client paces itself to it. Offline embedder and extractive drafter.

Scenarios: single emails arriving at a random moment between timer ticks (one at a time),
then Poisson arrivals at each rate for `--window` seconds.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.common import machine, print_json, print_table, run_benchmark

MODES: dict[str, dict[str, Any]] = {
    "polling": {"url": None},
    "webhooks": {"drop_fraction": 0.0},
    "webhooks, half lost": {"drop_fraction": 0.5},
    "webhooks, all lost": {"drop_fraction": 1.0},
}
RATE_LIMIT_PER_10S = 100


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (no interpolation: with few samples, a real sample)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


class Injector(threading.Thread):
    """Injects one email at each offset (wall seconds from start), on time, whatever the
    host is doing; a thread, since the host's loop blocks while a poll runs."""

    def __init__(self, stack: Any, offsets: list[float], label: str) -> None:
        super().__init__(daemon=True)
        self.stack, self.offsets, self.label = stack, offsets, label
        self.threads: list[str] = []

    def run(self) -> None:
        start = time.monotonic()
        for number, offset in enumerate(self.offsets):
            time.sleep(max(0.0, start + offset - time.monotonic()))
            result = self.stack.emulator.inject_email(
                from_email=f"{self.label}.{number}.{time.monotonic_ns()}@mailbox.example",
                subject="Battery range",
                text="Hi, how far can I ride the city e-bike on one battery charge? Thanks",
            )
            self.threads.append(result["threadId"])


def configure(stack: Any, mode: str, seed: int) -> None:
    from core.settings import get_settings
    from localdev.stack import WEBHOOK_SECRET

    config = {
        "url": get_settings().hubspot_webhook_url,
        "client_secret": WEBHOOK_SECRET,
        "drop_fraction": 0.0,
        "seed": seed,
        **MODES[mode],
    }
    stack.emulator.admin("POST", "/_emulator/webhooks", config)


def latencies(thread_ids: list[str]) -> tuple[list[float], int]:
    """Seconds from each thread's inbound email to its first comment; and how many have
    none (read back through the app's own rate-limited client)."""
    from pipeline.services import hubspot

    client = hubspot()
    found: list[float] = []
    missing = 0
    for thread_id in thread_ids:
        messages = client.list_messages(thread_id)
        arrived = min(
            (m.created_at for m in messages if m.type == "MESSAGE" and m.created_at), default=None
        )
        drafted = min(
            (m.created_at for m in messages if m.type == "COMMENT" and m.created_at), default=None
        )
        if arrived is None or drafted is None:
            missing += 1
        else:
            found.append((drafted - arrived).total_seconds())
    return found, missing


def run_scenario(
    stack: Any, mode: str, offsets: list[float], interval: float, label: str, seed: int
) -> dict[str, Any]:
    from localdev.http_gateway import run_host_until

    configure(stack, mode, seed)
    injector = Injector(stack, offsets, label)
    injector.start()

    def all_drafted() -> bool:
        if injector.is_alive():
            return False
        posts = stack.emulator.stats()["comment_posts_by_thread"]
        return all(t in posts for t in injector.threads)

    budget = max(offsets, default=0) + 3 * interval + 60
    run_host_until(stack.host, all_drafted, timeout=budget, timer_every=interval)
    injector.join()
    values, missing = latencies(injector.threads)
    return {
        "scenario": label,
        "mode": mode,
        "emails": len(injector.threads),
        "p50_s": round(percentile(values, 0.5), 2) if values else None,
        "p95_s": round(percentile(values, 0.95), 2) if values else None,
        "max_s": round(max(values), 2) if values else None,
        "not_drafted": missing,
    }


def poisson_offsets(rate_per_min: float, window: float, rng: random.Random) -> list[float]:
    offsets: list[float] = []
    at = rng.expovariate(rate_per_min / 60)
    while at < window:
        offsets.append(at)
        at += rng.expovariate(rate_per_min / 60)
    return offsets or [window / 2]


def run(interval: float, rates: list[float], window: float, singles: int) -> dict[str, Any]:
    from localdev.stack import LocalStack

    rng = random.Random(16)
    rows: list[dict[str, Any]] = []
    started = time.perf_counter()
    settings = {"HUBSPOT_RATE_LIMIT_PER_10S": str(RATE_LIMIT_PER_10S)}
    with (
        tempfile.TemporaryDirectory() as tmp,
        LocalStack(
            data_dir=Path(tmp),
            seed="empty",
            persist_ledger=False,
            webhooks=True,
            settings=settings,
            rate_limit_per_10s=RATE_LIMIT_PER_10S,
        ) as stack,
    ):
        stack.ingest_sample_kb()
        stack.poll_once()  # warm-up: models loaded, tables made, before anything is timed
        for mode in ("webhooks", "polling"):
            singles_rows = [
                run_scenario(stack, mode, [rng.uniform(0, interval)], interval, "single", n)
                for n in range(singles)
            ]
            rows.append(_merge(singles_rows, "single email", mode, stack))
            _progress(rows[-1])
        for rate in rates:
            offsets = poisson_offsets(rate, window, rng)
            for number, mode in enumerate(MODES):
                label = f"{rate:g}/min"
                rows.append(run_scenario(stack, mode, offsets, interval, label, number))
                _progress(rows[-1])
    return {
        "machine": machine(),
        "time": "real (wall clock)",
        "timer_interval_s": interval,
        "window_s": window,
        "rate_limit_per_10s": RATE_LIMIT_PER_10S,
        "seconds": round(time.perf_counter() - started, 1),
        "rows": rows,
    }


def _merge(rows: list[dict[str, Any]], label: str, mode: str, stack: Any) -> dict[str, Any]:
    """Single-email samples pooled into one row (percentiles over the samples)."""
    values = [r["max_s"] for r in rows if r["max_s"] is not None]
    return {
        "scenario": label,
        "mode": mode,
        "emails": sum(r["emails"] for r in rows),
        "p50_s": round(percentile(values, 0.5), 2) if values else None,
        "p95_s": round(percentile(values, 0.95), 2) if values else None,
        "max_s": round(max(values), 2) if values else None,
        "not_drafted": sum(r["not_drafted"] for r in rows),
    }


def _progress(row: dict[str, Any]) -> None:
    print(
        f"  {row['scenario']:>12} {row['mode']:<20} {row['emails']} emails, p95 {row['p95_s']} s",
        file=sys.stderr,
        flush=True,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.webhook_latency",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    parser.add_argument(
        "--interval",
        type=float,
        default=10.0,
        help="poll timer interval in wall seconds (default 10; production's is 120)",
    )
    parser.add_argument(
        "--rates",
        default="30,120",
        help="comma-separated arrival rates in emails per minute (default 30,120)",
    )
    parser.add_argument(
        "--window", type=float, default=10.0, help="seconds of arrivals per rate (default 10)"
    )
    parser.add_argument(
        "--singles", type=int, default=3, help="single-email samples per mode (default 3)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    rates = [float(r) for r in args.rates.split(",") if r.strip()]
    result = run(args.interval, rates, args.window, args.singles)
    if args.json:
        print_json(result)
        return 0
    print(
        f"{result['machine']}; {result['time']}; poll timer every {args.interval:g} s; "
        f"HubSpot limit {RATE_LIMIT_PER_10S} req/10 s; {result['seconds']} s in all"
    )
    print_table(
        "seconds from an email's arrival in HubSpot to its draft comment",
        ("scenario", "mode", "emails", "p50 s", "p95 s", "max s", "not drafted"),
        [
            (
                r["scenario"],
                r["mode"],
                r["emails"],
                r["p50_s"],
                r["p95_s"],
                r["max_s"],
                r["not_drafted"],
            )
            for r in result["rows"]
        ],
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(run_benchmark("webhook_latency", main))
