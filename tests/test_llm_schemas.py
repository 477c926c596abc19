"""Every response schema the app sends uses only what Azure's strict structured outputs
accept: walked from the requests that reach the stub, against Microsoft's list of
unsupported keywords (localdev/openai_stub/contract.py). Bounds live in the models."""

from __future__ import annotations

import math

import pytest
from pydantic import BaseModel, Field, ValidationError

from core.llm.failures import FailureKind, ModelFailure
from core.llm.schema import response_format, strict_schema
from localdev.openai_stub import OpenAIStub
from localdev.openai_stub.contract import UNSUPPORTED_KEYWORDS, strict_schema_problems
from pipeline.model_status import probe_chat
from rag.drafting.llm import LlmDraft, LlmDrafter
from rag.llm import build_chat_model, build_drafter, build_llm_classifier
from tests import llm_fixtures, rag_fixtures
from tests.llm_fixtures import azure_settings, calls, draft_request
from triage.llm_classifier import LlmTriage
from triage.taxonomy import default_taxonomy

openai_stub = rag_fixtures.openai_stub
azure_stub = llm_fixtures.azure_stub


def test_every_schema_the_app_sends_uses_only_supported_keywords(azure_stub: OpenAIStub) -> None:
    settings = azure_settings(azure_stub)
    build_drafter(settings).draft(draft_request())
    build_llm_classifier(settings).classify("Where is my order?", "Order", "en", default_taxonomy())
    probe_chat(settings)
    sent = {
        r["body"]["response_format"]["json_schema"]["name"]: r["body"]["response_format"]
        for r in calls(azure_stub)
    }
    assert set(sent) == {"draft_reply", "triage", "probe"}  # each schema the app has
    for name, fmt in sent.items():
        assert fmt["json_schema"]["strict"] is True, name
        assert strict_schema_problems(fmt["json_schema"]["schema"]) == [], name
    assert all(r["status"] == 200 for r in calls(azure_stub))


class Bounded(BaseModel):
    """What LlmDraft used to declare: bounds Azure's strict mode refuses."""

    confidence: float = Field(ge=0.0, le=1.0)
    tags: list[str] = Field(min_length=1)
    code: str = Field(pattern=r"^[A-Z]+$")


def test_the_keyword_check_fails_on_the_keywords_microsoft_lists() -> None:
    raw = Bounded.model_json_schema()
    found = " ".join(strict_schema_problems(raw))
    for keyword in ("minimum", "maximum", "minItems", "pattern"):
        assert f"'{keyword}' is not permitted" in found
    for keywords in UNSUPPORTED_KEYWORDS.values():
        for keyword in keywords:
            planted = {
                "type": "object",
                "properties": {"x": {"type": "string", keyword: 1}},
                "required": ["x"],
                "additionalProperties": False,
            }
            assert strict_schema_problems(planted), keyword
    assert strict_schema_problems(strict_schema(Bounded)) == []


def test_the_stub_refuses_a_schema_with_bounds_as_azure_does(azure_stub: OpenAIStub) -> None:
    """The 12 HTTP 400s of issue 22: the old schemas, sent through the production client."""
    chat = build_chat_model(azure_settings(azure_stub))
    old = Bounded.model_json_schema()  # as the drafter built it before: strict otherwise
    old.update(additionalProperties=False, required=list(Bounded.model_fields))
    body = {
        "messages": [{"role": "user", "content": "hi"}],
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "old", "strict": True, "schema": old},
        },
        "max_tokens": 10,
    }
    with pytest.raises(Exception) as refused:
        chat.client.chat.completions.create(model=chat.deployment, **body)  # type: ignore[call-overload]
    assert getattr(refused.value, "status_code", None) == 400
    assert "'maximum' is not permitted" in str(refused.value)


def test_bounds_are_enforced_when_the_answer_is_parsed() -> None:
    answer = {
        "body": "Hi",
        "citations": [],
        "answerable": False,
        "confidence": 1.7,
        "missing_information": "",
    }
    assert LlmDraft.model_validate(answer).confidence == 1.0
    assert LlmDraft.model_validate({**answer, "confidence": -0.2}).confidence == 0.0
    with pytest.raises(ValidationError):
        LlmDraft.model_validate({**answer, "confidence": math.nan})
    triage = {
        "intent": "x",
        "confidence": 3,
        "priority": "urgent",
        "sentiment": "neutral",
        "summary": "",
    }
    assert LlmTriage.model_validate(triage).confidence == 1.0
    with pytest.raises(ValidationError):
        LlmTriage.model_validate({**triage, "priority": "whenever"})  # enums still hold


def test_strict_schema_keeps_enums_and_requires_every_property() -> None:
    schema = response_format("triage", LlmTriage)["json_schema"]["schema"]
    assert schema["required"] == list(schema["properties"])
    assert schema["additionalProperties"] is False
    assert schema["properties"]["priority"]["enum"] == ["urgent", "high", "normal", "low"]


def test_a_malformed_answer_is_asked_once_more_then_a_failure(azure_stub: OpenAIStub) -> None:
    azure_stub.set_behaviours([], endpoint="chat", default="malformed")
    drafter = LlmDrafter(build_chat_model(azure_settings(azure_stub)))  # no fallback
    with pytest.raises(ModelFailure) as failed:
        drafter.draft(draft_request())
    assert failed.value.kind == FailureKind.MALFORMED
    assert len(calls(azure_stub)) == 2
    assert failed.value.usage.calls == 2  # both were billed
