"""Limits on what knowledge-base ingestion reads: help-centre files are untrusted too.

A refused file is reported by name and reason (``RefusedDocument``) and the rest is
ingested. The limits bound memory and time per file: a zip bomb, a .docx whose
document.xml is hundreds of MiB, a table of 200k rows, one 200 MiB "word" (tiktoken
panics on it), a symlink out of the folder, names like ``/etc/x.md`` or with a
right-to-left override.

Memory: a file is read into Python objects, and what that costs per byte depends on its
type (bench/worker_memory.py, the costliest shape of each, MiB of worker memory per MiB of
file): HTML about 350 (an object per element), Markdown and text up to about 175 (per
line), a .docx's XML about 32 (an lxml tree), CSV and JSONL about 24 (one row of millions
of columns), PDF bounded per page by pypdf's own token budget whatever the file's size.
So each type has its size limit, chosen to keep one ingestion step within
``INGEST_MEMORY_BUDGET_MIB`` of the worker's memory (tests/test_ingest_memory.py) and the
worker within its instance (infra/README.md, "Worker memory"; infra/worker-memory.json).
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO, TYPE_CHECKING

from rag.ingest.documents import UnreadableDocument

if TYPE_CHECKING:
    from core.settings import Settings

MIB = 1024 * 1024
# The most one ingestion step may add to the warm worker's memory, whatever accepted file it
# reads; infra/worker-memory.json adds it to the warm worker and 8 worst-case emails.
INGEST_MEMORY_BUDGET_MIB = 600
# Read into an object per element or line: these get max_markup_bytes.
MARKUP_SUFFIXES = frozenset({".html", ".htm", ".md", ".markdown", ".txt"})
# FAQ tables, read into a dict per row: these get max_table_bytes.
TABLE_SUFFIXES = frozenset({".csv", ".jsonl"})


class RefusedDocument(UnreadableDocument):
    """A file over a limit or with an unsafe name: reported and skipped, never fatal."""


@dataclass(frozen=True)
class IngestLimits:
    max_file_bytes: int = 25 * MIB  # one file (or zip member) as stored, uncompressed
    max_markup_bytes: int = 3 * MIB // 2  # one HTML, Markdown or text file (MARKUP_SUFFIXES)
    max_table_bytes: int = 8 * MIB  # one CSV or JSONL file (TABLE_SUFFIXES)
    max_docx_xml_bytes: int = 12 * MIB  # the XML parts of one .docx, unpacked
    max_zip_total_bytes: int = 1024 * MIB  # all members of one zip, uncompressed
    max_zip_ratio: float = 100.0  # uncompressed / compressed, per member
    max_zip_members: int = 10_000
    max_table_rows: int = 20_000  # CSV / JSONL FAQ rows per file
    max_document_chars: int = 2_000_000  # text of one document before tokenizing
    max_name_chars: int = 255
    max_run_chars: int = 1_000  # longer runs without whitespace are split (tokenizer)

    @classmethod
    def from_settings(cls, settings: Settings) -> IngestLimits:
        return cls(
            max_file_bytes=int(settings.kb_max_file_mib * MIB),
            max_markup_bytes=int(settings.kb_max_markup_mib * MIB),
            max_table_bytes=int(settings.kb_max_table_mib * MIB),
            max_docx_xml_bytes=int(settings.kb_max_docx_xml_mib * MIB),
            max_zip_total_bytes=int(settings.kb_max_zip_total_mib * MIB),
            max_zip_ratio=settings.kb_max_zip_ratio,
            max_zip_members=settings.kb_max_zip_members,
            max_table_rows=settings.kb_max_table_rows,
            max_document_chars=settings.kb_max_document_chars,
        )

    def max_bytes_for(self, name: str) -> int:
        """The size limit of a file named `name`: its type's, never above max_file_bytes."""
        return min(self._type_limit(name)[0], self.max_file_bytes)

    def size_setting(self, name: str) -> str:
        """The setting that sets the size limit of a file named `name`."""
        limit, setting = self._type_limit(name)
        return setting if limit < self.max_file_bytes else "KB_MAX_FILE_MIB"

    def _type_limit(self, name: str) -> tuple[int, str]:
        suffix = PurePosixPath(name).suffix.lower()
        if suffix in MARKUP_SUFFIXES:
            return self.max_markup_bytes, "KB_MAX_MARKUP_MIB"
        if suffix in TABLE_SUFFIXES:
            return self.max_table_bytes, "KB_MAX_TABLE_MIB"
        return self.max_file_bytes, "KB_MAX_FILE_MIB"


_KINDS = {
    "KB_MAX_MARKUP_MIB": "HTML, Markdown or text file",
    "KB_MAX_TABLE_MIB": "CSV or JSONL file",
    "KB_MAX_FILE_MIB": "file",
}


