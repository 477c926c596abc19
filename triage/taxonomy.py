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
    priority such an email gets."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    reason: str
    priority: Literal["urgent", "high", "normal", "low"] = "normal"
    keywords: list[str] = Field(min_length=1)  # lowercase phrases or stems, any language


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
