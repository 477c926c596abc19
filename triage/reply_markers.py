"""The per-language words of reply_markers.json, indexed for constant-time lookups.

Everything here is data: attribution intros and verbs ("On ... wrote:", "Am ... schrieb"),
Outlook header-block labels by role, separator lines, device lines, sign-offs. The quote and
signature splitters only ask questions of this index, so a new language is a JSON edit.
Regexes built here are alternations of escaped literals with no nested quantifiers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

DATA_FILE = Path(__file__).with_name("reply_markers.json")
_SPACES = re.compile(r"\s+")


class LanguageMarkers(BaseModel):
    intro: list[str] = Field(default_factory=list)
    wrote: list[str] = Field(default_factory=list)
    fields: dict[str, list[str]] = Field(default_factory=dict)
    separators: list[str] = Field(default_factory=list)
    forward_separators: list[str] = Field(default_factory=list)
    device: list[str] = Field(default_factory=list)
    valedictions: list[str] = Field(default_factory=list)
    weekdays: list[str] = Field(default_factory=list)
    possessives: list[str] = Field(default_factory=list)
    answer_words: list[str] = Field(default_factory=list)


class MarkerFile(BaseModel):
    languages: dict[str, LanguageMarkers]
    devices: list[str] = Field(default_factory=list)
    list_footer: list[str] = Field(default_factory=list)


def squash(text: str) -> str:
    """Lower case, single spaces: the form every lookup key is stored in."""
    return _SPACES.sub(" ", text).strip().lower()


def _alternation(phrases: set[str]) -> str:
    # longest first so "a écrit" wins over "écrit"; each phrase is a literal
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@dataclass(frozen=True)
class Markers:
    intro_by_first_word: dict[str, tuple[str, ...]]
    weekdays: frozenset[str]
    wrote_by_last_word: dict[str, tuple[str, ...]]
    wrote_anywhere: re.Pattern[str]
    field_roles: dict[str, str]
    separators: frozenset[str]
    forward_separators: frozenset[str]
    device_start: re.Pattern[str]
    devices: frozenset[str]
    possessives: frozenset[str]
    valedictions: frozenset[str]
    valediction_first_words: frozenset[str]
    answer_words: frozenset[str]
    list_footer: tuple[str, ...]


@lru_cache(maxsize=1)
def markers() -> Markers:
    data = MarkerFile.model_validate(json.loads(DATA_FILE.read_text(encoding="utf-8")))
    intro: dict[str, set[str]] = {}
    wrote_last: dict[str, set[str]] = {}
    wrote_all: set[str] = set()
    roles: dict[str, str] = {}
    separators: set[str] = set()
    forwards: set[str] = set()
    device: set[str] = set()
    valedictions: set[str] = set()
    weekdays: set[str] = set()
    possessives: set[str] = set()
    answers: set[str] = set()
    for lang in data.languages.values():
        for phrase in map(squash, lang.intro):
            intro.setdefault(phrase.split(" ")[0], set()).add(phrase)
        for phrase in map(squash, lang.wrote):
            wrote_all.add(phrase)
            wrote_last.setdefault(phrase.split(" ")[-1], set()).add(phrase)
        for role, labels in lang.fields.items():
            for label in labels:
                roles.setdefault(squash(label), role)
        separators.update(map(squash, lang.separators))
        forwards.update(map(squash, lang.forward_separators))
        device.update(map(squash, lang.device))
        valedictions.update(map(squash, lang.valedictions))
        weekdays.update(map(squash, lang.weekdays))
        possessives.update(map(squash, lang.possessives))
        answers.update(map(squash, lang.answer_words))
    return Markers(
        intro_by_first_word={k: tuple(sorted(v, key=len, reverse=True)) for k, v in intro.items()},
        weekdays=frozenset(weekdays),
        wrote_by_last_word={
            k: tuple(sorted(v, key=len, reverse=True)) for k, v in wrote_last.items()
        },
        wrote_anywhere=re.compile(rf"(?<!\w)(?:{_alternation(wrote_all)})(?!\w)", re.IGNORECASE),
        field_roles=roles,
        separators=frozenset(separators | forwards),
        forward_separators=frozenset(forwards),
        device_start=re.compile(rf"(?:{_alternation(device)})(?!\w)", re.IGNORECASE),
        devices=frozenset(squash(d) for d in data.devices),
        possessives=frozenset(possessives),
        valedictions=frozenset(valedictions),
        # stored as the sign-off check reads a line's first word: "Yst. terv." -> "yst"
        valediction_first_words=frozenset(v.split(" ")[0].strip(",.!:;") for v in valedictions),
        answer_words=frozenset(answers),
        list_footer=tuple(squash(p) for p in data.list_footer),
    )
