"""Which article backs which part of our draft: the comment's "[n]" markers and its
"Sources:" lines ("[1][3] Delivery times and costs - https://.../delivery")."""

from __future__ import annotations

import re

_SOURCE_LINE = re.compile(r"^((?:\[\d{1,3}\])+) (.+?)(?: - (https?://\S+))?$")
_MARK = re.compile(r"\[(\d{1,3})\]")


def sources(comment_text: str) -> dict[int, str]:
    """Citation number -> the article (its URL, else its title), from the comment's text."""
    lines = comment_text.replace("\r\n", "\n").split("\n")
    start = max((i for i, line in enumerate(lines) if line.strip() == "Sources:"), default=None)
    if start is None:
        return {}
    found: dict[int, str] = {}
    for line in lines[start + 1 :]:
        match = _SOURCE_LINE.match(line.strip())
        if match is None:
            break
        article = match.group(3) or match.group(2).strip()
        for number in _MARK.findall(match.group(1)):
            found[int(number)] = article
    return found


def article_offsets(draft_answer: str, comment_text: str) -> dict[int, str]:
    """Offset of each citation marker in the draft's answer -> the article it cites."""
    numbered = sources(comment_text)
    return {
        m.start(): numbered[int(m.group(1))]
        for m in _MARK.finditer(draft_answer)
        if int(m.group(1)) in numbered
    }
