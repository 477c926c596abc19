"""The knowledge-base ingestion activities (started by POST /api/kb/ingest): plan, one
bounded step, finish. Each is idempotent: running it again after a crash loses nothing."""

from __future__ import annotations

from typing import Any

import azure.durable_functions as df

from orchestrators import names
from pipeline import kb_ingestion

bp = df.Blueprint()


@bp.activity_trigger(input_name="payload", activity=names.KB_PLAN)
def plan_kb_ingest(payload: Any) -> dict:
    request = payload or {}
    return kb_ingestion.plan(bool(request.get("recreate")), str(request["build_id"]))


@bp.activity_trigger(input_name="payload", activity=names.KB_STEP)
def ingest_kb_step(payload: Any) -> dict:
    return kb_ingestion.step(payload["plan"], payload.get("after"))


@bp.activity_trigger(input_name="payload", activity=names.KB_FINISH)
def finish_kb_ingest(payload: Any) -> dict:
    return kb_ingestion.finish(payload["plan"])
