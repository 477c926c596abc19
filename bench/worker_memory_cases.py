"""The costliest inputs the worker accepts, generated in code (no big files in the repo).

Knowledge-base files are built at the largest size the ingest limits accept for their type,
in the shape that costs the most memory per byte (measured with bench/worker_memory.py):

- HTML: a tree of Python objects per element (BeautifulSoup), about 330-360 MiB per MiB of
  short blocks (`<p>a`, `<h2>a<p>b`); nested `<div>`s (issue 21's file) cost less per byte;
- Markdown and plain text: a string per line, about 130-175 MiB per MiB of 2-3 byte lines;
- CSV and JSONL: one row of millions of ignored columns, about 20-24 MiB per MiB;
- DOCX: an lxml tree of the unpacked document.xml, about 32 MiB per MiB;
- PDF: the file's size hardly matters (a stream compresses 1000:1); pypdf's own budget of
  tokens per content stream bounds one page's parse, so the case is one page at that budget.

Emails are the heaviest shapes of bench/pathological_cases.py at their full size.
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from bench import pathological_cases
from rag.ingest.limits import DEFAULT_LIMITS, IngestLimits

# Eight heavy email shapes (one per activity slot), each at its full size.
EMAIL_SHAPES = (
    "base64_blob",
    "at_signs_no_space",
    "long_line_no_spaces",
    "digits_no_spaces",
    "whitespace",
    "at_words",
    "html_many_links",
    "nested_div_unclosed",
)


@dataclass(frozen=True)
class KbFile:
    name: str
    data: bytes


@dataclass(frozen=True)
class KbCase:
    shape: str
    files: tuple[KbFile, ...]
    note: str  # what it is, in a few words

    @property
    def total_bytes(self) -> int:
        return sum(len(f.data) for f in self.files)


def _fill(prefix: str, unit: str, suffix: str, size: int) -> bytes:
    """prefix + unit repeated + suffix: at most `size` bytes, within one unit of it."""
    count = max(0, (size - len(prefix) - len(suffix)) // len(unit))
    return (prefix + unit * count + suffix).encode()


def html_nested_divs(size: int) -> bytes:
    """Issue 21's file: divs nested as deep as the size allows, one paragraph inside."""
    prefix, middle, suffix = "<html><body>", "<p>Where is my order?</p>", "</body></html>"
    depth = max(0, (size - len(prefix) - len(middle) - len(suffix)) // 11)
    return (prefix + "<div>" * depth + middle + "</div>" * depth + suffix).encode()


def html_blocks(size: int) -> bytes:
    """Unclosed one-letter paragraphs: the most elements (and lines of text) per byte."""
    return _fill("<html><body>", "<p>a", "</body></html>", size)


def html_sections(size: int) -> bytes:
    """A heading and a paragraph every 9 bytes: an element and a section each."""
    return _fill("<html><body>", "<h2>a<p>b", "</body></html>", size)


def markdown_lines(size: int) -> bytes:
    return _fill("# Lines\n\n", "a b\n", "", size)


def text_lines(size: int) -> bytes:
    return _fill("Lines\n", "ab\n", "", size)


def _wide_columns(size: int, per_column: int) -> int:
    return max(1, (size - 100) // per_column)


def csv_wide(size: int) -> bytes:
    """A valid FAQ row (question, answer) with a column for every few bytes."""
    count = _wide_columns(size, 9)  # "c123456," + "1,"
    header = "question,answer," + ",".join(f"c{i}" for i in range(count))
    row = "Where is my order?,It ships in two days.," + ",".join("1" for _ in range(count))
    data = (header + "\n" + row + "\n").encode()
    while len(data) > size:  # trim whole columns until it fits
        count -= max(1, (len(data) - size) // 9)
        header = "question,answer," + ",".join(f"c{i}" for i in range(count))
        row = "Where is my order?,It ships in two days.," + ",".join("1" for _ in range(count))
        data = (header + "\n" + row + "\n").encode()
    return data


def jsonl_wide(size: int) -> bytes:
    """One JSON line: question, answer and a key for every few bytes."""
    head = '{"question":"Where is my order?","answer":"It ships in two days."'
    unit_size = len(',"k1234567":1')
    count = max(1, (size - len(head) - 2) // unit_size)
    keys = "".join(f',"k{i:07d}":1' for i in range(count))
    return (head + keys + "}\n").encode()


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_template() -> dict[str, bytes]:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def docx_paragraphs(size: int) -> bytes:
    """A .docx whose parts unpack to `size` bytes, document.xml short paragraphs of random
    words (random, so the zip stays under the compression-ratio limit)."""
    parts = _docx_template()
    budget = size - sum(len(v) for k, v in parts.items() if k != "word/document.xml")
    if budget < size // 4:  # a small --size-mib: the template's styles alone are 0.8 MiB
        budget = size
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W_NS}><w:body>'
    tail = "</w:body></w:document>"
    rng = random.Random(21)
    letters = "abcdefghijklmnopqrstuvwxyz"
    pieces: list[str] = []
    used = len(head) + len(tail)
    while True:
        word = "".join(rng.choice(letters) for _ in range(rng.randint(2, 7)))
        piece = f"<w:p><w:r><w:t>{word}</w:t></w:r></w:p>"
        if used + len(piece) > budget:
            break
        pieces.append(piece)
        used += len(piece)
    parts["word/document.xml"] = (head + "".join(pieces) + tail).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _pdf_stream_token_budget() -> int:
    import pypdf

    return int(pypdf.get_configuration().stream_parsing_work_maximum_count)


def pdf_token_budget(_size: int) -> bytes:
    """One page whose content stream holds just under pypdf's token budget of text
    operations, padded with spaces to pypdf's cap on a decompressed stream: the costliest
    page pypdf reads (the file itself is tens of KB)."""
    import pypdf

    unit = b"BT /F1 12 Tf (a) Tj ET\n"  # 7 tokens
    operations = (_pdf_stream_token_budget() - 1000) // 7
    cap = int(pypdf.get_configuration().zlib_maximum_output_length)
    content = unit * operations
    content += b" " * max(0, cap - 1024 - len(content))
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


@dataclass(frozen=True)
class KbShape:
    build: Callable[[int], bytes]
    name: str  # the file's name: its type decides the loader and the size limit
    count: int  # files of this shape in the knowledge base
    note: str


KB_SHAPES: dict[str, KbShape] = {
    "html_nested_divs": KbShape(html_nested_divs, "nested.html", 1, "nested <div>s (issue 21)"),
    "html_blocks": KbShape(html_blocks, "blocks.html", 1, "unclosed <p>a blocks"),
    "html_sections": KbShape(html_sections, "sections.html", 1, "<h2>a<p>b sections"),
    "html_files": KbShape(html_nested_divs, "page.html", 8, "8 nested-div files, one step"),
    "markdown_lines": KbShape(markdown_lines, "lines.md", 1, "'a b' lines"),
    "text_lines": KbShape(text_lines, "lines.txt", 1, "'ab' lines"),
    "csv_wide": KbShape(csv_wide, "wide.csv", 1, "one FAQ row, ignored columns"),
    "jsonl_wide": KbShape(jsonl_wide, "wide.jsonl", 1, "one FAQ line, ignored keys"),
    "docx_paragraphs": KbShape(docx_paragraphs, "paragraphs.docx", 1, "short paragraphs"),
    "pdf_token_budget": KbShape(pdf_token_budget, "tokens.pdf", 1, "a page at pypdf's budget"),
}


def largest_accepted(name: str, limits: IngestLimits = DEFAULT_LIMITS) -> int:
    """Bytes of the largest file named `name` the limits accept (for a .docx: its parts
    unpacked, nearly all XML)."""
    if name.endswith(".docx"):
        return min(limits.max_docx_xml_bytes, limits.max_file_bytes)
    return limits.max_bytes_for(name)


def build_kb(shape: str, limits: IngestLimits = DEFAULT_LIMITS, size: int | None = None) -> KbCase:
    """The knowledge base of one shape: its files at the largest accepted size, or `size`."""
    spec = KB_SHAPES[shape]
    each = size if size is not None else largest_accepted(spec.name, limits)
    stem, suffix = PurePosixPath(spec.name).stem, PurePosixPath(spec.name).suffix
    names = [spec.name] if spec.count == 1 else [f"{stem}-{i}{suffix}" for i in range(spec.count)]
    data = spec.build(each)
    return KbCase(shape, tuple(KbFile(n, data) for n in names), spec.note)


def email_case(shape: str, number: int = 0) -> pathological_cases.Case:
    """The shape at its full size; `number` makes each email's text its own, so no
    embedding comes from the cache."""
    case = pathological_cases.build(shape, pathological_cases.SHAPES[shape][1])
    tag = f"Case {number}. "
    messages = [
        m.model_copy(
            update={
                "text": tag + m.text,
                "html": m.html and m.html.replace("<body>", "<body>" + tag, 1),
            }
        )
        for m in case.thread.messages
    ]
    return pathological_cases.Case(
        messages[-1], case.thread.model_copy(update={"messages": messages})
    )
