"""HubSpot's endpoints (Conversations v3 and CRM notes v3), with HubSpot's JSON shapes.

Every route goes through `_serve`, which does what HubSpot's edge does before the handler
runs: authenticate, check the scope, count against the rate limit, inject faults, add the
rate-limit headers, and turn `HubSpotError` into HubSpot's error body.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from localdev.hubspot_emulator.auth import (
    NOTES_READ,
    NOTES_WRITE,
    READ,
    WRITE,
    TokenInfo,
    authenticate,
    bearer_token,
    require_scope,
)
from localdev.hubspot_emulator.emulator_state import EmulatorState
from localdev.hubspot_emulator.errors import (
    HubSpotError,
    error_body,
    error_response,
    not_found,
    rate_limit_body,
    validation_error,
)
from localdev.hubspot_emulator.state import Account, Thread, now_ms

CONV = "/conversations/v3/conversations"
DEFAULT_LIMIT = 20
MAX_LIMIT = 500
NOTE_TO_TICKET_TYPE_ID = 228  # HUBSPOT_DEFINED association type note -> ticket
TRANSPORT_SCOPE_KEY = "emulator.transport"

Handler = Callable[[Request, EmulatorState, TokenInfo], Awaitable[Response]]

router = APIRouter()


class DroppedConnection(Response):
    """Closes the TCP connection without sending a status line (the `drop` fault)."""

    def __init__(self) -> None:
        super().__init__(status_code=599)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        transport = scope.get(TRANSPORT_SCOPE_KEY)
        if transport is None:  # not behind our uvicorn protocol: the closest we can do
            await send({"type": "http.response.start", "status": 500, "headers": []})
            return
        transport.abort()
        # Wait for uvicorn to notice, so it does not try to send a 500 of its own.
        while (await receive())["type"] != "http.disconnect":
            pass


def _state(request: Request) -> EmulatorState:
    state: EmulatorState = request.app.state.emulator
    return state


async def _serve(request: Request, template: str, scope_needed: str, handler: Handler) -> Response:
    state = _state(request)
    method = request.method
    token = bearer_token(request.headers.get("authorization"))
    try:
        info = authenticate(state.tokens, token)
    except HubSpotError as exc:
        state.record(method, template, exc.status_code)
        return error_response(exc)
    assert token is not None
    decision = state.limiter.check(token)
    headers = decision.headers
    if not decision.allowed:
        state.record(method, template, 429)
        limit = (
            state.limiter.limit if decision.policy_name != "DAILY" else state.limiter.daily_limit
        )
        policy = decision.policy_name
        body = rate_limit_body(policy, f"You have reached your {policy.lower()} limit of {limit}.")
        return JSONResponse(
            body, 429, headers={**headers, "Retry-After": str(decision.retry_after_seconds)}
        )
    fault = state.faults.draw()
    latency = state.faults.config.latency_ms
    if latency:
        await asyncio.sleep(latency / 1000)
    if fault == "drop":
        state.record(method, template, "dropped")
        return DroppedConnection()
    if fault == "error_5xx":
        status = state.faults.choose_5xx()
        state.record(method, template, status)
        body = error_body("INTERNAL_ERROR", "Injected server error (emulator fault).")
        return JSONResponse(body, status, headers=headers)
    if fault == "rate_429":
        state.record(method, template, 429)
        body = rate_limit_body("TEN_SECONDLY_ROLLING", "Injected rate limit (emulator fault).")
        return JSONResponse(body, 429, headers={**headers, "Retry-After": "1"})
    try:
        require_scope(info, scope_needed)
        response = await handler(request, state, info)
    except HubSpotError as exc:
        response = error_response(exc)
    if fault == "lost_response":
        state.record(method, template, f"lost_{response.status_code}")
        return DroppedConnection()
    response.headers.update(headers)
    state.record(method, template, response.status_code)
    return response


# --- query parsing -------------------------------------------------------------------------


def _limit(request: Request) -> int:
    raw = request.query_params.get("limit")
    if raw is None:
        return DEFAULT_LIMIT
    try:
        value = int(raw)
    except ValueError:
        raise validation_error(f"limit: {raw!r} is not an integer") from None
    if not 1 <= value <= MAX_LIMIT:
        raise validation_error(f"limit: must be between 1 and {MAX_LIMIT}, got {value}")
    return value


def _multi(request: Request, name: str) -> list[str]:
    """HubSpot array query params: repeated (`a=1&a=2`) or comma-separated (`a=1,2`)."""
    values: list[str] = []
    for raw in request.query_params.getlist(name):
        values += [part.strip() for part in raw.split(",") if part.strip()]
    return values


def _bool(request: Request, name: str) -> bool | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    if raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    raise validation_error(f"{name}: expected true or false, got {raw!r}")


def _parse_timestamp(raw: str) -> int:
    """ISO 8601 date-time (as the spec says) or epoch milliseconds -> epoch ms."""
    if raw.isdigit():
        return int(raw)
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise validation_error(
            f"latestMessageTimestampAfter: {raw!r} is not an ISO 8601 date-time"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return int(parsed.timestamp() * 1000)


def _encode_cursor(*parts: object) -> str:
    return base64.urlsafe_b64encode(":".join(str(p) for p in parts).encode()).decode()


def _decode_cursor(raw: str, expected_parts: int) -> list[int]:
    try:
        parts = base64.urlsafe_b64decode(raw.encode()).decode().split(":")
        values = [int(p) for p in parts]
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise validation_error(f"after: {raw!r} is not a valid paging cursor") from None
    if len(values) != expected_parts:
        raise validation_error(f"after: {raw!r} is not a valid paging cursor for this sort")
    return values


def _thread_or_404(account: Account, raw_id: str) -> Thread:
    if not raw_id.isdigit():
        raise validation_error(f"threadId: {raw_id!r} is not an integer")
    thread = account.live_thread(raw_id)
    if thread is None:
        raise not_found(f"Thread {raw_id}")
    return thread


def _page(
    request: Request, results: list[dict[str, Any]], next_after: str | None
) -> dict[str, Any]:
    """A paged body; the `repeat_paging_cursor` fault hands a follow-up page's own cursor
    back as the next one."""
    asked = request.query_params.get("after")
    if next_after is not None and asked and _state(request).faults.config.repeat_paging_cursor:
        next_after = asked
    body: dict[str, Any] = {"results": results}
    if next_after is not None:
        body["paging"] = {"next": {"after": next_after}}
    return body


# --- inboxes ------------------------------------------------------------------------------


async def _list_inboxes(request: Request, state: EmulatorState, _: TokenInfo) -> Response:
    inboxes = [inbox.to_json() for inbox in state.account.inboxes.values()]
    return JSONResponse({"total": len(inboxes), "results": inboxes})


@router.get(CONV + "/inboxes")
async def list_inboxes(request: Request) -> Response:
    return await _serve(request, CONV + "/inboxes", READ, _list_inboxes)


async def _get_inbox(request: Request, state: EmulatorState, _: TokenInfo) -> Response:
    inbox = state.account.inboxes.get(request.path_params["inbox_id"])
    if inbox is None:
        raise not_found(f"Inbox {request.path_params['inbox_id']}")
    return JSONResponse(inbox.to_json())


@router.get(CONV + "/inboxes/{inbox_id}")
async def get_inbox(request: Request) -> Response:
    return await _serve(request, CONV + "/inboxes/{inboxId}", READ, _get_inbox)


# --- threads ------------------------------------------------------------------------------


THREAD_SORTS = ("id", "latestMessageTimestamp")


def _thread_listing_rules(request: Request, inbox_ids: list[str]) -> tuple[str, bool]:
    """The rules HubSpot's reference states in prose for GET /threads (the spec leaves the
    parameter descriptions empty); the sort field and whether it is descending.

    Source: developers.hubspot.com/docs/api-reference/conversations-conversations-v3/
    public-thread/get-conversations-v3-conversations-threads (parameters `sort`, `inboxId`,
    `associatedContactId`, `threadStatus`, `latestMessageTimestampAfter`).
    """
    sort = _multi(request, "sort") or ["id"]
    field = sort[0].removeprefix("-")
    if len(sort) != 1 or field not in THREAD_SORTS:
        raise validation_error(
            f"sort: expected one of id, latestMessageTimestamp (or -id, "
            f"-latestMessageTimestamp with associatedContactId), got {sort!r}",
            param="sort",
        )
    descending = sort[0].startswith("-")
    contact = request.query_params.get("associatedContactId")
    after_ts = request.query_params.get("latestMessageTimestampAfter")
    if field == "latestMessageTimestamp" and after_ts is None:
        raise validation_error(
            "latestMessageTimestampAfter is required when sorting by latestMessageTimestamp",
            param="latestMessageTimestampAfter",
        )
    # Not stated by the reference (it only says the parameter is required for that sort);
    # kept strict so no request relies on HubSpot's unspecified handling of it.
    if after_ts is not None and field != "latestMessageTimestamp":
        raise validation_error(
            "latestMessageTimestampAfter requires sort=latestMessageTimestamp",
            param="latestMessageTimestampAfter",
        )
    if contact is not None and inbox_ids:
        raise validation_error(
            "associatedContactId cannot be used in conjunction with inboxId",
            param="associatedContactId",
        )
    if contact is not None and request.query_params.get("threadStatus") is None:
        raise validation_error(
            "threadStatus must be provided when filtering by associatedContactId",
            param="threadStatus",
        )
    if descending and contact is None:
        raise validation_error(
            f"sort: descending order ({sort[0]}) is only available when filtering by "
            "associatedContactId; other listings are always in ascending order",
            param="sort",
        )
    return field, descending


async def _list_threads(request: Request, state: EmulatorState, _: TokenInfo) -> Response:
    limit = _limit(request)
    inbox_ids = _multi(request, "inboxId")
    if len(inbox_ids) > 1:
        raise validation_error(
            f"inboxId: only one inbox id may be given per request, got {len(inbox_ids)}",
            param="inboxId",
        )
    for name in ("associatedContactId", "associatedTicketId", "inboxId"):
        for value in request.query_params.getlist(name):
            if not value.isdigit():
                raise validation_error(f"{name}: {value!r} is not an integer", param=name)
    field, descending = _thread_listing_rules(request, inbox_ids)
    by_latest = field == "latestMessageTimestamp"
    after_ts_raw = request.query_params.get("latestMessageTimestampAfter")
    after_ts = _parse_timestamp(after_ts_raw) if after_ts_raw is not None else None
    status = request.query_params.get("threadStatus")
    if status is not None and status not in ("OPEN", "CLOSED"):
        raise validation_error(
            f"threadStatus: expected OPEN or CLOSED, got {status!r}", param="threadStatus"
        )
    archived = bool(_bool(request, "archived"))
    with_ticket = "TICKET" in _multi(request, "association")
    contact = request.query_params.get("associatedContactId")
    ticket = request.query_params.get("associatedTicketId")

    threads = [
        t
        for t in state.account.threads.values()
        if t.archived == archived
        and (not inbox_ids or t.inbox_id == inbox_ids[0])
        and (status is None or t.status == status)
        and (after_ts is None or (t.latest_ms is not None and t.latest_ms > after_ts))
        and (contact is None or t.associated_contact_id == contact)
        and (ticket is None or t.ticket_id == ticket)
    ]

    # Ties on the timestamp are broken by id, so the cursor is exact even when many
    # threads share one millisecond.
    def key(t: Thread) -> tuple[int, ...]:
        return (t.sort_ts, int(t.id)) if by_latest else (int(t.id),)

    threads.sort(key=key, reverse=descending)
    if cursor := request.query_params.get("after"):
        position = tuple(_decode_cursor(cursor, 2 if by_latest else 1))
        threads = [t for t in threads if (key(t) < position if descending else key(t) > position)]
    page = threads[:limit]
    next_after = _encode_cursor(*key(page[-1])) if len(threads) > limit else None
    return JSONResponse(
        _page(request, [t.to_json(with_ticket=with_ticket) for t in page], next_after)
    )


@router.get(CONV + "/threads")
async def list_threads(request: Request) -> Response:
    return await _serve(request, CONV + "/threads", READ, _list_threads)


async def _get_thread(request: Request, state: EmulatorState, _: TokenInfo) -> Response:
    raw_id = request.path_params["thread_id"]
    if _bool(request, "archived"):
        thread = state.account.threads.get(raw_id)
        if thread is None:
            raise not_found(f"Thread {raw_id}")
    else:
        thread = _thread_or_404(state.account, raw_id)
    with_ticket = "TICKET" in _multi(request, "association")
    return JSONResponse(thread.to_json(with_ticket=with_ticket))


@router.get(CONV + "/threads/{thread_id}")
async def get_thread(request: Request) -> Response:
    return await _serve(request, CONV + "/threads/{threadId}", READ, _get_thread)


# --- messages -----------------------------------------------------------------------------


async def _list_messages(request: Request, state: EmulatorState, _: TokenInfo) -> Response:
    thread = _thread_or_404(state.account, request.path_params["thread_id"])
    limit = _limit(request)
    # HubSpot's reference: "createdAt (ascending), and -createdAt (descending, default)".
    sort = _multi(request, "sort") or ["-createdAt"]
    if len(sort) != 1 or sort[0] not in ("createdAt", "-createdAt"):
        raise validation_error(
            f"sort: expected createdAt or -createdAt, got {sort!r}", param="sort"
        )
    messages = thread.messages if sort[0] == "createdAt" else thread.messages[::-1]
    offset = 0
    if cursor := request.query_params.get("after"):
        (offset,) = _decode_cursor(cursor, 1)
    page = messages[offset : offset + limit]
    next_after = _encode_cursor(offset + limit) if offset + limit < len(messages) else None
    return JSONResponse(_page(request, [m.body for m in page], next_after))


@router.get(CONV + "/threads/{thread_id}/messages")
async def list_messages(request: Request) -> Response:
    return await _serve(request, CONV + "/threads/{threadId}/messages", READ, _list_messages)


def _find_message(state: EmulatorState, request: Request) -> Any:
    thread = _thread_or_404(state.account, request.path_params["thread_id"])
    message_id = request.path_params["message_id"]
    for message in thread.messages:
        if message.id == message_id:
            return message
    raise not_found(f"Message {message_id} in thread {thread.id}")


async def _get_message(request: Request, state: EmulatorState, _: TokenInfo) -> Response:
    return JSONResponse(_find_message(state, request).body)


@router.get(CONV + "/threads/{thread_id}/messages/{message_id}")
async def get_message(request: Request) -> Response:
    template = CONV + "/threads/{threadId}/messages/{messageId}"
    return await _serve(request, template, READ, _get_message)


async def _original_content(request: Request, state: EmulatorState, _: TokenInfo) -> Response:
    message = _find_message(state, request)
    text = message.full_text if message.full_text is not None else message.body.get("text", "")
    rich = message.full_rich_text
    if rich is None:
        rich = message.body.get("richText", "")
    return JSONResponse({"text": text, "richText": rich})


@router.get(CONV + "/threads/{thread_id}/messages/{message_id}/original-content")
async def original_content(request: Request) -> Response:
    template = CONV + "/threads/{threadId}/messages/{messageId}/original-content"
    return await _serve(request, template, READ, _original_content)


async def _json_body(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body())
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise validation_error("Invalid input JSON: the request body is not valid JSON") from None
    if not isinstance(body, dict):
        raise validation_error("Invalid input JSON: expected an object")
    return body


async def _post_message(request: Request, state: EmulatorState, info: TokenInfo) -> Response:
    thread = _thread_or_404(state.account, request.path_params["thread_id"])
    body = await _json_body(request)
    kind = body.get("type")
    if kind == "MESSAGE":
        raise validation_error(
            "type MESSAGE (sending an email) is not supported by the local emulator; post a COMMENT"
        )
    if kind != "COMMENT":
        raise validation_error(f"type: expected COMMENT or MESSAGE, got {kind!r}")
    text = body.get("text")
    rich = body.get("richText")
    attachments = body.get("attachments")
    if not isinstance(text, str) or not text.strip():
        raise validation_error("text: required, a non-empty string")
    if rich is not None and not isinstance(rich, str):
        raise validation_error("richText: must be a string")
    if not isinstance(attachments, list):
        raise validation_error("attachments: required, an array (may be empty)")
    inbox = state.account.inboxes.get(thread.inbox_id)
    if inbox is not None and inbox.type == "HELP_DESK":
        raise validation_error(
            f"Thread {thread.id} is in help desk inbox {inbox.id}: comments cannot be posted "
            "to help desk threads through this API; add a note to the associated ticket"
        )
    message = state.account.add_comment(
        thread,
        text=text,
        rich_text=rich,
        attachments=attachments,
        created_at=now_ms(),
        actor_id="I-1101",
        actor_name="Email triage (private app)",
        integration_app_id=1101,
    )
    state.account.comment_posts[thread.id] = state.account.comment_posts.get(thread.id, 0) + 1
    location = f"{CONV}/threads/{thread.id}/messages/{message.id}"
    return JSONResponse(message.body, 201, headers={"Location": location})


@router.post(CONV + "/threads/{thread_id}/messages")
async def post_message(request: Request) -> Response:
    return await _serve(request, CONV + "/threads/{threadId}/messages", WRITE, _post_message)


# --- CRM notes ----------------------------------------------------------------------------


NOTE_BODY_MAX_CHARS = 65_536


def _check_note_properties(properties: dict[str, str]) -> None:
    """Rules from HubSpot's notes guide (developers.hubspot.com/docs/api/crm/notes):
    hs_timestamp is required, a Unix timestamp in milliseconds or a UTC date-time;
    hs_note_body is limited to 65,536 characters."""
    stamp = properties.get("hs_timestamp")
    if stamp is None:
        raise validation_error("properties.hs_timestamp: required for notes", param="hs_timestamp")
    if not stamp.isdigit():
        try:
            parsed = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            parsed = None
        if parsed is None or parsed.utcoffset() is None:
            raise validation_error(
                f"properties.hs_timestamp: {stamp!r} is neither epoch milliseconds nor a UTC "
                "date-time",
                param="hs_timestamp",
            )
    body = properties.get("hs_note_body", "")
    if len(body) > NOTE_BODY_MAX_CHARS:
        raise validation_error(
            f"properties.hs_note_body: {len(body)} characters, the limit is {NOTE_BODY_MAX_CHARS}",
            param="hs_note_body",
        )


async def _create_note(request: Request, state: EmulatorState, _: TokenInfo) -> Response:
    body = await _json_body(request)
    properties = body.get("properties")
    associations = body.get("associations")
    if not isinstance(properties, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in properties.items()
    ):
        raise validation_error("properties: required, an object of string values")
    _check_note_properties(properties)
    # The spec (SimplePublicObjectInputForCreate) requires `associations`, even if empty.
    if not isinstance(associations, list):
        raise validation_error("associations: required, an array (may be empty)")
    tickets = state.account.ticket_ids()
    for i, assoc in enumerate(associations):
        try:
            to_id = str(assoc["to"]["id"])
            types = assoc["types"]
            type_ids = [int(t["associationTypeId"]) for t in types]
            categories = [t["associationCategory"] for t in types]
        except (KeyError, TypeError, ValueError):
            raise validation_error(
                f"associations[{i}]: expected {{to: {{id}}, types: [{{associationCategory, "
                "associationTypeId}]}"
            ) from None
        if any(
            c not in ("HUBSPOT_DEFINED", "INTEGRATOR_DEFINED", "USER_DEFINED", "WORK")
            for c in categories
        ):
            raise validation_error(f"associations[{i}].types: unknown associationCategory")
        if NOTE_TO_TICKET_TYPE_ID in type_ids and to_id not in tickets:
            raise validation_error(f"associations[{i}]: ticket {to_id} does not exist")
    note = state.account.add_note(properties, associations)
    return JSONResponse(note.to_json(), 201)


@router.post("/crm/v3/objects/notes")
async def create_note(request: Request) -> Response:
    return await _serve(request, "/crm/v3/objects/notes", NOTES_WRITE, _create_note)


SEARCH_OPERATORS = (
    "EQ",
    "NEQ",
    "CONTAINS_TOKEN",
    "NOT_CONTAINS_TOKEN",
    "HAS_PROPERTY",
    "NOT_HAS_PROPERTY",
    "IN",
    "NOT_IN",
)
MAX_SEARCH_LIMIT = 200
# The spec: "Up to 6 groups of filters"; HubSpot's changelog (Search API, 2024-08-26): at
# most ten filters per group and twenty-five in one search.
MAX_FILTER_GROUPS = 6
MAX_FILTERS_PER_GROUP = 10
MAX_FILTERS_TOTAL = 25


def _note_values(note: Any, name: str) -> list[str]:
    """A note's values for a search property; `associations.ticket` lists ticket ids."""
    if name == "associations.ticket":
        return [
            str(a["to"]["id"])
            for a in note.associations
            if any(int(t["associationTypeId"]) == NOTE_TO_TICKET_TYPE_ID for t in a["types"])
        ]
    value = note.to_json()["properties"].get(name)
    return [] if value is None else [value]


