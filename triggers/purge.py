"""The hourly purge: finished orchestrations' history, expired email text, old subjects.

The schedule is fixed (hourly, at minute 17, away from the poll's even minutes); how long
things are kept is the setting (HISTORY_RETENTION_HOURS, EMAIL_TEXT_RETENTION_HOURS).
"""

from __future__ import annotations

import azure.durable_functions as df
import azure.functions as func

from core.settings import get_settings
from pipeline import retention

bp = df.Blueprint()

PURGE_SCHEDULE = "0 17 * * * *"


@bp.timer_trigger(schedule=PURGE_SCHEDULE, arg_name="timer", run_on_startup=False)
@bp.durable_client_input(client_name="client")
async def purge_history(timer: func.TimerRequest, client: df.DurableOrchestrationClient) -> None:
    await retention.purge(client, get_settings())
