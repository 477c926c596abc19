# ruff: noqa: E501  (one email a line: the data reads best unwrapped)
"""Regenerate the PDF and DOCX articles of the fitness (Pulsbox) knowledge base.

Run from /work/main:  .venv/bin/python evals/domains/fitness/make_binary_docs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the repository root, for evals.tools

from evals.tools.binary_docs import new_docx, write_pdf  # noqa: E402

KB = HERE / "kb"

TERMS = [
    "# Pulsbox general membership terms 2026",
    "Valid for membership agreements signed from 1 March 2026 in Sweden, Norway, Denmark and",
    "Finland. Pulsbox Group AB, Sankt Eriksgatan 63, 112 34 Stockholm. Org. nr 559456-7812.",
    "Agreements in Germany are made with Pulsbox Deutschland GmbH under separate terms (AGB).",
    "",
    "# 1. The agreement",
    "The agreement is personal and may not be used by anyone else. It starts on the day you join",
    "and runs until it is cancelled. The member must be at least 18 years old, or 15 years old with",
    "the consent of a parent or guardian.",
    "",
    "# 2. Fees and price changes",
    "Fees are paid monthly in advance. Pulsbox may change the monthly fee with at least 30 days'",
    "written notice before the change takes effect. During a binding period the fee is not raised,",
    "except for changes in VAT. If you do not accept a price change, you may cancel the agreement",
    "with effect from the day the new price applies.",
    "",
    "# 3. Binding period and notice",
    "Standard, All Clubs and Off-Peak have a binding period of 12 months. The notice period is one",
    "month, counted from the last day of the month in which notice is given.",
    "",
    "# 4. Closed clubs",
    "Pulsbox may close a club, or parts of it, for cleaning, repairs or renovation. If the home club",
    "is closed for more than 7 days in a row and no other club is within 10 km, the member gets a",
    "credit for the closed days.",
    "",
    "# 5. Liability",
    "Members train at their own risk. Pulsbox is liable for personal injury caused by faulty",
    "equipment or negligence by staff. Pulsbox is not liable for belongings left in day lockers,",
    "in changing rooms or on the training floor.",
    "",
    "# 6. Breach of the rules",
    "If a member seriously or repeatedly breaks the club rules, for example by letting others in",
    "without check-in, Pulsbox may end the agreement with immediate effect. A control fee of",
    "SEK 700 / NOK 700 / DKK 500 / EUR 70 may be charged.",
    "",
    "# 7. Personal data",
    "Pulsbox processes personal data as described in the privacy notice at pulsbox.com/privacy.",
    "Check-in data is kept for 24 months. Questions about personal data: privacy@pulsbox.com.",
    "",
    "# 8. Complaints and disputes",
    "Complaints are made to Member Service. Consumers may also turn to the national consumer",
    "dispute board in their country (ARN in Sweden, Forbrukertilsynet in Norway,",
    "Forbrugerklagenaevnet in Denmark, Kuluttajariitalautakunta in Finland).",
]

CLASSES = [
    ("Class", "Length", "Intensity", "Included in", "Good to know"),
    (
        "Spin 45",
        "45 min",
        "High",
        "All plans",
        "Bring a water bottle; shoes with SPD cleats optional",
    ),
    ("HIIT 30", "30 min", "Very high", "All plans", "Not for beginners"),
    ("Strength Basics", "50 min", "Medium", "All plans", "Technique-focused, good first class"),
    ("Yoga Flow", "60 min", "Low", "All plans", "Mats provided"),
    ("Back & Core", "45 min", "Low", "All plans", "Suitable when returning from back problems"),
    ("Mobility", "30 min", "Low", "All plans", "Suitable after many injuries"),
    (
        "Senior Strength",
        "45 min",
        "Low to medium",
        "All plans",
        "For members 65+, weekdays before 12:00",
    ),
    ("Teens Circuit", "45 min", "Medium", "Family membership", "Ages 13-17 only"),
]


def class_guide(path: Path) -> None:
    document = new_docx("Class guide autumn 2026")
    document.add_heading("Class guide autumn 2026", level=1)
    document.add_paragraph(
        "Valid 1 September to 20 December 2026 in all clubs with a studio. Not every club has "
        "every class; the timetable of each club is in the app."
    )
    document.add_heading("Class types", level=2)
    table = document.add_table(rows=len(CLASSES), cols=5)
    for row, values in zip(table.rows, CLASSES, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_heading("Classes after an injury", level=2)
    document.add_paragraph(
        "Back & Core and Mobility are calm classes that many members use when they return to "
        "training after an injury or surgery. Our instructors are not physiotherapists and cannot "
        "give treatment or a rehabilitation plan. Tell the instructor before the class if you "
        "have an injury, and follow the advice of your doctor or physiotherapist."
    )
    document.add_heading("New classes this autumn", level=2)
    document.add_paragraph(
        "Senior Strength is new in all Swedish and Finnish clubs from 1 September 2026 and in "
        "Norway, Denmark and Germany from 1 October 2026. HIIT 30 replaces HIIT 45."
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


def main() -> None:
    pdf = KB / "terms" / "membership-terms-2026.pdf"
    write_pdf(pdf, "Pulsbox general membership terms 2026", TERMS)
    docx_path = KB / "classes" / "class-guide-autumn-2026.docx"
    class_guide(docx_path)
    print("wrote", pdf, docx_path)


if __name__ == "__main__":
    main()
