"""Format loaders: Markdown, messy HTML, PDF, DOCX, FAQ tables, and unreadable files."""

from __future__ import annotations

import io

import docx
import pytest
from docx.text.paragraph import Paragraph

from rag.ingest.documents import UnreadableDocument
from rag.ingest.loaders import (
    load_docx,
    load_faq_csv,
    load_faq_jsonl,
    load_html,
    load_markdown,
    load_pdf,
    load_text,
    loader_for,
)
from tests.rag_fixtures import SAMPLE_KB


def test_markdown_front_matter_title_and_heading_paths() -> None:
    parsed = load_markdown(
        "a.md",
        b"---\ntitle: Returns\nurl: https://x.example/r\nlanguage: en\n---\n# Ignored H1\n"
        b"Lead text.\n\n## Period\n\n30 days, see [label](https://x.example/label).\n\n"
        b"### Bikes\n\nUnused only.\n",
    )
    assert parsed.title == "Returns"
    assert parsed.meta["url"] == "https://x.example/r" and parsed.meta["language"] == "en"
    assert [(s.heading, s.text) for s in parsed.sections] == [
        ("", "Lead text."),
        ("Period", "30 days, see label (https://x.example/label)."),
        ("Period > Bikes", "Unused only."),
    ]


def test_messy_html_export_keeps_the_article_and_drops_boilerplate() -> None:
    parsed = load_html("spare-parts.html", (SAMPLE_KB / "help" / "spare-parts.html").read_bytes())
    text = "\n".join(f"{s.heading}: {s.text}" for s in parsed.sections)
    assert parsed.title == "Spare parts and accessories"
    assert parsed.meta["url"] == "https://nordvikbikes.example/help/spare-parts"
    assert "Batteries, chargers, tyres and brake pads" in text
    assert "Which parts fit my bike?" in text
    for boilerplate in (
        "cookie",
        "Log in",
        "newsletter",
        "Privacy",
        "Popular articles",
        "dataLayer",
        "font-family",
    ):
        assert boilerplate.lower() not in text.lower(), boilerplate


def test_pdf_and_docx_samples_are_read() -> None:
    pdf = load_pdf("battery-care.pdf", (SAMPLE_KB / "help" / "battery-care.pdf").read_bytes())
    assert pdf.title == "Battery care and battery warranty"
    assert "500 charge cycles" in pdf.sections[0].text
    doc = load_docx("inv.docx", (SAMPLE_KB / "help" / "invoices-and-vat.docx").read_bytes())
    assert doc.title == "Invoices, VAT and payment"
    assert ("Paying with Klarna", "A Klarna invoice has 30 days to pay.") in [
        (s.heading, s.text) for s in doc.sections
    ]


def test_docx_headings_lists_and_tables() -> None:
    document = docx.Document()
    document.add_heading("Guide", level=1)
    document.add_heading("Steps", level=2)
    document.add_paragraph("Open the app", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Battery", "1 year"
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = load_docx("g.docx", buffer.getvalue())
    assert parsed.title == "Guide"
    assert parsed.sections[0].heading == "Steps"
    assert (
        "- Open the app" in parsed.sections[0].text
        and "Battery | 1 year" in parsed.sections[0].text
    )


def test_docx_styles_are_looked_up_once_per_style_not_per_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # python-docx scans every style to find the default one, for each paragraph: 1.7 ms a
    # paragraph, so the largest accepted .docx took past the function timeout.
    document = docx.Document()
    document.add_heading("Guide", level=1)
    for number in range(300):
        document.add_paragraph(f"Step {number}")
    document.add_heading("More", level=2)
    document.add_paragraph("Last", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    lookups = 0
    style: property = Paragraph.__dict__["style"]
    original = style.fget
    assert original is not None

    def counted(paragraph: Paragraph) -> object:
        nonlocal lookups
        lookups += 1
        return original(paragraph)

    monkeypatch.setattr(Paragraph, "style", property(counted))
    parsed = load_docx("g.docx", buffer.getvalue())
    assert lookups <= 4  # Heading 1, Normal, Heading 2, List Bullet
    assert parsed.title == "Guide"
    assert parsed.sections[0].text.startswith("Step 0\nStep 1")
    assert parsed.sections[-1].heading == "More" and parsed.sections[-1].text == "- Last"


def test_faq_tables_become_one_section_per_question() -> None:
    csv_parsed = load_faq_csv("faq.csv", (SAMPLE_KB / "faq.csv").read_bytes())
    assert len(csv_parsed.sections) == 7
    assert csv_parsed.sections[2].heading == "How do I pay with Klarna invoice?"
    jsonl = load_faq_jsonl(
        "f.jsonl", b'{"question": "Q1?", "answer": "A1."}\n\n{"q": "Q2?", "a": "A2."}\n'
    )
    assert [(s.heading, s.text) for s in jsonl.sections] == [("Q1?", "A1."), ("Q2?", "A2.")]


@pytest.mark.parametrize(
    ("loader", "name", "data", "message"),
    [
        (load_pdf, "x.pdf", b"%PDF-1.4 garbage", "unreadable PDF"),
        (load_docx, "x.docx", b"not a zip", "unreadable DOCX"),
        (load_faq_csv, "x.csv", b"title,body\na,b\n", "question and answer"),
        (load_faq_jsonl, "x.jsonl", b"{not json", "not JSON"),
        (load_text, "x.txt", b"   \n  ", "no text"),
    ],
)
def test_unreadable_inputs_raise_a_named_error(loader, name, data, message) -> None:
    with pytest.raises(UnreadableDocument, match=message) as info:
        loader(name, data)
    assert name in str(info.value)


def test_loader_lookup_by_extension() -> None:
    assert loader_for("a/b/FAQ.CSV") is load_faq_csv
    assert loader_for("x.htm") is load_html
    assert loader_for("image.png") is None
