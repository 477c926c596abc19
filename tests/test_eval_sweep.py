"""`triage eval sweep` changes one setting of the answer step's gate, and only while it runs."""

from __future__ import annotations

import math

import pytest

import pipeline.answering as answering
from evaluation import sweep


@pytest.mark.parametrize("setting", sorted(sweep.SETTINGS))
def test_a_swept_setting_replaces_the_gate_and_is_restored(setting: str) -> None:
    # no setting's default; the number of term neighbours is a whole number
    value = 7.0 if setting == "term_neighbours" else 0.37
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


@pytest.mark.parametrize("values", ["-1,2", "nan"])
def test_a_value_below_zero_or_not_a_number_is_refused_before_any_ingest(
    values: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert sweep.main(["--sets", "sample", "--", "z", values]) == 2
    assert "z takes values of 0 or more" in capsys.readouterr().err


@pytest.mark.parametrize("values", ["12,2.5", "inf"])
def test_a_value_the_gate_cannot_take_is_refused_before_any_ingest(
    values: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = answering.DEFAULT_GATE
    assert sweep.main(["--sets", "sample", "--", "term_neighbours", values]) == 2
    assert "term_neighbours must be a whole number" in capsys.readouterr().err
    assert answering.DEFAULT_GATE is before
