"""Sentence splitting for knowledge-base text in the twelve reply languages.

A full stop ends a sentence unless it belongs to an abbreviation ("z. B.", "t.ex.",
"ca."), an ordinal or a date ("am 14. Oktober", "14. 10. 2026"), a list number at the start
of a line ("1. Open the app") or is followed by a lower-case word or a digit (help-centre
sentences start with a capital letter in every reply language). Decimals and dates written
without spaces ("1.5", "14.10.2026") never look like a boundary. Lines are units of their
own (headings, table rows, list items) except a line that wraps a sentence onto the next
one; a short list item is kept whole, since it usually is one answer ("Express: 1-2 days.
Costs 99 SEK.").
"""

from __future__ import annotations

import re
from functools import cache

# Abbreviations that never end a sentence: a word always follows them. Those that may end
# one ("etc.", "usw.", "m.m.", "ecc.") need no list: a lower-case word after them never
# splits, a capital letter does. Words that are also ordinary words before a full stop
# ("ok.", "mind.", "no.") are left out; a digit after them never splits anyway ("ok. 5 km").
# Danish and Norwegian (Bokmål) write the same abbreviations.
_DANISH_NORWEGIAN = (
    "f.eks.",
    "bl.a.",
    "dvs.",
    "ca.",
    "kl.",
    "evt.",
    "inkl.",
    "ekskl.",
    "pga.",
    "jf.",
    "iht.",
    "mht.",
    "tlf.",
    "nr.",
)
_NEVER_FINAL: dict[str, tuple[str, ...]] = {
    "en": (
        "e.g.",
        "i.e.",
        "approx.",
        "incl.",
        "excl.",
        "vs.",
        "cf.",
        "ref.",
        "tel.",
        "ext.",
        "dept.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "nr.",
    ),
    "sv": (
        "t.ex.",
        "bl.a.",
        "dvs.",
        "d.v.s.",
        "ca.",
        "kl.",
        "inkl.",
        "exkl.",
        "resp.",
        "fr.o.m.",
        "t.o.m.",
        "p.g.a.",
        "pga.",
        "s.k.",
        "jfr.",
        "ang.",
        "tel.",
        "nr.",
    ),
    "de": (
        "z. B.",
        "d. h.",
        "bzw.",
        "ggf.",
        "inkl.",
        "exkl.",
        "ca.",
        "evtl.",
        "vgl.",
        "zzgl.",
        "bspw.",
        "lt.",
        "v. a.",
        "u. U.",
        "i. d. R.",
        "Nr.",
        "Tel.",
        "Str.",
    ),
    "fr": ("p. ex.", "env.", "c.-à-d.", "cf.", "tél.", "n°."),
    "es": ("p. ej.", "aprox.", "Sr.", "Sra.", "Dr.", "Dra.", "núm.", "pág.", "tel."),
    "nl": (
        "bijv.",
        "o.a.",
        "d.w.z.",
        "m.b.t.",
        "i.p.v.",
        "t.a.v.",
        "incl.",
        "excl.",
        "ca.",
        "tel.",
    ),
    "it": ("ad es.", "p. es.", "pag.", "sig.", "ca.", "tel."),
    "da": _DANISH_NORWEGIAN,
    "no": _DANISH_NORWEGIAN,
    "fi": ("esim.", "ks.", "vrt.", "ns.", "puh.", "mm."),
    "pl": ("np.", "tj.", "tzn.", "m.in.", "ul.", "zob.", "godz.", "tel.", "nr."),
    "pt": ("p. ex.", "n.º", "aprox.", "Sr.", "Sra.", "Dr.", "Dra.", "tel."),
}
# Months capitalised after an ordinal date ("am 14. Oktober"): German only; the other
# reply languages write months in lower case, which never splits anyway.
_MONTHS = frozenset(
    {
        "Januar",
        "Jänner",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
        "Jan",
        "Feb",
        "Mär",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Okt",
        "Nov",
        "Dez",
    }
)
# A list item's mark: "- ", "* ", "• ", "1. ", "2) ", "a) " (shared by chunking and ingest)
LIST_ITEM = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)]|[a-z][.)])\s+")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_NEXT_WORD = re.compile(r"\s+[\"'„“«(\[]*(\w+)")
_ORDINAL = re.compile(r"(?<![\w.])\d{1,2}\.$")
LIST_ITEM_CHARS = 300  # a list item up to this long stays one unit


def abbreviations(language: str | None = None) -> tuple[str, ...]:
    """Never-final abbreviations of one reply language, or of all of them (language unknown)."""
    if language in _NEVER_FINAL:
        return _NEVER_FINAL[language]
    return tuple(dict.fromkeys(a for group in _NEVER_FINAL.values() for a in group))


@cache
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words``, not inside a longer word; "z. B." also matches "z.B."."""
    parts = sorted({re.escape(w).replace(r"\ ", r"\s?") for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(parts) + ")", re.IGNORECASE)


def _in_abbreviation(line: str, end: int, abbreviation: re.Pattern[str]) -> bool:
    """Whether the full stop ending at ``end`` ends or sits inside an abbreviation ("z." of
    "z. B." as well as its "B.")."""
    offset = max(0, end - 24)
    return any(
        m.start() < end - offset <= m.end() for m in abbreviation.finditer(line[offset : end + 12])
    )


def _is_boundary(line: str, end: int, abbreviation: re.Pattern[str]) -> bool:
    """Whether the punctuation ending at ``end`` closes a sentence."""
    head = line[:end].rstrip("\"'”’»)]")
    if head.endswith(("!", "?", "…")):
        return True
    following = _NEXT_WORD.match(line, end)
    if following is None:
        return True  # no word follows (a symbol, an emoji): nothing to join
    word = following.group(1)
    if not word[0].isupper():
        return False  # "e.g. the", "ca. 5", "14. lokakuuta", "etc. are", "1.5"
    if _in_abbreviation(line, end, abbreviation):
        return False
    if LIST_ITEM.fullmatch(head + " "):
        return False  # "1. Open the app": a list number, not a sentence
    return not (_ORDINAL.search(head) and word in _MONTHS)  # "am 14. Oktober"


def _split_line(line: str, abbreviation: re.Pattern[str]) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        if _is_boundary(line, match.end(), abbreviation):
            sentences.append(line[start : match.end()])
            start = match.end()
    sentences.append(line[start:])
    return [s.strip() for s in sentences if s.strip()]


def _lines(text: str) -> list[str]:
    """Non-empty lines; a line that continues a sentence (it starts in lower case after a
    line without closing punctuation, as hard-wrapped Markdown and PDF text do) is joined.
    Table rows ("a | b") stay apart."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if (
            lines
            and line[0].islower()
            and not LIST_ITEM.match(line)
            and " | " not in line + lines[-1]
            and not lines[-1].endswith((".", "!", "?", ":", ";", "…"))
        ):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


def split_sentences(text: str, language: str | None = None) -> list[str]:
    """Sentences of ``text`` in order; ``language`` narrows the abbreviations to one reply
    language (all of them when None)."""
    abbreviation = _pattern(abbreviations(language))
    sentences: list[str] = []
    for line in _lines(text):
        if LIST_ITEM.match(line) and len(line) <= LIST_ITEM_CHARS:
            sentences.append(line)
            continue
        sentences.extend(_split_line(line, abbreviation))
    return sentences
