"""The poll cursor: read it, and move it only past threads whose new emails are all final."""

from __future__ import annotations

from datetime import datetime, timedelta

from core.contracts import CursorState, SaveCursorRequest, ThreadRef
from pipeline.services import ledger

CURSOR_NAME = "poll"


def load() -> CursorState:
    cursor = ledger().load_cursor(CURSOR_NAME)
    return CursorState(after=cursor.after, etag=cursor.etag)


def next_cursor(
    current: datetime | None, seen: list[ThreadRef], done_thread_ids: set[str]
) -> datetime | None:
    """The furthest point with every thread at or before it done; never moves backwards.

    A thread still open (not chosen this run, a claim held elsewhere, a crash) holds the
    cursor just before its latest message, so the next poll lists it again; the ledger
    removes the emails already done.
    """
    if not seen:
        return current
    open_times = [t.latest_at for t in seen if t.thread_id not in done_thread_ids]
    if open_times:
        candidate = min(open_times) - timedelta(milliseconds=1)
    else:
        candidate = max(t.latest_at for t in seen)
    if current is not None and candidate < current:
        return current
    return candidate


def save(request: SaveCursorRequest) -> CursorState:
    book = ledger()
    done = set(request.done_thread_ids)
    book.mark_threads_done({t.thread_id: t.latest_at for t in request.seen if t.thread_id in done})
    current = book.load_cursor(CURSOR_NAME)
    after = next_cursor(current.after, request.seen, set(request.done_thread_ids))
    saved = book.save_cursor(
        CURSOR_NAME, after=after, etag=request.etag, run_id=request.run_id, summary=request.summary
    )
    return CursorState(after=saved.after, etag=saved.etag)
