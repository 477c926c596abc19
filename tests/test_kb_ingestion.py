"""Knowledge-base ingestion inside the app: POST /api/kb/ingest on the local host, from a
local folder, and the blob-container download it uses in Azure (Azurite's blob service)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from localdev.azurite import Azurite
from localdev.stack import SAMPLE_KB, LocalStack
from pipeline.kb_ingestion import download_container, safe_destination


def test_http_ingest_runs_as_a_singleton_orchestration(tmp_path: Path) -> None:
    settings = {"KNOWLEDGE_BASE_PATH": str(SAMPLE_KB)}
    with LocalStack(data_dir=tmp_path, persist_ledger=False, settings=settings) as stack:
        assert stack.host is not None
        started = stack.host.call_http("POST", "/api/kb/ingest")
        assert started.status_code == 202
        assert stack.host.call_http("POST", "/api/kb/ingest").status_code == 409  # one at a time
        stack.host.run_until_idle(timeout=600)
        status = asyncio.run(stack.host.client().get_status("kb-ingest"))
        assert str(status.runtime_status.value) == "Completed"
        report = status.output
        assert len(report["added"]) >= 15 and report["chunks"] > 0
        # Unchanged documents are skipped the second time.
        assert stack.host.call_http("POST", "/api/kb/ingest").status_code == 202
        stack.host.run_until_idle(timeout=600)
        again = asyncio.run(stack.host.client().get_status("kb-ingest")).output
        assert again["added"] == [] and again["updated"] == []


def test_blob_container_download_keeps_relative_paths(tmp_path: Path) -> None:
    from azure.storage.blob import BlobServiceClient

    with Azurite(service="blob") as blob:
        service = BlobServiceClient.from_connection_string(blob.connection_string)
        container = service.create_container("knowledge-base")
        container.upload_blob("faq/delivery.md", b"# Delivery\n\n3-5 working days.")
        container.upload_blob("returns.md", b"# Returns\n\n30 days.")
        target = tmp_path / "kb"
        target.mkdir()
        credential = {"account_name": "devstoreaccount1", "account_key": _dev_key()}
        count = download_container(blob.blob_endpoint, "knowledge-base", target, credential)
        assert count == 2
        assert (target / "faq" / "delivery.md").read_text().startswith("# Delivery")
        assert (target / "returns.md").exists()


def _dev_key() -> str:
    from localdev.azurite import DEV_KEY

    return DEV_KEY


@pytest.mark.parametrize("name", ["../escape.md", "a/../../escape.md", "/etc/passwd"])
def test_blob_names_cannot_escape_the_target_folder(tmp_path: Path, name: str) -> None:
    assert safe_destination(tmp_path / "kb", name) is None
    assert safe_destination(tmp_path / "kb", "a/b.md") == (tmp_path / "kb" / "a" / "b.md").resolve()
