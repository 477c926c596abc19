"""Drafts written by a chat model (OpenAI, Azure OpenAI or compatible), checked afterwards.

Temperature 0, JSON-schema structured output, prompts from rag/prompts/. The customer's
email goes inside <email> delimiters as data. After generation, citations and links are
checked against the passages and repaired; token usage and cost are recorded.
"""

from __future__ import annotations

import json
from importlib import resources
from string import Template
from typing import Any

import openai
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rag.drafting.base import Drafter, reply_language
from rag.drafting.checks import check_body
from rag.fence import defuse
from rag.ingest.language import detect_language
from rag.models import DraftReply, DraftRequest, Passage
from rag.retry import RetriesExhausted, call_with_retries


class DraftingError(RuntimeError):
    """The model gave no usable draft (refusal, malformed output, errors after retries)."""


class LlmDraft(BaseModel):
    """The structured output the model must return (a DraftReply minus what we compute)."""

    model_config = ConfigDict(extra="forbid")

    body: str
    citations: list[int]
    answerable: bool
    confidence: float = Field(ge=0.0, le=1.0)
    missing_information: str


def response_format() -> dict[str, Any]:
    schema = LlmDraft.model_json_schema()
    schema["additionalProperties"] = False
    schema["required"] = list(LlmDraft.model_fields)
    return {
        "type": "json_schema",
        "json_schema": {"name": "draft_reply", "strict": True, "schema": schema},
    }


def _prompt(name: str) -> str:
    return resources.files("rag.prompts").joinpath(name).read_text(encoding="utf-8")


def _fence(text: str) -> str:
    """Stop the email from closing its own delimiters and posing as instructions: any
    look-alike of the prompt's tags, in any case or form, is defused (rag.fence)."""
    return defuse(text)


def format_passages(passages: list[Passage]) -> str:
    blocks = []
    for number, passage in enumerate(passages, start=1):
        header = f"[{number}] {passage.title}"
        if passage.section:
            header += f" > {passage.section}"
        header += f" (language: {passage.language}"
        header += f", url: {passage.url})" if passage.url else ")"
        blocks.append(f"{header}\n{_fence(passage.text)}")
    return "\n\n".join(blocks) if blocks else "(no passages found)"


def build_messages(request: DraftRequest, language: str) -> list[dict[str, str]]:
    user = Template(_prompt("draft_user.md")).substitute(
        language=language,
        intent=request.intent or "unknown",
        subject=_fence(request.subject).replace("\n", " "),
        passages=format_passages(request.passages),
        thread_context=_fence(request.thread_context) or "(none)",
        question=_fence(request.question),
        questions=_fence("\n".join(f"- {q}" for q in request.questions)) or "(all of the email)",
        unanswered=_fence("\n".join(f"- {q}" for q in request.unanswered)) or "(none)",
        screening_note=_fence(request.screening_note) or "(nothing flagged)",
    )
    return [
        {"role": "system", "content": _prompt("draft_system.md")},
        {"role": "user", "content": user},
    ]


class LlmDrafter:
    def __init__(
        self,
        client: openai.OpenAI,
        model: str,
        price_input_per_1m: float,
        price_output_per_1m: float,
        *,
        fallback: Drafter | None = None,
        attempts: int = 3,
        base_delay: float = 1.0,
    ) -> None:
        self.client = client
        self.model = model
        self.price_input_per_1m = price_input_per_1m
        self.price_output_per_1m = price_output_per_1m
        self.fallback = fallback
        self.attempts = attempts
        self.base_delay = base_delay

    def _cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        return round(
            prompt_tokens * self.price_input_per_1m / 1e6
            + completion_tokens * self.price_output_per_1m / 1e6,
            8,
        )

    def _complete(self, messages: list[dict[str, str]]) -> ChatCompletion:
        # plain dicts are the wire format; the SDK's TypedDict overloads add nothing here
        completions: Any = self.client.chat.completions
        result: ChatCompletion = completions.create(
            model=self.model,
            messages=messages,
            temperature=0,
            response_format=response_format(),
        )
        return result

    def draft(self, request: DraftRequest) -> DraftReply:
        try:
            return self._draft(request)
        except DraftingError as exc:
            if self.fallback is None:
                raise
            reply = self.fallback.draft(request)
            reply.review_reasons.insert(0, f"LLM draft failed, used fallback: {exc}")
            return reply

    def _draft(self, request: DraftRequest) -> DraftReply:
        language = reply_language(request.language)
        messages = build_messages(request, language)
        prompt_tokens = completion_tokens = 0
        reasons: list[str] = []
        parsed: LlmDraft | None = None
        for attempt in (1, 2):  # one re-ask when the JSON is malformed
            try:
                completion = call_with_retries(
                    lambda: self._complete(messages),
                    attempts=self.attempts,
                    base_delay=self.base_delay,
                    what=f"chat model {self.model}",
                )
            except openai.APITimeoutError as exc:
                raise DraftingError(f"chat model {self.model} timed out: {exc}") from exc
            except (openai.APIError, RetriesExhausted) as exc:
                raise DraftingError(f"chat model {self.model} failed: {exc}") from exc
            if completion.usage is not None:
                prompt_tokens += completion.usage.prompt_tokens
                completion_tokens += completion.usage.completion_tokens
            if not completion.choices:
                raise DraftingError(f"chat model {self.model} returned no choices")
            choice = completion.choices[0]
            refusal = getattr(choice.message, "refusal", None)
            if refusal:
                raise DraftingError(f"chat model {self.model} refused: {refusal[:200]}")
            if choice.finish_reason == "length":
                raise DraftingError(f"chat model {self.model} ran out of output tokens")
            try:
                parsed = LlmDraft.model_validate(json.loads(choice.message.content or ""))
                break
            except (json.JSONDecodeError, ValidationError) as exc:
                reasons.append(
                    f"attempt {attempt}: malformed structured output ({type(exc).__name__})"
                )
        if parsed is None:
            raise DraftingError(
                f"chat model {self.model} returned malformed JSON twice; " + "; ".join(reasons)
            )
        checked = check_body(parsed.body, request.passages, parsed.citations)
        review = [*checked.review_reasons]
        confidence = parsed.confidence
        if parsed.answerable and not checked.citations:
            review.append("answer cites no passage: check every statement")
            confidence = min(confidence, 0.3)
        if not parsed.answerable:
            review.append(
                "model found no answer in the passages"
                + (f"; missing: {parsed.missing_information}" if parsed.missing_information else "")
            )
        written_in = detect_language(checked.body)
        if written_in not in ("und", language):
            review.append(f"draft seems to be in {written_in}, expected {language}")
        if checked.review_reasons:
            confidence = min(confidence, 0.5)
        return DraftReply(
            body=checked.body,
            citations=checked.citations,
            language=language,
            confidence=round(confidence, 3),
            answerable=parsed.answerable,
            review_reasons=review,
            drafter="llm",
            model=self.model,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            cost_usd=self._cost(prompt_tokens, completion_tokens),
        )
