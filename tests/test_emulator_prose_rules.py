"""The emulator refuses what HubSpot's API reference refuses in prose (rules a spec
validator cannot see: the JSON specs leave those parameter descriptions empty), over HTTP,
with HubSpot's 400 body. Each case names its source."""

from __future__ import annotations

from typing import Any

import pytest

from localdev.hubspot_emulator import EmulatorServer
from tests import emulator_fixtures
from tests.emulator_fixtures import SpecCheckedClient

hubspot_emulator = emulator_fixtures.hubspot_emulator
fresh_emulator = emulator_fixtures.fresh_emulator
hubspot_http = emulator_fixtures.hubspot_http

CONV = "/conversations/v3/conversations"
THREADS_REFERENCE = (
    "developers.hubspot.com/docs/api-reference/conversations-conversations-v3/public-thread/"
    "get-conversations-v3-conversations-threads"
)
NOTES_GUIDE = "developers.hubspot.com/docs/api/crm/notes"
AFTER = "2026-01-01T00:00:00Z"
INBOX = "147001"


def assert_validation_error(response: Any, *words: str) -> None:
    """HubSpot's 400: status, message, correlationId, category VALIDATION_ERROR."""
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["status"] == "error"
    assert body["category"] == "VALIDATION_ERROR"
    assert body["correlationId"]
    for word in words:
        assert word in body["message"], body["message"]


def a_contact_id(http: SpecCheckedClient) -> str:
    thread = http.get(f"{CONV}/threads", params={"limit": 1}).json()["results"][0]
    return str(thread["associatedContactId"])


# (rule, query, words the message must contain) -- all from THREADS_REFERENCE
THREAD_RULES: list[tuple[str, dict[str, str], tuple[str, ...]]] = [
    (
        "sort=latestMessageTimestamp requires latestMessageTimestampAfter",
        {"sort": "latestMessageTimestamp", "inboxId": INBOX},
        ("latestMessageTimestampAfter", "required"),
    ),
    (
        "inboxId cannot be combined with associatedContactId",
        {"inboxId": INBOX, "associatedContactId": "{contact}", "threadStatus": "OPEN"},
        ("associatedContactId", "inboxId"),
    ),
    (
        "threadStatus must be given with associatedContactId",
        {"associatedContactId": "{contact}"},
        ("threadStatus",),
    ),
    (
        "only associatedContactId listings may sort descending (-id)",
        {"sort": "-id", "inboxId": INBOX},
        ("descending", "associatedContactId"),
    ),
    (
        "only associatedContactId listings may sort descending (-latestMessageTimestamp)",
        {"sort": "-latestMessageTimestamp", "latestMessageTimestampAfter": AFTER},
        ("descending",),
    ),
    (
        "sort is id or latestMessageTimestamp",
        {"sort": "createdAt"},
        ("sort",),
    ),
]


@pytest.mark.parametrize(("rule", "query", "words"), THREAD_RULES, ids=[r[0] for r in THREAD_RULES])
def test_thread_listing_refuses_what_the_reference_forbids(
    hubspot_http: SpecCheckedClient, rule: str, query: dict[str, str], words: tuple[str, ...]
) -> None:
    contact = a_contact_id(hubspot_http)
    params = {k: v.replace("{contact}", contact) for k, v in query.items()}
    response = hubspot_http.get(f"{CONV}/threads", params=params)
    assert_validation_error(response, *words)
    context = response.json()["context"]  # names the parameter at fault, as HubSpot does
    assert len(context) == 1 and next(iter(context)) in words + tuple(query)


def test_the_allowed_forms_of_those_listings_are_served(hubspot_http: SpecCheckedClient) -> None:
    contact = a_contact_id(hubspot_http)
    by_time = {"sort": "latestMessageTimestamp", "latestMessageTimestampAfter": AFTER}
    assert hubspot_http.get(f"{CONV}/threads", params={**by_time, "inboxId": INBOX}).is_success
    for status in ("OPEN", "CLOSED"):
        params = {"associatedContactId": contact, "threadStatus": status}
        ascending = hubspot_http.get(f"{CONV}/threads", params=params)
        descending = hubspot_http.get(f"{CONV}/threads", params={**params, "sort": "-id"})
        assert ascending.is_success and descending.is_success
        ids = [t["id"] for t in ascending.json()["results"]]
        assert [t["id"] for t in descending.json()["results"]] == ids[::-1]
        assert all(t["associatedContactId"] == contact for t in ascending.json()["results"])


