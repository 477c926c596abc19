"""Ingest a folder, a .zip or one file into the knowledge store, incrementally.

Each document carries a content hash (of its bytes and the chunking parameters): unchanged
documents are skipped, changed ones re-chunked and re-embedded, and documents that are gone
from the source are deleted from the store. Unreadable files are reported, never fatal.
"""

from __future__ import annotations

import hashlib
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from rag.embeddings import Embedder
from rag.ingest.chunking import chunk_sections
from rag.ingest.dedup import DuplicateFilter
from rag.ingest.documents import LoadedDocument, UnreadableDocument
from rag.ingest.language import detect_language
from rag.ingest.loaders import loader_for
from rag.models import FileNote, IngestReport
from rag.sparse import document_vector
from rag.store import KnowledgeStore, StoredChunk

Progress = Callable[[str, int, int], None]  # (stage, done, total)
EMBED_BATCH = 64


@dataclass(frozen=True)
class SourceFile:
    name: str  # POSIX path relative to the ingested root
    data: bytes
    modified: datetime


def iter_source_files(path: Path) -> Iterator[SourceFile]:
    """Files under a folder, inside a .zip, or a single file; hidden files are ignored."""
    if not path.exists():
        raise FileNotFoundError(f"ingest path {path} does not exist")
    if path.is_file() and path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                name = info.filename
                if info.is_dir() or any(p.startswith((".", "__")) for p in name.split("/")):
                    continue
                modified = datetime(*info.date_time, tzinfo=UTC)
                yield SourceFile(name, archive.read(info), modified)
        return
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    root = path.parent if path.is_file() else path
    for file in files:
        relative = file.relative_to(root).as_posix()
        if any(part.startswith(".") for part in PurePosixPath(relative).parts):
            continue
        modified = datetime.fromtimestamp(file.stat().st_mtime, tz=UTC)
        yield SourceFile(relative, file.read_bytes(), modified)


def load_document(source: SourceFile, params: str) -> LoadedDocument:
    loader = loader_for(source.name)
    if loader is None:
        raise UnreadableDocument(f"{source.name}: unsupported file type")
    parsed = loader(source.name, source.data)
    if not parsed.sections:
        raise UnreadableDocument(f"{source.name}: no text found")
    parts = PurePosixPath(source.name).parts
    return LoadedDocument(
        doc_id=source.name,
        content_hash=hashlib.sha256(source.data + params.encode()).hexdigest(),
        title=parsed.meta.get("title") or parsed.title,
        source=source.name,
        url=parsed.meta.get("url"),
        language=parsed.meta.get("language"),
        category=parsed.meta.get("category") or (parts[0] if len(parts) > 1 else ""),
        updated_at=parsed.meta.get("updated") or source.modified.isoformat(),
        sections=parsed.sections,
    )


def embedding_text(title: str, section: str, text: str) -> str:
    """What is embedded and keyword-indexed: the text with its title and heading as context."""
    return "\n".join(part for part in (title, section, text) if part)


def _chunks_of(
    document: LoadedDocument, chunk_tokens: int, overlap_tokens: int
) -> list[StoredChunk]:
    language = document.language or detect_language(
        " ".join(s.text for s in document.sections)[:2000]
    )
    chunks: list[StoredChunk] = []
    pieces = chunk_sections(
        document.sections, chunk_tokens=chunk_tokens, overlap_tokens=overlap_tokens
    )
    for number, piece in enumerate(pieces):
        indices, values = document_vector(embedding_text(document.title, piece.section, piece.text))
        chunks.append(
            StoredChunk(
                chunk_id=f"{document.doc_id}#{number}",
                doc_id=document.doc_id,
                doc_hash=document.content_hash,
                title=document.title,
                source=document.source,
                url=document.url,
                section=piece.section,
                language=language,
                category=document.category,
                updated_at=document.updated_at,
                text=piece.text,
                sparse_indices=indices,
                sparse_values=values,
            )
        )
    return chunks


def ingest_path(
    path: str | Path,
    store: KnowledgeStore,
    embedder: Embedder,
    *,
    chunk_tokens: int = 512,
    chunk_overlap_tokens: int = 64,
    recreate: bool = False,
    progress: Progress | None = None,
) -> IngestReport:
    started = time.perf_counter()
    report = IngestReport()
    notify = progress or (lambda stage, done, total: None)
    store.ensure_collection(embedder.model_id, embedder.dimension, recreate=recreate)
    stored_hashes = store.document_hashes()
    params = f"|chunk={chunk_tokens}/{chunk_overlap_tokens}"

    sources = list(iter_source_files(Path(path)))
    unchanged: list[LoadedDocument] = []
    changed: list[LoadedDocument] = []
    seen_ids: set[str] = set()
    for done, source in enumerate(sources, start=1):
        notify("read", done, len(sources))
        # an unreadable file keeps its previously stored version (reported, not deleted)
        seen_ids.add(source.name)
        try:
            document = load_document(source, params)
        except UnreadableDocument as exc:
            report.skipped.append(FileNote(path=source.name, reason=str(exc)))
            continue
        except Exception as exc:  # a broken file must not stop the others
            reason = f"{source.name}: cannot read ({type(exc).__name__}: {exc})"
            report.skipped.append(FileNote(path=source.name, reason=reason))
            continue
        if stored_hashes.get(document.doc_id) == document.content_hash:
            unchanged.append(document)
            report.skipped.append(FileNote(path=source.name, reason="unchanged"))
        else:
            changed.append(document)

    # Unchanged documents seed the duplicate filter: their chunks are already stored.
    duplicates = DuplicateFilter()
    for document in unchanged:
        for chunk in _chunks_of(document, chunk_tokens, chunk_overlap_tokens):
            duplicates.is_duplicate(chunk.text)
    to_write: list[StoredChunk] = []
    for document in changed:
        kept = [
            chunk
            for chunk in _chunks_of(document, chunk_tokens, chunk_overlap_tokens)
            if not duplicates.is_duplicate(chunk.text)
        ]
        is_update = document.doc_id in stored_hashes
        note = FileNote(
            path=document.doc_id, reason=f"{len(kept)} chunks" + (" (changed)" if is_update else "")
        )
        (report.updated if is_update else report.added).append(note)
        to_write.extend(kept)

    store.delete_documents([d.doc_id for d in changed if d.doc_id in stored_hashes])
    for start in range(0, len(to_write), EMBED_BATCH):
        batch = to_write[start : start + EMBED_BATCH]
        vectors = embedder.embed_documents(
            [embedding_text(c.title, c.section, c.text) for c in batch]
        )
        store.upsert(batch, vectors)
        notify("embed", start + len(batch), len(to_write))
    report.chunks = len(to_write)

    gone = sorted(set(stored_hashes) - seen_ids)
    store.delete_documents(gone)
    report.removed = [FileNote(path=doc_id, reason="no longer in the source") for doc_id in gone]
    report.seconds = round(time.perf_counter() - started, 3)
    return report
