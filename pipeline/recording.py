"""Ledger writes of the batch orchestration's steps: claims and states (labels, never bodies)."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from core.contracts import MessageRef
from pipeline.services import ledger, settings

log = logging.getLogger(__name__)


def claim(
    refs: list[MessageRef], *, owner: str, thread_id: str, inbox_id: str, subject: str
) -> dict[str, list[str]]:
    """Claim each new email of the thread for this run. Returns claimed ids, ids held by
    another live run (the thread stays open) and ids already final (nothing to do)."""
    book = ledger()
    lease = timedelta(seconds=settings().claim_lease_seconds)
    claimed, held, final = [], [], []
    for ref in refs:
        result = book.claim(
            ref.message_id,
            owner=owner,
            thread_id=thread_id,
            inbox_id=inbox_id,
            received_at=ref.received_at,
            subject=subject[:300],
            lease=lease,
        )
        if result.claimed:
            claimed.append(ref.message_id)
            log.info(
                "claimed email %s (%s)",
                ref.message_id,
                result.reason or "new",
                extra={"message_id": ref.message_id, "thread_id": thread_id},
            )
        elif result.record.is_final:
            final.append(ref.message_id)
        else:
            held.append(ref.message_id)
    return {"claimed": claimed, "held": held, "final": final}


def labels(payload: dict[str, Any]) -> dict[str, Any]:
    """Ledger columns from the triage result and the draft."""
    fields: dict[str, Any] = {}
    triage = payload.get("triage")
    if triage:
        fields.update(
            language=triage.get("language"),
            intent=triage.get("intent"),
            priority=triage.get("priority"),
            skip_reason=triage.get("skip_reason"),
        )
    draft = payload.get("draft")
    if draft:
        passages = payload.get("passages", [])
        cited = [c["number"] for c in draft.get("citations", [])]
        fields.update(
            confidence=draft.get("confidence"),
            prompt_tokens=draft.get("prompt_tokens", 0),
            completion_tokens=draft.get("completion_tokens", 0),
            cost_usd=draft.get("cost_usd", 0.0),
            sources=[
                {"title": passages[n - 1].get("title"), "url": passages[n - 1].get("url")}
                for n in cited
                if 0 < n <= len(passages)
            ],
        )
    for key in ("comment_id", "posted_via", "skip_reason"):
        if payload.get(key):
            fields[key] = payload[key]
    if payload.get("reason"):
        fields["reason"] = str(payload["reason"])[:1000]
    return fields


def record(payload: dict[str, Any]) -> dict[str, Any]:
    """Write a state and its labels for each message id; idempotent (a merge)."""
    return record_state([str(m) for m in payload["message_ids"]], str(payload["state"]), payload)


def record_state(message_ids: list[str], state: str, payload: dict[str, Any]) -> dict[str, Any]:
    book = ledger()
    fields = labels(payload)
    for message_id in message_ids:
        book.update(str(message_id), state=state, **fields)
        # Labels and reasons only: never the body.
        log.info(
            "email %s: %s %s",
            message_id,
            state,
            fields.get("reason", ""),
            extra={"message_id": str(message_id), "state": state},
        )
    return {"ok": True, "state": state, "count": len(message_ids)}
