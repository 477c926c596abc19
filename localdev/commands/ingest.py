"""`triage ingest PATH`: load a folder, .zip or file into the knowledge base (incremental).

The same plan, bounded steps and finish as POST /api/kb/ingest (rag.ingest.pipeline), so
`--recreate` builds a new collection and switches the alias to it only when complete."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from pydantic import ValidationError

from core.settings import Settings, SettingsError

if TYPE_CHECKING:
    from rag.models import IngestReport

FILES_REFUSED = 3  # exit status: ingested, but some files were refused or unreadable
# Problems of settings the knowledge-base commands do not use (HubSpot, ledger).
_NOT_NEEDED_HERE = ("HUBSPOT_", "LEDGER_")


def load_rag_settings() -> Settings:
    """Settings for the knowledge-base commands; HubSpot and ledger settings are optional."""
    try:
        settings = Settings()
    except ValidationError as exc:
        missing_token = any(e["loc"] == ("hubspot_access_token",) for e in exc.errors())
        if not missing_token:
            raise SettingsError(
                [(str(e["loc"][0]).upper(), e["msg"]) for e in exc.errors()]
            ) from None
        settings = Settings(hubspot_access_token="not-needed-for-the-knowledge-base")
    problems = [p for p in settings.dependency_problems() if not p[0].startswith(_NOT_NEEDED_HERE)]
    if problems:
        raise SettingsError(problems)
    return settings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="load help articles into the knowledge base (Qdrant)",
        description=(
            "Load Markdown, HTML, text, PDF, DOCX and FAQ tables (CSV/JSONL with question and "
            "answer columns) from a folder, a .zip or one file into the knowledge base. "
            "Incremental: unchanged documents are skipped, changed ones re-embedded, documents "
            "no longer in PATH deleted. Uses QDRANT_URL, or embedded Qdrant at QDRANT_PATH "
            "(default .localdata/qdrant), and EMBEDDING_PROVIDER/EMBEDDING_MODEL. "
            "QDRANT_COLLECTION is an alias: searches keep reading the complete collection "
            "while a rebuild writes a new one. Limits (KB_MAX_FILE_MIB, KB_MAX_MARKUP_MIB, "
            "KB_MAX_TABLE_MIB, KB_MAX_DOCX_XML_MIB, KB_MAX_ZIP_TOTAL_MIB, KB_MAX_ZIP_RATIO, "
            "KB_MAX_ZIP_MEMBERS, KB_MAX_TABLE_ROWS, KB_MAX_DOCUMENT_CHARS): "
            "a file over one, with an unsafe name (absolute, '..', control or bidi "
            "characters) or linked from outside PATH is refused and reported with its reason; "
            "the rest is ingested. Before chunking, boilerplate is removed (feedback widgets, "
            "copyright and legal footers, related-article lists, 'Need more help? Contact us', "
            "breadcrumbs, cookie notices in the twelve reply languages, and lines that repeat "
            "at the edges of many documents) and very short sections are joined to their "
            "neighbours; the report lists each removed line with the number of files."
        ),
        epilog="exit status: 0 every file ingested or unchanged; 1 the knowledge base could "
        "not be written (nothing changed); 3 ingested, but some files were refused or "
        "unreadable (listed as skipped).",
    )
    parser.add_argument("path", help="folder, .zip or file to ingest, e.g. samples/knowledge-base")
    parser.add_argument(
        "--recreate",
        action="store_true",
        help="build a new collection and switch the alias to it once complete, then drop "
        "the old one (needed after changing the embedding model)",
    )
    parser.add_argument("--json", action="store_true", help="print the ingest report as JSON")
    parser.set_defaults(func=run_ingest)


def run_ingest(args: argparse.Namespace) -> int:
    from rag.ingest import FolderSource, StepLimits, ingest_source
    from rag.ingest.limits import IngestLimits
    from rag.llm import build_embedder, build_store
    from rag.store import StoreError

    settings = load_rag_settings()
    store = build_store(settings)
    embedder = build_embedder(settings, cache_dir=settings.embedding_cache_dir)
    last_stage = [""]

    def progress(stage: str, done: int, total: int) -> None:
        if stage != last_stage[0] and last_stage[0]:
            print(file=sys.stderr)
        last_stage[0] = stage
        print(f"\r{stage}: {done}/{total}", end="", file=sys.stderr, flush=True)

    try:
        report = ingest_source(
            FolderSource(args.path, IngestLimits.from_settings(settings)),
            store,
            embedder,
            chunk_tokens=settings.chunk_tokens,
            chunk_overlap_tokens=settings.chunk_overlap_tokens,
            recreate=args.recreate,
            limits=StepLimits(
                documents=settings.kb_ingest_step_documents,
                chunks=settings.kb_ingest_step_chunks,
                seconds=settings.kb_ingest_step_seconds,
            ),
            progress=progress,
        )
    except (StoreError, FileNotFoundError) as exc:
        print(f"\ntriage ingest: {exc}", file=sys.stderr)
        return 1
    print(file=sys.stderr)
    refused = [note for note in report.skipped if note.reason != "unchanged"]
    status = FILES_REFUSED if refused else 0
    if args.json:
        print(report.model_dump_json(indent=2))
        return status
    print(
        f"knowledge base {settings.qdrant_collection!r} ({store.live_collection()}) "
        f"at {store.location}"
    )
    for label, notes in (
        ("added", report.added),
        ("updated", report.updated),
        ("removed", report.removed),
        ("skipped", report.skipped),
    ):
        for note in notes:
            print(f"  {label:8} {note.path}  ({note.reason})")
    print_hygiene(report)
    print(
        f"{len(report.added)} added, {len(report.updated)} updated, {len(report.removed)} "
        f"removed, {len(report.skipped)} skipped; {report.chunks} chunks embedded in "
        f"{report.seconds:.1f} s; {store.count()} chunks stored"
    )
    if refused:
        print(f"triage ingest: {len(refused)} file(s) refused or unreadable", file=sys.stderr)
    return status


def print_hygiene(report: IngestReport) -> None:
    """What was taken out before chunking: short lines and headings, never article text."""
    for removed in report.boilerplate:
        files = "1 file" if removed.files == 1 else f"{removed.files} files"
        print(f'  boilerplate removed: "{removed.line}" ({removed.kind}) from {files}')
    for short in report.short_sections:
        print(f"  short section: {short.path}: {short.reason}")
