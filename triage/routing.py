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
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from triage.classifier import SHORT_KEYWORD
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
                keywords=cue_pattern(_normal_cues(rule.keywords)),
                groups={g: cue_pattern(_normal_cues(c)) for g, c in rule.groups.items()},
                unless=cue_pattern(_normal_cues(rule.unless)),
            )
            _COMPILED[key] = found
        return found


def cue_pattern(cues: Iterable[str]) -> re.Pattern[str] | None:
    """The classifier's keyword rule (long cues match as word prefixes, short ones as whole
    words; the longest cue wins) as one regex over a trie of the cues: a plain alternation
    of a rule's few hundred phrases in twelve languages tries each one at every word."""
    root = _Node()
    for cue in {c.strip().lower() for c in cues if c.strip()}:
        node = root
        for char in cue:
            node = node.children.setdefault(char, _Node())
        node.end = r"\b" if len(cue) < SHORT_KEYWORD and cue[-1].isalnum() else ""
    return re.compile(r"\b" + root.regex()) if root.children else None


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    end: str | None = None  # a cue ends here; what must follow it (a word boundary or not)

    def regex(self) -> str:
        branches = [re.escape(c) + child.regex() for c, child in sorted(self.children.items())]
        if self.end is not None:  # after the longer cues: the longest one that matches wins
            branches.append(self.end)
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


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


@dataclass(frozen=True)
class _Parts:
    """The subject (part 0) and the sentences, joined by line breaks, which no cue holds:
    each pattern runs once over the whole text and its hits are filed by part."""

    joined: str
    starts: list[int]

    @classmethod
    def of(cls, parts: list[str]) -> _Parts:
        starts: list[int] = []
        position = 0
        for part in parts:
            starts.append(position)
            position += len(part) + 1
        return cls("\n".join(parts), starts)

    def hits(self, pattern: re.Pattern[str] | None) -> dict[int, set[str]]:
        found: dict[int, set[str]] = {}
        if pattern is not None:
            for m in pattern.finditer(self.joined):
                part = bisect_right(self.starts, m.start()) - 1
                found.setdefault(part, set()).add(m.group(0).strip())
        return found


def _match(rule: RouteRule, text: _Parts) -> tuple[str, ...] | None:
    """The cues of the first part (subject, then sentences) the rule matches in: its
    keywords first, then each all_of combination in order. A group is only scanned for
    while the combination it belongs to can still match."""
    compiled = _compiled(rule)
    left_out = set(text.hits(compiled.unless))
    found: list[tuple[int, int, set[str]]] = [
        (part, 0, cues)
        for part, cues in text.hits(compiled.keywords).items()
        if part not in left_out
    ]
    groups: dict[str, dict[int, set[str]]] = {}
    for order, combination in enumerate(rule.all_of, start=1):
        hits: list[dict[int, set[str]]] = []
        for group in combination:
            if group not in groups:
                every = text.hits(compiled.groups[group])
                groups[group] = {p: c for p, c in every.items() if p not in left_out}
            if not groups[group]:
                break
            hits.append(groups[group])
        else:  # every group is found somewhere; a hit in the subject (part 0) counts anywhere
            parts = [set(h) for h in hits if 0 not in h]
            shared = set.intersection(*parts) if parts else {0}
            if shared:
                part = min(shared)
                cues = set().union(*(h.get(part, set()) | h.get(0, set()) for h in hits))
                found.append((part, order, cues))
    if not found:
        return None
    return tuple(sorted(min(found, key=lambda f: (f[0], f[1]))[2]))


def needs_person(text: str, subject: str, taxonomy: Taxonomy) -> Route | None:
    """The first rule of the taxonomy that matches a sentence of the text (or the subject)."""
    parts = _Parts.of([_normal(subject), *sentences(text)])
    for rule in taxonomy.needs_person:
        found = _match(rule, parts)
        if found:
            return Route(rule.name, rule.reason, rule.priority, found)
    return None
