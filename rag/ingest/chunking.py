"""Heading-aware token chunking: sections never share a chunk; long ones split with overlap.

A section's text is split into units (paragraphs; a paragraph too long for one chunk into
its list items, kept whole, and sentences; raw token windows only for run-on text) and
packed greedily up to ``chunk_tokens``; each new chunk starts with the trailing units of the
previous one, up to ``overlap_tokens``, so context is not cut blind. A list item is cut only
when it alone is longer than a chunk: it often is the whole answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.ingest.documents import Section
from rag.sentences import LIST_ITEM, split_sentences
from rag.tokenizer import get_encoding


@dataclass(frozen=True)
class TextChunk:
    section: str
    text: str
    tokens: int
    language: str | None = None  # the section's language, when known


def _count(text: str) -> int:
    return len(get_encoding().encode(text, disallowed_special=()))


def _blocks(paragraph: str) -> list[str]:
    """A paragraph's list items (a marked line and the lines continuing it) and other lines."""
    blocks: list[str] = []
    in_item = False
    for line in paragraph.splitlines():
        if not line.strip():
            continue
        if LIST_ITEM.match(line):
            blocks.append(line)
            in_item = True
        elif in_item and blocks:
            blocks[-1] = f"{blocks[-1]}\n{line}"
        else:
            blocks.append(line)
    return blocks


def _pieces(paragraph: str, limit: int, language: str | None) -> list[str]:
    """A paragraph too long for one unit: list items whole when they fit, else sentences."""
    pieces: list[str] = []
    for block in _blocks(paragraph):
        if LIST_ITEM.match(block) and _count(block) <= limit:
            pieces.append(block)
        else:
            pieces.extend(split_sentences(block, language))
    return pieces


def _units(text: str, limit: int, language: str | None = None) -> list[tuple[str, int]]:
    """Paragraphs, broken into list items, sentences or token windows when longer than
    ``limit``."""
    encoding = get_encoding()
    units: list[tuple[str, int]] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        size = _count(paragraph)
        if size <= limit:
            units.append((paragraph, size))
            continue
        for sentence in _pieces(paragraph, limit, language):
            tokens = encoding.encode(sentence, disallowed_special=())
            for start in range(0, len(tokens), limit):
                piece = encoding.decode(tokens[start : start + limit]).strip()
                if piece:
                    units.append((piece, min(limit, len(tokens) - start)))
    return units


def chunk_sections(
    sections: list[Section], *, chunk_tokens: int = 512, overlap_tokens: int = 64
) -> list[TextChunk]:
    if chunk_tokens < 16:
        raise ValueError(f"chunk_tokens={chunk_tokens} is too small (at least 16)")
    if not 0 <= overlap_tokens < chunk_tokens:
        raise ValueError(
            f"chunk_overlap_tokens={overlap_tokens} must be >= 0 and < chunk_tokens={chunk_tokens}"
        )
    chunks: list[TextChunk] = []
    for section in sections:
        current: list[tuple[str, int]] = []
        size = 0
        for unit in _units(section.text, chunk_tokens, section.language):
            if current and size + unit[1] > chunk_tokens:
                chunks.append(_make(section, current))
                carried: list[tuple[str, int]] = []
                carried_size = 0
                for previous in reversed(current):
                    if carried_size + previous[1] > overlap_tokens:
                        break
                    carried.insert(0, previous)
                    carried_size += previous[1]
                if carried_size + unit[1] > chunk_tokens:
                    carried, carried_size = [], 0
                current, size = carried, carried_size
            current.append(unit)
            size += unit[1]
        if current:
            chunks.append(_make(section, current))
    return chunks


def _make(section: Section, units: list[tuple[str, int]]) -> TextChunk:
    text = "\n\n".join(text for text, _ in units)
    return TextChunk(
        section=section.heading, text=text, tokens=_count(text), language=section.language
    )
