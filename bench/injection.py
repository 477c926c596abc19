"""Prompt-injection screen on a labelled set: recall on attempts, false positives on normal
support email, per split, language and disguise.

    python -m bench.injection [--split dev|test|all] [--show-misses] [--json]

Data: evals/injection/attempts.jsonl and normal.jsonl (written by evals/injection/build.py).
Each email goes through triage.injection.screen_email (new text + hidden HTML); it counts
as flagged when any channel has a flag. The patterns were tuned on "dev" only; "test" is
the held-out figure.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.common import print_json, print_table, run_benchmark
from triage.injection import flat_flags, screen_email

DATA = Path(__file__).resolve().parent.parent / "evals" / "injection"
TARGET_RECALL = 0.90
TARGET_FALSE_POSITIVE_RATE = 0.02


def load(name: str) -> list[dict[str, Any]]:
    lines = (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def flags_of(row: dict[str, Any]) -> list[str]:
    return flat_flags(screen_email("", row["text"], "", row.get("html")))


def evaluate(split: str) -> dict[str, Any]:
    rows = {"attempts": load("attempts"), "normal": load("normal")}
    picked = {k: [r for r in v if split == "all" or r["split"] == split] for k, v in rows.items()}
    misses, false_positives = [], []
    by_group: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in picked["attempts"]:
        flagged = bool(flags_of(row))
        for key in (f"language={row['language']}", f"disguise={row['obfuscation']}"):
            by_group[key][0] += int(flagged)
            by_group[key][1] += 1
        if not flagged:
            misses.append(row["id"])
    for row in picked["normal"]:
        flags = flags_of(row)
        if flags:
            false_positives.append({"id": row["id"], "flags": flags})
    attempts, normal = len(picked["attempts"]), len(picked["normal"])
    return {
        "split": split,
        "attempts": attempts,
        "flagged": attempts - len(misses),
        "recall": round((attempts - len(misses)) / max(attempts, 1), 3),
        "normal": normal,
        "false_positives": len(false_positives),
        "false_positive_rate": round(len(false_positives) / max(normal, 1), 3),
        "by_group": {k: {"flagged": v[0], "of": v[1]} for k, v in sorted(by_group.items())},
        "missed_ids": misses,
        "false_positive_ids": false_positives,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.injection",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--split", choices=("dev", "test", "all"), default="")
    parser.add_argument("--show-misses", action="store_true", help="print missed / FP ids")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    splits = [args.split] if args.split else ["dev", "test", "all"]
    results = [evaluate(split) for split in splits]
    if args.json:
        print_json({"results": results})
        return 0
    print_table(
        "injection screen (attempts flagged = recall; normal emails flagged = FP rate)",
        ["split", "attempts", "recall", "normal", "FP", "FP rate", "target met"],
        [
            [
                r["split"],
                r["attempts"],
                r["recall"],
                r["normal"],
                r["false_positives"],
                r["false_positive_rate"],
                "yes"
                if r["recall"] >= TARGET_RECALL
                and r["false_positive_rate"] <= TARGET_FALSE_POSITIVE_RATE
                else "no",
            ]
            for r in results
        ],
    )
    overall = results[-1]
    print_table(
        f"recall per language and disguise ({overall['split']})",
        ["group", "flagged", "of"],
        [[k, v["flagged"], v["of"]] for k, v in overall["by_group"].items()],
    )
    if args.show_misses:
        for r in results:
            print(f"{r['split']}: missed {r['missed_ids']}")
            print(f"{r['split']}: false positives {r['false_positive_ids']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(run_benchmark("injection", main))
