"""What ops see: GET /api/status and the operator's retry of a failed message."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from core.unreachable import explain
from pipeline.model_status import models_status
from pipeline.services import hubspot, ledger, settings
from pipeline.singleton import InstanceState, is_stuck
from pipeline.wake import last_webhook_iso


def service_status(now: datetime | None = None) -> dict[str, Any]:
    """Cursor, last run, counts by state in the last 24 h and recent failures with reasons."""
    now = now or datetime.now(UTC)
    book = ledger()
    cursor = book.load_cursor()
    return {
        "cursor": cursor.after.isoformat() if cursor.after else None,
        "last_run": {
            "run_id": cursor.last_run_id,
            "at": cursor.last_run_at.isoformat() if cursor.last_run_at else None,
            "summary": cursor.last_run_summary,
        },
        "last_webhook_at": last_webhook_iso(),
        "counts_last_24h": book.counts_by_state(now - timedelta(hours=24)),
        "recent_failures": [
            {
                "message_id": r.message_id,
                "thread_id": r.thread_id,
                "reason": r.reason,
                "attempts": r.attempts,
                "updated_at": r.updated_at.isoformat() if r.updated_at else None,
            }
            for r in book.recent_failures(limit=20)
        ],
    }


def poller_status(status: Any, now: datetime, watchdog_minutes: int) -> dict[str, Any]:
    """The poll instance as ops see it: its status, progress, and its age, so a run that
    hangs is visible before the watchdog (POLL_WATCHDOG_MINUTES) terminates it."""
    state = InstanceState.of(status)
    age = state.age(now) if state.active else None
    bound = timedelta(minutes=watchdog_minutes)
    return {
        "runtime_status": state.status,
        "custom_status": getattr(status, "custom_status", None),
        "created_time": state.created_time.isoformat() if state.created_time else None,
        "last_updated_time": (
            state.last_updated_time.isoformat() if state.last_updated_time else None
        ),
        "running_minutes": None if age is None else round(age.total_seconds() / 60, 1),
        "watchdog_minutes": watchdog_minutes,
        "over_watchdog_bound": is_stuck(state, bound, now),
    }


# HubSpot's spec types messageId as a plain string; real ids are short hex or digit strings.
# The ledger uses the id as a Table Storage key (no / \\ # ? or control characters).
MESSAGE_ID_MAX_CHARS = 128
_MESSAGE_ID = re.compile(r"[A-Za-z0-9_-]+")


def message_id_problem(message_id: str) -> str | None:
    """Why ``message_id`` cannot be a HubSpot message id (None when it can). Never echoes
    the id itself: it is caller input of any size."""
    if not message_id:
        return "message id missing in the route"
    if len(message_id) > MESSAGE_ID_MAX_CHARS:
        return f"message id longer than {MESSAGE_ID_MAX_CHARS} characters"
    if not _MESSAGE_ID.fullmatch(message_id):
        return "message id may hold only letters, digits, '-' and '_'"
    return None


@dataclass(frozen=True)
class RetryOutcome:
    status: int
    body: dict[str, Any]


def retry_message(message_id: str) -> RetryOutcome:
    """Make a failed message claimable again; the next poll drafts it (exactly once)."""
    problem = message_id_problem(message_id)
    if problem:
        return RetryOutcome(400, {"error": problem})
    book = ledger()
    record = book.get(message_id)
    if record is None:
        return RetryOutcome(404, {"error": f"message {message_id} is not in the ledger"})
    if record.state != "failed":
        return RetryOutcome(
            409, {"error": f"message {message_id} is {record.state}; only failed ones retry"}
        )
    book.mark_retry(message_id)
    return RetryOutcome(202, {"message_id": message_id, "state": "retry_requested"})


def dependencies_status() -> dict[str, Any]:
    """HubSpot and Qdrant reachable (one cheap call each), the knowledge base's state and the
    model deployments'; `ready` is what infra/deploy.sh waits for, `problems` says what is
    wrong in one line each."""
    from pipeline.kb_guard import knowledge_base_status

    problems: list[str] = []
    try:
        hubspot().list_inboxes()
        hub: dict[str, Any] = {"reachable": True}
    except Exception as error:
        found = explain(error, settings())
        if found is not None:  # nothing answers at HUBSPOT_BASE_URL: say where, not the token
            hub = {"reachable": False, "error": found.line()}
            problems.append(f"HubSpot unreachable: {found.line()}")
        else:
            first = str(error).splitlines()[0][:200] if str(error) else ""
            hub = {"reachable": False, "error": f"{type(error).__name__}: {first}"}
            problems.append(f"HubSpot unreachable ({hub['error']}): check HUBSPOT_ACCESS_TOKEN")
    kb = knowledge_base_status()
    if kb["problem"]:
        problems.append(str(kb["problem"]))
    # The chat and embeddings deployments (probed once per process, then cached): a failing
    # one is a problem to fix, not a reason to hold emails (drafts fall back and say why).
    models = models_status(settings())
    problems += [
        f"{role} model failing: {entry.get('reason', '')}"
        for role, entry in models.items()
        if entry["state"] == "failing"
    ]
    return {
        "ready": bool(hub["reachable"] and kb["reachable"]),
        "problems": problems,
        "hubspot": hub,
        "knowledge_base": kb,
        "models": models,
    }
