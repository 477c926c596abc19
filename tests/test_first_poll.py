"""The first poll of a new deployment (no cursor yet): the production listing code against
the HubSpot emulator (which refuses sort=latestMessageTimestamp without a start, as HubSpot
does) and Azurite. It lists a bounded look-back, not the inbox's whole history."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

import hubspot.transport
from core.contracts import ListRequest
from core.settings import SettingsError, load_settings
from hubspot.inbox_client import ALL_TIME
from hubspot.transport import Call, Transport
from localdev.azurite import Azurite
from localdev.hubspot_emulator import EmulatorServer
from pipeline import listing, services
from tests import emulator_fixtures

hubspot_emulator = emulator_fixtures.hubspot_emulator
fresh_emulator = emulator_fixtures.fresh_emulator

FIRST_POLL = ListRequest(after=None, overlap_seconds=300, max_threads=1000, run_id="first")


@pytest.fixture
def app_env(
    monkeypatch: pytest.MonkeyPatch, fresh_emulator: EmulatorServer, azurite: Azurite
) -> Iterator[pytest.MonkeyPatch]:
    """The app's settings pointed at the stand-ins, with a ledger of its own."""
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", fresh_emulator.token)
    monkeypatch.setenv("HUBSPOT_BASE_URL", fresh_emulator.base_url)
    monkeypatch.setenv("LEDGER_CONNECTION_STRING", azurite.connection_string)
    monkeypatch.setenv("LEDGER_TABLE_PREFIX", "first" + uuid.uuid4().hex[:8])
    monkeypatch.delenv("HUBSPOT_INBOX_IDS", raising=False)
    monkeypatch.delenv("POLL_INITIAL_LOOKBACK_HOURS", raising=False)
    services.reset()
    yield monkeypatch
    services.reset()


@pytest.fixture
def sent_thread_queries(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """The query string of every thread listing the client sends."""
    seen: list[dict[str, object]] = []
    original = Transport.send_once

    def spy(self: Transport, call: Call) -> object:
        if call.path.endswith("/conversations/threads"):
            seen.append(dict(call.qs or {}))
        return original(self, call)

    monkeypatch.setattr(hubspot.transport.Transport, "send_once", spy)
    return seen


def latest_times() -> dict[str, datetime]:
    """thread id -> latestMessageTimestamp of every thread in the emulator's inboxes."""
    client = services.hubspot()
    return {
        t.id: t.latest_message_timestamp
        for inbox in client.list_inboxes()
        for t in client.iter_threads(inbox.id, ALL_TIME)
        if t.latest_message_timestamp is not None
    }


def test_first_poll_lists_the_default_look_back_and_sends_its_start(
    app_env: pytest.MonkeyPatch, sent_thread_queries: list[dict[str, object]]
) -> None:
    started = datetime.now(UTC)
    found = listing.list_new_threads(FIRST_POLL)
    assert sent_thread_queries, "no thread listing was sent"
    for query in sent_thread_queries:
        assert query["sort"] == "latestMessageTimestamp"
        start = datetime.fromisoformat(str(query["latestMessageTimestampAfter"]))
        assert abs(start - (started - timedelta(hours=24))) < timedelta(minutes=1)
    everything = latest_times()
    recent = {i for i, at in everything.items() if at > started - timedelta(hours=24)}
    assert found.backlog == 0
    listed = {t.thread_id for t in found.work}
    # The seed spans about two days: the first poll takes the last 24 h, not all of it.
    assert listed == recent
    assert 0 < len(recent) < len(everything)


def test_a_longer_look_back_reaches_older_threads(app_env: pytest.MonkeyPatch) -> None:
    app_env.setenv("POLL_INITIAL_LOOKBACK_HOURS", "72")
    services.reset()
    found = listing.list_new_threads(FIRST_POLL)
    assert found.backlog == 0
    assert {t.thread_id for t in found.work} == set(latest_times())


def test_with_a_cursor_the_look_back_is_not_used() -> None:
    cursor = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    with_cursor = FIRST_POLL.model_copy(update={"after": cursor})
    assert listing.listing_start(with_cursor, 24, now) == cursor - timedelta(seconds=300)
    assert listing.listing_start(FIRST_POLL, 6, now) == now - timedelta(hours=6)


@pytest.mark.parametrize("value", ["0", "0.5", "9000", "-1", "a day"])
def test_the_look_back_is_validated(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("POLL_INITIAL_LOOKBACK_HOURS", value)
    with pytest.raises(SettingsError, match="POLL_INITIAL_LOOKBACK_HOURS"):
        load_settings(hubspot_access_token="t", ledger_connection_string="c")
