"""The feedback tables in Azure Table Storage (Azurite locally), next to the ledger's:

- `<prefix>kbsuggest`: one row per suggestion group (PartitionKey "group", RowKey the group
  id): status, count, languages, first/last dates, the scrubbed examples, member keys
  (hashes of the emails' ids, for idempotency), the questions' centroid. Updates are
  ETag-guarded (412: read again and retry); a new group is an insert (409: someone made it).
  Deciding where an answer goes reads every group, so writers take a lock row first
  (PartitionKey "lock": an insert, 409 while held, taken over by ETag once its lease
  expired): two threads of one batch answered on the same gap must not both start a group.
- `<prefix>kbedits`: one row per fact an agent changed in a draft (PartitionKey a hash of the
  cited article, RowKey the email's member key and the fact's index): an upsert, so a retried
  activity writes the same row again. Alerts are counted from these rows when read.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import ResourceExistsError, ResourceModifiedError, ResourceNotFoundError
from azure.data.tables import TableServiceClient, UpdateMode

from kb_feedback.models import Contradiction, FactEdit, StaleAlert, SuggestionGroup

_GROUP = "group"
_LOCK = ("lock", "groups")
LOCK_LEASE = timedelta(seconds=30)  # a holder that died is taken over after this
LOCK_WAIT_SECONDS = 60.0
_JSON = ("languages", "examples", "members", "centroid", "contradictions")
MIN_DRAFTS_FOR_ALERT = 2  # "more than once": the same change in two drafts is a pattern


class GroupConflict(RuntimeError):
    """The group changed (412) or appeared (409) since it was read: read again."""


def _utc(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class FeedbackStore:
    def __init__(self, service: TableServiceClient, prefix: str = "triage") -> None:
        self._service = service
        self.groups_table = service.get_table_client(f"{prefix}kbsuggest")
        self.edits_table = service.get_table_client(f"{prefix}kbedits")
        self._ensured = False

    def ensure_tables(self) -> None:
        if not self._ensured:
            for table in (self.groups_table, self.edits_table):
                self._service.create_table_if_not_exists(table.table_name)
            self._ensured = True

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the groups' lock row while deciding and writing (waits; a lease that expired
        is taken over)."""
        self.ensure_tables()
        table, owner = self.groups_table, uuid.uuid4().hex
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            now = datetime.now(UTC)
            try:
                created = table.create_entity(
                    {
                        "PartitionKey": _LOCK[0],
                        "RowKey": _LOCK[1],
                        "owner": owner,
                        "until": now + LOCK_LEASE,
                    }
                )
                break
            except ResourceExistsError:
                self._take_over_expired(now)
            if time.monotonic() > deadline:
                raise GroupConflict("the suggestion groups stayed locked")
            time.sleep(0.05)
        try:
            yield
        finally:
            # taken over after the lease: the taker's row is not ours to delete
            with suppress(ResourceModifiedError, ResourceNotFoundError):
                table.delete_entity(
                    _LOCK[0],
                    _LOCK[1],
                    etag=created["etag"],
                    match_condition=MatchConditions.IfNotModified,
                )

    def _take_over_expired(self, now: datetime) -> None:
        try:
            held = self.groups_table.get_entity(*_LOCK)
        except ResourceNotFoundError:
            return
        if _utc(held.get("until")) is not None and _utc(held["until"]) < now:
            with suppress(ResourceModifiedError, ResourceNotFoundError):
                self.groups_table.delete_entity(
                    _LOCK[0],
                    _LOCK[1],
                    etag=held.metadata["etag"],
                    match_condition=MatchConditions.IfNotModified,
                )

    # ---- suggestion groups ----------------------------------------------------------
    @staticmethod
    def _group_entity(group: SuggestionGroup) -> dict[str, Any]:
        values = group.model_dump(mode="json", exclude={"etag", "group_id"})
        entity: dict[str, Any] = {"PartitionKey": _GROUP, "RowKey": group.group_id}
        for key, value in values.items():
            if value is None:
                continue
            entity[key] = json.dumps(value) if key in _JSON else value
        for key in ("first_at", "last_at", "decided_at"):
            if getattr(group, key) is not None:
                entity[key] = getattr(group, key)
        return entity

    @staticmethod
    def _group(entity: Any) -> SuggestionGroup:
        values = {
            k: _utc(v) for k, v in dict(entity).items() if k not in ("PartitionKey", "RowKey")
        }
        for key in _JSON:
            if isinstance(values.get(key), str):
                values[key] = json.loads(values[key])
        return SuggestionGroup(
            group_id=entity["RowKey"], etag=entity.metadata.get("etag"), **values
        )

    def groups(self) -> list[SuggestionGroup]:
        self.ensure_tables()
        rows = self.groups_table.query_entities(f"PartitionKey eq '{_GROUP}'")
        return [self._group(e) for e in rows]

    def get(self, group_id: str) -> SuggestionGroup | None:
        self.ensure_tables()
        try:
            return self._group(self.groups_table.get_entity(_GROUP, group_id))
        except ResourceNotFoundError:
            return None

    def insert(self, group: SuggestionGroup) -> None:
        self.ensure_tables()
        try:
            self.groups_table.create_entity(self._group_entity(group))
        except ResourceExistsError as exc:
            raise GroupConflict(group.group_id) from exc

    def replace(self, group: SuggestionGroup) -> None:
        """Write `group` back if nobody changed it since it was read (its ETag)."""
        self.ensure_tables()
        try:
            self.groups_table.update_entity(
                self._group_entity(group),
                mode=UpdateMode.REPLACE,
                etag=group.etag,
                match_condition=MatchConditions.IfNotModified,
            )
        except ResourceModifiedError as exc:
            raise GroupConflict(group.group_id) from exc

    def add_contradictions(self, group_id: str, found: list[Contradiction]) -> None:
        """Note on the group that its answer contradicts an article (kept once each)."""
        if not found:
            return
        with self.locked():
            group = self.get(group_id)
            if group is None:
                return
            known = list(group.contradictions)
            new = [c for c in found if c not in known]
            if new:
                self.replace(group.model_copy(update={"contradictions": known + new}))

    # ---- fact edits and alerts ------------------------------------------------------
    def add_edit(self, edit: FactEdit, index: int) -> None:
        self.ensure_tables()
        article = hashlib.sha256(edit.article.encode()).hexdigest()[:24]
        entity = {"PartitionKey": article, "RowKey": f"{edit.key}-{index}", **edit.model_dump()}
        self.edits_table.upsert_entity(entity, mode=UpdateMode.REPLACE)

    def edits(self) -> list[FactEdit]:
        self.ensure_tables()
        return [
            FactEdit.model_validate({k: _utc(v) for k, v in dict(e).items()})
            for e in self.edits_table.list_entities()
        ]

    def alerts(self, min_drafts: int = MIN_DRAFTS_FOR_ALERT) -> list[StaleAlert]:
        """The same fact changed the same way in drafts citing one article, in at least
        `min_drafts` drafts (distinct emails), most drafts first."""
        seen: dict[tuple[str, str, str, str], list[FactEdit]] = defaultdict(list)
        for edit in self.edits():
            seen[(edit.article, edit.kind, edit.old_key, edit.new_key)].append(edit)
        alerts = []
        for (article, kind, _old, _new), edits in seen.items():
            drafts = len({e.key for e in edits})
            if drafts >= min_drafts:
                latest = max(edits, key=lambda e: e.at)
                alerts.append(
                    StaleAlert(
                        article=article,
                        kind=kind,
                        old=latest.old,
                        new=latest.new,
                        drafts=drafts,
                        last_at=latest.at,
                    )
                )
        return sorted(alerts, key=lambda a: (-a.drafts, a.article))
