"""The long-lived clients one worker process shares, built once from the settings.

Activities call these instead of constructing clients, so connections, the embedding model
and the embedded Qdrant client (one per path per process) are reused across invocations.
`reset()` drops them (tests, or a local run that changes settings).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from core.settings import LlmProvider, Settings, get_settings

if TYPE_CHECKING:
    from core.llm.health import Role
    from hubspot.inbox_client import InboxClient
    from kb_feedback.store import FeedbackStore
    from ledger.table_ledger import TableLedger
    from rag.drafting.base import Drafter
    from rag.embeddings import Embedder
    from rag.store import KnowledgeStore
    from triage.classifier import IntentClassifier
    from triage.models import TriageConfig


def settings() -> Settings:
    return get_settings()


@cache
def ledger() -> TableLedger:
    from ledger.table_ledger import TableLedger

    s = settings()
    return TableLedger.from_connection(
        connection_string=s.ledger_connection_string.get_secret_value()
        if s.ledger_connection_string
        else None,
        endpoint=s.ledger_table_endpoint,
        prefix=s.ledger_table_prefix,
    )


@cache
def feedback_store() -> FeedbackStore:
    """The knowledge-base feedback tables, beside the ledger's (same account and prefix)."""
    from kb_feedback.store import FeedbackStore

    book = ledger()
    return FeedbackStore(book.service, book.prefix)


@cache
def hubspot() -> InboxClient:
    from hubspot.inbox_client import InboxClient

    return InboxClient.from_settings(settings())


@cache
def embedder() -> Embedder:
    from rag.llm import build_embedder

    s = settings()
    built = build_embedder(s, cache_dir=s.embedding_cache_dir)
    _check_once("embeddings")
    return built


@cache
def knowledge_store() -> KnowledgeStore:
    from rag.llm import build_store

    return build_store(settings())


@cache
def drafter() -> Drafter:
    from rag.llm import build_drafter

    built = build_drafter(settings())
    _check_once("chat")
    return built


@cache
def triage_config() -> TriageConfig:
    from triage.models import TriageConfig

    return TriageConfig.from_settings(settings())


@cache
def classifier() -> IntentClassifier:
    """The LLM (one structured call) when one is configured, else the offline classifier."""
    s = settings()
    if s.llm_provider == LlmProvider.NONE:
        from triage.classifier import OfflineClassifier

        return OfflineClassifier(embedder())
    from rag.llm import build_llm_classifier

    built = build_llm_classifier(s)
    _check_once("chat")
    return built


def _check_once(role: Role) -> None:
    """The start-up check: the first client built in a process probes its deployment once
    (the registry caches it), so a wrong key, role or deployment is logged at ERROR before
    the first email, not found out email by email. Offline roles make no call."""
    from pipeline.model_status import check

    check(settings(), role)


def reset() -> None:
    from core.llm.health import HEALTH

    get_settings.cache_clear()
    HEALTH.clear()
    for built in (
        ledger,
        feedback_store,
        hubspot,
        embedder,
        knowledge_store,
        drafter,
        triage_config,
        classifier,
    ):
        built.cache_clear()
