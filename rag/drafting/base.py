"""The drafter interface and the phrases both drafters share."""

from __future__ import annotations

from typing import Protocol

from rag.models import DraftReply, DraftRequest

SUPPORTED_LANGUAGES = ("en", "sv", "de", "fr", "es")


class Drafter(Protocol):
    def draft(self, request: DraftRequest) -> DraftReply: ...


def reply_language(language: str | None) -> str:
    """The customer's language when we have phrases for it, else English."""
    code = (language or "").lower()[:2]
    return code if code in SUPPORTED_LANGUAGES else "en"
