"""HubSpot webhook calls: the v3 request signature, the event models, the events we use.

The v3 scheme (developers.hubspot.com, "Validating requests", v3 signature):
``X-HubSpot-Signature-v3`` is base64(HMAC-SHA256(client secret, method + URI + body +
timestamp)), UTF-8 throughout, where the timestamp is the ``X-HubSpot-Request-Timestamp``
header (epoch milliseconds) and the URI is the full request URL with a fixed set of
percent-encoded characters decoded. Requests older than five minutes are refused.

A webhook is only a nudge for us: its content is never trusted beyond "something happened
on a conversation", and nothing here logs a payload.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

SIGNATURE_HEADER = "X-HubSpot-Signature-v3"
TIMESTAMP_HEADER = "X-HubSpot-Request-Timestamp"
MAX_AGE = timedelta(minutes=5)  # HubSpot: reject requests older than five minutes
# A timestamp from the future is a forged or replayed-with-edits request, or a skewed
# clock; allow the skew of two well-kept clocks, no more.
MAX_FUTURE_SKEW = timedelta(seconds=30)
MAX_BODY_BYTES = 1_000_000  # HubSpot sends at most 100 events per call: far below this

# HubSpot decodes exactly these escapes in the URI before signing.
_DECODED_IN_URI = {
    "%3A": ":",
    "%2F": "/",
    "%3F": "?",
    "%40": "@",
    "%21": "!",
    "%24": "$",
    "%27": "'",
    "%28": "(",
    "%29": ")",
    "%2A": "*",
    "%2C": ",",
    "%3B": ";",
}
_ESCAPE = re.compile("|".join(_DECODED_IN_URI), re.IGNORECASE)

NEW_THREAD = "conversation.creation"
NEW_MESSAGE = "conversation.newMessage"
# Message types of conversation.newMessage that can hold a customer's email. Our own
# drafts are COMMENTs: waking the poller for them would loop.
_WAKING_TYPES = {"MESSAGE"}


class WebhookRejectedError(Exception):
    """The call is not a valid HubSpot call; `reason` is for the log, never the answer."""

    def __init__(self, reason: str, status: int = 401) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


def signed_uri(uri: str) -> str:
    """The URI as HubSpot signs it: the listed percent-escapes decoded, nothing else."""
    return _ESCAPE.sub(lambda m: _DECODED_IN_URI[m.group(0).upper()], uri)


def signature_v3(secret: str, method: str, uri: str, body: bytes, timestamp: str) -> str:
    """base64(HMAC-SHA256(secret, method + uri + body + timestamp))."""
    message = method.upper().encode() + signed_uri(uri).encode() + body + timestamp.encode()
    digest = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def _header(headers: Mapping[str, str], name: str) -> str:
    wanted = name.lower()
    return next((v for k, v in headers.items() if k.lower() == wanted), "").strip()


def verify_v3(
    *,
    secret: str,
    method: str,
    uri: str,
    headers: Mapping[str, str],
    body: bytes,
    now: datetime | None = None,
) -> None:
    """Raise WebhookRejectedError unless the call carries a fresh, valid v3 signature.

    Every check happens before the body is parsed; the comparison is constant-time.
    """
    if not secret:
        raise WebhookRejectedError("HUBSPOT_WEBHOOK_CLIENT_SECRET is unset", status=403)
    signature = _header(headers, SIGNATURE_HEADER)
    raw_timestamp = _header(headers, TIMESTAMP_HEADER)
    if not signature or not raw_timestamp:
        raise WebhookRejectedError(f"missing {SIGNATURE_HEADER} or {TIMESTAMP_HEADER}")
    if not raw_timestamp.isdigit() or len(raw_timestamp) > 15:
        raise WebhookRejectedError(f"{TIMESTAMP_HEADER} is not epoch milliseconds")
    sent = datetime.fromtimestamp(int(raw_timestamp) / 1000, tz=UTC)
    now = now or datetime.now(UTC)
    if now - sent > MAX_AGE:
        raise WebhookRejectedError(f"stale timestamp: {(now - sent).total_seconds():.0f} s old")
    if sent - now > MAX_FUTURE_SKEW:
        raise WebhookRejectedError(f"timestamp {(sent - now).total_seconds():.0f} s in the future")
    if len(body) > MAX_BODY_BYTES:
        raise WebhookRejectedError(f"body over {MAX_BODY_BYTES} bytes", status=413)
    expected = signature_v3(secret, method, uri, body, raw_timestamp)
    if not hmac.compare_digest(expected.encode(), signature.encode()):
        raise WebhookRejectedError("signature does not match")


class WebhookEvent(BaseModel):
    """One event of a webhook call (HubSpot sends a JSON array of these, up to 100)."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True, frozen=True)

    event_id: int = Field(alias="eventId")
    subscription_type: str = Field(alias="subscriptionType")
    object_id: int | str = Field(alias="objectId")  # the conversations thread id
    occurred_at: int = Field(alias="occurredAt")  # epoch milliseconds
    subscription_id: int | None = Field(None, alias="subscriptionId")
    portal_id: int | None = Field(None, alias="portalId")
    app_id: int | None = Field(None, alias="appId")
    attempt_number: int = Field(0, alias="attemptNumber")
    change_source: str | None = Field(None, alias="changeSource")
    change_flag: str | None = Field(None, alias="changeFlag")
    property_name: str | None = Field(None, alias="propertyName")
    property_value: str | None = Field(None, alias="propertyValue")
    message_id: str | None = Field(None, alias="messageId")
    message_type: str | None = Field(None, alias="messageType")

    @property
    def thread_id(self) -> str:
        return str(self.object_id)


_EVENTS = TypeAdapter(list[WebhookEvent])


def parse_events(body: bytes) -> list[WebhookEvent]:
    """The events of a verified call; WebhookRejectedError(400) if the body is not a list
    of HubSpot events (the message names the problem, never the content)."""
    try:
        return _EVENTS.validate_json(body)
    except ValidationError as exc:
        errors = exc.errors()
        kind = errors[0]["type"] if errors else "invalid"
        where = ".".join(str(p) for p in errors[0]["loc"]) if errors else ""
        raise WebhookRejectedError(
            f"body is not a list of HubSpot events ({kind} at {where or 'top level'})",
            status=400,
        ) from None


WakeKind = Literal["new_thread", "new_message"]


def wake_kind(event: WebhookEvent) -> WakeKind | None:
    """Why this event should wake the poller, or None: only a new conversation, or a new
    message that may be an email (a MESSAGE, or a type HubSpot did not send)."""
    if event.subscription_type == NEW_THREAD:
        return "new_thread"
    may_be_email = event.message_type is None or event.message_type.upper() in _WAKING_TYPES
    if event.subscription_type == NEW_MESSAGE and may_be_email:
        return "new_message"
    return None


def waking_events(events: Iterable[WebhookEvent]) -> list[WebhookEvent]:
    """The events we use, each event id once (HubSpot retries can repeat one in a call)."""
    seen: set[int] = set()
    wanted: list[WebhookEvent] = []
    for event in events:
        if wake_kind(event) is not None and event.event_id not in seen:
            seen.add(event.event_id)
            wanted.append(event)
    return wanted
