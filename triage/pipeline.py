"""triage_email: one email plus its thread in, one TriageResult out. Never raises."""

from __future__ import annotations

import logging
import re
import traceback
from dataclasses import replace

from core.llm.failures import describe
from core.llm.usage import Usage
from triage.bounds import RULE_MAX_CHARS, cap_subject, window
from triage.classifier import IntentClassifier, OfflineClassifier
from triage.cleaning import CleanedBody, clean_body
from triage.injection import flat_flags, penalise, screen_email
from triage.language import detect_language
from triage.models import (
    Classification,
    EmailMessage,
    SkipReason,
    ThreadContext,
    TriageConfig,
    TriageResult,
)
from triage.nordic import refine_nordic
from triage.pii import redact, redact_subject
from triage.routing import needs_person
from triage.signals import (
    is_thanks_only,
    merge_priority,
    priority_from_signals,
    priority_signals,
    unanswered_customer_messages,
)
from triage.skip_rules import Skip, must_not_answer
from triage.taxonomy import FALLBACK_INTENT
from triage.tokens import truncate_middle

logger = logging.getLogger(__name__)

_KEYWORDS_ONLY = OfflineClassifier(embedder=None)
_PLACEHOLDER = re.compile(r"\[([A-Z]+)_\d+\]")
THREAD_LANGUAGE_LOOKBACK = 3  # earlier customer emails consulted for the language


def triage_email(
    message: EmailMessage,
    thread: ThreadContext,
    config: TriageConfig,
    classifier: IntentClassifier | None = None,
) -> TriageResult:
    """Clean, detect language, apply must-not-answer rules, redact, classify.

    Bad input (empty, attachment-only, broken HTML, binary junk, huge) gives a result with
    a skip reason or notes. An unexpected internal error still gives a result, marked
    should_answer with zero confidence and a note, so no email is silently dropped.
    """
    try:
        return _triage(message, thread, config, classifier)
    except Exception as exc:  # last resort: never lose an email to a bug in triage
        # the stack without the exception's message: messages can quote the email body
        logger.error(
            "triage failed for message %s: %s\n%s",
            message.message_id,
            type(exc).__name__,
            "".join(traceback.format_tb(exc.__traceback__)),
        )
        return TriageResult(
            message_id=message.message_id,
            should_answer=True,
            notes=[f"triage error: {type(exc).__name__}; an agent must read this email"],
        )


def _triage(
    message: EmailMessage,
    thread: ThreadContext,
    config: TriageConfig,
    classifier: IntentClassifier | None,
) -> TriageResult:
    notes: list[str] = []
    subject_line = cap_subject(message.subject)  # every step sees the subject bounded
    cleaned = clean_body(message.text, message.html, subject_line)
    notes.extend(cleaned.notes)
    if message.attachment_count:
        notes.append(f"{message.attachment_count} attachment(s) not read")

    earlier = _earlier_customer_texts(message, thread)
    language = detect_language(cleaned.text or subject_line, earlier)
    nordic = refine_nordic(
        window(f"{subject_line}\n{cleaned.text}", RULE_MAX_CHARS), language.language
    )
    if nordic != language.language:
        notes.append(f"language {language.language} corrected to {nordic} by its words")
        language = replace(language, language=nordic)

    rule_text = "\n".join(p for p in (cleaned.text, cleaned.signature) if p)
    skip = must_not_answer(message, thread, rule_text, config.team_addresses)
    if skip is None and not cleaned.text.strip():
        skip = _empty_skip(message, cleaned)

    text, token_count, truncated = truncate_middle(cleaned.text, config.max_email_tokens)
    if truncated:
        notes.append(f"cut to {config.max_email_tokens} tokens, keeping start and end")
    pii_map: dict[str, str] = {}
    query_text = text
    subject = subject_line
    if config.pii_redaction:
        redacted = redact(text)
        query_text, pii_map = redacted.text, redacted.mapping
        subject = redact_subject(subject_line).text  # placeholders not restored: labels only
    # new text, quoted history and HTML a reader cannot see, each screened (quoted:..., hidden:...)
    flags = flat_flags(screen_email(subject_line, cleaned.text, cleaned.quoted, message.html))

    classification, used, classifier_usage = _classify(
        query_text, subject, language.language, config, classifier, skip, notes
    )
    unanswered = unanswered_customer_messages(message, thread.messages)
    signals = _merge_signals(classification, priority_signals("", "", unanswered))
    priority = merge_priority(classification.priority, priority_from_signals(signals))
    if is_thanks_only(cleaned.text, classification, signals):
        priority = "low"
    route = (
        needs_person(window(cleaned.text, RULE_MAX_CHARS), subject_line, config.taxonomy)
        if skip is None
        else None
    )
    if route is not None:
        priority = merge_priority(priority, route.priority)
        signals = [*signals, f"needs a person: {route.name}"]

    confidence = 0.6 * classification.intent_confidence + 0.4 * language.confidence
    if truncated:
        confidence *= 0.9
    confidence = penalise(round(confidence, 3), flags)
    if flags:
        notes.append("possible prompt injection: " + ", ".join(flags))

    return TriageResult(
        message_id=message.message_id,
        should_answer=skip is None,
        skip_reason=skip.reason if skip else None,
        skip_detail=skip.detail if skip else "",
        language=language.language,
        language_confidence=language.confidence,
        language_source=language.source,
        intent=classification.intent,
        intent_confidence=classification.intent_confidence,
        priority=priority,
        priority_signals=signals,
        sentiment=classification.sentiment,
        summary=_one_line_without_pii(classification.summary),
        injection_flags=flags,
        needs_person=route.name if route else "",
        needs_person_reason=route.reason if route else "",
        confidence=confidence,
        classifier=used,
        classifier_usage=classifier_usage,
        cleaned_text=cleaned.text,
        quoted_context=cleaned.quoted,
        truncated=truncated,
        token_count=token_count,
        query_text=query_text,
        pii_map=pii_map,
        notes=notes,
    )


