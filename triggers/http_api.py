"""HTTP endpoints. Health is anonymous; status, manual poll and retry need a function key."""

from __future__ import annotations

import json
import logging
from typing import Any

import azure.durable_functions as df
import azure.functions as func

from core.settings import get_settings
from orchestrators import names
from pipeline.singleton import start_if_idle, start_poll_if_idle
from pipeline.status import retry_message, service_status

bp = df.Blueprint()
log = logging.getLogger(__name__)


def _json(body: Any, status: int = 200) -> func.HttpResponse:
    return func.HttpResponse(
        json.dumps(body, default=str), status_code=status, mimetype="application/json"
    )


def health_body() -> dict[str, str]:
    """What /api/health answers: liveness only, no dependencies touched, nothing secret."""
    return {"status": "ok"}


@bp.route(route="health", methods=["GET"], auth_level=func.AuthLevel.ANONYMOUS)
def health(req: func.HttpRequest) -> func.HttpResponse:
    return _json(health_body())


@bp.route(route="status", methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
@bp.durable_client_input(client_name="client")
async def status(req: func.HttpRequest, client: df.DurableOrchestrationClient) -> func.HttpResponse:
    body = service_status()
    poller = await client.get_status(names.POLL_INSTANCE_ID)
    runtime = getattr(poller, "runtime_status", None)
    body["poller"] = {
        "runtime_status": getattr(runtime, "value", runtime),
        "custom_status": getattr(poller, "custom_status", None),
    }
    return _json(body)


@bp.route(route="poll", methods=["POST"], auth_level=func.AuthLevel.FUNCTION)
@bp.durable_client_input(client_name="client")
async def manual_poll(
    req: func.HttpRequest, client: df.DurableOrchestrationClient
) -> func.HttpResponse:
    result = await start_poll_if_idle(client, get_settings(), reason="manual")
    return _json(result, 202 if result["started"] else 409)


@bp.route(route="messages/{message_id}/retry", methods=["POST"], auth_level=func.AuthLevel.FUNCTION)
def retry(req: func.HttpRequest) -> func.HttpResponse:
    message_id = req.route_params.get("message_id", "")
    outcome = retry_message(message_id)
    return _json(outcome.body, outcome.status)


@bp.route(route="kb/ingest", methods=["POST"], auth_level=func.AuthLevel.FUNCTION)
@bp.durable_client_input(client_name="client")
async def start_kb_ingestion(
    req: func.HttpRequest, client: df.DurableOrchestrationClient
) -> func.HttpResponse:
    """Start ingesting the knowledge-base container (202), or 409 while one runs.
    `?recreate=true` rebuilds the collection (after an embedding model change)."""
    recreate = req.params.get("recreate", "").lower() in ("1", "true", "yes")
    result = await start_if_idle(
        client,
        names.INGEST_ORCHESTRATOR,
        names.INGEST_INSTANCE_ID,
        {"recreate": recreate},
        "http",
    )
    return _json(result, 202 if result["started"] else 409)


@bp.route(route="kb/ingest", methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
@bp.durable_client_input(client_name="client")
async def ingestion_status(
    req: func.HttpRequest, client: df.DurableOrchestrationClient
) -> func.HttpResponse:
    """The last ingestion: runtime status and its report (added, updated, removed, skipped)."""
    status = await client.get_status(names.INGEST_INSTANCE_ID)
    runtime = getattr(status, "runtime_status", None)
    return _json(
        {
            "runtime_status": getattr(runtime, "value", runtime),
            "custom_status": getattr(status, "custom_status", None),
            "report": getattr(status, "output", None),
        }
    )
