"""HubSpot Conversations v3 client: list inboxes, threads and messages; post drafts.

Every call is rate limited, has a timeout and retries 429/5xx/connection errors within
max_retry_seconds (see transport.py). `post_draft` is idempotent: it looks for its own
marker on the thread before each POST, so a retried activity never posts twice.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from hubspot.errors import (
    HubSpotError,
    HubSpotNotFound,
    HubSpotPagingError,
    HubSpotUnavailable,
    HubSpotValidationError,
    ThreadGone,
)
from hubspot.markers import find_marker, has_marker
from hubspot.models import (
    Inbox,
    InboxPage,
    Message,
    MessagePage,
    Note,
    NotePage,
    OriginalContent,
    Thread,
    ThreadPage,
)
from hubspot.paging import iter_pages
from hubspot.ratelimit import RateLimiter
from hubspot.rendering import RenderedComment
from hubspot.transport import Call, ClientStats, Transient, Transport

if TYPE_CHECKING:
    from core.settings import Settings

log = logging.getLogger(__name__)

CONV = "/conversations/v3/conversations"
NOTES = "/crm/v3/objects/notes"
READ_SCOPE = "conversations.read"
WRITE_SCOPE = "conversations.write"
NOTES_WRITE_SCOPE = "crm.objects.contacts.write"  # what HubSpot's notes spec asks for
NOTES_READ_SCOPE = "crm.objects.contacts.read"
NOTE_TO_TICKET_ASSOCIATION_TYPE = 228  # HUBSPOT_DEFINED note -> ticket
MESSAGES_PAGE_SIZE = 100
NOTE_BODY_MAX_CHARS = 65_536  # HubSpot's notes guide: hs_note_body's limit
# The `after` for tools and tests that list every thread; the poll passes its cursor or
# the bounded first look-back (POLL_INITIAL_LOOKBACK_HOURS), never this.
ALL_TIME = datetime(1970, 1, 1, tzinfo=UTC)


class PostedDraft(BaseModel):
    """Where a draft ended up. already_present: found by its marker, not created now."""

    comment_id: str
    via: Literal["comment", "note"]
    already_present: bool


def iso_utc(moment: datetime, name: str) -> str:
    """HubSpot's ISO 8601 form; naive datetimes are refused (their zone is a guess)."""
    if moment.tzinfo is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {moment.isoformat()}")
    text = moment.astimezone(UTC).isoformat(timespec="milliseconds")
    return text.replace("+00:00", "Z")


