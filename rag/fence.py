"""Delimiters around untrusted text in the drafting prompt that the text cannot forge.

Anything in an email, the thread or a passage that looks like one of the prompt's tags, in
any case, spacing, look-alike letters or with invisible characters inside (``</EMAIL>``,
``< /email >``, ``＜/email＞``, ``</em\u200bail>``), has its angle brackets replaced by
"‹ ›", so the only real tags are the prompt's own.
"""

from __future__ import annotations

import re
import unicodedata

BLOCKS = ("email", "thread", "passages", "questions", "subject", "note")
_TAG_LIKE = re.compile(r"<\s*/?\s*(?:" + "|".join(BLOCKS) + r")\b[^<>\n]{0,40}>", re.IGNORECASE)


def _without_invisible(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def defuse(text: str) -> str:
    """``text`` with every look-alike of the prompt's tags made harmless; the rest kept."""
    for variant in (unicodedata.normalize("NFKC", text), _without_invisible(text)):
        if variant != text and _TAG_LIKE.search(variant):
            text = unicodedata.normalize("NFKC", _without_invisible(text))
            break
    return _TAG_LIKE.sub(lambda m: "‹" + m.group(0)[1:-1] + "›", text)
