"""One batch of threads, in phases shared by all of them: load every thread (list messages,
claim the new inbound emails, triage the newest: one activity), then one draft_and_post per
thread to answer, then record_result for the emails that failed or were skipped mid-way.

Drafts once per thread, for the newest email, with the whole thread as context; older new
emails of the same thread are recorded as skipped (superseded) by load_thread. Every claimed
email ends in a final ledger state (posted, skipped or failed with the reason), whatever
fails; a thread whose load failed, or whose failure could not be recorded, stays open
(done=False) so the cursor holds and a later run takes it up again. This orchestration never
raises: one bad thread must not stop the others.

Why phases and not one sub-orchestration per thread: per email this history holds two
activities (four events) and the batch's few episodes are shared, instead of a whole
instance with its own episodes and replays per thread (history bytes and CPU per email).
What crosses into this history is ids and labels: each activity reads the email's text from
the text store by message id (pipeline/email_text.py) and writes what the next one needs.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import azure.durable_functions as df

from core.contracts import (
    BatchInput,
    BatchResult,
    DraftPostResult,
    EmailOutcome,
    EmailWorkInput,
    LoadedThread,
    ThreadOutcome,
    ThreadRef,
    TriageLabels,
)
from orchestrators import names
from orchestrators.retry import HUBSPOT_RETRY, LEDGER_RETRY

KB_UNAVAILABLE = (
    "knowledge_base_unavailable"  # pipeline.drafting's hold (no import: orchestrators stay light)
)

bp = df.Blueprint()


def _first_line(error: Exception, limit: int = 500) -> str:
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text}"[:limit]


def _failed_thread(ref: ThreadRef, error: Exception) -> ThreadOutcome:
    """A batch that crashed (a bug, the ledger down): the thread stays open, so the cursor
    holds and a later run takes it up again; nothing else stops."""
    reason = f"orchestration failed: {str(error).splitlines()[0][:300] if str(error) else ''}"
    outcome = EmailOutcome(thread_id=ref.thread_id, message_id="", decision="failed", reason=reason)
    return ThreadOutcome(thread_id=ref.thread_id, done=False, outcomes=[outcome])


def summarize(threads: list[ThreadOutcome], keep: int) -> BatchResult:
    """Open threads, counts of every decision, and at most `keep` of the outcomes that
    need a look (failures, thread-level problems): what the poll's history holds per batch
    stays small and bounded. Every email's own outcome is in the ledger."""
    outcomes = [o for t in threads for o in t.outcomes]
    counts: dict[str, int] = {}
    for item in outcomes:
        if item.message_id:
            counts[item.decision] = counts.get(item.decision, 0) + 1
    problems = [o for o in outcomes if o.decision == "failed" or not o.message_id]
    return BatchResult(
        open_thread_ids=[t.thread_id for t in threads if not t.done],
        counts=counts,
        thread_problems=sum(1 for o in outcomes if not o.message_id),
        outcomes=problems[:keep],
        outcomes_omitted=max(0, len(problems) - keep),
    )


def failed_batch(batch: list[ThreadRef], error: Exception, keep: int) -> BatchResult:
    return summarize([_failed_thread(ref, error) for ref in batch], keep)


@dataclass
class _Thread:
    """One thread's progress through the phases (orchestrator memory, rebuilt on replay)."""

    ref: ThreadRef
    done: bool = True
    outcomes: list[EmailOutcome] = field(default_factory=list)
    answer: str | None = None  # the claimed email to draft for
    ticket_id: str | None = None
    labels: dict[str, Any] = field(default_factory=dict)
    to_record: tuple[str, str, str] | None = None  # (message id, state, reason) to write

    def outcome(self, decision: str, reason: str, seconds: float) -> EmailOutcome:
        assert self.answer is not None
        return EmailOutcome(
            thread_id=self.ref.thread_id,
            message_id=self.answer,
            decision=decision,
            reason=reason,
            seconds=seconds,
            **self.labels,
        )

    def stop(self, problem: str | None, reason: str, seconds: float) -> None:
        """A permanent outcome reached mid-way: recorded in the last phase."""
        # A thread deleted mid-run leaves nothing to answer: skipped, not failed.
        decision = "skipped" if problem == "thread_gone" else "failed"
        assert self.answer is not None
        self.to_record = (self.answer, decision, reason)
        self.outcomes.append(self.outcome(decision, reason, seconds))
        self.answer = None


def _reason(step: str, problem: str | None, detail: str) -> str:
    return f"{step}: {problem}: {detail}".rstrip(": ")


def _settle(
    context: df.DurableOrchestrationContext, tasks: list[Any]
) -> Generator[Any, Any, list[Any]]:
    """Each task's result, or the exception it ended with. task_all raises at the first
    failed task while others may still run: then wait for each on its own (a finished one
    resolves at once on yield), so one thread's failure never loses another's result."""
    if not tasks:
        return []
    try:
        return list((yield context.task_all(tasks)))
    except Exception:
        results: list[Any] = []
        for task in tasks:
            try:
                results.append((yield task))
            except Exception as error:
                results.append(error)
        return results


