"""Format loaders: Markdown, messy HTML, PDF, DOCX, FAQ tables, and unreadable files."""

from __future__ import annotations

import io
from pathlib import Path

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


def _styled_pdf(tmp_path: Path, lines: list[str], title: str = "Service levels 2026") -> bytes:
    from evals.tools.binary_docs import write_pdf  # bold 13 pt for "# " lines, else 11 pt

    path = tmp_path / "doc.pdf"
    write_pdf(path, title, lines)
    return path.read_bytes()


def test_a_pdf_s_headings_are_read_from_its_type_and_wrapped_lines_joined(
    tmp_path: Path,
) -> None:
    data = _styled_pdf(
        tmp_path,
        [
            "# Service levels 2026",
            "Valid from 1 January 2026.",
            "# Opening hours",
            "Monday to Friday 08:00-17:00 CET.",
            "# Service credits (Pro only)",
            "Below 99.9% availability Pro customers get a credit of 10% of that month's",
            "fee; below 99.0%, 25%.",
            "Credits are not paid out.",
        ],
    )
    parsed = load_pdf("sla.pdf", data)
    assert parsed.title == "Service levels 2026"  # the first line, as the metadata says
    assert [(s.heading, s.text) for s in parsed.sections] == [
        ("", "Valid from 1 January 2026."),
        ("Opening hours", "Monday to Friday 08:00-17:00 CET."),
        (
            "Service credits (Pro only)",
            "Below 99.9% availability Pro customers get a credit of 10% of that month's fee;"
            " below 99.0%, 25%.\nCredits are not paid out.",
        ),
    ]


def test_a_pdf_s_running_footer_is_dropped_and_kept_for_the_report(tmp_path: Path) -> None:
    rules = iter(f"Rule {i} applies to every member." for i in range(1, 150))
    lines = ["# Terms", "# Membership"]
    for number in (1, 2, 3):  # 50 lines a page: the footer ends each one
        while len(lines) % 50 < 49:
            lines.append(next(rules))
        lines.append(f"Acme AB - page {number} of 3 - help.acme.example")
    assert len(lines) == 150 and lines[50] == "Rule 48 applies to every member."
    parsed = load_pdf("terms.pdf", _styled_pdf(tmp_path, lines, title="Terms"))
    text = "\n".join(s.text for s in parsed.sections)
    assert "page 2 of 3" not in text and "page 3 of 3" not in text
    assert "Rule 47 applies" in text and parsed.sections[0].heading == "Membership"
    assert parsed.furniture == ["Acme AB - page 1 of 3 - help.acme.example"]
    # A document of two pages has too few to tell furniture from content: kept.
    two = load_pdf("two.pdf", _styled_pdf(tmp_path, lines[:100], title="Terms"))
    assert two.furniture == [] and "page 2 of 3" in two.sections[-1].text


def test_a_pdf_set_in_one_style_has_no_headings_to_read(tmp_path: Path) -> None:
    data = _styled_pdf(tmp_path, ["Opening hours", "Monday to Friday.", "Credits", "None."])
    parsed = load_pdf("plain.pdf", data)
    assert [s.heading for s in parsed.sections] == [""]  # as before: paragraphs only
