from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from azure.core import MatchConditions
from azure.core.exceptions import ResourceExistsError, ResourceModifiedError
from azure.data.tables import TableServiceClient, UpdateMode

from localdev.azurite import Azurite


def test_azurite_enforces_insert_conflicts_and_etags(azurite: Azurite) -> None:
    service = TableServiceClient.from_connection_string(azurite.connection_string)
    table = service.create_table(f"t{uuid.uuid4().hex[:12]}")
    table.create_entity({"PartitionKey": "p", "RowKey": "r", "v": 1})
    with pytest.raises(ResourceExistsError):
        table.create_entity({"PartitionKey": "p", "RowKey": "r", "v": 2})
    stale = table.get_entity("p", "r")
    table.update_entity({"PartitionKey": "p", "RowKey": "r", "v": 3}, mode=UpdateMode.MERGE)
    with pytest.raises(ResourceModifiedError):
        table.update_entity(
            {"PartitionKey": "p", "RowKey": "r", "v": 4},
            mode=UpdateMode.MERGE,
            etag=stale.metadata["etag"],
            match_condition=MatchConditions.IfNotModified,
        )
    assert table.get_entity("p", "r")["v"] == 3


def test_azurite_stops_by_pid() -> None:
    server = Azurite().start()
    process = server.process
    assert process is not None and process.poll() is None
    server.stop()
    assert process.poll() is not None


def test_on_disk_azurite_keeps_the_last_writes_across_a_restart(tmp_path: Path) -> None:
    from ledger.table_ledger import TableLedger

    with Azurite(data_dir=tmp_path / "azurite") as first:
        book = TableLedger.from_connection(connection_string=first.connection_string, prefix="p")
        book.claim("m1", owner="run")
        book.update("m1", state="posted")  # written just before the stop
    with Azurite(data_dir=tmp_path / "azurite") as second:
        book = TableLedger.from_connection(connection_string=second.connection_string, prefix="p")
        record = book.get("m1")
        assert record is not None and record.state == "posted"
