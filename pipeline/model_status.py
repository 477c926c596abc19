"""Is the model path working? One cheap probe per deployment (cached in the process's
health registry, core/llm/health.py) for the start-up check, GET /api/status and `triage
models`; every real call updates the same registry.

The chat probe sends what the drafter sends, in miniature: a strict structured-output
request with max_tokens, so a wrong key, role, deployment name, api-version or a model
without structured outputs shows here before the first email (about 30 tokens).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel

from core.llm.catalog import embedding_dimension, same_model
from core.llm.chat import complete_json
from core.llm.failures import ModelFailure
from core.llm.health import HEALTH, Role, TargetHealth
from core.settings import EmbeddingProvider, LlmProvider, Settings

log = logging.getLogger(__name__)

PROBE_AGAIN_AFTER = timedelta(minutes=5)  # a failing deployment is probed again after this
PROBE_MAX_TOKENS = 16


class ProbeAnswer(BaseModel):
    ok: bool


def _stale(known: TargetHealth | None, now: datetime) -> bool:
    return known is None or (
        known.state == "failing" and now - known.checked_at > PROBE_AGAIN_AFTER
    )


def probe_chat(settings: Settings) -> None:
    from rag.llm import build_chat_model

    complete_json(
        build_chat_model(settings),
        [{"role": "user", "content": 'Answer {"ok": true}.'}],
        output=ProbeAnswer,
        name="probe",
        max_tokens=PROBE_MAX_TOKENS,
    )


def probe_embeddings(settings: Settings) -> None:
    from rag.llm import build_openai_embedder

    embedder = build_openai_embedder(settings)  # asks for the dimension when unknown
    if embedding_dimension(settings.embedding_model):
        embedder.probe()  # known dimension: no call was made yet


def _describe(role: Role, settings: Settings, known: TargetHealth | None) -> dict[str, Any]:
    chat = role == "chat"
    model = settings.llm_model if chat else settings.embedding_model
    provider = settings.llm_provider.value if chat else settings.embedding_provider.value
    out: dict[str, Any] = {
        "provider": provider,
        "deployment": settings.chat_deployment if chat else settings.embeddings_deployment,
        "model": model,
        "state": known.state if known else "unknown",
    }
    if known is None:
        return out
    out.update(since=known.since.isoformat(), checked_at=known.checked_at.isoformat())
    if known.state == "failing":
        out.update(kind=known.kind, reason=known.reason)
    if known.served_model:
        out["served_model"] = known.served_model
        if provider == "azure_openai" and not same_model(model, known.served_model):
            setting = "LLM_MODEL" if chat else "EMBEDDING_MODEL"
            out["warning"] = (
                f"the deployment serves {known.served_model!r} but {setting} is {model!r}: "
                "prices, request shape and the knowledge base's record follow the setting"
            )
    return out


def check(settings: Settings, role: Role, *, force: bool = False) -> dict[str, Any]:
    """The role's status, probing first when nothing is known yet (or it failed a while
    ago, or ``force``). Never raises: a failing probe is the answer."""
    off = (
        settings.llm_provider == LlmProvider.NONE
        if role == "chat"
        else settings.embedding_provider == EmbeddingProvider.OFFLINE
    )
    if off:
        what = "offline extractive drafter and keyword triage" if role == "chat" else "offline"
        model = settings.llm_model if role == "chat" else settings.embedding_model
        return {"provider": what, "state": "off" if role == "chat" else "ok", "model": model}
    deployment = settings.chat_deployment if role == "chat" else settings.embeddings_deployment
    if force or _stale(HEALTH.get(role, deployment), datetime.now(UTC)):
        try:
            (probe_chat if role == "chat" else probe_embeddings)(settings)
        except ModelFailure:
            pass  # the registry has it, logged once
        except Exception as exc:  # a bad setting, say: still an answer, not a crash
            log.error("%s probe could not run: %s", role, type(exc).__name__)
            return {"state": "failing", "kind": "probe", "reason": f"{type(exc).__name__}: {exc}"}
    return _describe(role, settings, HEALTH.get(role, deployment))


def models_status(settings: Settings, *, force: bool = False) -> dict[str, Any]:
    """{"chat": ..., "embeddings": ...}: ok, failing with the reason, or off."""
    return {role: check(settings, role, force=force) for role in ("chat", "embeddings")}
