"""Activities of the per-thread orchestration. Each validates its input, calls one pipeline
step and returns JSON. Permanent problems come back as results (ok=false, problem=...);
only transient failures raise, so the orchestrator's retry policy applies to them alone."""

from __future__ import annotations

from datetime import datetime

import azure.durable_functions as df

from core.contracts import ThreadRef
from orchestrators import names
from pipeline import drafting, posting, recording, thread_loading, triaging

bp = df.Blueprint()


@bp.activity_trigger(input_name="payload", activity=names.LOAD_THREAD)
def load_thread(payload: dict) -> dict:
    since = payload.get("since")
    return thread_loading.load(
        ThreadRef.model_validate(payload["thread"]),
        datetime.fromisoformat(since) if since else None,
        owner=str(payload["owner"]),
    )


@bp.activity_trigger(input_name="payload", activity=names.TRIAGE)
def triage(payload: dict) -> dict:
    return triaging.run(payload["snapshot"], str(payload["message_id"]))


@bp.activity_trigger(input_name="payload", activity=names.DRAFT)
def draft(payload: dict) -> dict:
    return drafting.retrieve_and_draft(
        payload["triage"], str(payload["message_id"]), str(payload.get("subject", ""))
    )


@bp.activity_trigger(input_name="payload", activity=names.POST_COMMENT)
def post_comment(payload: dict) -> dict:
    return posting.post(payload)


@bp.activity_trigger(input_name="payload", activity=names.RECORD_RESULT)
def record_result(payload: dict) -> dict:
    return recording.record(payload)
