"""Load a seed inbox (JSON, times relative to "now") into an `Account`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from localdev.hubspot_emulator.state import Account, InboxType, Sender, now_ms

DEFAULT_SEED_PATH = Path(__file__).with_name("seed_default.json")
SeedName = Literal["default", "empty"]


class SeedInbox(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str
    id: str = Field(pattern=r"^[0-9]+$")
    name: str
    type: InboxType
    email: str


class SeedMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["in", "out", "comment"]
    minutes_ago: float = Field(ge=0)
    from_email: str | None = None
    from_name: str | None = None
    to_email: str | None = None
    subject: str = ""
    text: str
    html: str | None = None
    rich_text: str | None = None
    attachments: list[dict[str, Any]] = Field(default_factory=list)


class SeedThread(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str
    inbox: str
    spam: bool = False
    ticket: bool = False
    close_minutes_ago: float | None = None
    messages: list[SeedMessage] = Field(min_length=1)


class SeedFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = ""
    inboxes: list[SeedInbox] = Field(min_length=1)
    threads: list[SeedThread] = Field(default_factory=list)


class SeedError(ValueError):
    """The seed name or file is unusable; the message names it."""


def read_seed(seed: str) -> SeedFile:
    """`default`, `empty` (the default inboxes, no threads) or a path to a seed JSON file."""
    path = DEFAULT_SEED_PATH if seed in ("default", "empty") else Path(seed)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        parsed = SeedFile.model_validate(data)
    except FileNotFoundError:
        raise SeedError(
            f"seed {seed!r}: no such file (use default, empty or a JSON path)"
        ) from None
    except (json.JSONDecodeError, ValidationError) as exc:
        raise SeedError(f"seed file {path}: {exc}") from exc
    if seed == "empty":
        parsed = parsed.model_copy(update={"threads": []})
    return parsed


def load_seed(account: Account, seed: SeedFile, *, now: int | None = None) -> dict[str, str]:
    """Fill `account`; returns seed thread key -> thread id (tests look threads up by key)."""
    now = now if now is not None else now_ms()
    inboxes = {}
    for seed_inbox in seed.inboxes:
        inboxes[seed_inbox.key] = account.add_inbox(
            seed_inbox.id, seed_inbox.name, seed_inbox.type, seed_inbox.email
        )
    keys: dict[str, str] = {}
    for seed_thread in seed.threads:
        if seed_thread.inbox not in inboxes:
            raise SeedError(f"seed thread {seed_thread.key!r}: unknown inbox {seed_thread.inbox!r}")
        inbox = inboxes[seed_thread.inbox]
        first = seed_thread.messages[0]
        customer = first.from_email or "unknown@example.invalid"
        thread = account.new_thread(
            inbox,
            customer,
            now - int(first.minutes_ago * 60_000),
            with_ticket=seed_thread.ticket,
            spam=seed_thread.spam,
        )
        for msg in seed_thread.messages:
            at = now - int(msg.minutes_ago * 60_000)
            if msg.kind == "comment":
                account.add_comment(
                    thread,
                    text=msg.text,
                    rich_text=msg.rich_text,
                    attachments=msg.attachments,
                    created_at=at,
                    actor_id="A-8800101",
                    actor_name="Anna Berg",
                )
                continue
            direction: Literal["INCOMING", "OUTGOING"] = (
                "INCOMING" if msg.kind == "in" else "OUTGOING"
            )
            to_email = msg.to_email or (customer if msg.kind == "out" else inbox.email)
            account.add_email(
                thread,
                direction=direction,
                sender=Sender(msg.from_email or inbox.email, msg.from_name),
                recipients=[Sender(to_email)],
                subject=msg.subject,
                text=msg.text,
                rich_text=msg.html or msg.rich_text,
                created_at=at,
                attachments=msg.attachments,
            )
        if seed_thread.close_minutes_ago is not None:
            account.close_thread(
                thread, at=now - int(seed_thread.close_minutes_ago * 60_000), actor_id="A-8800101"
            )
        keys[seed_thread.key] = thread.id
    return keys
