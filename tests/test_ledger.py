"""The ledger over Azurite: claims (409), take-overs and the cursor (ETag, 412)."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from ledger.models import CursorConflictError
from ledger.table_ledger import TableLedger
from localdev.azurite import Azurite


@pytest.fixture
def book(azurite: Azurite) -> TableLedger:
    prefix = "t" + uuid.uuid4().hex[:10]  # a fresh set of tables per test
    return TableLedger.from_connection(connection_string=azurite.connection_string, prefix=prefix)


def test_first_claim_wins_and_a_rerun_of_the_same_run_is_still_ours(book: TableLedger) -> None:
    first = book.claim("m1", owner="run-a", thread_id="t1")
    again = book.claim("m1", owner="run-a", thread_id="t1")
    other = book.claim("m1", owner="run-b", thread_id="t1")
    assert first.claimed and again.claimed
    assert not other.claimed and "held by run run-a" in other.reason


def test_concurrent_claims_have_exactly_one_winner(book: TableLedger) -> None:
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda i: book.claim("race", owner=f"run-{i}"), range(8)))
    assert sum(r.claimed for r in results) == 1


def test_final_rows_are_never_claimed_again(book: TableLedger) -> None:
    book.claim("m2", owner="run-a")
    book.update("m2", state="posted", comment_id="c-9")
    result = book.claim("m2", owner="run-b", lease=timedelta(0))
    assert not result.claimed and result.reason == "final: posted"
    assert book.get("m2").comment_id == "c-9"  # type: ignore[union-attr]


def test_an_expired_claim_of_a_dead_run_is_taken_over_once(book: TableLedger) -> None:
    book.claim("m3", owner="dead-run")
    book.update("m3", claimed_at=datetime.now(UTC) - timedelta(hours=1))
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda i: book.claim("m3", owner=f"new-{i}"), range(4)))
    assert sum(r.claimed for r in results) == 1
    record = book.get("m3")
    assert record is not None and record.attempts == 2 and record.owner.startswith("new-")


def test_operator_retry_makes_a_failed_row_claimable(book: TableLedger) -> None:
    book.claim("m4", owner="run-a", thread_id="t4")
    book.update("m4", state="failed", reason="HubSpotUnavailable: gave up after 120 s")
    assert [r.message_id for r in book.recent_failures()] == ["m4"]
    book.mark_retry("m4")
    assert [r.message_id for r in book.pending_retries()] == ["m4"]
    assert book.claim("m4", owner="run-b").claimed
    assert book.pending_retries() == []


def test_post_attempt_is_remembered(book: TableLedger) -> None:
    book.claim("m5", owner="run-a")
    assert book.mark_post_attempt("m5") is False
    assert book.mark_post_attempt("m5") is True
    assert book.get("m5").state == "drafted"  # type: ignore[union-attr]


def test_update_rejects_unknown_fields_and_bad_states(book: TableLedger) -> None:
    with pytest.raises(ValueError, match="unknown ledger fields"):
        book.update("m6", body="never stored")
    with pytest.raises(ValueError):
        book.update("m6", state="exploded")


def test_counts_by_state_since(book: TableLedger) -> None:
    for i, state in enumerate(["posted", "posted", "skipped", "failed"]):
        book.claim(f"c{i}", owner="run")
        book.update(f"c{i}", state=state)
    counts = book.counts_by_state(datetime.now(UTC) - timedelta(hours=24))
    assert counts == {"posted": 2, "skipped": 1, "failed": 1}
    assert book.counts_by_state(datetime.now(UTC) + timedelta(hours=1)) == {}


def test_cursor_is_etag_guarded(book: TableLedger) -> None:
    empty = book.load_cursor()
    assert empty.after is None and empty.etag is None
    moment = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    saved = book.save_cursor(after=moment, etag=None, run_id="r1", summary={"posted": 3})
    loaded = book.load_cursor()
    assert loaded.after == moment and loaded.last_run_summary == {"posted": 3}
    book.save_cursor(after=moment + timedelta(minutes=1), etag=loaded.etag, run_id="r2", summary={})
    with pytest.raises(CursorConflictError):  # r3 read before r2 saved
        book.save_cursor(after=moment, etag=saved.etag, run_id="r3", summary={})
    with pytest.raises(CursorConflictError):  # two first-ever saves
        book.save_cursor(after=moment, etag=None, run_id="r4", summary={})
    assert book.load_cursor().last_run_id == "r2"


def test_threads_done_through_a_time(book: TableLedger) -> None:
    moment = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    book.mark_threads_done({"t1": moment, "t2": moment + timedelta(hours=1)})
    assert book.threads_done_since(None) == {"t1": moment, "t2": moment + timedelta(hours=1)}
    assert book.threads_done_since(moment + timedelta(minutes=1)) == {
        "t2": moment + timedelta(hours=1)
    }
    book.mark_threads_done({"t1": moment + timedelta(hours=2)})  # a later pass moves it on
    assert book.threads_done_since(moment + timedelta(hours=2)) == {
        "t1": moment + timedelta(hours=2)
    }
