"""PII redaction before text leaves for an LLM, and restoration in the answer.

Placeholders look like ``[EMAIL_1]``; the same value always gets the same placeholder.
Card numbers must pass the Luhn check and IBANs their mod-97 checksum, so order numbers
and dates stay readable.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from triage.bounds import cap_subject


@dataclass
class Redacted:
    text: str
    mapping: dict[str, str] = field(default_factory=dict)  # placeholder -> original


_EMAIL = re.compile(r"\b[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b")
_CARD = re.compile(r"\b\d(?:[ -]?\d){12,18}\b")
# Swedish personnummer: (YY)YYMMDD[-+]NNNN, checked with Luhn over the last 10 digits
_PERSONNUMMER = re.compile(r"\b(?:19|20)?\d{6}[-+ ]?\d{4}\b")
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d ()/.-]{6,17}\d(?!\w)")
PHONE_MIN_DIGITS = 8


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def iban_ok(candidate: str) -> bool:
    compact = candidate.replace(" ", "")
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    try:
        number = int("".join(str(int(ch, 36)) for ch in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


def _personnummer_ok(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    ten = digits[-10:]
    try:
        month, day = int(ten[2:4]), int(ten[4:6])
        date(2000, month, day if day <= 31 else day - 60)  # samordningsnummer: day + 60
    except ValueError:
        return False
    return luhn_ok(ten)


def _phone_ok(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if not PHONE_MIN_DIGITS <= len(digits) <= 15:
        return False
    # dates like 2025-03-01 or 01.03.2025 are not phone numbers
    if re.fullmatch(r"\d{4}[-./]\d{2}[-./]\d{2}|\d{2}[-./]\d{2}[-./]\d{4}", candidate):
        return False
    # international (+46, 0046) or national trunk prefix (070...), or a long grouped number;
    # a bare run of digits is more likely an order number, which drafts need to see
    if candidate.startswith(("+", "0")):
        return True
    return len(digits) >= 10 and bool(re.search(r"[ ()/.-]", candidate))


_RULES: tuple[tuple[str, re.Pattern[str], Callable[[str], bool]], ...] = (
    ("EMAIL", _EMAIL, lambda _: True),
    ("IBAN", _IBAN, iban_ok),
    ("CARD", _CARD, lambda s: luhn_ok(re.sub(r"\D", "", s))),
    ("PERSONNUMMER", _PERSONNUMMER, _personnummer_ok),
    ("PHONE", _PHONE, _phone_ok),
)


def redact(text: str) -> Redacted:
    """Replace emails, IBANs, card numbers, Swedish personal numbers and phone numbers."""
    mapping: dict[str, str] = {}
    by_value: dict[str, str] = {}
    counters: dict[str, int] = {}

    for kind, pattern, valid in _RULES:

        def replace(
            match: re.Match[str], kind: str = kind, valid: Callable[[str], bool] = valid
        ) -> str:
            value = match.group(0)
            if value.startswith("[") or not valid(value):
                return value
            if value not in by_value:
                counters[kind] = counters.get(kind, 0) + 1
                placeholder = f"[{kind}_{counters[kind]}]"
                by_value[value] = placeholder
                mapping[placeholder] = value
            return by_value[value]

        text = pattern.sub(replace, text)
    return Redacted(text=text, mapping=mapping)


def redact_subject(subject: str) -> Redacted:
    """The subject cut to one bounded line (triage.bounds.SUBJECT_MAX_CHARS), then redacted
    like the body: an IBAN in the subject must not reach the model either."""
    return redact(cap_subject(subject))


def restore(text: str, mapping: dict[str, str]) -> str:
    """Put the originals back (longest placeholders first, so [EMAIL_1] never eats [EMAIL_10])."""
    for placeholder in sorted(mapping, key=len, reverse=True):
        text = text.replace(placeholder, mapping[placeholder])
    return text
