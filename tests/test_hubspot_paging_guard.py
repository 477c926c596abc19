"""A listing whose paging cursor repeats, or that never ends, stops with an error naming
the endpoint and the cursor, for every paged call the client makes; and the client's other
local guard against a request HubSpot would refuse (a note body over its limit)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

import hubspot.inbox_client
import hubspot.paging
from hubspot.errors import HubSpotPagingError, HubSpotValidationError
from hubspot.inbox_client import ALL_TIME, InboxClient
from hubspot.models import InboxPage
from hubspot.paging import iter_pages
from localdev.hubspot_emulator import EmulatorServer
from tests import emulator_fixtures, hubspot_fixtures
from tests.hubspot_fixtures import FakeClock, FakeHubSpot, Scripted, make_client

fake_clock = hubspot_fixtures.fake_clock
fake_hubspot = hubspot_fixtures.fake_hubspot
hubspot_emulator = emulator_fixtures.hubspot_emulator
fresh_emulator = emulator_fixtures.fresh_emulator

THREADS = "GET /conversations/v3/conversations/threads"
SUPPORT_INBOX = "147001"


@pytest.fixture
def client(fresh_emulator: EmulatorServer, fake_clock: FakeClock) -> Iterator[InboxClient]:
    with InboxClient(
        fresh_emulator.token, fresh_emulator.base_url, sleep=fake_clock.sleep, clock=fake_clock
    ) as built:
        yield built


def requests_to(server: EmulatorServer, template: str) -> int:
    rows = [r for r in server.stats()["requests"] if r["route"] == template]
    return sum(int(r["total"]) for r in rows)


def test_thread_listing_stops_on_a_repeated_cursor(
    fresh_emulator: EmulatorServer, client: InboxClient
) -> None:
    assert len(list(client.iter_threads(SUPPORT_INBOX, ALL_TIME, page_size=2))) > 4
    fresh_emulator.set_faults(repeat_paging_cursor=True)
    before = requests_to(fresh_emulator, "/conversations/v3/conversations/threads")
    with pytest.raises(HubSpotPagingError) as caught:
        list(client.iter_threads(SUPPORT_INBOX, ALL_TIME, page_size=2))
    error = caught.value
    assert error.endpoint == THREADS
    assert THREADS in str(error) and f"after={error.cursor!r}" in str(error)
    assert "repeated" in str(error)
    # page 1 gives cursor X, page 2 (after=X) gives X again: two requests, then stop
    assert requests_to(fresh_emulator, "/conversations/v3/conversations/threads") - before == 2


def test_message_listing_stops_on_a_repeated_cursor(
    fresh_emulator: EmulatorServer, client: InboxClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hubspot.inbox_client, "MESSAGES_PAGE_SIZE", 1)
    thread_id = fresh_emulator.thread_keys()["refund-followups-en"]
    assert len(client.list_messages(thread_id)) == 3  # pages of one, no fault
    fresh_emulator.set_faults(repeat_paging_cursor=True)
    with pytest.raises(HubSpotPagingError, match=r"threads/\{threadId\}/messages") as caught:
        client.list_messages(thread_id)
    assert caught.value.pages == 2


def test_inbox_listing_stops_on_a_repeated_cursor(
    fake_hubspot: FakeHubSpot, fake_clock: FakeClock
) -> None:
    page = {
        "total": 1,
        "results": [{"id": "10", "name": "Support", "type": "INBOX"}],
        "paging": {"next": {"after": "same"}},
    }
    fake_hubspot.add_script(
        Scripted("GET", "/inboxes", 200, page), Scripted("GET", "/inboxes", 200, page)
    )
    client = make_client(fake_hubspot.url, fake_clock)
    with pytest.raises(HubSpotPagingError, match="GET /conversations/v3/conversations/inboxes"):
        client.list_inboxes()
    assert [s.query.get("after") for s in fake_hubspot.seen] == [None, ["same"]]


def test_an_endless_listing_stops_at_the_page_bound(
    fresh_emulator: EmulatorServer, client: InboxClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fresh cursors every page, more pages than the bound: stopped at the bound."""
    monkeypatch.setattr(hubspot.paging, "MAX_PAGES_PER_LISTING", 3)
    with pytest.raises(HubSpotPagingError, match="bound of 3 pages") as caught:
        list(client.iter_threads(SUPPORT_INBOX, ALL_TIME, page_size=1))
    assert caught.value.pages == 3 and caught.value.endpoint == THREADS


def test_a_listing_within_the_bound_is_read_whole() -> None:
    pages = {
        None: InboxPage.model_validate({"results": [], "paging": {"next": {"after": "a"}}}),
        "a": InboxPage.model_validate({"results": [], "paging": {"next": {"after": "b"}}}),
        "b": InboxPage.model_validate({"results": []}),
    }
    read = list(iter_pages(pages.__getitem__, endpoint="GET /x", what="x", max_pages=3))
    assert len(read) == 3
    with pytest.raises(HubSpotPagingError):
        list(iter_pages(pages.__getitem__, endpoint="GET /x", what="x", max_pages=2))


def test_a_note_over_hubspots_body_limit_is_refused_before_sending(
    fresh_emulator: EmulatorServer, client: InboxClient
) -> None:
    """The notes guide limits hs_note_body to 65,536 characters (the emulator enforces it
    too); the client says so without spending a request."""
    ticket = next(
        t.ticket_id
        for inbox in client.list_inboxes()
        for t in client.iter_threads(inbox.id, ALL_TIME)
        if t.ticket_id
    )
    now = datetime.now(UTC)
    before = requests_to(fresh_emulator, "/crm/v3/objects/notes")
    with pytest.raises(HubSpotValidationError, match="65536"):
        client.create_ticket_note(ticket, "x" * 65_537, now)
    assert requests_to(fresh_emulator, "/crm/v3/objects/notes") == before
    assert client.create_ticket_note(ticket, "x" * 65_536, now)
