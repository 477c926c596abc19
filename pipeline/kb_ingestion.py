"""Knowledge-base ingestion inside the app (so inside the VNet, next to Qdrant): documents
from the blob container (Azure) or a local folder, into the store, incrementally, in
bounded steps (rag.ingest.pipeline: plan, steps, finish).

Each function here is one activity's work. Between them travel only the plan (collection
names and counts), a cursor (the last document name a step finished) and compact reports:
counts plus at most `MAX_NOTES` notes per list, never document text.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from pipeline.services import embedder, knowledge_store, settings
from rag.ingest import (
    DocumentSource,
    FolderSource,
    IngestPlan,
    StepLimits,
    finish_ingest,
    ingest_step,
    merge_reports,
    plan_ingest,
)
from rag.ingest.limits import (
    DEFAULT_LIMITS,
    IngestLimits,
    RefusedDocument,
    check_size,
    display_name,
    name_problem,
)
from rag.ingest.pipeline import SourceFile
from rag.models import IngestReport

log = logging.getLogger(__name__)

MAX_NOTES = 50  # per list, in each step's report and in the run's summary


class KnowledgeBaseSourceError(RuntimeError):
    """Neither KNOWLEDGE_BASE_BLOB_ENDPOINT nor KNOWLEDGE_BASE_PATH says where documents are."""


def safe_destination(target: Path, name: str) -> Path | None:
    """Where blob `name` goes under `target`, or None when it would land outside ("../")."""
    destination = (target / name).resolve()
    return destination if target.resolve() in destination.parents else None


def _usable_blob_name(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return (
        bool(parts)
        and not name.startswith("/")
        and ".." not in parts
        and not any(part.startswith(".") for part in parts)
    )


class BlobContainerSource:
    """The documents of a blob container; blob names (relative paths) are document ids, so
    incremental updates stay stable. Each step lists names and reads only its own blobs."""

    def __init__(
        self,
        endpoint: str,
        container: str,
        credential: Any = None,
        limits: IngestLimits = DEFAULT_LIMITS,
    ) -> None:
        from azure.storage.blob import ContainerClient

        self.limits = limits
        self._refused: dict[str, str] = {}
        if credential is None:
            from azure.identity import DefaultAzureCredential

            credential = DefaultAzureCredential()
        self._client = ContainerClient(
            account_url=endpoint, container_name=container, credential=credential
        )

    def names(self) -> list[str]:
        """Every blob name; those with unsafe names or over the size limit are listed too
        and refused on reading, so the report names them with the reason."""
        names = []
        self._refused = {}
        for blob in self._client.list_blobs():
            name = str(blob.name)
            if not _usable_blob_name(name):
                log.warning("skipping blob with an unsafe or hidden name: %s", display_name(name))
                continue
            names.append(name)
            problem = name_problem(name, self.limits)
            if problem:
                self._refused[name] = f"{display_name(name)}: {problem}"
                continue
            try:
                check_size(name, int(blob.size or 0), self.limits)
            except RefusedDocument as refused:
                self._refused[name] = str(refused)
        return sorted(names)

    def read(self, name: str) -> SourceFile:
        if name in self._refused:
            raise RefusedDocument(self._refused[name])
        download = self._client.download_blob(name)
        check_size(name, int(download.properties.size or 0), self.limits)
        modified: datetime = download.properties.last_modified
        data = bytearray()
        for chunk in download.chunks():  # streamed: a blob growing past the limit stops here
            data.extend(chunk)
            check_size(name, len(data), self.limits)
        return SourceFile(name, bytes(data), modified)


def download_container(endpoint: str, container: str, target: Path, credential: Any = None) -> int:
    """Copy every blob of the container under `target`, keeping its path; returns the count
    (for an operator's local copy; the app reads blobs step by step)."""
    source = BlobContainerSource(endpoint, container, credential)
    count = 0
    for name in source.names():
        destination = safe_destination(target, name)
        if destination is None:
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(source.read(name).data)
        count += 1
    return count


def configured_source() -> DocumentSource:
    s = settings()
    if s.knowledge_base_blob_endpoint:
        return BlobContainerSource(
            s.knowledge_base_blob_endpoint,
            s.knowledge_base_container,
            limits=IngestLimits.from_settings(s),
        )
    if s.knowledge_base_path:
        return FolderSource(s.knowledge_base_path, IngestLimits.from_settings(s))
    raise KnowledgeBaseSourceError(
        "set KNOWLEDGE_BASE_BLOB_ENDPOINT (Azure) or KNOWLEDGE_BASE_PATH (local) to ingest"
    )


class IngestCounts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: int = 0  # unreadable or unsupported files
    chunks: int = 0

    def add(self, report: IngestReport) -> None:
        unchanged = sum(1 for note in report.skipped if note.reason == "unchanged")
        self.added += len(report.added)
        self.updated += len(report.updated)
        self.removed += len(report.removed)
        self.unchanged += unchanged
        self.skipped += len(report.skipped) - unchanged
        self.chunks += report.chunks


def compact(report: IngestReport) -> IngestReport:
    """The report without the "unchanged" notes (counted instead), each list capped."""
    notes = IngestReport(chunks=report.chunks, seconds=report.seconds)
    problems = [note for note in report.skipped if note.reason != "unchanged"]
    part = report.model_copy(update={"skipped": problems, "chunks": 0, "seconds": 0.0})
    merge_reports(notes, part, max_notes=MAX_NOTES)
    return notes


class StepOutcome(BaseModel):
    """What one step activity returns."""

    model_config = ConfigDict(extra="forbid")

    last: str | None
    done: bool
    counts: IngestCounts
    notes: IngestReport


class IngestSummary(BaseModel):
    """The ingestion's output (GET /api/kb/ingest): counts and at most MAX_NOTES notes."""

    model_config = ConfigDict(extra="forbid")

    collection: str  # the physical collection written
    rebuilt: bool  # a new collection, switched in behind the alias at the end
    steps: int = 0
    counts: IngestCounts = Field(default_factory=IngestCounts)
    notes: IngestReport = Field(default_factory=IngestReport)


def step_limits() -> StepLimits:
    s = settings()
    return StepLimits(
        documents=s.kb_ingest_step_documents,
        chunks=s.kb_ingest_step_chunks,
        seconds=s.kb_ingest_step_seconds,
    )


# --- one function per activity ------------------------------------------------------------


def plan(recreate: bool, build_id: str) -> dict[str, Any]:
    planned = plan_ingest(
        configured_source(), knowledge_store(), embedder(), build_id=build_id, recreate=recreate
    )
    log.info(
        "knowledge base: %s into %s (%d documents in the source)%s",
        "rebuilding" if planned.rebuild else "updating",
        planned.target,
        planned.documents,
        f": {planned.reason}" if planned.reason else "",
    )
    return planned.model_dump(mode="json")


def step(planned: dict[str, Any], after: str | None) -> dict[str, Any]:
    s = settings()
    result = ingest_step(
        configured_source(),
        knowledge_store(),
        embedder(),
        IngestPlan.model_validate(planned),
        after=after,
        limits=step_limits(),
        chunk_tokens=s.chunk_tokens,
        chunk_overlap_tokens=s.chunk_overlap_tokens,
    )
    counts = IngestCounts()
    counts.add(result.report)
    outcome = StepOutcome(
        last=result.last, done=result.done, counts=counts, notes=compact(result.report)
    )
    return outcome.model_dump(mode="json")


def finish(planned: dict[str, Any]) -> dict[str, Any]:
    report = finish_ingest(
        configured_source(), knowledge_store(), IngestPlan.model_validate(planned)
    )
    counts = IngestCounts()
    counts.add(report)
    return StepOutcome(last=None, done=True, counts=counts, notes=compact(report)).model_dump(
        mode="json"
    )


# --- pure helpers for the orchestrator ------------------------------------------------------


def new_summary(planned: dict[str, Any]) -> dict[str, Any]:
    plan_ = IngestPlan.model_validate(planned)
    return IngestSummary(collection=plan_.target, rebuilt=plan_.rebuild).model_dump(mode="json")


def add_outcome(
    summary: dict[str, Any], outcome: dict[str, Any], *, is_step: bool
) -> dict[str, Any]:
    total = IngestSummary.model_validate(summary)
    part = StepOutcome.model_validate(outcome)
    for field in IngestCounts.model_fields:
        setattr(total.counts, field, getattr(total.counts, field) + getattr(part.counts, field))
    merge_reports(total.notes, part.notes, max_notes=MAX_NOTES)
    total.notes.chunks = total.counts.chunks
    total.steps += 1 if is_step else 0
    return total.model_dump(mode="json")


def documents_done(summary: dict[str, Any]) -> int:
    counts = IngestSummary.model_validate(summary).counts
    return counts.added + counts.updated + counts.unchanged + counts.skipped
