"""Cleaning against other reply parsers' test fixtures: cases right per set, time per email.

The fixtures (236 cases from talon, quotequail, crisp's, GitHub's and Zapier's reply
parsers) live outside the repository, in shared/peer-email-fixtures beside the clone. Every
case runs through triage.cleaning.clean_body in this process (.eml cases through
triage.eml.parse_eml first) and is scored by the fixtures' own score.py rules, imported
from that folder, so the per-set figures are the ones `score.py <checkout>` prints.

    .venv/bin/python -m bench.peer_cleaning [--fixtures DIR] [--repeat N] [--json]

The folder is taken from --fixtures, else $PEER_EMAIL_FIXTURES, else ../shared or
../../shared (a git worktree) relative to the repository root.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.common import machine, print_json, print_table, run_benchmark
from triage.cleaning import clean_body
from triage.eml import parse_eml

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES_ENV = "PEER_EMAIL_FIXTURES"
FIXTURES_NAME = Path("shared") / "peer-email-fixtures"


def find_fixtures(explicit: Path | None = None) -> Path | None:
    """The fixtures folder (it has manifest.json and score.py), or None if there is none."""
    candidates = [explicit] if explicit else []
    if os.environ.get(FIXTURES_ENV):
        candidates.append(Path(os.environ[FIXTURES_ENV]))
    candidates += [REPO_ROOT.parent / FIXTURES_NAME, REPO_ROOT.parent.parent / FIXTURES_NAME]
    for folder in candidates:
        if folder and (folder / "manifest.json").is_file() and (folder / "score.py").is_file():
            return folder
    return None


def _scorer(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("peer_fixture_score", folder / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {folder / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _clean_case(folder: Path, case: dict[str, Any]) -> dict[str, Any]:
    data = (folder / case["input"]).read_bytes()
    start = time.perf_counter()
    if case["kind"] == "eml":
        message = parse_eml(data)
        result = clean_body(message.text, message.html, message.subject or case["subject"])
    elif case["kind"] == "html":
        result = clean_body("", data.decode("utf-8", "replace"), case["subject"])
    else:
        result = clean_body(data.decode("utf-8", "replace"), None, case["subject"])
    seconds = time.perf_counter() - start
    return {
        "id": case["id"],
        "text": result.text,
        "quoted": result.quoted,
        "signature": result.signature,
        "notes": result.notes,
        "seconds": seconds,
    }


def run(folder: Path, repeat: int = 3) -> dict[str, Any]:
    scorer = _scorer(folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    cases: list[dict[str, Any]] = manifest["cases"]
    clean_body("warm-up\n\nOn Mon, 3 Mar 2025, A <a@example.com> wrote:\n> x", "<p>x</p>")
    passes = [[_clean_case(folder, case) for case in cases] for _ in range(max(1, repeat))]
    results = passes[-1]
    scored = [scorer.score(case, res) for case, res in zip(cases, results, strict=True)]
    per_set: dict[str, dict[str, int]] = {}
    for item in scored:
        row = per_set.setdefault(item["set"], {"right": 0, "total": 0})
        row["total"] += 1
        row["right"] += bool(item["right"])
    per_email_ms = [
        1000 * statistics.median(p[i]["seconds"] for p in passes) for i in range(len(cases))
    ]
    right = sum(row["right"] for row in per_set.values())
    return {
        "machine": machine(),
        "fixtures": str(folder),
        "sets": {
            name: {**row, "percent": round(100 * row["right"] / row["total"], 1)}
            for name, row in sorted(per_set.items())
        },
        "right": right,
        "total": len(cases),
        "percent": round(100 * right / len(cases), 1),
        "wrong": [item["id"] for item in scored if not item["right"]],
        "ms_per_email": {
            "mean": round(statistics.fmean(per_email_ms), 3),
            "median": round(statistics.median(per_email_ms), 3),
            "max": round(max(per_email_ms), 3),
        },
        "repeat": max(1, repeat),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.peer_cleaning",
        description=(__doc__ or "").split("\n\n")[0],
    )
    parser.add_argument("--fixtures", type=Path, default=None, help="peer-email-fixtures folder")
    parser.add_argument("--repeat", type=int, default=3, help="timing passes (median per email)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    folder = find_fixtures(args.fixtures)
    if folder is None:
        print(
            f"peer fixtures not found: pass --fixtures, set ${FIXTURES_ENV}, or put "
            f"{FIXTURES_NAME} beside the repository",
            file=sys.stderr,
        )
        return 1
    report = run(folder, args.repeat)
    if args.json:
        print_json(report)
        return 0
    rows: list[list[Any]] = [
        [name, row["right"], row["total"], f"{row['percent']:.1f}"]
        for name, row in report["sets"].items()
    ]
    rows.append(["all", report["right"], report["total"], f"{report['percent']:.1f}"])
    print(f"machine: {report['machine']}; fixtures: {report['fixtures']}")
    print_table("peer cleaning fixtures", ["set", "right", "total", "%"], rows)
    timing = report["ms_per_email"]
    print(
        f"time per email (median of {report['repeat']} passes): mean {timing['mean']:.3f} ms, "
        f"median {timing['median']:.3f} ms, max {timing['max']:.3f} ms"
    )
    print("wrong: " + (" ".join(report["wrong"]) or "none"))
    return 0


if __name__ == "__main__":
    raise SystemExit(run_benchmark("peer_cleaning", main))
