"""The reply languages (ISO 639-1) and the tags and names that stand for them.

One mapping for every package: a help centre's "nb-NO" or "Svenska", the language detector's
"nb", and a caller's "pt_BR" all come out as the reply language the rest of the code knows.
"""

from __future__ import annotations

import re

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
