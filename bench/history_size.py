"""Orchestration history bytes per email: the seed inbox and one long (3,000-token) email.

    python -m bench.history_size [--tokens 3000] [--json]

The production function_app runs on the local Durable host against the HubSpot emulator and
Azurite (offline drafter). Bytes are the JSON of every history event, output and custom
status each instance holds, plus the activity inputs the real host keeps in its
TaskScheduled events (bench/history_meter.py). The real host reloads all of it on every
replay and keeps it after the instance ends, until it is purged.

Columns: bytes_per_email_mean = every instance's bytes (poll, batches, threads) over the
emails decided; payload_per_email = the same counting only what the app puts in (inputs,
results, outputs, custom status), without the framework's event envelopes (~100 bytes per
event); thread_payload_max = the largest share of one thread in its batch (the inputs and
results of its activities); batch_* = one triage_batch instance. The long-email case is a
run with that one email, so the poll's and the batch's fixed costs fall on it alone.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.common import machine, print_json, print_table, run_benchmark
from bench.history_meter import HistoryMeter

_SENTENCES = (
    "I bought the Nordvik Trail {n} in spring and the battery now loses charge overnight.",
    "The display shows error E{n} after about {n} minutes of riding uphill.",
    "I already tried the reset described in the manual, twice, without any change.",
    "My neighbour has the same model and his bike does not show this at all.",
    "Could you tell me whether this is covered by the warranty, and how long a repair takes?",
    "I use the bike every day to commute {n} kilometres, so I need it back quickly.",
    "If a replacement battery is possible, please send the price and the delivery time.",
    "The workshop in town said they need a confirmation from you before they open it.",
)


def long_email_text(tokens: int) -> str:
    """Plausible customer prose of about `tokens` tokens (cl100k), in paragraphs."""
    from core.tokens import count_tokens

    paragraphs: list[str] = []
    n = 0
    while count_tokens("\n\n".join(paragraphs)) < tokens:
        paragraph = " ".join(s.format(n=n * 7 + i) for i, s in enumerate(_SENTENCES))
        paragraphs.append(paragraph)
        n += 1
    return "Hello support,\n\n" + "\n\n".join(paragraphs) + "\n\nBest regards,\nLena Berg"


def run_case(case: str, tokens: int) -> dict[str, Any]:
    from localdev.stack import LocalStack
    from pipeline.services import ledger

    seed = "default" if case == "seed inbox" else "empty"
    with (
        tempfile.TemporaryDirectory() as tmp,
        LocalStack(data_dir=Path(tmp), seed=seed, persist_ledger=False) as stack,
    ):
        assert stack.emulator is not None and stack.host is not None
        meter = HistoryMeter(stack.host)
        stack.ingest_sample_kb()
        if case != "seed inbox":
            text = long_email_text(tokens)
            html = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
            stack.emulator.inject_email(
                from_email="lena.berg@example.com",
                from_name="Lena Berg",
                subject="Battery loses charge overnight",
                text=text,
                html=f"<html><body>{html}</body></html>",
            )
        # One cycle does the whole inbox (fewer threads than a run takes); a second would
        # replace the poller instance, whose history is part of the figure.
        summary = stack.poll_once()
        assert summary["backlog"] == 0, summary["backlog"]
        emails = len(ledger().all_records())
        sizes = meter.by_orchestrator()
        # Each thread's own share of its batch: its activities' inputs and results.
        quoted_ids = {f'"{r.thread_id}"' for r in ledger().all_records()}  # as inputs hold them
        thread_payloads = [
            meter.task_payload_bytes(batch, quoted)
            for quoted in quoted_ids
            for batch in meter.scheduled_by(quoted, "triage_batch")
        ]
        batches = sizes.get("triage_batch", [])
        return {
            "case": case if case == "seed inbox" else f"one {tokens}-token email",
            "emails": emails,
            "bytes_per_email_mean": meter.total_bytes() / max(emails, 1),
            # as the local host holds it (no activity inputs): the first measure
            "without_inputs_mean": meter.total_bytes(with_inputs=False) / max(emails, 1),
            # the app's own data only (inputs, results, outputs), no event envelopes
            "payload_per_email": meter.total_payload_bytes() / max(emails, 1),
            "thread_payload_max": max(thread_payloads, default=0),
            "batch_bytes_mean": sum(batches) / max(len(batches), 1),
            "batch_bytes_max": max(batches, default=0),
            "poll_bytes_last": sizes.get("poll", [0])[-1],
            "total_kib": meter.total_bytes() / 1024,
        }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.history_size",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--tokens", type=int, default=3000, help="long email size (default 3000)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    rows = []
    for case in ("seed inbox", "long email"):
        print(f"{case} ...", file=sys.stderr, flush=True)
        rows.append(run_case(case, args.tokens))
    if args.json:
        print_json({"machine": machine(), "results": rows})
    else:
        print_table(
            f"Orchestration history per email ({machine()}); local Durable host, offline drafter",
            list(rows[0]),
            [list(r.values()) for r in rows],
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(run_benchmark("history_size", main))
