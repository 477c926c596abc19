"""The cursor rule and the backlog selection (pure functions of the poll)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.contracts import ThreadRef
from pipeline.cursor import next_cursor
from pipeline.listing import select

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def ref(name: str, minutes: int, retry: bool = False) -> ThreadRef:
    return ThreadRef(
        thread_id=name, inbox_id="1", latest_at=T0 + timedelta(minutes=minutes), retry=retry
    )


def test_cursor_moves_to_the_newest_thread_when_all_are_done() -> None:
    seen = [ref("a", 1), ref("b", 5), ref("c", 3)]
    assert next_cursor(None, seen, {"a", "b", "c"}) == T0 + timedelta(minutes=5)


def test_an_open_thread_holds_the_cursor_just_before_it() -> None:
    seen = [ref("a", 1), ref("b", 5), ref("c", 3)]
    assert next_cursor(None, seen, {"a", "b"}) == T0 + timedelta(minutes=3, milliseconds=-1)


def test_cursor_never_moves_backwards_and_stays_when_nothing_was_seen() -> None:
    current = T0 + timedelta(hours=1)
    assert next_cursor(current, [ref("a", 1)], set()) == current
    assert next_cursor(current, [], set()) == current
    assert next_cursor(None, [], set()) is None


def test_selection_takes_oldest_first_plus_a_share_of_the_newest() -> None:
    threads = [ref(f"t{i:02d}", i) for i in range(40)]
    chosen, backlog = select(threads, 20)
    names = [t.thread_id for t in chosen]
    assert backlog == 20 and len(chosen) == 20
    assert names[:15] == [f"t{i:02d}" for i in range(15)]  # the oldest, so the cursor moves
    assert names[15:] == [f"t{i:02d}" for i in range(35, 40)]  # new mail is not starved


def test_operator_retries_go_first_and_small_listings_are_taken_whole() -> None:
    threads = [ref("new", 9), ref("retry", 1, retry=True), ref("old", 0)]
    chosen, backlog = select(threads, 10)
    assert [t.thread_id for t in chosen] == ["retry", "old", "new"] and backlog == 0
