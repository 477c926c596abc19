"""Email text that the pipeline's steps hand to each other, kept where it expires.

The orchestration history is reloaded on every replay and kept after the instance ends, so
email text, HTML, quoted context and PII originals do not travel through it. Each step
writes what the next one needs here, keyed by the email's message id, and the next step
reads it by that id. Every row carries `expires_at`; a row past it reads as absent, and the
scheduled purge (triggers/purge.py) deletes it.

Rows: PartitionKey = message id, RowKey = what it holds ("thread", "triage", "draft"). The
payload is JSON, zlib-compressed, split into binary properties of at most 64 KiB (Table
Storage's limit per property; an entity may hold 1 MiB).
"""

from __future__ import annotations

import json
import zlib
from datetime import UTC, datetime
from typing import Any

from azure.core.exceptions import ResourceNotFoundError
from azure.data.tables import TableClient, TableServiceClient, UpdateMode

PART_BYTES = 64_000
MAX_PARTS = 15  # 960 kB of compressed JSON: several MB of email text


class TextTooLargeError(ValueError):
    """More text than one row holds, even compressed."""


def _now() -> datetime:
    return datetime.now(UTC)


class EmailTextStore:
    """The `<prefix>emailtext` table: per-email text with an expiry."""

    def __init__(self, service: TableServiceClient, prefix: str = "triage") -> None:
        self._service = service
        self.table: TableClient = service.get_table_client(f"{prefix}emailtext")
        self._ensured = False

    def ensure_table(self) -> None:
        if not self._ensured:
            self._service.create_table_if_not_exists(self.table.table_name)
            self._ensured = True

    def put(
        self, message_id: str, kind: str, payload: dict[str, Any], expires_at: datetime
    ) -> None:
        """Write (or overwrite: a re-run activity writes the same) one step's text."""
        self.ensure_table()
        packed = zlib.compress(json.dumps(payload, ensure_ascii=False).encode(), level=6)
        parts = [packed[i : i + PART_BYTES] for i in range(0, len(packed), PART_BYTES)]
        if len(parts) > MAX_PARTS:
            raise TextTooLargeError(
                f"{kind} of {message_id}: {len(packed)} compressed bytes exceed one row"
            )
        entity: dict[str, Any] = {
            "PartitionKey": message_id,
            "RowKey": kind,
            "expires_at": expires_at,
            "parts": len(parts),
        }
        entity.update({f"part{i:02d}": part for i, part in enumerate(parts)})
        self.table.upsert_entity(entity, mode=UpdateMode.REPLACE)

    def get(self, message_id: str, kind: str, now: datetime | None = None) -> dict[str, Any] | None:
        """One step's text, or None when missing or expired."""
        self.ensure_table()
        try:
            entity = self.table.get_entity(partition_key=message_id, row_key=kind)
        except ResourceNotFoundError:
            return None
        return _unpack(entity, now or _now())

    def get_all(self, message_id: str, now: datetime | None = None) -> dict[str, dict[str, Any]]:
        """Every unexpired row of one email, by kind (one query)."""
        self.ensure_table()
        moment = now or _now()
        found: dict[str, dict[str, Any]] = {}
        for entity in self.table.query_entities(
            "PartitionKey eq @id", parameters={"id": message_id}
        ):
            payload = _unpack(entity, moment)
            if payload is not None:
                found[str(entity["RowKey"])] = payload
        return found

    def delete_expired(self, now: datetime | None = None) -> int:
        """Delete every row past its expiry; returns how many (the purge timer calls it)."""
        self.ensure_table()
        expired = list(
            self.table.query_entities(
                "expires_at lt @now",
                parameters={"now": now or _now()},
                select=["PartitionKey", "RowKey"],
            )
        )
        for entity in expired:
            self.table.delete_entity(entity["PartitionKey"], entity["RowKey"])
        return len(expired)

    def count(self) -> int:
        self.ensure_table()
        return sum(1 for _ in self.table.list_entities(select=["RowKey"]))


def _unpack(entity: Any, now: datetime) -> dict[str, Any] | None:
    expires_at = entity.get("expires_at")
    if isinstance(expires_at, datetime):
        if expires_at.tzinfo is None:
            expires_at = expires_at.replace(tzinfo=UTC)
        if expires_at <= now:
            return None
    packed = b"".join(_bytes(entity[f"part{i:02d}"]) for i in range(int(entity["parts"])))
    payload: dict[str, Any] = json.loads(zlib.decompress(packed))
    return payload


def _bytes(value: Any) -> bytes:
    return bytes(getattr(value, "value", value))
