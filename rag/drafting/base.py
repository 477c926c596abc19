"""The drafter interface and the phrases both drafters share."""

from __future__ import annotations

from typing import Protocol

from core.languages import language_tag
from rag.drafting.phrases import PHRASES
from rag.models import DraftReply, DraftRequest

SUPPORTED_LANGUAGES = tuple(PHRASES)


class Drafter(Protocol):
    def draft(self, request: DraftRequest) -> DraftReply: ...


def reply_language(language: str | None) -> str:
    """The customer's language when we have phrases for it, else English."""
    code = language_tag(language)  # "nb-NO" and "nn" are Norwegian, "pt_BR" Portuguese
    return code if code in SUPPORTED_LANGUAGES else "en"
