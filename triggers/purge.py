"""The hourly purge: finished orchestrations' history, expired email text, old subjects.

- Orchestration history: instances that ended (Completed, Failed, Terminated) and were
  created more than HISTORY_RETENTION_HOURS ago, through the durable client's
  purge-by-time; running ones are never touched.
- Email text and ledger subjects older than EMAIL_TEXT_RETENTION_HOURS (pipeline/retention).

The schedule is fixed (hourly, at minute 17, away from the poll's even minutes); how long
things are kept is the setting.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import azure.durable_functions as df
import azure.functions as func
from azure.durable_functions.models.OrchestrationRuntimeStatus import OrchestrationRuntimeStatus

from core.settings import Settings, get_settings
from pipeline import retention

bp = df.Blueprint()
log = logging.getLogger(__name__)

PURGE_SCHEDULE = "0 17 * * * *"
FINISHED = [
    OrchestrationRuntimeStatus.Completed,
    OrchestrationRuntimeStatus.Failed,
    OrchestrationRuntimeStatus.Terminated,
]
EARLIEST = datetime(2020, 1, 1, tzinfo=UTC)  # the purge API needs a lower bound


class PurgingClient(Protocol):
    async def purge_instance_history_by(
        self,
        created_time_from: datetime | None = None,
        created_time_to: datetime | None = None,
        runtime_status: list[OrchestrationRuntimeStatus] | None = None,
    ) -> Any: ...


async def purge(client: PurgingClient, settings: Settings, now: datetime | None = None) -> dict:
    moment = now or datetime.now(UTC)
    purged = await client.purge_instance_history_by(
        created_time_from=EARLIEST,
        created_time_to=moment - timedelta(hours=settings.history_retention_hours),
        runtime_status=FINISHED,
    )
    report = {
        "instances_purged": int(getattr(purged, "instances_deleted", 0) or 0),
        **retention.purge_expired_text(settings, moment),
    }
    log.info(
        "purge: %(instances_purged)d orchestration histories, %(texts_deleted)d email "
        "texts, %(subjects_blanked)d ledger subjects",
        report,
    )
    return report


@bp.timer_trigger(schedule=PURGE_SCHEDULE, arg_name="timer", run_on_startup=False)
@bp.durable_client_input(client_name="client")
async def purge_history(timer: func.TimerRequest, client: df.DurableOrchestrationClient) -> None:
    await purge(client, get_settings())
