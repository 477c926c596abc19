"""Token counting and truncation for chunks and embedding inputs (cl100k_base), on the
offline tiktoken setup in core.tokens."""

from __future__ import annotations

from core.tokens import ENCODING_NAME, count_tokens, get_encoding

__all__ = ["ENCODING_NAME", "count_tokens", "get_encoding", "truncate_tokens"]


def truncate_tokens(text: str, max_tokens: int) -> str:
    """Cut ``text`` to at most ``max_tokens`` tokens (kept from the start)."""
    tokens = get_encoding().encode(text, disallowed_special=())
    if len(tokens) <= max_tokens:
        return text
    return get_encoding().decode(tokens[:max_tokens])
