"""Ingest a folder, a .zip, one file or a blob container into the knowledge store, in
bounded steps, incrementally.

Each document carries a content hash (of its bytes and the chunking parameters): unchanged
documents are skipped, changed ones re-chunked and re-embedded, and documents that are gone
from the source are deleted from the store. Unreadable files are reported, never fatal.

An ingestion is three kinds of step, each safe to run again after a crash:

1. ``plan_ingest``: where to write. The first ingestion, and every ``recreate``, builds a
   new physical collection named after the build id; otherwise the live one is updated in
   place. Planning again with the same build id finds the same collection and keeps what
   an earlier attempt wrote in it; the live collection is never touched.
2. ``ingest_step``: the next documents in name order after a cursor (the last name a step
   finished), bounded in documents, chunks and seconds. A document counts as written only
   when all its chunks carry its content hash (``DocumentState``), so a step that died half
   way through a document rewrites it on the retry, and skips it when it was complete.
3. ``finish_ingest``: delete documents gone from the source; for a build, switch the alias
   to the new collection (readers never see it before it is complete) and only then drop
   the previous collection and any left by failed builds.

``ingest_path`` runs the three in-process (the CLI, the local stack); the app runs them as
separate activities of one orchestration (orchestrators/ingest_kb.py).
"""

from __future__ import annotations

import hashlib
import math
import os
import sys
import time
import zipfile
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from rag.embeddings import Embedder, latent_terms_of
from rag.ingest.boilerplate import RepeatedLines, furniture_removal, strip_boilerplate
from rag.ingest.chunking import chunk_sections
from rag.ingest.dedup import DuplicateFilter
from rag.ingest.documents import LoadedDocument, UnreadableDocument
from rag.ingest.language import detect_language, language_tag, section_language
from rag.ingest.limits import (
    DEFAULT_LIMITS,
    IngestLimits,
    RefusedDocument,
    check_chars,
    check_inner_zip,
    check_member,
    check_size,
    display_name,
    name_problem,
    read_bounded,
    split_long_runs,
)
from rag.ingest.loaders import Parsed, loader_for
from rag.ingest.short_sections import merge_short_sections
from rag.models import BoilerplateNote, FileNote, IngestReport
from rag.sparse import ANALYZER, document_vector
from rag.store import KnowledgeStore, StoredChunk, StoreError

Progress = Callable[[str, int, int], None]  # (stage, done, total)
# Chunks per embedding call: the step's clock is checked between calls, so this bounds how
# far a step can overrun its seconds (16 long chunks took about a minute on 2 shared cores),
# and the embedder's peak memory.
EMBED_BATCH = 16
# The boilerplate profile reads the source once more at planning: bounded, so the plan
# activity stays well under the function timeout on a large knowledge base.
PROFILE_DOCUMENTS = 2000
PROFILE_SECONDS = 120.0


@dataclass(frozen=True)
class SourceFile:
    name: str  # POSIX path relative to the ingested root
    data: bytes
    modified: datetime


def _hidden(name: str) -> bool:
    """Dot files and __MACOSX-style folders; ".." is not hidden but refused (name_problem)."""
    return any(part.startswith((".", "__")) and part != ".." for part in PurePosixPath(name).parts)


class DocumentSource(Protocol):
    """Where documents come from: names are POSIX paths, the documents' ids."""

    def names(self) -> list[str]:
        """Every document name, sorted, hidden files left out."""
        ...

    def read(self, name: str) -> SourceFile: ...


