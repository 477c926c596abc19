"""How much of an email each triage step may look at.

Customer text is untrusted and may be megabytes of one word, of "@" or of digits. Every
regex and model sees a bounded window of it, so each step's time is bounded whatever the
input (and linear below the bound). The windows keep the start (the question) and the end
(the sign-off, an unsubscribe footer), which is where the cues are.
"""

from __future__ import annotations

import re

SUBJECT_MAX_CHARS = 998  # RFC 5322's line limit; no real subject is longer
RULE_MAX_CHARS = 20_000  # must-not-answer rules and priority cues: head + tail
LANGUAGE_MAX_CHARS = 2_000  # the language model reads 600 characters anyway
INJECTION_MAX_CHARS = 40_000  # per channel (new text, quoted history, a passage)
TOKENIZE_MAX_CHARS_PER_TOKEN = 8  # characters kept per token of budget before tokenizing
MAX_RUN_CHARS = 300  # longer runs without whitespace are split before tokenizing
TAIL_SHARE = 4  # a quarter of a window is the text's end
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS}}}(?=\S)")


def window(text: str, limit: int) -> str:
    """``text`` when short, else its start and its end, ``limit`` characters in all."""
    if len(text) <= limit:
        return text
    tail = limit // TAIL_SHARE
    return text[: limit - tail - 1] + "\n" + text[-tail:]


def cap_subject(subject: str) -> str:
    """The subject as every step sees it: one line of at most SUBJECT_MAX_CHARS."""
    return " ".join(subject[: SUBJECT_MAX_CHARS * 2].split())[:SUBJECT_MAX_CHARS]


def split_long_runs(text: str) -> str:
    """Break runs of MAX_RUN_CHARS+ non-space characters (base64, one huge "word") with a
    space: BPE tokenizers are superlinear on one long piece."""
    return _LONG_RUN.sub(lambda m: m.group(0) + " ", text)
