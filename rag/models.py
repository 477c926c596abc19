"""Pydantic models at the knowledge-base boundary: passages, draft requests and replies."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Passage(BaseModel):
    """One retrieved chunk with its provenance and scores."""

    model_config = ConfigDict(extra="forbid")

    chunk_id: str
    doc_id: str
    title: str
    source: str  # path relative to the ingested folder, or a URL
    url: str | None = None
    section: str = ""
    language: str = "und"
    text: str
    score: float = 0.0  # the score of the mode used (RRF score in hybrid mode)
    dense_score: float | None = None
    sparse_score: float | None = None


class Evidence(BaseModel):
    """A passage sentence chosen as the answer to one of the customer's questions."""

    model_config = ConfigDict(extra="forbid")

    number: int = Field(ge=1)  # 1-based index into DraftRequest.passages
    sentence: str
    question: int = Field(0, ge=0)  # index into DraftRequest.questions


class DraftRequest(BaseModel):
    """What a drafter gets: the cleaned customer text and the passages to answer from.

    ``questions`` are the customer's questions the knowledge base answers (the shared
    answerability decision), ``unanswered`` those it does not: the draft says so.
    ``evidence`` are the sentences chosen per question (the extractive drafter quotes them).
    """

    model_config = ConfigDict(extra="forbid")

    message_id: str
    subject: str = ""
    question: str  # cleaned, possibly PII-redacted customer text
    language: str = "en"
    intent: str = ""
    thread_context: str = ""
    passages: list[Passage] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
    unanswered: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    screening_note: str = ""  # what the injection screens flagged, for the model (rag.screening)


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    number: int = Field(ge=1)  # 1-based index into DraftRequest.passages
    chunk_id: str


class DraftReply(BaseModel):
    """A draft for an agent to review; never sent to the customer as is."""

    model_config = ConfigDict(extra="forbid")

    body: str  # plain text: paragraphs and "- " bullets, [n] citation markers
    citations: list[Citation] = Field(default_factory=list)
    language: str
    confidence: float = Field(ge=0.0, le=1.0)
    answerable: bool
    review_reasons: list[str] = Field(default_factory=list)
    drafter: Literal["llm", "extractive"]
    model: str
    # the model's tokens and cost, billed ones of a failed call included (a fallback draft)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    fallback_reason: str = ""  # "kind: reason" when the LLM failed and the fallback wrote it


class FileNote(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    reason: str


class BoilerplateNote(BaseModel):
    """A boilerplate line removed before chunking, and from how many files."""

    model_config = ConfigDict(extra="forbid")

    line: str  # the short line itself (never an article body)
    kind: str  # feedback, legal, related, contact, navigation, updated, cookies, repeated
    files: int


class IngestReport(BaseModel):
    """What one ingestion run changed, per document path."""

    model_config = ConfigDict(extra="forbid")

    added: list[FileNote] = Field(default_factory=list)
    updated: list[FileNote] = Field(default_factory=list)
    removed: list[FileNote] = Field(default_factory=list)
    skipped: list[FileNote] = Field(default_factory=list)
    boilerplate: list[BoilerplateNote] = Field(default_factory=list)  # most files first
    short_sections: list[FileNote] = Field(default_factory=list)  # merged or dropped
    chunks: int = 0  # chunks written (embedded) in this run
    seconds: float = 0.0


RetrievalMode = Literal["hybrid", "dense", "sparse"]
