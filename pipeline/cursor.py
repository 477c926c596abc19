"""The poll cursor: read it, and move it only past threads whose new emails are all final."""

from __future__ import annotations

from datetime import datetime, timedelta

from core.contracts import CursorState, SaveCursorRequest, ThreadRef
from pipeline.services import ledger

CURSOR_NAME = "poll"


def load() -> CursorState:
    cursor = ledger().load_cursor(CURSOR_NAME)
    return CursorState(after=cursor.after, etag=cursor.etag)


def cursor_after(
    current: datetime | None, open_from: datetime | None, latest_seen: datetime | None
) -> datetime | None:
    """Just before the earliest thread still open, else the newest one seen; never back.

    A thread still open (not chosen this run, a claim held elsewhere, a crash) holds the
    cursor just before its latest message, so the next poll lists it again; the ledger
    removes the emails already done.
    """
    if latest_seen is None:
        return current
    candidate = open_from - timedelta(milliseconds=1) if open_from is not None else latest_seen
    if current is not None and candidate < current:
        return current
    return candidate


def open_from(
    seen: list[ThreadRef], done_thread_ids: set[str], held_back_from: datetime | None = None
) -> datetime | None:
    """The earliest latest_at among threads not done (those held back for later count)."""
    times = [t.latest_at for t in seen if t.thread_id not in done_thread_ids]
    if held_back_from is not None:
        times.append(held_back_from)
    return min(times, default=None)


def next_cursor(
    current: datetime | None, seen: list[ThreadRef], done_thread_ids: set[str]
) -> datetime | None:
    """The furthest point with every thread at or before it done (see cursor_after)."""
    latest = max((t.latest_at for t in seen), default=None)
    return cursor_after(current, open_from(seen, done_thread_ids), latest)


def save(request: SaveCursorRequest) -> CursorState:
    book = ledger()
    book.mark_threads_done({t.thread_id: t.latest_at for t in request.done})
    current = book.load_cursor(CURSOR_NAME)
    after = cursor_after(current.after, request.open_from, request.latest_seen)
    saved = book.save_cursor(
        CURSOR_NAME, after=after, etag=request.etag, run_id=request.run_id, summary=request.summary
    )
    return CursorState(after=saved.after, etag=saved.etag)
