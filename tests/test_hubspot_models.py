"""HubSpot JSON models and the error mapping."""

from __future__ import annotations

import json
from pathlib import Path

from hubspot.errors import (
    HubSpotAuthError,
    HubSpotError,
    HubSpotNotFound,
    HubSpotScopeError,
    HubSpotValidationError,
    error_for_response,
    parse_error_body,
)
from hubspot.models import Message, MessagePage, Thread, ThreadPage
from hubspot.transport import parse_retry_after

SPEC = Path("/work/shared/hubspot-openapi/conversations-v3.json")

INBOUND = {
    "type": "MESSAGE",
    "id": "a1b2",
    "conversationsThreadId": "7100",
    "createdAt": "2026-11-23T12:17:05.886Z",
    "createdBy": "V-51037",
    "client": {"clientType": "SYSTEM"},
    "senders": [
        {
            "actorId": "V-51037",
            "name": "Oliver",
            "senderField": "FROM",
            "deliveryIdentifier": {"type": "HS_EMAIL_ADDRESS", "value": "o@example.com"},
        }
    ],
    "recipients": [
        {
            "actorId": "E-s@x.example",
            "recipientField": "TO",
            "deliveryIdentifier": {"type": "HS_EMAIL_ADDRESS", "value": "s@x.example"},
        }
    ],
    "text": "Hi",
    "richText": "<p>Hi</p>",
    "subject": "Delivery",
    "truncationStatus": "TRUNCATED_TO_MOST_RECENT_REPLY",
    "direction": "INCOMING",
    "channelId": "1002",
    "channelAccountId": "1470011",
    "attachments": [],
    "somethingNew": {"kept": True},
}


def test_message_parses_with_aliases_and_keeps_unknown_fields() -> None:
    message = Message.model_validate(INBOUND)
    assert message.rich_text == "<p>Hi</p>"
    assert message.senders[0].email == "o@example.com"
    assert message.recipients[0].recipient_field == "TO"
    assert message.client is not None and message.client.client_type == "SYSTEM"
    assert message.is_inbound_email and message.is_truncated
    assert message.created_at is not None and message.created_at.tzinfo is not None
    dumped = message.model_dump(by_alias=True, exclude_none=True)
    assert dumped["somethingNew"] == {"kept": True}
    assert dumped["truncationStatus"] == "TRUNCATED_TO_MOST_RECENT_REPLY"


def test_snake_case_names_also_populate() -> None:
    message = Message(id="1", type="COMMENT", rich_text="<p>x</p>")
    assert message.rich_text == "<p>x</p>"
    assert not message.is_inbound_email


def test_minimal_and_system_messages_parse() -> None:
    page = MessagePage.model_validate(
        {
            "results": [
                {"id": "1", "type": "THREAD_STATUS_CHANGE", "newStatus": "CLOSED"},
                {"id": "2", "type": "SOME_FUTURE_TYPE"},
            ],
            "paging": {"next": {"after": "abc"}},
        }
    )
    assert [m.type for m in page.results] == ["THREAD_STATUS_CHANGE", "SOME_FUTURE_TYPE"]
    assert page.next_after == "abc"


def test_thread_ticket_id_and_last_page() -> None:
    page = ThreadPage.model_validate(
        {
            "results": [
                {
                    "id": "5",
                    "inboxId": "147002",
                    "spam": True,
                    "latestMessageTimestamp": "2026-11-25T09:17:05Z",
                    "threadAssociations": {"associatedTicketId": "93"},
                },
                {"id": "6"},
            ]
        }
    )
    assert page.next_after is None
    assert page.results[0].ticket_id == "93" and page.results[0].spam
    assert page.results[1].ticket_id is None and not page.results[1].spam


def test_models_name_every_field_of_hubspots_thread_and_message_schemas() -> None:
    """Each property of HubSpot's PublicThread / PublicConversationsMessage is a typed field
    of ours (not left to extra="allow"), so a rename in the spec shows up here."""
    schemas = json.loads(SPEC.read_text(encoding="utf-8"))["components"]["schemas"]
    for schema, model in (("PublicThread", Thread), ("PublicConversationsMessage", Message)):
        ours = {field.alias for field in model.model_fields.values()}
        missing = set(schemas[schema]["properties"]) - ours
        assert not missing, f"{model.__name__} lacks {sorted(missing)} of {schema}"


def test_error_mapping() -> None:
    body = parse_error_body(
        json.dumps(
            {
                "status": "error",
                "message": "expired",
                "correlationId": "cid-1",
                "category": "EXPIRED_AUTHENTICATION",
            }
        )
    )
    auth = error_for_response(401, body, what="list inboxes")
    assert isinstance(auth, HubSpotAuthError)
    assert "EXPIRED_AUTHENTICATION" in str(auth) and "HUBSPOT_ACCESS_TOKEN" in str(auth)
    assert auth.correlation_id == "cid-1" and "cid-1" in str(auth)

    scope = error_for_response(403, parse_error_body(b"{}"), what="x", required_scope="a.b")
    assert isinstance(scope, HubSpotScopeError) and scope.missing_scopes == ["a.b"]

    bad = error_for_response(400, parse_error_body(b'{"category":"VALIDATION_ERROR"}'), what="x")
    assert isinstance(bad, HubSpotValidationError) and bad.category == "VALIDATION_ERROR"

    assert isinstance(error_for_response(404, parse_error_body(b""), what="x"), HubSpotNotFound)
    other = error_for_response(418, parse_error_body(b"not json"), what="x")
    assert type(other) is HubSpotError and other.status == 418


def test_retry_after_parsing() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(" 1.5 ") == 1.5
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
