"""Hostile knowledge-base files: each refused by name and reason, the rest ingested, memory
bounded (issue 14). The files are built here, streamed, never committed."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import psutil
import pytest

from rag.ingest import FolderSource, ingest_path, ingest_source
from rag.ingest.limits import IngestLimits, name_problem
from rag.models import IngestReport
from rag.store import KnowledgeStore
from tests import rag_fixtures
from tests.rag_fixtures import SAMPLE_KB, HashingEmbedder

hashing_embedder = rag_fixtures.hashing_embedder
memory_store = rag_fixtures.memory_store

MIB = 1024 * 1024
GOOD = "# Delivery\n\nParcels arrive in 3-5 working days.\n"
RSS_BUDGET = 400 * MIB  # generous: the bombs below unpack to 200 MiB - 2 GiB


def _rss() -> int:
    return int(psutil.Process().memory_info().rss)


def _write_member(archive: zipfile.ZipFile, name: str, mib: int, unit: bytes) -> None:
    block = unit * (MIB // len(unit))
    with archive.open(_deflated(name), "w", force_zip64=True) as member:
        for _ in range(mib):
            member.write(block)


def _deflated(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _refused(report: IngestReport) -> dict[str, str]:
    return {n.path: n.reason for n in report.skipped if n.reason != "unchanged"}


def _ingest_measured(
    path: Path, store: KnowledgeStore, embedder: HashingEmbedder
) -> tuple[IngestReport, int]:
    before = _rss()
    report = ingest_path(path, store, embedder, chunk_tokens=128, chunk_overlap_tokens=16)
    return report, _rss() - before


def test_zip_bomb_and_huge_word_are_refused_and_the_rest_ingested(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    bomb = tmp_path / "kb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("good.md", GOOD)
        _write_member(archive, "bomb.txt", 2048, b"\0")  # 2 GiB of zeros: ~2 MB compressed
        _write_member(archive, "word.md", 200, b"a")  # one 200 MiB word
    assert bomb.stat().st_size < 5 * MIB
    report, grown = _ingest_measured(bomb, memory_store, hashing_embedder)
    assert [n.path for n in report.added] == ["good.md"]
    refused = _refused(report)
    assert set(refused) == {"bomb.txt", "word.md"}
    assert all("limit" in reason for reason in refused.values())
    assert grown < RSS_BUDGET


def test_zip_total_and_member_count_limits(tmp_path: Path) -> None:
    archive_path = tmp_path / "many.zip"
    with zipfile.ZipFile(archive_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(12):
            archive.writestr(f"doc{number:02d}.md", GOOD + "x" * 3000)
    source = FolderSource(
        archive_path, IngestLimits(max_zip_members=10, max_zip_total_bytes=8 * 3050)
    )
    names = source.names()
    refused = {}
    for name in names:
        try:
            source.read(name)
        except ValueError as exc:
            refused[name] = str(exc)
    assert len(names) == 12
    assert sorted(refused) == [f"doc{n:02d}.md" for n in range(8, 12)]
    assert "KB_MAX_ZIP_TOTAL_MIB" in refused["doc08.md"]
    assert "KB_MAX_ZIP_MEMBERS" in refused["doc11.md"]


def test_docx_with_a_huge_document_xml_is_refused(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "good.md").write_text(GOOD, encoding="utf-8")
    original = SAMPLE_KB / "help" / "invoices-and-vat.docx"
    with (
        zipfile.ZipFile(original) as source,
        zipfile.ZipFile(kb / "huge.docx", "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename == "word/document.xml":
                xml = source.read(info)
                head, tail = xml.split(b"</w:body>")
                with target.open(_deflated(info.filename), "w", force_zip64=True) as out:
                    out.write(head)
                    block = b"<w:p><w:r><w:t>" + b"x" * 1000 + b"</w:t></w:r></w:p>"
                    for _ in range(300 * MIB // len(block)):
                        out.write(block)
                    out.write(b"</w:body>" + tail)
            else:
                target.writestr(info, source.read(info))
    assert (kb / "huge.docx").stat().st_size < 5 * MIB
    report, grown = _ingest_measured(kb, memory_store, hashing_embedder)
    assert [n.path for n in report.added] == ["good.md"]
    assert "huge.docx" in _refused(report)
    assert grown < RSS_BUDGET


def test_csv_with_too_many_rows_is_refused(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "good.md").write_text(GOOD, encoding="utf-8")
    with (kb / "faq.csv").open("w", encoding="utf-8") as table:
        table.write("question,answer\n")
        for number in range(200_000):
            table.write(f"Question {number}?,Answer {number}.\n")
    report, grown = _ingest_measured(kb, memory_store, hashing_embedder)
    assert [n.path for n in report.added] == ["good.md"]
    assert "KB_MAX_TABLE_ROWS" in _refused(report)["faq.csv"]
    assert grown < RSS_BUDGET


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_links_out_of_the_folder_are_not_followed(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n\nThe admin password is hunter2.\n")
    kb = tmp_path / "kb"
    (kb / "inner").mkdir(parents=True)
    (kb / "good.md").write_text(GOOD, encoding="utf-8")
    (kb / "inner" / "also.md").write_text("# Returns\n\nWithin 30 days.\n", encoding="utf-8")
    (kb / "leak.md").symlink_to(outside / "secret.md")
    (kb / "alias.md").symlink_to(kb / "inner" / "also.md")  # inside: fine
    (kb / "linked").symlink_to(outside, target_is_directory=True)
    report = ingest_path(kb, memory_store, hashing_embedder)
    assert sorted(n.path for n in report.added) == ["alias.md", "good.md", "inner/also.md"]
    refused = _refused(report)
    assert "outside the ingested folder" in refused["leak.md"]
    assert "not followed" in refused["linked"]
    texts = " ".join(memory_store.chunk_texts())
    assert "hunter2" not in texts


def test_odd_member_names_are_refused(
    tmp_path: Path, memory_store: KnowledgeStore, hashing_embedder: HashingEmbedder
) -> None:
    odd = ["/etc/x.md", "C:/x.md", "../x.md", "a/../../x.md", "help/\u202egpj.md", "tab\tx.md"]
    archive_path = tmp_path / "odd.zip"
    with zipfile.ZipFile(archive_path, "w") as archive:
        archive.writestr("good.md", GOOD)
        for name in odd:
            archive.writestr(zipfile.ZipInfo(name), GOOD)
    report = ingest_source(FolderSource(archive_path), memory_store, hashing_embedder)
    assert [n.path for n in report.added] == ["good.md"]
    refused = _refused(report)
    assert len(refused) == len(odd)
    assert all("\u202e" not in path for path in refused)  # shown escaped, never raw
    assert {d.split("#")[0] for d in memory_store.document_states()} == {"good.md"}


@pytest.mark.parametrize(
    ("name", "ok"),
    [("help/delivery.md", True), ("de/lieferung.md", True), ("/etc/x.md", False),
     ("C:/x.md", False), ("..\\x.md", False), ("a\u202eb.md", False), ("a\u200bb.md", False),
     ("x" * 300 + ".md", False), ("a/ /b.md", False)],
)  # fmt: skip
def test_name_rules(name: str, ok: bool) -> None:
    assert (name_problem(name) is None) is ok


def test_cli_exit_status_says_files_were_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_rag_cli import _run

    monkeypatch.chdir(tmp_path)  # embedded Qdrant and the embedding cache under .localdata/
    monkeypatch.delenv("HUBSPOT_ACCESS_TOKEN", raising=False)
    monkeypatch.setenv("QDRANT_COLLECTION", "hostile_cli")
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "good.md").write_text(GOOD, encoding="utf-8")
    shutil.copy(SAMPLE_KB / "faq.csv", kb / "faq.csv")
    assert _run(["ingest", str(kb)]) == 0
    (kb / "leak.md").symlink_to(SAMPLE_KB / "help" / "warranty.md")
    assert _run(["ingest", str(kb)]) == 3