def _filter_matches(note: Any, flt: dict[str, Any]) -> bool:
    values = _note_values(note, str(flt.get("propertyName")))
    operator = flt.get("operator")
    wanted = str(flt.get("value", ""))
    wanted_many = [str(v) for v in flt.get("values") or []]
    if operator == "EQ":
        return any(v.lower() == wanted.lower() for v in values)
    if operator == "NEQ":
        return all(v.lower() != wanted.lower() for v in values)
    if operator in ("CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN"):
        # HubSpot matches whole tokens (with * wildcards); a case-insensitive substring
        # is close enough for ids and markers.
        found = any(wanted.strip("*").lower() in v.lower() for v in values)
        return found if operator == "CONTAINS_TOKEN" else not found
    if operator == "HAS_PROPERTY":
        return bool(values)
    if operator == "NOT_HAS_PROPERTY":
        return not values
    if operator == "IN":
        return any(v in wanted_many for v in values)
    return all(v not in wanted_many for v in values)  # NOT_IN


async def _search_notes(request: Request, state: EmulatorState, _: TokenInfo) -> Response:
    """CRM search over notes: filterGroups are ORed, filters inside a group ANDed."""
    body = await _json_body(request)
    groups = body.get("filterGroups", [])
    limit = body.get("limit", 10)
    if not isinstance(limit, int) or not 1 <= limit <= MAX_SEARCH_LIMIT:
        raise validation_error(f"limit: must be an integer between 1 and {MAX_SEARCH_LIMIT}")
    if not isinstance(groups, list) or len(groups) > MAX_FILTER_GROUPS:
        raise validation_error(
            f"filterGroups: must be an array of at most {MAX_FILTER_GROUPS} groups"
        )
    total_filters = 0
    for group in groups:
        filters = group.get("filters") if isinstance(group, dict) else None
        if not isinstance(filters, list):
            raise validation_error("filterGroups[].filters: required, an array")
        total_filters += len(filters)
        if len(filters) > MAX_FILTERS_PER_GROUP or total_filters > MAX_FILTERS_TOTAL:
            raise validation_error(
                f"filterGroups: at most {MAX_FILTERS_PER_GROUP} filters per group and "
                f"{MAX_FILTERS_TOTAL} in all"
            )
        for flt in filters:
            if not isinstance(flt, dict) or flt.get("operator") not in SEARCH_OPERATORS:
                raise validation_error(
                    f"filters: operator must be one of {', '.join(SEARCH_OPERATORS)}"
                )
    wanted_props = body.get("properties") or []
    notes = [
        note
        for note in state.account.notes.values()
        if not groups or any(all(_filter_matches(note, f) for f in g["filters"]) for g in groups)
    ]
    offset = int(body["after"]) if str(body.get("after", "")).isdigit() else 0
    page = notes[offset : offset + limit]
    results = []
    for note in page:
        full = note.to_json()
        keep = {"hs_createdate", "hs_lastmodifieddate", "hs_object_id", *wanted_props}
        full["properties"] = {k: v for k, v in full["properties"].items() if k in keep}
        results.append(full)
    response: dict[str, Any] = {"total": len(notes), "results": results}
    if offset + limit < len(notes):
        response["paging"] = {"next": {"after": str(offset + limit)}}
    return JSONResponse(response)


@router.post("/crm/v3/objects/notes/search")
async def search_notes(request: Request) -> Response:
    return await _serve(request, "/crm/v3/objects/notes/search", NOTES_READ, _search_notes)


async def _get_note(request: Request, state: EmulatorState, _: TokenInfo) -> Response:
    note = state.account.notes.get(request.path_params["note_id"])
    if note is None:
        raise not_found(f"Note {request.path_params['note_id']}")
    return JSONResponse(note.to_json())


@router.get("/crm/v3/objects/notes/{note_id}")
async def get_note(request: Request) -> Response:
    return await _serve(request, "/crm/v3/objects/notes/{noteId}", NOTES_READ, _get_note)