class FolderSource:
    """A folder, a .zip or a single file on disk, read within IngestLimits.

    Names of files over a limit, with unsafe names or linked from outside the folder are
    listed too: reading them raises RefusedDocument, so each is reported with its reason
    and the rest is ingested. Symlinks are followed only when they stay inside the folder.
    """

    def __init__(self, path: str | Path, limits: IngestLimits = DEFAULT_LIMITS) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"ingest path {self.path} does not exist")
        self._is_zip = self.path.is_file() and self.path.suffix.lower() == ".zip"
        self.limits = limits
        self._refused: dict[str, str] = {}

    def _root(self) -> Path:
        return self.path.parent if self.path.is_file() else self.path

    def _refuse(self, name: str, reason: str) -> str:
        self._refused[name] = f"{display_name(name)}: {reason}"
        return name

    def names(self) -> list[str]:
        self._refused = {}
        if self._is_zip:
            return self._zip_names()
        if self.path.is_file():
            return [self.path.name]
        return self._folder_names()

    def _zip_names(self) -> list[str]:
        limits = self.limits
        with zipfile.ZipFile(self.path) as archive:
            infos = sorted(
                (i for i in archive.infolist() if not i.is_dir() and not _hidden(i.filename)),
                key=lambda i: i.filename,
            )
        names: list[str] = []
        total = 0
        for count, info in enumerate(infos, start=1):
            name = info.filename
            names.append(name)
            problem = name_problem(name, limits)
            if problem:
                self._refuse(name, problem)
            elif count > limits.max_zip_members:
                self._refuse(name, f"past {limits.max_zip_members:,} members (KB_MAX_ZIP_MEMBERS)")
            elif info.file_size > limits.max_bytes_for(name):
                continue  # refused on reading, with its size; it does not use the budget
            elif total + info.file_size > limits.max_zip_total_bytes:
                self._refuse(
                    name,
                    f"past {limits.max_zip_total_bytes:,} bytes unpacked in this zip "
                    "(KB_MAX_ZIP_TOTAL_MIB)",
                )
            else:
                total += info.file_size
        return names

    def _folder_names(self) -> list[str]:
        root = self.path.resolve()
        names: list[str] = []
        for folder, dirs, files in os.walk(self.path, followlinks=False):
            here = Path(folder)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for directory in dirs:
                if (here / directory).is_symlink():  # os.walk does not enter it: say so
                    name = (here / directory).relative_to(self.path).as_posix()
                    names.append(self._refuse(name, "a linked folder, not followed"))
            for file_name in files:
                if file_name.startswith("."):
                    continue
                file = here / file_name
                name = file.relative_to(self.path).as_posix()
                names.append(name)
                problem = name_problem(name, self.limits)
                if problem:
                    self._refuse(name, problem)
                elif file.is_symlink() and not file.resolve().is_relative_to(root):
                    self._refuse(name, "a link to a file outside the ingested folder")
                elif not file.is_file():
                    self._refuse(name, "not a regular file")
        return sorted(names)

    def read(self, name: str) -> SourceFile:
        if name in self._refused:
            raise RefusedDocument(self._refused[name])
        limits = self.limits
        if self._is_zip:
            with zipfile.ZipFile(self.path) as archive:
                info = archive.getinfo(name)
                check_member(info, limits)
                with archive.open(info) as stream:
                    data = read_bounded(stream, name, limits)
                return SourceFile(name, data, datetime(*info.date_time, tzinfo=UTC))
        file = self._root() / name
        if not file.resolve().is_relative_to(self._root().resolve()):
            raise RefusedDocument(f"{display_name(name)}: outside the ingested folder")
        status = file.stat()
        check_size(name, status.st_size, limits)
        with file.open("rb") as stream:
            data = read_bounded(stream, name, limits)
        modified = datetime.fromtimestamp(status.st_mtime, tz=UTC)
        return SourceFile(name, data, modified)


def iter_source_files(path: Path) -> Iterator[SourceFile]:
    """Files under a folder, inside a .zip, or a single file; hidden files are ignored."""
    source = FolderSource(path)
    for name in source.names():
        yield source.read(name)


def _parse(source: SourceFile, limits: IngestLimits) -> Parsed:
    """The file through its loader, within the limits; section languages as reply languages."""
    loader = loader_for(source.name)
    if loader is None:
        raise UnreadableDocument(f"{display_name(source.name)}: unsupported file type")
    check_size(source.name, len(source.data), limits)
    if source.name.lower().endswith(".docx"):
        check_inner_zip(source.name, source.data, limits)
    parsed = loader(source.name, source.data, limits=limits)
    if not parsed.sections:
        raise UnreadableDocument(f"{display_name(source.name)}: no text found")
    check_chars(source.name, sum(len(s.text) + len(s.heading) for s in parsed.sections), limits)
    for section in parsed.sections:
        section.text = split_long_runs(section.text, limits)
        section.heading = split_long_runs(section.heading, limits)
        section.language = language_tag(section.language)
    return parsed


