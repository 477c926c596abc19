"""Behaviour of the HubSpot endpoints: paging, filters, the one-inbox rule, auth, scopes,
help-desk refusal, truncation and notes. Responses are also checked against the spec."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from localdev.hubspot_emulator import EmulatorServer
from tests import emulator_fixtures
from tests.emulator_fixtures import SpecCheckedClient, hubspot_client

# Fixtures used by this module (imported as names so pytest finds them).
fresh_emulator = emulator_fixtures.fresh_emulator
hubspot_http = emulator_fixtures.hubspot_http
hubspot_emulator = emulator_fixtures.hubspot_emulator

CONV = "/conversations/v3/conversations"


def _all_pages(client: SpecCheckedClient, params: dict[str, Any]) -> tuple[list[str], int]:
    ids: list[str] = []
    pages = 0
    after: str | None = None
    while True:
        query = {**params, **({"after": after} if after else {})}
        body = client.get(f"{CONV}/threads", params=query).json()
        pages += 1
        ids += [t["id"] for t in body["results"]]
        if "paging" not in body:
            return ids, pages
        after = body["paging"]["next"]["after"]


def test_default_limit_is_20_and_paging_visits_every_thread_once(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    first = hubspot_http.get(f"{CONV}/threads").json()
    assert len(first["results"]) == 20
    assert first["paging"]["next"]["after"]
    ids, pages = _all_pages(hubspot_http, {"limit": 7})
    assert sorted(ids) == sorted(fresh_emulator.thread_keys().values())
    assert len(ids) == len(set(ids))
    assert pages == -(-len(ids) // 7)


def test_last_page_has_no_paging(hubspot_http: SpecCheckedClient) -> None:
    body = hubspot_http.get(f"{CONV}/threads", params={"limit": 500}).json()
    assert "paging" not in body


def test_paging_by_timestamp_is_exact_when_many_threads_share_one_millisecond(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    fresh_emulator.reset("empty")
    fresh_emulator.bulk(55, same_timestamp=True)
    after = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    ids, pages = _all_pages(
        hubspot_http,
        {"sort": "latestMessageTimestamp", "latestMessageTimestampAfter": after, "limit": 10},
    )
    assert len(ids) == 55 == len(set(ids))
    assert pages == 6


def test_timestamp_filter_is_strictly_after_and_sorted_ascending(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    threads = hubspot_http.get(f"{CONV}/threads", params={"limit": 500}).json()["results"]
    stamps = sorted(t["latestMessageTimestamp"] for t in threads)
    pivot = stamps[10]
    body = hubspot_http.get(
        f"{CONV}/threads",
        params={
            "sort": "latestMessageTimestamp",
            "latestMessageTimestampAfter": pivot,
            "limit": 500,
        },
    ).json()
    got = [t["latestMessageTimestamp"] for t in body["results"]]
    assert got == sorted(got)
    assert all(ts > pivot for ts in got)
    assert len(got) == sum(1 for ts in stamps if ts > pivot)


def test_new_email_moves_its_thread_past_the_cursor(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    now = datetime.now(UTC).isoformat()
    params = {"sort": "latestMessageTimestamp", "latestMessageTimestampAfter": now}
    assert hubspot_http.get(f"{CONV}/threads", params=params).json()["results"] == []
    thread_id = fresh_emulator.thread_keys()["delivery-en"]
    fresh_emulator.inject_email(
        thread_id=thread_id, from_email="oliver.hughes@mailbox.example", text="Any news?"
    )
    results = hubspot_http.get(f"{CONV}/threads", params=params).json()["results"]
    assert [t["id"] for t in results] == [thread_id]


def test_timestamp_filter_requires_the_timestamp_sort(hubspot_http: SpecCheckedClient) -> None:
    response = hubspot_http.get(
        f"{CONV}/threads", params={"latestMessageTimestampAfter": "2026-01-01T00:00:00Z"}
    )
    assert response.status_code == 400
    assert "sort=latestMessageTimestamp" in response.json()["message"]


def test_only_one_inbox_per_request(hubspot_http: SpecCheckedClient) -> None:
    for query in ("inboxId=147001&inboxId=147002", "inboxId=147001,147002"):
        response = hubspot_http.get(f"{CONV}/threads?{query}")
        assert response.status_code == 400
        assert response.json()["category"] == "VALIDATION_ERROR"
    helpdesk = hubspot_http.get(f"{CONV}/threads", params={"inboxId": "147002"}).json()["results"]
    assert len(helpdesk) == 3
    assert {t["inboxId"] for t in helpdesk} == {"147002"}


def test_thread_status_filter_and_spam_flag(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    keys = fresh_emulator.thread_keys()
    closed = hubspot_http.get(f"{CONV}/threads", params={"threadStatus": "CLOSED"}).json()[
        "results"
    ]
    assert [t["id"] for t in closed] == [keys["closed-thanks-en"]]
    assert "closedAt" in closed[0]
    spam = hubspot_http.get(f"{CONV}/threads/{keys['spam-flagged']}").json()
    unflagged = hubspot_http.get(f"{CONV}/threads/{keys['spam-unflagged-seo']}").json()
    assert spam["spam"] is True
    assert unflagged["spam"] is False


def test_ticket_association_only_when_asked(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    thread_id = fresh_emulator.thread_keys()["helpdesk-service-sv"]
    plain = hubspot_http.get(f"{CONV}/threads/{thread_id}").json()
    assert "threadAssociations" not in plain
    with_ticket = hubspot_http.get(f"{CONV}/threads/{thread_id}", params={"association": "TICKET"})
    assert with_ticket.json()["threadAssociations"]["associatedTicketId"].isdigit()


def test_message_shapes_and_message_paging(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    thread_id = fresh_emulator.thread_keys()["refund-followups-en"]
    first = hubspot_http.get(f"{CONV}/threads/{thread_id}/messages", params={"limit": 2}).json()
    second = hubspot_http.get(
        f"{CONV}/threads/{thread_id}/messages",
        params={"limit": 2, "after": first["paging"]["next"]["after"]},
    ).json()
    messages = first["results"] + second["results"]
    assert "paging" not in second
    assert len(messages) == 3
    # HubSpot's default order is -createdAt: newest first.
    created = [m["createdAt"] for m in messages]
    assert created == sorted(created, reverse=True)
    email = messages[-1]
    assert email["type"] == "MESSAGE"
    assert email["direction"] == "INCOMING"
    assert email["channelId"] == "1002"
    assert email["senders"][0]["actorId"].startswith("V-")
    assert email["senders"][0]["deliveryIdentifier"] == {
        "type": "HS_EMAIL_ADDRESS",
        "value": "mark.taylor@mailbox.example",
    }
    assert email["recipients"][0]["deliveryIdentifier"]["value"] == "support@nordvikbikes.example"
    oldest_first = hubspot_http.get(
        f"{CONV}/threads/{thread_id}/messages", params={"sort": "createdAt"}
    ).json()["results"]
    assert [m["id"] for m in oldest_first] == [m["id"] for m in reversed(messages)]


def test_long_email_is_truncated_and_original_content_has_all_of_it(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    thread_id = fresh_emulator.thread_keys()["long-warranty"]
    message = hubspot_http.get(f"{CONV}/threads/{thread_id}/messages").json()["results"][0]
    assert message["truncationStatus"] == "TRUNCATED"
    assert len(message["text"]) == 2000
    original = hubspot_http.get(
        f"{CONV}/threads/{thread_id}/messages/{message['id']}/original-content"
    ).json()
    assert len(original["text"]) > 2000
    assert original["text"].startswith(message["text"])
    assert original["text"].rstrip().endswith("+46 70 123 45 67")


def test_agent_reply_is_outgoing_and_updates_sent_timestamp(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    thread_id = fresh_emulator.thread_keys()["delivery-en"]
    reply = fresh_emulator.agent_reply(thread_id, "It ships tomorrow.")
    thread = hubspot_http.get(f"{CONV}/threads/{thread_id}").json()
    messages = hubspot_http.get(f"{CONV}/threads/{thread_id}/messages").json()["results"]
    last = messages[0]  # newest first
    assert last["id"] == reply["messageId"]
    assert last["direction"] == "OUTGOING"
    assert last["senders"][0]["actorId"].startswith("A-")
    assert thread["latestMessageSentTimestamp"] == last["createdAt"]
    assert thread["latestMessageTimestamp"] == last["createdAt"]


def test_comment_is_created_and_listed_but_does_not_move_latest_timestamp(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    thread_id = fresh_emulator.thread_keys()["return-de"]
    before = hubspot_http.get(f"{CONV}/threads/{thread_id}").json()["latestMessageTimestamp"]
    created = hubspot_http.post(
        f"{CONV}/threads/{thread_id}/messages",
        json={
            "type": "COMMENT",
            "text": "Entwurf",
            "richText": "<p>Entwurf</p>",
            "attachments": [],
        },
    )
    assert created.status_code == 201
    comment = created.json()
    assert comment["type"] == "COMMENT"
    assert comment["richText"] == "<p>Entwurf</p>"
    listed = hubspot_http.get(f"{CONV}/threads/{thread_id}/messages").json()["results"]
    assert listed[0]["id"] == comment["id"]  # newest first
    after = hubspot_http.get(f"{CONV}/threads/{thread_id}").json()["latestMessageTimestamp"]
    assert after == before
    assert fresh_emulator.stats()["comment_posts_by_thread"] == {thread_id: 1}


def test_comment_body_is_validated(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    thread_id = fresh_emulator.thread_keys()["return-de"]
    url = f"{CONV}/threads/{thread_id}/messages"
    for body in (
        {"type": "COMMENT", "attachments": []},
        {"type": "COMMENT", "text": "x"},
        {"type": "NOTE", "text": "x", "attachments": []},
    ):
        response = hubspot_http.post(url, json=body)
        assert response.status_code == 400, body
    assert hubspot_http.post(url, content=b"{not json").status_code == 400


def test_help_desk_threads_refuse_comments_and_take_a_ticket_note(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    thread_id = fresh_emulator.thread_keys()["helpdesk-warranty-en"]
    refused = hubspot_http.post(
        f"{CONV}/threads/{thread_id}/messages",
        json={"type": "COMMENT", "text": "Draft", "attachments": []},
    )
    assert refused.status_code == 400
    assert refused.json()["category"] == "VALIDATION_ERROR"
    assert "help desk" in refused.json()["message"]
    thread = hubspot_http.get(
        f"{CONV}/threads/{thread_id}", params={"association": "TICKET"}
    ).json()
    ticket = thread["threadAssociations"]["associatedTicketId"]
    note_body = {
        "properties": {"hs_note_body": "<p>Draft</p>", "hs_timestamp": "2026-11-25T10:00:00Z"},
        "associations": [
            {
                "to": {"id": ticket},
                "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 228}],
            }
        ],
    }
    note = hubspot_http.post("/crm/v3/objects/notes", json=note_body)
    assert note.status_code == 201
    assert note.json()["properties"]["hs_note_body"] == "<p>Draft</p>"
    note_body["associations"][0]["to"] = {"id": "1"}  # type: ignore[index]
    assert hubspot_http.post("/crm/v3/objects/notes", json=note_body).status_code == 400
    stats = fresh_emulator.stats()
    assert stats["notes_created"] == 1
    assert stats["comment_posts_by_thread"] == {}


def test_unknown_token_expired_token_and_missing_scope(fresh_emulator: EmulatorServer) -> None:
    thread_id = fresh_emulator.thread_keys()["delivery-en"]
    comment = {"type": "COMMENT", "text": "x", "attachments": []}
    with hubspot_client(fresh_emulator, token="read-only-token") as read_only:
        assert read_only.get(f"{CONV}/threads/{thread_id}").status_code == 200
        refused = read_only.post(f"{CONV}/threads/{thread_id}/messages", json=comment)
    assert refused.status_code == 403
    assert refused.json()["category"] == "MISSING_SCOPES"
    fresh_emulator.admin(
        "POST", "/_emulator/tokens", {"token": "no-notes", "scopes": ["conversations.read"]}
    )
    with hubspot_client(fresh_emulator, token="no-notes") as no_notes:
        response = no_notes.post("/crm/v3/objects/notes", json={"properties": {}})
    assert response.status_code == 403
    fresh_emulator.admin("POST", "/_emulator/tokens", {"token": "went-stale", "expired": True})
    with hubspot_client(fresh_emulator, token="went-stale") as stale:
        assert stale.get(f"{CONV}/inboxes").json()["category"] == "EXPIRED_AUTHENTICATION"


def test_deleted_thread_is_gone(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    thread_id = fresh_emulator.thread_keys()["app-es"]
    fresh_emulator.delete_thread(thread_id)
    assert hubspot_http.get(f"{CONV}/threads/{thread_id}").status_code == 404
    assert hubspot_http.get(f"{CONV}/threads/{thread_id}/messages").status_code == 404
    listed = hubspot_http.get(f"{CONV}/threads", params={"limit": 500}).json()["results"]
    assert thread_id not in {t["id"] for t in listed}
    archived = hubspot_http.get(f"{CONV}/threads", params={"archived": "true"}).json()["results"]
    assert [t["id"] for t in archived] == [thread_id]


def test_notes_search_by_ticket_and_token(
    hubspot_http: SpecCheckedClient, fresh_emulator: EmulatorServer
) -> None:
    keys = fresh_emulator.thread_keys()
    tickets = []
    for key in ("helpdesk-warranty-en", "helpdesk-service-sv"):
        thread = hubspot_http.get(
            f"{CONV}/threads/{keys[key]}", params={"association": "TICKET"}
        ).json()
        tickets.append(thread["threadAssociations"]["associatedTicketId"])
    for ticket, marker in zip(tickets, ("marker-aaa", "marker-bbb"), strict=True):
        note = {
            "properties": {
                "hs_note_body": f"<p>Draft</p><!-- {marker} -->",
                "hs_timestamp": "2026-11-25T10:00:00Z",
            },
            "associations": [
                {
                    "to": {"id": ticket},
                    "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 228}],
                }
            ],
        }
        assert hubspot_http.post("/crm/v3/objects/notes", json=note).status_code == 201

    def search(ticket: str, marker: str) -> dict[str, Any]:
        filters = [
            {"propertyName": "associations.ticket", "operator": "EQ", "value": ticket},
            {"propertyName": "hs_note_body", "operator": "CONTAINS_TOKEN", "value": marker},
        ]
        response = hubspot_http.post(
            "/crm/v3/objects/notes/search",
            json={
                "filterGroups": [{"filters": filters}],
                "properties": ["hs_note_body"],
                "limit": 100,
            },
        )
        assert response.status_code == 200
        body: dict[str, Any] = response.json()
        return body

    found = search(tickets[0], "marker-aaa")
    assert found["total"] == 1
    assert "marker-aaa" in found["results"][0]["properties"]["hs_note_body"]
    assert "hs_timestamp" not in found["results"][0]["properties"]  # only asked-for properties
    assert search(tickets[0], "marker-bbb")["total"] == 0
    assert search(tickets[1], "marker-bbb")["total"] == 1
    bad = hubspot_http.post(
        "/crm/v3/objects/notes/search",
        json={"filterGroups": [{"filters": [{"propertyName": "x", "operator": "LIKE"}]}]},
    )
    assert bad.status_code == 400
