"""Knowledge-base hygiene at ingest: boilerplate removed before chunking (known shapes in
the reply languages and lines repeated across documents), facts shared by near-duplicate
articles kept, the ingest report naming what went and from how many files, short sections
merged."""

from __future__ import annotations

from pathlib import Path

import pytest

from localdev.commands.ingest import print_hygiene
from rag.ingest import ingest_path
from rag.ingest.boilerplate import strip_boilerplate
from rag.ingest.boilerplate_shapes import shape_of
from rag.ingest.documents import Section
from rag.ingest.pipeline import FolderSource, boilerplate_profile, load_document
from rag.ingest.short_sections import merge_short_sections
from rag.models import BoilerplateNote
from rag.store import KnowledgeStore
from tests import rag_fixtures
from tests.rag_fixtures import HashingEmbedder

hashing_embedder = rag_fixtures.hashing_embedder
memory_store = rag_fixtures.memory_store

FOOTER = (
    "\n---\n\nWas this article helpful? Yes / No\n\n"
    "© 2026 Acme AB. All rights reserved. [Privacy](https://acme.example/privacy) | "
    "[Terms](https://acme.example/terms)\n\n"
    "Need more help? [Contact us](https://acme.example/contact)\n\n"
    "Acme: cycling made simple\n"  # the team's own tagline: no known shape, only repeated
)
RETURN_RULE = "Return unused products within 30 days of delivery."
REFUND_RULE = "Refunds are paid back to the original payment method."

ARTICLES = {
    "help/delivery.md": "# Delivery\n\n## Times\n\nParcels arrive in 3-5 working days in Sweden "
    "and in 5-8 working days elsewhere in the EU.\n\n## Costs\n\nDelivery is free on orders "
    "over 5,000 SEK; smaller orders pay 299 SEK for delivery to the door.\n",
    "help/warranty.md": "# Warranty\n\nThe frame and the motor have a two-year warranty. The "
    "battery is covered for one year or 500 charge cycles, whichever comes first.\n",
    "help/app.md": "# The app\n\nLog in to the Acme app with your email address and the "
    "one-time code we send you. There is no password to remember.\n",
    # a near-duplicate pair: the same rules, stated at the end of both articles
    "help/returns.md": "# Returns\n\nPrint the return label under My orders and attach it to "
    f"the parcel before you drop it off.\n\n{RETURN_RULE}\n\n{REFUND_RULE}\n",
    "help/returns-eu.md": "# Returns from the EU\n\nCustomers outside Sweden print the EU "
    f"return label under My orders and drop the parcel off.\n\n{RETURN_RULE}\n\n{REFUND_RULE}\n",
}
FAQ = (
    "question,answer\n"
    f'How do I get my money back?,"{REFUND_RULE}"\n'
    'Do you deliver to Norway?,"Yes, Norway takes 5-8 working days."\n'
)
HTML = """<!DOCTYPE html><html lang="en"><head><title>Spare parts | Acme Help</title></head>
<body><main>
<p>Home &gt; Help &gt; Spare parts</p>
<h1>Spare parts</h1>
<p>Batteries, chargers and brake pads are sold in our web shop. Each part page lists the
bike models it fits, so you can check before you order.</p>
<div class="c-7f2a">
  <p>Was this article helpful?</p>
  <ul><li>Yes</li><li>No</li></ul>
  <p>12 out of 15 found this helpful</p>
</div>
<h3>Related articles</h3>
<ul><li><a href="/help/delivery">Delivery</a></li><li><a href="/help/returns">Returns</a></li></ul>
<div class="x1"><p>Need more help? <a href="/contact">Contact us</a></p></div>
</main></body></html>
"""
LOCALISED_FOOTERS = {
    "sv": "Var den här artikeln till hjälp? Ja / Nej\n\n"
    "© 2026 Acme AB. Alla rättigheter förbehållna. Integritet | Villkor\n\n"
    "Behöver du mer hjälp? Kontakta oss",
    "de": "War dieser Artikel hilfreich? Ja / Nein\n\n"
    "© 2026 Acme AB. Alle Rechte vorbehalten. Datenschutz | AGB | Impressum\n\n"
    "Brauchen Sie weitere Hilfe? Kontaktieren Sie uns.",
    "fi": "Oliko tästä artikkelista apua? Kyllä / Ei\n\n"
    "© 2026 Acme AB. Kaikki oikeudet pidätetään. Tietosuoja | Käyttöehdot\n\n"
    "Tarvitsetko lisää apua? Ota yhteyttä.",
    "pl": "Czy ten artykuł był pomocny? Tak / Nie\n\n"
    "© 2026 Acme AB. Wszelkie prawa zastrzeżone. Polityka prywatności | Regulamin\n\n"
    "Potrzebujesz pomocy? Skontaktuj się z nami.",
    "fr": "Cet article vous a-t-il été utile ? Oui / Non\n\n"
    "© 2026 Acme AB. Tous droits réservés. Confidentialité | Mentions légales\n\n"
    "Besoin d'aide ? Contactez-nous.",
}
LOCALISED_BODIES = {
    "sv": "Leveransen tar 3-5 arbetsdagar i Sverige. Frakten är gratis över 5 000 kr.",
    "de": "Die Lieferung dauert in Schweden 3-5 Werktage. Ab 5.000 SEK ist der Versand frei.",
    "fi": "Toimitus kestää Ruotsissa 3-5 arkipäivää. Toimitus on ilmainen yli 5 000 kruunun "
    "tilauksille.",
    "pl": "Dostawa w Szwecji trwa 3-5 dni roboczych. Dostawa jest bezpłatna od 5000 SEK.",
    "fr": "La livraison prend 3 à 5 jours ouvrés en Suède. Elle est gratuite dès 5 000 SEK.",
}


