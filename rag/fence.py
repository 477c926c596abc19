"""Delimiters around untrusted text in the drafting prompt that the text cannot forge.

Each prompt gets fresh tag names (``<email-3f9c2a1b>``): an email cannot close a block whose
name it does not know. Anything in the text that looks like one of our tags, in any case,
spacing or look-alike letters (``</EMAIL>``, ``< /email >``, ``＜/email＞``), is defused as
well, so the fence holds even for a model that ignores the suffix.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass

BLOCKS = ("email", "thread", "passages", "subject", "note")
_TAG_LIKE = re.compile(r"<\s*/?\s*(?:" + "|".join(BLOCKS) + r")\b[^<>\n]{0,40}>", re.IGNORECASE)


@dataclass(frozen=True)
class Fence:
    """Tag names for one prompt: ``fence.open("email")`` -> ``<email-3f9c2a1b>``."""

    suffix: str

    @classmethod
    def fresh(cls) -> Fence:
        return cls(secrets.token_hex(4))

    def name(self, block: str) -> str:
        return f"{block}-{self.suffix}"

    def open(self, block: str) -> str:
        return f"<{self.name(block)}>"

    def close(self, block: str) -> str:
        return f"</{self.name(block)}>"


def defuse(text: str) -> str:
    """``text`` with every look-alike of our tags made harmless (angle brackets replaced by
    "‹ ›"); the rest is unchanged."""
    folded = unicodedata.normalize("NFKC", text)
    if folded != text and _TAG_LIKE.search(folded):
        text = folded  # full-width "＜/email＞" becomes "</email>" and is defused below
    return _TAG_LIKE.sub(lambda m: "‹" + m.group(0)[1:-1] + "›", text)
