"""What loaders produce: a document as titled sections of plain text, with metadata."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")

    heading: str = ""  # "Parent > Child" path of headings; "" for the document's lead text
    text: str


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


class UnreadableDocument(ValueError):
    """A file that cannot be turned into text; reported and skipped, never fatal."""
