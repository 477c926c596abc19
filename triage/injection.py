"""Prompt-injection signals in an email body. They never block triage; they lower confidence
and tell the agent to read the draft with care."""

from __future__ import annotations

import re

from triage.bounds import INJECTION_MAX_CHARS, window

_FLAGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        (
            "ignore_instructions",
            r"\b(?:ignore|disregard|forget|override)\b[^.\n]{0,30}\b(?:all|any|previous|prior|"
            r"above|earlier|your)\b[^.\n]{0,20}\b(?:instructions?|rules|prompts?|guidelines)"
            r"|\bignorera\b[^.\n]{0,30}\b(?:alla|tidigare)\b[^.\n]{0,20}\binstruktioner"
            r"|\bignoriere?\b[^.\n]{0,30}\b(?:alle|vorherigen?|bisherigen?)\b[^.\n]{0,20}"
            r"\banweisungen"
            r"|\bignore[rz]?\b[^.\n]{0,30}\b(?:toutes|les|précédentes)\b[^.\n]{0,20}"
            r"\binstructions"
            r"|\bignora\b[^.\n]{0,30}\b(?:todas|las|anteriores)\b[^.\n]{0,20}\binstrucciones",
        ),
        (
            "system_prompt",
            r"\bsystem[- ]?(?:prompt|message|instructions?)\b|\bsystemprompt\b|"
            r"\binvite système\b|\bindicaciones del sistema\b",
        ),
        (
            "role_change",
            r"\byou are now\b|\bfrom now on,? you\b|\bact as (?:an?|the) \b|\bpretend to be\b|"
            r"\bdu är nu\b|\bdu bist jetzt\b|\btu es maintenant\b|\bahora eres\b|"
            r"\bnew instructions?\s*:",
        ),
        (
            "secret_request",
            r"\b(?:api[- ]?keys?|access tokens?|passwords?|credentials|secret keys?|"
            r"lösenord|passwort|mot de passe|contraseña)\b[^.\n]{0,40}\b(?:send|give|share|"
            r"reveal|print|show|tell|skicka|schicke|envoie|envía|dime)\b|"
            r"\b(?:send|give|share|reveal|print|show|tell me|skicka|schicke|envoie|envía)\b"
            r"[^.\n]{0,40}\b(?:api[- ]?keys?|access tokens?|passwords?|credentials|secret "
            r"keys?|env(?:ironment)? variables|lösenord|passwort|mot de passe|contraseña)\b",
        ),
        (
            "follow_link",
            r"\b(?:open|visit|follow|fetch|click|execute|run|download)\b[^.\n]{0,30}"
            r"(?:https?://|www\.)\S+[^.\n]{0,40}\b(?:and|then)\b[^.\n]{0,30}\b(?:do|follow|"
            r"execute|run)\b|\b(?:execute|run)\b[^.\n]{0,20}\b(?:this|the following)\b"
            r"[^.\n]{0,20}\b(?:code|command|script)\b|\bcurl\s+https?://|\bbash\s+-c\b",
        ),
        (
            "delimiter_spoof",
            r"</?(?:email|system|instructions?|assistant|user)>|<\|im_(?:start|end)\|>|"
            r"\[/?INST\]|^#{2,}\s*(?:system|instructions?)\b",
        ),
    )
)
CONFIDENCE_PENALTY_PER_FLAG = 0.25
MIN_CONFIDENCE_WHEN_FLAGGED = 0.05


def injection_flags(text: str) -> list[str]:
    """Names of the injection signals found in ``text`` (subject included by the caller)."""
    return screen_text(window(text, INJECTION_MAX_CHARS))


def penalise(confidence: float, flags: list[str]) -> float:
    """Overall confidence after injection flags: each flag costs a quarter."""
    if not flags:
        return confidence
    lowered = confidence * (1 - CONFIDENCE_PENALTY_PER_FLAG) ** len(flags) - 0.1
    return round(max(MIN_CONFIDENCE_WHEN_FLAGGED, lowered), 3)


def screen_text(text: str) -> list[str]:
    """Flags of one bounded piece of text (the normalising screen replaces this)."""
    return [name for name, pattern in _FLAGS if pattern.search(text)]
