"""The scheduled purge: what holds email text, or once did, is deleted after its time.

- Orchestration history: finished instances (Completed, Failed, Terminated) created more
  than HISTORY_RETENTION_HOURS ago, through the durable client's purge-by-time.
- The text store: rows past their expiry (EMAIL_TEXT_RETENTION_HOURS after writing).
- The ledger: subjects of rows not updated for EMAIL_TEXT_RETENTION_HOURS are blanked;
  states, labels and reasons stay (exactly-once needs them).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from azure.durable_functions.models.OrchestrationRuntimeStatus import OrchestrationRuntimeStatus

from core.settings import Settings
from pipeline.services import ledger

log = logging.getLogger(__name__)

FINISHED = [
    OrchestrationRuntimeStatus.Completed,
    OrchestrationRuntimeStatus.Failed,
    OrchestrationRuntimeStatus.Terminated,
]
# The purge API needs a lower bound; nothing of ours is older.
EARLIEST = datetime(2020, 1, 1, tzinfo=UTC)


class PurgingClient(Protocol):
    async def purge_instance_history_by(
        self,
        created_time_from: datetime | None = None,
        created_time_to: datetime | None = None,
        runtime_status: list[OrchestrationRuntimeStatus] | None = None,
    ) -> Any: ...


async def purge(client: PurgingClient, settings: Settings, now: datetime | None = None) -> dict:
    moment = now or datetime.now(UTC)
    history_cutoff = moment - timedelta(hours=settings.history_retention_hours)
    purged = await client.purge_instance_history_by(
        created_time_from=EARLIEST, created_time_to=history_cutoff, runtime_status=FINISHED
    )
    book = ledger()
    text_cutoff = moment - timedelta(hours=settings.email_text_retention_hours)
    report = {
        "instances_purged": int(getattr(purged, "instances_deleted", 0) or 0),
        "texts_deleted": book.texts.delete_expired(moment),
        "subjects_blanked": book.scrub_subjects(text_cutoff),
    }
    log.info(
        "purge: %(instances_purged)d orchestration histories, %(texts_deleted)d email "
        "texts, %(subjects_blanked)d ledger subjects",
        report,
    )
    return report
