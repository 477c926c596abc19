"""A PDF's headings, read from how its lines are set.

A PDF has no heading markup: pypdf's plain text runs every heading into the body, so a
whole price list or terms document became one passage, cited and quoted as a block (the
"Starter: email" line answering a question on service credits). Its headings are still
visible in the type: a line set larger than the body text, or in bold at body size, short
and not ending like a sentence (a question may be a heading, as in an FAQ), upright, and
not one of more than three lines in a row set alike (that is prose set larger). The body
size is the size most letters of the lines that read as prose are set in. Larger sizes
nest above smaller ones, bold at body size below them all. Lines of one heading style in
a row are one wrapped heading when the next starts in lower case, else headings in turn.

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

from rag.sentences import LIST_ITEM

LARGER = 1.15  # a line this much larger than the body text is a heading
MAX_HEADING_CHARS = 120  # a heading, wrapped or not, is at most this long...
MAX_HEADING_LINES = 3  # ...and this many lines
FURNITURE_MIN_PAGES = 3
FURNITURE_SHARE = 0.6  # ... a line at the top or bottom of this share of the pages
FURNITURE_EDGE = 2  # lines from each end of a page that can be furniture
_SENTENCE_END = (".", ",", ";", ":")


@dataclass
class StyledLine:
    text: str
    size: float  # points, after the text and transformation matrices (to half a point)
    bold: bool
    upright: bool = True  # not rotated: a diagonal watermark is never a heading


def page_lines(page: Any) -> list[StyledLine]:
    """The page's text lines with the size and weight most of each line's letters have."""
    lines: list[StyledLine] = []
    runs: list[tuple[str, float, bool, bool]] = []

    def finish_line() -> None:
        text = "".join(run[0] for run in runs).strip()
        if text:
            weights: Counter[float] = Counter()
            for part, size, _, _ in runs:
                weights[size] += sum(not c.isspace() for c in part)
            size = weights.most_common(1)[0][0]
            inked = [run for run in runs if run[0].strip()]
            bold = all(run[2] for run in inked)
            upright = all(run[3] for run in inked)
            lines.append(StyledLine(text, size, bold, upright))
        runs.clear()

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], font: Any, size: float) -> None:
        name = str(font.get("/BaseFont", "")).lower() if font else ""
        effective = round(size * _scale(tm) * _scale(cm) * 2) / 2  # 12.9 and 13 are one size
        bold = any(weight in name for weight in ("bold", "black", "heavy"))
        upright = _upright(tm) and _upright(cm)
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if part:
                runs.append((part, effective, bold, upright))
            if index < len(parts) - 1:
                finish_line()

    page.extract_text(visitor_text=visit)
    finish_line()
    return lines


def _upright(matrix: Sequence[float]) -> bool:
    return abs(float(matrix[1])) < 1e-3 and abs(float(matrix[2])) < 1e-3


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
    # the body size: most letters of the lines that read as prose (all lines if none do:
    # in a short document the headings may hold more letters than the text)
    prose = [line for line in lines if not _heading_shaped(line.text.strip())] or list(lines)
    letters: Counter[float] = Counter()
    for line in prose:
        letters[line.size] += sum(c.isalpha() for c in line.text)
    if not letters:
        return {}
    body = letters.most_common(1)[0][0]
    styles: dict[int, tuple[float, bool]] = {}
    for index, line in enumerate(lines):
        text = line.text.strip()
        if not (line.upright and _heading_shaped(text)):
            continue
        if line.size >= body * LARGER:
            styles[index] = (line.size, False)
        elif line.bold and line.size >= body * 0.95 and not _all_bold(lines, body):
            styles[index] = (body, True)
    for run in _runs_of_one_style(styles):
        # prose set larger (an introduction, a callout) wraps over many lines: no heading
        if len(run) > MAX_HEADING_LINES or sum(len(lines[i].text) for i in run) > (
            MAX_HEADING_CHARS
        ):
            for index in run:
                del styles[index]
    ranks = sorted({s for s in styles.values()}, key=lambda s: (-s[0], s[1]))
    return {index: ranks.index(style) + 1 for index, style in styles.items()}


def _runs_of_one_style(styles: dict[int, tuple[float, bool]]) -> list[list[int]]:
    """Consecutive line indexes set in the same heading style."""
    runs: list[list[int]] = []
    for index in sorted(styles):
        if runs and runs[-1][-1] == index - 1 and styles[runs[-1][-1]] == styles[index]:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


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
    where the text did not (no sentence or clause end, the next starts in lower case or
    with a figure, and is not a list item of its own: "2. Go to Settings")."""
    before, after = previous.rstrip(), line.lstrip()
    return (
        bool(before and after)
        and not before.endswith((".", "!", "?", ":", ";"))
        and not LIST_ITEM.match(after)
        and (after[0].islower() or after[0].isdigit())
    )


def continues_heading(line: str) -> bool:
    """A heading wrapped over two lines ("Service credits for" / "annual plans"), not two
    headings in a row ("Prices" / "Starter")."""
    return bool(line.strip()) and line.lstrip()[0].islower()
