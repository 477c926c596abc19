"""Knowledge-base ingestion inside the app: POST /api/kb/ingest on the local host (bounded
steps, lost results, the alias switch), and the blob container it reads in Azure (Azurite's
blob service)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from localdev.azurite import Azurite
from localdev.durable_host.engine import FaultInjection
from localdev.stack import SAMPLE_KB, LocalStack
from pipeline.kb_ingestion import BlobContainerSource, download_container, safe_destination
from pipeline.services import knowledge_store
from rag.ingest import FolderSource


def _ingest_status(stack: LocalStack) -> Any:
    assert stack.host is not None
    return asyncio.run(stack.host.client().get_status("kb-ingest"))


def test_http_ingest_runs_in_bounded_retried_steps_as_a_singleton(tmp_path: Path) -> None:
    settings = {"KNOWLEDGE_BASE_PATH": str(SAMPLE_KB), "KB_INGEST_STEP_DOCUMENTS": "4"}
    # Every step's result is lost once after it ran: each step runs twice.
    faults = FaultInjection(
        lost_result_fraction=1.0,
        activities=frozenset({"plan_kb_ingest", "ingest_kb_step", "finish_kb_ingest"}),
        max_losses_per_task=1,
    )
    with LocalStack(
        data_dir=tmp_path, persist_ledger=False, settings=settings, faults=faults
    ) as stack:
        assert stack.host is not None
        started = stack.host.call_http("POST", "/api/kb/ingest")
        assert started.status_code == 202
        assert stack.host.call_http("POST", "/api/kb/ingest").status_code == 409  # one at a time
        stack.host.run_until_idle(timeout=600)
        status = _ingest_status(stack)
        assert str(status.runtime_status.value) == "Completed"
        report = status.output
        documents = len(FolderSource(SAMPLE_KB).names())
        assert report["rebuilt"] and report["steps"] == -(-documents // 4)
        assert report["counts"]["added"] >= 15 and report["counts"]["chunks"] > 0
        assert stack.host.stats.activity_results_lost >= report["steps"]
        store = knowledge_store()
        assert store.live_collection() == report["collection"]
        # Lost results re-ran steps: nothing was written twice, nothing is missing.
        assert store.count() == report["counts"]["chunks"]
        # The history holds names and counts, never document text.
        history = json.dumps([i.history for i in stack.host.instances.values()], default=str)
        first_text = (SAMPLE_KB / FolderSource(SAMPLE_KB).names()[0]).read_text()
        assert max(first_text.split("\n"), key=len)[:60] not in history

        # Unchanged documents are skipped the second time, in place.
        assert stack.host.call_http("POST", "/api/kb/ingest").status_code == 202
        stack.host.run_until_idle(timeout=600)
        again = _ingest_status(stack).output
        assert not again["rebuilt"] and again["collection"] == report["collection"]
        assert again["counts"]["added"] == again["counts"]["updated"] == 0
        assert again["counts"]["unchanged"] == report["counts"]["added"]

        # recreate=true builds a new collection and switches the alias to it.
        assert (
            stack.host.call_http("POST", "/api/kb/ingest", params={"recreate": "true"}).status_code
            == 202
        )
        stack.host.run_until_idle(timeout=600)
        rebuilt = _ingest_status(stack).output
        assert rebuilt["rebuilt"] and rebuilt["collection"] != report["collection"]
        assert store.live_collection() == rebuilt["collection"]
        assert store.build_collections() == [rebuilt["collection"]]
        assert store.count() == report["counts"]["chunks"]


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
        container.upload_blob(".hidden/notes.md", b"# Hidden")
        source = BlobContainerSource(blob.blob_endpoint, "knowledge-base", credential)
        assert source.names() == ["faq/delivery.md", "returns.md"]
        assert source.read("returns.md").data == b"# Returns\n\n30 days."


def _dev_key() -> str:
    from localdev.azurite import DEV_KEY

    return DEV_KEY


@pytest.mark.parametrize("name", ["../escape.md", "a/../../escape.md", "/etc/passwd"])
def test_blob_names_cannot_escape_the_target_folder(tmp_path: Path, name: str) -> None:
    assert safe_destination(tmp_path / "kb", name) is None
    assert safe_destination(tmp_path / "kb", "a/b.md") == (tmp_path / "kb" / "a" / "b.md").resolve()
