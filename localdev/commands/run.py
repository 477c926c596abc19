"""`triage run`: the whole pipeline locally, on the local stand-ins, until the inbox is done."""

from __future__ import annotations

import argparse
import json
import logging
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
            "print one row per email. The ledger and the emulator's inbox (with the comments "
            "posted on it) are kept side by side in DATA_DIR and resumed together: a second "
            "run posts nothing new, and `triage run --serve` shows the first run's drafts on "
            "the inbox page. --fresh (or deleting DATA_DIR, `make clean`) starts both afresh; "
            "if only one of the two is found, both start afresh. LLM_PROVIDER and its "
            "settings are read from the environment (default: none, the offline extractive "
            "drafter)."
        ),
    )
    parser.add_argument("--once", action="store_true", help="run a single poll cycle")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="where the ledger (Azurite), the emulator's inbox, Qdrant and the logs keep "
        f"their files (default {DEFAULT_DATA_DIR}, in the current directory)",
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="discard the saved ledger and emulator inbox in DATA_DIR and start both afresh "
        "(the knowledge base is kept)",
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
        help="keep the emulator running afterwards so its inbox page can be opened, with the "
        "drafts of this run and of earlier runs on DATA_DIR (Ctrl-C ends)",
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="print the app's JSON log lines here too (default: only to DATA_DIR/logs/run.log)",
    )
    parser.add_argument(
        "--no-agent-demo",
        action="store_true",
        help="do not play the agents: by default, after the inbox is drafted, the emulator "
        "sends a few agent replies made from the drafts (as is, edited, rewritten, another "
        "answer) and one more poll records what the agents did, for the report; then the "
        "knowledge-base feedback demo: new emails on a topic the knowledge base lacks, the "
        "agents' answers grouped into a suggestion, accepted into a copy of the knowledge base "
        "(DATA_DIR/knowledge-base) and ingested, the next email answered from it; and drafts "
        "whose 299 SEK the agents change to 349 SEK, which raise a stale-article alert",
    )
    parser.set_defaults(func=run)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _ingest_progress(stage: str, done: int, total: int) -> None:
    if done == total or done % 50 == 0:
        _say(f"  {stage}: {done}/{total}")


def _log_to_file(data_dir: Path, verbose: bool) -> Path:
    """The app's structured log lines go to a file (and to stderr with --verbose) instead of
    between the progress lines; configure_logging() then adds no handler of its own."""
    from core.telemetry import StructuredFormatter

    path = data_dir / "logs" / "run.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(StructuredFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    if verbose:
        loud = logging.StreamHandler()
        loud.setFormatter(StructuredFormatter())
        root.addHandler(loud)
    return path


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    log_file = _log_to_file(args.data_dir, args.verbose)
    _say(f"app logs: {log_file}" + ("" if args.verbose else " (--verbose prints them here)"))
    _say("starting Azurite, the HubSpot emulator and the local Durable host ...")
    with LocalStack(data_dir=args.data_dir, webhooks=args.webhooks, fresh=args.fresh) as stack:
        assert stack.emulator is not None
        _say(stack.state_note)
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
        played: dict[str, int] = {}
        if not args.once and not args.no_agent_demo:
            played = play_agents(
                stack,
                [
                    o
                    for o in outcomes
                    if o["decision"] == "posted" and o.get("answer") == "answered"
                ],
            )
            if played:
                kinds = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in played.items())
                _say(f"demo: the emulator plays the agents: {kinds}; polling once more ...")
                summary = stack.poll_once()
                cycles += 1
                _say(f"poll cycle {cycles}: {summary['found']} threads with activity")
        learned: dict[str, Any] | None = None
        if not args.once and not args.no_agent_demo and outcomes:
            from localdev.feedback_demo import show_feedback

            _say(
                "demo: the knowledge base learns from the agents (new emails on a topic it "
                "lacks, the agents' answers, a suggestion accepted; drafts with a fact changed) ..."
            )
            learned = show_feedback(stack, args.knowledge_base, args.data_dir).model_dump()
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
        from pipeline.report import report as build_report

        summary_report = build_report()
        result["report"] = summary_report.model_dump(mode="json")
        if played:
            result["agent_demo"] = played
        if learned is not None:
            result["kb_feedback_demo"] = learned
        if args.json:
            print(json.dumps(result, indent=2))
        else:
            _print_table(outcomes)
            counts: dict[str, int] = {}
            for o in outcomes:
                counts[o["decision"]] = counts.get(o["decision"], 0) + 1
            print(f"\n{len(outcomes)} emails in {cycles} cycles, {result['seconds']} s: {counts}")
            if not outcomes:
                print(
                    "nothing new: every email is already final in the ledger; the earlier "
                    "drafts are on the inbox page (--fresh starts afresh)"
                )
            print(f"inbox page: {result['inbox_page']}" + ("" if args.serve else "  (use --serve)"))
            for row in webhook_rows:
                print(f"webhook: {row['subject']!r} drafted={row['drafted']} in {row['seconds']} s")
            from localdev.report_text import render_text

            print()
            print(render_text(summary_report, short=True))
            if played:
                print("  (outcomes come from the emulated agent replies above: a demo)")
            if learned is not None:
                print(_learned_line(learned))
            print("  full report: triage report [--html FILE]")
        if args.serve:
            _say("serving the emulator; Ctrl-C to stop")
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                pass
    return 0


