"""Fixtures for the model path against the stub called as Azure OpenAI: deployment names a
team chose (never the model's name), the stub's key, fast retries.

Bind in a test module as module names (an assignment does not trip ruff's F811):
    openai_stub = rag_fixtures.openai_stub
    azure_stub = llm_fixtures.azure_stub
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from core.llm.health import HEALTH
from core.settings import Settings
from localdev.openai_stub import OpenAIStub
from rag.models import DraftRequest, Passage

CHAT_DEPLOYMENT = "team-chat"  # deliberately not the model's name
EMBED_DEPLOYMENT = "team-embed"
CHAT_MODEL = "gpt-4o-mini"
EMBED_MODEL = "text-embedding-3-small"
AZURE_KEY = "stub-azure-key"

PASSAGES = [
    Passage(
        chunk_id="returns#0",
        doc_id="returns",
        title="Returns",
        source="returns.md",
        url="https://shop.example/help/returns",
        language="en",
        text="You can return products within 30 days from delivery. Refunds take 10 days.",
        score=0.9,
        dense_score=0.9,
    )
]


def draft_request(**changes: Any) -> DraftRequest:
    fields: dict[str, Any] = {
        "message_id": "m1",
        "subject": "Return",
        "question": "Can I return my helmet?",
        "language": "en",
        "intent": "returns",
        "passages": PASSAGES,
        "questions": ["Can I return my helmet?"],
    }
    return DraftRequest(**{**fields, **changes})


@pytest.fixture
def azure_stub(openai_stub: OpenAIStub) -> Iterator[OpenAIStub]:
    """The session stub, emptied, serving the team's two deployments as Azure; the
    process's model health forgotten before and after."""
    openai_stub.reset()
    openai_stub.configure_azure(
        {
            CHAT_DEPLOYMENT: (f"{CHAT_MODEL}-2024-07-18", "chat"),
            EMBED_DEPLOYMENT: (EMBED_MODEL, "embeddings"),
        }
    )
    HEALTH.clear()
    yield openai_stub
    openai_stub.reset()
    openai_stub.configure_azure()
    HEALTH.clear()


def azure_settings(stub: OpenAIStub, **changes: Any) -> Settings:
    """Settings of a team on Azure OpenAI, pointed at the stub."""
    values: dict[str, Any] = {
        "hubspot_access_token": "unused",
        "llm_provider": "azure_openai",
        "llm_model": CHAT_MODEL,
        "llm_deployment": CHAT_DEPLOYMENT,
        "embedding_provider": "azure_openai",
        "embedding_model": EMBED_MODEL,
        "embedding_deployment": EMBED_DEPLOYMENT,
        "azure_openai_endpoint": stub.azure_endpoint,
        "azure_openai_api_key": AZURE_KEY,
        "llm_timeout_seconds": 5.0,
        "llm_max_retries": 2,
        **changes,
    }
    return Settings(**values)


def calls(stub: OpenAIStub, kind: str = "chat/completions") -> list[dict[str, Any]]:
    """The recorded requests to one endpoint kind, oldest first."""
    return [r for r in stub.requests() if r["path"].endswith(kind)]
