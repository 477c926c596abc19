"""Intent categories the classifiers choose from, and the kinds of email that need a person
(no knowledge-base answer), loaded from one JSON (or YAML) file a team can change."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

DEFAULT_TAXONOMY_PATH = Path(__file__).with_name("default_taxonomy.json")
FALLBACK_INTENT = "other"


class TaxonomyError(ValueError):
    """The taxonomy file is missing, unreadable or invalid; the message names the file."""


class Category(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str
    keywords: list[str] = Field(default_factory=list)  # lowercase stems, any language
    examples: list[str] = Field(default_factory=list)  # short customer phrases, any language


class RouteRule(BaseModel):
    """A kind of email that must go to a person (legal threat, press, ...), never get a
    knowledge-base answer. ``reason`` is what the agent reads; ``priority`` is the least
    priority such an email gets.

    A rule matches within one sentence of the new text (the subject counts as part of every
    sentence): any one of ``keywords``, or every group named in one entry of ``all_of``
    (``groups`` holds the named cue lists: "a data-protection term AND a request verb").
    A sentence holding one of ``unless`` is left out for this rule (the route word used in
    another sense: "our project manager", "we are hiring").
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    reason: str
    priority: Literal["urgent", "high", "normal", "low"] = "normal"
    keywords: list[str] = Field(default_factory=list)  # lowercase phrases or stems, any language
    groups: dict[str, list[str]] = Field(default_factory=dict)  # name -> cues, as keywords
    all_of: list[list[str]] = Field(default_factory=list)  # each: group names, all in a sentence
    unless: list[str] = Field(default_factory=list)  # cues that take a sentence out

    @model_validator(mode="after")
    def _groups_are_named_and_used(self) -> RouteRule:
        if not self.keywords and not self.all_of:
            raise ValueError(f"rule {self.name}: needs keywords or all_of")
        for combination in self.all_of:
            if not combination:
                raise ValueError(f"rule {self.name}: an all_of entry names no group")
            unknown = [g for g in combination if g not in self.groups]
            if unknown:
                raise ValueError(f"rule {self.name}: all_of names unknown groups {unknown}")
        used = {g for combination in self.all_of for g in combination}
        for group, cues in self.groups.items():
            if group not in used:
                raise ValueError(f"rule {self.name}: group {group} is not used in all_of")
            if not any(c.strip() for c in cues):
                raise ValueError(f"rule {self.name}: group {group} is empty")
        return self


class Taxonomy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    categories: list[Category]
    needs_person: list[RouteRule] = Field(default_factory=list)  # checked in this order

    @model_validator(mode="after")
    def _unique_and_has_other(self) -> Taxonomy:
        names = [c.name for c in self.categories]
        if len(names) != len(set(names)):
            raise ValueError("category names must be unique")
        if FALLBACK_INTENT not in names:
            raise ValueError(f"the taxonomy needs a '{FALLBACK_INTENT}' category")
        return self

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.categories]

    def get(self, name: str) -> Category | None:
        return next((c for c in self.categories if c.name == name), None)


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read a taxonomy file (JSON, or YAML when PyYAML is installed); None = the bundled one."""
    if path is None:
        return default_taxonomy()
    return _load(Path(path))


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    return _load(DEFAULT_TAXONOMY_PATH)


def _load(path: Path) -> Taxonomy:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TaxonomyError(f"taxonomy file {path}: cannot read ({exc.strerror})") from None
    try:
        if path.suffix.lower() in {".yaml", ".yml"}:
            import yaml  # type: ignore[import-untyped]  # optional dependency

            data = yaml.safe_load(raw)
        else:
            data = json.loads(raw)
        return Taxonomy.model_validate(data)
    except ImportError:
        raise TaxonomyError(f"taxonomy file {path}: YAML needs PyYAML; use JSON") from None
    except (ValueError, ValidationError) as exc:
        raise TaxonomyError(f"taxonomy file {path}: invalid: {exc}") from None
