"""The facts of a text an agent may correct (prices, periods, other figures, links) and what
changed between our draft and the reply the agent sent.

A change is a fact of the draft missing from the reply paired, in order, with a fact of the
same kind the reply has and the draft had not: "299 SEK" -> "349 SEK". A fact only removed
or only added is no change (the agent shortened or added something); kinds are never mixed.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

FactKind = Literal["price", "period", "url", "number"]

_NUMBER = r"\d{1,3}(?:[ ,.\u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_RANGE = rf"(?:{_NUMBER})(?:[ \t]*[-–][ \t]*(?:{_NUMBER}))?"
_CURRENCY = r"sek|kr|kronor|nok|dkk|eur|euro|€|usd|\$|gbp|£|chf|pln|zł"
_PERIOD_UNITS = (
    r"working days|business days|days?|weeks?|months?|years?|hours?|minutes?"
    r"|arbetsdagar|vardagar|dagar|dag|veckor|vecka|månader|månad|år|timmar|timme|minuter"
    r"|werktage|werktagen|tage|tagen|tag|wochen|woche|monate|monaten|monat|jahre|jahren|jahr"
    r"|stunden|stunde|minuten|virkedager|dager|uker|måneder|timer|hverdage|dage|uger"
    r"|jours?|semaines?|mois|ans?|heures?|días?|semanas?|meses|años?|horas?"
)
_URL = re.compile(r"https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")
_PRICE = re.compile(
    rf"(?i)(?:(?P<pre>{_CURRENCY})[ \t]?(?P<a>{_RANGE}))"
    rf"|(?:(?P<b>{_RANGE})[ \t]?(?P<post>{_CURRENCY})(?!\w))"
)
_PERIOD = re.compile(rf"(?i)(?P<n>{_RANGE})[ \t]*(?P<unit>{_PERIOD_UNITS})\b")
_FIGURE = re.compile(rf"(?<![\w\[])(?P<n>{_RANGE})(?:[ \t]?%)?(?![\w\]])")
_CURRENCY_NAMES = {
    "kr": "SEK",
    "kronor": "SEK",
    "€": "EUR",
    "euro": "EUR",
    "$": "USD",
    "£": "GBP",
    "zł": "PLN",
}


class Fact(BaseModel):
    kind: FactKind
    text: str  # as written: "299 SEK", "3-5 working days", "https://..."
    key: str  # normalised for comparison: "price:299:SEK"
    start: int  # offset in the text it came from


class FactChange(BaseModel):
    kind: FactKind
    old: str
    new: str
    old_start: int  # where the old fact is in the draft (for the citation that backs it)


def _digits(number: str) -> str:
    """'5,000' and '5 000' are 5000; a decimal part stays ('2.5')."""
    compact = re.sub(r"[ \u00a0]", "", number.strip())
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", compact):
        return re.sub(r"[,.]", "", compact)
    return compact.replace(",", ".")


def _range_key(value: str) -> str:
    return "-".join(_digits(p) for p in re.split(r"[ \t]*[-–][ \t]*", value.strip()))


def _unit(word: str) -> str:
    lowered = word.casefold()
    return _CURRENCY_NAMES.get(lowered, lowered.upper())


def facts(text: str) -> list[Fact]:
    """The facts in `text`, in order; a figure inside a price, a period or a link is not
    counted again as a bare number."""
    found: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for match in _URL.finditer(text):
        url = match.group(0)
        found.append(Fact(kind="url", text=url, key=f"url:{url.rstrip('/')}", start=match.start()))
        taken.append(match.span())
    for match in _PRICE.finditer(text):
        if not free(*match.span()):
            continue
        number = match.group("a") or match.group("b")
        unit = _unit(match.group("pre") or match.group("post"))
        key = f"price:{_range_key(number)}:{unit}"
        found.append(Fact(kind="price", text=match.group(0), key=key, start=match.start()))
        taken.append(match.span())
    for match in _PERIOD.finditer(text):
        if not free(*match.span()):
            continue
        unit = match.group("unit").casefold()
        key = f"period:{_range_key(match.group('n'))}:{unit}"
        found.append(Fact(kind="period", text=match.group(0), key=key, start=match.start()))
        taken.append(match.span())
    for match in _FIGURE.finditer(text):
        if not free(*match.span()):
            continue
        key = f"number:{_range_key(match.group('n'))}{'%' if match.group(0).endswith('%') else ''}"
        found.append(Fact(kind="number", text=match.group(0), key=key, start=match.start()))
    return sorted(found, key=lambda f: f.start)


def changes(draft: str, reply: str) -> list[FactChange]:
    """The facts of `draft` the agent replaced in `reply`, paired by kind in order."""
    draft_facts, reply_facts = facts(draft), facts(reply)
    in_reply = {f.key for f in reply_facts}
    in_draft = {f.key for f in draft_facts}
    removed = [f for f in draft_facts if f.key not in in_reply]
    added = [f for f in reply_facts if f.key not in in_draft]
    found: list[FactChange] = []
    for kind in ("price", "period", "url", "number"):
        olds = _unique([f for f in removed if f.kind == kind])
        news = _unique([f for f in added if f.kind == kind])
        for old, new in zip(olds, news, strict=False):
            found.append(FactChange(kind=kind, old=old.text, new=new.text, old_start=old.start))
    return found


def _unique(items: list[Fact]) -> list[Fact]:
    seen: set[str] = set()
    kept = []
    for item in items:
        if item.key not in seen:
            seen.add(item.key)
            kept.append(item)
    return kept


def normalised(fact_text: str) -> str:
    """The comparison key of one fact's text (the same change written '5,000 kr' or
    '5000 SEK' counts once)."""
    found = facts(fact_text)
    return found[0].key if found else fact_text.strip().casefold()


def contradictions(answer: str, article: str) -> list[FactChange]:
    """Facts of a suggested answer that differ from the article's facts of the same kind and
    unit: the article says 299 SEK where the agents say 349 SEK. Prices and periods only
    (bare figures and links differ for too many innocent reasons)."""
    article_facts = [f for f in facts(article) if f.kind in ("price", "period")]
    answer_facts = [f for f in facts(answer) if f.kind in ("price", "period")]
    article_keys = {f.key for f in article_facts}
    found: list[FactChange] = []
    for fact in answer_facts:
        if fact.key in article_keys:
            continue
        unit = fact.key.rsplit(":", 1)[-1]
        same_unit = [f for f in article_facts if f.kind == fact.kind and f.key.endswith(f":{unit}")]
        if len(same_unit) == 1:  # one figure of that unit in the article: it is the one
            found.append(
                FactChange(kind=fact.kind, old=same_unit[0].text, new=fact.text, old_start=0)
            )
    return found
