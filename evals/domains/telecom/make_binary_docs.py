"""Write the PDF and DOCX articles of the telecom (Fjordnet) knowledge base.

    cd /work/main && .venv/bin/python evals/domains/telecom/make_binary_docs.py

kb/docs/price-list-2026.pdf: the price list of additional services (one section: PDFs have no
headings for the loader). kb/docs/fjordnet-business-guide.docx: the business customers'
guide; its price table belongs to the heading "Business mobile plans", in the MIDDLE of the
document (two more headings follow it).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO))

from evals.tools.binary_docs import new_docx, write_pdf  # noqa: E402

KB = HERE / "kb"

PRICE_LIST = [
    "Fjordnet price list - additional services",
    "Valid from 1 January 2026. All prices incl. VAT. Norway (NOK) / Denmark (DKK).",
    "",
    "# SIM cards and numbers",
    "New SIM card (replacement): NOK 99 / DKK 75 (free once every 12 months)",
    "Switch from SIM card to eSIM: NOK 99 / DKK 75",
    "Data SIM (tablet, car): NOK 49 / DKK 39 per month",
    "Watch SIM: NOK 59 / DKK 49 per month",
    "Change of phone number: NOK 199 / DKK 150",
    "Unlisted (secret) number: free",
    "",
    "# Invoices and payment",
    "Paper invoice by post: NOK 49 / DKK 39 per invoice (free for customers aged 75+)",
    "Copy of an invoice older than 24 months: NOK 75 / DKK 60 per invoice",
    "Reminder fee: NOK 35 / DKK 100",
    "Postponed payment: NOK 39 / DKK 29",
    "Reopening after barring: NOK 150 / DKK 125",
    "",
    "# Home broadband",
    "Fibre installation, new line dug in (Norway): NOK 3,990",
    "Technician visit, fault in customer's own equipment or wiring: NOK 1,190 / DKK 850",
    "Fjordnet Mesh unit: NOK 49 / DKK 35 per month",
    "External 5G antenna incl. installation: NOK 990",
    "Router not returned: NOK 1,200 / DKK 800",
    "",
    "Prices for roaming and Travel Pass: see fjordnet.no/roaming.",
    "Fjordnet AS, Strandkaien 4, 5013 Bergen. Fjordnet A/S, Vesterbrogade 12, 1620 København V.",
]


def write_price_list() -> None:
    write_pdf(KB / "docs" / "price-list-2026.pdf", "Fjordnet price list 2026", PRICE_LIST)


def write_business_guide() -> None:
    document = new_docx("Fjordnet Bedrift - guide for business customers")
    document.add_heading("Fjordnet Bedrift - guide for business customers", level=1)
    document.add_heading("About Fjordnet Bedrift", level=2)
    document.add_paragraph(
        "Fjordnet Bedrift is for companies with a Norwegian organisation number or a Danish "
        "CVR number. All subscriptions are on one company account with one collective invoice."
    )
    document.add_heading("Business mobile plans", level=2)
    document.add_paragraph(
        "Prices per user per month, excl. VAT. EU/EEA roaming is included as on the consumer "
        "plans; Bedrift Unlimited includes 50 GB per month in the EU/EEA."
    )
    rows = [
        ("Plan", "Data", "Norway (excl. VAT)", "Denmark (excl. VAT)"),
        ("Bedrift 10 GB", "10 GB", "NOK 239", "DKK 143"),
        ("Bedrift 30 GB", "30 GB", "NOK 319", "DKK 183"),
        ("Bedrift Unlimited", "Unlimited", "NOK 439", "DKK 239"),
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph(
        "Companies with 10 or more subscriptions get 10 % off the monthly price of all plans."
    )
    document.add_heading("Administrator portal", level=2)
    document.add_paragraph(
        "The company's administrator manages subscriptions at bedrift.fjordnet.no: add and "
        "remove users, order SIM cards and eSIMs, and set a monthly cost limit per employee."
    )
    document.add_heading("Invoicing", level=2)
    document.add_paragraph(
        "Business customers get one collective invoice per month with payment terms of 30 "
        "days. In Norway the invoice can be sent as EHF; otherwise it is sent as PDF by e-mail. "
        "Each subscription can be given a cost centre, which is shown on the invoice."
    )
    path = KB / "docs" / "fjordnet-business-guide.docx"
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


if __name__ == "__main__":
    write_price_list()
    write_business_guide()
    print("wrote", KB / "docs")