def load_document(
    source: SourceFile,
    params: str,
    limits: IngestLimits = DEFAULT_LIMITS,
    repeated: Collection[str] = (),
) -> LoadedDocument:
    """The file as sections, without boilerplate (known shapes, and the lines of
    ``repeated``, the knowledge base's profile from ``boilerplate_profile``), short
    sections joined to their neighbours."""
    parsed = _parse(source, limits)
    sections, removed = strip_boilerplate(parsed.sections, frozenset(repeated))
    removed += [furniture_removal(line) for line in parsed.furniture]
    sections, short = merge_short_sections(sections)
    if not sections:
        raise UnreadableDocument(
            f"{display_name(source.name)}: no text left after removing boilerplate"
        )
    # what this document lost is part of its version: when the knowledge base's repeated
    # lines, or the shapes and rules, change for it, it is chunked again (others are not)
    prepared = "\n".join([*sorted({f"{r.kind}:{r.key}" for r in removed}), *short])
    parts = PurePosixPath(source.name).parts
    return LoadedDocument(
        doc_id=source.name,
        content_hash=hashlib.sha256(source.data + params.encode() + prepared.encode()).hexdigest(),
        title=parsed.meta.get("title") or parsed.title,
        source=source.name,
        url=parsed.meta.get("url"),
        language=language_tag(parsed.meta.get("language")),
        category=parsed.meta.get("category") or (parts[0] if len(parts) > 1 else ""),
        updated_at=parsed.meta.get("updated") or source.modified.isoformat(),
        sections=sections,
        removed=removed,
        short_sections=short,
    )


