"""Structure and language kept at ingest: a DOCX table under the heading it follows, list
items never cut by chunking, the language judged per section and per FAQ row, and region
tags mapped to the reply languages, down to the stored passages."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from core.languages import language_tag
from rag.ingest import ingest_path
from rag.ingest.chunking import chunk_sections
from rag.ingest.documents import Section
from rag.ingest.loaders import load_docx
from rag.store import KnowledgeStore
from tests import rag_fixtures
from tests.rag_fixtures import HashingEmbedder

hashing_embedder = rag_fixtures.hashing_embedder
memory_store = rag_fixtures.memory_store


def test_a_docx_table_belongs_to_the_heading_it_follows() -> None:
    document = docx.Document()
    document.add_heading("Shipping", level=1)
    document.add_heading("Where we deliver", level=2)
    document.add_paragraph("We deliver to every country in the EU and to Norway.")
    document.add_heading("Delivery options", level=2)
    document.add_paragraph("Choose an option at checkout:")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(
        table.rows,
        [
            ("Option", "Time", "Price"),
            ("Standard", "3-5 days", "49 SEK"),
            ("Express", "1 day", "99 SEK"),
        ],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_heading("Tracking", level=2)
    document.add_paragraph("We email you a tracking link when the parcel leaves the warehouse.")
    buffer = io.BytesIO()
    document.save(buffer)
    sections = {s.heading: s.text for s in load_docx("ship.docx", buffer.getvalue()).sections}
    assert sections["Delivery options"] == (
        "Choose an option at checkout:\nOption | Time | Price\n"
        "Standard | 3-5 days | 49 SEK\nExpress | 1 day | 99 SEK"
    )
    assert "Express" not in sections["Tracking"]


def test_chunking_never_cuts_inside_a_list_item() -> None:
    items = [
        f"- Option {n}: delivery in {n} working days to a pickup point near you. "
        f"It costs {n * 10} SEK and the parcel waits there for fourteen days. "
        "Bring the code from the text message."
        for n in range(1, 9)
    ]
    text = "Delivery options:\n" + "\n".join(items)
    chunks = chunk_sections(
        [Section(heading="Options", text=text)], chunk_tokens=120, overlap_tokens=0
    )
    assert len(chunks) > 1
    for item in items:
        assert any(item in chunk.text for chunk in chunks), item


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("nb-NO", "no"),
        ("nn", "no"),
        ("nb", "no"),
        ("no", "no"),
        ("de-AT", "de"),
        ("pt-BR", "pt"),
        ("sv-FI", "sv"),
        ("fr_CA", "fr"),
        ("Svenska", "sv"),
        ("EN", "en"),
        ("ja-JP", "ja"),
        ("", None),
        (None, None),
        ("12", None),
    ],
)
def test_region_tags_map_to_reply_languages(tag: str | None, language: str | None) -> None:
    assert language_tag(tag) == language


SWEDISH = (
    "Om du bor i Sverige skickar vi paketet med PostNord till ditt närmaste ombud. "
    "Leveransen tar normalt tre till fem arbetsdagar och du får ett sms när paketet har kommit."
)


def _languages(store: KnowledgeStore, embedder: HashingEmbedder) -> dict[str, str]:
    vector = embedder.embed_queries(["delivery"])[0]
    passages = store.search(dense=vector, sparse=None, mode="dense", limit=50)
    return {f"{p.doc_id}#{p.section}": p.language for p in passages}


def test_language_per_section_per_faq_row_and_from_region_tags_reaches_the_passages(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    (tmp_path / "delivery.md").write_text(
        "---\nlanguage: en-GB\n---\n# Delivery\n\n## In the EU\n\nParcels reach every EU "
        "country in five to eight working days, and we email you a tracking link.\n\n"
        f"## Leverans i Sverige\n\n{SWEDISH}\n\n## Costs\n\nFree over 5,000 SEK.\n",
        encoding="utf-8",
    )
    (tmp_path / "levering.md").write_text(
        "---\nlanguage: nb-NO\n---\n# Levering\n\nVi leverer til hele Norge på tre til fem "
        "virkedager, og du får en sporingslenke på e-post.\n",
        encoding="utf-8",
    )
    (tmp_path / "versand.html").write_text(
        '<html lang="de-AT"><body><main><h1>Versand</h1><p>Wir liefern nach Österreich in '
        "drei bis fünf Werktagen, und Sie erhalten einen Link zur Sendungsverfolgung.</p>"
        "</main></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "faq.csv").write_text(
        "question,answer,language\n"
        'How long does delivery take?,"Three to five working days in Sweden.",en\n'
        'Hur lång tid tar leveransen?,"Tre till fem arbetsdagar i Sverige.",sv-FI\n'
        'Vad kostar leveransen?,"Leveransen är gratis för beställningar över 5 000 kronor, '
        'annars kostar den 299 kronor inom hela Sverige.",\n',
        encoding="utf-8",
    )
    ingest_path(tmp_path, memory_store, hashing_embedder)
    languages = _languages(memory_store, hashing_embedder)
    assert languages["delivery.md#In the EU"] == "en"
    assert languages["delivery.md#Leverans i Sverige"] == "sv"  # its own language
    assert languages["delivery.md#Costs"] == "en"  # too short to tell: the document's
    assert languages["levering.md#"] == "no"
    assert languages["versand.html#"] == "de"
    assert languages["faq.csv#How long does delivery take?"] == "en"
    assert languages["faq.csv#Hur lång tid tar leveransen?"] == "sv"
    assert languages["faq.csv#Vad kostar leveransen?"] == "sv"  # no column: detected per row
    # retrieval's language preference and the answerability calibration filter on it
    swedish = memory_store.search(
        dense=hashing_embedder.embed_queries(["leverans"])[0],
        sparse=None,
        mode="dense",
        limit=10,
        filters={"language": "sv"},
    )
    assert {p.section for p in swedish} == {
        "Leverans i Sverige",
        "Hur lång tid tar leveransen?",
        "Vad kostar leveransen?",
    }
