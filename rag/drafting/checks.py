"""Checks on a generated draft: citations must exist, links must come from the passages.

Anything that fails is repaired by removal and named in review_reasons, so the agent knows
what the model tried to add.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.models import Citation, Passage

_CITATION = re.compile(r"\s?\[(\d{1,3})\]")
_URL = re.compile(r"https?://[^\s<>()\[\]\"']+")


@dataclass
class CheckedBody:
    body: str
    citations: list[Citation]
    review_reasons: list[str] = field(default_factory=list)


def _strip_trailing_punctuation(url: str) -> str:
    return url.rstrip(".,;:!?")


def check_body(body: str, passages: list[Passage], claimed: list[int]) -> CheckedBody:
    reasons: list[str] = []
    allowed_urls = {
        _strip_trailing_punctuation(u)
        for p in passages
        for u in [*([p.url] if p.url else []), *_URL.findall(p.text)]
    }
    allowed_urls |= {_strip_trailing_punctuation(p.source) for p in passages if "://" in p.source}

    def drop_link(match: re.Match[str]) -> str:
        url = _strip_trailing_punctuation(match.group(0))
        if url in allowed_urls:
            return match.group(0)
        reasons.append(f"removed link not found in the passages: {url}")
        return "[link removed]" + match.group(0)[len(url) :]

    body = _URL.sub(drop_link, body)

    used: list[int] = []

    def drop_citation(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if 1 <= number <= len(passages):
            if number not in used:
                used.append(number)
            return match.group(0)
        reasons.append(f"removed citation [{number}]: there are only {len(passages)} passages")
        return ""

    body = _CITATION.sub(drop_citation, body)
    for number in claimed:
        if not 1 <= number <= len(passages):
            reasons.append(f"model listed citation {number}, which is not a given passage")
        elif number not in used:
            reasons.append(
                f"model listed passage [{number}] as cited but the text does not cite it"
            )
    citations = [Citation(number=n, chunk_id=passages[n - 1].chunk_id) for n in sorted(used)]
    return CheckedBody(body=body.strip(), citations=citations, review_reasons=reasons)