def boilerplate_profile(
    source: DocumentSource,
    *,
    max_documents: int = PROFILE_DOCUMENTS,
    seconds: float = PROFILE_SECONDS,
) -> list[str]:
    """Lines that repeat across the source's documents where boilerplate sits (see
    rag.ingest.boilerplate). Reads at most ``max_documents`` documents, spread evenly over
    the names, for at most ``seconds``; unreadable ones are left out (the steps report them)."""
    started = time.perf_counter()
    names = source.names()
    if len(names) > max_documents:
        names = [names[i * len(names) // max_documents] for i in range(max_documents)]
    limits = getattr(source, "limits", DEFAULT_LIMITS)
    counts = RepeatedLines()
    for name in names:
        if time.perf_counter() - started >= seconds:
            break
        try:
            parsed = _parse(source.read(name), limits)
        except Exception:  # reported by the step that reads it
            continue
        language = language_tag(parsed.meta.get("language")) or detect_language(
            " ".join(s.text for s in parsed.sections)[:2000]
        )
        counts.add(parsed.sections, language)
    return counts.lines()


def embedding_text(title: str, section: str, text: str) -> str:
    """What is embedded and keyword-indexed: the text with its title and heading as context."""
    return "\n".join(part for part in (title, section, text) if part)


def _chunks_of(
    document: LoadedDocument, chunk_tokens: int, overlap_tokens: int
) -> list[StoredChunk]:
    language = document.language or detect_language(
        " ".join(s.text for s in document.sections)[:2000]
    )
    # each section in its own language when it says so (a source tag, or detection on a
    # section long enough to tell); the passage payload carries it to retrieval's
    # language preference and to the answerability calibration per passage language
    sections = [
        s.model_copy(
            update={"language": s.language or section_language(f"{s.heading}\n{s.text}", language)}
        )
        for s in document.sections
    ]
    chunks: list[StoredChunk] = []
    pieces = chunk_sections(sections, chunk_tokens=chunk_tokens, overlap_tokens=overlap_tokens)
    for number, piece in enumerate(pieces):
        indices, values = document_vector(
            embedding_text(document.title, piece.section, piece.text), piece.language or language
        )
        chunks.append(
            StoredChunk(
                chunk_id=f"{document.doc_id}#{number}",
                doc_id=document.doc_id,
                doc_hash=document.content_hash,
                title=document.title,
                source=document.source,
                url=document.url,
                section=piece.section,
                language=piece.language or language,
                category=document.category,
                updated_at=document.updated_at,
                text=piece.text,
                sparse_indices=indices,
                sparse_values=values,
            )
        )
    return chunks


class IngestPlan(BaseModel):
    """Where one ingestion writes; small, so it can travel between activities."""

    model_config = ConfigDict(extra="forbid")

    alias: str  # what readers use
    target: str  # the physical collection written
    rebuild: bool  # a new collection: the alias switches to it at the end
    reason: str = ""  # why a rebuild nobody asked for (recreate) was chosen
    documents: int  # documents in the source when planned
    model_id: str
    dimension: int
    # normalised lines that repeat across the source where boilerplate sits, found when
    # planning so every step removes the same ones (bounded: see boilerplate.py)
    boilerplate: list[str] = Field(default_factory=list)


class StepResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    last: str | None  # cursor: the last document this step finished (None: nothing left)
    done: bool  # no document after `last`
    report: IngestReport


@dataclass(frozen=True)
class StepLimits:
    """Bounds of one step, so each one stays well under the function timeout. A step always
    finishes the document it started, so one huge document may overrun `seconds`."""

    documents: int = 100
    chunks: int = 1000
    seconds: float = 240.0


# In one process with no function timeout (tests, benchmarks, the local stack): one step.
ONE_STEP = StepLimits(documents=sys.maxsize, chunks=sys.maxsize, seconds=math.inf)


def plan_ingest(
    source: DocumentSource,
    store: KnowledgeStore,
    embedder: Embedder,
    *,
    build_id: str,
    recreate: bool = False,
) -> IngestPlan:
    """Choose the collection to write; create it when building. Never drops a collection.

    A live collection whose sparse vectors were made with another keyword analyzer
    (rag.sparse.ANALYZER) is rebuilt, not updated: updated documents' terms would not meet
    the others' nor the queries'. So is one without the embedder's latent terms (or with
    another's): the answer step's term check (rag.term_agreement) needs every passage's."""
    live = store.live_collection()
    documents = len(source.names())
    reason = ""
    latent = latent_terms_of(embedder)
    latent_id = latent.latent_id if latent else ""
    if live is not None and not recreate:
        store.at(live).check_embedding(embedder.model_id, embedder.dimension)
        built_with = store.at(live).sparse_analyzer()
        built_latent = store.at(live).latent_terms_id() or ""
        if built_with != ANALYZER:
            reason = f"keyword analyzer {built_with or 'from before snowball'} -> {ANALYZER}"
        elif built_latent != latent_id:
            reason = f"latent terms {built_latent or 'none'} -> {latent_id or 'none'}"
    if live is not None and not recreate and not reason:
        target, rebuild = live, False
    else:
        target, rebuild = store.build_name(build_id), True
        if target == live:  # a build id reused: never write into what readers see
            target = store.build_name(f"{build_id}-next")
        store.at(target).ensure_collection(embedder.model_id, embedder.dimension, latent_id)
    return IngestPlan(
        alias=store.collection,
        target=target,
        rebuild=rebuild,
        reason=reason,
        documents=documents,
        model_id=embedder.model_id,
        dimension=embedder.dimension,
        boilerplate=boilerplate_profile(source),
    )


# Bumped when what every document becomes changes (chunking, section languages): each is
# chunked again once, as after a parameter change. Changes in what boilerplate or short
# sections a document loses need no bump: they are part of its hash (load_document).
_PREPARATION = 2


def _chunk_params(chunk_tokens: int, overlap_tokens: int) -> str:
    return f"|chunk={chunk_tokens}/{overlap_tokens}|prep={_PREPARATION}"


def ingest_step(
    source: DocumentSource,
    store: KnowledgeStore,
    embedder: Embedder,
    plan: IngestPlan,
    *,
    after: str | None,
    limits: StepLimits = StepLimits(),
    chunk_tokens: int = 512,
    chunk_overlap_tokens: int = 64,
    progress: Progress | None = None,
) -> StepResult:
    """Ingest the next documents after `after` (in name order) into the plan's collection."""
    started = time.perf_counter()
    report = IngestReport()
    notify = progress or (lambda stage, done, total: None)
    target = store.at(plan.target)
    if target.live_collection() is None:
        raise StoreError(f"collection {plan.target!r} is gone: plan the ingestion again")
    latent = latent_terms_of(embedder)
    keeps_terms = latent is not None and target.latent_terms_id() == latent.latent_id
    params = _chunk_params(chunk_tokens, chunk_overlap_tokens)
    remaining = [name for name in source.names() if after is None or name > after]
    states = target.document_states()

    # Read and chunk documents up to the bounds; keep those that changed.
    taken: list[str] = []
    changed: list[tuple[int, LoadedDocument, list[StoredChunk]]] = []  # (index in taken, ...)
    hygiene: dict[str, LoadedDocument] = {}  # what each document lost, for the report
    planned_chunks = 0
    for name in remaining:
        if taken and (
            len(taken) >= limits.documents
            or planned_chunks >= limits.chunks
            or time.perf_counter() - started >= limits.seconds / 2
        ):
            break
        taken.append(name)
        notify("read", len(taken), min(len(remaining), limits.documents))
        limits_of_source = getattr(source, "limits", DEFAULT_LIMITS)
        try:
            document = load_document(source.read(name), params, limits_of_source, plan.boilerplate)
        except UnreadableDocument as exc:
            report.skipped.append(FileNote(path=display_name(name), reason=str(exc)))
            continue
        except Exception as exc:  # a broken file must not stop the others
            reason = f"{display_name(name)}: cannot read ({type(exc).__name__})"
            report.skipped.append(FileNote(path=display_name(name), reason=reason))
            continue
        hygiene[name] = document
        state = states.get(document.doc_id)
        if state is not None and state.complete_with(document.content_hash):
            if plan.rebuild:  # an earlier attempt of this build wrote it: report it the same
                report.added.append(FileNote(path=name, reason=f"{state.points} chunks"))
                report.chunks += state.points
            else:
                report.skipped.append(FileNote(path=name, reason="unchanged"))
            continue
        chunks = _chunks_of(document, chunk_tokens, chunk_overlap_tokens)
        changed.append((len(taken) - 1, document, chunks))
        planned_chunks += len(chunks)

    # Every stored chunk but those being rewritten seeds the duplicate filter, as the
    # unchanged documents did when one run did everything.
    duplicates = DuplicateFilter()
    for text in target.chunk_texts(exclude_doc_ids=[d.doc_id for _, d, _ in changed]):
        duplicates.is_duplicate(text)
    written = 0
    last = taken[-1] if taken else after
    for index, document, chunks in changed:
        kept = [chunk for chunk in chunks if not duplicates.is_duplicate(chunk.text)]
        for chunk in kept:
            chunk.doc_chunks = len(kept)
        # Chunks of this version an interrupted step already stored are not embedded again.
        stored = target.chunk_ids_of(document.doc_id, document.content_hash)
        missing = [chunk for chunk in kept if chunk.chunk_id not in stored]
        interrupted = False
        for start in range(0, len(missing), EMBED_BATCH):
            if written and time.perf_counter() - started >= limits.seconds:
                interrupted = True  # out of time: the next step resumes this document
                break
            batch = missing[start : start + EMBED_BATCH]
            vectors = embedder.embed_documents(
                [embedding_text(c.title, c.section, c.text) for c in batch]
            )
            # latent terms of the passage text alone, as the term check compares them
            terms = latent.latent_terms([c.text for c in batch]) if latent and keeps_terms else None
            target.upsert(batch, vectors, terms)
            written += len(batch)
            notify("embed", written, planned_chunks)
        if interrupted:
            last = taken[index - 1] if index > 0 else after
            taken = taken[:index]
            break
        # New version first, then the stale chunks: the document is never missing.
        target.finalize_document(document.doc_id, document.content_hash, [c.chunk_id for c in kept])
        is_update = document.doc_id in states and not plan.rebuild
        note = FileNote(
            path=document.doc_id, reason=f"{len(kept)} chunks" + (" (changed)" if is_update else "")
        )
        (report.updated if is_update else report.added).append(note)
    report.chunks += written
    report.seconds = round(time.perf_counter() - started, 3)
    done = len(taken) == len(remaining)
    # Notes of documents after an interruption were not finished: the next step reports them.
    finished = set(taken) | {display_name(name) for name in taken}
    for notes in (report.added, report.updated, report.skipped):
        notes[:] = [note for note in notes if note.path in finished]
    _report_hygiene(report, [hygiene[name] for name in taken if name in hygiene])
    return StepResult(last=last, done=done, report=report)


def _report_hygiene(report: IngestReport, documents: list[LoadedDocument]) -> None:
    """Boilerplate lines with the number of files they were removed from; short sections."""
    files: dict[tuple[str, str], set[str]] = {}
    shown: dict[tuple[str, str], str] = {}
    for document in documents:
        for removal in document.removed:
            key = (removal.kind, removal.key)
            files.setdefault(key, set()).add(document.doc_id)
            shown.setdefault(key, removal.line)
        report.short_sections.extend(
            FileNote(path=display_name(document.doc_id), reason=note)
            for note in document.short_sections
        )
    report.boilerplate = _sorted_notes(
        BoilerplateNote(line=shown[key], kind=key[0], files=len(names))
        for key, names in files.items()
    )


def _sorted_notes(notes: Iterable[BoilerplateNote]) -> list[BoilerplateNote]:
    return sorted(notes, key=lambda n: (-n.files, n.kind, n.line))


def finish_ingest(source: DocumentSource, store: KnowledgeStore, plan: IngestPlan) -> IngestReport:
    """Delete documents gone from the source; for a build, switch the alias to it, then drop
    the previous collection and those of failed builds. Safe to run again."""
    report = IngestReport()
    target = store.at(plan.target)
    names = set(source.names())
    stored = target.document_states()
    if not names and stored and not plan.rebuild:
        raise StoreError(
            "the source lists no documents (wrong container or path?): nothing was deleted"
        )
    gone = sorted(set(stored) - names)
    target.delete_documents(gone)
    report.removed = [FileNote(path=doc_id, reason="no longer in the source") for doc_id in gone]
    if plan.rebuild and store.live_collection() != plan.target:
        if target.count() == 0 and store.live_collection() is not None:
            raise StoreError(
                f"the rebuilt collection {plan.target!r} is empty (no readable documents in "
                "the source?): the knowledge base was left as it was"
            )
        store.switch_alias(plan.target)
    # Only now: the previous collection, and those of builds that failed half way.
    live = store.live_collection()
    for old in store.build_collections():
        if old not in (live, plan.target):
            store.drop_collection(old)
    return report


def ingest_source(
    source: DocumentSource,
    store: KnowledgeStore,
    embedder: Embedder,
    *,
    chunk_tokens: int = 512,
    chunk_overlap_tokens: int = 64,
    recreate: bool = False,
    build_id: str | None = None,
    limits: StepLimits = StepLimits(),
    progress: Progress | None = None,
) -> IngestReport:
    """Plan, every step and finish, in this process: the same steps the app runs."""
    started = time.perf_counter()
    plan = plan_ingest(
        source,
        store,
        embedder,
        build_id=build_id or datetime.now(UTC).strftime("%Y%m%dt%H%M%S%f"),
        recreate=recreate,
    )
    report = IngestReport()
    after: str | None = None
    while True:
        step = ingest_step(
            source,
            store,
            embedder,
            plan,
            after=after,
            limits=limits,
            chunk_tokens=chunk_tokens,
            chunk_overlap_tokens=chunk_overlap_tokens,
            progress=progress,
        )
        merge_reports(report, step.report)
        after = step.last
        if step.done:
            break
    merge_reports(report, finish_ingest(source, store, plan))
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def merge_reports(total: IngestReport, part: IngestReport, *, max_notes: int | None = None) -> None:
    """Add `part` to `total`; with `max_notes`, each list keeps at most that many notes."""
    for field in ("added", "updated", "removed", "skipped", "short_sections"):
        notes: list[FileNote] = getattr(total, field)
        notes.extend(getattr(part, field))
        if max_notes is not None:
            del notes[max_notes:]
    # the same line removed in several steps: one note, its files added up
    counted = {(n.kind, n.line): n.files for n in total.boilerplate}
    for note in part.boilerplate:
        counted[(note.kind, note.line)] = counted.get((note.kind, note.line), 0) + note.files
    total.boilerplate = _sorted_notes(
        BoilerplateNote(kind=kind, line=line, files=files)
        for (kind, line), files in counted.items()
    )[:max_notes]
    total.chunks += part.chunks
    total.seconds = round(total.seconds + part.seconds, 3)


def ingest_path(
    path: str | Path,
    store: KnowledgeStore,
    embedder: Embedder,
    *,
    chunk_tokens: int = 512,
    chunk_overlap_tokens: int = 64,
    recreate: bool = False,
    progress: Progress | None = None,
    limits: StepLimits = ONE_STEP,
) -> IngestReport:
    """Ingest a folder, a .zip or one file (see ``ingest_source``), in one step unless
    `limits` says otherwise."""
    return ingest_source(
        FolderSource(path),
        store,
        embedder,
        chunk_tokens=chunk_tokens,
        chunk_overlap_tokens=chunk_overlap_tokens,
        recreate=recreate,
        limits=limits,
        progress=progress,
    )