def _empty_skip(message: EmailMessage, cleaned: CleanedBody) -> Skip:
    if message.attachment_count:
        detail = f"attachment only ({message.attachment_count}), no text"
    elif cleaned.quoted:
        detail = "only quoted text, nothing new"
    else:
        detail = "no text"
    return Skip(SkipReason.empty, detail)


def _classify(
    text: str,
    subject: str,
    language: str,
    config: TriageConfig,
    classifier: IntentClassifier | None,
    skip: Skip | None,
    notes: list[str],
) -> tuple[Classification, str, Usage | None]:
    """The classification, which classifier made it, and the LLM's billed usage (a failed
    call's too: it may have been billed)."""
    if not text.strip():
        return Classification(intent=FALLBACK_INTENT, intent_confidence=0.0), "offline", None
    chosen = classifier or _KEYWORDS_ONLY
    if skip is not None and not isinstance(chosen, OfflineClassifier):
        chosen = _KEYWORDS_ONLY  # no paid call for an email nobody will answer
    try:
        result = chosen.classify(text, subject, language, config.taxonomy)
    except Exception as exc:  # an LLM outage must not stop triage: fall back to rules
        failure = describe(exc, f"classifier {type(chosen).__name__}")
        # the kind and reason name a deployment or a status, never the email
        notes.append(
            f"classifier failed ({failure.kind.value}: {failure.reason}); used offline rules"
        )
        logger.warning("classifier %s failed: %s", type(chosen).__name__, failure.kind.value)
        result = _KEYWORDS_ONLY.classify(text, subject, language, config.taxonomy)
        return result, "offline", failure.usage if failure.usage.calls else None
    used = "offline" if isinstance(chosen, OfflineClassifier) else "llm"
    return result, used, result.usage


def _merge_signals(classification: Classification, extra: list[str]) -> list[str]:
    merged = list(classification.priority_signals)
    merged.extend(s for s in extra if s not in merged)
    return merged


def _earlier_customer_texts(message: EmailMessage, thread: ThreadContext) -> list[str]:
    """Cleaned texts of the customer's earlier emails, oldest first (a few of the newest)."""
    earlier: list[EmailMessage] = []
    for other in thread.messages:
        if other.message_id == message.message_id:
            break
        if other.direction == "INCOMING" and not other.from_agent:
            earlier.append(other)
    texts: list[str] = []
    for other in earlier[-THREAD_LANGUAGE_LOOKBACK:]:
        texts.append(clean_body(other.text, other.html, cap_subject(other.subject)).text)
    return texts


def _one_line_without_pii(summary: str) -> str:
    line = " ".join(summary.split())
    line = _PLACEHOLDER.sub(lambda m: f"[{m.group(1).lower()}]", line)
    return redact(line).text if "@" in line or any(ch.isdigit() for ch in line) else line