class InboxClient:
    def __init__(
        self,
        access_token: str,
        base_url: str = "https://api.hubapi.com",
        *,
        rate_limit_per_10s: int = 100,
        daily_limit: int = 250_000,
        timeout_seconds: float = 30,
        max_retry_seconds: float = 120,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.limiter = RateLimiter(rate_limit_per_10s, daily_limit, clock=clock, sleep=sleep)
        self._transport = Transport(
            access_token,
            base_url,
            limiter=self.limiter,
            timeout_seconds=timeout_seconds,
            max_retry_seconds=max_retry_seconds,
            sleep=sleep,
            clock=clock,
            jitter=jitter,
        )
        self._inbox_types: dict[str, str | None] = {}
        # None until we know whether the notes search endpoint exists here (the emulator
        # and some portals lack it); then True/False.
        self._notes_search_available: bool | None = None
        # message id -> (its lock, callers holding or waiting); dropped when none is left, so
        # a long-lived client does not keep a lock for every message it ever posted
        self._post_locks: dict[str, tuple[threading.Lock, int]] = {}
        self._post_locks_guard = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> InboxClient:
        return cls(
            settings.hubspot_access_token.get_secret_value(),
            settings.hubspot_base_url,
            rate_limit_per_10s=settings.hubspot_rate_limit_per_10s,
            daily_limit=settings.hubspot_daily_limit,
            timeout_seconds=settings.hubspot_timeout_seconds,
            max_retry_seconds=settings.hubspot_max_retry_seconds,
        )

    @property
    def stats(self) -> ClientStats:
        return self._transport.stats()

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> InboxClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- reads --------------------------------------------------------------------------
    def _get(self, path: str, what: str, qs: dict[str, Any] | None = None) -> Any:
        call = Call("GET", path, what, qs=qs, required_scope=READ_SCOPE)
        return self._transport.request(call).json()

    def list_inboxes(self) -> list[Inbox]:
        path = f"{CONV}/inboxes"

        def fetch(after: str | None) -> InboxPage:
            qs = {"limit": 100, **({"after": after} if after else {})}
            return InboxPage.model_validate(self._get(path, "list inboxes", qs))

        pages = iter_pages(fetch, endpoint=f"GET {path}", what="list inboxes")
        inboxes = [inbox for page in pages for inbox in page.results]
        for inbox in inboxes:
            self._inbox_types[inbox.id] = inbox.type
        return inboxes

    def iter_threads(
        self, inbox_id: str, after: datetime, *, page_size: int = 100
    ) -> Iterator[Thread]:
        """Threads of one inbox whose latest message is after `after`, oldest first.

        `after` is required: HubSpot refuses sort=latestMessageTimestamp without
        latestMessageTimestampAfter (400), so a first poll passes a bounded look-back.
        """
        if not 1 <= page_size <= 500:
            raise ValueError(f"page_size must be 1..500, got {page_size}")
        qs: dict[str, Any] = {
            "inboxId": inbox_id,
            "sort": "latestMessageTimestamp",
            "latestMessageTimestampAfter": iso_utc(after, "after"),
            "association": "TICKET",
            "limit": page_size,
        }
        path = f"{CONV}/threads"
        what = f"list threads of inbox {inbox_id}"

        def fetch(cursor: str | None) -> ThreadPage:
            page_qs = {**qs, **({"after": cursor} if cursor else {})}
            return ThreadPage.model_validate(self._get(path, what, page_qs))

        for page in iter_pages(fetch, endpoint=f"GET {path}", what=what):
            yield from page.results

    def get_thread(self, thread_id: str) -> Thread:
        try:
            body = self._get(
                f"{CONV}/threads/{thread_id}", f"get thread {thread_id}", {"association": "TICKET"}
            )
        except HubSpotNotFound as exc:
            raise ThreadGone(thread_id, status=404, correlation_id=exc.correlation_id) from exc
        return Thread.model_validate(body)

    def list_messages(self, thread_id: str) -> list[Message]:
        """Every message of the thread (all pages), oldest first."""
        path = f"{CONV}/threads/{thread_id}/messages"
        what = f"list messages of {thread_id}"

        def fetch(after: str | None) -> MessagePage:
            qs = {"limit": MESSAGES_PAGE_SIZE, **({"after": after} if after else {})}
            try:
                return MessagePage.model_validate(self._get(path, what, qs))
            except HubSpotNotFound as exc:
                raise ThreadGone(thread_id, status=404, correlation_id=exc.correlation_id) from exc

        endpoint = f"GET {CONV}/threads/{{threadId}}/messages"
        pages = iter_pages(fetch, endpoint=endpoint, what=what)
        messages = [message for page in pages for message in page.results]
        # Stable sort: messages without a timestamp keep HubSpot's order, at the start.
        return sorted(messages, key=lambda m: m.created_at or datetime.min.replace(tzinfo=UTC))

    def get_original_content(self, thread_id: str, message_id: str) -> OriginalContent:
        body = self._get(
            f"{CONV}/threads/{thread_id}/messages/{message_id}/original-content",
            f"original content of message {message_id} in thread {thread_id}",
        )
        return OriginalContent.model_validate(body)

    def inbox_type(self, inbox_id: str) -> str | None:
        if inbox_id not in self._inbox_types:
            self.list_inboxes()
        return self._inbox_types.get(inbox_id)

    # --- writes (single, not idempotent by themselves) ----------------------------------
    def _comment_call(self, thread_id: str, rendered: RenderedComment) -> Call:
        return Call(
            "POST",
            f"{CONV}/threads/{thread_id}/messages",
            f"post a comment on thread {thread_id}",
            body={
                "type": "COMMENT",
                "text": rendered.text,
                "richText": rendered.rich_text,
                "attachments": [],
            },
            required_scope=WRITE_SCOPE,
        )

    def _send_comment_once(self, thread_id: str, rendered: RenderedComment) -> Message:
        try:
            response = self._transport.send_once(self._comment_call(thread_id, rendered))
        except HubSpotNotFound as exc:
            raise ThreadGone(thread_id, status=404, correlation_id=exc.correlation_id) from exc
        return Message.model_validate(response.json())

    def post_comment(self, thread_id: str, text: str, rich_text: str) -> Message:
        """POST one COMMENT. Retries only 429s (HubSpot did not act on them): a 5xx or a
        dropped connection may hide a comment that was created, so it raises
        HubSpotUnavailable; use post_draft for a safe retrying post."""
        rendered = RenderedComment(text=text, rich_text=rich_text)
        return self._transport.with_retries(
            f"post a comment on thread {thread_id}",
            lambda: self._send_comment_once(thread_id, rendered),
            retry_only_429=True,
        )

    def _note_call(self, ticket_id: str, html_body: str, timestamp: datetime) -> Call:
        if len(html_body) > NOTE_BODY_MAX_CHARS:
            # HubSpot would refuse it (400) after a round trip; say why before sending.
            raise HubSpotValidationError(
                f"the note for ticket {ticket_id} is {len(html_body)} characters; HubSpot "
                f"limits hs_note_body to {NOTE_BODY_MAX_CHARS}",
                category="VALIDATION_ERROR",
            )
        return Call(
            "POST",
            NOTES,
            f"create a note on ticket {ticket_id}",
            body={
                "properties": {
                    "hs_note_body": html_body,
                    "hs_timestamp": iso_utc(timestamp, "timestamp"),
                },
                "associations": [
                    {
                        "to": {"id": ticket_id},
                        "types": [
                            {
                                "associationCategory": "HUBSPOT_DEFINED",
                                "associationTypeId": NOTE_TO_TICKET_ASSOCIATION_TYPE,
                            }
                        ],
                    }
                ],
            },
            required_scope=NOTES_WRITE_SCOPE,
        )

    def _create_note_once(self, ticket_id: str, html_body: str, timestamp: datetime) -> str:
        response = self._transport.send_once(self._note_call(ticket_id, html_body, timestamp))
        return Note.model_validate(response.json()).id

    def create_ticket_note(self, ticket_id: str, html_body: str, timestamp: datetime) -> str:
        """Create a CRM note on a ticket; the note id. Retries only 429s (see post_comment)."""
        return self._transport.with_retries(
            f"create a note on ticket {ticket_id}",
            lambda: self._create_note_once(ticket_id, html_body, timestamp),
            retry_only_429=True,
        )

    def find_ticket_note(self, ticket_id: str, message_id: str) -> str | None:
        """Id of a note on the ticket carrying the message's marker, when HubSpot's notes
        search is available; None when none is found or search is not offered.

        Limit: CRM search is eventually consistent (a note is searchable a few seconds
        after it is created), so this guards retries minutes apart (activity retries), not
        a retry within seconds; and a server without /notes/search cannot be checked.
        """
        if self._notes_search_available is False:
            return None
        call = Call(
            "POST",
            f"{NOTES}/search",
            f"search notes of ticket {ticket_id}",
            body={
                "filterGroups": [
                    {
                        "filters": [
                            {
                                "propertyName": "associations.ticket",
                                "operator": "EQ",
                                "value": ticket_id,
                            },
                            {
                                "propertyName": "hs_note_body",
                                "operator": "CONTAINS_TOKEN",
                                "value": message_id,
                            },
                        ]
                    }
                ],
                "properties": ["hs_note_body"],
                "sorts": [],
                "after": "0",  # the first page; the spec makes `after` required
                "limit": 100,
            },
            required_scope=NOTES_READ_SCOPE,
        )
        try:
            body = self._transport.request(call).json()
        except HubSpotError as exc:
            if exc.status in (404, 405):  # no such route on this server
                self._mark_notes_search_missing()
                return None
            raise
        self._notes_search_available = True
        for note in NotePage.model_validate(body).results:
            if has_marker(note.properties.get("hs_note_body"), message_id):
                return note.id
        return None

    def _mark_notes_search_missing(self) -> None:
        if self._notes_search_available is None:
            log.warning(
                "HubSpot notes search is not available at this base URL; CRM-note drafts "
                "cannot be checked for duplicates before posting"
            )
        self._notes_search_available = False

    # --- the idempotent draft post ------------------------------------------------------
    def post_draft(
        self,
        thread_id: str,
        answers_message_id: str,
        rendered: RenderedComment,
        ticket_id: str | None,
        *,
        check_existing: bool = True,
    ) -> PostedDraft:
        """Post the draft as a COMMENT exactly once, or find the one already posted.

        Before every POST the thread is re-read for the marker, so a retry after a 5xx or
        a dropped connection (where the comment may exist) never duplicates it. A help-desk
        inbox refusing comments (VALIDATION_ERROR) falls back to a note on the ticket.
        `check_existing=False` skips the re-read before the *first* POST only: for callers
        that know from their own records (the ledger) that no earlier attempt was made; it
        saves one call per draft. Retries within the call always re-read.

        Check-then-post is not atomic: calls for one message are serialised within this
        client, but two processes posting the same message at once are kept apart by the
        ledger's claim, not by this method.
        """
        with self._post_lock(answers_message_id):
            return self._post_draft_locked(
                thread_id, answers_message_id, rendered, ticket_id, check_existing
            )

    @contextmanager
    def _post_lock(self, message_id: str) -> Iterator[None]:
        with self._post_locks_guard:
            lock, users = self._post_locks.get(message_id, (threading.Lock(), 0))
            self._post_locks[message_id] = (lock, users + 1)
        try:
            with lock:
                yield
        finally:
            with self._post_locks_guard:
                _, users = self._post_locks[message_id]
                if users == 1:
                    del self._post_locks[message_id]
                else:
                    self._post_locks[message_id] = (lock, users - 1)

    def _post_draft_locked(
        self,
        thread_id: str,
        answers_message_id: str,
        rendered: RenderedComment,
        ticket_id: str | None,
        check_existing: bool = True,
    ) -> PostedDraft:
        checks = iter([check_existing])  # later attempts always check

        def attempt() -> PostedDraft:
            if next(checks, True):
                existing = find_marker(self.list_messages(thread_id), answers_message_id)
                if existing is not None:
                    return PostedDraft(comment_id=existing.id, via="comment", already_present=True)
            message = self._send_comment_once(thread_id, rendered)
            return PostedDraft(comment_id=message.id, via="comment", already_present=False)

        try:
            return self._transport.with_retries(f"post draft on thread {thread_id}", attempt)
        except HubSpotValidationError as exc:
            thread = self._help_desk_thread(exc, thread_id)
            if thread is None:
                raise
            log.info("thread %s is in a help desk inbox; posting the draft as a note", thread_id)
        ticket_id = ticket_id or thread.ticket_id
        if ticket_id is None:
            raise HubSpotValidationError(
                f"thread {thread_id} refuses comments (help desk inbox) and has no associated "
                "ticket to hold a note; the draft cannot be posted",
                category="VALIDATION_ERROR",
            )
        return self._post_note_draft(ticket_id, answers_message_id, rendered)

    def _help_desk_thread(self, exc: HubSpotValidationError, thread_id: str) -> Thread | None:
        """The thread when `exc` is a help desk inbox refusing comments, else None."""
        if exc.category != "VALIDATION_ERROR":
            return None
        thread = self.get_thread(thread_id)
        if thread.inbox_id is None or self.inbox_type(thread.inbox_id) != "HELP_DESK":
            return None
        return thread

    def _post_note_draft(
        self, ticket_id: str, answers_message_id: str, rendered: RenderedComment
    ) -> PostedDraft:
        def attempt() -> PostedDraft:
            existing = self.find_ticket_note(ticket_id, answers_message_id)
            if existing is not None:
                return PostedDraft(comment_id=existing, via="note", already_present=True)
            try:
                note_id = self._create_note_once(ticket_id, rendered.rich_text, datetime.now(UTC))
            except Transient as exc:
                if self._notes_search_available is False and not exc.rate_limited:
                    # Without search a retry could not see a note this attempt may have
                    # created: fail loudly rather than risk a second note.
                    raise HubSpotUnavailable(
                        f"create a note on ticket {ticket_id}",
                        seconds=0.0,
                        attempts=1,
                        last_error=f"{exc.reason} (not retried: notes search unavailable)",
                    ) from exc
                raise
            return PostedDraft(comment_id=note_id, via="note", already_present=False)

        return self._transport.with_retries(f"post draft note on ticket {ticket_id}", attempt)


__all__ = ["ALL_TIME", "HubSpotPagingError", "InboxClient", "PostedDraft"]
