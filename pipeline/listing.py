"""Find the threads to work on: activity after the cursor (minus an overlap window), in every
configured inbox, plus threads of failed emails an operator asked to retry."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from core.contracts import Listing, ListRequest, ThreadRef
from pipeline.mapping import ticket_of
from pipeline.services import hubspot, ledger, settings

log = logging.getLogger(__name__)

# Share of each run reserved for the newest threads, so a large backlog never starves them.
FRESH_SHARE = 0.25


def select(threads: list[ThreadRef], max_threads: int) -> tuple[list[ThreadRef], int]:
    """Oldest first (so the cursor can advance) plus the newest few; the rest wait."""
    ordered = sorted(threads, key=lambda t: (not t.retry, t.latest_at, t.thread_id))
    if len(ordered) <= max_threads:
        return ordered, 0
    fresh = max(1, int(max_threads * FRESH_SHARE))
    chosen = ordered[: max_threads - fresh] + ordered[-fresh:]
    return chosen, len(ordered) - len(chosen)


def listing_start(request: ListRequest, initial_lookback_hours: float, now: datetime) -> datetime:
    """Where this poll's listing starts: the cursor minus the overlap window or, with no
    cursor yet (a new deployment), a bounded look-back. HubSpot refuses the listing sorted
    by latestMessageTimestamp without a start, and a new deployment must not draft the
    inbox's whole history."""
    if request.after is not None:
        return request.after - timedelta(seconds=request.overlap_seconds)
    return now - timedelta(hours=initial_lookback_hours)


def list_new_threads(request: ListRequest) -> Listing:
    client, book = hubspot(), ledger()
    since = listing_start(request, settings().poll_initial_lookback_hours, datetime.now(UTC))
    inbox_ids = list(settings().hubspot_inbox_ids) or [inbox.id for inbox in client.list_inboxes()]
    done = book.threads_done_since(since)
    found: dict[str, ThreadRef] = {}
    already_done = 0
    for inbox_id in inbox_ids:
        for thread in client.iter_threads(inbox_id, since):
            if thread.latest_message_timestamp is None:
                continue
            through = done.get(thread.id)
            if through is not None and thread.latest_message_timestamp <= through:
                already_done += 1  # nothing new since this thread was handled
                continue
            found[thread.id] = ThreadRef(
                thread_id=thread.id,
                inbox_id=inbox_id,
                latest_at=thread.latest_message_timestamp,
                spam=bool(thread.spam),
                ticket_id=ticket_of(thread),
            )
    threads_scanned = len(found) + already_done
    for record in book.pending_retries():
        if record.thread_id and record.received_at is not None:
            ref = found.get(record.thread_id)
            found[record.thread_id] = ThreadRef(
                thread_id=record.thread_id,
                inbox_id=record.inbox_id,
                latest_at=ref.latest_at if ref else record.received_at,
                retry=True,
            )
    seen = list(found.values())
    chosen, backlog = select(seen, request.max_threads)
    log.info(
        "listing: %d inboxes, %d threads scanned, %d already done, %d chosen, %d left for later",
        len(inbox_ids),
        threads_scanned,
        already_done,
        len(chosen),
        backlog,
    )
    taken = {t.thread_id for t in chosen}
    return Listing(
        work=chosen,
        backlog=backlog,
        # the threads left for later hold the cursor; only their earliest time is needed
        held_back_from=min((t.latest_at for t in seen if t.thread_id not in taken), default=None),
        latest_seen=max((t.latest_at for t in seen), default=None),
        threads_scanned=threads_scanned,
        inboxes_scanned=len(inbox_ids),
    )
