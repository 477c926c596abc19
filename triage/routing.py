"""Emails that need a person, not a knowledge-base answer: security incidents, data-protection
requests, legal threats, injury or safety reports, press, partnership and reseller requests,
job applications, requests for a manager.

The rules (cues per kind, the agent-facing reason and the least priority) live in the
taxonomy file's ``needs_person`` list, so a team changes them without code; the first rule
that matches wins. Cues use the classifier's keyword rule (long ones match as word prefixes,
short ones as words) and are looked for one sentence at a time, so that "delete" and
"personal data" in two unrelated sentences do not add up to an erasure request. The text
is the cleaned new text: quoted history and the signature (with its job titles) are gone.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from triage.classifier import keyword_pattern
from triage.taxonomy import RouteRule, Taxonomy


@dataclass(frozen=True)
class Route:
    name: str  # the rule's name, e.g. "legal_threat"
    reason: str  # for the agent: why a person must answer
    priority: Literal["urgent", "high", "normal", "low"]  # the least priority it gets
    matched: tuple[str, ...]  # the cues found (labels from the taxonomy, not email text)


@dataclass(frozen=True)
class _Compiled:
    keywords: re.Pattern[str] | None
    groups: dict[str, re.Pattern[str] | None]
    unless: re.Pattern[str] | None


_COMPILED: dict[tuple[object, ...], _Compiled] = {}
_LOCK = threading.Lock()
# a sentence ends at . ! ? or … before a capital letter (not "Art. 15", "z. B. die"),
# or at a blank line; single line breaks are usually the mail client's wrapping
_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”)]*\s+")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'"})


def _rule_key(rule: RouteRule) -> tuple[object, ...]:
    return (
        tuple(rule.keywords),
        tuple((name, tuple(cues)) for name, cues in rule.groups.items()),
        tuple(rule.unless),
    )


def _compiled(rule: RouteRule) -> _Compiled:
    key = _rule_key(rule)
    with _LOCK:
        found = _COMPILED.get(key)
        if found is None:
            found = _Compiled(
                keywords=keyword_pattern(_normal_cues(rule.keywords)),
                groups={g: keyword_pattern(_normal_cues(c)) for g, c in rule.groups.items()},
                unless=keyword_pattern(_normal_cues(rule.unless)),
            )
            _COMPILED[key] = found
        return found


def _normal_cues(cues: Iterable[str]) -> list[str]:
    return [_normal(c) for c in cues]


def _normal(text: str) -> str:
    """Lower case, NFC, straight apostrophes, single spaces (wrapped lines rejoined)."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).lower()
    return _SPACES.sub(" ", text).strip()


def sentences(text: str) -> list[str]:
    """The text's sentences, normalised; what a rule's cues must share."""
    found: list[str] = []
    for paragraph in _PARAGRAPH.split(text):
        start = 0
        for end in _SENTENCE_END.finditer(paragraph):
            following = paragraph[end.end() : end.end() + 1]
            if following.isupper() or following in ("¿", "¡"):
                found.append(paragraph[start : end.end()])
                start = end.end()
        found.append(paragraph[start:])
    return [s for s in map(_normal, found) if s]


def _hits(pattern: re.Pattern[str] | None, text: str) -> set[str]:
    if pattern is None or not text:
        return set()
    return {m.group(0).strip() for m in pattern.finditer(text)}


def _match(rule: RouteRule, subject: str, parts: list[str]) -> tuple[str, ...] | None:
    compiled = _compiled(rule)
    if compiled.unless is not None:
        subject = "" if compiled.unless.search(subject) else subject
        parts = [p for p in parts if not compiled.unless.search(p)]
    subject_groups = {g: _hits(p, subject) for g, p in compiled.groups.items()}
    for part in [subject, *parts]:
        found = _hits(compiled.keywords, part)
        if found:
            return tuple(sorted(found))
        if not rule.all_of:
            continue
        groups = {g: subject_groups[g] | _hits(p, part) for g, p in compiled.groups.items()}
        for combination in rule.all_of:
            if all(groups[g] for g in combination):
                return tuple(sorted({cue for g in combination for cue in groups[g]}))
    return None


def needs_person(text: str, subject: str, taxonomy: Taxonomy) -> Route | None:
    """The first rule of the taxonomy that matches a sentence of the text (or the subject)."""
    parts = sentences(text)
    normal_subject = _normal(subject)
    for rule in taxonomy.needs_person:
        found = _match(rule, normal_subject, parts)
        if found:
            return Route(rule.name, rule.reason, rule.priority, found)
    return None
