"""Every triage step sees a bounded window of the email (issue 14), whatever its size."""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

import pytest

import triage.injection as injection
import triage.signals as signals
import triage.skip_rules as skip_rules
from bench.pathological_cases import SHAPES, build
from triage import language, tokens
from triage.bounds import (
    INJECTION_MAX_CHARS,
    LANGUAGE_MAX_CHARS,
    MAX_RUN_CHARS,
    RULE_MAX_CHARS,
    SUBJECT_MAX_CHARS,
    TOKENIZE_MAX_CHARS_PER_TOKEN,
)
from triage.models import EmailMessage, ThreadContext
from triage.pii import redact_subject

HUGE = 1_000_000


class _SpyPattern:
    """A compiled pattern that records the length of every string it is run on."""

    def __init__(self, pattern: re.Pattern[str], seen: list[int]) -> None:
        self._pattern = pattern
        self._seen = seen

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._pattern, name)
        if name not in {"search", "match", "finditer", "findall", "sub", "fullmatch"}:
            return method

        def spy(*args: Any, **kwargs: Any) -> Any:
            text = args[1] if name == "sub" else args[0]
            self._seen.append(len(text))
            return method(*args, **kwargs)

        return spy


def _spy_patterns(monkeypatch: pytest.MonkeyPatch, module: ModuleType) -> list[int]:
    seen: list[int] = []
    for name, value in vars(module).items():
        if isinstance(value, re.Pattern):
            monkeypatch.setattr(module, name, _SpyPattern(value, seen))
    return seen


def test_must_not_answer_rules_see_a_bounded_window(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _spy_patterns(monkeypatch, skip_rules)
    body = "ab@ 123 free now " * (HUGE // 17)
    message = EmailMessage(
        message_id="m", subject="Out of office " * 10_000, text=body, html=f"<p>{body}</p>"
    )
    skip_rules.must_not_answer(message, ThreadContext(messages=[message]), body, [])
    assert seen, "the rules ran no pattern"
    assert max(seen) <= RULE_MAX_CHARS + SUBJECT_MAX_CHARS + 1


def test_priority_and_sentiment_cues_see_a_bounded_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen = _spy_patterns(monkeypatch, signals)
    signals.priority_signals("urgent " * HUGE, "fire " * HUGE)
    signals.sentiment_of("angry " * HUGE)
    assert max(seen) <= RULE_MAX_CHARS + SUBJECT_MAX_CHARS + 1


def test_injection_screen_sees_a_bounded_window(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = injection.screen_text

    def spy(text: str) -> list[str]:
        seen.append(len(text))
        return real(text)

    monkeypatch.setattr(injection, "screen_text", spy)
    injection.injection_flags("ignore " * HUGE)
    assert seen and max(seen) <= INJECTION_MAX_CHARS


def test_language_model_and_patterns_see_a_bounded_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen = _spy_patterns(monkeypatch, language)
    given: list[str] = []

    class Detector:
        def detect(self, text: str, **_: Any) -> list[dict[str, Any]]:
            given.append(text)
            return [{"lang": "en", "score": 0.9}]

    monkeypatch.setattr(language, "_get_detector", lambda: Detector())
    language.detect_raw("hello world " * HUGE + "x" * HUGE)
    assert max(seen) <= LANGUAGE_MAX_CHARS
    assert given and len(given[0]) <= LANGUAGE_MAX_CHARS


def test_tokenizer_sees_a_bounded_window_without_long_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = tokens.get_encoding()
    encoded: list[str] = []

    class SpyEncoding:
        def encode(self, text: str, **kwargs: Any) -> list[int]:
            encoded.append(text)
            return list(real.encode(text, **kwargs))

        def decode(self, ids: list[int]) -> str:
            return str(real.decode(ids))

    monkeypatch.setattr(tokens, "get_encoding", lambda *a: SpyEncoding())
    _text, count, truncated = tokens.truncate_middle("x" * HUGE, 500)
    assert truncated and count <= 500
    longest_input = max(len(t) for t in encoded)
    window = 500 * TOKENIZE_MAX_CHARS_PER_TOKEN
    assert longest_input <= window + window // MAX_RUN_CHARS + 1  # + the spaces put in runs
    longest_run = max(len(run) for t in encoded for run in t.split())
    assert longest_run <= MAX_RUN_CHARS


def test_subject_is_cut_and_redacted_like_the_body() -> None:
    iban = "DE89370400440532013000"
    redacted = redact_subject(f"Refund to {iban} please " + "x" * HUGE)
    assert len(redacted.text) <= SUBJECT_MAX_CHARS
    assert iban not in redacted.text and iban in redacted.mapping.values()


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_pathological_shape_builds_an_email(shape: str) -> None:
    case = build(shape, 4_000)
    assert case.message in case.thread.messages
    assert len(case.message.text) + len(case.message.html or "") + len(case.message.subject) > 0
