"""The text store over Azurite: email text between steps, with an expiry that is enforced."""

from __future__ import annotations

import random
import string
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from ledger.table_ledger import TableLedger
from ledger.text_store import PART_BYTES, TextTooLargeError
from localdev.azurite import Azurite

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def book(azurite: Azurite) -> TableLedger:
    prefix = "t" + uuid.uuid4().hex[:10]
    return TableLedger.from_connection(connection_string=azurite.connection_string, prefix=prefix)


def test_a_step_reads_what_the_previous_one_wrote_until_it_expires(book: TableLedger) -> None:
    payload = {"messages": [{"text": "Hej! Mitt nummer är +46 70 123 45 67 ✓"}]}
    book.texts.put("m1", "thread", payload, expires_at=NOW + timedelta(hours=24))
    assert book.texts.get("m1", "thread", now=NOW) == payload
    assert book.texts.get("m1", "triage", now=NOW) is None
    assert book.texts.get("m1", "thread", now=NOW + timedelta(hours=25)) is None  # expired


def test_text_larger_than_one_property_is_split_and_read_back(book: TableLedger) -> None:
    noise = random.Random(3)
    # Random letters barely compress: several 64 KB parts.
    text = "".join(noise.choice(string.ascii_letters) for _ in range(300_000))
    book.texts.put("m2", "thread", {"text": text}, expires_at=NOW + timedelta(hours=1))
    entity = book.texts.table.get_entity("m2", "thread")
    assert entity["parts"] > 1 and len(bytes(entity["part00"])) <= PART_BYTES
    assert book.texts.get("m2", "thread", now=NOW) == {"text": text}
    with pytest.raises(TextTooLargeError):
        huge = "".join(noise.choice(string.printable) for _ in range(1_500_000))
        book.texts.put("m3", "thread", {"text": huge}, expires_at=NOW + timedelta(hours=1))


def test_get_all_and_delete_expired_remove_only_rows_past_their_time(book: TableLedger) -> None:
    book.texts.put("old", "triage", {"a": 1}, expires_at=NOW - timedelta(minutes=1))
    book.texts.put("old", "draft", {"b": 2}, expires_at=NOW - timedelta(minutes=1))
    book.texts.put("new", "triage", {"c": 3}, expires_at=NOW + timedelta(hours=1))
    book.texts.put("new", "draft", {"d": 4}, expires_at=NOW + timedelta(hours=1))
    assert book.texts.get_all("new", now=NOW) == {"triage": {"c": 3}, "draft": {"d": 4}}
    assert book.texts.get_all("old", now=NOW) == {}
    assert book.texts.delete_expired(NOW) == 2
    assert book.texts.count() == 2
    assert book.texts.get("new", "draft", now=NOW) == {"d": 4}


def test_old_subjects_are_blanked_and_states_stay(book: TableLedger) -> None:
    book.claim("m1", owner="run", subject="Mein Fahrrad, Frau Weber")
    book.update("m1", state="posted", language="de")
    assert book.scrub_subjects(before=datetime.now(UTC) - timedelta(hours=1)) == 0
    assert book.scrub_subjects(before=datetime.now(UTC) + timedelta(seconds=1)) == 1
    record = book.get("m1")
    assert record is not None
    assert (record.subject, record.state, record.language) == ("", "posted", "de")