def test_descending_contact_listing_pages_without_gaps(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    """Descending paging walks a contact's threads newest first, each once."""
    for n in range(3):
        fresh_emulator.inject_email(from_email="repeat@mailbox.example", text=f"Question {n}")
    every = hubspot_http.get(f"{CONV}/threads", params={"limit": 100}).json()["results"]
    newest = max(every, key=lambda t: t["latestMessageTimestamp"])
    contact = str(newest["associatedContactId"])
    mine = [t for t in every if t["associatedContactId"] == contact and t["status"] == "OPEN"]
    assert len(mine) == 3
    params: dict[str, str | int] = {
        "associatedContactId": contact,
        "threadStatus": "OPEN",
        "sort": "-latestMessageTimestamp",
        "latestMessageTimestampAfter": AFTER,
        "limit": 1,
    }
    seen: list[str] = []
    while True:
        body = hubspot_http.get(f"{CONV}/threads", params=params).json()
        seen += [t["id"] for t in body["results"]]
        if "paging" not in body:
            break
        params["after"] = body["paging"]["next"]["after"]
    expected = sorted(mine, key=lambda t: (t["latestMessageTimestamp"], int(t["id"])))
    assert seen == [t["id"] for t in reversed(expected)]


def test_messages_default_to_newest_first_and_refuse_other_sorts(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    """Reference: sort "createdAt (ascending), and -createdAt (descending, default)"."""
    thread_id = fresh_emulator.thread_keys()["refund-followups-en"]
    url = f"{CONV}/threads/{thread_id}/messages"
    default = [m["createdAt"] for m in hubspot_http.get(url).json()["results"]]
    assert len(default) > 1 and default == sorted(default, reverse=True)
    assert_validation_error(hubspot_http.get(url, params={"sort": "id"}), "sort")


def note_body(**properties: str) -> dict[str, Any]:
    return {"properties": properties, "associations": []}


@pytest.mark.parametrize(
    ("rule", "body", "words"),
    [
        ("hs_timestamp is required", note_body(hs_note_body="x"), ("hs_timestamp",)),
        (
            "hs_timestamp is epoch ms or a UTC date-time",
            note_body(hs_timestamp="yesterday", hs_note_body="x"),
            ("hs_timestamp",),
        ),
        (
            "hs_note_body is limited to 65,536 characters",
            note_body(hs_timestamp="1767225600000", hs_note_body="x" * 65_537),
            ("hs_note_body", "65536"),
        ),
        (
            "associations is required (spec: SimplePublicObjectInputForCreate)",
            {"properties": {"hs_timestamp": AFTER, "hs_note_body": "x"}},
            ("associations",),
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_note_creation_refuses_what_the_notes_guide_forbids(
    hubspot_http: SpecCheckedClient, rule: str, body: dict[str, Any], words: tuple[str, ...]
) -> None:
    assert_validation_error(hubspot_http.post("/crm/v3/objects/notes", json=body), *words)


def test_note_timestamps_in_both_documented_forms_are_accepted(
    hubspot_http: SpecCheckedClient,
) -> None:
    for stamp in ("1767225600000", "2026-01-01T00:00:00.000Z"):
        body = note_body(hs_timestamp=stamp, hs_note_body="x" * 65_536)
        assert hubspot_http.post("/crm/v3/objects/notes", json=body).status_code == 201


def search(filters_per_group: list[int]) -> dict[str, Any]:
    flt = {"propertyName": "hs_note_body", "operator": "HAS_PROPERTY"}
    return {
        "filterGroups": [{"filters": [flt] * n} for n in filters_per_group],
        "properties": [],
        "sorts": [],
        "after": "0",
        "limit": 10,
    }


def test_note_search_refuses_too_many_filters(hubspot_http: SpecCheckedClient) -> None:
    """Changelog (Search API, 2024-08-26): at most 10 filters per group, 25 in all; the
    spec: up to 6 groups."""
    url = "/crm/v3/objects/notes/search"
    assert hubspot_http.post(url, json=search([10, 10, 5])).is_success
    assert_validation_error(hubspot_http.post(url, json=search([11])), "filters per group")
    assert_validation_error(hubspot_http.post(url, json=search([10, 10, 6])), "in all")
    assert_validation_error(hubspot_http.post(url, json=search([1] * 7)), "groups")
