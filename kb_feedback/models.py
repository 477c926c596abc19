"""What the knowledge-base feedback stores: suggestion groups (scrubbed questions and the
agents' answers to one gap) and fact edits (a fact agents changed in a draft citing an
article). No customer text is stored unscrubbed; no message id either (a hash of it)."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

SuggestionStatus = Literal["open", "accepted", "rejected"]
MAX_EXAMPLES = 8  # questions and answers kept per group (the count goes on)
MAX_MEMBERS = 400  # member keys kept for idempotency (oldest dropped)
MAX_EXAMPLE_CHARS = 1200


_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|hej|hallo|hallå|guten tag|bonjour|hola|ciao|hei)\b[^.!?,]{0,40}[,!]\s*",
    re.IGNORECASE,
)


def question_line(text: str) -> str:
    """The question itself out of a customer's text: its first sentence ending in "?" (else
    its first sentence), on one line."""
    flat = _GREETING.sub("", " ".join(text.split()))
    sentences = re.split(r"(?<=[.!?])\s+", flat)
    asked = next((s for s in sentences if s.endswith("?")), sentences[0] if sentences else "")
    return asked[:1].upper() + asked[1:]


def member_key(message_id: str) -> str:
    """The stored stand-in for an email's id: enough to recognise a repeat, nothing to
    look the customer up by."""
    return hashlib.sha256(f"kb-feedback:{message_id}".encode()).hexdigest()[:20]


class Example(BaseModel):
    key: str
    question: str
    answer: str
    language: str
    at: datetime


class Contradiction(BaseModel):
    article: str
    article_says: str
    agents_say: str


class SuggestionGroup(BaseModel):
    group_id: str
    status: SuggestionStatus = "open"
    count: int = 0
    languages: dict[str, int] = Field(default_factory=dict)
    first_at: datetime | None = None
    last_at: datetime | None = None
    examples: list[Example] = Field(default_factory=list)
    members: list[str] = Field(default_factory=list)
    centroid: list[float] = Field(default_factory=list)
    rejected_at_count: int | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    article: str | None = None  # the document written on acceptance
    contradictions: list[Contradiction] = Field(default_factory=list)
    etag: str | None = None

    @property
    def visible(self) -> bool:
        """Open, or rejected and asked again since (a rejection hides it until it grows)."""
        if self.status == "open":
            return True
        return self.status == "rejected" and self.count > (self.rejected_at_count or 0)

    @property
    def title(self) -> str:
        line = question_line(self.examples[0].question) if self.examples else ""
        return line if len(line) <= 80 else line[:77] + "..."


class FactEdit(BaseModel):
    key: str  # member_key of the email whose draft was edited
    article: str  # the cited article the changed fact came from ("url" or title)
    kind: str
    old: str
    new: str
    old_key: str
    new_key: str
    at: datetime


class StaleAlert(BaseModel):
    article: str
    kind: str
    old: str
    new: str
    drafts: int
    last_at: datetime

    @property
    def sentence(self) -> str:
        return (
            f"agents changed {self.old} to {self.new} in {self.drafts} drafts citing {self.article}"
        )
