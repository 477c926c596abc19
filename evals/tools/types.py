"""The compact form the evaluation emails are written in, and its three constructors."""

from __future__ import annotations

from typing import NamedTuple


class Entry(NamedTuple):
    expect: str  # answer | abstain | route
    intent: str
    subject: str
    body: str
    gold_sources: list[str]
    key_facts: list[list[str]]
    route_reason: str | None


def a(intent: str, subject: str, body: str, gold: list[str], facts: list[list[str]]) -> Entry:
    """An email the knowledge base answers."""
    return Entry("answer", intent, subject, body, list(dict.fromkeys(gold)), facts, None)


def n(intent: str, subject: str, body: str) -> Entry:
    """A plausible question the knowledge base does not answer: the draft must abstain."""
    return Entry("abstain", intent, subject, body, [], [], None)


def r(reason: str, intent: str, subject: str, body: str) -> Entry:
    """An email that needs a person (legal, safety, press, partnership, job, manager)."""
    return Entry("route", intent, subject, body, [], [], reason)
