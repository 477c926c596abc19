"""Pydantic models of HubSpot Conversations v3 JSON (inboxes, threads, messages, pages).

Attributes are snake_case with HubSpot's camelCase as aliases; unknown fields are kept
(extra="allow") because HubSpot adds fields without notice, and every field HubSpot may
omit is optional. Message and thread ids stay strings: HubSpot sends them as strings.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

EMAIL_CHANNEL_ID = "1002"


class HubSpotModel(BaseModel):
    """Base of every HubSpot JSON model: camelCase aliases, unknown fields kept."""

    model_config = ConfigDict(
        extra="allow", populate_by_name=True, alias_generator=to_camel, frozen=False
    )


class Inbox(HubSpotModel):
    id: str
    name: str | None = None
    type: str | None = None  # INBOX or HELP_DESK
    archived: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def is_help_desk(self) -> bool:
        return self.type == "HELP_DESK"


class ThreadAssociations(HubSpotModel):
    associated_ticket_id: str | None = None


class Thread(HubSpotModel):
    id: str
    inbox_id: str | None = None
    status: str | None = None  # OPEN or CLOSED
    spam: bool = False
    archived: bool = False
    created_at: datetime | None = None
    closed_at: datetime | None = None
    latest_message_timestamp: datetime | None = None
    latest_message_received_timestamp: datetime | None = None
    latest_message_sent_timestamp: datetime | None = None
    associated_contact_id: str | None = None
    original_channel_id: str | None = None
    original_channel_account_id: str | None = None
    assigned_to: str | None = None
    thread_associations: ThreadAssociations | None = None

    @property
    def ticket_id(self) -> str | None:
        return self.thread_associations.associated_ticket_id if self.thread_associations else None


class DeliveryIdentifier(HubSpotModel):
    type: str | None = None  # HS_EMAIL_ADDRESS, HS_PHONE_NUMBER, ...
    value: str | None = None


class Participant(HubSpotModel):
    """A sender or recipient of a message."""

    actor_id: str | None = None
    name: str | None = None
    sender_field: str | None = None
    recipient_field: str | None = None
    delivery_identifier: DeliveryIdentifier | None = None

    @property
    def email(self) -> str | None:
        ident = self.delivery_identifier
        if ident is not None and ident.type == "HS_EMAIL_ADDRESS":
            return ident.value
        return None


class MessageClient(HubSpotModel):
    client_type: str | None = None  # SYSTEM, HUBSPOT, INTEGRATION
    integration_app_id: int | None = None


class MessageStatus(HubSpotModel):
    status_type: str | None = None


MessageType = Literal["MESSAGE", "COMMENT", "WELCOME_MESSAGE", "THREAD_STATUS_CHANGE", "ASSIGNMENT"]


class Message(HubSpotModel):
    """One entry of a thread: an email (MESSAGE), an internal COMMENT, or a system event.

    `type` is a plain string, not a Literal: HubSpot adds event types over time and an
    unknown one must not make a whole page fail to parse.
    """

    id: str
    type: str
    conversations_thread_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    created_by: str | None = None
    actor_id: str | None = None
    client: MessageClient | None = None
    direction: str | None = None  # INCOMING or OUTGOING (MESSAGE only)
    channel_id: str | None = None
    channel_account_id: str | None = None
    senders: list[Participant] = Field(default_factory=list)
    recipients: list[Participant] = Field(default_factory=list)
    subject: str | None = None
    text: str | None = None
    rich_text: str | None = None
    truncation_status: str | None = None  # NOT_TRUNCATED, TRUNCATED, ...
    attachments: list[dict[str, Any]] = Field(default_factory=list)
    status: MessageStatus | None = None
    in_reply_to_id: str | None = None
    archived: bool = False

    @property
    def is_truncated(self) -> bool:
        return self.truncation_status not in (None, "NOT_TRUNCATED")

    @property
    def is_inbound_email(self) -> bool:
        return (
            self.type == "MESSAGE"
            and self.direction == "INCOMING"
            and self.channel_id == EMAIL_CHANNEL_ID
        )


class NextPage(HubSpotModel):
    after: str
    link: str | None = None


class Paging(HubSpotModel):
    next: NextPage | None = None


class Page(HubSpotModel):
    """Base of HubSpot's paged list bodies: `results` plus `paging.next.after`."""

    paging: Paging | None = None
    total: int | None = None

    @property
    def next_after(self) -> str | None:
        return self.paging.next.after if self.paging and self.paging.next else None


class InboxPage(Page):
    results: list[Inbox] = Field(default_factory=list)


class ThreadPage(Page):
    results: list[Thread] = Field(default_factory=list)


class MessagePage(Page):
    results: list[Message] = Field(default_factory=list)


class OriginalContent(HubSpotModel):
    """Full body of a message whose listed text was truncated."""

    text: str = ""
    rich_text: str | None = None


class Note(HubSpotModel):
    id: str
    properties: dict[str, str | None] = Field(default_factory=dict)
    created_at: datetime | None = None
    archived: bool = False


class NotePage(Page):
    results: list[Note] = Field(default_factory=list)


class ErrorBody(HubSpotModel):
    """HubSpot's error JSON: {"status","message","correlationId","category",...}."""

    status: str | None = None
    message: str | None = None
    correlation_id: str | None = None
    category: str | None = None
    sub_category: str | None = None
    error_type: str | None = None  # RATE_LIMIT on 429
    policy_name: str | None = None
    context: dict[str, Any] | None = None
