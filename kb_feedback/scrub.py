"""Remove every personal detail from a question or an answer before it is stored.

Stricter than triage.pii (which keeps order numbers readable for the drafter and restores
its placeholders in the answer): here nothing is restored, so every kind becomes a generic
placeholder with no mapping kept: emails, IBANs, card and personal numbers, phone numbers
(triage.pii), and also names (the thread's senders, a greeting's or an introduction's name),
street addresses and postcodes, order, customer, account and invoice numbers, and any long
run of digits or code mixing letters and digits. Prices, periods and short figures stay:
they are the answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from triage.pii import redact

_UNITS_AHEAD = r"(?i:sek|kr|nok|dkk|eur|usd|gbp|chf|pln)\b"
_PLACEHOLDER = re.compile(r"\[([A-Z]+)_\d+\]")
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_WORD = rf"[{_UPPER}][\w'’-]+"
_NAME_RUN = rf"{_WORD}(?:[ \t]+{_WORD}){{0,2}}"
_GREETING = re.compile(
    rf"(?im)^\s*(?:hi|hello|hey|dear|hej|hallo|hallå|moin|liebe[rs]?|sehr geehrte[rs]?"
    rf"|bonjour|hola|ciao|hei|moi|tere|cześć|dzień dobry)\b[ \t]+(?:(?:herr|frau|mr\.?|ms\.?"
    rf"|mrs\.?)[ \t]+)?{_NAME_RUN}"
)
_INTRO = re.compile(
    rf"(?i:\b(?:my name is|i am|i'm|this is|jag heter|mitt namn är|ich heiße|ich bin|mein name "
    rf"ist|je m'appelle|me llamo|mi chiamo|jeg heter|nimeni on))[ \t]+{_NAME_RUN}"
)
# a name after a relation or a title: "my husband Lars", "min fru Eva", "Herr Müller"
_RELATION = re.compile(
    rf"(?i:\b(?:my|min|mitt|mina|meine?[mnr]?|mon|ma|mi|mijn)[ \t]+(?:wife|husband|partner|son"
    rf"|daughter|colleague|friend|neighbour|neighbor|mother|father|fru|man|sambo|son|dotter"
    rf"|kollega|vän|granne|mamma|pappa|frau|mann|sohn|tochter|kollege|kollegin|freund|freundin"
    rf"|femme|mari|fils|fille|esposa|esposo|hijo|hija|vrouw|zoon|dochter))[ \t]+{_NAME_RUN}"
    rf"|(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Herr|Frau|Fru|Monsieur|Madame|Señor|Señora|Sig)\.?[ \t]+)+"
    rf"{_NAME_RUN}"
)
_STREET = re.compile(
    rf"(?i:\b[\wäöüåæøß.-]*(?:gatan|gata|vägen|väg|gränd|torget|allén|straße|strasse|str\.|weg"
    rf"|platz|gasse|vej|veien|gate|katu|tie|street|st\.|road|rd\.|avenue|ave\.?|lane|drive"
    rf"|rue|calle|via)\b)[ \t]*\d{{1,4}}[ \t]?[A-Za-z]?\b"
    rf"|\b\d{{1,4}}[ \t]+{_WORD}[ \t]+(?i:street|road|avenue|lane|drive|way)\b"
)
# Postcodes followed by a place name: SE "123 45 Stad", DE/FR/ES "12345 Stadt", NO/DK "1234 By"
_POSTCODE = re.compile(rf"\b(?:\d{{3}}[ \t]?\d{{2}}|\d{{4,5}})[ \t]+(?!{_UNITS_AHEAD}){_WORD}")
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b")
_REFERENCE = re.compile(
    r"(?i:\b(?:order|ordernummer|ordernr|order no|bestellung|bestellnummer|bestell-nr"
    r"|account|konto|kontonummer|kundnummer|kundennummer|customer|kundnr|invoice|faktura"
    r"|rechnung|case|ärende|ticket|reference|referens|ref|commande|pedido|tilaus)"
    r"\b\.?(?:[ \t]*(?:number|nummer|no\.?|nr\.?|id|#))?[ \t]*[:#]?[ \t]*)"
    r"#?[A-Za-z]{0,4}[-/]?\d[\w/-]*"
)
_CODE = re.compile(
    r"(?<![\w\[])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b"
    r"|(?<![\w\[])[A-Z]{1,4}\d{4,}\b|#\d{3,}\b"
)
_UNITS = (
    r"(?:sek|kr|nok|dkk|eur|€|usd|\$|gbp|£|chf|pln|zł|km|kg|w|wh|v|%|days?|dagar|tage"
    r"|hours?|timmar|stunden|minutes?|minuter|weeks?|veckor|wochen|months?|månader|monate"
    r"|years?|år|jahre)\b"
)
_URL = re.compile(r"https?://[^\s<>()\[\]]+")
_LONG_NUMBER = re.compile(rf"(?<![\w\[])\d{{5,}}\b(?![ \t]*{_UNITS})", re.IGNORECASE)


def _names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    parts = sorted(
        {p for n in names for p in re.split(r"[\s,]+", (n or "").split("@")[0]) if len(p) >= 3},
        key=len,
        reverse=True,
    )
    if not parts:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in parts) + r")\b", re.IGNORECASE)


def scrub(text: str, known_names: Iterable[str] = ()) -> str:
    """The text with every personal detail replaced by [EMAIL], [PHONE], [IBAN], [NAME],
    [ADDRESS], [REFERENCE]...; no mapping is kept. Links keep their address without the
    query string (a tracking link's order id), and long numbers in them go too."""
    names = _names_pattern(known_names)
    parts: list[str] = []
    last = 0
    for link in _URL.finditer(text):
        parts.append(_scrub_prose(text[last : link.start()], names))
        url = link.group(0).split("?", 1)[0].split("#", 1)[0]
        parts.append(_LONG_NUMBER.sub("[NUMBER]", url))
        last = link.end()
    parts.append(_scrub_prose(text[last:], names))
    return "".join(parts)


def _scrub_prose(text: str, names: re.Pattern[str] | None) -> str:
    text = _PLACEHOLDER.sub(lambda m: f"[{m.group(1)}]", redact(text).text)
    text = _REFERENCE.sub("[REFERENCE]", text)
    text = _STREET.sub("[ADDRESS]", text)
    text = _UK_POSTCODE.sub("[ADDRESS]", text)
    text = _POSTCODE.sub("[ADDRESS]", text)
    text = _CODE.sub("[REFERENCE]", text)
    text = _LONG_NUMBER.sub("[NUMBER]", text)
    text = _GREETING.sub(lambda m: m.group(0).split()[0] + " [NAME]", text)
    text = _INTRO.sub(lambda m: _intro_head(m.group(0)) + " [NAME]", text)
    text = _RELATION.sub(_relation_head, text)
    if names is not None:
        text = names.sub("[NAME]", text)
    return re.sub(r"\[NAME\](?:[ \t]+\[NAME\])+", "[NAME]", text)


def _relation_head(match: re.Match[str]) -> str:
    """Keep the relation ("my husband"), drop the name after it."""
    words = match.group(0).split()
    keep = 2 if words[0].casefold() in _POSSESSIVES else 1
    return " ".join(words[:keep]) + " [NAME]"


_POSSESSIVES = frozenset(
    [
        "my",
        "min",
        "mitt",
        "mina",
        "mein",
        "meine",
        "meinen",
        "meinem",
        "meiner",
        "mon",
        "ma",
        "mi",
        "mijn",
    ]
)


def _intro_head(found: str) -> str:
    lowered = found.casefold()
    for lead in ("my name is", "mein name ist", "mitt namn är", "jag heter", "ich heiße"):
        if lowered.startswith(lead):
            return found[: len(lead)]
    words = found.split()
    return " ".join(
        words[:2] if words[0].casefold() in ("i", "ich", "je", "me", "mi") else words[:1]
    )
