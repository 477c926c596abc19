"""Host overhead of the local Durable host: fan-out of no-op activities and sub-orchestrations.

    python -m bench.durable_host [--json] [--sizes 100,1000,5000]

Each case runs in a fresh subprocess so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Generator, Sequence
from typing import Any

from bench.common import machine, peak_rss_mib, print_json, print_table, run_benchmark


def _build_app() -> Any:
    import azure.durable_functions as df

    app = df.DFApp()

    @app.activity_trigger(input_name="value")
    def noop(value: int) -> int:
        return value

    @app.orchestration_trigger(context_name="context")
    def fan_out(context: df.DurableOrchestrationContext) -> Generator[Any, Any, int]:
        n = int(context.get_input())
        results = yield context.task_all([context.call_activity("noop", i) for i in range(n)])
        return len(results)

    @app.orchestration_trigger(context_name="context")
    def parent(context: df.DurableOrchestrationContext) -> Generator[Any, Any, int]:
        n = int(context.get_input())
        children = [context.call_sub_orchestrator("fan_out", 10, f"child-{i}") for i in range(n)]
        results = yield context.task_all(children)
        return sum(results)

    return app


def run_case(kind: str, size: int) -> dict[str, Any]:
    import asyncio

    from localdev.durable_host import LocalDurableHost

    with LocalDurableHost(_build_app()) as host:
        name = "fan_out" if kind == "fan-out" else "parent"
        started = time.perf_counter()
        cpu_started = time.process_time()
        asyncio.run(host.client().start_new(name, "bench", size))
        host.run_until_idle(timeout=3600)
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        status = host.instances["bench"]
        activities = size if kind == "fan-out" else size * 10
        assert status.status == "Completed", status.error
        return {
            "case": kind if kind == "fan-out" else f"{size} sub-orchs x 10",
            "activities": activities,
            "wall_s": wall,
            "cpu_s": cpu,
            "ms_per_activity": wall * 1000 / activities,
            "replays": host.stats.replays,
            "replay_s": host.stats.replay_seconds,
            "peak_rss_mib": peak_rss_mib(),
        }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.durable_host", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--sizes", default="100,1000,5000", help="fan-out sizes (comma list)")
    parser.add_argument("--subs", type=int, default=100, help="sub-orchestrations of 10 each")
    parser.add_argument("--case", help=argparse.SUPPRESS)  # internal: one case, JSON out
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.case:
        print(json.dumps(run_case(args.case, args.size)))
        return 0
    cases = [("fan-out", int(s)) for s in args.sizes.split(",")] + [("subs", args.subs)]
    rows = []
    for kind, size in cases:
        print(f"running {kind} {size} ...", file=sys.stderr, flush=True)
        out = subprocess.run(
            [sys.executable, "-m", "bench.durable_host", "--case", kind, "--size", str(size)],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    if args.json:
        print_json({"machine": machine(), "results": rows})
    else:
        print_table(
            f"Local Durable host overhead ({machine()}); no-op activities",
            list(rows[0]),
            [list(r.values()) for r in rows],
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(run_benchmark("durable_host", main))
