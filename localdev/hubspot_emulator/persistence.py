"""The emulator's account on disk: one JSON file, so a local run's HubSpot inbox (threads,
the comments posted on them, notes, agents' replies) outlives the process, beside the
ledger that remembers the same emails (`triage run`, `.localdata/`).

Only the account and the seed thread keys are kept: tokens, limiter, faults and request
statistics start afresh with each process, as they do on a reset.
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from localdev.hubspot_emulator.state import Account, Inbox, Note, Thread


class SavedAccount(BaseModel):
    """The file's shape (pydantic: the file is a boundary; a wrong one is refused whole)."""

    model_config = ConfigDict(extra="forbid")
    format: Literal[1] = 1
    seed: str
    thread_keys: dict[str, str]
    inboxes: list[Inbox]
    threads: list[Thread]
    notes: list[Note]
    contacts: dict[str, str]
    comment_posts: dict[str, int]
    next_thread: int
    next_contact: int
    next_ticket: int
    next_note: int
    rng_state: list[Any]


class SavedStateError(ValueError):
    """The file is not a saved account of this emulator; the message names it."""


def snapshot(account: Account, *, seed: str, thread_keys: dict[str, str]) -> SavedAccount:
    return SavedAccount(
        seed=seed,
        thread_keys=dict(thread_keys),
        inboxes=list(account.inboxes.values()),
        threads=list(account.threads.values()),
        notes=list(account.notes.values()),
        contacts=dict(account._contacts),
        comment_posts=dict(account.comment_posts),
        next_thread=account._next_thread,
        next_contact=account._next_contact,
        next_ticket=account._next_ticket,
        next_note=account._next_note,
        rng_state=_rng_state_to_json(account.rng.getstate()),
    )


def restore(saved: SavedAccount) -> Account:
    account = Account()
    account.inboxes = {i.id: i for i in saved.inboxes}
    account.threads = {t.id: t for t in saved.threads}
    account.notes = {n.id: n for n in saved.notes}
    account._contacts = dict(saved.contacts)
    account.comment_posts = dict(saved.comment_posts)
    account._next_thread = saved.next_thread
    account._next_contact = saved.next_contact
    account._next_ticket = saved.next_ticket
    account._next_note = saved.next_note
    account.rng = random.Random()
    account.rng.setstate(_rng_state_from_json(saved.rng_state))
    return account


def write(path: Path, saved: SavedAccount) -> None:
    """Atomically: a crash mid-write leaves the previous file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(saved.model_dump_json(), encoding="utf-8")
    os.replace(tmp, path)


def read(path: Path) -> SavedAccount:
    try:
        return SavedAccount.model_validate_json(path.read_bytes())
    except (OSError, ValidationError) as exc:
        raise SavedStateError(f"{path} is not a saved emulator account: {exc}") from None


def _rng_state_to_json(state: tuple[Any, ...]) -> list[Any]:
    version, internal, gauss = state
    return [version, list(internal), gauss]


def _rng_state_from_json(value: list[Any]) -> tuple[Any, ...]:
    version, internal, gauss = value
    return (version, tuple(internal), gauss)
