"""HubSpot's shapes to ours: which messages are customer emails, and how triage sees them."""

from __future__ import annotations

from typing import Any

from triage.eml import parse_hubspot_message_json
from triage.models import EmailMessage

EMAIL_CHANNEL_ID = "1002"


def is_email(message: Any) -> bool:
    return message.type == "MESSAGE" and str(message.channel_id or "") == EMAIL_CHANNEL_ID


def is_inbound_email(message: Any) -> bool:
    return is_email(message) and message.direction == "INCOMING"


def to_email_message(message: Any, thread_id: str) -> EmailMessage:
    """A HubSpot Message model as triage's EmailMessage (via its JSON, HubSpot's names)."""
    data = message.model_dump(by_alias=True, mode="json")
    data.setdefault("threadId", thread_id)
    return parse_hubspot_message_json(data)


def ticket_of(thread: Any) -> str | None:
    associations = getattr(thread, "thread_associations", None)
    ticket = getattr(associations, "associated_ticket_id", None) if associations else None
    return str(ticket) if ticket else None
