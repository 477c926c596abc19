"""What loaders produce: a document as titled sections of plain text, with metadata."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")

    heading: str = ""  # "Parent > Child" path of headings; "" for the document's lead text
    text: str
    language: str | None = None  # a reply language, when the source or detection says so
    faq_row: bool = False  # a question (heading) and its answer: stands alone however short


class Removal(BaseModel):
    """A boilerplate line taken out of a document before chunking (for the ingest report)."""

    model_config = ConfigDict(extra="forbid")

    kind: str  # feedback, legal, related, contact, navigation, updated, cookies, repeated
    # or page (a PDF's running head or foot)
    line: str  # as shown in the report: link targets dropped, at most ~80 characters
    key: str  # the normalised line, the same in every document


class LoadedDocument(BaseModel):
    """One source file (or zip member) turned into sections; the unit of incremental ingest."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str  # path relative to the ingested folder or zip, POSIX style
    content_hash: str
    title: str
    source: str
    url: str | None = None
    language: str | None = None  # from metadata; detected per chunk when unset
    category: str = ""
    updated_at: str = ""
    sections: list[Section] = Field(default_factory=list)
    removed: list[Removal] = Field(default_factory=list)  # boilerplate taken out
    short_sections: list[str] = Field(default_factory=list)  # what happened to short ones


class UnreadableDocument(ValueError):
    """A file that cannot be turned into text; reported and skipped, never fatal."""
