"""One question sentence that asks two things: "What does Plus cost, and can I cancel it
any time?".

Searched as one query, such a sentence finds the passage for one of its asks and the draft
leaves the other out (the tuning sets' "facts missing" drafts were mostly this). It is split
where the email language's "and" joins two clauses that each open as a question in that
language: a question word or an auxiliary first ("how", "can", "vad", "kann", "czy"; an
English auxiliary followed by its subject: "can I", "is there"), a Finnish -ko/-kö verb, a
French inverted verb ("peut-on"), or the same after the half's last comma ("If I charge
abroad, do I get ..."). "Can I charge and pay without the app?", "Can I order now and have
it delivered in May?" and "I bought Plus, and what now?" stay whole: one half does not open
as a question, or is too short to search. Each language's own words only: Swedish "i" is
"in", not Polish "and".
"""

from __future__ import annotations

import re

from core.languages import language_tag


def _words(listed: str) -> list[str]:
    """The words of a space-separated list (one line per language reads better)."""
    return listed.split()


# "and" per reply language
_AND: dict[str, tuple[str, ...]] = {
    "en": ("and",),
    "sv": ("och",),
    "da": ("og",),
    "no": ("og",),
    "de": ("und",),
    "fr": ("et",),
    "es": ("y", "e"),
    "it": ("e", "ed"),
    "nl": ("en",),
    "pl": ("i", "oraz", "a"),
    "pt": ("e",),
    "fi": ("ja",),
}
# the words a question opens with, per reply language (lower case). Subordinators that
# also open a "that" clause ("que", "che") are left out: "confirm that X and that Y" is one.
_OPENERS: dict[str, frozenset[str]] = {
    language: frozenset(_words(words))
    for language, words in {
        "en": "what how when where why who whom whose which",
        "sv": "vad hur när var varför vem vilken vilket vilka kan kommer går är finns måste "
        "ska skall får har blir behöver bör gäller ingår",
        "da": "hvad hvordan hvornår hvor hvorfor hvem hvilken hvilket hvilke kan er findes "
        "skal må har bliver får gælder",
        "no": "hva hvordan når hvor hvorfor hvem hvilken hvilket hvilke kan er finnes skal må "
        "har blir får gjelder",
        "de": "was wie wann wo warum wer welche welcher welches welchen welchem wieviel kann "
        "können könnte ist sind gibt muss müssen darf dürfen habe haben hat bekomme "
        "bekommen wird werden soll sollte geht",
        "fr": "quoi quel quelle quels quelles comment quand où pourquoi combien qui est-ce "
        "qu'est-ce",
        "es": "qué cómo cuándo dónde cuál cuáles cuánto cuánta cuántos cuántas quién puedo "
        "puede pueden podemos es hay tengo tiene necesito debo existe",
        "it": "cosa come quando dove perché quale quali quanto quanta quanti quante chi posso "
        "può possono possiamo potete è c'è ci devo",
        "nl": "wat hoe wanneer waar waarom wie welke welk hoeveel kan kunnen kun kunt is zijn "
        "moet moeten mag heb hebben krijg krijgen wordt worden gaat",
        "pl": "czy jak jaki jaka jakie ile kiedy gdzie dlaczego co kto który która które można",
        "pt": "como quando onde porque qual quais quanto quanta quantos quantas quem posso "
        "pode podem há existe preciso devo é tem",  # and "o que" (see _opens_as_question)
        "fi": "mitä mikä mitkä miten kuinka milloin missä mihin mistä miksi kuka paljonko",
    }.items()
}
# English auxiliaries open a question only before their subject: "and have it delivered"
# is not a question, "and is there a fee" is
_ENGLISH_AUXILIARIES = frozenset(
    _words(
        "is are am was were do does did can could will would should shall may might must "
        "isn't aren't don't doesn't can't won't"
    )
)
_ENGLISH_SUBJECTS = frozenset(
    _words("i you we they he she it there my our your their the this that these those")
)
_FRENCH_INVERSION = re.compile(r"^\w+-(?:je|tu|il|elle|on|nous|ils|elles|t-il|t-elle|t-on)$")
_FRENCH_POLITE = re.compile(r"^\w+-vous$")  # "pouvez-vous", not "rendez-vous"
_WORD = re.compile(r"[\w'’-]+")
MIN_HALF_WORDS = 3  # "and when?" is not a question of its own: too little to search
MAX_ASKS = 3  # asks taken from one sentence: each is a search of its own


def _opens_as_question(clause: str, language: str) -> bool:
    words = [w.replace("’", "'") for w in _WORD.findall(clause.lstrip("¿¡ ").lower())]
    if not words:
        return False
    first, following = words[0], words[1] if len(words) > 1 else ""
    if first in _OPENERS.get(language, frozenset()):
        return True
    if language == "en":
        return first in _ENGLISH_AUXILIARIES and following in _ENGLISH_SUBJECTS
    if language == "fr":
        polite = _FRENCH_POLITE.match(first) and first != "rendez-vous"
        return bool(_FRENCH_INVERSION.match(first) or polite)
    if language == "pt":
        return words[:2] == ["o", "que"]
    if language == "fi":
        return len(first) >= 4 and first.endswith(("ko", "kö"))  # "Voinko", "Onko"
    return False


def _asks(half: str, language: str) -> bool:
    """The half opens as a question, or its last clause does ("If I ..., do I ...")."""
    if len(_WORD.findall(half)) < MIN_HALF_WORDS:
        return False
    last_clause = half.rsplit(",", 1)[-1]
    return _opens_as_question(half, language) or _opens_as_question(last_clause, language)


def split_compound(sentence: str, language: str) -> list[str]:
    """``sentence`` (in ``language``, a reply-language code) as the questions it asks: split
    at each "and" that joins two halves which both open as a question, at most
    ``MAX_ASKS``; each ends with a question mark, and a later one starts with a capital
    letter. A sentence that asks one thing, or in a language without a word list, comes
    back alone."""
    language = language_tag(language) or ""
    words = _AND.get(language)
    if not words or not sentence.rstrip().endswith("?"):
        return [sentence]
    joint = re.compile(r",?\s+(?:" + "|".join(words) + r")\s+")
    asks: list[str] = []
    rest = sentence
    while len(asks) < MAX_ASKS - 1:
        split = next(
            (
                (rest[: m.start()].rstrip(" ,"), rest[m.end() :])
                for m in joint.finditer(rest)
                if _asks(rest[: m.start()], language) and _asks(rest[m.end() :], language)
            ),
            None,
        )
        if split is None:
            break
        asks.append(f"{split[0]}?")
        rest = split[1][:1].upper() + split[1][1:]
    return [*asks, rest] if asks else [sentence]
