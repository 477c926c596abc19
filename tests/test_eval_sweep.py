"""`triage eval sweep` changes one setting of the answer step's gate, and only while it runs."""

from __future__ import annotations

import math

import pytest

import pipeline.answering as answering
from evaluation import sweep


@pytest.mark.parametrize("setting", sorted(sweep.SETTINGS))
def test_a_swept_setting_replaces_the_gate_and_is_restored(setting: str) -> None:
    value = 0.37  # no setting's default
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
