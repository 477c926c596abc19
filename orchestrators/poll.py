"""The poll orchestration: cursor → threads with new mail → one sub-orchestration per thread
→ cursor.

Deterministic: no I/O and no clock but ``context.current_utc_datetime``. The cursor only
moves past threads whose new inbound emails all reached a final ledger state.
"""

from __future__ import annotations

from collections.abc import Generator
from datetime import timedelta
from typing import Any

import azure.durable_functions as df

from core.contracts import (
    BatchInput,
    CursorState,
    EmailOutcome,
    EmailWorkInput,
    Listing,
    ListRequest,
    PollInput,
    PollSummary,
    SaveCursorRequest,
    ThreadOutcome,
    ThreadRef,
)
from orchestrators import names
from orchestrators.retry import HUBSPOT_RETRY, LEDGER_RETRY

bp = df.Blueprint()


def run_id_for(context: df.DurableOrchestrationContext) -> str:
    return f"{context.instance_id}-{context.current_utc_datetime:%Y%m%dT%H%M%S%f}"


def _failed_thread(ref: ThreadRef, error: Exception) -> ThreadOutcome:
    """A sub-orchestration that crashed (a bug, the ledger down): the thread stays open, so
    the cursor holds and a later run takes it up again; nothing else stops."""
    reason = f"orchestration failed: {str(error).splitlines()[0][:300]}"
    outcome = EmailOutcome(thread_id=ref.thread_id, message_id="", decision="failed", reason=reason)
    return ThreadOutcome(thread_id=ref.thread_id, done=False, outcomes=[outcome])


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
    threads: list[ThreadOutcome] = []
    total = len(listing.work)
    for number, start in enumerate(range(0, total, params.batch_size)):
        batch = listing.work[start : start + params.batch_size]
        status.update(stage="triaging", done=start, total=total, backlog=listing.backlog)
        context.set_custom_status(status)
        # One sub-orchestration per batch keeps this history short: the SDK replays the
        # whole history on every completion, so fanning out hundreds of threads from here
        # directly would cost quadratic CPU.
        work = BatchInput(threads=batch, owner=run_id, since=since)
        try:
            results = yield context.call_sub_orchestrator(
                names.BATCH_ORCHESTRATOR, work.to_json(), f"{run_id}-batch{number:04d}"
            )
            threads.extend(ThreadOutcome.model_validate(r) for r in results)
        except Exception as error:
            threads.extend(_failed_thread(ref, error) for ref in batch)
    outcomes = [o for t in threads for o in t.outcomes]
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.decision] = counts.get(outcome.decision, 0) + 1
    status.update(stage="saving cursor", done=total, total=total, **counts)
    context.set_custom_status(status)
    saved = CursorState.model_validate(
        (
            yield context.call_activity_with_retry(
                names.SAVE_CHECKPOINT,
                LEDGER_RETRY,
                SaveCursorRequest(
                    etag=cursor.etag,
                    seen=listing.seen,
                    done_thread_ids=[t.thread_id for t in threads if t.done],
                    run_id=run_id,
                    summary=counts,
                ).to_json(),
            )
        )
    )
    status.update(stage="done", cursor=saved.after.isoformat() if saved.after else None)
    context.set_custom_status(status)
    summary = PollSummary(
        run_id=run_id,
        found=len(listing.seen),
        backlog=listing.backlog,
        outcomes=outcomes,
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


def batch_orchestrator(context: df.DurableOrchestrationContext) -> Generator[Any, Any, list]:
    """One batch of threads, concurrently: one triage_email sub-orchestration each."""
    work = BatchInput.model_validate(context.get_input())
    tasks = [
        context.call_sub_orchestrator(
            names.EMAIL_ORCHESTRATOR,
            EmailWorkInput(thread=ref, owner=work.owner, since=work.since).to_json(),
            f"{work.owner}-{ref.thread_id}",
        )
        for ref in work.threads
    ]
    threads: list[ThreadOutcome] = []
    try:
        results = yield context.task_all(tasks)
        threads.extend(ThreadOutcome.model_validate(r) for r in results)
    except Exception:
        # task_all raises at the first failed child while others may still run: wait for
        # each child on its own (a finished one resolves at once on yield).
        threads = []
        for ref, task in zip(work.threads, tasks, strict=True):
            try:
                threads.append(ThreadOutcome.model_validate((yield task)))
            except Exception as error:
                threads.append(_failed_thread(ref, error))
    return [t.to_json() for t in threads]


@bp.orchestration_trigger(context_name="context", orchestration=names.BATCH_ORCHESTRATOR)
def triage_batch(context: df.DurableOrchestrationContext) -> Generator[Any, Any, list]:
    return batch_orchestrator(context)


@bp.orchestration_trigger(context_name="context", orchestration=names.POLL_ORCHESTRATOR)
def poll(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict]:
    return poll_orchestrator(context)
