"""Regenerate the PDF and DOCX articles of the invoicing (Ledgerly) knowledge base.

Run from /work/main:  .venv/bin/python evals/domains/invoicing/make_binary_docs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the repository root, for evals.tools

from evals.tools.binary_docs import new_docx, write_pdf  # noqa: E402

KB = HERE / "kb"

SERVICE_LEVELS = [
    "# Ledgerly support and service levels 2026",
    "Valid from 1 January 2026 for all Ledgerly plans. "
    "Ledgerly AB, Sveavägen 44, 111 34 Stockholm.",
    "",
    "# Support opening hours",
    "Monday to Friday 08:00–17:00 CET (Swedish time), except Swedish public holidays.",
    "On 24 December, 31 December and Midsummer Eve support is closed.",
    "",
    "# How to reach us and response times",
    "Starter: email (support@ledgerly.se). We answer within 2 business days.",
    "Standard: email and chat in the app. We answer within 1 business day.",
    "Pro: email, chat and phone (+46 8 123 456 70). We answer within 4 business hours.",
    "Response times are counted within the opening hours above.",
    "",
    "# Availability",
    "Our target is 99.9% availability per calendar month, not counting planned maintenance.",
    "Planned maintenance takes place on Sundays between 02:00 and 04:00 CET and is announced",
    "at least 3 days in advance on status.ledgerly.se.",
    "",
    "# Service credits (Pro only)",
    "If availability in a month is below 99.9%, Pro customers get a credit of 10% of that month's",
    "fee; below 99.0%, 25%. Credits must be requested within 30 days after the end of the month by",
    "writing to billing@ledgerly.se. "
    "Credits are deducted from the next invoice and are not paid out.",
    "",
    "Ledgerly AB - Org. nr 559123-4567 - help.ledgerly.se",
]


def migration_guide(path: Path) -> None:
    document = new_docx("Switching to Ledgerly: migration guide")
    document.add_heading("Switching to Ledgerly: migration guide", level=1)
    document.add_paragraph(
        "This guide is for companies moving their invoicing and bookkeeping to Ledgerly from "
        "another system or from spreadsheets. Version 3, August 2026."
    )
    document.add_heading("Before you start", level=2)
    document.add_paragraph(
        "Choose your start date in Ledgerly. The easiest is the first day of a new fiscal year; "
        "the second best is the first day of a VAT period, so that no VAT period is split "
        "between two systems."
    )
    document.add_paragraph(
        "Keep your old system (or at least its exports) until the last VAT return and annual "
        "accounts of the old period are done."
    )
    document.add_heading("What you can import", level=2)
    document.add_paragraph(
        "Imports are made under Settings > Import. The table lists what can be imported, in "
        "which format and how much per file."
    )
    table = document.add_table(rows=7, cols=3)
    rows = [
        ("Data", "File format", "Limit per file"),
        ("Customers", "CSV or XLSX (template)", "5,000 rows"),
        ("Products and services", "CSV or XLSX (template)", "2,000 rows"),
        ("Open customer invoices", "CSV (template)", "1,000 rows"),
        ("Opening balances", "SIE4 or CSV (template)", "1 file per fiscal year"),
        ("Receipts and attachments", "ZIP with PDF/JPG files", "500 MB"),
        ("Supplier invoices", "not importable", "enter them or receive them via Peppol"),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_heading("Importing open invoices", level=2)
    document.add_paragraph(
        "Open customer invoices from your old system are imported with the status Imported: "
        "they keep their old invoice number, are not sent again and are matched to payments "
        "like any other invoice. Reminders are only sent for them if you turn that on for the "
        "import."
    )
    document.add_heading("After the import", level=2)
    document.add_paragraph(
        "Check that the opening balances match the closing balances of your old system. Set "
        "the first invoice number under Settings > Invoicing > Numbering: it must be higher "
        "than the last number used in the old system."
    )
    document.add_heading("Getting help with the move", level=2)
    document.add_paragraph(
        "Pro customers get a free 45-minute onboarding call with a migration specialist; book "
        "it from the chat. Starter and Standard customers can write to support@ledgerly.se."
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


def main() -> None:
    write_pdf(
        KB / "support" / "service-levels-2026.pdf",
        "Ledgerly support and service levels 2026",
        SERVICE_LEVELS,
    )
    migration_guide(KB / "data" / "migration-guide.docx")
    print("wrote", KB / "support" / "service-levels-2026.pdf", KB / "data" / "migration-guide.docx")


if __name__ == "__main__":
    main()
