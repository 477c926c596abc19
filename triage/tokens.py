"""Token truncation for emails (keeps the start and the end); offline tiktoken setup and
counting live in core.tokens, shared with the knowledge base."""

from __future__ import annotations

from core.tokens import ENCODING_NAME, count_tokens, ensure_offline_encodings, get_encoding
from triage.bounds import TOKENIZE_MAX_CHARS_PER_TOKEN, split_long_runs, window

__all__ = [
    "ENCODING_NAME",
    "TRUNCATION_MARKER",
    "count_tokens",
    "ensure_offline_encodings",
    "get_encoding",
    "truncate_middle",
]

TRUNCATION_MARKER = "\n[...]\n"


def truncate_middle(text: str, max_tokens: int) -> tuple[str, int, bool]:
    """Cut ``text`` to ``max_tokens``, keeping the start (2/3) and the end (1/3).

    Returns (text, token count of the returned text, whether it was cut). The start
    usually holds the question, the end the latest detail and the sign-off. The tokenizer
    only sees a window of TOKENIZE_MAX_CHARS_PER_TOKEN characters per token of budget, with
    runs of hundreds of non-space characters split, so its time is bounded.
    """
    encoding = get_encoding()
    limit = max_tokens * TOKENIZE_MAX_CHARS_PER_TOKEN
    cut_early = len(text) > limit
    text = split_long_runs(window(text, limit))
    tokens = encoding.encode(text, disallowed_special=())
    if len(tokens) <= max_tokens:
        return text, len(tokens), cut_early
    budget = max(max_tokens - len(encoding.encode(TRUNCATION_MARKER)), 2)
    while True:
        head = (budget * 2) // 3
        tail = max(budget - head, 1)
        cut = (
            encoding.decode(tokens[:head]).rstrip()
            + TRUNCATION_MARKER
            + encoding.decode(tokens[-tail:]).lstrip()
        )
        count = len(encoding.encode(cut, disallowed_special=()))
        # re-encoding at the seams can merge or split a token or two: shrink and retry
        if count <= max_tokens or budget <= 2:
            return cut, count, True
        budget -= count - max_tokens
