"""What an agent did with a posted draft: compare the draft's answer with the reply sent.

The comparison is over the *answer part* of each text: our comment minus its label, triage
line, sources, confidence and marker; both texts minus a greeting and a closing (short
first/last paragraphs), citation markers like "[2]" and punctuation. Similarity is the
Sørensen-Dice coefficient of the two sets of character 4-grams of the normalised text
(spaces kept): it needs no tokenizer or word list, so it works the same for any script
(Latin, Cyrillic, CJK without spaces), and it is forgiving of small edits: changing one
word only changes the 4-grams that overlap it.

Bands (edges put about midway between the groups of the hand-written examples in
tests/draft_outcome_examples.py, whose scores tests/test_draft_outcome.py prints; chosen by
looking at those examples, not tuned on real replies):
- sent as drafted  >= 0.85: the same text, a word changed at most (examples 0.96-1.00)
- edited           >= 0.50: the draft is recognisable; a sentence changed, added or
                            removed (examples 0.57-0.71)
- rewritten        >= 0.20: the same facts in the agent's own words (examples 0.30-0.39)
- not used          < 0.20: another answer; unrelated texts in one language share short
                            words only (examples 0.00-0.11)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Literal

from hubspot.markers import FOOTER_PREFIX, MESSAGE_ID_PATTERN
from hubspot.rendering import DRAFT_LABEL

Outcome = Literal["sent_as_drafted", "edited", "rewritten", "not_used"]
OUTCOMES: tuple[Outcome, ...] = ("sent_as_drafted", "edited", "rewritten", "not_used")
SENT_AS_DRAFTED_AT = 0.85
EDITED_AT = 0.50
REWRITTEN_AT = 0.20
NGRAM = 4

_CITATION = re.compile(r"\[\d{1,3}\]")
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
_GREETING_END = (",", ":", "!", "，", "：", "！", "、")
_SHORT_WORDS = 6  # a greeting or closing line has at most this many words ...
_SHORT_CHARS = 40  # ... and this many characters (scripts without spaces)


def comment_answer(comment_text: str) -> str:
    """The draft body out of our rendered comment's plain text (hubspot/rendering.py)."""
    lines = comment_text.replace("\r\n", "\n").split("\n")
    if lines and lines[0].startswith(f"[{DRAFT_LABEL}"):
        lines = lines[1:]
    if lines and lines[0].startswith("Triage:"):
        lines = lines[1:]
    # The tail starts at the last "Sources:" line, or else at the last "Confidence:" line.
    tail = _last_index(lines, lambda line: line == "Sources:")
    if tail is None:
        tail = _last_index(lines, lambda line: line.startswith("Confidence: "))
    if tail is None:
        tail = _last_index(lines, lambda line: line.startswith(f"-- {FOOTER_PREFIX}"))
    if tail is not None:
        lines = lines[:tail]
    return "\n".join(lines).strip()


_MARKED_ID = re.compile(rf"{re.escape(FOOTER_PREFIX)} ({MESSAGE_ID_PATTERN})(?![A-Za-z0-9._:-])")


def marked_message_id(comment_text: str | None) -> str | None:
    """The id of the email a comment of ours answers (its marker footer), if it is ours."""
    found = _MARKED_ID.search(comment_text or "")
    return found.group(1) if found else None


def _last_index(lines: list[str], test: Callable[[str], bool]) -> int | None:
    return next((i for i in range(len(lines) - 1, -1, -1) if test(lines[i].strip())), None)


def _is_short(line: str) -> bool:
    line = line.strip()
    return len(line.split()) <= _SHORT_WORDS and len(line) <= _SHORT_CHARS


def strip_greeting_and_closing(text: str) -> str:
    """Drop a short greeting paragraph at the top and short closing paragraphs at the end
    (up to two: "Kind regards," and a name), never the last paragraph left."""
    blocks = [b for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()) if b.strip()]
    if len(blocks) > 1:
        first = blocks[0].strip().split("\n")
        if len(first) == 1 and _is_short(first[0]) and first[0].rstrip().endswith(_GREETING_END):
            blocks = blocks[1:]
    for _ in range(2):
        if len(blocks) > 1:
            last = blocks[-1].strip().split("\n")
            if len(last) <= 3 and all(_is_short(line) for line in last):
                blocks = blocks[:-1]
    return "\n\n".join(blocks)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _CITATION.sub(" ", text)
    return " ".join(_NOT_WORD.sub(" ", text).split())


def ngrams(text: str, n: int = NGRAM) -> set[str]:
    padded = f" {normalise(text)} "
    if len(padded) <= n:
        return {padded} if padded.strip() else set()
    return {padded[i : i + n] for i in range(len(padded) - n + 1)}


def similarity(draft_answer: str, reply: str) -> float:
    """Dice coefficient of the character 4-gram sets of the two answer parts, 0..1."""
    a = ngrams(strip_greeting_and_closing(draft_answer))
    b = ngrams(strip_greeting_and_closing(reply))
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def band(score: float) -> Outcome:
    if score >= SENT_AS_DRAFTED_AT:
        return "sent_as_drafted"
    if score >= EDITED_AT:
        return "edited"
    if score >= REWRITTEN_AT:
        return "rewritten"
    return "not_used"
