"""One thread: load it, claim its new inbound emails and triage the newest (one step), then
skip it with the reason or retrieve, draft and post one comment (the post step records it).

Drafts once, for the newest email, with the whole thread as context; older new emails of the
same thread are recorded as skipped (superseded). Every claimed email ends in a final ledger
state (posted, skipped or failed with the reason), whatever fails, and this orchestration
itself never raises: one bad thread must not stop the poll.

What crosses into this history is ids and labels: each activity reads the email's text from
the text store by message id (pipeline/email_text.py) and writes what the next one needs.
"""

from __future__ import annotations

from collections.abc import Generator
from datetime import datetime
from typing import Any

import azure.durable_functions as df

from core.contracts import (
    DraftLabels,
    EmailOutcome,
    EmailWorkInput,
    LoadedThread,
    StepResult,
    ThreadOutcome,
    TriageLabels,
)
from orchestrators import names
from orchestrators.retry import HUBSPOT_RETRY, LEDGER_RETRY, LLM_RETRY

bp = df.Blueprint()


class _Stop(Exception):
    """A permanent outcome reached mid-way (skip or failure with a reason)."""

    def __init__(self, decision: str, reason: str) -> None:
        super().__init__(reason)
        self.decision = decision
        self.reason = reason


def _check(result: dict[str, Any], step: str) -> dict[str, Any]:
    status = StepResult.model_validate(
        {k: result[k] for k in ("ok", "problem", "detail") if k in result}
    )
    _raise_unless_ok(status, step)
    return result


def _raise_unless_ok(
    status: StepResult | LoadedThread | TriageLabels | DraftLabels, step: str
) -> None:
    if not status.ok:
        # A thread deleted mid-run leaves nothing to answer: skipped, not failed.
        decision = "skipped" if status.problem == "thread_gone" else "failed"
        raise _Stop(decision, f"{step}: {status.problem}: {status.detail}".rstrip(": "))


def _record(
    context: df.DurableOrchestrationContext, message_ids: list[str], state: str, **fields: Any
) -> Any:
    return context.call_activity_with_retry(
        names.RECORD_RESULT, LEDGER_RETRY, {"message_ids": message_ids, "state": state, **fields}
    )


def email_orchestrator(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict]:
    work = EmailWorkInput.model_validate(context.get_input())
    thread_id = work.thread.thread_id
    try:
        return (yield from _work_thread(context, work))
    except Exception as exc:  # the ledger itself failing: the thread stays open for later
        reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:500]
        outcome = EmailOutcome(thread_id=thread_id, message_id="", decision="failed", reason=reason)
        return ThreadOutcome(thread_id=thread_id, done=False, outcomes=[outcome]).to_json()


def _work_thread(
    context: df.DurableOrchestrationContext, work: EmailWorkInput
) -> Generator[Any, Any, dict]:
    thread_id = work.thread.thread_id
    started: datetime = context.current_utc_datetime
    try:
        loaded = LoadedThread.model_validate(
            (
                yield context.call_activity_with_retry(
                    names.LOAD_THREAD, HUBSPOT_RETRY, work.to_json()
                )
            )
        )
        _raise_unless_ok(loaded, "load_thread")
    except _Stop as stop:  # gone before anything was claimed: nothing to record
        gone = EmailOutcome(
            thread_id=thread_id, message_id="", decision="skipped", reason=stop.reason
        )
        return ThreadOutcome(thread_id=thread_id, done=True, outcomes=[gone]).to_json()
    except Exception as exc:  # HubSpot unreachable after every retry: a later run retries
        unreachable = EmailOutcome(
            thread_id=thread_id,
            message_id="",
            decision="failed",
            reason=f"load_thread: {str(exc).splitlines()[0][:300]}",
        )
        return ThreadOutcome(thread_id=thread_id, done=False, outcomes=[unreachable]).to_json()

    held = loaded.held
    outcomes = [
        EmailOutcome(
            thread_id=thread_id,
            message_id=m,
            decision="not_claimed",
            reason="claimed by another run",
        )
        for m in held
    ]
    outcomes += [
        EmailOutcome(thread_id=thread_id, message_id=m, decision="skipped", reason="superseded")
        for m in loaded.superseded
    ]
    newest = loaded.answer
    if newest is None:  # nothing new, or the newest is final or held elsewhere
        return ThreadOutcome(thread_id=thread_id, done=not held, outcomes=outcomes).to_json()

    labels: dict[str, Any] = {}

    def outcome(decision: str, reason: str = "") -> EmailOutcome:
        elapsed = (context.current_utc_datetime - started).total_seconds()
        return EmailOutcome(
            thread_id=thread_id,
            message_id=newest,
            decision=decision,
            reason=reason,
            seconds=elapsed,
            **labels,
        )

    by_id = {"message_id": newest}
    try:
        # Triaged inside load_thread (a skip is already recorded there, with its detail).
        triaged = loaded.triage or TriageLabels(ok=False, problem="not_triaged")
        _raise_unless_ok(triaged, "triage")
        labels.update(language=triaged.language, intent=triaged.intent)
        if not triaged.should_answer:
            outcomes.append(outcome("skipped", triaged.skip_reason or "skipped"))
            return ThreadOutcome(thread_id=thread_id, done=not held, outcomes=outcomes).to_json()
        # Retrieval and drafting in one step: one replay less per email.
        drafted = DraftLabels.model_validate(
            (yield context.call_activity_with_retry(names.DRAFT, LLM_RETRY, by_id))
        )
        _raise_unless_ok(drafted, "draft")
        labels.update(confidence=drafted.confidence, sources=drafted.sources)
        posted = _check(
            (
                yield context.call_activity_with_retry(
                    names.POST_COMMENT,
                    HUBSPOT_RETRY,
                    {"thread_id": thread_id, "message_id": newest, "ticket_id": loaded.ticket_id},
                )
            ),
            "post_comment",
        )
        outcomes.append(outcome("posted", posted.get("detail", "")))
    except _Stop as stop:
        yield _record(context, [newest], stop.decision, reason=stop.reason)
        outcomes.append(outcome(stop.decision, stop.reason))
    except Exception as exc:  # an activity failed after its last retry
        reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:500]
        yield _record(context, [newest], "failed", reason=reason)
        outcomes.append(outcome("failed", reason))
    return ThreadOutcome(thread_id=thread_id, done=not held, outcomes=outcomes).to_json()


@bp.orchestration_trigger(context_name="context", orchestration=names.EMAIL_ORCHESTRATOR)
def triage_email(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict]:
    return email_orchestrator(context)
