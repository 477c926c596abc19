"""Customer text stays out of skip reasons (log, ledger); the retry route checks its id."""

from __future__ import annotations

from typing import Any

import pytest

import pipeline.status as status
from triage.models import EmailMessage, ThreadContext
from triage.skip_rules import must_not_answer

PHONE = "+46 70 123 45 67"


def _email(subject: str, text: str, **extra: Any) -> EmailMessage:
    extra.setdefault("sender_email", "anna@example.com")
    return EmailMessage(message_id="m1", subject=subject, text=text, **extra)


SKIPPED = [
    _email("Out of office until Monday", f"I am on vacation until Monday. Call me at {PHONE}"),
    _email(
        "Automatic reply: order",
        f"I am currently out of the office. Urgent? Ring {PHONE}",
        headers={"Auto-Submitted": "auto-replied by Anna Svensson"},
    ),
    _email("Semester", f"Jag är på semester till och med 3 juni. Ring {PHONE}."),
    _email(
        "Undeliverable: your order",
        f"Your message could not be delivered to the recipient {PHONE}",
        sender_email="mailer-daemon@example.com",
    ),
    _email("Hello", f"This is an automated reply, do not reply to this email {PHONE}"),
    _email(
        "WIN A FREE GIFT NOW!!",
        f"Click here, act now, limited time, 100% free, you have won {PHONE} $500 https://1.2.3.4/x",
        html="<p>x</p>",
    ),
    _email("News", f"Unsubscribe {PHONE}", sender_email="noreply-anna.svensson@shop.example"),
]


def _word_runs(text: str, length: int = 3) -> set[str]:
    words = text.lower().split()
    return {" ".join(words[i : i + length]) for i in range(len(words) - length + 1)}


@pytest.mark.parametrize("message", SKIPPED, ids=lambda m: m.subject[:20])
def test_skip_detail_names_rule_and_category_without_quoting(message: EmailMessage) -> None:
    skip = must_not_answer(message, ThreadContext(messages=[message]), message.text, [])
    assert skip is not None, "the email should be skipped"
    assert "(rule: " in skip.detail
    assert PHONE not in skip.detail
    quoted = _word_runs(skip.detail) & _word_runs(f"{message.subject} {message.text}")
    assert not quoted, f"skip detail quotes the email: {quoted}"
    assert "anna" not in skip.detail.lower()


def _no_ledger() -> Any:
    raise AssertionError("an invalid id must be refused before the ledger is read")


@pytest.mark.parametrize(
    "message_id", ["x" * 20_000, "abc/def", "a b", "id?x=1", "\u202eevil", "a\x00b", ""]
)
def test_retry_refuses_a_bad_message_id_with_400(
    monkeypatch: pytest.MonkeyPatch, message_id: str
) -> None:
    monkeypatch.setattr(status, "ledger", _no_ledger)
    outcome = status.retry_message(message_id)
    assert outcome.status == 400
    assert "message id" in outcome.body["error"]
    assert len(outcome.body["error"]) < 200  # names the problem, does not echo the input


def test_retry_accepts_hubspot_shaped_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    class Book:
        def get(self, message_id: str) -> None:
            return None

    monkeypatch.setattr(status, "ledger", lambda: Book())
    for message_id in ("7a8f3c2e9b1d4f60a1b2c3d4e5f60718", "123456789012", "msg-1_a"):
        assert status.retry_message(message_id).status == 404