# The demo's replies, in order of the posted drafts: each kind a few times.
AGENT_DEMO: tuple[tuple[str, dict[str, Any]], ...] = (
    ("as_is", {"draft": "as_is"}),
    ("edited", {"draft": "edited"}),
    ("rewritten", {"draft": "rewritten"}),
    (
        "another_answer",
        {
            "text": "Thanks for waiting. I have passed this on to our workshop team; they will "
            "call you tomorrow morning to sort it out."
        },
    ),
)
AGENT_DEMO_REPEAT = 2


def play_agents(stack: Any, posted: list[dict[str, Any]]) -> dict[str, int]:
    """Send agent replies on the first posted drafts' threads through the emulator's admin
    API (a demo of the draft-outcome loop); returns how many of each kind were sent."""
    played: dict[str, int] = {}
    plan = [kind for kind in AGENT_DEMO for _ in range(AGENT_DEMO_REPEAT)]
    threads = list(dict.fromkeys(o["thread_id"] for o in posted))
    for (name, body), thread_id in zip(plan, threads, strict=False):
        stack.emulator.admin("POST", "/_emulator/agent-replies", {"thread_id": thread_id, **body})
        played[name] = played.get(name, 0) + 1
    return played


def _learned_line(learned: dict[str, Any]) -> str:
    """The knowledge-base feedback demo's figures (its alerts are in the report above)."""
    asked = ", ".join(f"asked {s['asked']}x {s['languages']}" for s in learned["suggestions"])
    return (
        f"  kb feedback demo: {learned['topic_emails']} emails on a topic the knowledge base "
        f"lacks, {learned['topic_correct_before']} answered correctly; suggestions: "
        f"{asked or 'none'}; accepted as {learned['accepted']}; the next email: "
        f"{learned['follow_up_decision']}, correct {learned['follow_up_correct']}; "
        f"stale-article alerts: {len(learned['alerts'])}"
    )


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
            "answer": r.answer_decision,  # answered | abstained | routed, for posted comments
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


ANSWER_LABELS = {"abstained": "no grounded answer", "routed": "needs a person"}


def _decision_cell(outcome: dict[str, Any]) -> str:
    """posted, posted (no grounded answer | needs a person), or skipped/failed (reason)."""
    decision = str(outcome["decision"])
    if decision == "posted":
        label = ANSWER_LABELS.get(str(outcome.get("answer") or ""))
        return f"posted ({label})" if label else decision
    reason = outcome.get("reason")
    return f"{decision} ({reason[:40]})" if reason else decision


def _print_table(outcomes: list[dict[str, Any]]) -> None:
    rows = [
        (
            o["thread_id"],
            (o.get("subject") or "")[:40],
            _decision_cell(o),
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