def _after_load(thread: _Thread, result: Any, seconds: float) -> None:
    thread_id = thread.ref.thread_id
    if isinstance(result, Exception):  # HubSpot unreachable after every retry: retried later
        reason = f"load_thread: {str(result).splitlines()[0][:300] if str(result) else ''}"
        thread.done = False
        thread.outcomes.append(
            EmailOutcome(thread_id=thread_id, message_id="", decision="failed", reason=reason)
        )
        return
    loaded = LoadedThread.model_validate(result)
    if not loaded.ok:  # gone before anything was claimed: nothing to record
        reason = _reason("load_thread", loaded.problem, loaded.detail)
        thread.outcomes.append(
            EmailOutcome(thread_id=thread_id, message_id="", decision="skipped", reason=reason)
        )
        return
    thread.done = not loaded.held
    thread.outcomes += [
        EmailOutcome(
            thread_id=thread_id,
            message_id=m,
            decision="not_claimed",
            reason="claimed by another run",
        )
        for m in loaded.held
    ]
    thread.outcomes += [
        EmailOutcome(thread_id=thread_id, message_id=m, decision="skipped", reason="superseded")
        for m in loaded.superseded
    ]
    thread.answer, thread.ticket_id = loaded.answer, loaded.ticket_id
    if thread.answer is None:  # nothing new, or the newest is final or held elsewhere
        return
    # Triaged inside load_thread (a skip is already recorded there, with its detail).
    triaged = loaded.triage or TriageLabels(ok=False, problem="not_triaged")
    if not triaged.ok:
        thread.stop(triaged.problem, _reason("triage", triaged.problem, triaged.detail), seconds)
        return
    thread.labels.update(language=triaged.language, intent=triaged.intent)
    if not triaged.should_answer:
        thread.outcomes.append(thread.outcome("skipped", triaged.skip_reason or "skipped", seconds))
        thread.answer = None


def _after_post(thread: _Thread, result: Any, seconds: float) -> None:
    if isinstance(result, Exception):  # failed after its last retry
        thread.stop(None, _first_line(result), seconds)
        return
    posted = DraftPostResult.model_validate(result)
    if posted.problem == KB_UNAVAILABLE:
        # Held, not final: the thread stays open (the cursor holds) and a later run drafts
        # the email once the knowledge base is back (after the claim's lease).
        thread.done = False
        thread.outcomes.append(thread.outcome("held", posted.detail, seconds))
        thread.answer = None
        return
    thread.labels.update(confidence=posted.confidence, sources=posted.sources)
    if not posted.ok:
        thread.stop(posted.problem, _reason(posted.step, posted.problem, posted.detail), seconds)
        return
    thread.outcomes.append(thread.outcome("posted", posted.detail, seconds))
    thread.answer = None


def batch_orchestrator(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict]:
    work = BatchInput.model_validate(context.get_input())
    started: datetime = context.current_utc_datetime

    def elapsed() -> float:
        return (context.current_utc_datetime - started).total_seconds()

    threads = [_Thread(ref=ref) for ref in work.threads]
    loads = yield from _settle(
        context,
        [
            context.call_activity_with_retry(
                names.LOAD_THREAD,
                HUBSPOT_RETRY,
                EmailWorkInput(thread=t.ref, owner=work.owner, since=work.since).to_json(),
            )
            for t in threads
        ],
    )
    for thread, result in zip(threads, loads, strict=True):
        _guarded(thread, _after_load, result, elapsed())

    answering = [t for t in threads if t.answer is not None]
    posts = yield from _settle(
        context,
        [
            # Retrieval, drafting and the post in one step: one pair of events per email. A
            # retry reuses the draft this run stored; the post checks its marker first.
            context.call_activity_with_retry(
                names.DRAFT_AND_POST,
                HUBSPOT_RETRY,
                {
                    "thread_id": t.ref.thread_id,
                    "message_id": t.answer,
                    "ticket_id": t.ticket_id,
                    "owner": work.owner,
                },
            )
            for t in answering
        ],
    )
    for thread, result in zip(answering, posts, strict=True):
        _guarded(thread, _after_post, result, elapsed())

    pending = [(t, t.to_record) for t in threads if t.to_record is not None]
    records = yield from _settle(
        context,
        [
            context.call_activity_with_retry(
                names.RECORD_RESULT,
                LEDGER_RETRY,
                {"message_ids": [message_id], "state": state, "reason": reason},
            )
            for _, (message_id, state, reason) in pending
        ],
    )
    for (thread, _), result in zip(pending, records, strict=True):
        if isinstance(result, Exception):  # the ledger itself failing: the thread stays open
            thread.done = False
            thread.outcomes = [
                EmailOutcome(
                    thread_id=thread.ref.thread_id,
                    message_id="",
                    decision="failed",
                    reason=_first_line(result),
                )
            ]
    outcomes = [
        ThreadOutcome(thread_id=t.ref.thread_id, done=t.done, outcomes=t.outcomes) for t in threads
    ]
    return summarize(outcomes, work.keep_outcomes).to_json()


def _guarded(thread: _Thread, step: Any, result: Any, seconds: float) -> None:
    """A result that does not validate (a bug): the email still gets a final state."""
    try:
        step(thread, result, seconds)
    except Exception as error:
        if thread.answer is None:
            thread.done = False
            thread.outcomes.append(
                EmailOutcome(
                    thread_id=thread.ref.thread_id,
                    message_id="",
                    decision="failed",
                    reason=_first_line(error),
                )
            )
        else:
            thread.stop(None, _first_line(error), seconds)


@bp.orchestration_trigger(context_name="context", orchestration=names.BATCH_ORCHESTRATOR)
def triage_batch(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict]:
    return batch_orchestrator(context)
