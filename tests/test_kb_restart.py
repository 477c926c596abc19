"""Qdrant restarts in the middle of a run and comes back empty (live data on ACI's local
disk): no email is drafted against the empty store, none is lost. The held emails wait, the
timer rebuilds the knowledge base from the documents, and the next polls draft them, once
each. The production app on the local Durable host, Azurite, the HubSpot emulator, embedded
Qdrant."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import pipeline.drafting as drafting
from localdev.qdrant_faults import wipe
from localdev.stack import SAMPLE_KB, LocalStack
from orchestrators import names
from pipeline.services import knowledge_store
from pipeline.status import dependencies_status
from tests.test_pipeline_e2e import assert_exactly_once, make_stack

pytestmark = pytest.mark.slow


def test_a_store_restarted_empty_mid_run_holds_emails_and_loses_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = {"KNOWLEDGE_BASE_PATH": str(SAMPLE_KB), "CLAIM_LEASE_SECONDS": "1"}
    chunks_seen: list[int] = []
    restarted = threading.Event()
    real = drafting.retrieve_and_draft

    def draft_then_restart_store(*args: Any, **kwargs: Any) -> dict[str, Any]:
        store = knowledge_store()
        chunks_seen.append(store.count())  # what this draft is written against
        result = real(*args, **kwargs)
        if not restarted.is_set():
            restarted.set()
            wipe(store)  # Qdrant restarts right after the run's first draft
        return result

    monkeypatch.setattr(drafting, "retrieve_and_draft", draft_then_restart_store)
    stack: LocalStack
    with make_stack(tmp_path, settings=settings) as stack:
        # Day one's ingestion, as POST /api/kb/ingest runs it (the orchestration).
        assert stack.host is not None
        client = stack.host.client()
        asyncio.run(client.start_new(names.INGEST_ORCHESTRATOR, names.INGEST_INSTANCE_ID, {}))
        stack.host.run_until_idle(timeout=600)
        assert dependencies_status()["knowledge_base"]["ready"]
        first = Counter(stack.poll_once().get("counts", {}))
        assert first["held"] > 0, first  # drafts after the restart were held, not failed
        assert first["failed"] == 0, first
        during = dependencies_status()["knowledge_base"]
        assert during["reachable"] and not during["ready"] and "missing" in during["problem"]

        decided = Counter(first)
        for _ in range(10):  # the timer rebuilds; the held emails are drafted after their lease
            counts = Counter(stack.poll_once().get("counts", {}))
            decided += counts
            if not counts["held"] and not counts["posted"]:
                break
        assert assert_exactly_once(stack)
        after = dependencies_status()["knowledge_base"]
        assert after["ready"] and after["documents"] > 0
    assert chunks_seen and min(chunks_seen) > 0, chunks_seen  # never against an empty store
    assert decided["posted"] > 1
