"""Format loaders: Markdown, HTML, plain text, PDF, DOCX and FAQ tables (CSV / JSONL).

Each loader takes the file name and bytes (so files inside a .zip need no temp folder) and
returns the document's title, optional metadata and its sections.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Protocol

from bs4 import BeautifulSoup, Tag

from rag.ingest.documents import Section, UnreadableDocument
from rag.ingest.limits import DEFAULT_LIMITS, IngestLimits, check_rows

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph as DocxParagraph


@dataclass
class Parsed:
    title: str
    sections: list[Section]
    meta: dict[str, str] = field(default_factory=dict)  # url, language, category, title
    furniture: list[str] = field(default_factory=list)  # running heads and feet the loader
    # dropped (a PDF's), reported with the boilerplate


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableDocument(f"{name}: not UTF-8 or Windows-1252 text")


def _stem_title(name: str) -> str:
    return PurePosixPath(name).stem.replace("-", " ").replace("_", " ").strip().capitalize()


def _tidy(text: str) -> str:
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class _HeadingSections:
    """Collects text under a stack of headings into sections."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, str]] = []
        self.sections: list[Section] = []
        self.lines: list[str] = []

    def _flush(self) -> None:
        text = _tidy("\n".join(self.lines))
        if text:
            self.sections.append(Section(heading=" > ".join(h for _, h in self.stack), text=text))
        self.lines = []

    def heading(self, level: int, text: str) -> None:
        self._flush()
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        self.stack.append((level, text.strip()))

    def line(self, text: str) -> None:
        self.lines.append(text)

    def done(self) -> list[Section]:
        self._flush()
        return self.sections


# --- Markdown ------------------------------------------------------------------------------
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def load_markdown(name: str, data: bytes, limits: IngestLimits = DEFAULT_LIMITS) -> Parsed:
    text = _decode(data, name)
    meta: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:  # simple "key: value" front matter; no YAML dependency needed
        for line in match.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("\"'")
        text = text[match.end() :]
        for alias in ("lang", "locale"):  # tags such as "nb-NO" are mapped at ingest
            if meta.get(alias) and not meta.get("language"):
                meta["language"] = meta[alias]
    collector = _HeadingSections()
    title = meta.get("title", "")
    in_code = False
    first_h1 = True
    for line in text.splitlines():
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        heading = None if in_code else _MD_HEADING.match(line)
        if heading:
            level, heading_text = len(heading.group(1)), heading.group(2)
            if level == 1 and first_h1:  # the page title, not a section
                first_h1 = False
                title = title or heading_text
                continue
            collector.heading(level, heading_text)
        else:
            # keep link targets visible: drafts may cite URLs only if passages contain them
            collector.line(_MD_LINK.sub(r"\1 (\2)", line).replace("**", "").replace("__", ""))
    return Parsed(title or _stem_title(name), collector.done(), meta)


# --- HTML ----------------------------------------------------------------------------------
_BOILERPLATE_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "footer",
    "header",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "template",
)
_BOILERPLATE_HINTS = re.compile(
    r"cookie|consent|banner|gdpr|newsletter|footer|navbar|nav-|menu|breadcrumb|sidebar|share|"
    r"social|skip-link|modal|popup",
    re.IGNORECASE,
)


def _is_boilerplate(tag: Tag) -> bool:
    if tag.attrs is None:
        return False
    marks = " ".join(
        [
            str(tag.get("id") or ""),
            *[str(c) for c in tag.get("class") or []],
            str(tag.get("role") or ""),
            str(tag.get("aria-label") or ""),
        ]
    )
    return bool(_BOILERPLATE_HINTS.search(marks)) or tag.get("role") in (
        "navigation",
        "contentinfo",
    )


