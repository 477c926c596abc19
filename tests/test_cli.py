"""The `triage` command line: every subcommand registered, clean errors instead of tracebacks."""

from __future__ import annotations

import argparse

import pytest

from localdev import cli


def test_every_command_module_registers_a_subcommand() -> None:
    parser = cli.build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(actions[0].choices) == {
        "run",
        "report",
        "suggestions",
        "emulator",
        "classify",
        "ingest",
        "ask",
        "models",
        "eval",
    }


def test_a_missing_stand_in_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def missing(args: argparse.Namespace) -> int:
        raise FileNotFoundError("azurite-table not found: run `make install`")

    monkeypatch.setattr("localdev.commands.run.run", missing)
    assert cli.main(["run"]) == 1
    assert capsys.readouterr().err.strip() == "triage: azurite-table not found: run `make install`"
