"""When the language model cannot decide, the text's function words do.

The offline model gives near-ties on some plain sentences: "The gears on my bicycle skip
when I pedal hard. How do I adjust the derailleur?" came back French 0.273, English 0.272
(one French loanword), and the reply went out in French. Function words ("the", "how", "my")
are what a language cannot do without and rarely share, so among the model's candidates
the one whose function words the text uses most wins a close call; a tie keeps the model's
choice. Scandinavian languages share most of theirs and are settled by triage.nordic.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

CLOSE_MARGIN = 0.10  # top two candidates this close: a close call


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """triage/function_words.json: per language, words it cannot do without."""
    raw = resources.files("triage").joinpath("function_words.json").read_text("utf-8")
    data: dict[str, list[str]] = json.loads(raw)
    return {lang: frozenset(words) for lang, words in data.items() if not lang.startswith("_")}


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


def settle_close_call(text: str, candidates: Sequence[tuple[str, float]]) -> str | None:
    """The language to use when the model's best ``candidates`` (language, score; best
    first) are within ``CLOSE_MARGIN`` of the top one; None when it is not a close call, or
    the words do not decide it (no list for the model's choice, no function word, a tie)."""
    close = [lang for lang, score in candidates if candidates[0][1] - score <= CLOSE_MARGIN]
    words = function_words()
    if len(close) < 2 or close[0] not in words:
        return None
    tokens = _WORD.findall(text.lower())
    counts = {lang: sum(1 for t in tokens if t in words[lang]) for lang in close if lang in words}
    best = max(counts.values())
    leaders = [language for language, count in counts.items() if count == best]
    if best == 0 or len(leaders) > 1:
        return None
    return leaders[0]
