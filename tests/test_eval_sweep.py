"""`triage eval sweep` changes one setting of the answer step's gate, and only while it runs."""

from __future__ import annotations

import math

import pytest

import pipeline.answering as answering
from evaluation import sweep


@pytest.mark.parametrize(
    ("setting", "value"),
    [("probe_fence", 1.5), ("z", 3.0), ("flat_gap", 0.05), ("unknown_term_margin", 0.1)],
)
def test_a_swept_setting_replaces_the_gate_and_is_restored(setting: str, value: float) -> None:
    before = answering.DEFAULT_GATE
    saved = sweep._apply(setting, value)
    try:
        swept = answering.DEFAULT_GATE
        assert saved is before and swept is not before
        assert getattr(swept, setting) == value
        for other in set(sweep.SETTINGS) - {setting}:  # every other setting as it was
            assert getattr(swept, other) == getattr(before, other)
        assert swept.min_sd == before.min_sd
    finally:
        sweep._restore(saved)
    assert answering.DEFAULT_GATE is before


def test_the_probe_fence_is_off_by_default() -> None:
    assert math.isinf(answering.DEFAULT_GATE.probe_fence)
