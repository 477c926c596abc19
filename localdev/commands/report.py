"""`triage report`: is it helping? Emails by decision, draft outcomes, speed, cost and the
knowledge-base gaps, from the local ledger (or any ledger LEDGER_CONNECTION_STRING names)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import timedelta
from pathlib import Path

from ledger.table_ledger import TableLedger
from localdev.report_page import render_html
from localdev.report_text import render_text
from localdev.stack import DEFAULT_DATA_DIR
from pipeline.report import Report


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report",
        help="what happened to the emails, what agents did with the drafts, KB gaps",
        description=(
            "Read the ledger and print: emails by decision (posted, abstained, routed, "
            "skipped with the reason, failed), what agents did with the drafts (sent as "
            "drafted, edited, rewritten, not used) overall and by intent and language, time "
            "to draft (p50, p95), tokens and cost per email and a month at this rate, and the "
            "questions the knowledge base had no answer for, by topic. Reads the ledger of "
            "LEDGER_CONNECTION_STRING if set, else the local one under --data-dir (Azurite "
            "is started on it for the time of the report)."
        ),
    )
    parser.add_argument(
        "--since", default="7d", help="emails received in this window: 7d, 36h, 90m (default 7d)"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--html", type=Path, metavar="FILE", help="also write an HTML page")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help=f"the local ledger's folder (default {DEFAULT_DATA_DIR})",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pipeline import report as reporting

    try:
        window = reporting.parse_since(args.since)
    except ValueError as exc:
        print(f"triage report: {exc}", file=sys.stderr)
        return 2
    connection = os.environ.get("LEDGER_CONNECTION_STRING")
    endpoint = os.environ.get("LEDGER_TABLE_ENDPOINT")
    if connection or endpoint:
        built = reporting.report(window, book=_ledger(connection, endpoint))
    else:
        built = _local_report(args.data_dir, window)
    if args.html:
        args.html.write_text(render_html(built), encoding="utf-8")
    if args.json:
        print(json.dumps(built.model_dump(mode="json"), indent=2))
    else:
        print(render_text(built))
        if args.html:
            print(f"HTML report: {args.html}")
    return 0


def _ledger(connection: str | None, endpoint: str | None = None) -> TableLedger:
    from ledger.table_ledger import TableLedger

    prefix = os.environ.get("LEDGER_TABLE_PREFIX") or "triage"
    return TableLedger.from_connection(
        connection_string=connection, endpoint=endpoint, prefix=prefix
    )


def _local_report(data_dir: Path, window: timedelta) -> Report:
    from localdev.azurite import Azurite
    from pipeline import report as reporting

    if not (data_dir / "azurite").exists():
        raise FileNotFoundError(f"no local ledger under {data_dir}: run `triage run` first")
    with Azurite(data_dir=data_dir / "azurite") as azurite:
        return reporting.report(window, book=_ledger(azurite.connection_string))
