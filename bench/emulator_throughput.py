"""Throughput of the HubSpot emulator: list-messages requests/s on loopback.

    .venv/bin/python -m bench.emulator_throughput [--threads 4] [--seconds 5] [--json]

The emulator runs in its own subprocess (uvicorn, rate limiting off) seeded with N bulk
threads; client threads send GET .../threads/{id}/messages round-robin over the threads,
each on one keep-alive http.client connection. Figures are for the machine it runs on.
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import statistics
import threading
import time
from collections.abc import Sequence
from typing import Any

from bench.common import machine, print_json, print_table, run_benchmark
from localdev.hubspot_emulator import EmulatorServer

PATH = "/conversations/v3/conversations/threads/{}/messages"


def _worker(
    port: int,
    token: str,
    thread_ids: list[str],
    offset: int,
    stop_at: float,
    latencies: list[float],
    errors: list[int],
) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Authorization": f"Bearer {token}"}
    i = offset
    while time.perf_counter() < stop_at:
        started = time.perf_counter()
        connection.request("GET", PATH.format(thread_ids[i % len(thread_ids)]), headers=headers)
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - started)
        if response.status != 200:
            errors.append(response.status)
        i += 1
    connection.close()


def _measure(
    server: EmulatorServer, thread_ids: list[str], threads: int, seconds: float
) -> dict[str, Any]:
    per_thread: list[list[float]] = [[] for _ in range(threads)]
    errors: list[int] = []
    stop_at = time.perf_counter() + seconds
    started = time.perf_counter()
    workers = [
        threading.Thread(
            target=_worker,
            args=(server.port, server.token, thread_ids, n * 97, stop_at, per_thread[n], errors),
        )
        for n in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    latencies = sorted(x for lat in per_thread for x in lat)
    count = len(latencies)
    return {
        "client_threads": threads,
        "requests": count,
        "seconds": round(elapsed, 2),
        "requests_per_second": round(count / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 2) if count else None,
        "p95_ms": round(latencies[int(count * 0.95)] * 1000, 2) if count else None,
        "non_200": len(errors),
    }


def run(thread_counts: Sequence[int], seconds: float, bulk: int) -> dict[str, Any]:
    with EmulatorServer(seed="empty") as server:
        created = server.bulk(bulk)
        first = int(created["firstThreadId"])
        thread_ids = [str(first + i) for i in range(bulk)]
        # Warm up (first-call paths) before measuring.
        _worker(server.port, server.token, thread_ids, 0, time.perf_counter() + 0.5, [], [])
        rows = [_measure(server, thread_ids, n, seconds) for n in thread_counts]
    return {
        "machine": machine(),
        "server": "uvicorn "
        + ("httptools" if _has("httptools") else "h11")
        + " + "
        + ("uvloop" if _has("uvloop") else "asyncio")
        + ", own subprocess, rate limiting off",
        "client": "http.client keep-alive, one connection per client thread, same machine",
        "endpoint": "GET " + PATH.format("{threadId}") + " (round-robin over the threads)",
        "bulk_threads": bulk,
        "rows": rows,
    }


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--threads", default="1,2,4", help="client thread counts to try (default 1,2,4)"
    )
    parser.add_argument("--seconds", type=float, default=5.0, help="seconds per row (default 5)")
    parser.add_argument("--bulk", type=int, default=2000, help="threads in the inbox (2000)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    counts = [int(part) for part in args.threads.split(",") if part.strip()]
    result = run(counts, args.seconds, args.bulk)
    result["command"] = (
        f"python -m bench.emulator_throughput --threads {args.threads} "
        f"--seconds {args.seconds:g} --bulk {args.bulk}"
    )
    if args.json:
        print_json(result)
        return 0
    print(f"machine: {result['machine']}")
    print(f"server:  {result['server']}")
    print(f"client:  {result['client']}")
    print(f"sizes:   {result['bulk_threads']} threads; {result['endpoint']}")
    print(f"command: {result['command']}")
    rows = result["rows"]
    headers = list(rows[0].keys())
    print_table(
        "HubSpot emulator: list-messages throughput",
        headers,
        [[row[h] for h in headers] for row in rows],
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(run_benchmark("emulator_throughput", main))