def load_html(name: str, data: bytes, limits: IngestLimits = DEFAULT_LIMITS) -> Parsed:
    soup = BeautifulSoup(_decode(data, name), "lxml")  # linear; html.parser is not
    meta: dict[str, str] = {}
    canonical = soup.find("link", rel="canonical")
    if isinstance(canonical, Tag) and canonical.get("href"):
        meta["url"] = str(canonical["href"])
    html_tag = soup.find("html")
    if isinstance(html_tag, Tag) and html_tag.get("lang"):
        meta["language"] = str(html_tag["lang"])  # "de-AT", "nb-NO": mapped at ingest
    title_tag = soup.find("title")
    for tag in soup.find_all(_BOILERPLATE_TAGS):
        tag.decompose()
    for tag in [t for t in soup.find_all(True) if isinstance(t, Tag) and _is_boilerplate(t)]:
        if not tag.decomposed:
            tag.decompose()
    body = soup.find("main") or soup.find("article") or soup.body or soup
    collector = _HeadingSections()
    title = ""
    for element in body.find_all(
        ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "dt", "dd", "pre", "blockquote"]
    ):
        if not isinstance(element, Tag) or element.find_parent(["li", "p", "td", "dd"]):
            continue  # nested blocks are read through their outermost block
        for link in element.find_all("a", href=True):
            href = str(link["href"])
            if href.startswith("http"):
                link.replace_with(f"{link.get_text(' ', strip=True)} ({href})")
        text = element.get_text(" ", strip=True)
        if not text:
            continue
        if element.name and element.name[0] == "h":
            if element.name == "h1" and not title:
                title = text
                continue
            collector.heading(int(element.name[1]), text)
        else:
            collector.line(f"- {text}" if element.name == "li" else text)
    if not title and isinstance(title_tag, Tag):
        title = title_tag.get_text(strip=True).split("|")[0].strip()
    return Parsed(title or _stem_title(name), collector.done(), meta)


# --- Plain text, PDF, DOCX -----------------------------------------------------------------
def _paragraph_text(name: str, text: str) -> Parsed:
    text = _tidy(text)
    if not text:
        raise UnreadableDocument(f"{name}: no text found")
    first, _, rest = text.partition("\n")
    if len(first) <= 120 and rest.strip():  # a short first line reads as the title
        return Parsed(first.strip(), [Section(text=rest.strip())])
    return Parsed(_stem_title(name), [Section(text=text)])


def load_text(name: str, data: bytes, limits: IngestLimits = DEFAULT_LIMITS) -> Parsed:
    return _paragraph_text(name, _decode(data, name))


def load_pdf(name: str, data: bytes, limits: IngestLimits = DEFAULT_LIMITS) -> Parsed:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    from rag.ingest.pdf_layout import (
        continues_heading,
        continues_line,
        heading_levels,
        page_lines,
        without_furniture,
    )

    try:
        reader = PdfReader(io.BytesIO(data))
        pdf_title = str((reader.metadata.title if reader.metadata else None) or "")
        styled, furniture = without_furniture([page_lines(page) for page in reader.pages])
        lines = [line for page in styled for line in page]
        levels = heading_levels(lines)
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise UnreadableDocument(f"{name}: unreadable PDF ({exc})") from exc
    if not levels:  # nothing set apart: paragraphs, a short first line for the title
        text = "\n\n".join("\n".join(line.text for line in page) for page in styled)
        parsed = _paragraph_text(name, text)
        parsed.title = pdf_title or parsed.title
        parsed.furniture = furniture
        return parsed
    title = pdf_title
    collector = _HeadingSections()
    heading: list[str] = []  # a heading wrapped over lines of the same style
    heading_level = 0
    in_title = False  # the first line is the title: a wrapped title continues it
    for index, line in enumerate(lines):
        level = levels.get(index)
        text = line.text.strip()
        if in_title and level == levels.get(0) and continues_heading(text):
            title = f"{title} {text}"
            continue
        in_title = False
        if heading and level == heading_level and continues_heading(text):
            heading.append(text)
            continue
        if heading:
            collector.heading(heading_level, " ".join(heading))
            heading = []
        if index == 0 and (text == title or (not title and level == 1)):
            title, in_title = text, not pdf_title  # the document's title, not a section
        elif level is not None:
            heading, heading_level = [line.text.strip()], level
        elif collector.lines and continues_line(collector.lines[-1], line.text):
            collector.lines[-1] = f"{collector.lines[-1].rstrip()} {line.text.strip()}"
        else:
            collector.line(line.text)
    if heading:
        collector.heading(heading_level, " ".join(heading))
    sections = collector.done()
    if not sections:
        raise UnreadableDocument(f"{name}: no text found")
    return Parsed(title or _stem_title(name), sections, furniture=furniture)


