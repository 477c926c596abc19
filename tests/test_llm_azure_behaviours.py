"""Each behaviour Azure OpenAI documents, played by the stub, through the production code
(the factories of rag/llm.py, provider azure_openai with a key): the draft always ends as
a draft, the comment says why the model did not write it, the calls made are bounded, and
the tokens billed are counted."""

from __future__ import annotations

import logging
import time

import pytest

from core.llm.budget import step_budget
from core.llm.failures import FailureKind, ModelFailure
from hubspot.rendering import render_comment
from localdev.openai_stub import OpenAIStub
from pipeline.posting import comment_content
from rag.embeddings import CachedEmbedder
from rag.llm import build_drafter, build_embedder, build_llm_classifier
from rag.models import DraftReply
from tests import llm_fixtures, rag_fixtures
from tests.llm_fixtures import CHAT_DEPLOYMENT, azure_settings, calls, draft_request
from tests.triage_fixtures import make_message, thread_of
from triage.models import TriageConfig, TriageResult
from triage.pipeline import triage_email
from triage.taxonomy import default_taxonomy

openai_stub = rag_fixtures.openai_stub
azure_stub = llm_fixtures.azure_stub


def _comment(reply: DraftReply) -> str:
    triage = TriageResult(message_id="m1", should_answer=True, confidence=0.9)
    return render_comment(comment_content("m1", triage, reply, list(draft_request().passages))).text


def _draft(stub: OpenAIStub, **changes: object) -> DraftReply:
    return build_drafter(azure_settings(stub, **changes)).draft(draft_request())


def test_a_working_deployment_writes_the_draft_with_its_cost(azure_stub: OpenAIStub) -> None:
    reply = _draft(azure_stub)
    assert reply.drafter == "llm" and reply.fallback_reason == ""
    (sent,) = calls(azure_stub)
    assert sent["path"] == f"/openai/deployments/{CHAT_DEPLOYMENT}/chat/completions"
    assert sent["query"] == {"api-version": "2024-10-21"} and sent["auth"] == "api-key"
    assert sent["body"]["max_tokens"] == 600  # one question: 350 + 250
    billed = sent["billed"]
    assert (reply.prompt_tokens, reply.completion_tokens) == (
        billed["prompt_tokens"],
        billed["completion_tokens"],
    )
    assert reply.cost_usd > 0


def test_a_constant_429_honours_retry_after_ms_and_stops_after_the_sdk_retries(
    azure_stub: OpenAIStub,
) -> None:
    # retry-after says 10 s; retry-after-ms says 50 ms: the precise one is honoured
    azure_stub.set_behaviours(
        [], endpoint="chat", default="rate_limit", retry_after_seconds=10, retry_after_ms=50
    )
    started = time.monotonic()
    reply = _draft(azure_stub, llm_max_retries=2)
    assert time.monotonic() - started < 8  # not 2 x 10 s
    assert len(calls(azure_stub)) == 3  # the call and the SDK's two retries: one layer
    assert reply.drafter == "extractive" and reply.fallback_reason.startswith("rate_limited: ")
    assert "429 rate limited" in _comment(reply)


def test_a_wait_longer_than_allowed_is_not_waited_for(azure_stub: OpenAIStub) -> None:
    azure_stub.set_behaviours([], endpoint="chat", default="rate_limit", retry_after_seconds=60)
    started = time.monotonic()
    reply = _draft(azure_stub, llm_max_retries=2, llm_max_retry_wait_seconds=30)
    assert time.monotonic() - started < 10
    assert len(calls(azure_stub)) == 1
    assert "it asked to wait 60 s" in reply.fallback_reason


def test_retries_stop_inside_the_step_budget(azure_stub: OpenAIStub) -> None:
    azure_stub.set_behaviours([], endpoint="chat", default="rate_limit", retry_after_ms=900)
    drafter = build_drafter(azure_settings(azure_stub, llm_max_retries=5))
    started = time.monotonic()
    with step_budget(2.5):
        reply = drafter.draft(draft_request())
    assert time.monotonic() - started < 2.5 + 1.5  # the budget, plus one answer's time
    assert 1 <= len(calls(azure_stub)) <= 2  # not the 6 that five retries would make
    assert reply.drafter == "extractive"
    with step_budget(0.5):  # no time left to start a call at all
        spent = drafter.draft(draft_request())
    assert spent.fallback_reason.startswith("budget: ")


def test_a_blocked_prompt_is_not_asked_again_and_the_comment_says_why(
    azure_stub: OpenAIStub,
) -> None:
    azure_stub.set_behaviours([], endpoint="chat", default="prompt_filtered")
    reply = _draft(azure_stub)
    assert len(calls(azure_stub)) == 1
    assert reply.fallback_reason.startswith("prompt_filtered: ")
    assert "content filter blocked the prompt" in _comment(reply)


def test_a_filtered_answer_is_its_own_outcome_billed_and_not_asked_again(
    azure_stub: OpenAIStub,
) -> None:
    azure_stub.set_behaviours([], endpoint="chat", default="output_filtered")
    reply = _draft(azure_stub)
    (sent,) = calls(azure_stub)  # one call: no re-ask, no "malformed JSON twice"
    assert reply.fallback_reason.startswith("output_filtered: ")
    assert "withheld the answer" in _comment(reply)
    assert reply.prompt_tokens == sent["billed"]["prompt_tokens"] > 0
    assert reply.completion_tokens == sent["billed"]["completion_tokens"] > 0
    assert reply.cost_usd > 0


