"""Every emulator response checked against HubSpot's official OpenAPI specs (openapi-core)."""

from __future__ import annotations

import json

import httpx
import pytest
from openapi_core.validation.response.exceptions import InvalidData

from localdev.hubspot_emulator import EmulatorServer
from tests import emulator_fixtures
from tests.emulator_fixtures import SpecCheckedClient, assert_matches_spec, hubspot_client

# Fixtures used by this module (imported as names so pytest finds them).
fresh_emulator = emulator_fixtures.fresh_emulator
hubspot_http = emulator_fixtures.hubspot_http
hubspot_emulator = emulator_fixtures.hubspot_emulator

CONV = "/conversations/v3/conversations"


def _ticket_note(ticket_id: str) -> dict[str, object]:
    return {
        "properties": {"hs_note_body": "Draft reply", "hs_timestamp": "2026-11-25T10:00:00Z"},
        "associations": [
            {
                "to": {"id": ticket_id},
                "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 228}],
            }
        ],
    }


def test_every_read_endpoint_matches_the_spec_for_every_seed_thread(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    keys = fresh_emulator.thread_keys()
    assert hubspot_http.get(f"{CONV}/inboxes").status_code == 200
    assert hubspot_http.get(f"{CONV}/inboxes/147002").status_code == 200
    listed = hubspot_http.get(f"{CONV}/threads", params={"limit": 500, "association": "TICKET"})
    assert len(listed.json()["results"]) == len(keys)
    message_types: set[str] = set()
    for thread_id in keys.values():
        assert hubspot_http.get(f"{CONV}/threads/{thread_id}").status_code == 200
        messages = hubspot_http.get(f"{CONV}/threads/{thread_id}/messages", params={"limit": 50})
        for message in messages.json()["results"]:
            message_types.add(message["type"])
            base = f"{CONV}/threads/{thread_id}/messages/{message['id']}"
            assert hubspot_http.get(base).status_code == 200
            if message["type"] == "MESSAGE":
                assert hubspot_http.get(f"{base}/original-content").status_code == 200
    # The seed exercises every branch of the spec's oneOf that the emulator produces.
    assert message_types == {"MESSAGE", "COMMENT", "THREAD_STATUS_CHANGE"}


def test_created_comment_and_note_match_the_spec(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    keys = fresh_emulator.thread_keys()
    created = hubspot_http.post(
        f"{CONV}/threads/{keys['delivery-en']}/messages",
        json={"type": "COMMENT", "text": "Draft", "richText": "<p>Draft</p>", "attachments": []},
    )
    assert created.status_code == 201
    assert created.headers["location"].endswith(created.json()["id"])
    thread = hubspot_http.get(
        f"{CONV}/threads/{keys['helpdesk-warranty-en']}", params={"association": "TICKET"}
    ).json()
    ticket_id = thread["threadAssociations"]["associatedTicketId"]
    note = hubspot_http.post("/crm/v3/objects/notes", json=_ticket_note(ticket_id))
    assert note.status_code == 201
    assert hubspot_http.get(f"/crm/v3/objects/notes/{note.json()['id']}").status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "category"),
    [
        ("GET", f"{CONV}/threads/424242", None, 404, "OBJECT_NOT_FOUND"),
        ("GET", f"{CONV}/threads?inboxId=147001&inboxId=147002", None, 400, "VALIDATION_ERROR"),
        ("GET", f"{CONV}/threads?limit=501", None, 400, "VALIDATION_ERROR"),
        ("GET", f"{CONV}/threads?after=not-a-cursor", None, 400, "VALIDATION_ERROR"),
        ("GET", f"{CONV}/inboxes/1", None, 404, "OBJECT_NOT_FOUND"),
        ("POST", f"{CONV}/threads/424242/messages", {"type": "COMMENT"}, 404, "OBJECT_NOT_FOUND"),
        ("POST", "/crm/v3/objects/notes", {"properties": {}}, 400, "VALIDATION_ERROR"),
    ],
)
def test_error_responses_match_the_spec(
    hubspot_http: SpecCheckedClient,
    method: str,
    path: str,
    body: object,
    status: int,
    category: str,
) -> None:
    response = hubspot_http.request(method, path, json=body)
    assert response.status_code == status
    error = response.json()
    assert error["status"] == "error"
    assert error["category"] == category
    assert error["message"]


def test_auth_errors_match_the_spec(fresh_emulator: EmulatorServer) -> None:
    for token, category in [
        ("", "INVALID_AUTHENTICATION"),
        ("unknown-token", "INVALID_AUTHENTICATION"),
        ("expired-token", "EXPIRED_AUTHENTICATION"),
    ]:
        with hubspot_client(fresh_emulator, token=token) as client:
            response = client.get(f"{CONV}/threads")
        assert response.status_code == 401
        assert response.json()["category"] == category


def test_the_checker_rejects_a_response_that_breaks_the_spec(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    """The contract check can fail: a listed message without its required channelId."""
    thread_id = fresh_emulator.thread_keys()["delivery-en"]
    good = hubspot_http.get(f"{CONV}/threads/{thread_id}/messages")
    body = good.json()
    del body["results"][0]["channelId"]
    broken = httpx.Response(
        200,
        content=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
        request=good.request,
    )
    with pytest.raises(InvalidData):
        assert_matches_spec(broken)
    bad_error = httpx.Response(
        404,
        content=b'{"status":"error","message":"x"}',  # no category, no correlationId
        headers={"content-type": "application/json"},
        request=httpx.Request("GET", f"{fresh_emulator.base_url}{CONV}/threads/1"),
    )
    with pytest.raises(InvalidData):
        assert_matches_spec(bad_error)
