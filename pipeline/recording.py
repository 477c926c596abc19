"""Ledger writes of the batch orchestration's steps: claims and states (labels, never bodies)."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from core.contracts import MessageRef
from core.llm.usage import Usage
from pipeline.services import ledger, settings
from rag.drafting.holding import HOLDING_MODEL

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
    if triage or draft:
        fields.update(usage_labels(payload))
    if draft:
        passages = payload.get("passages", [])
        cited = [c["number"] for c in draft.get("citations", [])]
        fields.update(
            confidence=draft.get("confidence"),
            drafter=drafter_label(draft),
            fallback_reason=draft.get("fallback_reason") or None,
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


def step_usage(payload: dict[str, Any]) -> dict[str, Usage]:
    """Billed model usage of one email by step: the classifier's (from triage), the query
    embeddings' (metered around the answer step) and the drafter's (failed calls too)."""
    steps: dict[str, Usage] = {}
    classifier = (payload.get("triage") or {}).get("classifier_usage")
    if classifier:
        steps["classify"] = Usage.model_validate(classifier)
    for step, usage in (payload.get("usage") or {}).items():
        steps[step] = Usage.model_validate(usage)
    draft = payload.get("draft") or {}
    if draft.get("prompt_tokens") or draft.get("completion_tokens") or draft.get("cost_usd"):
        steps["draft"] = Usage(
            prompt_tokens=int(draft.get("prompt_tokens", 0)),
            completion_tokens=int(draft.get("completion_tokens", 0)),
            cost_usd=float(draft.get("cost_usd", 0.0)),
        )
    return steps


def usage_labels(payload: dict[str, Any]) -> dict[str, Any]:
    """Ledger columns: tokens and cost of every billed call for the email, and cost by step."""
    steps = step_usage(payload)
    total = Usage()
    for usage in steps.values():
        total = total.plus(usage)
    return {
        "prompt_tokens": total.prompt_tokens,
        "completion_tokens": total.completion_tokens,
        "cost_usd": total.cost_usd,
        "cost_by_step": {step: round(u.cost_usd, 8) for step, u in steps.items()},
    }


def drafter_label(draft: dict[str, Any]) -> str | None:
    """Who wrote the draft: llm, llm_fallback (the model failed, the offline drafter wrote
    it), extractive (no model configured); None for a holding reply (no drafter ran)."""
    if draft.get("model") == HOLDING_MODEL:
        return None
    if draft.get("fallback_reason"):
        return "llm_fallback"
    return str(draft.get("drafter") or "") or None


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
