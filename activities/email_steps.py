"""Activities of the batch orchestration (orchestrators/triage_batch.py). Each validates
its input, calls one pipeline step and returns JSON. Permanent problems come back as results
(ok=false, problem=...); only transient failures raise, so the orchestrator's retry policy
applies to them alone.

Inputs and results are ids and labels: the email's text travels through the text store
(pipeline/email_text.py), never through the orchestration history."""

from __future__ import annotations

import azure.durable_functions as df

from core.contracts import EmailWorkInput
from orchestrators import names
from pipeline import drafting, recording, thread_loading

bp = df.Blueprint()


@bp.activity_trigger(input_name="payload", activity=names.LOAD_THREAD)
def load_thread(payload: dict) -> dict:
    return thread_loading.load(EmailWorkInput.model_validate(payload)).to_json()


@bp.activity_trigger(input_name="payload", activity=names.DRAFT_AND_POST)
def draft_and_post(payload: dict) -> dict:
    return drafting.draft_and_post(payload).to_json()


@bp.activity_trigger(input_name="payload", activity=names.RECORD_RESULT)
def record_result(payload: dict) -> dict:
    return recording.record(payload)
