"""Very short sections do not stand alone as passages.

A section of a few generic words ("We are happy to help.") embeds close to every question
and is retrieved for questions it has nothing to do with; joined to its neighbour it is
context instead. A short section that states something specific (a figure, an address or
link, an acronym such as PDF or VAT, a quoted label such as "My orders", the topic its
heading names: "## Saver" / "Saver tickets cannot be refunded.", or a dated or numbered
heading such as a changelog entry's) stands alone: it often is the whole answer, and joined
to a neighbour it would be quoted with the neighbour's rules. FAQ rows always stand alone:
the question is their context.
"""

from __future__ import annotations

import re

from rag.ingest.documents import Section
from rag.sentences import LIST_ITEM

MIN_SECTION_WORDS = 12  # fewer words than this (after boilerplate removal) is short...
MIN_SPECIFIC_WORDS = 5  # ...unless it states something specific in at least this many
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# a figure, an address or link, an acronym (PDF, VAT, GDPR), a quoted label ("My orders")
_SPECIFIC = re.compile(
    r"\d|@|https?://|\b[A-ZÅÄÖÆØ]{2,6}\b|\"[^\"]{2,40}\"|“[^”]{2,40}”|„[^“”]{2,40}[“”]|«[^»]{2,40}»"
)
# Heading words that name no particular topic: a section under "Contact" or "More help" that
# repeats its heading is as generic as before (5-letter stems, the twelve reply languages).
_GENERIC_WORDS = """help hjälp hilfe aide ayuda hulp aiuto hjælp hjelp apua pomoc ajuda
    contact kontakt contacto contatti contato yhteys support
    question frågo fragen preguntas vragen domande spørg spørs kysym pytan pergu
    more information info overview översikt übersicht aperçu resumen overzicht panoramica
    oversigt oversikt yleis przegl visão general allmänt allgemein général generale generelt
    geral ogóln algemeen about welcome välkommen willkommen bienvenue bienvenido welkom
    benvenuto velkommen tervetuloa witamy note notes tips summary intro introduction"""


def _prefixes(words: str) -> frozenset[str]:
    return frozenset(word[:4] for word in words.split())


_GENERIC = _prefixes(_GENERIC_WORDS)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in _WORD.findall(text) if len(w) >= 4 and not w.isdigit()}


def _names_its_topic(section: Section) -> bool:
    """The text takes up a word of its own heading that names a topic ("## Saver" / "Saver
    tickets cannot be changed"): a specific statement, not a generic line."""
    heading = section.heading.rsplit(" > ", 1)[-1]
    topic = {s for s in _stems(heading) if s[:4] not in _GENERIC}
    return bool(topic & _stems(section.text))


def is_short(section: Section) -> bool:
    """Too short and too generic to stand alone as a passage."""
    count = _words(section.text)
    if section.faq_row or count >= MIN_SECTION_WORDS:
        return False
    heading = section.heading.rsplit(" > ", 1)[-1]
    specific = (
        bool(_SPECIFIC.search(section.text))
        or _names_its_topic(section)
        or any(c.isdigit() for c in heading)  # a dated or numbered entry: "2025-11-18"
    )
    return not (count >= MIN_SPECIFIC_WORDS and specific)


def _label(section: Section) -> str:
    return f'"{section.heading}"' if section.heading else "the lead text"


def _joined(section: Section) -> str:
    """The short section's text with its own heading, so the topic is kept."""
    heading = section.heading.rsplit(" > ", 1)[-1]
    if not heading:
        return section.text
    text = section.text
    if "\n" not in text:  # one list item reads as a sentence after its heading
        text = LIST_ITEM.sub("", text, count=1)
    elif LIST_ITEM.match(text):
        return f"{heading.rstrip(':')}:\n{text}"
    return f"{heading}{' ' if heading.endswith(('?', '!', ':', '.')) else ': '}{text}"


def _note(section: Section, target: Section) -> str:
    return f"{_label(section)} ({_words(section.text)} words) merged into {_label(target)}"


def merge_short_sections(sections: list[Section]) -> tuple[list[Section], list[str]]:
    """Short sections joined to the previous section of the document (to the next one when
    they come first). A document with nothing else keeps its short text as one section:
    "Warranty: Two years." is a whole article, and dropping it would lose the fact. Returns
    the sections and a note per section merged."""
    merged: list[Section] = []
    notes: list[str] = []
    pending: list[Section] = []  # short sections before the first one that stands alone
    last = -1  # index in `merged` of the last section a short one may join
    for section in sections:
        if not is_short(section):
            if pending and not section.faq_row:
                text = "\n\n".join([*(_joined(p) for p in pending), section.text])
                notes.extend(_note(p, section) for p in pending)
                section = section.model_copy(update={"text": text})
                pending = []
            merged.append(section)
            last = last if section.faq_row else len(merged) - 1
        elif last < 0:
            pending.append(section)
        else:
            target = merged[last]
            notes.append(_note(section, target))
            merged[last] = target.model_copy(
                update={"text": f"{target.text}\n\n{_joined(section)}"}
            )
    if pending:  # nothing else in the document: its short parts become one section
        first, *rest = pending
        if rest:
            notes.extend(_note(p, first) for p in rest)
            text = "\n\n".join([first.text, *(_joined(p) for p in rest)])
            first = first.model_copy(update={"text": text})
        merged.insert(0, first)
    return merged, notes