@pytest.mark.parametrize(
    ("behaviour", "kind", "words"),
    [
        ("unauthorized", FailureKind.AUTH, "the key or token was refused"),
        ("forbidden", FailureKind.FORBIDDEN, "Cognitive Services OpenAI User"),
        ("not_found", FailureKind.NOT_FOUND, "no such deployment"),
    ],
)
def test_a_misconfigured_deployment_is_logged_once_and_on_every_comment(
    azure_stub: OpenAIStub,
    caplog: pytest.LogCaptureFixture,
    behaviour: str,
    kind: FailureKind,
    words: str,
) -> None:
    azure_stub.set_behaviours([], endpoint="chat", default=behaviour)
    drafter = build_drafter(azure_settings(azure_stub))
    with caplog.at_level(logging.WARNING):
        replies = [drafter.draft(draft_request(message_id=f"m{i}")) for i in range(3)]
    assert len(calls(azure_stub)) == 3  # not retried: a 4xx does not get better
    for reply in replies:
        assert (
            reply.fallback_reason.startswith(f"{kind.value}: ") and words in reply.fallback_reason
        )
        assert words in _comment(reply) and reply.cost_usd == 0
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "is failing" in errors[0].getMessage()  # once, not per email


def test_a_slow_answer_times_out_into_the_fallback(azure_stub: OpenAIStub) -> None:
    azure_stub.set_behaviours(["slow"], endpoint="chat", slow_seconds=3.0)
    reply = _draft(azure_stub, llm_timeout_seconds=0.5, llm_max_retries=0)
    assert reply.fallback_reason.startswith("timeout: ")


def test_a_response_of_an_undocumented_shape_ends_in_the_fallback(azure_stub: OpenAIStub) -> None:
    azure_stub.set_behaviours(["no_message"], endpoint="chat")
    reply = _draft(azure_stub)
    assert reply.fallback_reason.startswith("unexpected: ")
    assert reply.prompt_tokens > 0  # it was billed all the same


def test_the_classifier_falls_back_with_the_reason_and_its_billed_tokens(
    azure_stub: OpenAIStub,
) -> None:
    azure_stub.set_behaviours(["output_filtered"], endpoint="chat")
    classifier = build_llm_classifier(azure_settings(azure_stub))
    message = make_message("Where is my order? It has not arrived.", "Order")
    result = triage_email(message, thread_of(message), TriageConfig(), classifier)
    assert result.classifier == "offline"
    assert any(n.startswith("classifier failed (output_filtered: ") for n in result.notes)
    (sent,) = calls(azure_stub)
    assert result.classifier_usage is not None
    assert result.classifier_usage.completion_tokens == sent["billed"]["completion_tokens"] > 0
    ok = triage_email(message, thread_of(message), TriageConfig(), classifier)
    assert ok.classifier == "llm" and ok.classifier_usage and ok.classifier_usage.cost_usd > 0
    assert classifier.classify("x y", "s", "en", default_taxonomy()).usage is not None


def test_embeddings_are_checked_one_vector_per_input_of_the_expected_dimension(
    azure_stub: OpenAIStub,
) -> None:
    embedder = build_embedder(azure_settings(azure_stub), cache_dir=None)
    assert embedder.dimension == 1536  # text-embedding-3-small, from the model not the name
    assert len(calls(azure_stub, "embeddings")) == 0  # known dimension: no probe needed
    azure_stub.set_behaviours(["wrong_count", "wrong_dimension"], endpoint="embeddings")
    with pytest.raises(ModelFailure, match="1 vectors for 2 inputs"):
        embedder.embed_documents(["one", "two"])
    with pytest.raises(ModelFailure, match="dimension \\[1537\\], expected 1536"):
        embedder.embed_documents(["one", "two"])
    azure_stub.set_behaviours([], endpoint="embeddings", default="rate_limit", retry_after_ms=10)
    with pytest.raises(ModelFailure) as limited:
        embedder.embed_queries(["three"])
    assert limited.value.kind == FailureKind.RATE_LIMITED
    assert len(calls(azure_stub, "embeddings")) == 2 + 3  # one layer of retries: 3 calls


def test_the_embedding_cache_is_keyed_by_the_model_not_the_deployment(
    azure_stub: OpenAIStub, tmp_path: object
) -> None:
    cache = tmp_path / "cache"  # type: ignore[operator]
    first = build_embedder(azure_settings(azure_stub), cache_dir=cache)
    assert isinstance(first, CachedEmbedder) and first.model_id == "openai/text-embedding-3-small"
    first.embed_queries(["hello"])
    azure_stub.configure_azure({"team-embed": ("text-embedding-3-large", "embeddings")})
    upgraded = build_embedder(
        azure_settings(azure_stub, embedding_model="text-embedding-3-large"), cache_dir=cache
    )
    assert isinstance(upgraded, CachedEmbedder)
    upgraded.embed_queries(["hello"])  # same deployment name, new model: not the old vector
    assert upgraded.misses == 1 and upgraded.dimension == 3072
