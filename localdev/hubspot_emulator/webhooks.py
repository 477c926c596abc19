"""Conversations webhooks, as HubSpot sends them, from the emulator to a configured URL.

When an email is injected (admin inject, bulk, agent reply) the emulator POSTs a JSON array
of events (`conversation.creation` for a new thread, `conversation.newMessage` with
`messageId`/`messageType`) signed with HubSpot's v3 scheme: base64 HMAC-SHA256 of
method + URI + body + `X-HubSpot-Request-Timestamp` (ms), keyed with the app's client
secret. Like HubSpot it retries a failed or slow delivery (same eventId, attemptNumber + 1).

For tests and the bench it can be told to drop, delay, duplicate or reorder deliveries:
`POST /_emulator/webhooks` (fields left out keep their value; counts restart), `GET` for
the config (secret hidden) and the delivery counts. The config survives `/_emulator/reset`
(it belongs to the app's settings in HubSpot, not to the portal's data).

The signing here is written from HubSpot's documentation on its own, not shared with the
app's verifier, so a mistake in one is caught by the other.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import random
import re
import time
from collections import Counter
from typing import Any

import httpx
from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from localdev.hubspot_emulator.state import Message, Thread, now_ms

router = APIRouter()

NEW_THREAD = "conversation.creation"
NEW_MESSAGE = "conversation.newMessage"
MAX_EVENTS_PER_CALL = 100  # HubSpot batches up to 100 events in one call
_URI_ESCAPES = {
    "%3a": ":",
    "%2f": "/",
    "%3f": "?",
    "%40": "@",
    "%21": "!",
    "%24": "$",
    "%27": "'",
    "%28": "(",
    "%29": ")",
    "%2a": "*",
    "%2c": ",",
    "%3b": ";",
}


class WebhookConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(None, description="target URL; unset sends nothing")
    client_secret: str = Field("", description="the app's client secret (signing key)")
    app_id: int = 4_200_001
    portal_id: int = 88_000_001
    subscriptions: list[str] = Field(default_factory=lambda: [NEW_THREAD, NEW_MESSAGE])
    drop_fraction: float = Field(0.0, ge=0, le=1, description="deliveries never sent")
    duplicate_fraction: float = Field(0.0, ge=0, le=1, description="deliveries sent twice")
    delay_ms: int = Field(0, ge=0, le=600_000, description="wait before each delivery")
    reorder_window_ms: int = Field(
        0, ge=0, le=600_000, description="random extra wait up to this: later events overtake"
    )
    max_retries: int = Field(2, ge=0, le=10, description="retries of a failed delivery")
    retry_delay_ms: int = Field(1000, ge=0, le=600_000)
    timeout_seconds: float = Field(5.0, gt=0, le=60, description="a slower answer is a failure")
    seed: int = 0


class WebhookDispatcher:
    def __init__(self) -> None:
        self.config = WebhookConfig()
        self.rng = random.Random(0)
        self.stats: Counter[str] = Counter()
        self.deliveries: list[dict[str, Any]] = []  # one row per HTTP attempt (ids only)
        self._next_event_id = 1
        self._tasks: set[asyncio.Task[None]] = set()

    def configure(self, config: WebhookConfig) -> None:
        """A new config starts fresh counts (and a fresh random sequence from its seed)."""
        self.config = config
        self.rng = random.Random(config.seed)
        self.stats.clear()
        self.deliveries.clear()

    # --- events ---------------------------------------------------------------------------
    def _event(self, kind: str, thread_id: str, **extra: Any) -> dict[str, Any]:
        event = {
            "eventId": self._next_event_id,
            "subscriptionId": 7_000_000 + self.config.subscriptions.index(kind),
            "portalId": self.config.portal_id,
            "appId": self.config.app_id,
            "occurredAt": now_ms(),
            "subscriptionType": kind,
            "attemptNumber": 0,
            "objectId": int(thread_id),
            "changeSource": "EMAIL",
            **extra,
        }
        self._next_event_id += 1
        return event

    def events_for(self, thread: Thread, message: Message, *, new_thread: bool) -> list[dict]:
        events: list[dict[str, Any]] = []
        if new_thread and NEW_THREAD in self.config.subscriptions:
            events.append(self._event(NEW_THREAD, thread.id, changeFlag="CREATED"))
        if NEW_MESSAGE in self.config.subscriptions:
            events.append(
                self._event(
                    NEW_MESSAGE,
                    thread.id,
                    changeFlag="NEW_MESSAGE",
                    messageId=message.id,
                    messageType=message.type,
                )
            )
        return events

    def emit(self, events: list[dict[str, Any]]) -> None:
        """Schedule the delivery of these events (in calls of up to 100), with the faults."""
        if not self.config.url or not events:
            return
        for start in range(0, len(events), MAX_EVENTS_PER_CALL):
            batch = events[start : start + MAX_EVENTS_PER_CALL]
            self.stats["calls"] += 1
            if self.rng.random() < self.config.drop_fraction:
                self.stats["dropped"] += 1
                continue
            copies = 1
            if self.rng.random() < self.config.duplicate_fraction:
                copies = 2
                self.stats["duplicated"] += 1
            for _ in range(copies):
                wait_ms = float(self.config.delay_ms)
                if self.config.reorder_window_ms:
                    wait_ms += self.rng.uniform(0, self.config.reorder_window_ms)
                self._spawn(self._deliver(batch, wait_ms / 1000))

    def _spawn(self, coroutine: Any) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- delivery -------------------------------------------------------------------------
    async def _deliver(self, events: list[dict[str, Any]], wait: float) -> None:
        config = self.config
        await asyncio.sleep(wait)
        for attempt in range(config.max_retries + 1):
            body = json.dumps([{**e, "attemptNumber": attempt} for e in events]).encode()
            status = await self._post(config, body)
            self.deliveries.append(
                {
                    "at_ms": now_ms(),
                    "event_ids": [e["eventId"] for e in events],
                    "attempt": attempt,
                    "status": status,
                }
            )
            if isinstance(status, int) and 200 <= status < 300:
                self.stats["delivered"] += 1
                return
            self.stats["failed_attempts"] += 1
            await asyncio.sleep(config.retry_delay_ms / 1000)
        self.stats["given_up"] += 1

    async def _post(self, config: WebhookConfig, body: bytes) -> int | str:
        assert config.url is not None
        timestamp = str(int(time.time() * 1000))
        signature = sign(config.client_secret, "POST", config.url, body, timestamp)
        headers = {
            "Content-Type": "application/json",
            "X-HubSpot-Signature-v3": signature,
            "X-HubSpot-Request-Timestamp": timestamp,
        }
        try:
            async with httpx.AsyncClient(timeout=config.timeout_seconds) as client:
                response = await client.post(config.url, content=body, headers=headers)
            return response.status_code
        except httpx.TimeoutException:
            return "timeout"
        except httpx.HTTPError as exc:
            return type(exc).__name__

    def summary(self) -> dict[str, Any]:
        config = self.config.model_dump()
        config["client_secret"] = "***" if self.config.client_secret else ""
        return {
            "config": config,
            "stats": dict(self.stats),
            "in_flight": len(self._tasks),
            "deliveries": self.deliveries[-200:],
        }


def sign(secret: str, method: str, uri: str, body: bytes, timestamp: str) -> str:
    """HubSpot's v3 signature of one call."""
    decoded = re.sub("%[0-9A-Fa-f]{2}", lambda m: _URI_ESCAPES.get(m[0].lower(), m[0]), uri)
    source = method.encode() + decoded.encode() + body + timestamp.encode()
    return base64.b64encode(hmac.new(secret.encode(), source, hashlib.sha256).digest()).decode()


