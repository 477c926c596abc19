"""`triage classify FILE [--json]`."""

from __future__ import annotations

import argparse
import json

import pytest

from localdev.commands import classify
from tests.triage_fixtures import DATA_DIR


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="triage")
    classify.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_json_output_of_an_eml(capsys):
    assert _run(["classify", str(DATA_DIR / "customer_html_fr.eml"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["message_id"] == "html-fr-1@example.fr"
    assert (result["language"], result["intent"], result["should_answer"]) == (
        "fr",
        "damaged_item",
        True,
    )


def test_hubspot_json_and_team_address_flag(capsys):
    path = str(DATA_DIR / "hubspot_message_de.json")
    assert _run(["classify", path, "--json", "--team-address", "@example.de"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["skip_reason"] == "from_team"


def test_human_output_shows_the_decision_without_raw_pii(capsys):
    assert _run(["classify", str(DATA_DIR / "customer_html_fr.eml")]) == 0
    out = capsys.readouterr().out
    assert "decision:   answer" in out and "intent:     damaged_item" in out
    assert "+33 6 12 34 56 78" not in out and "[PHONE_1]" in out


def test_missing_file_and_bad_json_give_exit_code_2(tmp_path, capsys):
    assert _run(["classify", str(tmp_path / "nope.eml")]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert _run(["classify", str(bad)]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_help_describes_the_command(capsys):
    with pytest.raises(SystemExit):
        _run(["classify", "--help"])
    assert "HubSpot" in capsys.readouterr().out
