"""The scheduled purge also cuts old skip reasons to the rule's label (Azurite)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from ledger.table_ledger import TableLedger
from localdev.azurite import Azurite


@pytest.fixture
def book(azurite: Azurite) -> TableLedger:
    prefix = "t" + uuid.uuid4().hex[:10]
    return TableLedger.from_connection(connection_string=azurite.connection_string, prefix=prefix)


def test_old_skip_reasons_lose_their_quoted_text(book: TableLedger) -> None:
    quoted = "out_of_office: body says 'I am on vacation, call +46 70 123 45 67'"
    book.claim("m1", owner="run", subject="Out of office")
    book.update("m1", state="skipped", reason=quoted, skip_reason="out_of_office")
    book.claim("m2", owner="run", subject="Help")
    book.update("m2", state="failed", reason="triage_error: TypeError")
    assert book.scrub_skip_details(before=datetime.now(UTC) - timedelta(hours=1)) == 0
    assert book.scrub_skip_details(before=datetime.now(UTC) + timedelta(seconds=1)) == 1
    skipped, failed = book.get("m1"), book.get("m2")
    assert skipped is not None and failed is not None
    assert (skipped.reason, skipped.state) == ("out_of_office", "skipped")
    assert failed.reason == "triage_error: TypeError"
    assert book.scrub_skip_details(before=datetime.now(UTC) + timedelta(seconds=1)) == 0