def dispatcher(app: Any) -> WebhookDispatcher:
    """The app's dispatcher, made on first use (kept on the FastAPI app's state)."""
    current = getattr(app.state, "webhooks", None)
    if not isinstance(current, WebhookDispatcher):
        current = WebhookDispatcher()
        app.state.webhooks = current
    return current


def notify_email(app: Any, thread: Thread, message: Message, *, new_thread: bool) -> None:
    """The admin API's hook: an email arrived (or was sent) on this thread."""
    hooks = dispatcher(app)
    hooks.emit(hooks.events_for(thread, message, new_thread=new_thread))


def notify_many(app: Any, arrivals: list[tuple[Thread, Message]]) -> None:
    """New one-email threads in bulk: their events go out together, 100 per call."""
    hooks = dispatcher(app)
    events = [e for t, m in arrivals for e in hooks.events_for(t, m, new_thread=True)]
    hooks.emit(events)


@router.get("/webhooks")
async def get_webhooks(request: Request) -> dict[str, Any]:
    return dispatcher(request.app).summary()


@router.post("/webhooks")
async def set_webhooks(request: Request) -> dict[str, Any]:
    """Fields left out keep their value; `{"url": null}` stops sending."""
    hooks = dispatcher(request.app)
    raw = await request.json()
    try:
        config = WebhookConfig.model_validate({**hooks.config.model_dump(), **raw})
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
    hooks.configure(config)
    return hooks.summary()


@router.post("/webhooks/send")
async def send_raw(request: Request) -> dict[str, Any]:
    """Deliver these events as they are (tests: a COMMENT event, an unknown type)."""
    events = await request.json()
    if not isinstance(events, list):
        raise HTTPException(422, "expects a JSON array of events")
    dispatcher(request.app).emit(events)
    return {"queued": len(events)}
