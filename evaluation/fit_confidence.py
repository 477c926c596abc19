"""`triage eval fit-confidence`: fit the draft confidence (rag/confidence.py) on tuning sets.

Reads the JSON of `triage eval drafts --json` (every email's signals and outcome), keeps
the answered drafts of the sets named with --sets (the ones you tune on, never those you
report as held out), fits a logistic model of "the draft is not wrong" (a gold source
cited; --target correct also asks every key fact) over the signals (L2-regularised,
Newton's method), and writes it to rag/calibration/confidence.json with
the sets it was fitted on. Prints the fit's reliability on those drafts.

`--cross-check` chooses signals without touching held-out sets: for each set named, the
model is fitted on the others and scored on it (its drafts at confidence >= 0.8 and how
many of them are not wrong); `--without NAME,...` leaves signals out, so a new signal is
kept only if it helps on sets it was not fitted on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rag.confidence import SIGNALS, ConfidenceModel

MODEL_FILE = Path(__file__).resolve().parents[1] / "rag" / "calibration" / "confidence.json"
L2 = 1.0  # on the weights, not the intercept: tens to hundreds of drafts, six signals


HIGH = 0.8  # the confidence a lead keeps drafts at (issue 20's precision target)


def fit(
    rows: Sequence[dict[str, float]],
    labels: Sequence[bool],
    names: Sequence[str] = SIGNALS,
) -> tuple[float, list[float]]:
    x = np.array([[1.0, *(row.get(name, 0.0) for name in names)] for row in rows])
    y = np.array([1.0 if label else 0.0 for label in labels])
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * L2
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + penalty + np.eye(x.shape[1]) * 1e-9
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return float(w[0]), [float(v) for v in w[1:]]


def answered_drafts(report: dict[str, Any], sets: Sequence[str]) -> list[dict[str, Any]]:
    chosen = [s for s in report["sets"] if s["name"] in sets]
    missing = set(sets) - {s["name"] for s in chosen}
    if missing:
        raise ValueError(f"sets not in the report: {', '.join(sorted(missing))}")
    return [r for s in chosen for r in s["results"] if r["decision"] == "answered"]


def _labels(drafts: Sequence[dict[str, Any]], target: str) -> list[bool]:
    return [d["correct"] if target == "correct" else not d["wrong"] for d in drafts]


def fitted(
    drafts: Sequence[dict[str, Any]], target: str, names: Sequence[str] = SIGNALS
) -> ConfidenceModel:
    intercept, weights = fit([d["signals"] for d in drafts], _labels(drafts, target), names)
    return ConfidenceModel(
        intercept=round(intercept, 4),
        weights={name: round(w, 4) for name, w in zip(names, weights, strict=True)},
    )


def cross_check(
    report: dict[str, Any], sets: Sequence[str], target: str, names: Sequence[str] = SIGNALS
) -> list[tuple[str, int, int]]:
    """Per set: fitted on the other sets, its drafts at confidence >= HIGH and how many of
    them are not wrong."""
    rows = []
    for left_out in sets:
        model = fitted(answered_drafts(report, [s for s in sets if s != left_out]), target, names)
        high = [
            d
            for d in answered_drafts(report, [left_out])
            if model.probability(d["signals"]) >= HIGH
        ]
        rows.append((left_out, len(high), sum(not d["wrong"] for d in high)))
    return rows


def main(argv: Sequence[str] | None = None, args: argparse.Namespace | None = None) -> int:
    if args is None:
        parser = argparse.ArgumentParser(prog="fit_confidence", description=__doc__)
        args = add_arguments(parser).parse_args(argv)
    try:
        report = json.loads(Path(args.report).read_text(encoding="utf-8"))
        sets = [n.strip() for n in args.sets.split(",") if n.strip()]
        drafts = answered_drafts(report, sets)
        without = {n.strip() for n in (args.without or "").split(",") if n.strip()}
        unknown = without - set(SIGNALS)
        if unknown:
            raise ValueError(
                f"--without: no signal {', '.join(sorted(unknown))} (signals: {', '.join(SIGNALS)})"
            )
        names = [n for n in SIGNALS if n not in without]
    except (OSError, ValueError, KeyError) as exc:
        print(f"fit_confidence: {exc}", file=sys.stderr)
        return 2
    if args.cross_check:
        if len(sets) < 2:
            print("fit_confidence: --cross-check needs two sets or more", file=sys.stderr)
            return 2
        for name, kept, right in cross_check(report, sets, args.target, names):
            share = f"{right / kept:.0%}" if kept else "-"
            print(
                f"fitted on the others, scored on {name}: {right}/{kept} drafts at >= {HIGH} "
                f"not wrong ({share})"
            )
        return 0
    if len(drafts) < 30:
        print(f"fit_confidence: only {len(drafts)} answered drafts; need 30", file=sys.stderr)
        return 2
    note = "fitted by evaluation/fit_confidence.py on the answered drafts of these sets; " + (
        "target: the draft is correct (gold source cited, every key fact present)"
        if args.target == "correct"
        else "target: the draft is not wrong (a gold source cited)"
    )
    model = fitted(drafts, args.target, names).model_copy(
        update={"fitted_on": sets, "drafts": len(drafts), "note": note}
    )
    print(json.dumps(model.model_dump(), indent=2))
    for low, high in ((0.0, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01)):
        inside = [d for d in drafts if low <= model.probability(d["signals"]) < high]
        right = sum(not d["wrong"] for d in inside)
        print(f"fit {low:.1f}-{min(high, 1.0):.1f}: {len(inside)} drafts, {right} not wrong")
    if args.write:
        Path(args.write).write_text(json.dumps(model.model_dump(), indent=2) + "\n", "utf-8")
        print(f"wrote {args.write}")
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("report", help="the JSON of `triage eval drafts --json`")
    parser.add_argument("--sets", required=True, help="the sets to fit on, comma-separated")
    parser.add_argument(
        "--target",
        choices=("not-wrong", "correct"),
        default="not-wrong",
        help="what the confidence predicts (default not-wrong: a gold source is cited)",
    )
    parser.add_argument(
        "--cross-check",
        action="store_true",
        help="fit on all but one of --sets and score that one, for each; writes nothing",
    )
    parser.add_argument(
        "--without",
        metavar="SIGNAL,...",
        help=f"leave these signals out of the fit (signals: {', '.join(SIGNALS)})",
    )
    parser.add_argument(
        "--write",
        nargs="?",
        const=str(MODEL_FILE),
        default=None,
        metavar="PATH",
        help=f"write the model (default path {MODEL_FILE.relative_to(MODEL_FILE.parents[2])})",
    )
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
