"""`triage report` on a ledger: text, JSON and HTML from the same rows; a clear error when
there is no local ledger yet."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ledger.table_ledger import TableLedger
from localdev import cli
from localdev.azurite import Azurite


@pytest.fixture
def filled_ledger(azurite: Azurite, monkeypatch: pytest.MonkeyPatch) -> TableLedger:
    prefix = f"r{uuid.uuid4().hex[:8]}"
    book = TableLedger.from_connection(connection_string=azurite.connection_string, prefix=prefix)
    now = datetime.now(UTC)
    for n, (state, fields) in enumerate(
        [
            ("posted", {"answer_decision": "answered", "outcome": "edited", "intent": "delivery"}),
            ("posted", {"answer_decision": "answered", "intent": "delivery"}),
            ("posted", {"answer_decision": "abstained", "intent": "warranty"}),
            ("skipped", {"skip_reason": "out_of_office"}),
        ]
    ):
        message_id = f"m{n}"
        book.claim(
            message_id,
            owner="run",
            received_at=now - timedelta(hours=n + 1),
            subject=f"Subject {n}",
        )
        book.update(message_id, state=state, **fields)
    book.claim("old", owner="run", received_at=now - timedelta(days=3))
    book.update("old", state="failed", reason="boom")
    monkeypatch.setenv("LEDGER_CONNECTION_STRING", azurite.connection_string)
    monkeypatch.setenv("LEDGER_TABLE_PREFIX", prefix)
    return book


def test_report_json_text_and_html(
    filled_ledger: TableLedger, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["report", "--since", "2d", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["emails"] == 4  # the failed one is older than 2 days
    assert data["decisions"]["posted"] == 2 and data["decisions"]["abstained"] == 1
    assert data["decisions"]["failed"] == 0
    assert data["outcomes"]["edited"] == 1 and data["outcomes"]["awaiting_reply"] == 1
    assert data["knowledge_gaps"][0]["example_subjects"] == ["Subject 2"]
    page = tmp_path / "report.html"
    assert cli.main(["report", "--since", "7d", "--html", str(page)]) == 0
    text = capsys.readouterr().out
    assert "skipped 1, failed 1" in text and "(skipped: out_of_office 1)" in text
    assert f"HTML report: {page}" in text
    assert "Knowledge-base gaps" in page.read_text(encoding="utf-8")


def test_report_without_a_local_ledger_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("LEDGER_CONNECTION_STRING", raising=False)
    monkeypatch.delenv("LEDGER_TABLE_ENDPOINT", raising=False)
    assert cli.main(["report", "--data-dir", str(tmp_path)]) == 1
    assert "run `triage run` first" in capsys.readouterr().err


def test_report_bad_window_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["report", "--since", "soon"]) == 2
    assert capsys.readouterr().err.strip() == (
        "triage report: --since 'soon': use a number and d, h or m, e.g. 7d or 36h"
    )
