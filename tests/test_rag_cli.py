"""`triage ingest` and `triage ask` on embedded defaults, without HubSpot settings."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from localdev.commands import ask, ingest
from tests.rag_fixtures import SAMPLE_KB


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="triage")
    sub = parser.add_subparsers(dest="command", required=True)
    ingest.register(sub)
    ask.register(sub)
    return parser


def _run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    return int(args.func(args))


def test_ingest_then_ask_print_json(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)  # embedded Qdrant and the embedding cache under .localdata/
    monkeypatch.delenv("HUBSPOT_ACCESS_TOKEN", raising=False)
    monkeypatch.setenv("QDRANT_COLLECTION", "cli_test")
    assert _run(["ingest", str(SAMPLE_KB), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["added"]) >= 15 and report["chunks"] > 30
    assert (tmp_path / ".localdata" / "qdrant").is_dir()

    assert _run(["ask", "Wie lange dauert die Lieferung?", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["language"] == "de"
    assert answer["draft"]["answerable"] and answer["draft"]["body"].startswith("Hallo,")
    assert answer["passages"][0]["source"] == "de/lieferung.md"

    assert _run(["ingest", str(SAMPLE_KB)]) == 0
    assert "0 added, 0 updated, 0 removed" in capsys.readouterr().out


def test_ask_before_ingest_explains(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QDRANT_COLLECTION", "never_ingested")
    assert _run(["ask", "hello?"]) == 1
    assert "run `triage ingest PATH` first" in capsys.readouterr().err


def test_help_texts_exist() -> None:
    with pytest.raises(SystemExit):
        _parser().parse_args(["ingest", "--help"])
