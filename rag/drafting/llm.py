"""Drafts written by a chat model (OpenAI, Azure OpenAI or compatible), checked afterwards.

Temperature 0, strict JSON-schema structured output (core/llm), prompts from rag/prompts/.
The customer's email goes inside <email> delimiters as data. After generation, citations
and links are checked against the passages and repaired; token usage and cost are recorded.

Whatever goes wrong (the deployment, the service, one answer, a bug) ends in the fallback
drafter with the reason on the comment and the billed tokens counted, never in an error.
"""

from __future__ import annotations

import logging
from importlib import resources
from string import Template

from pydantic import BaseModel, ConfigDict, field_validator

from core.llm.chat import ChatModel, complete_json
from core.llm.failures import FailureKind, ModelFailure
from core.llm.schema import response_format as strict_response_format
from core.llm.schema import unit_interval
from core.llm.usage import Usage
from rag.drafting.base import Drafter, reply_language
from rag.drafting.checks import check_body
from rag.fence import defuse
from rag.ingest.language import detect_language
from rag.models import DraftReply, DraftRequest, Passage

log = logging.getLogger(__name__)

SCHEMA_NAME = "draft_reply"
# Output tokens, sized from the draft's needs: greeting, closing, the JSON keys and a short
# missing_information (~350), and a few sentences per question (~250: 150-200 words in
# most languages). Capped: without max_tokens Azure reserves the model's whole output
# limit against the tokens-per-minute quota for every call, which brings 429s sooner.
DRAFT_TOKENS_BASE = 350
DRAFT_TOKENS_PER_QUESTION = 250
DRAFT_TOKENS_MAX = 1500


class LlmDraft(BaseModel):
    """The structured output the model must return (a DraftReply minus what we compute)."""

    model_config = ConfigDict(extra="forbid")

    body: str
    citations: list[int]
    answerable: bool
    confidence: float  # 0 to 1: the strict schema cannot say so, the validator enforces it
    missing_information: str

    @field_validator("confidence")
    @classmethod
    def _within_0_1(cls, value: float) -> float:
        return unit_interval(value)


def response_format() -> dict[str, object]:
    """What the drafter sends as ``response_format`` (strict, Azure's keyword subset)."""
    return strict_response_format(SCHEMA_NAME, LlmDraft)


def draft_max_tokens(request: DraftRequest) -> int:
    questions = max(1, len(request.questions) + len(request.unanswered))
    return min(DRAFT_TOKENS_BASE + DRAFT_TOKENS_PER_QUESTION * questions, DRAFT_TOKENS_MAX)


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
    def __init__(self, chat: ChatModel, *, fallback: Drafter | None = None) -> None:
        self.chat = chat
        self.fallback = fallback

    @property
    def model(self) -> str:
        return self.chat.model

    def draft(self, request: DraftRequest) -> DraftReply:
        try:
            return self._draft(request)
        except Exception as exc:  # every failure ends in the fallback, with its reason
            failure = (
                exc
                if isinstance(exc, ModelFailure)
                else ModelFailure(
                    FailureKind.UNEXPECTED,
                    f"{self.chat.what}: {type(exc).__name__} while drafting",
                )
            )
            if self.fallback is None:
                raise failure from exc
            # ids and the kind only: the reason may name a deployment, never the email
            log.warning(
                "LLM draft of %s fell back to the offline drafter: %s",
                request.message_id,
                failure.kind.value,
                extra={"message_id": request.message_id},
            )
            return self._fallback(request, failure, self.fallback)

    def _fallback(
        self, request: DraftRequest, failure: ModelFailure, fallback: Drafter
    ) -> DraftReply:
        reply = fallback.draft(request)
        usage = failure.usage
        note = f"the model failed, so the offline drafter wrote this draft: {failure.reason}"
        return reply.model_copy(
            update={
                "review_reasons": [note, *reply.review_reasons],
                "fallback_reason": f"{failure.kind.value}: {failure.reason}",
                "prompt_tokens": reply.prompt_tokens + usage.prompt_tokens,
                "completion_tokens": reply.completion_tokens + usage.completion_tokens,
                "cost_usd": round(reply.cost_usd + usage.cost_usd, 8),
            }
        )

    def _draft(self, request: DraftRequest) -> DraftReply:
        language = reply_language(request.language)
        parsed, usage = complete_json(
            self.chat,
            build_messages(request, language),
            output=LlmDraft,
            name=SCHEMA_NAME,
            max_tokens=draft_max_tokens(request),
            reasks=1,  # one re-ask when the JSON is malformed; nothing else is asked twice
        )
        try:
            return self._reply(request, language, parsed, usage)
        except Exception as exc:  # a bug in the checks: the billed answer still counts
            raise ModelFailure(
                FailureKind.UNEXPECTED,
                f"{self.chat.what}: {type(exc).__name__} while checking the draft",
                usage=usage,
            ) from exc

    def _reply(
        self, request: DraftRequest, language: str, parsed: LlmDraft, usage: Usage
    ) -> DraftReply:
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
            model=self.chat.model,
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            cost_usd=usage.cost_usd,
        )