def write_messy_kb(root: Path) -> Path:
    for name, body in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(body + FOOTER, encoding="utf-8")
    (root / "faq.csv").write_text(FAQ, encoding="utf-8")
    (root / "help" / "spare-parts.html").write_text(HTML, encoding="utf-8")
    for language, footer in LOCALISED_FOOTERS.items():
        (root / language).mkdir()
        (root / language / "delivery.md").write_text(
            f"---\nlanguage: {language}\n---\n# Delivery\n\n{LOCALISED_BODIES[language]}\n\n"
            f"{footer}\n",
            encoding="utf-8",
        )
    return root


def _documents(root: Path) -> dict[str, str]:
    source = FolderSource(root)
    profile = boilerplate_profile(source)
    texts = {}
    for name in source.names():
        document = load_document(source.read(name), "", repeated=profile)
        texts[name] = "\n".join(f"{s.heading}\n{s.text}" for s in document.sections)
    return texts


BOILERPLATE_WORDS = (
    "helpful",
    "©",
    "Privacy",
    "Contact us",
    "cycling made simple",
    "Home >",
    "Related articles",
    "found this",
    "hjälp?",
    "hilfreich",
    "apua",
    "pomocny",
    "utile",
    "Kontakt",
    "Skontaktuj",
    "Contactez",
    "Ota yhteyttä",
)


def test_footers_feedback_blocks_and_repeated_lines_are_removed_in_every_format(
    tmp_path: Path,
) -> None:
    texts = _documents(write_messy_kb(tmp_path))
    for name, text in texts.items():
        left = [word for word in BOILERPLATE_WORDS if word in text]
        assert not left, f"{name} still holds {left}: {text!r}"
    # the articles themselves are all there
    assert "Each part page lists the" in texts["help/spare-parts.html"]
    assert "500 charge cycles" in texts["help/warranty.md"]
    assert "3-5 arbetsdagar" in texts["sv/delivery.md"]
    assert "Norway takes 5-8 working days" in texts["faq.csv"]


def test_facts_shared_by_near_duplicate_articles_and_an_faq_row_are_kept(tmp_path: Path) -> None:
    texts = _documents(write_messy_kb(tmp_path))
    for name in ("help/returns.md", "help/returns-eu.md"):
        assert RETURN_RULE in texts[name] and REFUND_RULE in texts[name]
    assert REFUND_RULE in texts["faq.csv"]


def test_a_repeated_line_goes_only_when_it_is_boilerplate_shaped(tmp_path: Path) -> None:
    profile = boilerplate_profile(FolderSource(write_messy_kb(tmp_path)))
    assert "acme: cycling made simple" in profile  # at the end of five unrelated articles
    assert not any("refunds are paid" in line or "return unused" in line for line in profile)


