"""The emulator's in-memory HubSpot account: inboxes, threads, messages, notes.

All times are kept as integer epoch milliseconds (HubSpot's own precision) so filters
and cursors compare exactly. Ids are deterministic: counters plus a seeded
``random.Random`` for message ids, so two runs with the same seed look the same.
"""

from __future__ import annotations

import html
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

EMAIL_CHANNEL_ID = "1002"  # HubSpot's channel id for email
TRUNCATE_AT_CHARS = 2000  # longer emails are listed truncated; original-content has all

InboxType = Literal["INBOX", "HELP_DESK"]
Direction = Literal["INCOMING", "OUTGOING"]


def now_ms() -> int:
    return int(time.time() * 1000)


def iso(ms: int) -> str:
    """HubSpot's timestamp format: UTC, millisecond precision, `Z` suffix."""
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.") + (
        f"{ms % 1000:03d}Z"
    )


def text_to_rich(text: str) -> str:
    """What HubSpot shows as richText for a plain-text email: escaped, one div per line."""
    if not text:
        return ""
    lines = text.split("\n")
    return "".join(f"<div>{html.escape(line) or '<br>'}</div>" for line in lines)


@dataclass
class Inbox:
    id: str
    name: str
    type: InboxType
    channel_account_id: str
    email: str
    created_at: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "archived": False,
            "createdAt": iso(self.created_at),
            "updatedAt": iso(self.created_at),
        }


@dataclass
class Message:
    """One entry of a thread's message list; `body` is the JSON HubSpot returns."""

    id: str
    type: str  # MESSAGE, COMMENT, THREAD_STATUS_CHANGE
    created_at: int
    body: dict[str, Any]
    direction: Direction | None = None
    full_text: str | None = None  # set when the listed text is truncated
    full_rich_text: str | None = None


@dataclass
class Thread:
    id: str
    inbox_id: str
    created_at: int
    associated_contact_id: str
    channel_account_id: str
    status: Literal["OPEN", "CLOSED"] = "OPEN"
    spam: bool = False
    archived: bool = False
    ticket_id: str | None = None
    closed_at: int | None = None
    messages: list[Message] = field(default_factory=list)
    latest_ms: int | None = None  # latest MESSAGE (email) sent or received
    latest_in_ms: int | None = None
    latest_out_ms: int | None = None

    def add(self, message: Message) -> None:
        self.messages.append(message)
        self.messages.sort(key=lambda m: (m.created_at, m.id))
        # Comments and status changes do not move latestMessageTimestamp: only emails do.
        if message.type == "MESSAGE":
            ts = message.created_at
            self.latest_ms = max(self.latest_ms or ts, ts)
            if message.direction == "INCOMING":
                self.latest_in_ms = max(self.latest_in_ms or ts, ts)
            else:
                self.latest_out_ms = max(self.latest_out_ms or ts, ts)

    @property
    def sort_ts(self) -> int:
        return self.latest_ms if self.latest_ms is not None else self.created_at

    def to_json(self, *, with_ticket: bool = False) -> dict[str, Any]:
        body: dict[str, Any] = {
            "id": self.id,
            "inboxId": self.inbox_id,
            "status": self.status,
            "spam": self.spam,
            "archived": self.archived,
            "createdAt": iso(self.created_at),
            "associatedContactId": self.associated_contact_id,
            "originalChannelId": EMAIL_CHANNEL_ID,
            "originalChannelAccountId": self.channel_account_id,
        }
        if self.latest_ms is not None:
            body["latestMessageTimestamp"] = iso(self.latest_ms)
        if self.latest_in_ms is not None:
            body["latestMessageReceivedTimestamp"] = iso(self.latest_in_ms)
        if self.latest_out_ms is not None:
            body["latestMessageSentTimestamp"] = iso(self.latest_out_ms)
        if self.closed_at is not None:
            body["closedAt"] = iso(self.closed_at)
        if with_ticket:
            body["threadAssociations"] = (
                {"associatedTicketId": self.ticket_id} if self.ticket_id else {}
            )
        return body


