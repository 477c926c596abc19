"""Write the two binary articles of the Baltiva knowledge base.

    kb/help/club-terms-2026.pdf       Baltiva Club membership terms (one PDF, read as one section)
    kb/help/vehicle-prices-2026.docx  vehicle price list; its price table sits under the heading
                                      "Prices per route (one way)", in the MIDDLE of the document

Run from /work/main:

    .venv/bin/python evals/domains/travel/make_binary_docs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO))

from evals.tools.binary_docs import new_docx, write_pdf  # noqa: E402

KB = HERE / "kb"

CLUB_TERMS_TITLE = "Baltiva Club – Membership Terms 2026"
CLUB_TERMS = [
    "# Baltiva Club – Membership Terms 2026",
    "Valid from 1 January 2026. Baltiva Oy, Porkkalankatu 20 A, 00180 Helsinki, Finland.",
    "",
    "# 1. Membership",
    "1.1 Membership of Baltiva Club is free of charge. Members must be at least 18 years old,",
    "except children in a family membership (see 4).",
    "1.2 Each member has one personal membership number. The digital membership card is in",
    "the Baltiva app.",
    "",
    "# 2. Earning points",
    "2.1 Members earn 1 point per EUR 1 spent on tickets, cabins, vehicles and pre-booked meals,",
    "and 1 point per EUR 2 spent in onboard restaurants and shops.",
    "2.2 No points are earned on group bookings, on tickets bought through a travel agency or",
    "on gift cards.",
    "2.3 Missing points can be claimed up to 6 months after the trip.",
    "",
    "# 3. Validity of points",
    "3.1 Points are valid for 24 months from the end of the month in which they were earned.",
    "Expired points cannot be restored.",
    "",
    "# 4. Family membership",
    "4.1 Up to 4 persons living at the same address can share a family membership. The points",
    "of all family members are collected on the main member's account.",
    "4.2 Children under 18 can be part of a family membership but cannot be the main member.",
    "",
    "# 5. Using points",
    "5.1 1,000 points give a voucher of EUR 10. Vouchers are valid for 12 months and can only",
    "be used for online bookings.",
    "5.2 Points cannot be transferred to another member, except within a family membership.",
    "",
    "# 6. Levels",
    "6.1 The levels are Blue, Silver (1,500 points in 12 months) and Gold (5,000 points in",
    "12 months). The level is checked every month and kept for at least 12 months.",
    "",
    "# 7. End of membership",
    "7.1 A membership in which no points have been earned for 36 months ends automatically;",
    "remaining points expire.",
    "7.2 Members can end their membership at any time under My Club > Settings.",
    "",
    "# 8. Changes to these terms",
    "8.1 Baltiva may change these terms with 30 days' notice by email.",
]

VEHICLE_PRICES_TITLE = "Vehicle prices 2026"
VEHICLE_TABLE = [
    ("Vehicle", "Helsinki–Tallinn", "Stockholm–Riga", "Travemünde–Helsinki"),
    ("Car (up to 1.90 m high and 5.00 m long)", "EUR 39", "EUR 69", "EUR 149"),
    ("High vehicle (van, camper), per metre", "EUR 12", "EUR 18", "EUR 32"),
    ("Motorbike", "EUR 19", "EUR 35", "EUR 79"),
    ("Trailer or caravan, per metre", "EUR 10", "EUR 15", "EUR 28"),
    ("Bicycle", "EUR 5", "EUR 10", "EUR 15"),
]


def write_club_terms() -> Path:
    path = KB / "help" / "club-terms-2026.pdf"
    write_pdf(path, CLUB_TERMS_TITLE, CLUB_TERMS)
    return path


def write_vehicle_prices() -> Path:
    path = KB / "help" / "vehicle-prices-2026.docx"
    document = new_docx(VEHICLE_PRICES_TITLE)
    document.add_heading(VEHICLE_PRICES_TITLE, level=1)
    document.add_paragraph(
        "Prices for taking a vehicle on our ferries, one way, for departures from 1 January to "
        "31 December 2026. The driver and all passengers are booked and paid separately."
    )
    document.add_heading("Which vehicle category?", level=2)
    document.add_paragraph(
        "A car is max. 1.90 m high and max. 5.00 m long, incl. roof box or bike rack. Higher or "
        "longer vehicles (vans, campers) are priced per metre of length, rounded up to the next "
        "full metre. A trailer or caravan is priced per metre of its own length."
    )
    document.add_heading("Prices per route (one way)", level=2)
    document.add_paragraph("All prices in EUR incl. VAT, per vehicle and crossing.")
    table = document.add_table(rows=len(VEHICLE_TABLE), cols=len(VEHICLE_TABLE[0]))
    table.style = "Table Grid"
    for row, values in zip(table.rows, VEHICLE_TABLE, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_heading("Peak season surcharge", level=2)
    document.add_paragraph(
        "From 20 June to 16 August 2026 a surcharge of 15% applies to all vehicle prices on "
        "Travemünde–Helsinki."
    )
    document.add_heading("Discounts", level=2)
    document.add_paragraph(
        "Baltiva Club Silver and Gold members get 10% off vehicle prices on Helsinki–Tallinn. "
        "The discount cannot be combined with other offers."
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def main() -> None:
    for path in (write_club_terms(), write_vehicle_prices()):
        print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
