"""rag.ingest.pdf_layout: a PDF's headings from its type, wrapped lines, page furniture."""

from __future__ import annotations

from pathlib import Path

from rag.ingest.loaders import load_pdf
from rag.ingest.pdf_layout import StyledLine, continues_line, heading_levels


def body(text: str) -> StyledLine:
    return StyledLine(text, 11.0, False)


def test_bold_at_body_size_is_a_heading_unless_everything_is_bold() -> None:
    lines = [
        StyledLine("Opening hours", 11.0, True),
        body("Monday to Friday, 8 to 17."),
        StyledLine("Closed days", 11.0, True),
        body("Christmas Eve and Midsummer Eve."),
    ]
    assert heading_levels(lines) == {0: 1, 2: 1}
    all_bold = [StyledLine(line.text, line.size, True) for line in lines]
    assert heading_levels(all_bold) == {}


def test_larger_sizes_nest_above_smaller_ones() -> None:
    lines = [
        StyledLine("Terms", 16.0, True),
        StyledLine("Payment", 13.0, True),
        body("Monthly by card."),
        StyledLine("Late payment", 11.0, True),
        body("A reminder after 10 days."),
    ]
    assert heading_levels(lines) == {0: 1, 1: 2, 3: 3}


def test_prose_set_larger_and_a_rotated_watermark_are_no_headings() -> None:
    intro = [
        StyledLine("Welcome to our price list for the year", 13.0, False),
        StyledLine("ahead: what follows applies to every plan", 13.0, False),
        StyledLine("and every country we serve, unless a section", 13.0, False),
        StyledLine("names another rule for your case", 13.0, False),
    ]
    lines = [*intro, body("Prices are monthly."), body("VAT is added.")]
    assert heading_levels(lines) == {}
    watermark = StyledLine("CONFIDENTIAL", 59.0, True, upright=False)
    assert heading_levels([watermark, *lines[4:]]) == {}


def test_a_wrapped_line_is_joined_but_a_numbered_item_stays_apart() -> None:
    assert continues_line("a credit of 10% of that month's", "fee; below 99.0%, 25%.")
    assert continues_line("prices from", "1 January 2026 apply.")
    assert not continues_line("1. Open the app", "2. Go to Settings")
    assert not continues_line("Credits are not paid out.", "then they expire")


def test_a_wrapped_heading_is_one_heading_and_two_headings_stay_two(tmp_path: Path) -> None:
    from evals.tools.binary_docs import write_pdf

    write_pdf(
        tmp_path / "p.pdf",
        "Price list",
        [
            "# Price list",
            "# Service credits for",
            "# annual plans",
            "Ten percent of the fee.",
            "# Prices",
            "# Starter",
            "SEK 149 a month.",
        ],
    )
    parsed = load_pdf("p.pdf", (tmp_path / "p.pdf").read_bytes())
    assert parsed.title == "Price list"
    assert [(s.heading, s.text) for s in parsed.sections] == [
        ("Service credits for annual plans", "Ten percent of the fee."),
        ("Starter", "SEK 149 a month."),
    ]
