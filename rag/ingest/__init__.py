"""Knowledge-base ingestion: loaders, chunking, de-duplication, incremental writes."""

from rag.ingest.pipeline import ingest_path, iter_source_files

__all__ = ["ingest_path", "iter_source_files"]
