"""Boilerplate taken out of documents before chunking, in every format.

Two sources of evidence:

1. Known shapes in the twelve reply languages (rag.ingest.boilerplate_shapes): feedback
   widgets, copyright and legal footers, "Related articles" lists, "Need more help? Contact
   us", breadcrumbs, cookie notices.
2. Lines that repeat across the knowledge base's documents, counted at ingest time
   (``RepeatedLines``), so a team's own footer, tagline or banner goes too. Repetition alone
   is weak evidence (near-duplicate articles and an FAQ row restating an article share real
   facts), so a repeated line counts only where boilerplate sits: short, at a document's
   edges or the first or last lines of a section, in at least ``MIN_DOCUMENTS`` documents
   and ``MIN_SHARE`` of those in its language, and hardly ever inside a body; near-duplicate
   documents count once. A line with a figure ("30 days", "299 SEK") is a fact and goes
   only when most documents carry it.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rag.ingest.boilerplate_shapes import is_link_line, is_yes_no, plain, shape_of, words
from rag.ingest.documents import Removal, Section

HEAD_LINES = 4  # a document's first lines (banners, breadcrumbs)
TAIL_LINES = 8  # a document's last lines (footers are blocks of several lines)
SECTION_EDGE_LINES = 2  # first and last lines of each section
MIN_DOCUMENTS = 3
MIN_SHARE = 0.2  # of the documents in the line's language
MOST_SHARE = 0.5  # a line in this share of all documents goes wherever it is...
MOST_MIN_DOCUMENTS = 5  # ...when they are at least this many
MAX_REPEATED_WORDS = 25  # longer lines are content, unless in most documents
MAX_LINE_CHARS = 300
MAX_PROFILE_LINES = 100  # the profile travels in the ingest plan (orchestration
MAX_PROFILE_CHARS = 8_000  # history): keep it small
SHOWN_CHARS = 80
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class _Line:
    section: int
    index: int  # line number within the section's text
    text: str
    key: str  # plain(text)
    edge: bool


def _lines(sections: list[Section]) -> list[_Line]:
    """Every non-empty line with its place: at an edge of the document or of its section."""
    placed: list[tuple[int, int, str, int, int]] = []  # section, index, text, rank, of
    for number, section in enumerate(sections):
        lines = [(i, t) for i, t in enumerate(section.text.split("\n")) if t.strip()]
        for rank, (index, text) in enumerate(lines):
            placed.append((number, index, text, rank, len(lines)))
    total = len(placed)
    return [
        _Line(
            section=number,
            index=index,
            text=text,
            key=plain(text)[:MAX_LINE_CHARS],
            edge=position < HEAD_LINES
            or position >= total - TAIL_LINES
            or rank < SECTION_EDGE_LINES
            or rank >= count - SECTION_EDGE_LINES,
        )
        for position, (number, index, text, rank, count) in enumerate(placed)
    ]


def _content_words(key: str) -> list[str]:
    return [word for word in words(key) if len(word) >= 4]


def _has_figure(key: str) -> bool:
    return bool(re.search(r"\d", _YEAR.sub("", key)))


class RepeatedLines:
    """Counts lines across a knowledge base's documents; ``lines()`` is the profile.

    Near-duplicate documents (an article and its archived copy, the same rules in two
    markets' articles) count once: their shared lines are content. Two documents are near
    duplicates when half the words of the rest of their text (known boilerplate and the line
    in question left out) are shared; short articles under the same footer are not.
    """

    def __init__(self) -> None:
        self.words: list[Counter[str]] = []  # each document's words, known boilerplate out
        self.languages: list[str] = []
        self.at_edge: defaultdict[str, list[int]] = defaultdict(list)  # key -> documents
        self.in_body: Counter[str] = Counter()
        self.anywhere: defaultdict[str, list[int]] = defaultdict(list)

    def add(self, sections: list[Section], language: str) -> None:
        lines = [line for line in _lines(sections) if line.key and words(line.key)]
        number = len(self.words)
        self.words.append(
            Counter(
                word
                for line in lines
                if not shape_of(line.text, at_edge=line.edge)
                for word in _content_words(line.key)
            )
        )
        self.languages.append(language)
        for key in {line.key for line in lines if line.edge}:
            self.at_edge[key].append(number)
        self.in_body.update({line.key for line in lines if not line.edge})
        for key in {line.key for line in lines}:
            self.anywhere[key].append(number)

    def _families(self, key: str, documents: list[int], enough: int) -> list[int]:
        """One document per family of near-duplicates, greedily, stopping at ``enough``."""
        line = Counter(_content_words(key))
        families: list[tuple[int, set[str]]] = []
        for number in documents:
            mine = set(self.words[number] - line)  # the rest of the document's words
            if not any(
                mine and len(mine & other) * 2 >= len(mine | other) for _, other in families
            ):
                families.append((number, mine))
                if len(families) >= enough:
                    break
        return [number for number, _ in families]

    def _at_edges(self, key: str) -> bool:
        documents = self.at_edge.get(key, [])
        if self.in_body[key] * 4 > len(documents):
            return False  # inside bodies too: content that some documents put first or last
        per_language = Counter(self.languages)
        for language in {self.languages[n] for n in documents}:
            needed = max(MIN_DOCUMENTS, math.ceil(MIN_SHARE * per_language[language]))
            mine = [n for n in documents if self.languages[n] == language]
            if len(mine) >= needed and len(self._families(key, mine, needed)) >= needed:
                return True
        return False

    def _in_most(self, key: str) -> bool:
        needed = max(MOST_MIN_DOCUMENTS, math.ceil(MOST_SHARE * len(self.words)))
        documents = self.anywhere[key]
        return len(documents) >= needed and len(self._families(key, documents, needed)) >= needed

    def lines(self) -> list[str]:
        """The normalised lines that are boilerplate by repetition, most frequent first."""
        ranked = sorted(self.anywhere, key=lambda key: (-len(self.anywhere[key]), key))
        found = [
            key
            for key in ranked
            if len(self.anywhere[key]) >= MIN_DOCUMENTS
            and (
                (
                    len(words(key)) <= MAX_REPEATED_WORDS
                    and not _has_figure(key)
                    and self._at_edges(key)
                )
                or self._in_most(key)
            )
        ]
        kept: list[str] = []
        for key in found[:MAX_PROFILE_LINES]:
            if sum(map(len, kept)) + len(key) > MAX_PROFILE_CHARS:
                break
            kept.append(key)
        return kept


def _shown(line: str) -> str:
    text = " ".join(re.sub(r"\s*\((?:https?://|/|mailto:)[^)\s]*\)", "", line).split())
    text = text.replace("**", "").replace("__", "").strip(" -*•#>")
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1].rstrip() + "…"


def _has_words(line: str) -> bool:
    return bool(re.search(r"[^\W_]", line))


def furniture_removal(line: str) -> Removal:
    """A running head or foot the loader dropped (a PDF's), as the report shows it."""
    return Removal(kind="page", line=_shown(line), key=plain(line)[:MAX_LINE_CHARS])


def strip_boilerplate(
    sections: list[Section], repeated: frozenset[str] = frozenset()
) -> tuple[list[Section], list[Removal]]:
    """The sections without boilerplate lines (sections left empty are dropped), and what
    was removed. ``repeated`` is the knowledge base's profile (``RepeatedLines.lines``)."""
    removed: list[Removal] = []
    drop: set[tuple[int, int]] = set()
    # per section, the shape of its heading, then of its last removed line: what follows a
    # "Related articles" line is its list of links, what follows the feedback question
    # its "Yes" and "No"
    headings = [_heading_shape(section) for section in sections]
    context: dict[int, str | None] = dict(enumerate(headings))
    for line in _lines(sections):
        kind = shape_of(line.text, at_edge=line.edge)
        follows = context[line.section]
        if kind is None and line.key in repeated:
            kind = "repeated"
        if (
            kind is None
            and follows == "feedback"
            and (is_yes_no(line.text) or re.fullmatch(r"[\d\s/]+", line.key or "-"))
        ):
            kind = "feedback"  # the widget's "Yes" and "No" on lines of their own
        if kind is None and follows == "related" and is_link_line(line.text):
            kind = "related"  # an entry of the list of links
        if kind is None:
            if follows == "related" or (follows and _has_words(line.text)):
                context[line.section] = None  # the list (or widget) ended
            continue
        drop.add((line.section, line.index))
        context[line.section] = kind
        removed.append(Removal(kind=kind, line=_shown(line.text), key=line.key))
    if not drop:
        return sections, removed
    kept: list[Section] = []
    for number, section in enumerate(sections):
        lines = [t for i, t in enumerate(section.text.split("\n")) if (number, i) not in drop]
        while lines and not _has_words(lines[-1]):  # a rule ("---") left above a footer
            lines.pop()
        while lines and not _has_words(lines[0]):
            lines.pop(0)
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
        if text:
            kept.append(section.model_copy(update={"text": text}))
        elif headings[number]:  # "## Related articles" with nothing left under it
            last = section.heading.rsplit(" > ", 1)[-1]
            removed.append(Removal(kind=str(headings[number]), line=_shown(last), key=plain(last)))
    return kept, removed


def _heading_shape(section: Section) -> str | None:
    if not section.heading:
        return None
    return shape_of(section.heading.rsplit(" > ", 1)[-1], at_edge=False)
