"""Regenerate the PDF and DOCX articles of the charging (Voltway) knowledge base.

Run from /work/main:  .venv/bin/python evals/domains/charging/make_binary_docs.py
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the repository root, for evals.tools

from evals.tools.binary_docs import new_docx, write_pdf  # noqa: E402

KB = HERE / "kb"

TERMS = [
    "# Voltway terms of use",
    "Valid from 1 March 2026 for private customers in Sweden, Norway, Denmark and Germany.",
    "",
    "# Contracting party",
    "Your contract is with Voltway AB, Kungsgatan 12, 411 19 Göteborg, Sweden. In Germany the",
    "stations are operated by Voltway Deutschland GmbH, Friedrichstraße 68, 10117 Berlin.",
    "",
    "# Your account",
    "You must be at least 18 years old to open an account. Each person may have one private",
    "account. You are responsible for keeping your login details and charging cards safe.",
    "",
    "# Prices and payment",
    "The price shown in the app or on the charger before a session starts applies to that session.",
    "We announce changes of prices and of these terms at least 30 days in advance by email.",
    "Amounts are charged to the payment method of your account after each session.",
    "",
    "# Plus subscription",
    "Plus runs from month to month. You can cancel it at any time in the app; it ends at the end",
    "of the current calendar month. If you sign up for Plus online for the first time, you have a",
    "14-day right of withdrawal.",
    "",
    "# Idle fees",
    "An idle fee applies when a car stays connected to a charger after charging has finished, as",
    "set out in the price list. Idle fees caused by a fault of the charger are refunded.",
    "",
    "# Lost or stolen cards",
    "Block a lost or stolen card at once in the app. Sessions started after the card was blocked",
    "are not charged to you.",
    "",
    "# Complaints",
    "Send complaints to support@voltway.eu. Customers in Sweden can also turn to the National",
    "Board for Consumer Disputes (ARN). Voltway does not take part in consumer dispute",
    "resolution procedures in Germany.",
    "",
    "# Governing law",
    "Swedish law applies, except where the law of your country of residence gives you stronger",
    "rights as a consumer.",
    "",
    "Voltway AB - Org. nr 559301-2288 - help.voltway.eu",
]

PRICES = [
    ("Country", "Currency", "Flex AC", "Flex DC", "Plus AC", "Plus DC", "Plus per month"),
    ("Sweden", "SEK", "3.90", "6.50", "3.20", "4.95", "129"),
    ("Norway", "NOK", "3.50", "5.90", "2.90", "4.49", "129"),
    ("Denmark", "DKK", "2.75", "4.29", "2.25", "3.29", "89"),
    ("Germany", "EUR", "0.49", "0.69", "0.42", "0.52", "11.99"),
]

FEES = [
    ("Fee", "Sweden", "Norway", "Denmark", "Germany"),
    ("Idle fee at DC, per minute", "SEK 3", "NOK 3", "DKK 2", "EUR 0.30"),
    ("Idle fee, maximum per session", "SEK 300", "NOK 300", "DKK 200", "EUR 30"),
    ("Extra charging card", "SEK 49", "NOK 49", "DKK 39", "EUR 4.90"),
    ("Roaming fee per session", "SEK 5", "NOK 5", "DKK 4", "EUR 0.49"),
    ("Business Plus, per card and month", "SEK 99", "NOK 99", "DKK 69", "EUR 8.99"),
]


def _table(document: docx.document.Document, rows: Sequence[Sequence[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value


def price_list(path: Path) -> None:
    document = new_docx("Voltway price list 2026")
    document.add_heading("Voltway price list 2026", level=1)
    document.add_paragraph(
        "Valid from 1 September 2026 until further notice. Prices per kWh at Voltway stations, "
        "including VAT (25% in Sweden, Norway and Denmark, 19% in Germany)."
    )
    document.add_heading("About this price list", level=2)
    document.add_paragraph(
        "AC means chargers up to 22 kW (Type 2), DC means fast chargers (CCS), including Ultra "
        "stations. There is no start fee. Prices at partner networks (roaming) are set by the "
        "partner and are not in this list."
    )
    document.add_heading("kWh prices by country and subscription", level=2)
    document.add_paragraph("Prices per kWh in the local currency; the Plus fee per month.")
    _table(document, PRICES)
    document.add_heading("Fees by country", level=2)
    _table(document, FEES)
    document.add_heading("Notes", level=2)
    document.add_paragraph(
        "In Norway an idle fee of NOK 1 per minute also applies at AC chargers after 4 hours "
        "of connection, between 07:00 and 22:00."
    )
    document.add_paragraph(
        "The first charging card on a private account is free. Replacing a damaged card is "
        "free once per year."
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


def main() -> None:
    write_pdf(KB / "legal" / "terms-of-use-2026.pdf", "Voltway terms of use", TERMS)
    price_list(KB / "pricing" / "price-list-2026.docx")
    print("wrote", KB / "legal" / "terms-of-use-2026.pdf", KB / "pricing" / "price-list-2026.docx")


if __name__ == "__main__":
    main()