def load_docx(name: str, data: bytes, limits: IngestLimits = DEFAULT_LIMITS) -> Parsed:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table as DocxTable

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, ValueError, KeyError, OSError) as exc:
        raise UnreadableDocument(f"{name}: unreadable DOCX ({exc})") from exc
    collector = _HeadingSections()
    title = str(document.core_properties.title or "")
    style_names: dict[str | None, str] = {}
    # paragraphs and tables in body order: a table belongs to the heading above it
    for block in document.iter_inner_content():
        if isinstance(block, DocxTable):
            for row in block.rows:
                cells = [cell.text.strip() for cell in row.cells]
                # a merged cell repeats in every column it spans: once is enough
                cells = [c for i, c in enumerate(cells) if i == 0 or c != cells[i - 1]]
                if any(cells):
                    collector.line(" | ".join(cells))
            continue
        text = block.text.strip()
        style = _style_name(block, style_names)
        if not text:
            continue
        if style == "Title" or (style == "Heading 1" and (not title or text == title)):
            title = title or text
            continue
        level = re.match(r"Heading (\d)", style)
        if level:
            collector.heading(int(level.group(1)), text)
        else:
            collector.line(f"- {text}" if "List" in style else text)
    sections = collector.done()
    if not sections:
        raise UnreadableDocument(f"{name}: no text found")
    return Parsed(title or _stem_title(name), sections)


def _style_name(paragraph: DocxParagraph, names: dict[str | None, str]) -> str:
    """The paragraph's style name, looked up once per style id: python-docx finds the
    default style by scanning every style, for every paragraph that has none of its own (a
    minute per MiB of document.xml, past the function timeout for a large file)."""
    style_id = paragraph._p.style  # the w:pStyle id; None for the default style
    if style_id not in names:
        style = paragraph.style
        names[style_id] = (style.name if style is not None else "") or ""
    return names[style_id]


# --- FAQ tables ----------------------------------------------------------------------------
_QUESTION_KEYS = ("question", "q", "fråga", "frage")
_ANSWER_KEYS = ("answer", "a", "svar", "antwort")


def _faq_sections(name: str, rows: list[dict[str, str]]) -> Parsed:
    sections: list[Section] = []
    meta: dict[str, str] = {}
    for number, row in enumerate(rows, start=1):
        lowered = {str(k).strip().lower(): str(v or "").strip() for k, v in row.items() if k}
        question = next((lowered[k] for k in _QUESTION_KEYS if lowered.get(k)), "")
        answer = next((lowered[k] for k in _ANSWER_KEYS if lowered.get(k)), "")
        if not question or not answer:
            raise UnreadableDocument(
                f"{name}: row {number} needs non-empty question and answer columns"
            )
        # a row's own language column: FAQ files often hold several languages
        row_language = lowered.get("language") or lowered.get("lang") or lowered.get("locale")
        sections.append(
            Section(heading=question, text=answer, language=row_language or None, faq_row=True)
        )
        if lowered.get("category") and "category" not in meta:
            meta["category"] = lowered["category"]
    if not sections:
        raise UnreadableDocument(f"{name}: no question/answer rows")
    return Parsed(f"FAQ: {_stem_title(name)}", sections, meta)


def _bounded_rows(
    name: str, rows: Iterator[dict[str, str]], limits: IngestLimits
) -> list[dict[str, str]]:
    """Rows read one by one, refused past max_table_rows (never all held first)."""
    kept: list[dict[str, str]] = []
    for row in rows:
        kept.append(row)
        check_rows(name, len(kept), limits)
    return kept


def load_faq_csv(name: str, data: bytes, limits: IngestLimits = DEFAULT_LIMITS) -> Parsed:
    try:
        rows = _bounded_rows(name, csv.DictReader(io.StringIO(_decode(data, name))), limits)
    except csv.Error as exc:
        raise UnreadableDocument(f"{name}: bad CSV ({exc})") from exc
    return _faq_sections(name, rows)


def load_faq_jsonl(name: str, data: bytes, limits: IngestLimits = DEFAULT_LIMITS) -> Parsed:
    rows: list[dict[str, str]] = []
    for number, line in enumerate(io.StringIO(_decode(data, name)), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise UnreadableDocument(f"{name}: line {number} is not JSON ({exc})") from exc
            check_rows(name, len(rows), limits)
    return _faq_sections(name, rows)


class Loader(Protocol):
    def __call__(self, name: str, data: bytes, limits: IngestLimits = DEFAULT_LIMITS) -> Parsed: ...


LOADERS: dict[str, Loader] = {
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".html": load_html,
    ".htm": load_html,
    ".txt": load_text,
    ".pdf": load_pdf,
    ".docx": load_docx,
    ".csv": load_faq_csv,
    ".jsonl": load_faq_jsonl,
}


def loader_for(name: str) -> Loader | None:
    return LOADERS.get(PurePosixPath(name).suffix.lower())
