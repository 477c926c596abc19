"""A PDF's headings, read from how its lines are set.

A PDF has no heading markup: pypdf's plain text runs every heading into the body, so a
whole price list or terms document became one passage, cited and quoted as a block (the
"Starter: email" line answering a question on service credits). Its headings are still
visible in the type: a line set larger than the body text, or in bold at body size, short
and not ending like a sentence. The body size is the size most characters are set in.
Larger sizes nest above smaller ones, bold at body size below them all.

A body line the PDF wrapped mid-sentence is joined to the line it continues, so a sentence
is quoted whole. Page furniture is dropped first: a line that heads or ends most pages of
a document of three pages or more (a running title, "Page 2 of 5", a company footer), the
page's own number ignored.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

LARGER = 1.15  # a line this much larger than the body text is a heading
MAX_HEADING_CHARS = 120
FURNITURE_MIN_PAGES = 3
FURNITURE_SHARE = 0.6  # ... a line at the top or bottom of this share of the pages
FURNITURE_EDGE = 2  # lines from each end of a page that can be furniture
_SENTENCE_END = (".", ",", ";", ":")


@dataclass
class StyledLine:
    text: str
    size: float  # points, after the text and transformation matrices
    bold: bool


def page_lines(page: Any) -> list[StyledLine]:
    """The page's text lines with the size and weight most of each line's letters have."""
    lines: list[StyledLine] = []
    runs: list[tuple[str, float, bool]] = []

    def finish_line() -> None:
        text = "".join(t for t, _, _ in runs).strip()
        if text:
            weights: Counter[tuple[float, bool]] = Counter()
            for part, size, bold in runs:
                weights[(size, bold)] += sum(not c.isspace() for c in part)
            (size, _), _ = weights.most_common(1)[0]
            bold = all(b for t, _, b in runs if t.strip())
            lines.append(StyledLine(text, size, bold))
        runs.clear()

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], font: Any, size: float) -> None:
        name = str(font.get("/BaseFont", "")) if font else ""
        effective = round(size * _scale(tm) * _scale(cm), 1)
        bold = "bold" in name.lower() or "black" in name.lower() or "heavy" in name.lower()
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if part:
                runs.append((part, effective, bold))
            if index < len(parts) - 1:
                finish_line()

    page.extract_text(visitor_text=visit)
    finish_line()
    return lines


def _scale(matrix: Sequence[float]) -> float:
    """The matrix's scale factor (square root of its determinant's size); 1 if degenerate."""
    a, b, c, d = (float(x) for x in matrix[:4])
    scale = math.sqrt(abs(a * d - b * c))
    return scale if scale > 0 else 1.0


def without_furniture(
    pages: list[list[StyledLine]],
) -> tuple[list[list[StyledLine]], list[str]]:
    """Pages without the lines that head or end most of them, and those lines (once each)."""
    if len(pages) < FURNITURE_MIN_PAGES:
        return pages, []
    seen: Counter[str] = Counter()
    for number, lines in enumerate(pages, start=1):
        edges = lines[:FURNITURE_EDGE] + lines[-FURNITURE_EDGE:]
        seen.update({_shape(line.text, number) for line in edges})
    furniture = {shape for shape, count in seen.items() if count >= FURNITURE_SHARE * len(pages)}
    if not furniture:
        return pages, []
    kept: list[list[StyledLine]] = []
    dropped: dict[str, str] = {}  # shape -> the first line of that shape
    for number, lines in enumerate(pages, start=1):
        edge = set(range(min(FURNITURE_EDGE, len(lines))))
        edge |= set(range(max(0, len(lines) - FURNITURE_EDGE), len(lines)))
        page: list[StyledLine] = []
        for index, line in enumerate(lines):
            shape = _shape(line.text, number)
            if index in edge and shape in furniture:
                dropped.setdefault(shape, line.text)
            else:
                page.append(line)
        kept.append(page)
    return kept, list(dropped.values())


def _shape(text: str, page: int) -> str:
    """The line with the page's own number blanked ("Page 2 of 5" is "Page # of 5" on
    page 2): numbered items at the top of each page ("3. Cancel...") stay apart."""
    return re.sub(rf"(?<!\d){page}(?!\d)", "#", " ".join(text.casefold().split()), count=1)


def heading_levels(lines: Sequence[StyledLine]) -> dict[int, int]:
    """Line index -> heading level (1 = largest) for the lines set as headings; empty when
    the document sets nothing apart (then it has no headings to read)."""
    letters: Counter[float] = Counter()
    for line in lines:
        letters[line.size] += sum(c.isalpha() for c in line.text)
    if not letters:
        return {}
    body = letters.most_common(1)[0][0]
    styles: dict[int, tuple[float, bool]] = {}
    for index, line in enumerate(lines):
        text = line.text.strip()
        if not _heading_shaped(text):
            continue
        if line.size >= body * LARGER:
            styles[index] = (line.size, False)
        elif line.bold and line.size >= body * 0.95 and not _all_bold(lines, body):
            styles[index] = (body, True)
    ranks = sorted({s for s in styles.values()}, key=lambda s: (-s[0], s[1]))
    return {index: ranks.index(style) + 1 for index, style in styles.items()}


def _heading_shaped(text: str) -> bool:
    return (
        0 < len(text) <= MAX_HEADING_CHARS
        and any(c.isalpha() for c in text)
        and not text.endswith(_SENTENCE_END)
    )


def _all_bold(lines: Sequence[StyledLine], body: float) -> bool:
    """A document set in bold throughout marks nothing with bold."""
    at_body = [ln for ln in lines if ln.size == body]
    return bool(at_body) and all(ln.bold for ln in at_body)


def continues_line(previous: str, line: str) -> bool:
    """``line`` carries on the sentence ``previous`` was wrapped in: the PDF broke a line
    where the text did not (no sentence or clause end, the next starts in lower case)."""
    before, after = previous.rstrip(), line.lstrip()
    return (
        bool(before and after)
        and not before.endswith((".", "!", "?", ":", ";"))
        and not before.lstrip().startswith(("-", "•", "*"))
        and (after[0].islower() or after[0].isdigit())
    )
