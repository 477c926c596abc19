"""Exactly once under Table Storage and Qdrant faults: a backlog of new emails through the
whole local stack, once per fault and once with all of them together.

    python -m bench faults [--emails 2000] [--only NAME,NAME] [--seed 23] [--json]

Storage faults (localdev/table_faults.py, a proxy between the app and Azurite, drawn per
request at the rate shown): 503 ServerBusy, 500 OperationTimedOut (Azure Storage's JSON
error bodies), connection reset before the request reaches Azurite, slow responses, and a
write Azurite applies whose response is lost (the client retries a write that happened).
Knowledge-base faults (localdev/qdrant_faults.py) from the poll's quarter-way draft: Qdrant
unreachable or slow for the rest of that poll, or restarted empty (the timer's guard
rebuilds it from the documents). The stub LLM and embeddings (localdev/openai_stub) stand
in for the models: the point is the pipeline.

Columns: emails; comments posted; duplicates (comments beyond one per thread); lost (emails
not final in the ledger, or posted without a comment); cursor violations (after any poll,
emails before the stored cursor that were not final); drafts written against an empty
store; storage faults injected; activity retries (failed activities the retry policies ran
again); the most faults that hit one email's rows; emails held while the knowledge base was
away; polls (failed ones in brackets); seconds. Exit code 1 if any run has a duplicate, a
lost email, a cursor violation or a draft against an empty store.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import Any

from bench.common import machine, print_json, print_table, run_benchmark

COMMAND = "python -m bench faults"
HEADERS = [
    *("fault", "emails", "comments", "duplicates", "lost", "cursor past open", "empty-store"),
    *("storage faults", "activity retries", "max faults/email", "held", "polls", "seconds"),
]


def _row(result: dict[str, Any]) -> list[Any]:
    polls = str(result["polls"]) + (
        f" ({result['failed_polls']})" if result["failed_polls"] else ""
    )
    return [
        result["scenario"],
        result["emails"],
        result["comments_posted"],
        result["duplicates"],
        result["lost"],
        result["cursor_violations"],
        result["drafted_against_empty"],
        result["storage_faults"],
        result["activity_retries"],
        result["max_faults_one_email"],
        result["held"],
        polls,
        result["seconds"],
    ]


def broken(result: dict[str, Any]) -> bool:
    keys = ("duplicates", "lost", "cursor_violations", "drafted_against_empty")
    return any(result[k] for k in keys) or result["comments_posted"] != result["due"]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(
        prog=COMMAND, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--emails", type=int, default=2000, help="emails per run (default 2000)")
    parser.add_argument(
        "--only", default="", help="comma-separated scenario names, or words in them (storage)"
    )
    parser.add_argument("--seed", type=int, default=23, help="seed of the fault draws")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)

    logging.disable(logging.INFO)  # the pipeline logs each email; the table is the output
    from bench.fault_run import run, scenarios
    from localdev.openai_stub.server import OpenAIStub

    wanted = [w.strip() for w in args.only.split(",") if w.strip()]
    chosen = [s for s in scenarios(args.seed) if not wanted or any(w in s.name for w in wanted)]
    if not chosen:
        parser.error(f"no scenario matches --only {args.only!r}")
    results = []
    with OpenAIStub() as stub:
        for scenario in chosen:
            print(f"{scenario.name}: {args.emails} emails ...", file=sys.stderr, flush=True)
            results.append(run(scenario, args.emails, stub.base_url))
    if args.json:
        print_json({"machine": machine(), "command": " ".join([COMMAND, *argv]), "runs": results})
    else:
        print_table(
            f"Exactly once under storage and knowledge-base faults ({machine()}); "
            "stub LLM and embeddings",
            HEADERS,
            [_row(r) for r in results],
        )
        for result in results:
            kinds = ", ".join(
                f"{k} {n}" for k, n in sorted(result["storage_faults_by_kind"].items())
            )
            print(
                f"  {result['scenario']}: {kinds or 'no storage faults'}; states {result['states']}"
            )
        print(f"  command: {' '.join([COMMAND, *argv])}")
    return 1 if any(broken(r) for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(run_benchmark("faults", main))
