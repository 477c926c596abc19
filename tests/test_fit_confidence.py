"""`triage eval fit-confidence`: fits the draft confidence on tuning sets, and
`--cross-check` scores each set with a model fitted on the others (how a signal is chosen
without the held-out sets)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from evaluation.fit_confidence import cross_check, main
from rag.confidence import SIGNALS


def _drafts(seed: int, n: int, informative: str) -> list[dict[str, object]]:
    """Answered drafts whose ``informative`` signal tells right from wrong; the others are
    noise."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        wrong = rng.random() < 0.3
        signals = {
            "margin_sd": rng.uniform(0, 3),
            "answered_share": 1.0,
            "unknown_terms": 0.0,
            "rival_articles": float(rng.random() < 0.5),
            "foreign_source": 0.0,
            "lead_gap": rng.uniform(0, 10),
        }
        signals[informative] = rng.uniform(0, 1) if wrong else rng.uniform(4, 6)
        out.append(
            {"decision": "answered", "wrong": wrong, "correct": not wrong, "signals": signals}
        )
    return out


def _report(tmp_path: Path, informative: str) -> Path:
    sets = [
        {"name": name, "results": _drafts(seed, 60, informative)}
        for seed, name in enumerate(("a", "b", "c"))
    ]
    path = tmp_path / "report.json"
    path.write_text(json.dumps({"sets": sets}), "utf-8")
    return path


def test_cross_check_shows_when_a_signal_carries_the_answer(tmp_path: Path) -> None:
    report = json.loads(_report(tmp_path, "lead_gap").read_text("utf-8"))
    with_gap = cross_check(report, ["a", "b", "c"], "not-wrong")
    without = cross_check(
        report, ["a", "b", "c"], "not-wrong", [s for s in SIGNALS if s != "lead_gap"]
    )
    # fitted on two sets, the third's confident drafts are right only when the signal is in
    assert all(kept and right == kept for _, kept, right in with_gap)
    assert sum(right for _, _, right in without) / max(sum(k for _, k, _ in without), 1) < 0.9


def test_the_cli_cross_checks_and_names_an_unknown_signal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _report(tmp_path, "margin_sd")
    assert main([str(report), "--sets", "a,b,c", "--cross-check", "--without", "lead_gap"]) == 0
    out = capsys.readouterr().out
    assert out.count("fitted on the others, scored on") == 3
    assert main([str(report), "--sets", "a,b", "--without", "gap"]) == 2
    assert "--without: no signal gap" in capsys.readouterr().err
    assert main([str(report), "--sets", "a", "--cross-check"]) == 2
