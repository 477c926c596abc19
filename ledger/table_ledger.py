"""The ledger in Azure Table Storage (Azurite locally): claims, states, the cursor.

Exactly-once rests on two storage guarantees Azurite enforces like Azure does: an insert of
an existing row fails with 409 (the claim), and an update with a stale ETag fails with 412
(the cursor and claim take-overs).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import (
    ResourceExistsError,
    ResourceModifiedError,
    ResourceNotFoundError,
)
from azure.data.tables import TableClient, TableServiceClient, UpdateMode

from ledger.connection import RESEND_MERGE, table_service
from ledger.models import (
    FINAL_STATES,
    ClaimResult,
    Cursor,
    CursorConflictError,
    MessageRecord,
)
from ledger.text_store import EmailTextStore

log = logging.getLogger(__name__)

_JSON_FIELDS = ("sources", "timings", "last_run_summary", "cost_by_step")
_MAX_TEXT = 30_000  # Table Storage caps a string property at 64 KiB (32k UTF-16 chars)


def _now() -> datetime:
    return datetime.now(UTC)


def _to_entity(values: dict[str, Any]) -> dict[str, Any]:
    entity: dict[str, Any] = {}
    for key, value in values.items():
        if key == "etag":
            continue
        if key in _JSON_FIELDS:
            value = json.dumps(value)
        elif isinstance(value, str):
            value = value[:_MAX_TEXT]
        if value is not None:
            entity[key] = value
    return entity


def _from_entity(entity: Any) -> dict[str, Any]:
    values = {k: v for k, v in dict(entity).items() if k not in ("PartitionKey", "RowKey")}
    for key in _JSON_FIELDS:
        if isinstance(values.get(key), str):
            values[key] = json.loads(values[key])
    for key, value in list(values.items()):
        if isinstance(value, datetime) and value.tzinfo is None:
            values[key] = value.replace(tzinfo=UTC)
    values["etag"] = entity.metadata.get("etag")
    return values


class TableLedger:
    """Tables: `<prefix>messages` (one row per email), `<prefix>cursor`, `<prefix>threads`
    (how far each thread was handled)."""

    def __init__(self, service: TableServiceClient, prefix: str = "triage") -> None:
        self._service = service
        self.service, self.prefix = service, prefix  # other tables of the app's (kb_feedback)
        self.messages: TableClient = service.get_table_client(f"{prefix}messages")
        self.cursors: TableClient = service.get_table_client(f"{prefix}cursor")
        self.threads: TableClient = service.get_table_client(f"{prefix}threads")
        self.texts = EmailTextStore(service, prefix)  # email text between steps, expiring
        self._ensured = False

    @classmethod
    def from_connection(
        cls,
        *,
        connection_string: str | None = None,
        endpoint: str | None = None,
        prefix: str = "triage",
    ) -> TableLedger:
        """A connection string (Azurite, keys) or an endpoint with the managed identity."""
        service = table_service(connection_string=connection_string, endpoint=endpoint)
        return cls(service, prefix)

    def ensure_tables(self) -> None:
        if self._ensured:
            return
        for table in (self.messages, self.cursors, self.threads):
            self._service.create_table_if_not_exists(table.table_name)
        self._ensured = True

    # ---- messages -------------------------------------------------------------------
    def get(self, message_id: str) -> MessageRecord | None:
        self.ensure_tables()
        try:
            entity = self.messages.get_entity(partition_key=message_id, row_key="")
        except ResourceNotFoundError:
            return None
        return MessageRecord.model_validate(_from_entity(entity))

    def claim(
        self,
        message_id: str,
        *,
        owner: str,
        thread_id: str = "",
        inbox_id: str = "",
        received_at: datetime | None = None,
        subject: str = "",
        lease: timedelta = timedelta(minutes=15),
    ) -> ClaimResult:
        """Insert the row; if it exists, the claim is ours only when the row is ours already
        (a re-run), retry-requested, or an unfinished claim whose lease ran out (a run that
        died). Take-overs are ETag-guarded, so two claimers never both win."""
        self.ensure_tables()
        now = _now()
        fresh = MessageRecord(
            message_id=message_id,
            thread_id=thread_id,
            inbox_id=inbox_id,
            received_at=received_at,
            subject=subject,
            owner=owner,
            attempts=1,
            claimed_at=now,
            updated_at=now,
        )
        try:
            self.messages.create_entity(self._entity(fresh))
            return ClaimResult(claimed=True, record=fresh)
        except ResourceExistsError:
            pass
        current = self.get(message_id)
        if current is None:  # deleted in between: try once more from the top
            return self.claim(
                message_id,
                owner=owner,
                thread_id=thread_id,
                inbox_id=inbox_id,
                received_at=received_at,
                subject=subject,
                lease=lease,
            )
        if current.owner == owner and not current.retry_requested:
            return ClaimResult(claimed=True, reason="already ours", record=current)
        if current.is_final and not current.retry_requested:
            return ClaimResult(claimed=False, reason=f"final: {current.state}", record=current)
        expired = current.claimed_at is None or current.claimed_at + lease <= now
        if not current.retry_requested and not expired:
            held_until = (current.claimed_at or now) + lease
            return ClaimResult(
                claimed=False,
                reason=f"held by run {current.owner} until {held_until.isoformat()}",
                record=current,
            )
        taken = current.model_copy(
            update={
                "owner": owner,
                "attempts": current.attempts + 1,
                "claimed_at": now,
                "updated_at": now,
                "retry_requested": False,
                "state": "claimed" if current.state != "drafted" else "drafted",
            }
        )
        try:
            self.messages.update_entity(
                self._entity(taken),
                mode=UpdateMode.REPLACE,
                etag=current.etag,
                match_condition=MatchConditions.IfNotModified,
            )
        except ResourceModifiedError:
            # A take-over whose response was lost is resent by the SDK (a PUT) and then
            # fails its own ETag: the row says whose write it was (owners are run ids).
            now_held = self.get(message_id)
            if now_held is not None and now_held.owner == owner:
                return ClaimResult(claimed=True, reason="taken over", record=now_held)
            return ClaimResult(claimed=False, reason="taken by another run", record=current)
        return ClaimResult(claimed=True, reason="taken over", record=taken)

    def update(self, message_id: str, **fields: Any) -> None:
        """Merge fields into the row (idempotent)."""
        self.ensure_tables()
        unknown = set(fields) - set(MessageRecord.model_fields)
        if unknown:
            raise ValueError(f"unknown ledger fields: {sorted(unknown)}")
        values = {"message_id": message_id, "updated_at": _now(), **fields}
        MessageRecord.model_validate(values)  # reject bad states and types early
        entity = _to_entity(values)
        entity.update(PartitionKey=message_id, RowKey="")
        self.messages.upsert_entity(entity, mode=UpdateMode.MERGE, **RESEND_MERGE)

    def mark_post_attempt(self, message_id: str, **labels: Any) -> bool:
        """Record that a POST is about to happen (with the draft's labels, in the same
        write); True if one may have happened before, so the caller checks HubSpot first."""
        record = self.get(message_id)
        before = bool(record and record.post_attempted)
        if before:
            if labels:
                self.update(message_id, **labels)
        else:
            self.update(message_id, post_attempted=True, state="drafted", **labels)
        return before

    def mark_retry(self, message_id: str) -> None:
        self.update(message_id, retry_requested=True)

    def pending_retries(self) -> list[MessageRecord]:
        return self._query("retry_requested eq true")

    def recent_failures(self, limit: int = 20) -> list[MessageRecord]:
        failures = self._query("state eq 'failed'")
        failures.sort(key=lambda r: r.updated_at or datetime.min.replace(tzinfo=UTC), reverse=True)
        return failures[:limit]

    def counts_by_state(self, since: datetime) -> dict[str, int]:
        counts: dict[str, int] = {}
        for record in self._query("updated_at ge @since", {"since": since}):
            counts[record.state] = counts.get(record.state, 0) + 1
        return counts

    def all_records(self) -> list[MessageRecord]:
        self.ensure_tables()
        return [
            MessageRecord.model_validate(_from_entity(e)) for e in self.messages.list_entities()
        ]

    def records_since(self, since: datetime) -> list[MessageRecord]:
        """Rows of emails received (or, without a time, claimed) at or after `since`."""
        return self._query("received_at ge @since or claimed_at ge @since", {"since": since})

    def scrub_subjects(self, before: datetime) -> int:
        """Blank the subject (the customer's words) of rows last updated before `before`;
        labels, states and reasons stay. Leaves updated_at alone, so status counts hold."""
        self.ensure_tables()
        rows = list(
            self.messages.query_entities(
                "updated_at lt @before and subject ne ''",
                parameters={"before": before},
                select=["PartitionKey", "RowKey"],
            )
        )
        for row in rows:
            self.messages.upsert_entity(
                {"PartitionKey": row["PartitionKey"], "RowKey": row["RowKey"], "subject": ""},
                mode=UpdateMode.MERGE,
                **RESEND_MERGE,
            )
        return len(rows)

    def scrub_skip_details(self, before: datetime) -> int:
        """Cut the reason of skipped rows last updated before `before` to the rule's label
        ("out_of_office"): older versions quoted the email there. Leaves updated_at alone."""
        self.ensure_tables()
        rows = list(
            self.messages.query_entities(
                "updated_at lt @before and state eq 'skipped' and reason ne ''",
                parameters={"before": before},
                select=["PartitionKey", "RowKey", "reason", "skip_reason"],
            )
        )
        changed = 0
        for row in rows:
            label = str(row.get("skip_reason") or str(row["reason"]).split(":")[0])[:40]
            if row["reason"] == label:
                continue
            self.messages.upsert_entity(
                {"PartitionKey": row["PartitionKey"], "RowKey": row["RowKey"], "reason": label},
                mode=UpdateMode.MERGE,
                **RESEND_MERGE,
            )
            changed += 1
        return changed

    def final_ids(self, message_ids: Iterable[str]) -> set[str]:
        return {
            m for m in message_ids if (r := self.get(m)) is not None and r.state in FINAL_STATES
        }

    def _query(
        self, expression: str, parameters: dict[str, Any] | None = None
    ) -> list[MessageRecord]:
        self.ensure_tables()
        entities = self.messages.query_entities(expression, parameters=parameters)
        return [MessageRecord.model_validate(_from_entity(e)) for e in entities]

    @staticmethod
    def _entity(record: MessageRecord) -> dict[str, Any]:
        entity = _to_entity(record.model_dump())
        entity.update(PartitionKey=record.message_id, RowKey="")
        return entity

    # ---- threads ------------------------------------------------------------------------
    def mark_threads_done(self, done: dict[str, datetime]) -> None:
        """Remember that each thread was fully handled up to its latest message then, so
        later polls inside the overlap window (or a backlog) do not pick it again."""
        self.ensure_tables()
        for thread_id, through in done.items():
            self.threads.upsert_entity(
                {"PartitionKey": "thread", "RowKey": thread_id, "done_through": through},
                mode=UpdateMode.MERGE,
                **RESEND_MERGE,
            )

    def threads_done_since(self, since: datetime | None) -> dict[str, datetime]:
        """thread id → done-through time, for threads done through a time after `since`."""
        self.ensure_tables()
        if since is None:
            entities = self.threads.list_entities()
        else:
            entities = self.threads.query_entities(
                "PartitionKey eq 'thread' and done_through ge @since", parameters={"since": since}
            )
        done: dict[str, datetime] = {}
        for entity in entities:
            value = _from_entity(entity)["done_through"]
            done[str(entity["RowKey"])] = value
        return done

    # ---- cursor ---------------------------------------------------------------------
    def load_cursor(self, name: str = "poll") -> Cursor:
        self.ensure_tables()
        try:
            entity = self.cursors.get_entity(partition_key="cursor", row_key=name)
        except ResourceNotFoundError:
            return Cursor(name=name)
        return Cursor.model_validate({"name": name, **_from_entity(entity)})

    def save_cursor(
        self,
        name: str = "poll",
        *,
        after: datetime | None,
        etag: str | None,
        run_id: str,
        summary: dict[str, int],
    ) -> Cursor:
        """Write the cursor only if it is unchanged since read (`etag`; None = never saved)."""
        self.ensure_tables()
        cursor = Cursor(
            name=name,
            after=after,
            last_run_id=run_id,
            last_run_at=_now(),
            last_run_summary=summary,
        )
        entity = _to_entity(cursor.model_dump(exclude={"name"}))
        entity.update(PartitionKey="cursor", RowKey=name)
        try:
            if etag is None:
                result = self.cursors.create_entity(entity)
            else:
                result = self.cursors.update_entity(
                    entity,
                    mode=UpdateMode.REPLACE,
                    etag=etag,
                    match_condition=MatchConditions.IfNotModified,
                )
        except (ResourceExistsError, ResourceModifiedError) as exc:
            # Our own write, answered late: a resent PUT fails its ETag (412), a retried
            # first insert finds its row (409). Run ids are unique per poll, so a stored
            # cursor with this run id and position is this save, already done.
            stored = self.load_cursor(name)
            if stored.last_run_id == run_id and stored.after == after:
                return stored
            raise CursorConflictError(
                f"cursor {name!r} changed since it was read; not saved (another run?)"
            ) from exc
        return cursor.model_copy(update={"etag": result.get("etag")})