@dataclass
class Note:
    id: str
    created_at: int
    properties: dict[str, str]
    associations: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        props = {
            **self.properties,
            "hs_createdate": iso(self.created_at),
            "hs_lastmodifieddate": iso(self.created_at),
            "hs_object_id": self.id,
        }
        return {
            "id": self.id,
            "properties": props,
            "createdAt": iso(self.created_at),
            "updatedAt": iso(self.created_at),
            "archived": False,
        }


@dataclass
class Sender:
    email: str
    name: str | None = None


class Account:
    """One HubSpot portal's conversations data. Not thread-safe: the server runs every
    request on one asyncio loop, which serialises access."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        self.inboxes: dict[str, Inbox] = {}
        self.threads: dict[str, Thread] = {}
        self.notes: dict[str, Note] = {}
        self._next_thread = 7_100_000_001
        self._next_contact = 51_001
        self._next_ticket = 9_300_000_001
        self._next_note = 80_000_000_001
        self._contacts: dict[str, str] = {}  # email -> contact id
        self.comment_posts: dict[str, int] = {}  # thread id -> COMMENTs posted over the API

    # --- ids ------------------------------------------------------------------------------
    def _message_id(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def contact_id(self, email: str) -> str:
        if email.lower() not in self._contacts:
            self._contacts[email.lower()] = str(self._next_contact)
            self._next_contact += 1
        return self._contacts[email.lower()]

    # --- inboxes --------------------------------------------------------------------------
    def add_inbox(self, inbox_id: str, name: str, type_: InboxType, email: str) -> Inbox:
        inbox = Inbox(
            id=inbox_id,
            name=name,
            type=type_,
            channel_account_id=str(int(inbox_id) * 10 + 1),
            email=email,
            created_at=now_ms() - 400 * 86_400_000,
        )
        self.inboxes[inbox.id] = inbox
        return inbox

    def default_inbox(self) -> Inbox:
        for inbox in self.inboxes.values():
            if inbox.type == "INBOX":
                return inbox
        if not self.inboxes:
            return self.add_inbox("147001", "Support", "INBOX", "support@nordvikbikes.example")
        return next(iter(self.inboxes.values()))

    # --- threads --------------------------------------------------------------------------
    def new_thread(
        self,
        inbox: Inbox,
        contact_email: str,
        created_at: int,
        *,
        with_ticket: bool = False,
        spam: bool = False,
    ) -> Thread:
        thread = Thread(
            id=str(self._next_thread),
            inbox_id=inbox.id,
            created_at=created_at,
            associated_contact_id=self.contact_id(contact_email),
            channel_account_id=inbox.channel_account_id,
            spam=spam,
        )
        self._next_thread += 1
        if with_ticket or inbox.type == "HELP_DESK":
            thread.ticket_id = str(self._next_ticket)
            self._next_ticket += 1
        self.threads[thread.id] = thread
        return thread

    def live_thread(self, thread_id: str) -> Thread | None:
        thread = self.threads.get(thread_id)
        return None if thread is None or thread.archived else thread

    # --- messages -------------------------------------------------------------------------
    def add_email(
        self,
        thread: Thread,
        *,
        direction: Direction,
        sender: Sender,
        recipients: list[Sender],
        subject: str,
        text: str,
        rich_text: str | None,
        created_at: int,
        attachments: list[dict[str, Any]] | None = None,
        actor_id: str | None = None,
        in_reply_to: str | None = None,
    ) -> Message:
        rich = rich_text if rich_text is not None else text_to_rich(text)
        truncated = len(text) > TRUNCATE_AT_CHARS or len(rich) > 4 * TRUNCATE_AT_CHARS
        shown_text = text[:TRUNCATE_AT_CHARS] if truncated else text
        shown_rich = text_to_rich(shown_text) if truncated else rich
        if actor_id is None:
            if direction == "INCOMING":
                actor_id = f"V-{self.contact_id(sender.email)}"
            else:
                actor_id = "A-8800101"
        message_id = self._message_id()
        body: dict[str, Any] = {
            "type": "MESSAGE",
            "id": message_id,
            "conversationsThreadId": thread.id,
            "createdAt": iso(created_at),
            "updatedAt": iso(created_at),
            "createdBy": actor_id,
            "client": {"clientType": "SYSTEM" if direction == "INCOMING" else "HUBSPOT"},
            "senders": [
                {
                    "actorId": actor_id,
                    "name": sender.name or sender.email,
                    "senderField": "FROM",
                    "deliveryIdentifier": {"type": "HS_EMAIL_ADDRESS", "value": sender.email},
                }
            ],
            "recipients": [
                {
                    "actorId": f"E-{r.email}",
                    "name": r.name or r.email,
                    "recipientField": "TO",
                    "deliveryIdentifier": {"type": "HS_EMAIL_ADDRESS", "value": r.email},
                }
                for r in recipients
            ],
            "archived": False,
            "text": shown_text,
            "richText": shown_rich,
            "attachments": attachments or [],
            "subject": subject,
            "truncationStatus": "TRUNCATED" if truncated else "NOT_TRUNCATED",
            "status": {"statusType": "RECEIVED" if direction == "INCOMING" else "SENT"},
            "direction": direction,
            "channelId": EMAIL_CHANNEL_ID,
            "channelAccountId": thread.channel_account_id,
        }
        if in_reply_to:
            body["inReplyToId"] = in_reply_to
        message = Message(
            id=message_id,
            type="MESSAGE",
            created_at=created_at,
            body=body,
            direction=direction,
            full_text=text if truncated else None,
            full_rich_text=rich if truncated else None,
        )
        thread.add(message)
        return message

    def add_comment(
        self,
        thread: Thread,
        *,
        text: str,
        rich_text: str | None,
        attachments: list[dict[str, Any]],
        created_at: int,
        actor_id: str,
        actor_name: str,
        integration_app_id: int | None = None,
    ) -> Message:
        message_id = self._message_id()
        client: dict[str, Any] = {"clientType": "HUBSPOT"}
        if integration_app_id is not None:
            client = {"clientType": "INTEGRATION", "integrationAppId": integration_app_id}
        body: dict[str, Any] = {
            "type": "COMMENT",
            "id": message_id,
            "conversationsThreadId": thread.id,
            "createdAt": iso(created_at),
            "updatedAt": iso(created_at),
            "createdBy": actor_id,
            "client": client,
            "senders": [{"actorId": actor_id, "name": actor_name}],
            "recipients": [],
            "archived": False,
            "text": text,
            "richText": rich_text if rich_text is not None else text_to_rich(text),
            "attachments": attachments,
        }
        message = Message(id=message_id, type="COMMENT", created_at=created_at, body=body)
        thread.add(message)
        return message

    def close_thread(self, thread: Thread, *, at: int, actor_id: str) -> Message:
        message_id = self._message_id()
        body: dict[str, Any] = {
            "type": "THREAD_STATUS_CHANGE",
            "id": message_id,
            "conversationsThreadId": thread.id,
            "createdAt": iso(at),
            "updatedAt": iso(at),
            "createdBy": actor_id,
            "client": {"clientType": "HUBSPOT"},
            "senders": [{"actorId": actor_id}],
            "recipients": [],
            "archived": False,
            "newStatus": "CLOSED",
        }
        thread.status = "CLOSED"
        thread.closed_at = at
        message = Message(id=message_id, type="THREAD_STATUS_CHANGE", created_at=at, body=body)
        thread.add(message)
        return message

    # --- notes ----------------------------------------------------------------------------
    def add_note(self, properties: dict[str, str], associations: list[dict[str, Any]]) -> Note:
        note = Note(
            id=str(self._next_note),
            created_at=now_ms(),
            properties=properties,
            associations=associations,
        )
        self._next_note += 1
        self.notes[note.id] = note
        return note

    def ticket_ids(self) -> set[str]:
        return {t.ticket_id for t in self.threads.values() if t.ticket_id}
