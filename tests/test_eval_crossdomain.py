"""evaluation.crossdomain: held-out roles, routing per reason, reliability, boilerplate."""

from __future__ import annotations

from typing import Any

import pytest

from evaluation.boilerplate import boilerplate_in
from evaluation.crossdomain import (
    Choice,
    Tuning,
    check_targets,
    held_out_figures,
    load_tuning,
    reliability,
    routing,
)
from evaluation.drafts import EmailResult, aggregate, known_sets


def result(expect: str, decision: str, **extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "x",
        "language": "en",
        "expect": expect,
        "decision": decision,
        "correct": False,
        "wrong": False,
        "confidence": 0.0,
    }
    return {**base, **extra}


def test_a_set_is_held_out_only_when_nothing_was_chosen_on_it() -> None:
    tuning = Tuning(
        choices=[
            Choice(name="z", where="rag", chosen_on=["sample:dev", "zaragoza:dev"]),
            Choice(name="margin", where="rag", chosen_on=["invoicing"]),
        ]
    )
    assert tuning.role("sample") == "tuned on dev"
    assert tuning.role("invoicing") == "tuned on all"
    assert tuning.role("telecom") == "held out"


def test_the_repositorys_tuning_file_names_only_sets_that_exist() -> None:
    assert load_tuning().tuned_sets() <= set(known_sets())


def test_the_held_out_domains_stay_held_out() -> None:
    # nothing may be chosen on them: their figures are what an unseen knowledge base gets
    tuning = load_tuning()
    assert {name: tuning.role(name) for name in ("telecom", "travel", "fitness")} == {
        "telecom": "held out",
        "travel": "held out",
        "fitness": "held out",
    }


def test_routing_counts_recall_precision_and_the_reason() -> None:
    results = [
        result("route", "routed", route_reason="privacy", route_name="privacy_request"),
        result("route", "routed", route_reason="security", route_name="privacy_request"),
        result("route", "abstained", route_reason="security"),
        result("answer", "routed", route_name="manager_request"),  # a false route
    ]
    figures = routing(results)
    assert figures["recall"]["n"] == 2 and figures["recall"]["of"] == 3
    assert figures["precision"]["n"] == 2 and figures["precision"]["of"] == 3
    privacy = figures["per_reason"]["privacy"]
    assert privacy["recall"]["rate"] == 1.0 and privacy["precision"]["rate"] == 0.5
    security = figures["per_reason"]["security"]
    assert security["recall"]["n"] == 1 and security["reason_recall"]["n"] == 0
    assert figures["per_reason"]["manager"]["precision"]["rate"] == 0.0


def test_reliability_bands_and_high_confidence_precision() -> None:
    results = [
        result("answer", "answered", confidence=0.9, correct=True),
        result("answer", "answered", confidence=0.85, wrong=True),
        result("answer", "answered", confidence=0.5, correct=True),
        result("abstain", "abstained", confidence=0.0),
    ]
    figures = reliability(results)
    top = figures["bands"][-1]
    assert top["drafts"] == 2 and top["correct"]["n"] == 1
    assert figures["high_confidence_precision"]["rate"] == 0.5


def test_targets_are_checked_on_the_held_out_figures() -> None:
    scored = [
        EmailResult(id="a", language="en", expect="answer", decision="answered", correct=True),
        EmailResult(id="b", language="en", expect="abstain", decision="answered", wrong=True),
    ]
    dumped = [r.model_dump() for r in scored]
    met = check_targets(held_out_figures(aggregate(scored), dumped))
    assert met["correct"] is True and met["wrong"] is False
    assert met["route_recall"] is None  # nothing to measure


@pytest.mark.parametrize(
    "text",
    [
        "Was this article helpful? Yes / No",
        "© 2026 Ledgerly AB. All rights reserved.",
        "Var den här artikeln till hjälp? Ja / Nej",
        "Privacy | Terms",
        "Home > Help > Billing",
    ],
)
def test_boilerplate_shapes_are_found(text: str) -> None:
    assert boilerplate_in(text)


def test_ordinary_help_text_is_not_boilerplate() -> None:
    assert not boilerplate_in("Delivery takes 3-5 working days. Choose Yes to confirm.")
