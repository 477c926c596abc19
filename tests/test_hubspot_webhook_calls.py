"""HubSpot's v3 webhook signature, the event models and which events wake the poller.

The expected signatures are computed here straight from HubSpot's documented recipe
(base64 of HMAC-SHA256 over method + URI + body + timestamp), and cross-checked against the
emulator's own signer, which was written separately."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta

import pytest

from hubspot.webhook_calls import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    WebhookRejectedError,
    parse_events,
    signature_v3,
    signed_uri,
    verify_v3,
    waking_events,
)
from localdev.hubspot_emulator.webhooks import sign as emulator_sign

SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy"
URL = "https://triage.example.net/api/hubspot/webhook"
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
BODY = json.dumps(
    [
        {
            "eventId": 1,
            "subscriptionId": 12345,
            "portalId": 62515,
            "appId": 54321,
            "occurredAt": 1764590400000,
            "subscriptionType": "conversation.newMessage",
            "attemptNumber": 0,
            "objectId": 7100000001,
            "messageId": "abc",
            "messageType": "MESSAGE",
            "changeFlag": "NEW_MESSAGE",
        }
    ]
).encode()


def _ms(moment: datetime) -> str:
    return str(int(moment.timestamp() * 1000))


def documented_signature(method: str, uri: str, body: bytes, timestamp: str) -> str:
    source = f"{method}{uri}{body.decode()}{timestamp}".encode()
    return base64.b64encode(hmac.new(SECRET.encode(), source, hashlib.sha256).digest()).decode()


def signed_headers(body: bytes = BODY, at: datetime = NOW, uri: str = URL) -> dict[str, str]:
    timestamp = _ms(at)
    return {
        SIGNATURE_HEADER: documented_signature("POST", uri, body, timestamp),
        TIMESTAMP_HEADER: timestamp,
    }


def verify(headers: dict[str, str], body: bytes = BODY, **kw: object) -> None:
    args: dict = {"secret": SECRET, "method": "POST", "uri": URL, "now": NOW, **kw}
    verify_v3(headers=headers, body=body, **args)


def test_a_correctly_signed_fresh_call_passes_and_headers_are_case_insensitive() -> None:
    verify(signed_headers())
    verify({k.lower(): v for k, v in signed_headers().items()})
    verify(signed_headers(at=NOW - timedelta(minutes=4, seconds=59)))


def test_our_signer_and_the_emulators_agree_with_the_documented_recipe() -> None:
    timestamp = _ms(NOW)
    expected = documented_signature("POST", URL, BODY, timestamp)
    assert signature_v3(SECRET, "POST", URL, BODY, timestamp) == expected
    assert emulator_sign(SECRET, "POST", URL, BODY, timestamp) == expected


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({SIGNATURE_HEADER: "AAAA"}, "does not match"),
        ({SIGNATURE_HEADER: ""}, "missing"),
        ({TIMESTAMP_HEADER: ""}, "missing"),
        ({TIMESTAMP_HEADER: "12:00"}, "epoch milliseconds"),
    ],
)
def test_bad_or_missing_headers_are_refused(change: dict[str, str], reason: str) -> None:
    with pytest.raises(WebhookRejectedError, match=reason) as refused:
        verify({**signed_headers(), **change})
    assert refused.value.status == 401


def test_stale_and_future_timestamps_are_refused_even_when_signed() -> None:
    with pytest.raises(WebhookRejectedError, match="stale"):
        verify(signed_headers(at=NOW - timedelta(minutes=5, seconds=1)))
    with pytest.raises(WebhookRejectedError, match="future"):
        verify(signed_headers(at=NOW + timedelta(minutes=2)))


def test_a_replayed_signature_with_a_new_timestamp_or_body_or_url_is_refused() -> None:
    headers = signed_headers()
    with pytest.raises(WebhookRejectedError, match="does not match"):
        verify({**headers, TIMESTAMP_HEADER: _ms(NOW + timedelta(seconds=1))})
    with pytest.raises(WebhookRejectedError, match="does not match"):
        verify(headers, body=BODY.replace(b"7100000001", b"7100000002"))
    with pytest.raises(WebhookRejectedError, match="does not match"):
        verify(headers, uri=URL + "?x=1")
    with pytest.raises(WebhookRejectedError, match="does not match"):
        verify(headers, method="PUT")


def test_the_wrong_secret_is_refused_and_no_secret_refuses_everything() -> None:
    with pytest.raises(WebhookRejectedError, match="does not match"):
        verify(signed_headers(), secret="another-secret")
    with pytest.raises(WebhookRejectedError, match="unset") as refused:
        verify(signed_headers(), secret="")
    assert refused.value.status == 403


def test_the_uri_is_signed_with_hubspots_listed_escapes_decoded_and_no_others() -> None:
    assert signed_uri("https://x.example/a%3Ab%2Fc%3Fd%40e%21%24%27%28%29%2a%2C%3b") == (
        "https://x.example/a:b/c?d@e!$'()*,;"
    )
    assert signed_uri("https://x.example/a%20b%25c") == "https://x.example/a%20b%25c"
    encoded = "https://x.example/hook?next=%2Fapi%3Fx%3D1"
    timestamp = _ms(NOW)
    decoded_signature = documented_signature("POST", signed_uri(encoded), BODY, timestamp)
    headers = {SIGNATURE_HEADER: decoded_signature, TIMESTAMP_HEADER: timestamp}
    verify(headers, uri=encoded)


def test_events_parse_into_models_and_a_bad_body_names_no_content() -> None:
    (event,) = parse_events(BODY)
    assert (event.event_id, event.thread_id, event.message_type) == (1, "7100000001", "MESSAGE")
    with pytest.raises(WebhookRejectedError) as refused:
        parse_events(b'{"secret customer text": 1}')
    assert refused.value.status == 400 and "secret customer text" not in refused.value.reason
    with pytest.raises(WebhookRejectedError):
        parse_events(b"not json")


def _event(event_id: int, kind: str, message_type: str | None = None) -> dict:
    event = {
        "eventId": event_id,
        "subscriptionType": kind,
        "objectId": 7100000001,
        "occurredAt": 1764590400000,
    }
    if message_type is not None:
        event["messageType"] = message_type
    return event


def test_only_new_threads_and_new_email_messages_wake_the_poller_once_per_event_id() -> None:
    events = parse_events(
        json.dumps(
            [
                _event(1, "conversation.creation"),
                _event(2, "conversation.newMessage", "MESSAGE"),
                _event(2, "conversation.newMessage", "MESSAGE"),  # a retry inside one call
                _event(3, "conversation.newMessage", "COMMENT"),  # our own draft
                _event(4, "conversation.newMessage", "WELCOME_MESSAGE"),
                _event(5, "conversation.propertyChange"),
                _event(6, "contact.creation"),
                _event(7, "conversation.newMessage"),  # type not sent: may be an email
            ]
        ).encode()
    )
    assert [e.event_id for e in waking_events(events)] == [1, 2, 7]
    assert waking_events(parse_events(json.dumps([_event(3, "x.y")]).encode())) == []
