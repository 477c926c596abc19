"""Holding replies in the customer's language when no knowledge-base answer is drafted:
an abstention (what is missing) or a hand-over to a person. The agent reads the reason in
the comment; the body is a polite start they can send or edit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from rag.drafting.base import reply_language
from rag.drafting.phrases import PHRASES
from rag.models import DraftReply

HOLDING_MODEL = "holding-reply"


def holding_reply(
    language: str | None,
    kind: Literal["abstained", "routed"],
    reason: str,
    *,
    missing: Sequence[str] = (),
) -> DraftReply:
    code = reply_language(language)
    phrases = PHRASES[code]
    if kind == "routed":
        parts = [phrases["greeting"], phrases["handover"], phrases["closing"]]
    else:
        parts = [phrases["greeting"], phrases["abstain"]]
        if missing:
            parts.append(phrases["unanswered"] + "\n" + "\n".join(f"- {q}" for q in missing))
        parts += [phrases["ask"], phrases["closing"]]
    return DraftReply(
        body="\n\n".join(parts),
        citations=[],
        language=code,
        confidence=0.0,
        answerable=False,
        review_reasons=[reason],
        drafter="extractive",
        model=HOLDING_MODEL,
    )
