"""The emulator's own admin API under /_emulator/ (not HubSpot's; no auth)."""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.responses import JSONResponse, Response

from localdev.hubspot_emulator import webhooks
from localdev.hubspot_emulator.agent import (
    AGENT_ACTOR_ID,
    AGENT_EMAIL,
    AGENT_NAME,
    reply_from_draft,
)
from localdev.hubspot_emulator.auth import TokenInfo, TokenSpec
from localdev.hubspot_emulator.emulator_state import EmulatorState
from localdev.hubspot_emulator.faults import FaultConfig
from localdev.hubspot_emulator.seed import SeedError
from localdev.hubspot_emulator.state import Sender, now_ms

router = APIRouter(prefix="/_emulator")
router.include_router(webhooks.router)  # /_emulator/webhooks: HubSpot-shaped webhook calls


class ResetRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    seed: str = Field("default", description="default, empty, or a path to a seed JSON file")


class InjectEmail(BaseModel):
    """An inbound customer email; a new thread unless `thread_id` is given."""

    model_config = ConfigDict(extra="forbid")
    thread_id: str | None = None
    inbox_id: str | None = None
    from_email: str
    from_name: str | None = None
    subject: str = ""
    text: str
    html: str | None = None
    created_at: datetime | None = None
    attachments: list[dict[str, Any]] = Field(default_factory=list)
    spam: bool = False


class AgentReply(BaseModel):
    """An agent's outgoing email on a thread: `text`, or the thread's newest draft of ours
    sent as is (`draft="as_is"`) or edited (`draft="edited"`: its second half replaced by a
    sentence of the agent's) or rewritten (`draft="rewritten"`: its first quarter in the agent's
    own words); `change` replaces text in the draft's reply ({"299 SEK": "349 SEK"}: an agent
    correcting a fact); `close` then closes the thread."""

    model_config = ConfigDict(extra="forbid")
    thread_id: str
    text: str = ""
    draft: Literal["as_is", "edited", "rewritten"] | None = None
    change: dict[str, str] = Field(default_factory=dict)
    close: bool = False
    created_at: datetime | None = None

    @model_validator(mode="after")
    def _text_or_draft(self) -> AgentReply:
        if not self.text.strip() and self.draft is None:
            raise ValueError("give the reply's text, or draft='as_is', 'edited' or 'rewritten'")
        return self


class CloseThread(BaseModel):
    model_config = ConfigDict(extra="forbid")
    created_at: datetime | None = None


class BulkRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    count: int = Field(ge=1, le=100_000)
    same_timestamp: bool = False
    inbox_id: str | None = None


def _state(request: Request) -> EmulatorState:
    state: EmulatorState = request.app.state.emulator
    return state


def _ms(value: datetime | None) -> int:
    return now_ms() if value is None else int(value.timestamp() * 1000)


@router.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@router.post("/reset")
async def reset(body: ResetRequest, request: Request) -> dict[str, Any]:
    state = _state(request)
    try:
        state.reset(body.seed)
    except SeedError as exc:
        raise HTTPException(400, str(exc)) from exc
    return {"seed": body.seed, "threads": len(state.account.threads), "keys": state.thread_keys}


@router.get("/faults")
async def get_faults(request: Request) -> dict[str, Any]:
    return _state(request).faults.config.model_dump()


@router.post("/faults")
async def set_faults(request: Request) -> dict[str, Any]:
    """Fields left out keep their current value; `{}` changes nothing."""
    state = _state(request)
    raw = await request.json()
    merged = {**state.faults.config.model_dump(), **raw}
    try:
        config = FaultConfig.model_validate(merged)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
    state.set_faults(config)
    return config.model_dump()


@router.post("/tokens")
async def add_token(body: TokenSpec, request: Request) -> dict[str, Any]:
    _state(request).tokens[body.token] = TokenInfo(
        scopes=frozenset(body.scopes), expired=body.expired
    )
    return {"token": body.token, "scopes": sorted(body.scopes), "expired": body.expired}


@router.get("/threads/keys")
async def thread_keys(request: Request) -> dict[str, str]:
    """Seed thread key -> thread id, e.g. {"long-warranty": "7100000018"}."""
    return _state(request).thread_keys