def test_the_ingest_report_names_each_removed_line_and_its_files(
    tmp_path: Path,
    memory_store: KnowledgeStore,
    hashing_embedder: HashingEmbedder,
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = ingest_path(write_messy_kb(tmp_path), memory_store, hashing_embedder)
    notes = {(n.kind, n.line): n.files for n in report.boilerplate}
    assert notes[("feedback", "Was this article helpful? Yes / No")] == 5
    assert notes[("repeated", "Acme: cycling made simple")] == 5
    assert notes[("legal", "© 2026 Acme AB. All rights reserved. Privacy | Terms")] == 5
    assert notes[("feedback", "Var den här artikeln till hjälp? Ja / Nej")] == 1
    assert notes[("related", "Related articles")] == 1
    assert notes[("navigation", "Home > Help > Spare parts")] == 1
    assert all(len(n.line) <= 80 for n in report.boilerplate)  # lines, never article bodies
    stored = " ".join(memory_store.chunk_texts())
    assert "helpful" not in stored and "©" not in stored and "cycling made simple" not in stored

    again = ingest_path(tmp_path, memory_store, hashing_embedder)  # unchanged: still reported
    assert {(n.kind, n.line): n.files for n in again.boilerplate} == notes

    print_hygiene(report)
    printed = capsys.readouterr().out
    assert 'boilerplate removed: "Was this article helpful? Yes / No" (feedback) from 5 files' in (
        printed
    )
    assert "Print the return label" not in printed


def test_a_document_whose_footer_is_newly_repeated_is_chunked_again(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    root = tmp_path / "kb"
    root.mkdir()
    bodies = [
        "Parcels arrive in three to five working days anywhere in Sweden.",
        "The frame and the motor come with a two-year warranty from us.",
        "Log in to the app with the one-time code that we send by email.",
        "Print the return label under My orders and attach it to the parcel.",
    ]
    for number, body in enumerate(bodies[:2]):
        (root / f"a{number}.md").write_text(f"# A{number}\n\n{body}\n\nRide on with Acme\n")
    ingest_path(root, memory_store, hashing_embedder)
    assert any("Ride on" in text for text in memory_store.chunk_texts())  # twice: not yet
    for number, body in enumerate(bodies[2:], start=2):
        (root / f"a{number}.md").write_text(f"# A{number}\n\n{body}\n\nRide on with Acme\n")
    report = ingest_path(root, memory_store, hashing_embedder)
    assert sorted(n.path for n in report.updated) == ["a0.md", "a1.md"]
    assert not any("Ride on" in text for text in memory_store.chunk_texts())


@pytest.mark.parametrize("language", sorted(LOCALISED_FOOTERS))
def test_the_footer_shapes_are_known_in_each_language(language: str) -> None:
    for line in LOCALISED_FOOTERS[language].split("\n\n"):
        assert shape_of(line, at_edge=False) is not None, line
    assert shape_of(LOCALISED_BODIES[language], at_edge=True) is None


@pytest.mark.parametrize(
    "line",
    [
        "Contact us if the bike arrives damaged.",
        "Contact us at support@acme.example.",
        "Call us on 08-123 456 78, weekdays 9-17.",
        "- in My account under Mobile > SIM > Show PUK",
        "Go to Settings > Privacy > Download data.",
        "Under Profile > Settings > Privacy you choose:",
        "Which utilities are included in the rent?",
        "Updated prices apply from 1 May.",
        "Yes, we deliver to Norway.",
        "We use cookies to remember your language; you can turn them off in your browser.",
    ],
)
def test_lines_that_only_look_like_boilerplate_are_kept(line: str) -> None:
    sections = [Section(heading="Help", text=f"Something to say first here.\n{line}\nAnd after.")]
    kept, removed = strip_boilerplate(sections)
    assert removed == [] and line in kept[0].text


@pytest.mark.parametrize(
    "footer",
    [
        "Need more help? Contact us at help@acme.example",
        "Need more help? Chat with us in the app or call 915 09 000 (Norway).",
        "Trenger du mer hjelp? Kontakt oss på chat i appen eller ring 915 09 000.",
        "Brug for mere hjælp? Skriv til os i appen eller ring 70 20 30 40.",
    ],
)
def test_help_footers_with_a_way_to_reach_the_team_go(footer: str) -> None:
    assert shape_of(footer, at_edge=True) == "contact"
    assert shape_of("Contact us at help@acme.example", at_edge=True) is None  # an article's
    kept = "Still need help? Write to help@acme.example: we usually reply within 2 working days."
    assert shape_of(kept, at_edge=True) is None  # the reply time is said nowhere else


@pytest.mark.parametrize(
    "line",
    [
        "Ledgerly AB - Org. nr 559123-4567 - help.ledgerly.se",
        "Acme Oy – Y-tunnus 1234567-8 – www.acme.fi",
        "Acme AB · Storgatan 1 · 111 22 Stockholm",
    ],
)
def test_a_company_footer_goes_at_an_edge_whatever_separates_its_parts(line: str) -> None:
    assert shape_of(line, at_edge=True) == "legal"
    assert shape_of(line, at_edge=False) is None  # inside an article: an address, kept
    assert shape_of("Acme AB - Pro - SEK 649 per month", at_edge=True) is None  # a price


def test_a_pdf_s_running_footer_is_reported_with_the_boilerplate(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    from evals.tools.binary_docs import write_pdf

    rules = iter(f"Rule {i} applies to every member." for i in range(100, 250))
    lines = ["# Terms"]
    for number in (1, 2, 3):  # 50 lines a page
        while len(lines) % 50 < 49:
            lines.append(next(rules))
        lines.append(f"Page {number} of 3")
    write_pdf(tmp_path / "terms.pdf", "Terms", lines)
    report = ingest_path(tmp_path, memory_store, hashing_embedder)
    notes = {(n.kind, n.line): n.files for n in report.boilerplate}
    assert notes == {("page", "Page 1 of 3"): 1}
    assert "of 3" not in " ".join(memory_store.chunk_texts())


def test_a_cookie_banner_goes_only_at_a_document_edge() -> None:
    banner = "We use cookies to improve your experience. By continuing you accept our policy."
    body = "\n".join(f"Line {n} of the article about something specific." for n in range(12))
    kept, removed = strip_boilerplate([Section(text=f"{banner}\n{body}")])
    assert [r.kind for r in removed] == ["cookies"] and banner not in kept[0].text
    kept, removed = strip_boilerplate([Section(text=f"{body}\n{banner}\n{body}")])
    assert removed == [] and banner in kept[0].text


def test_short_generic_sections_join_a_neighbour_and_specific_ones_stand_alone() -> None:
    sections = [
        Section(text="This article explains our rules."),  # generic lead: joins the next
        Section(heading="Return period", text=RETURN_RULE + " Keep the original packaging."),
        Section(heading="Saver", text="Saver tickets cannot be changed or refunded."),
        Section(heading="Paying", text="A Klarna invoice has 30 days to pay."),
        Section(heading="2025-11-18", text="- Log in with Norwegian BankID."),  # dated entry
        Section(heading="Questions", text="We are always happy to help."),  # joins the previous
    ]
    merged, notes = merge_short_sections(sections)
    assert [s.heading for s in merged] == ["Return period", "Saver", "Paying", "2025-11-18"]
    assert merged[0].text.startswith("This article explains our rules.\n\n" + RETURN_RULE)
    assert merged[3].text.endswith("Questions: We are always happy to help.")
    assert notes == [
        'the lead text (5 words) merged into "Return period"',
        '"Questions" (6 words) merged into "2025-11-18"',
    ]


def test_faq_rows_and_a_document_s_only_section_stand_alone() -> None:
    rows = [
        Section(heading="Is delivery free?", text="Yes.", faq_row=True),
        Section(heading="Do you ship to Norway?", text="Yes, we do.", faq_row=True),
    ]
    assert merge_short_sections(rows) == (rows, [])
    only = [Section(heading="Warranty", text="Two years.")]
    assert merge_short_sections(only) == (only, [])


def test_the_ingest_report_lists_merged_sections(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    (tmp_path / "returns.md").write_text(
        f"# Returns\n\n## Period\n\n{RETURN_RULE} Keep the packaging until the case is "
        "closed.\n\n## More\n\nWe are happy to help.\n",
        encoding="utf-8",
    )
    report = ingest_path(tmp_path, memory_store, hashing_embedder)
    assert [(n.path, n.reason) for n in report.short_sections] == [
        ("returns.md", '"More" (5 words) merged into "Period"')
    ]
    assert memory_store.count() == 1


def test_merge_reports_adds_up_the_files_of_a_line_across_steps() -> None:
    from rag.ingest import merge_reports
    from rag.models import IngestReport

    total = IngestReport(
        boilerplate=[BoilerplateNote(line="Was this helpful?", kind="feedback", files=3)]
    )
    part = IngestReport(
        boilerplate=[
            BoilerplateNote(line="Was this helpful?", kind="feedback", files=2),
            BoilerplateNote(line="© Acme", kind="legal", files=1),
        ]
    )
    merge_reports(total, part)
    assert [(n.line, n.files) for n in total.boilerplate] == [
        ("Was this helpful?", 5),
        ("© Acme", 1),
    ]
