"""Figures across knowledge bases: which sets each rule was chosen on, routing per reason,
confidence reliability, and the one table that lists every set with its held-out figures.

A figure means something about an unseen knowledge base only when nothing was tuned on
that set. ``evals/tuning.json`` records, for every threshold, weight and rule the answer
step uses, the sets it was chosen on; a set none of them was chosen on is "held out", and
its figures are what a new team can expect. Pure functions over scored results: no model.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

TUNING_FILE = Path(__file__).resolve().parents[1] / "evals" / "tuning.json"

# needs_person rule names of the default taxonomy -> the labels sets use (route_reason).
# A team's own rule names are kept as they are.
ROUTE_LABELS = {
    "legal_threat": "legal",
    "injury_safety": "safety",
    "press": "press",
    "partnership": "partnership",
    "job_application": "job",
    "manager_request": "manager",
    "privacy_request": "privacy",
    "security_incident": "security",
}

# Confidence bands of the reliability table: [low, high).
BANDS: tuple[tuple[float, float], ...] = ((0.0, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01))
HIGH_CONFIDENCE = 0.8

# Issue 20's targets, for every held-out set: (metric, comparison, bound).
HELD_OUT_TARGETS: tuple[tuple[str, str, float], ...] = (
    ("correct", ">=", 0.70),
    ("wrong", "<=", 0.05),
    ("not_answered", ">=", 0.90),
    ("false_abstentions", "<=", 0.15),
    ("route_recall", ">=", 0.90),
    ("route_precision", ">=", 0.95),
    ("boilerplate", "<=", 0.0),
    ("reply_language", ">=", 1.0),
    ("high_confidence_precision", ">=", 0.95),
)


class Choice(BaseModel):
    """One threshold, weight or rule and the sets (and split) it was chosen on."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    where: str = Field(min_length=1)  # the module or file that holds it
    chosen_on: list[str] = Field(min_length=1)  # set names; "name:dev" for a split only
    note: str = ""


class Tuning(BaseModel):
    model_config = ConfigDict(extra="forbid")

    choices: list[Choice]

    def tuned_sets(self) -> set[str]:
        return {entry.split(":")[0] for choice in self.choices for entry in choice.chosen_on}

    def role(self, set_name: str) -> str:
        """'held out' when nothing was chosen on the set, else which split was used."""
        entries = {e for c in self.choices for e in c.chosen_on if e.split(":")[0] == set_name}
        if not entries:
            return "held out"
        splits = {e.partition(":")[2] or "all" for e in entries}
        return "tuned on " + ("all" if "all" in splits else "+".join(sorted(splits)))


def load_tuning(path: Path = TUNING_FILE) -> Tuning:
    return Tuning.model_validate(json.loads(path.read_text(encoding="utf-8")))


def route_label(rule_name: str) -> str:
    return ROUTE_LABELS.get(rule_name, rule_name)


def _rate(hits: int, total: int) -> dict[str, Any]:
    return {"n": hits, "of": total, "rate": round(hits / total, 3) if total else None}


