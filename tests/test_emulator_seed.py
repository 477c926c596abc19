"""The default seed inbox covers what the pipeline must handle (no server needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from localdev.hubspot_emulator.seed import SeedError, load_seed, read_seed
from localdev.hubspot_emulator.state import TRUNCATE_AT_CHARS, Account, Thread


@pytest.fixture(scope="module")
def seeded() -> tuple[Account, dict[str, Thread]]:
    account = Account()
    keys = load_seed(account, read_seed("default"), now=1_790_000_000_000)
    return account, {key: account.threads[tid] for key, tid in keys.items()}


def _emails(thread: Thread) -> list[dict[str, object]]:
    return [m.body for m in thread.messages if m.type == "MESSAGE"]


def _text(thread: Thread) -> str:
    return " ".join(str(m.full_text or m.body.get("text", "")) for m in thread.messages)


def test_size_and_inboxes(seeded: tuple[Account, dict[str, Thread]]) -> None:
    account, threads = seeded
    assert len(threads) >= 40
    types = {i.type for i in account.inboxes.values()}
    assert types == {"INBOX", "HELP_DESK"}
    helpdesk = [t for t in threads.values() if account.inboxes[t.inbox_id].type == "HELP_DESK"]
    assert len(helpdesk) >= 2
    assert all(t.ticket_id for t in helpdesk)


def test_follow_ups_replies_comments_and_closed(seeded: tuple[Account, dict[str, Thread]]) -> None:
    _, threads = seeded
    inbound = [sum(1 for m in t.messages if m.direction == "INCOMING") for t in threads.values()]
    assert 3 in inbound and 2 in inbound
    answered = [
        t for t in threads.values() if t.messages[-1].direction == "OUTGOING" and t.status == "OPEN"
    ]
    assert len(answered) >= 2
    assert any(m.type == "COMMENT" for t in threads.values() for m in t.messages)
    assert threads["closed-thanks-en"].status == "CLOSED"


def test_special_emails(seeded: tuple[Account, dict[str, Thread]]) -> None:
    _, threads = seeded
    assert threads["spam-flagged"].spam
    assert not threads["spam-unflagged-seo"].spam
    long_message = threads["long-warranty"].messages[0]
    assert long_message.body["truncationStatus"] == "TRUNCATED"
    assert long_message.full_text is not None and len(long_message.full_text) > TRUNCATE_AT_CHARS
    attachment_only = _emails(threads["attachment-only"])[0]
    assert attachment_only["text"] == ""
    assert attachment_only["attachments"]
    assert "ignore previous instructions" in _text(threads["prompt-injection"]).lower()
    bounce_sender = _emails(threads["bounce"])[0]["senders"]
    assert "mailer-daemon" in str(bounce_sender).lower()
    assert "no-reply@" in str(_emails(threads["newsletter"])[0]["senders"])
    assert "@nordvikbikes.example" in str(_emails(threads["own-address"])[0]["senders"])
    html = str(_emails(threads["damaged-html-en"])[0]["richText"])
    assert "<blockquote" in html and "signature" in html


def test_languages_and_auto_replies(seeded: tuple[Account, dict[str, Thread]]) -> None:
    _, threads = seeded
    subjects = {key: str(_emails(t)[0]["subject"]) for key, t in threads.items()}
    assert subjects["ooo-en"].startswith("Automatic reply")
    assert subjects["ooo-sv"].startswith("Autosvar")
    assert subjects["ooo-de"].startswith("Automatische Antwort")
    markers = {"sv": "Hej", "de": "Guten Tag", "fr": "Bonjour", "es": "Hola", "en": "Hi"}
    texts = [_text(t) for t in threads.values()]
    for lang, marker in markers.items():
        assert any(marker in text for text in texts), lang


def test_timestamps_are_relative_to_load_time() -> None:
    account = Account()
    load_seed(account, read_seed("default"), now=1_790_000_000_000)
    latest = max(t.sort_ts for t in account.threads.values())
    assert 1_790_000_000_000 - 3 * 3_600_000 < latest <= 1_790_000_000_000


def test_bad_seed_names_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"inboxes": []}')
    with pytest.raises(SeedError, match=r"bad\.json"):
        read_seed(str(bad))
    with pytest.raises(SeedError, match="no such file"):
        read_seed("nope")
