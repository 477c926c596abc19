"""Knowledge-base ingestion inside the app (so inside the VNet, next to Qdrant): documents
from the blob container (Azure) or a local folder, into the store, incrementally."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from pipeline.services import embedder, knowledge_store, settings
from rag.ingest import ingest_path

log = logging.getLogger(__name__)


class KnowledgeBaseSourceError(RuntimeError):
    """Neither KNOWLEDGE_BASE_BLOB_ENDPOINT nor KNOWLEDGE_BASE_PATH says where documents are."""


def safe_destination(target: Path, name: str) -> Path | None:
    """Where blob `name` goes under `target`, or None when it would land outside ("../")."""
    destination = (target / name).resolve()
    return destination if target.resolve() in destination.parents else None


def download_container(endpoint: str, container: str, target: Path, credential: Any = None) -> int:
    """Copy every blob of the container under `target`, keeping its path; returns the count.
    Blob names are relative paths: document ids (and so incremental updates) stay stable."""
    from azure.storage.blob import ContainerClient

    if credential is None:
        from azure.identity import DefaultAzureCredential

        credential = DefaultAzureCredential()
    client = ContainerClient(account_url=endpoint, container_name=container, credential=credential)
    count = 0
    for blob in client.list_blobs():
        destination = safe_destination(target, blob.name)
        if destination is None:
            log.warning("skipping blob with an unsafe name: %s", blob.name)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        with destination.open("wb") as handle:
            client.download_blob(blob.name).readinto(handle)
        count += 1
    return count


def ingest_configured_source(recreate: bool = False) -> dict[str, Any]:
    s = settings()
    store, vectors = knowledge_store(), embedder()

    def ingest(path: Path) -> Any:
        return ingest_path(
            path,
            store,
            vectors,
            chunk_tokens=s.chunk_tokens,
            chunk_overlap_tokens=s.chunk_overlap_tokens,
            recreate=recreate,
        )

    if s.knowledge_base_blob_endpoint:
        with tempfile.TemporaryDirectory(prefix="kb-") as folder:
            count = download_container(
                s.knowledge_base_blob_endpoint, s.knowledge_base_container, Path(folder)
            )
            log.info("knowledge base: %d documents downloaded from the container", count)
            report = ingest(Path(folder))
    elif s.knowledge_base_path:
        report = ingest(s.knowledge_base_path)
    else:
        raise KnowledgeBaseSourceError(
            "set KNOWLEDGE_BASE_BLOB_ENDPOINT (Azure) or KNOWLEDGE_BASE_PATH (local) to ingest"
        )
    return report.model_dump(mode="json")