def routing(results: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Recall (a labelled route email went to a person), precision (a routed email was
    labelled route) and, per reason, both with the reason counted too."""
    labelled = [r for r in results if r["expect"] == "route"]
    routed = [r for r in results if r["decision"] == "routed"]
    reasons = sorted(
        {str(r.get("route_reason") or "-") for r in labelled}
        | {route_label(str(r.get("route_name") or "-")) for r in routed}
    )
    per_reason = {}
    for reason in reasons:
        expected = [r for r in labelled if (r.get("route_reason") or "-") == reason]
        given = [r for r in routed if route_label(str(r.get("route_name") or "-")) == reason]
        per_reason[reason] = {
            "recall": _rate(sum(r["decision"] == "routed" for r in expected), len(expected)),
            "reason_recall": _rate(
                sum(route_label(str(r.get("route_name") or "")) == reason for r in expected),
                len(expected),
            ),
            "precision": _rate(
                sum(r["expect"] == "route" and r.get("route_reason") == reason for r in given),
                len(given),
            ),
        }
    return {
        "recall": _rate(len([r for r in labelled if r["decision"] == "routed"]), len(labelled)),
        "precision": _rate(len([r for r in routed if r["expect"] == "route"]), len(routed)),
        "per_reason": per_reason,
    }


def reliability(results: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Answered drafts by confidence band: how many, and the share correct (gold source
    and every key fact) and the share not wrong (a gold source, some fact may be missing)."""
    answered = [r for r in results if r["decision"] == "answered"]
    bands = []
    for low, high in BANDS:
        inside = [r for r in answered if low <= float(r.get("confidence") or 0.0) < high]
        bands.append(
            {
                "band": f"{low:.1f}-{min(high, 1.0):.1f}",
                "drafts": len(inside),
                "correct": _rate(sum(bool(r["correct"]) for r in inside), len(inside)),
                "not_wrong": _rate(sum(not r["wrong"] for r in inside), len(inside)),
            }
        )
    confident = [r for r in answered if float(r.get("confidence") or 0.0) >= HIGH_CONFIDENCE]
    return {
        "bands": bands,
        "high_confidence_precision": _rate(sum(not r["wrong"] for r in confident), len(confident)),
        "high_confidence_correct": _rate(
            sum(bool(r["correct"]) for r in confident), len(confident)
        ),
    }


def boilerplate(results: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Drafts that quote a line the ingest removed as boilerplate (share of drafts)."""
    drafted = [r for r in results if r["decision"] == "answered"]
    return _rate(sum(bool(r.get("boilerplate_quoted")) for r in drafted), len(drafted))


def held_out_figures(metrics: Mapping[str, Any], results: Sequence[Mapping[str, Any]]) -> dict:
    """The figures the held-out targets are on, for one group of results."""
    route = routing(results)
    reliable = reliability(results)
    return {
        "correct": metrics["correct"],
        "wrong": metrics["wrong"],
        "not_answered": metrics["not_answered"],
        "false_abstentions": metrics["false_abstentions"],
        "route_recall": route["recall"],
        "route_precision": route["precision"],
        "boilerplate": boilerplate(results),
        "reply_language": metrics["reply_language"],
        "high_confidence_precision": reliable["high_confidence_precision"],
    }


def check_targets(figures: Mapping[str, Mapping[str, Any]]) -> dict[str, bool | None]:
    out: dict[str, bool | None] = {}
    for key, comparison, bound in HELD_OUT_TARGETS:
        value = figures[key]["rate"]
        out[key] = (
            None if value is None else (value >= bound if comparison == ">=" else value <= bound)
        )
    return out


_TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("correct", "correct"),
    ("wrong", "wrong"),
    ("held back", "not_answered"),
    ("false.abst", "false_abstentions"),
    ("route.rec", "route_recall"),
    ("route.prec", "route_precision"),
    ("boilerpl.", "boilerplate"),
    ("lang.ok", "reply_language"),
    ("prec@0.8", "high_confidence_precision"),
)


def _cell(rate: Mapping[str, Any], met: bool | None) -> str:
    if not rate["of"]:
        return "-"
    mark = "" if met is None or met else "!"
    return f"{round(100 * rate['rate'])}%{mark}"


def format_table(rows: Sequence[Mapping[str, Any]]) -> str:
    """One line per set: role, emails, the held-out figures; '!' marks a missed target."""
    width = max([len(str(r["name"])) for r in rows] + [8])
    head = f"{'set':<{width}} {'role':<14}{'emails':>7}" + "".join(
        f"{title:>11}" for title, _ in _TABLE_COLUMNS
    )
    lines = [head]
    for row in rows:
        met = check_targets(row["figures"])
        cells = "".join(f"{_cell(row['figures'][key], met[key]):>11}" for _, key in _TABLE_COLUMNS)
        lines.append(f"{row['name']:<{width}} {row['role']:<14}{row['emails']:>7}{cells}")
    targets = ", ".join(
        f"{title} {comparison} {100 * bound:g}%"
        for (title, key), (_, comparison, bound) in zip(
            _TABLE_COLUMNS, HELD_OUT_TARGETS, strict=True
        )
    )
    lines.append(f"targets on held-out sets (issue 20; '!' = missed): {targets}")
    return "\n".join(lines)


def format_routing(route: Mapping[str, Any]) -> str:
    parts = []
    for reason, figures in route["per_reason"].items():
        parts.append(
            f"{reason} rec {_cell(figures['recall'], None)} "
            f"(reason {_cell(figures['reason_recall'], None)}) "
            f"prec {_cell(figures['precision'], None)}"
        )
    return "routing per reason: " + ("; ".join(parts) or "-")


def format_reliability(reliable: Mapping[str, Any]) -> str:
    bands = ", ".join(
        f"{b['band']}: {b['drafts']} drafts, {_cell(b['correct'], None)} correct, "
        f"{_cell(b['not_wrong'], None)} not wrong"
        for b in reliable["bands"]
        if b["drafts"]
    )
    return f"confidence -> share correct: {bands or '-'}"