DEFAULT_LIMITS = IngestLimits()
_DRIVE = re.compile(r"^[A-Za-z]:")


def display_name(name: str) -> str:
    """A name safe to print: control and bidi characters escaped, length bounded."""
    shown = "".join(
        ch if unicodedata.category(ch) not in {"Cc", "Cf"} else f"\\u{ord(ch):04x}" for ch in name
    )
    return shown if len(shown) <= 300 else shown[:297] + "..."


def name_problem(name: str, limits: IngestLimits = DEFAULT_LIMITS) -> str | None:
    """Why ``name`` cannot be a document id (None when it can). Ids are relative POSIX
    paths of printable characters, without "..", drive letters or a leading "/"."""
    if not name or len(name) > limits.max_name_chars:
        return f"name empty or longer than {limits.max_name_chars} characters"
    if any(unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} for ch in name):
        return "name holds control or bidirectional-override characters"
    if "\\" in name or name.startswith("/") or _DRIVE.match(name):
        return "absolute or Windows-style path"
    parts = PurePosixPath(name).parts
    if ".." in parts or any(part.strip() != part or not part.strip() for part in parts):
        return "path with '..' or blank parts"
    if unicodedata.normalize("NFC", name) != name:
        return "name not in Unicode normal form (NFC)"
    return None


def check_size(name: str, size: int, limits: IngestLimits) -> None:
    limit = limits.max_bytes_for(name)
    if size > limit:
        setting = limits.size_setting(name)
        raise RefusedDocument(
            f"{display_name(name)}: {size:,} bytes, over the {limit:,}-byte limit per "
            f"{_KINDS[setting]} ({setting})"
        )


def check_member(info: zipfile.ZipInfo, limits: IngestLimits, label: str = "") -> None:
    """A zip member's declared size and compression ratio."""
    name = label or info.filename
    check_size(name, info.file_size, limits)
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > MIB and ratio > limits.max_zip_ratio:
        raise RefusedDocument(
            f"{display_name(name)}: compressed {ratio:,.0f}:1, over the "
            f"{limits.max_zip_ratio:,.0f}:1 limit (KB_MAX_ZIP_RATIO; a zip bomb?)"
        )


def read_bounded(stream: IO[bytes], name: str, limits: IngestLimits) -> bytes:
    """Read at most the per-file limit: a member whose header lies about its size is
    refused when it passes the limit, not after it filled memory."""
    limit = limits.max_bytes_for(name)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise RefusedDocument(
            f"{display_name(name)}: more than {limit:,} bytes uncompressed "
            f"({limits.size_setting(name)})"
        )
    return data


def check_inner_zip(name: str, data: bytes, limits: IngestLimits) -> None:
    """A .docx is a zip: its parts get the zip limits before python-docx parses them."""
    try:
        import io

        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile:
        return  # the loader reports it as unreadable
    if len(infos) > limits.max_zip_members:
        raise RefusedDocument(f"{display_name(name)}: {len(infos):,} parts (KB_MAX_ZIP_MEMBERS)")
    total = xml = 0
    for info in infos:
        check_member(info, limits, f"{name}/{info.filename}")
        total += info.file_size
        if info.filename.lower().endswith((".xml", ".rels")):
            xml += info.file_size  # python-docx holds these as an lxml tree
    if total > limits.max_file_bytes:
        raise RefusedDocument(
            f"{display_name(name)}: {total:,} bytes unpacked, over the "
            f"{limits.max_file_bytes:,}-byte limit per file (KB_MAX_FILE_MIB)"
        )
    if xml > limits.max_docx_xml_bytes:
        raise RefusedDocument(
            f"{display_name(name)}: {xml:,} bytes of XML unpacked, over the "
            f"{limits.max_docx_xml_bytes:,}-byte limit (KB_MAX_DOCX_XML_MIB)"
        )


def check_rows(name: str, rows: int, limits: IngestLimits) -> None:
    if rows > limits.max_table_rows:
        raise RefusedDocument(
            f"{display_name(name)}: more than {limits.max_table_rows:,} rows (KB_MAX_TABLE_ROWS)"
        )


def check_chars(name: str, chars: int, limits: IngestLimits) -> None:
    if chars > limits.max_document_chars:
        raise RefusedDocument(
            f"{display_name(name)}: {chars:,} characters of text, over the "
            f"{limits.max_document_chars:,} limit (KB_MAX_DOCUMENT_CHARS)"
        )


def split_long_runs(text: str, limits: IngestLimits = DEFAULT_LIMITS) -> str:
    """Break runs of non-space characters longer than max_run_chars with a space: one huge
    "word" makes the BPE tokenizer superlinear (and tiktoken panic)."""
    size = limits.max_run_chars
    if len(text) <= size:
        return text
    pattern = re.compile(rf"\S{{{size}}}(?=\S)")
    return pattern.sub(lambda m: m.group(0) + " ", text)
