"""The ledger over a faulty Table Storage: Azurite behind localdev.table_faults.

Each test plays one of Azure Storage's failures on the ledger's own writes and checks what
the caller sees: a write that happened is never reported as someone else's, and a write
that did not happen is retried or reported as an error (the activity is then retried).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from azure.core.exceptions import AzureError

from ledger.table_ledger import TableLedger
from localdev.azurite import Azurite
from localdev.table_faults import TableFaultConfig, TableFaultProxy, classify


@pytest.fixture
def proxy(azurite: Azurite) -> Iterator[TableFaultProxy]:
    with TableFaultProxy(azurite.port) as running:
        yield running


@pytest.fixture
def book(proxy: TableFaultProxy, azurite: Azurite) -> TableLedger:
    prefix = "f" + uuid.uuid4().hex[:10]
    ledger = TableLedger.from_connection(
        connection_string=proxy.rewrite(azurite.connection_string), prefix=prefix
    )
    ledger.ensure_tables()
    ledger.texts.ensure_table()
    return ledger


def lose_next(proxy: TableFaultProxy, *operations: str) -> None:
    """The next request of these operations reaches Azurite; its response is lost."""
    proxy.configure(
        TableFaultConfig(lost_response=1.0, operations=frozenset(operations), max_faults=1)
    )


def test_error_bodies_are_azure_storage_s(proxy: TableFaultProxy, azurite: Azurite) -> None:
    sources = json.loads(Path("tests/data/table_storage_errors.json").read_text())["errors"]
    for kind, code in (("server_busy", "ServerBusy"), ("timed_out", "OperationTimedOut")):
        proxy.configure(TableFaultConfig(**{kind: 1.0}))
        response = httpx.get(f"http://127.0.0.1:{proxy.port}/devstoreaccount1/Tables")
        assert response.status_code == sources[code]["status"]
        assert response.headers["x-ms-error-code"] == code
        assert response.json()["odata.error"]["code"] == code
        assert response.json()["odata.error"]["message"]["lang"] == "en-US"


def test_requests_are_classified_by_operation() -> None:
    entity = "/devstoreaccount1/t(PartitionKey='m%27%2701',RowKey='')"
    assert classify("POST", "/devstoreaccount1/Tables", {}) == ("table", "Tables", "")
    assert classify("POST", "/devstoreaccount1/t", {}) == ("insert", "t", "")
    assert classify("PUT", entity, {"if-match": "*"}) == ("update", "t", "m'01")
    assert classify("PUT", entity, {}) == ("upsert", "t", "m'01")
    assert classify("PATCH", entity, {}) == ("merge", "t", "m'01")
    assert classify("GET", entity, {}) == ("get", "t", "m'01")
    assert classify("GET", "/devstoreaccount1/t()?$filter=x", {}) == ("query", "t", "")


def test_busy_and_timed_out_storage_is_retried_to_success(
    proxy: TableFaultProxy, book: TableLedger
) -> None:
    proxy.configure(TableFaultConfig(server_busy=0.5, timed_out=0.5, max_faults=2))
    assert book.claim("m-busy", owner="run-1").claimed
    proxy.configure(
        TableFaultConfig(server_busy=1.0, operations=frozenset({"merge"}), max_faults=2)
    )
    book.update("m-busy", state="posted")
    proxy.configure(TableFaultConfig())
    record = book.get("m-busy")
    assert record is not None and record.state == "posted"
    assert proxy.counters.total_faults() == 4


def test_claim_whose_insert_response_was_lost_is_still_ours(
    proxy: TableFaultProxy, book: TableLedger
) -> None:
    lose_next(proxy, "insert")
    with pytest.raises(AzureError):  # the SDK does not resend a POST it may have delivered
        book.claim("m-lost", owner="run-1")
    # The activity is retried with the same owner: the row it wrote is its own claim.
    result = book.claim("m-lost", owner="run-1")
    assert result.claimed, result.reason
    assert book.claim("m-lost", owner="run-2").claimed is False


def test_take_over_whose_response_was_lost_is_still_ours(
    proxy: TableFaultProxy, book: TableLedger
) -> None:
    lease = timedelta(minutes=15)
    assert book.claim("m-take", owner="dead-run").claimed
    book.update("m-take", claimed_at=datetime.now(UTC) - 2 * lease)
    lose_next(proxy, "update")  # the take-over's ETag update commits, its answer is lost
    result = book.claim("m-take", owner="run-2", lease=lease)
    assert proxy.counters.total_faults("lost_response") == 1
    assert result.claimed, result.reason  # the SDK's resend got 412 from our own write
    record = book.get("m-take")
    assert record is not None and record.owner == "run-2"


def test_cursor_update_whose_response_was_lost_is_saved(
    proxy: TableFaultProxy, book: TableLedger
) -> None:
    first = book.save_cursor(
        after=datetime(2026, 1, 1, tzinfo=UTC), etag=None, run_id="r1", summary={}
    )
    after = datetime(2026, 1, 2, tzinfo=UTC)
    lose_next(proxy, "update")
    saved = book.save_cursor(after=after, etag=first.etag, run_id="r2", summary={"posted": 1})
    assert proxy.counters.total_faults("lost_response") == 1
    assert saved.after == after
    stored = book.load_cursor()
    assert stored.after == after and stored.last_run_id == "r2" and stored.etag == saved.etag


def test_first_cursor_whose_insert_response_was_lost_is_saved_on_retry(
    proxy: TableFaultProxy, book: TableLedger
) -> None:
    after = datetime(2026, 1, 3, tzinfo=UTC)
    lose_next(proxy, "insert")
    with pytest.raises(AzureError):
        book.save_cursor(after=after, etag=None, run_id="r1", summary={})
    # save_checkpoint is retried with the same request (no ETag: the cursor was new).
    saved = book.save_cursor(after=after, etag=None, run_id="r1", summary={})
    assert saved.after == after and book.load_cursor().last_run_id == "r1"


def test_another_run_s_cursor_is_still_a_conflict(
    proxy: TableFaultProxy, book: TableLedger
) -> None:
    from ledger.models import CursorConflictError

    first = book.save_cursor(
        after=datetime(2026, 1, 1, tzinfo=UTC), etag=None, run_id="r1", summary={}
    )
    book.save_cursor(
        after=datetime(2026, 1, 2, tzinfo=UTC), etag=first.etag, run_id="r2", summary={}
    )
    with pytest.raises(CursorConflictError):
        book.save_cursor(
            after=datetime(2026, 1, 4, tzinfo=UTC), etag=first.etag, run_id="r3", summary={}
        )
    with pytest.raises(CursorConflictError):
        book.save_cursor(after=datetime(2026, 1, 4, tzinfo=UTC), etag=None, run_id="r3", summary={})


def test_reset_connection_and_slow_reads_are_survived(
    proxy: TableFaultProxy, book: TableLedger
) -> None:
    expires = datetime.now(UTC) + timedelta(hours=1)
    book.texts.put("m-text", "clean", {"text": "hello"}, expires)
    proxy.configure(TableFaultConfig(reset=1.0, operations=frozenset({"get"}), max_faults=2))
    assert book.get("m-none") is None  # a GET is resent after a reset
    proxy.configure(TableFaultConfig(slow=1.0, slow_ms=50, operations=frozenset({"get", "upsert"})))
    book.texts.put("m-text", "clean", {"text": "hello again"}, expires)
    assert book.texts.get("m-text", "clean") == {"text": "hello again"}
    assert proxy.counters.total_faults("reset") == 2
    assert proxy.counters.total_faults("slow") >= 1


@pytest.mark.parametrize("kind", ["reset", "lost_response"])
def test_a_merge_whose_connection_dropped_is_resent(
    proxy: TableFaultProxy, book: TableLedger, kind: str
) -> None:
    # Ledger merges are upserts of fixed values: resending one is safe, and a save of 500
    # threads done must not fail for one dropped connection among them.
    assert book.claim("m-merge", owner="run-1").claimed
    proxy.configure(TableFaultConfig(**{kind: 1.0}, operations=frozenset({"merge"}), max_faults=1))
    book.update("m-merge", state="posted")
    book.mark_threads_done({"t-1": datetime(2026, 1, 1, tzinfo=UTC)})
    assert proxy.counters.total_faults(kind) == 1
    record = book.get("m-merge")
    assert record is not None and record.state == "posted"
    assert "t-1" in book.threads_done_since(None)
