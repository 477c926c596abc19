"""The operator's endpoints on the local host running the production app: GET
/api/kb/suggestions, POST /api/kb/suggestions/{id}/accept?by= (writes the article into the
KNOWLEDGE_BASE_PATH folder, as Azure writes into the blob container, and starts the
incremental ingestion), .../reject?by=; a decision needs a name, an unknown id is 404."""

from __future__ import annotations

import asyncio
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kb_feedback.models import Example, SuggestionGroup
from localdev.stack import SAMPLE_KB, LocalStack
from orchestrators import names
from pipeline.services import feedback_store, knowledge_store

pytestmark = pytest.mark.slow
AT = datetime(2026, 12, 1, tzinfo=UTC)


def _group(group_id: str, question: str, answer: str, count: int) -> SuggestionGroup:
    example = Example(key=f"{group_id}k", question=question, answer=answer, language="en", at=AT)
    return SuggestionGroup(
        group_id=group_id,
        count=count,
        languages={"en": count},
        first_at=AT,
        last_at=AT,
        examples=[example],
        centroid=[1.0, 0.0],
    )


def test_accept_writes_the_article_and_ingests_it_reject_hides(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(SAMPLE_KB, kb)
    with LocalStack(
        data_dir=tmp_path,
        seed="empty",
        persist_ledger=False,
        settings={"KNOWLEDGE_BASE_PATH": str(kb)},
    ) as stack:
        assert stack.host is not None
        stack.ingest_sample_kb(kb)
        before = knowledge_store().count()
        store = feedback_store()
        store.insert(
            _group(
                "train00000001",
                "Can I take my e-bike on the train?",
                "Yes: book a bike space on the regional train; a bike ticket costs "
                "50 SEK. Folding bikes travel free as luggage.",
                3,
            )
        )
        store.insert(
            _group(
                "pads000000001",
                "Do you sell brake pads?",
                "I have passed this on to our workshop team.",
                2,
            )
        )
        listed = json.loads(stack.host.call_http("GET", "/api/kb/suggestions").get_body())
        assert [s["group_id"] for s in listed["suggestions"]] == ["train00000001", "pads000000001"]
        path = "/api/kb/suggestions/train00000001/accept"
        assert stack.host.call_http("POST", path).status_code == 400  # who decides?
        assert (
            stack.host.call_http(
                "POST", "/api/kb/suggestions/nope/accept", params={"by": "Lena"}
            ).status_code
            == 404
        )
        accepted = stack.host.call_http("POST", path, params={"by": "Lena"})
        body = json.loads(accepted.get_body())
        assert accepted.status_code == 200 and body["ingest"]["started"], body
        stack.host.run_until_idle(timeout=600)
        status = asyncio.run(stack.host.client().get_status(names.INGEST_INSTANCE_ID))
        assert str(status.runtime_status.value) == "Completed"
        assert status.output["counts"]["added"] == 1  # only the new article: incremental
        assert knowledge_store().count() > before
        assert "50 SEK" in (kb / body["article"]).read_text()
        rejected = stack.host.call_http(
            "POST", "/api/kb/suggestions/pads000000001/reject", params={"by": "Lena"}
        )
        assert rejected.status_code == 200
        listed = json.loads(stack.host.call_http("GET", "/api/kb/suggestions").get_body())
        assert listed["suggestions"] == []
