"""The knowledge-base ingestion activity (started by POST /api/kb/ingest)."""

from __future__ import annotations

from typing import Any

import azure.durable_functions as df

from orchestrators import names
from pipeline import kb_ingestion

bp = df.Blueprint()


@bp.activity_trigger(input_name="payload", activity=names.INGEST_DOCUMENTS)
def ingest_documents(payload: Any) -> dict:
    return kb_ingestion.ingest_configured_source(recreate=bool((payload or {}).get("recreate")))
