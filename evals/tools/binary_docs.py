"""Write the PDF and DOCX articles of an evaluation knowledge base from plain data.

No PDF library ships here that writes, so the PDF is built by hand: Helvetica text lines
(Windows-1252, so Western European letters work; Polish letters do not), pages of at most
50 lines, a correct cross-reference table, so pypdf and any viewer read it. A line that
starts with "# " is written as a heading line in bold. DOCX uses python-docx.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx

_LINES_PER_PAGE = 50


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _page_stream(lines: Sequence[str]) -> bytes:
    out = ["BT", "14 TL", "72 780 Td"]
    for line in lines:
        if line.startswith("# "):
            out.append(f"/F2 13 Tf ({_pdf_escape(line[2:])}) Tj T*")
        else:
            out.append(f"/F1 11 Tf ({_pdf_escape(line)}) Tj T*")
    out.append("ET")
    return "\n".join(out).encode("cp1252")


def write_pdf(path: Path, title: str, lines: Sequence[str]) -> None:
    """A PDF of `lines` (one text line each; wrap long lines yourself, ~95 characters)."""
    pages = [lines[i : i + _LINES_PER_PAGE] for i in range(0, len(lines), _LINES_PER_PAGE)]
    pages = pages or [[]]
    # objects: 1 catalog, 2 pages, 3 font, 4 bold font, 5 info, then (page, content) pairs
    first_page = 6
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(len(pages)))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        # a text string in UTF-16BE with its byte-order mark: any title, read back exactly
        b"<< /Title <"
        + ("\ufeff" + title).encode("utf-16-be").hex().upper().encode()
        + b"> /Producer (by hand) >>",
    ]
    for index, page in enumerate(pages):
        content_id = first_page + 2 * index + 1
        objects.append(
            (
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
                f"/Contents {content_id} 0 R >>"
            ).encode()
        )
        stream = _page_stream(page)
        objects.append(
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 5 0 R >>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    ).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(out))


def new_docx(title: str) -> docx.document.Document:
    """A DOCX document with its title set; add headings, paragraphs and tables, then save."""
    document = docx.Document()
    document.core_properties.title = title
    return document
