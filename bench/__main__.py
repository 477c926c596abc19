"""`make bench` / `python -m bench [NAME ...] [--json]`: run the benchmarks and print figures.

Each benchmark is also a module of its own with a --help (python -m bench.<name> --help);
options after one name go to that benchmark (python -m bench faults --emails 500).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from bench.common import run_benchmark

BENCHMARKS = {
    "durable_host": "local Durable host overhead: fan-out and sub-orchestrations",
    "emulator_throughput": "HubSpot emulator requests/s on loopback",
    "hubspot_storm": "HubSpot client under a 429 storm and 5xx: exactly-once posts",
    "triage_throughput": "cleaning + language + must-not-answer over the SpamAssassin corpus",
    "peer_cleaning": "cleaning on 236 peer reply-parser fixtures: right per set, time per email",
    "retrieval_eval": "Zaragoza FAQ retrieval: recall@1/5, MRR@10 (sparse, dense, hybrid)",
    "draft_eval": "drafts for labelled emails: answered correctly, wrong, abstained, routed",
    "rag_ingest": "ingestion throughput and query latency at 10,000 chunks",
    "history_size": "orchestration history bytes per email: seed inbox and a 3,000-token email",
    "pipeline": "the whole pipeline on a 2,000-email backlog and under 100 req/10 s",
    "pathological": "pathological emails through triage: time and peak memory per case",
    "worker_memory": "worker peak RSS: 8 activities at once, worst emails, largest KB files",
    "injection": "prompt-injection screen: recall on attempts, false positives on normal mail",
    "webhook_latency": "time to draft: polling only vs webhooks (and half lost), p50/p95",
    "llm_faults": "model calls per email under each Azure OpenAI fault: calls, drafter, seconds",
    "faults": "exactly once under Table Storage and Qdrant faults, each and all together",
    "long_run": "20,000 emails with faults on: memory per process, history, rows, emails/s",
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Run benchmarks (all by default) and print their tables.",
        epilog="\n".join(f"  {name:20} {text}" for name, text in BENCHMARKS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help="benchmarks to run (default: all)",
    )
    parser.add_argument("--json", action="store_true", help="JSON output from each benchmark")
    args, extra = parser.parse_known_args(argv)
    if extra and len(args.names) != 1:
        parser.error(f"options {' '.join(extra)} go to one benchmark: name exactly one")
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)} (see --help)")
    failures = 0
    for name in args.names or list(BENCHMARKS):
        print(f"\n== {name}: {BENCHMARKS[name]}", flush=True)
        module = importlib.import_module(f"bench.{name}")
        # a dependency that does not answer: one line, then the next benchmark
        code = run_benchmark(name, module.main, [*extra, *(["--json"] if args.json else [])])
        failures += int(code != 0)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
