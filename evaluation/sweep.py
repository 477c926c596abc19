"""`triage eval sweep`: one answer-step setting tried at several values, on chosen sets.

How the thresholds and weights of the answer step are chosen: sweep a setting on the sets
you tune on (never on the ones you report as held out), pick the value, record it and the
sets in evals/tuning.json, then run `triage eval drafts` for the held-out figures. Each set
is ingested once; every value then runs all its emails through the production triage and
answer step, with only that setting changed.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from evaluation import drafts

# setting -> how to apply a value (the gate is rebuilt, so no calibration is reused)
SETTINGS: dict[str, str] = {
    "unknown_term_margin": "cosine a question naming a term the KB never mentions needs "
    "above its threshold (rag/answerability.py UNKNOWN_TERM_MARGIN)",
    "z": "standard deviations above the off-topic probes' mean (rag/answerability.py)",
    "hub_weight": "share of a passage's hubness above the mean taken off its cosine "
    "(rag/hubness.py HUB_WEIGHT)",
    "flat_gap": "cosine the best passage needs above the fifth-closest passage of another "
    "article (rag/answerability.py FLAT_GAP, rag/distinctness.py)",
    "lang_hub_weight": "share of a passage's mean cosine to the off-topic probes in the "
    "customer's language taken off its cosine (rag/language_hubness.py LANG_HUB_WEIGHT)",
    "cross_language_margin": "cosine a passage in another language than the question's needs "
    "above its threshold (rag/answerability.py CROSS_LANGUAGE_MARGIN)",
    "term_neighbours": "closest passages by latent terms a passing passage must be among; "
    "0 = off (rag/term_agreement.py TERM_NEIGHBOURS)",
    "agreement_margin": "cosine below its threshold a best passage may be and still answer "
    "when it is also the question's closest by latent terms; 0 = off "
    "(rag/term_agreement.py AGREEMENT_MARGIN)",
    "probe_fence": "interquartile ranges above the third quartile past which a probe counts "
    "as answered and is left out of the calibration; inf = off (rag/answerability.py "
    "PROBE_FENCE)",
}
COLUMNS = ("correct", "wrong", "not_answered", "false_abstentions")


def _restore(gate: object) -> None:
    import pipeline.answering as answering

    answering.DEFAULT_GATE = gate  # type: ignore[assignment]


def _apply(setting: str, value: float) -> object:
    """Replace the answer step's default gate by one with ``setting`` at ``value``; returns
    the gate it replaced."""
    import pipeline.answering as answering
    from rag.answerability import AnswerabilityGate

    current = answering.DEFAULT_GATE
    # every setting is named as the gate's own keyword argument and attribute
    options = {name: getattr(current, name) for name in SETTINGS}
    options[setting] = value
    answering.DEFAULT_GATE = AnswerabilityGate(
        **options, min_sd=current.min_sd, margin_over_max=current.margin_over_max
    )
    return current


def sweep(
    sets: Sequence[drafts.EvalSet],
    setting: str,
    values: Sequence[float],
    split: str,
    progress: Callable[[str], None],
) -> list[dict[str, Any]]:
    components = drafts.build_components()
    rows: list[dict[str, Any]] = []
    for evalset in sets:
        emails = drafts.select(evalset.emails, split, None)
        with tempfile.TemporaryDirectory(prefix="draft-sweep-") as scratch:
            folder = evalset.prepare_kb(Path(scratch) / "kb")
            store = drafts.ingest_scratch(
                folder, components, Path(scratch) / "qdrant", evalset.name, progress
            )
            for value in values:
                saved = _apply(setting, value)
                try:
                    results = [
                        drafts.evaluate_email(email, store, components, index)
                        for index, email in enumerate(emails, start=1)
                    ]
                finally:  # the next value, and whoever imports this, start from the default
                    _restore(saved)
                metrics = drafts.aggregate(results)
                rows.append({"set": evalset.name, "value": value, "metrics": metrics})
                progress(f"{evalset.name} {setting}={value}: {format_row(rows[-1])}")
    return rows


def format_row(row: dict[str, Any]) -> str:
    cells = []
    for key in COLUMNS:
        rate = row["metrics"][key]
        cells.append(f"{key} {rate['n']}/{rate['of']}")
    return ", ".join(cells)


def format_table(rows: Sequence[dict[str, Any]], setting: str) -> str:
    lines = [f"{'set':<12}{setting:>22}" + "".join(f"{c:>20}" for c in COLUMNS)]
    for row in rows:
        cells = "".join(
            f"{row['metrics'][c]['n']}/{row['metrics'][c]['of']}".rjust(20) for c in COLUMNS
        )
        lines.append(f"{row['set']:<12}{row['value']:>22g}{cells}")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("setting", choices=sorted(SETTINGS), help="the setting to vary")
    parser.add_argument(
        "values",
        help="comma-separated values to try, e.g. 0,0.02,0.04 (inf allowed where the "
        "setting takes it; term_neighbours takes whole numbers)",
    )
    parser.add_argument(
        "--sets",
        required=True,
        help="the sets to tune on, comma-separated (see `triage eval drafts --sets`)",
    )
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    return parser


def main(argv: Sequence[str] | None = None, args: argparse.Namespace | None = None) -> int:
    if args is None:
        parser = argparse.ArgumentParser(prog="sweep", description=__doc__)
        args = add_arguments(parser).parse_args(argv)
    try:
        values = [float(v) for v in args.values.split(",") if v.strip()]
        refused = [v for v in values if math.isnan(v) or v < 0]
        if refused:  # every setting is a count of deviations, a cosine, a weight or a fence
            raise ValueError(f"{args.setting} takes values of 0 or more, not {refused}")
        for value in values:  # the gate refuses what it cannot take, before any ingestion
            _restore(_apply(args.setting, value))
        names = [n.strip() for n in args.sets.split(",") if n.strip()]
        sets = [drafts.builtin_set(name) for name in names]
    except (ValueError, drafts.SetError) as exc:
        print(f"sweep: {exc}", file=sys.stderr)
        return 2
    rows = sweep(sets, args.setting, values, args.split, drafts._stderr)
    print(format_table(rows, args.setting))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
