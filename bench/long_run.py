"""A long run: a stream of new emails through the whole local stack with the faults on,
sampled after every poll: memory of each process, orchestration history and table rows per
email, throughput; the exactly-once check at the end.

    python -m bench long_run [--emails 20000] [--per-poll 1000] [--no-faults] [--json]

Emails arrive --per-poll at a time, one arrival before each poll, so the run is many polls
of steady work rather than one backlog. The storage faults of `python -m bench faults`'s
"all together" run are on throughout (503, 500, resets, slow, lost responses), and Qdrant
is slow (20 ms a call) for part of the first poll; the knowledge base's unreachable and
restart faults are left to `bench faults`. After each poll the purge runs as its hourly
timer would (triggers/purge.py) at the host's clock, with short retentions
(history 3 minutes, email text 15 minutes) so that a bounded history and text store show
within the run. The stub LLM and embeddings stand in for the models.

Columns per sample: emails decided so far; RSS in MiB of this process alone (the Durable
host, the app, embedded Qdrant, the fault proxy) and the thousands of small-object blocks
its live Python objects hold (sys.getallocatedblocks: objects of up to 512 bytes, most of
what an app keeps); RSS of Azurite, the HubSpot emulator and the OpenAI stub (its own
processes); orchestration instances and history KiB kept (after the purge) and history
bytes per email decided in that poll; ledger rows, text-store rows and thread rows per
email; emails per second in that poll.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.common import machine, print_json, print_table, run_benchmark

COMMAND = "python -m bench long_run"
HEADERS = [
    *("poll", "emails", "host MiB", "host py blocks k", "azurite MiB", "emulator MiB", "stub MiB"),
    *("instances", "history KiB", "history B/email", "rows/email", "texts", "emails/s"),
]


def rss_mib(pid: int | None, children: bool = True) -> float:
    """Resident memory of one process and (``children``) its children, from /proc. The
    host's own is measured without: Azurite, the emulator and the stub are its children,
    and counting them twice once made their growth look like the host's."""
    if pid is None:
        return 0.0
    total = 0
    for proc in [pid, *(_children(pid) if children else [])]:
        try:
            for line in Path(f"/proc/{proc}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    kids = [int(p) for p in text.split()]
    return kids + [g for k in kids for g in _children(k)]


class Sampler:
    """After each poll: purge as the timer would, then measure."""

    def __init__(self, stub_pid: int | None) -> None:
        self.stub_pid = stub_pid
        self.samples: list[dict[str, Any]] = []
        self._decided = 0
        self._history_bytes = 0
        self._last = time.perf_counter()

    def __call__(self, stack: Any, poll: int) -> None:
        from ledger.models import FINAL_STATES
        from pipeline.services import settings
        from triggers.purge import purge

        host = stack.host
        now = time.perf_counter()
        seconds, self._last = now - self._last, now
        new_history = sum(_history_bytes(i) for i in host.instances.values())
        asyncio.run(purge(host.client(), settings(), now=host.now()))
        book = _direct(stack)
        records = book.all_records()
        decided = sum(1 for r in records if r.state in FINAL_STATES)
        fresh = decided - self._decided
        grown = new_history - self._history_bytes
        kept = sum(_history_bytes(i) for i in host.instances.values())
        self._decided, self._history_bytes = decided, kept
        self.samples.append(
            {
                "poll": poll,
                "emails": decided,
                "host_mib": rss_mib(os.getpid(), children=False),
                "host_python_blocks_k": sys.getallocatedblocks() / 1000,
                "azurite_mib": rss_mib(stack.azurite.process.pid),
                "emulator_mib": rss_mib(stack.emulator.process.pid),
                "stub_mib": rss_mib(self.stub_pid),
                "instances": len(host.instances),
                "history_kib": kept / 1024,
                "history_bytes_per_email": grown / fresh if fresh > 0 else 0.0,
                "rows_per_email": (len(records) + _count(book.threads)) / max(decided, 1),
                "texts": book.texts.count(),
                "emails_per_s": fresh / seconds if seconds else 0.0,
            }
        )
        row = self.samples[-1]
        print(f"  sample {json.dumps(row, default=str)}", file=sys.stderr, flush=True)


def _history_bytes(instance: Any) -> int:
    return len(json.dumps(instance.history, default=str).encode())


def _count(table: Any) -> int:
    return sum(1 for _ in table.list_entities(select=["RowKey"]))


def _direct(stack: Any) -> Any:
    from bench.fault_run import _direct_ledger

    return _direct_ledger(stack.azurite.connection_string)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(
        prog=COMMAND, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--emails", type=int, default=20_000, help="emails (default 20000)")
    parser.add_argument("--per-poll", type=int, default=1000, help="arrivals per poll")
    parser.add_argument("--no-faults", action="store_true", help="the same run without faults")
    parser.add_argument("--seed", type=int, default=23, help="seed of the fault draws")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)

    logging.disable(logging.INFO)
    from bench.fault_run import QdrantPlan, Scenario, all_together, run
    from localdev.openai_stub.server import OpenAIStub
    from localdev.stack import environment

    together = all_together(args.seed)
    scenario = (
        Scenario("no faults")
        if args.no_faults
        else Scenario("storage faults, qdrant slow", together.table, QdrantPlan(slow_ms=20))
    )
    batches = max(1, -(-args.emails // args.per_poll))
    retention = {"HISTORY_RETENTION_HOURS": "0.05", "EMAIL_TEXT_RETENTION_HOURS": "0.25"}
    with OpenAIStub() as stub, environment(retention):
        sampler = Sampler(stub.process.pid if stub.process else None)
        result = run(
            scenario,
            args.emails,
            stub.base_url,
            batches=batches,
            max_cycles=batches * 3 + 10,
            on_cycle=sampler,
        )
    samples = sampler.samples
    working = [s for s in samples if s["emails_per_s"] > 0]
    head, tail = working[: max(1, len(working) // 4)], working[-max(1, len(working) // 4) :]
    summary = {
        "throughput_start": sum(s["emails_per_s"] for s in head) / max(len(head), 1),
        "throughput_end": sum(s["emails_per_s"] for s in tail) / max(len(tail), 1),
    }
    if args.json:
        print_json(
            {
                "machine": machine(),
                "command": " ".join([COMMAND, *argv]),
                "samples": samples,
                "result": result,
                **summary,
            }
        )
    else:
        print_table(
            f"Long run: {args.emails} emails, {args.per_poll} a poll, {scenario.name} "
            f"({machine()}); stub LLM and embeddings",
            HEADERS,
            [list(s.values()) for s in samples],
        )
        print(
            f"  emails/s at the start {summary['throughput_start']:.2f}, at the end "
            f"{summary['throughput_end']:.2f}; exactly once: {result['comments_posted']} "
            f"comments for {result['due']} due, duplicates {result['duplicates']}, lost "
            f"{result['lost']}, cursor past an open email {result['cursor_violations']}; "
            f"storage faults {result['storage_faults']}, activity retries "
            f"{result['activity_retries']}; {result['polls']} polls "
            f"({result['failed_polls']} failed), {result['seconds']:.0f} s"
        )
        print(f"  command: {' '.join([COMMAND, *argv])}")
    from bench.faults import broken

    return 1 if broken(result) else 0


if __name__ == "__main__":
    raise SystemExit(run_benchmark("long_run", main))
