"""Boundary models of triage: one email in, one TriageResult out."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from core.llm.usage import Usage
from triage.taxonomy import Taxonomy, default_taxonomy, load_taxonomy

if TYPE_CHECKING:
    from core.settings import Settings

Direction = Literal["INCOMING", "OUTGOING"]
Priority = Literal["urgent", "high", "normal", "low"]
Sentiment = Literal["negative", "neutral", "positive"]


class EmailMessage(BaseModel):
    """One email, from a .eml file or HubSpot's Conversations API."""

    model_config = ConfigDict(extra="forbid")

    message_id: str
    thread_id: str = ""
    subject: str = ""
    text: str = ""
    html: str | None = None
    sender_email: str = ""
    sender_name: str = ""
    recipients: list[str] = Field(default_factory=list)
    received_at: datetime | None = None
    direction: Direction = "INCOMING"
    from_agent: bool = False
    headers: dict[str, str] = Field(default_factory=dict)  # from .eml; empty from HubSpot
    attachment_count: int = 0


class ThreadContext(BaseModel):
    """The whole thread, oldest first, customer and agent emails."""

    model_config = ConfigDict(extra="forbid")

    thread_id: str = ""
    hubspot_spam_flag: bool = False
    messages: list[EmailMessage] = Field(default_factory=list)


class TriageConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    team_addresses: list[str] = Field(default_factory=list)  # addresses or "@domain"
    max_email_tokens: int = Field(2000, ge=100)
    pii_redaction: bool = True
    taxonomy: Taxonomy = Field(default_factory=default_taxonomy)

    @classmethod
    def from_settings(cls, settings: Settings) -> TriageConfig:
        return cls(
            team_addresses=list(settings.team_addresses),
            max_email_tokens=settings.max_email_tokens,
            pii_redaction=settings.pii_redaction,
            taxonomy=load_taxonomy(settings.triage_taxonomy_file),
        )


class SkipReason(StrEnum):
    auto_reply = "auto_reply"
    out_of_office = "out_of_office"
    bounce = "bounce"
    newsletter = "newsletter"
    no_reply_sender = "no_reply_sender"
    from_team = "from_team"
    spam_flagged = "spam_flagged"
    spam_content = "spam_content"
    agent_already_replied = "agent_already_replied"
    empty = "empty"


class Classification(BaseModel):
    """What a classifier says about the customer's text."""

    model_config = ConfigDict(extra="forbid")

    intent: str
    intent_confidence: float = Field(ge=0.0, le=1.0)
    priority: Priority = "normal"
    priority_signals: list[str] = Field(default_factory=list)
    sentiment: Sentiment = "neutral"
    summary: str = ""
    usage: Usage | None = None  # the LLM classifier's billed calls


class TriageResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message_id: str
    should_answer: bool
    skip_reason: SkipReason | None = None
    skip_detail: str = ""
    language: str = "en"  # ISO 639-1
    language_confidence: float = 0.0
    language_source: Literal["message", "thread", "default"] = "default"
    intent: str = "other"
    intent_confidence: float = 0.0
    priority: Priority = "normal"
    priority_signals: list[str] = Field(default_factory=list)
    sentiment: Sentiment = "neutral"
    summary: str = ""  # one line, no PII
    injection_flags: list[str] = Field(default_factory=list)
    needs_person: str = ""  # a taxonomy needs_person rule's name: no knowledge-base answer
    needs_person_reason: str = ""  # why, for the agent (from the taxonomy, no email text)
    confidence: float = 0.0  # overall; lowered by injection flags
    classifier: Literal["llm", "offline"] = "offline"
    # the LLM classifier's billed tokens and cost, a failed call's included (then the
    # offline rules classified and a note says why)
    classifier_usage: Usage | None = None
    cleaned_text: str = ""  # the customer's new text only
    quoted_context: str = ""
    truncated: bool = False
    token_count: int = 0
    query_text: str = ""  # cleaned, truncated, PII-redacted when enabled
    pii_map: dict[str, str] = Field(default_factory=dict)  # placeholder -> original
    notes: list[str] = Field(default_factory=list)
