"""HTTP endpoints. Health is anonymous; status, manual poll and retry need a function key.
An endpoint whose dependency does not answer says so in one line: 503 with JSON
(triggers/unreachable_http.py)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

import azure.durable_functions as df
import azure.functions as func

from core.settings import get_settings
from orchestrators import names
from pipeline.report import parse_since
from pipeline.report import report as build_report
from pipeline.singleton import describe_error, start_if_idle, start_poll_if_idle
from pipeline.status import dependencies_status, poller_status, retry_message, service_status
from triggers.unreachable_http import answers_503_when_unreachable

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
@answers_503_when_unreachable
async def status(req: func.HttpRequest, client: df.DurableOrchestrationClient) -> func.HttpResponse:
    body = service_status()
    now = datetime.now(UTC)
    try:
        poller = await client.get_status(names.POLL_INSTANCE_ID)
    except Exception as exc:  # the ledger part still helps; say why the poller part is missing
        body["poller"] = {"error": describe_error(exc)}
    else:
        body["poller"] = poller_status(poller, now, get_settings().poll_watchdog_minutes)
    # After the poller's age: these calls reach HubSpot and Qdrant and take their time.
    body = {**dependencies_status(), **body}
    try:  # the last ingestion: when the knowledge base was last (re)built
        ingest = await client.get_status(names.INGEST_INSTANCE_ID)
        runtime = getattr(ingest, "runtime_status", None)
        updated = getattr(ingest, "last_updated_time", None)
        body["knowledge_base"]["last_ingest"] = {
            "runtime_status": getattr(runtime, "value", runtime),
            "last_updated_time": updated.isoformat() if updated else None,
        }
    except Exception as exc:
        body["knowledge_base"]["last_ingest"] = {"error": describe_error(exc)}
    return _json(body)


@bp.route(route="report", methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
@answers_503_when_unreachable
def report(req: func.HttpRequest) -> func.HttpResponse:
    """Is it helping? The lead's report of the emails received in `?since=` (default 7d)."""
    try:
        window = parse_since(req.params.get("since", "7d"))
    except ValueError as exc:
        return _json({"error": str(exc)}, 400)
    return _json(build_report(window).model_dump(mode="json"))


@bp.route(route="poll", methods=["POST"], auth_level=func.AuthLevel.FUNCTION)
@bp.durable_client_input(client_name="client")
@answers_503_when_unreachable
async def manual_poll(
    req: func.HttpRequest, client: df.DurableOrchestrationClient
) -> func.HttpResponse:
    """202 started, 409 while a run holds the lock, 503 with the reason when the Durable
    backend failed (storage, authorization): a failure is never reported as busy."""
    result = await start_poll_if_idle(client, get_settings(), reason="manual")
    return _json(result.to_dict(), result.http_status)


@bp.route(route="messages/{message_id}/retry", methods=["POST"], auth_level=func.AuthLevel.FUNCTION)
@answers_503_when_unreachable
def retry(req: func.HttpRequest) -> func.HttpResponse:
    message_id = req.route_params.get("message_id", "")
    outcome = retry_message(message_id)
    return _json(outcome.body, outcome.status)


@bp.route(route="kb/ingest", methods=["POST"], auth_level=func.AuthLevel.FUNCTION)
@bp.durable_client_input(client_name="client")
@answers_503_when_unreachable
async def start_kb_ingestion(
    req: func.HttpRequest, client: df.DurableOrchestrationClient
) -> func.HttpResponse:
    """Start ingesting the knowledge-base container (202), 409 while one runs, 503 with the
    reason when the Durable backend failed.
    `?recreate=true` rebuilds the collection (after an embedding model change)."""
    recreate = req.params.get("recreate", "").lower() in ("1", "true", "yes")
    result = await start_if_idle(
        client,
        names.INGEST_ORCHESTRATOR,
        names.INGEST_INSTANCE_ID,
        {"recreate": recreate},
        "http",
    )
    return _json(result.to_dict(), result.http_status)


@bp.route(route="kb/suggestions", methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
def list_suggestions(req: func.HttpRequest) -> func.HttpResponse:
    """Suggested articles awaiting review (most asked first) and stale-article alerts:
    scrubbed questions and answers only."""
    from pipeline.kb_suggestions import alerts, visible

    return _json(
        {
            "suggestions": [
                g.model_dump(mode="json", exclude={"centroid", "members", "etag"})
                for g in visible()
            ],
            "alerts": [{**a.model_dump(mode="json"), "sentence": a.sentence} for a in alerts()],
        }
    )


@bp.route(
    route="kb/suggestions/{group_id}/{action}", methods=["POST"], auth_level=func.AuthLevel.FUNCTION
)
@bp.durable_client_input(client_name="client")
async def decide_suggestion(
    req: func.HttpRequest, client: df.DurableOrchestrationClient
) -> func.HttpResponse:
    """An operator's decision, behind the function key: `accept?by=NAME` writes the article
    into the knowledge-base container and starts the incremental ingestion (its status:
    GET /api/kb/ingest); `reject?by=NAME` hides the suggestion until it is asked again.
    Never called by the poll: accepting is never automatic."""
    from pipeline.kb_ingestion import KnowledgeBaseSourceError
    from pipeline.kb_suggestions import SuggestionNotFound, accept, reject

    group_id = req.route_params.get("group_id", "")
    action = req.route_params.get("action", "")
    by = req.params.get("by", "").strip()
    if action not in ("accept", "reject"):
        return _json({"error": "action must be accept or reject"}, 404)
    if not by:
        return _json({"error": "say who decides: ?by=NAME"}, 400)
    try:
        decided = accept(group_id, by) if action == "accept" else reject(group_id, by)
    except SuggestionNotFound:
        return _json({"error": f"no suggestion {group_id}"}, 404)
    except KnowledgeBaseSourceError as exc:
        return _json({"error": str(exc)}, 409)
    body = decided.model_dump(mode="json")
    if action == "accept" and not decided.already:
        started = await start_if_idle(
            client, names.INGEST_ORCHESTRATOR, names.INGEST_INSTANCE_ID, {"recreate": False}, "http"
        )
        body["ingest"] = started.to_dict()
    return _json(body)


@bp.route(route="kb/ingest", methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
@bp.durable_client_input(client_name="client")
@answers_503_when_unreachable
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
