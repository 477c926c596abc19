"""POST /api/hubspot/webhook: HubSpot's conversations webhooks wake the poller.

Anonymous at the Functions level because HubSpot cannot send a function key: the v3
signature is the authentication, checked before anything else is read. A webhook is only a
nudge: it starts the same singleton poll sooner (or asks the running one for one more
cycle), so every email still goes through the cursor, the ledger claim and the marker check.
The answer is quick (HubSpot retries slow calls) and never says why a call was refused; the
log does, without any of the payload.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import azure.durable_functions as df
import azure.functions as func

from core.settings import Settings, get_settings
from hubspot.webhook_calls import WebhookRejectedError, parse_events, verify_v3, waking_events
from pipeline import wake
from pipeline.singleton import DurableClient, start_poll_if_idle
from triggers.unreachable_http import unreachable_answer

bp = df.Blueprint()
log = logging.getLogger(__name__)

ROUTE = "hubspot/webhook"


@dataclass(frozen=True)
class WebhookAnswer:
    status: int
    body: dict[str, Any]


def _secret(settings: Settings) -> str:
    """The client secret; an empty setting means unset (the host exports empty values)."""
    secret = settings.hubspot_webhook_client_secret
    return secret.get_secret_value().strip() if secret is not None else ""


async def handle_webhook(
    *,
    method: str,
    url: str,
    headers: Mapping[str, str],
    body: bytes,
    client: DurableClient,
    settings: Settings,
) -> WebhookAnswer:
    try:
        verify_v3(
            secret=_secret(settings),
            method=method,
            uri=settings.hubspot_webhook_url or url,
            headers=headers,
            body=body,
        )
        events = parse_events(body)
    except WebhookRejectedError as refused:
        log.warning("webhook refused (%d): %s", refused.status, refused.reason)
        return WebhookAnswer(refused.status, {"status": "refused"})
    used = waking_events(events)
    if not used or settings.polling_paused:
        wake.note_webhook(wake=False)
        why = "polling paused" if used else "no event we use"
        log.info("webhook: %d event(s), none acted on (%s)", len(events), why)
        return WebhookAnswer(200, {"status": "ignored"})
    started = await start_poll_if_idle(client, settings, reason="webhook")
    if started.outcome == "error":  # the task hub failed: HubSpot retries a 5xx later
        return WebhookAnswer(503, {"status": "unavailable"})
    if started.started:
        wake.note_webhook(wake=False)
        outcome = "poll started"
    else:
        # A poll runs: ask it for one more cycle, then try once more in case it ended
        # between the first try and the request (then the new poll serves it).
        wake.note_webhook(wake=True)
        started = await start_poll_if_idle(client, settings, reason="webhook")
        outcome = "poll started" if started.started else "extra cycle requested"
    log.info("webhook: %d event(s), %d used: %s", len(events), len(used), outcome)
    return WebhookAnswer(200, {"status": "accepted"})


@bp.route(route=ROUTE, methods=["POST"], auth_level=func.AuthLevel.ANONYMOUS)
@bp.durable_client_input(client_name="client")
async def hubspot_webhook(
    req: func.HttpRequest, client: df.DurableOrchestrationClient
) -> func.HttpResponse:
    try:
        answer = await handle_webhook(
            method=req.method,
            url=req.url,
            headers=dict(req.headers),
            body=req.get_body(),
            client=client,
            settings=get_settings(),
        )
    except Exception as exc:  # storage or the task hub down: HubSpot retries a 5xx later
        found = unreachable_answer(exc)
        log.error("webhook not handled: %s", found.line() if found else type(exc).__name__)
        answer = WebhookAnswer(503, {"status": "unavailable", **(found.to_json() if found else {})})
    return func.HttpResponse(
        json.dumps(answer.body), status_code=answer.status, mimetype="application/json"
    )
