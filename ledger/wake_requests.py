"""The poller's wake-up request: one row in Table Storage (`<prefix>wake`).

A webhook that arrives while a poll runs sets `pending`; the running poll takes the request
when it finishes and does one more cycle. Any number of webhooks before the take set the
same flag, so a burst costs one extra cycle. Setting is an unconditional merge (a request is
never lost); taking is ETag-guarded (a request set between the read and the clear makes the
clear fail with 412, and the taker reads again), so two takers never both win one request
and a request is never cleared unserved.
"""

from __future__ import annotations

from datetime import UTC, datetime

from azure.core import MatchConditions
from azure.core.exceptions import ResourceModifiedError, ResourceNotFoundError
from azure.data.tables import TableServiceClient, UpdateMode
from pydantic import BaseModel

from ledger.connection import RESEND_MERGE, table_service

_PARTITION, _ROW = "wake", "poll"
_MAX_TAKE_ATTEMPTS = 8


class WakeState(BaseModel):
    pending: bool = False
    requested_at: datetime | None = None  # the latest request not yet taken
    last_webhook_at: datetime | None = None  # the latest verified webhook call, used or not
    taken_by: str | None = None  # the run that took the last request
    taken_at: datetime | None = None
    etag: str | None = None


def _utc(value: object) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class WakeRequests:
    def __init__(self, service: TableServiceClient, prefix: str = "triage") -> None:
        self._service = service
        self.table = service.get_table_client(f"{prefix}wake")
        self._ensured = False

    @classmethod
    def from_connection(
        cls,
        *,
        connection_string: str | None = None,
        endpoint: str | None = None,
        prefix: str = "triage",
    ) -> WakeRequests:
        """A connection string (Azurite, keys) or an endpoint with the managed identity."""
        service = table_service(connection_string=connection_string, endpoint=endpoint)
        return cls(service, prefix)

    def _ensure(self) -> None:
        if not self._ensured:
            self._service.create_table_if_not_exists(self.table.table_name)
            self._ensured = True

    def read(self) -> WakeState:
        self._ensure()
        try:
            entity = self.table.get_entity(partition_key=_PARTITION, row_key=_ROW)
        except ResourceNotFoundError:
            return WakeState()
        return WakeState(
            pending=bool(entity.get("pending", False)),
            requested_at=_utc(entity.get("requested_at")),
            last_webhook_at=_utc(entity.get("last_webhook_at")),
            taken_by=entity.get("taken_by") or None,
            taken_at=_utc(entity.get("taken_at")),
            etag=entity.metadata.get("etag"),
        )

    def record_webhook(self, at: datetime, *, wake: bool) -> None:
        """Note a verified webhook call; `wake` also asks the poller for one more cycle."""
        self._ensure()
        entity: dict[str, object] = {
            "PartitionKey": _PARTITION,
            "RowKey": _ROW,
            "last_webhook_at": at,
        }
        if wake:
            entity.update(pending=True, requested_at=at)
        self.table.upsert_entity(entity, mode=UpdateMode.MERGE, **RESEND_MERGE)

    def take(self, run_id: str) -> bool:
        """Take and clear the pending request for run `run_id`: True if there was one.

        Idempotent per run: a re-run of the same take (an activity whose result was lost)
        answers True again instead of losing the request it already cleared.
        """
        for _ in range(_MAX_TAKE_ATTEMPTS):
            state = self.read()
            if not state.pending:
                return state.taken_by == run_id
            try:
                self.table.update_entity(
                    {
                        "PartitionKey": _PARTITION,
                        "RowKey": _ROW,
                        "pending": False,
                        "taken_by": run_id,
                        "taken_at": datetime.now(UTC),
                    },
                    mode=UpdateMode.MERGE,
                    etag=state.etag,
                    match_condition=MatchConditions.IfNotModified,
                )
                return True
            except ResourceModifiedError:
                continue  # a webhook (or another taker) wrote in between: read again
        raise RuntimeError(f"wake request still contended after {_MAX_TAKE_ATTEMPTS} attempts")