@router.post("/emails")
async def inject_email(body: InjectEmail, request: Request) -> dict[str, str]:
    account = _state(request).account
    at = _ms(body.created_at)
    if body.thread_id is not None:
        thread = account.live_thread(body.thread_id)
        if thread is None:
            raise HTTPException(404, f"thread_id {body.thread_id}: no such live thread")
        inbox = account.inboxes[thread.inbox_id]
    else:
        if body.inbox_id is not None and body.inbox_id not in account.inboxes:
            raise HTTPException(404, f"inbox_id {body.inbox_id}: no such inbox")
        inbox = account.inboxes[body.inbox_id] if body.inbox_id else account.default_inbox()
        thread = account.new_thread(inbox, body.from_email, at, spam=body.spam)
    message = account.add_email(
        thread,
        direction="INCOMING",
        sender=Sender(body.from_email, body.from_name),
        recipients=[Sender(inbox.email)],
        subject=body.subject,
        text=body.text,
        rich_text=body.html,
        created_at=at,
        attachments=body.attachments,
    )
    webhooks.notify_email(request.app, thread, message, new_thread=body.thread_id is None)
    return {"threadId": thread.id, "messageId": message.id}


@router.post("/agent-replies")
async def agent_reply(body: AgentReply, request: Request) -> dict[str, str]:
    account = _state(request).account
    thread = account.live_thread(body.thread_id)
    if thread is None:
        raise HTTPException(404, f"thread_id {body.thread_id}: no such live thread")
    customer = next(
        (
            m.body["senders"][0]["deliveryIdentifier"]["value"]
            for m in thread.messages
            if m.direction == "INCOMING"
        ),
        "customer@example.invalid",
    )
    subject = next((m.body.get("subject", "") for m in thread.messages if m.type == "MESSAGE"), "")
    text = body.text
    if body.draft is not None:
        drafted = reply_from_draft(thread, body.draft)
        if drafted is None:
            raise HTTPException(409, f"thread {thread.id} has no draft comment to send")
        text = drafted
        for old, new in body.change.items():
            text = text.replace(old, new)
    at = _ms(body.created_at)
    message = account.add_email(
        thread,
        direction="OUTGOING",
        sender=Sender(AGENT_EMAIL, AGENT_NAME),
        recipients=[Sender(customer)],
        subject=f"Re: {subject}" if subject else "",
        text=text,
        rich_text=None,
        created_at=at,
        actor_id=AGENT_ACTOR_ID,
    )
    webhooks.notify_email(request.app, thread, message, new_thread=False)
    if body.close:
        account.close_thread(thread, at=at + 1, actor_id=AGENT_ACTOR_ID)
    return {"threadId": thread.id, "messageId": message.id}


@router.post("/threads/{thread_id}/close")
async def close_thread(thread_id: str, body: CloseThread, request: Request) -> dict[str, str]:
    """Close the thread as an agent does (a THREAD_STATUS_CHANGE message, status CLOSED)."""
    account = _state(request).account
    thread = account.live_thread(thread_id)
    if thread is None:
        raise HTTPException(404, f"thread {thread_id}: no such live thread")
    change = account.close_thread(thread, at=_ms(body.created_at), actor_id=AGENT_ACTOR_ID)
    return {"threadId": thread.id, "messageId": change.id}


@router.delete("/threads/{thread_id}", status_code=204)
async def delete_thread(thread_id: str, request: Request) -> Response:
    """Archive the thread as HubSpot's DELETE does: gone from lists, 404 on GET."""
    thread = _state(request).account.live_thread(thread_id)
    if thread is None:
        raise HTTPException(404, f"thread {thread_id}: no such live thread")
    thread.archived = True
    return Response(status_code=204)


@router.post("/bulk")
async def bulk(body: BulkRequest, request: Request) -> dict[str, Any]:
    """N one-email inbound threads, fast (benchmarks and paging tests)."""
    account = _state(request).account
    if body.inbox_id is not None and body.inbox_id not in account.inboxes:
        raise HTTPException(404, f"inbox_id {body.inbox_id}: no such inbox")
    inbox = account.inboxes[body.inbox_id] if body.inbox_id else account.default_inbox()
    rng = random.Random(body.count)
    start = now_ms() - body.count  # distinct, increasing ms unless same_timestamp
    ids: list[str] = []
    arrivals = []
    for i in range(body.count):
        at = start if body.same_timestamp else start + i
        email = f"bulk.customer{i}@mailbox.example"
        thread = account.new_thread(inbox, email, at)
        order = f"NB-{200000 + rng.randrange(100000)}"
        message = account.add_email(
            thread,
            direction="INCOMING",
            sender=Sender(email, f"Bulk Customer {i}"),
            recipients=[Sender(inbox.email)],
            subject=f"Where is my order {order}?",
            text=f"Hi, when will order {order} be delivered? Thanks, Customer {i}",
            rich_text=None,
            created_at=at,
        )
        ids.append(thread.id)
        arrivals.append((thread, message))
    webhooks.notify_many(request.app, arrivals)
    return {"count": len(ids), "firstThreadId": ids[0], "lastThreadId": ids[-1]}


@router.get("/stats")
async def stats(request: Request) -> JSONResponse:
    return JSONResponse(_state(request).stats())
