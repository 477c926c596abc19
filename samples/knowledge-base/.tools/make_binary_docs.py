"""Regenerate the sample KB's PDF and DOCX articles (run from the repository root).

    .venv/bin/python samples/knowledge-base/.tools/make_binary_docs.py

The PDF is written by hand (no reportlab here): one page per article, Helvetica text lines,
a correct cross-reference table, so pypdf and any viewer read it. The DOCX uses python-docx.
"""

from __future__ import annotations

from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]

PDF_TITLE = "Battery care and battery warranty"
PDF_LINES = [
    "Battery care and battery warranty",
    "",
    "Charging",
    "Charge the battery with the original Nordvik charger at room temperature.",
    "Replacement chargers and batteries are sold in the web shop.",
    "",
    "Battery warranty",
    "The battery has a warranty of 1 year or 500 charge cycles, whichever comes first.",
    "The frame and the motor have a 2-year warranty.",
    "For a warranty claim, send your order number and photos to support.",
    "",
    "Storage in winter",
    "Store the battery indoors, charged to about half, and charge it every two months.",
]


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(path: Path) -> None:
    content_lines = ["BT", "/F1 12 Tf", "14 TL", "72 770 Td"]
    for line in PDF_LINES:
        content_lines.append(f"({_pdf_escape(line)}) Tj T*")
    content_lines.append("ET")
    stream = "\n".join(content_lines).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Title (" + _pdf_escape(PDF_TITLE).encode("latin-1") + b") /Producer (by hand) >>",
    ]
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
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    ).encode()
    path.write_bytes(bytes(out))


def make_docx(path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Invoices, VAT and payment"
    document.add_heading("Invoices, VAT and payment", level=1)
    document.add_heading("Where do I find my invoice?", level=2)
    document.add_paragraph('Invoices are available in "My orders" as PDF files.')
    document.add_heading("Company invoices and VAT", level=2)
    document.add_paragraph(
        "Companies can get an invoice with their VAT number on request. Send the company "
        "name, VAT number and order number to support@nordvikbikes.example."
    )
    document.add_heading("Paying with Klarna", level=2)
    document.add_paragraph("A Klarna invoice has 30 days to pay.")
    document.save(str(path))


if __name__ == "__main__":
    make_pdf(ROOT / "help" / "battery-care.pdf")
    make_docx(ROOT / "help" / "invoices-and-vat.docx")
    print("wrote help/battery-care.pdf and help/invoices-and-vat.docx")
