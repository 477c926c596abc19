"""The timer that starts a poll run on POLL_SCHEDULE, under the singleton lock and its
watchdog (pipeline.singleton.poll_tick)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import azure.durable_functions as df
import azure.functions as func

from core.settings import get_settings
from pipeline.kb_guard import rebuild_if_empty
from pipeline.singleton import poll_tick

bp = df.Blueprint()
log = logging.getLogger(__name__)


@bp.timer_trigger(schedule="%POLL_SCHEDULE%", arg_name="timer", run_on_startup=False)
@bp.durable_client_input(client_name="client")
async def poll_timer(timer: func.TimerRequest, client: df.DurableOrchestrationClient) -> None:
    settings = get_settings()
    if settings.polling_paused:
        log.info("poll skipped: POLLING_PAUSED is true")
        return
    try:  # Qdrant restarted empty: rebuild it; drafting holds emails until it is back
        await rebuild_if_empty(client)
    except Exception:
        log.warning("knowledge-base check failed; the poll goes on", exc_info=True)
    # Errors are logged (with the reason) by poll_tick; the next tick tries again.
    await poll_tick(client, settings, now=datetime.now(UTC))
