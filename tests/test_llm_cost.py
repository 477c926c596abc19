"""Cost that adds up: every billed call (classifier, query embeddings, drafter, failed
calls too) reaches the ledger labels, priced by the model's name, never the deployment's;
the report shows cost by step and who wrote the drafts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from core.llm.usage import metering
from core.settings import SettingsError, load_settings
from ledger.models import MessageRecord
from localdev.openai_stub import OpenAIStub
from localdev.report_text import render_text
from pipeline.answering import answer_email
from pipeline.recording import labels
from pipeline.report import build_report
from rag.ingest import ingest_path
from rag.llm import build_drafter, build_embedder, build_llm_classifier
from rag.store import EmbeddingMismatchError, KnowledgeStore
from tests import llm_fixtures, rag_fixtures
from tests.llm_fixtures import azure_settings, draft_request
from tests.triage_fixtures import make_message, thread_of
from triage.models import TriageConfig
from triage.pipeline import triage_email

openai_stub = rag_fixtures.openai_stub
azure_stub = llm_fixtures.azure_stub


def _billed(stub: OpenAIStub) -> tuple[int, int]:
    done = [r["billed"] for r in stub.requests() if r["billed"]]
    return sum(b["prompt_tokens"] for b in done), sum(b["completion_tokens"] for b in done)


def test_prices_follow_the_model_and_the_settings_not_the_deployment_name(
    azure_stub: OpenAIStub,
) -> None:
    azure_stub.configure_azure(
        {"chat-a": ("gpt-4o-mini", "chat"), "chat-b": ("gpt-4o-mini", "chat")}
    )
    priced = {"llm_price_input_per_1m": 1.0, "llm_price_output_per_1m": 2.0}
    replies = [
        build_drafter(azure_settings(azure_stub, llm_deployment=name, **priced)).draft(
            draft_request()
        )
        for name in ("chat-a", "chat-b")
    ]
    prompt, completion = _billed(azure_stub)
    assert sum(r.prompt_tokens for r in replies) == prompt
    assert sum(r.completion_tokens for r in replies) == completion
    assert replies[0].cost_usd == replies[1].cost_usd  # same model, other deployment name
    assert replies[0].cost_usd == pytest.approx(
        (replies[0].prompt_tokens * 1.0 + replies[0].completion_tokens * 2.0) / 1e6
    )


def test_a_model_without_a_list_price_must_be_given_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """A deployment name set as LLM_MODEL (the old habit) is caught, not priced as free."""
    for name, value in {
        "HUBSPOT_ACCESS_TOKEN": "x",
        "LEDGER_CONNECTION_STRING": "UseDevelopmentStorage=true",
        "LLM_PROVIDER": "azure_openai",
        "AZURE_OPENAI_ENDPOINT": "https://x.openai.azure.com",
        "LLM_MODEL": "our-prod-chat",
        "EMBEDDING_PROVIDER": "azure_openai",
        "EMBEDDING_MODEL": "our-embeddings",
    }.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as refused:
        load_settings()
    names = {name for name, _ in refused.value.problems}
    assert names == {"LLM_PRICE_INPUT_PER_1M", "LLM_PRICE_OUTPUT_PER_1M", "EMBEDDING_PRICE_PER_1M"}
    monkeypatch.setenv("LLM_PRICE_INPUT_PER_1M", "0.5")
    monkeypatch.setenv("LLM_PRICE_OUTPUT_PER_1M", "1.5")
    monkeypatch.setenv("EMBEDDING_PRICE_PER_1M", "0.05")
    assert load_settings().chat_price().output_per_1m == 1.5


def _kb(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "returns.md").write_text(
        "# Returns\n\nCan I return my helmet? You can return a helmet within 30 days of "
        "delivery for a full refund.\n",
        encoding="utf-8",
    )
    return root


def test_the_ledger_counts_every_billed_call_of_an_email(
    azure_stub: OpenAIStub, tmp_path: Path
) -> None:
    settings = azure_settings(azure_stub)
    embedder = build_embedder(settings, cache_dir=None)
    store = KnowledgeStore("cost_kb", path=":memory:")
    ingest_path(_kb(tmp_path / "kb"), store, embedder)
    azure_stub.reset()  # from here on, one email's calls
    # the classifier's call works, the draft's is filtered (billed, then the fallback)
    azure_stub.set_behaviours(["ok", "output_filtered"], endpoint="chat")
    message = make_message("Hello, can I return my helmet within 30 days? Thanks", "Helmet")
    classifier = build_llm_classifier(settings)
    with metering() as meter:
        triage = triage_email(message, thread_of(message), TriageConfig(), classifier)
        outcome = answer_email(
            triage,
            store=store,
            embedder=embedder,
            drafter=build_drafter(settings),
            message_id="m1",
            subject="Helmet",
        )
    assert triage.classifier == "llm" and outcome.decision == "answered"
    assert outcome.draft.fallback_reason.startswith("output_filtered: ")
    payload: dict[str, Any] = {
        "triage": triage.model_dump(mode="json"),
        "draft": outcome.draft.model_dump(mode="json"),
        "passages": [p.model_dump(mode="json") for p in outcome.passages],
        "usage": {step: u.model_dump() for step, u in meter.by_step.items()},
    }
    recorded = labels(payload)
    prompt, completion = _billed(azure_stub)
    assert (recorded["prompt_tokens"], recorded["completion_tokens"]) == (prompt, completion)
    assert set(recorded["cost_by_step"]) == {"classify", "embed", "draft"}
    assert all(usd > 0 for usd in recorded["cost_by_step"].values())
    assert recorded["cost_usd"] == pytest.approx(sum(recorded["cost_by_step"].values()))
    assert recorded["drafter"] == "llm_fallback"
    assert recorded["fallback_reason"].startswith("output_filtered: ")


def test_the_report_shows_who_wrote_the_drafts_why_the_model_failed_and_cost_by_step() -> None:
    now = datetime(2026, 12, 1, 12, tzinfo=UTC)

    def drafted(n: int, drafter: str | None, **fields: Any) -> MessageRecord:
        return MessageRecord(
            message_id=f"m{n}",
            received_at=now - timedelta(hours=n),
            state="posted",
            answer_decision="answered",
            drafter=drafter,
            cost_usd=0.003,
            cost_by_step={"classify": 0.001, "embed": 0.0005, "draft": 0.0015},
            **fields,
        )

    rows = [
        drafted(1, "llm"),
        drafted(2, "llm"),
        drafted(3, "llm_fallback", fallback_reason="output_filtered: filtered"),
        drafted(4, "llm_fallback", fallback_reason="rate_limited: 429"),
        drafted(5, None),  # a holding reply: no drafter ran
    ]
    report = build_report(rows, now - timedelta(days=7), now)
    assert report.drafts_by_drafter == {"llm": 2, "llm_fallback": 2}
    assert report.fallback_reasons == {"output_filtered": 1, "rate_limited": 1}
    assert report.cost.cost_usd_by_step == {"classify": 0.005, "draft": 0.0075, "embed": 0.0025}
    text = render_text(report)
    assert "drafts by drafter: the model 2, offline fallback (the model failed) 2" in text
    assert "(model failures: output_filtered 1, rate_limited 1)" in text
    assert "cost by step: classify $0.0050, draft $0.0075, embed $0.0025" in text


def test_a_search_with_another_embedding_model_says_to_re_ingest(
    azure_stub: OpenAIStub, tmp_path: Path
) -> None:
    from rag.retrieve import retrieve

    store = KnowledgeStore("built_small", path=":memory:")
    ingest_path(
        _kb(tmp_path / "kb"), store, build_embedder(azure_settings(azure_stub), cache_dir=None)
    )
    azure_stub.configure_azure({"team-embed": ("text-embedding-3-large", "embeddings")})
    larger = build_embedder(
        azure_settings(azure_stub, embedding_model="text-embedding-3-large"), cache_dir=None
    )
    with pytest.raises(EmbeddingMismatchError, match="re-ingest"):
        retrieve(store, larger, "return a helmet", language="en", top_k=3)
