"""The whole pipeline on a backlog: emails/s, HubSpot calls per email, the pipeline's own CPU
per email, peak memory; then the same under HubSpot's 100 requests / 10 s limit.

    python -m bench.pipeline [--emails 2000] [--limited-emails 200] [--windows 1,3]
                             [--latency-ms 0] [--json]

`--windows` runs the backlog once per POLL_BATCH_WINDOW (batch sub-orchestrations in
flight; 1 = one batch after another); `--latency-ms` adds that much to every HubSpot
request in the emulator, so a batch waits for its slowest thread as it would in Azure.

The production function_app runs on the local Durable host; the HubSpot emulator and the
OpenAI-compatible stub (chat and embeddings) run in their own processes, so this process's
CPU time is the pipeline's own: orchestration, ledger calls, triage, rendering, HTTP clients.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.common import machine, peak_rss_mib, print_json, print_table, run_benchmark


def run_case(
    emails: int, rate_limit: int | None, llm_url: str, window: int = 3, latency_ms: int = 0
) -> dict[str, Any]:
    from localdev.stack import LocalStack

    settings = {
        "LLM_PROVIDER": "openai_compatible",
        "OPENAI_BASE_URL": llm_url,
        "OPENAI_API_KEY": "stub-key",
        "EMBEDDING_PROVIDER": "openai_compatible",
        "EMBEDDING_MODEL": "stub-embedding",
        "EMBEDDING_PRICE_PER_1M": "0",  # a stand-in's model has no list price
        "POLL_MAX_THREADS_PER_RUN": "500",
        "HUBSPOT_RATE_LIMIT_PER_10S": str(rate_limit or 1000),
        "POLL_BATCH_WINDOW": str(window),
    }
    with (
        tempfile.TemporaryDirectory() as tmp,
        LocalStack(
            data_dir=Path(tmp),
            seed="empty",
            persist_ledger=False,
            settings=settings,
            rate_limit_per_10s=rate_limit,
        ) as stack,
    ):
        assert stack.emulator is not None and stack.host is not None
        stack.ingest_sample_kb()
        stack.emulator.bulk(emails)
        if latency_ms:
            stack.emulator.set_faults(latency_ms=latency_ms)
        requests_before = stack.emulator.stats()["total_requests"]
        cpu0, wall0 = time.process_time(), time.perf_counter()
        decided = 0
        cycles = 0
        while True:
            cycles += 1
            summary = stack.poll_once(timeout=7200)
            new = sum(summary.get("counts", {}).values())
            decided += new
            print(f"  cycle {cycles}: {decided}/{emails} emails", file=sys.stderr, flush=True)
            if summary["backlog"] == 0 and not new:
                break
        wall = time.perf_counter() - wall0
        cpu = time.process_time() - cpu0
        stats = stack.emulator.stats()
        calls = stats["total_requests"] - requests_before
        failed = sum(1 for r in _records() if r.state == "failed")
        row: dict[str, Any] = {
            "case": f"{emails} emails, window {window}"
            + (f", {latency_ms} ms HubSpot latency" if latency_ms else "")
            + (f", {rate_limit}/10s limit" if rate_limit else ""),
            "emails_per_s": decided / wall,
            "hubspot_calls_per_email": calls / max(decided, 1),
            "cpu_ms_per_email": cpu * 1000 / max(decided, 1),
            # of which: the SDK replaying orchestrator histories (the Functions worker does
            # the same in Azure)
            "replay_ms_per_email": stack.host.stats.replay_seconds * 1000 / max(decided, 1),
            "wall_s": wall,
            "failed": failed,
            "peak_rss_mib": peak_rss_mib(),
        }
        per_activity = {
            name: seconds * 1000 / max(decided, 1)
            for name, seconds in sorted(stack.host.stats.activity_cpu_seconds.items())
        }
        row["activity_cpu_ms_per_email"] = ", ".join(
            f"{name} {ms:.1f}" for name, ms in per_activity.items() if ms >= 0.5
        )
        if rate_limit:
            row["call_rate_vs_allowed"] = (calls / wall) / (rate_limit / 10)
        return row


def _records() -> list[Any]:
    from pipeline.services import ledger

    return ledger().all_records()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.pipeline",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--emails", type=int, default=2000, help="backlog size (default 2000)")
    parser.add_argument(
        "--limited-emails",
        type=int,
        default=200,
        help="backlog for the rate-limited case (default 200; 0 skips it)",
    )
    parser.add_argument(
        "--windows", default="3", help="POLL_BATCH_WINDOW values for the backlog (default 3)"
    )
    parser.add_argument(
        "--latency-ms", type=int, default=0, help="added to every HubSpot request (default 0)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    windows = [int(w) for w in args.windows.split(",")]

    from localdev.openai_stub.server import OpenAIStub

    rows = []
    with OpenAIStub() as stub:
        for window in windows:
            print(f"backlog of {args.emails} emails, window {window} ...", file=sys.stderr)
            rows.append(run_case(args.emails, None, stub.base_url, window, args.latency_ms))
        if args.limited_emails:
            print(f"{args.limited_emails} emails at 100 requests / 10 s ...", file=sys.stderr)
            rows.append(
                run_case(args.limited_emails, 100, stub.base_url, windows[-1], args.latency_ms)
            )
    if args.json:
        print_json({"machine": machine(), "results": rows})
    else:
        headers = sorted({k for r in rows for k in r}, key=list(rows[-1]).index)
        print_table(
            f"Pipeline on a backlog ({machine()}); stub LLM and embeddings",
            headers,
            [[r.get(h, "") for h in headers] for r in rows],
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(run_benchmark("pipeline", main))
