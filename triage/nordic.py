"""Swedish, Danish or Norwegian? The offline language model mixes them up on short emails
(a Norwegian "Hei, har dere studentrabatt?" came back as Swedish or Danish), and a reply in
the wrong Scandinavian language reads as careless. Words and letters that only one of the
three uses decide; without any, the detector's answer stands.
"""

from __future__ import annotations

import re

from core.languages import language_tag

NORDIC = ("sv", "da", "no")

# Function words and spellings distinctive of one language (lowercase, whole words).
_MARKERS: dict[str, frozenset[str]] = {
    "sv": frozenset(
        [
            "till",
            "dagar",
            "hos",
            "och",
            "jag",
            "är",
            "inte",
            "hur",
            "vad",
            "att",
            "ni",
            "er",
            "ert",
            "era",
            "från",
            "också",
            "någon",
            "något",
            "några",
            "mycket",
            "efter",
            "eller",
            "men",
            "skulle",
            "kunde",
            "hej",
            "tack",
            "hälsningar",
            "mvh",
            "cykel",
            "cykeln",
            "beställning",
            "köpte",
            "köpt",
            "mitt",
            "min",
            "mina",
            "varför",
            "när",
            "vilken",
            "vilket",
            "måste",
            "behöver",
        ]
    ),
    "da": frozenset(
        [
            "at",
            "til",
            "hvor",
            "dage",
            "fås",
            "kh",
            "jeg",
            "ubrugt",
            "og",
            "jeg",
            "ikke",
            "hvad",
            "hvordan",
            "hvornår",
            "mig",
            "dig",
            "af",
            "jer",
            "jeres",
            "nogen",
            "noget",
            "nogle",
            "meget",
            "efter",
            "gerne",
            "tak",
            "hilsen",
            "venlig",
            "cykel",
            "cyklen",
            "købt",
            "købte",
            "bestilling",
            "hvorfor",
            "hvilken",
            "skal",
            "kan",
            "vil",
        ]
    ),
    "no": frozenset(
        [
            "at",
            "til",
            "hvor",
            "dager",
            "brukt",
            "ubrukt",
            "og",
            "jeg",
            "ikke",
            "hva",
            "hvordan",
            "når",
            "meg",
            "deg",
            "av",
            "dere",
            "deres",
            "noen",
            "noe",
            "mye",
            "etter",
            "gjerne",
            "takk",
            "hilsen",
            "vennlig",
            "hei",
            "sykkel",
            "sykkelen",
            "kjøpt",
            "kjøpte",
            "bestilling",
            "hvorfor",
            "hvilken",
            "ikkje",
            "eg",
        ]
    ),
}
_LETTERS = {"sv": re.compile(r"[äö]"), "da": re.compile(r"[æø]"), "no": re.compile(r"[æø]")}
_WORD = re.compile(r"[^\W\d_]+")


def refine_nordic(text: str, language: str) -> str:
    """The Scandinavian language the text's own words point to; other languages unchanged."""
    code = language_tag(language) or language
    if code not in NORDIC:
        return language
    words = _WORD.findall(text.lower())
    scores = {lang: sum(1 for w in words if w in markers) for lang, markers in _MARKERS.items()}
    for lang, letters in _LETTERS.items():
        scores[lang] += 2 * min(3, len(letters.findall(text.lower())))
    best = max(scores.values())
    if best == 0:
        return code
    leaders = [lang for lang, score in scores.items() if score == best]
    return code if code in leaders else leaders[0]
