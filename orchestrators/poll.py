"""The poll orchestration: cursor → threads with new mail → a window of batch
sub-orchestrations (orchestrators/triage_batch.py) → cursor.

Deterministic: no I/O and no clock but ``context.current_utc_datetime``. The cursor only
moves past threads whose new inbound emails all reached a final ledger state. What this
history keeps is bounded: the chosen thread refs (at most POLL_MAX_THREADS_PER_RUN), and
per batch its open thread ids, counts and a capped share of MAX_SUMMARY_OUTCOMES problem
outcomes (failures); each email's outcome is in the ledger.
"""

from __future__ import annotations

from collections.abc import Generator
from datetime import timedelta
from typing import Any

import azure.durable_functions as df

from core.contracts import (
    MAX_SUMMARY_OUTCOMES,
    BatchInput,
    BatchResult,
    CursorState,
    Listing,
    ListRequest,
    PollInput,
    PollSummary,
    SaveCursorRequest,
    ThreadMark,
)
from orchestrators import names
from orchestrators.retry import HUBSPOT_RETRY, LEDGER_RETRY
from orchestrators.triage_batch import failed_batch
from pipeline.cursor import open_from

bp = df.Blueprint()


def run_id_for(context: df.DurableOrchestrationContext) -> str:
    return f"{context.instance_id}-{context.current_utc_datetime:%Y%m%dT%H%M%S%f}"


def poll_orchestrator(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict]:
    params = PollInput.model_validate(context.get_input() or {})
    run_id = run_id_for(context)
    status: dict[str, Any] = {"run_id": run_id, "stage": "listing"}
    context.set_custom_status(status)
    cursor = CursorState.model_validate(
        (yield context.call_activity_with_retry(names.LOAD_CHECKPOINT, LEDGER_RETRY, None))
    )
    request = ListRequest(
        after=cursor.after,
        overlap_seconds=params.overlap_seconds,
        max_threads=params.max_threads,
        run_id=run_id,
    )
    listing = Listing.model_validate(
        (
            yield context.call_activity_with_retry(
                names.LIST_NEW_MESSAGES, HUBSPOT_RETRY, request.to_json()
            )
        )
    )
    since = cursor.after - timedelta(seconds=params.overlap_seconds) if cursor.after else None
    batches = [
        listing.work[start : start + params.batch_size]
        for start in range(0, len(listing.work), params.batch_size)
    ]
    keep = max(1, MAX_SUMMARY_OUTCOMES // max(len(batches), 1))
    results: dict[int, BatchResult] = {}
    total = len(listing.work)
    # A window of batch sub-orchestrations in flight: a slow thread holds up one slot, not
    # the whole run. task_any wakes the poll at each batch's end (one replay each, as
    # before); it then starts the next batch. One sub-orchestration per batch keeps this
    # history short: the SDK replays the whole history on every completion, so fanning out
    # hundreds of threads from here directly would cost quadratic CPU.
    in_flight: list[tuple[Any, int]] = []  # (task, batch number)
    started = 0
    while started < len(batches) or in_flight:
        while started < len(batches) and len(in_flight) < params.batch_window:
            work = BatchInput(
                threads=batches[started], owner=run_id, since=since, keep_outcomes=keep
            )
            task = context.call_sub_orchestrator(
                names.BATCH_ORCHESTRATOR, work.to_json(), f"{run_id}-batch{started:04d}"
            )
            in_flight.append((task, started))
            started += 1
        done_count = sum(len(batches[n]) for n in results)
        status.update(stage="triaging", done=done_count, total=total, backlog=listing.backlog)
        context.set_custom_status(status)
        finished = yield context.task_any([task for task, _ in in_flight])
        position = next(i for i, (task, _) in enumerate(in_flight) if task is finished)
        _, number = in_flight.pop(position)
        try:  # a finished task resolves at once on yield: its result, or its error raised
            results[number] = BatchResult.model_validate((yield finished))
        except Exception as error:
            results[number] = failed_batch(batches[number], error, keep)
    ordered = [results[n] for n in sorted(results)]
    counts: dict[str, int] = {}
    for result in ordered:
        for decision, count in result.counts.items():
            counts[decision] = counts.get(decision, 0) + count
    problems = sum(result.thread_problems for result in ordered)
    open_ids = {t for result in ordered for t in result.open_thread_ids}
    status.update(stage="saving cursor", done=total, total=total, **counts)
    context.set_custom_status(status)
    saved = CursorState.model_validate(
        (
            yield context.call_activity_with_retry(
                names.SAVE_CHECKPOINT,
                LEDGER_RETRY,
                SaveCursorRequest(
                    etag=cursor.etag,
                    done=[
                        ThreadMark(thread_id=t.thread_id, latest_at=t.latest_at)
                        for t in listing.work
                        if t.thread_id not in open_ids
                    ],
                    open_from=open_from(
                        listing.work,
                        {t.thread_id for t in listing.work} - open_ids,
                        listing.held_back_from,
                    ),
                    latest_seen=listing.latest_seen,
                    run_id=run_id,
                    summary=counts,
                ).to_json(),
            )
        )
    )
    status.update(stage="done", cursor=saved.after.isoformat() if saved.after else None)
    context.set_custom_status(status)
    outcomes = [o for result in ordered for o in result.outcomes]
    omitted = sum(result.outcomes_omitted for result in ordered)
    summary = PollSummary(
        run_id=run_id,
        found=listing.found,
        backlog=listing.backlog,
        counts=counts,
        thread_problems=problems,
        outcomes=outcomes[:MAX_SUMMARY_OUTCOMES],
        outcomes_omitted=omitted + max(0, len(outcomes) - MAX_SUMMARY_OUTCOMES),
        cursor_after=saved.after,
    ).to_json()
    # A webhook during this run asked for one more cycle: continue as new, so the instance
    # id stays active between cycles (the singleton lock never opens) and history restarts.
    try:
        again = yield context.call_activity_with_retry(
            names.TAKE_WAKE_REQUEST, LEDGER_RETRY, {"run_id": run_id}
        )
    except Exception:  # the request stays pending; the timer's next poll takes it
        again = False
    if again:
        context.continue_as_new(params.model_copy(update={"reason": "webhook"}).to_json())
    return summary


@bp.orchestration_trigger(context_name="context", orchestration=names.POLL_ORCHESTRATOR)
def poll(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict]:
    return poll_orchestrator(context)
