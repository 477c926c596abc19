"""`triage run`: the whole pipeline locally, on the local stand-ins, until the inbox is done."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from localdev.stack import DEFAULT_DATA_DIR, SAMPLE_KB, LocalStack

COLUMNS = ("thread", "subject", "decision", "language", "intent", "confidence", "sources", "time")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "run",
        help="run the pipeline locally against the local stand-ins",
        description=(
            "Start Azurite (ledger on disk under DATA_DIR), the HubSpot emulator with its seed "
            "inbox, embedded Qdrant with the sample knowledge base, and the local Durable host "
            "running function_app.py; fire the poll timer until a cycle finds nothing new, then "
            "print one row per email. A second run posts nothing new: the ledger remembers. "
            "LLM_PROVIDER and its settings are read from the environment (default: none, the "
            "offline extractive drafter)."
        ),
    )
    parser.add_argument("--once", action="store_true", help="run a single poll cycle")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help=f"where the ledger (Azurite) and Qdrant keep their files (default {DEFAULT_DATA_DIR})",
    )
    parser.add_argument(
        "--knowledge-base",
        type=Path,
        default=SAMPLE_KB,
        help="folder or zip to ingest before polling (default: the sample knowledge base)",
    )
    parser.add_argument(
        "--max-cycles", type=int, default=20, help="stop after this many poll cycles (default 20)"
    )
    parser.add_argument(
        "--webhooks",
        action="store_true",
        help="also wire the emulator's signed webhook calls to /api/hubspot/webhook, then "
        "inject a few new emails and show them drafted within seconds, the timer idle",
    )
    parser.add_argument(
        "--serve",
        action="store_true",
        help="keep the emulator running afterwards so its inbox page can be opened (Ctrl-C ends)",
    )
    parser.set_defaults(func=run)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _ingest_progress(stage: str, done: int, total: int) -> None:
    if done == total or done % 50 == 0:
        _say(f"  {stage}: {done}/{total}")


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    _say("starting Azurite, the HubSpot emulator and the local Durable host ...")
    with LocalStack(data_dir=args.data_dir, webhooks=args.webhooks) as stack:
        assert stack.emulator is not None
        _say(f"ingesting {args.knowledge_base} into embedded Qdrant ...")
        report = stack.ingest_sample_kb(args.knowledge_base, progress=_ingest_progress)
        _say(
            f"knowledge base: {len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.removed)} removed, {len(report.skipped)} unchanged or skipped"
        )
        outcomes: list[dict[str, Any]] = []
        cycles = 0
        while cycles < (1 if args.once else args.max_cycles):
            cycles += 1
            summary = stack.poll_once()
            # Each email's outcome is in the ledger (the poll's summary keeps counts and
            # the problems only, so its history stays small).
            decided = _emails_of_run(summary["run_id"])
            progress = [d for d, n in summary.get("counts", {}).items() if d != "not_claimed" and n]
            # Thread-level failures (HubSpot unreachable...) are retried by the next cycle;
            # show each once.
            troubles = [o for o in summary["outcomes"] if not o["message_id"]]
            outcomes += decided + [t for t in troubles if t not in outcomes]
            _say(
                f"poll cycle {cycles}: {summary['found']} threads with activity, "
                f"{len(decided)} emails decided, {len(troubles)} threads in trouble, "
                f"{summary['backlog']} left for the next cycle"
            )
            if summary["backlog"] == 0 and not progress:
                break
        webhook_rows: list[dict[str, Any]] = []
        if args.webhooks:
            from localdev.webhook_demo import show_webhooks

            _say("webhooks on: new emails arrive; the timer stays idle ...")
            webhook_rows = show_webhooks(stack)
        result = {
            "cycles": cycles,
            "seconds": round(time.perf_counter() - started, 1),
            "emails": outcomes,
            "inbox_page": f"{stack.emulator.base_url}/_emulator/ui",
        }
        if args.webhooks:
            result["webhook_emails"] = webhook_rows
        if args.json:
            print(json.dumps(result, indent=2))
        else:
            _print_table(outcomes)
            counts: dict[str, int] = {}
            for o in outcomes:
                counts[o["decision"]] = counts.get(o["decision"], 0) + 1
            print(f"\n{len(outcomes)} emails in {cycles} cycles, {result['seconds']} s: {counts}")
            if not outcomes:
                print("nothing new: every email is already final in the ledger")
            print(f"inbox page: {result['inbox_page']}" + ("" if args.serve else "  (use --serve)"))
            for row in webhook_rows:
                print(f"webhook: {row['subject']!r} drafted={row['drafted']} in {row['seconds']} s")
        if args.serve:
            _say("serving the emulator; Ctrl-C to stop")
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                pass
    return 0


def _emails_of_run(run_id: str) -> list[dict[str, Any]]:
    """One row per email the run claimed, from the ledger (oldest first)."""
    from pipeline.services import ledger

    records = [r for r in ledger().all_records() if r.owner == run_id]
    records.sort(key=lambda r: (r.received_at is None, r.received_at, r.message_id))
    return [
        {
            "thread_id": r.thread_id,
            "message_id": r.message_id,
            "subject": r.subject,
            "decision": r.state,
            "reason": r.reason,
            "language": r.language,
            "intent": r.intent,
            "confidence": r.confidence,
            "sources": len(r.sources),
            "seconds": (r.updated_at - r.claimed_at).total_seconds()
            if r.updated_at and r.claimed_at
            else 0.0,
        }
        for r in records
    ]


def _print_table(outcomes: list[dict[str, Any]]) -> None:
    rows = [
        (
            o["thread_id"],
            (o.get("subject") or "")[:40],
            o["decision"]
            + (f" ({o['reason'][:40]})" if o["decision"] != "posted" and o.get("reason") else ""),
            o.get("language") or "",
            o.get("intent") or "",
            "" if o.get("confidence") is None else f"{o['confidence']:.2f}",
            str(o.get("sources", 0)),
            f"{o.get('seconds', 0):.1f}s",
        )
        for o in outcomes
    ]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(COLUMNS)]
    print("  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
