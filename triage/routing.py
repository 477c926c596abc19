"""Emails that need a person, not a knowledge-base answer: legal threats, injury or safety
reports, press, partnership and reseller requests, job applications, requests for a manager.

The rules (keywords per kind, the agent-facing reason and the least priority) live in the
taxonomy file's ``needs_person`` list, so a team changes them without code. Matching uses
the classifier's keyword rule: long keywords match as word prefixes, short ones as words.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Literal

from triage.classifier import keyword_pattern
from triage.taxonomy import RouteRule, Taxonomy


@dataclass(frozen=True)
class Route:
    name: str  # the rule's name, e.g. "legal_threat"
    reason: str  # for the agent: why a person must answer
    priority: Literal["urgent", "high", "normal", "low"]  # the least priority it gets
    matched: tuple[str, ...]  # the keywords found (labels from the taxonomy, not email text)


_PATTERNS: dict[tuple[str, ...], re.Pattern[str] | None] = {}
_LOCK = threading.Lock()


def _pattern(rule: RouteRule) -> re.Pattern[str] | None:
    key = tuple(rule.keywords)
    with _LOCK:
        if key not in _PATTERNS:
            _PATTERNS[key] = keyword_pattern(rule.keywords)
        return _PATTERNS[key]


def needs_person(text: str, subject: str, taxonomy: Taxonomy) -> Route | None:
    """The first rule of the taxonomy whose keywords occur in the subject or the text."""
    probe = f"{subject}\n{text}".lower()
    for rule in taxonomy.needs_person:
        pattern = _pattern(rule)
        if pattern is None:
            continue
        found = tuple(sorted({m.group(0).strip() for m in pattern.finditer(probe)}))
        if found:
            return Route(rule.name, rule.reason, rule.priority, found)
    return None
