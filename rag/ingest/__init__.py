"""Knowledge-base ingestion: loaders, chunking, de-duplication, incremental writes in
bounded steps (plan, steps, finish) and a collection alias switched after a rebuild."""

from rag.ingest.pipeline import (
    DocumentSource,
    FolderSource,
    IngestPlan,
    StepLimits,
    StepResult,
    finish_ingest,
    ingest_path,
    ingest_source,
    ingest_step,
    iter_source_files,
    merge_reports,
    plan_ingest,
)

__all__ = [
    "DocumentSource",
    "FolderSource",
    "IngestPlan",
    "StepLimits",
    "StepResult",
    "finish_ingest",
    "ingest_path",
    "ingest_source",
    "ingest_step",
    "iter_source_files",
    "merge_reports",
    "plan_ingest",
]
