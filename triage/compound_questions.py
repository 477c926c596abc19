"""One question sentence that asks two things: "What does Plus cost, and can I cancel it
any time?".

Searched as one query, such a sentence finds the passage for one of its asks and the draft
leaves the other out (the tuning sets' "facts missing" drafts were mostly this). It is split
where "and" (in any reply language) joins two clauses that each open as a question: a
question word or an auxiliary first ("how", "can", "vad", "kann", "czy"), a Finnish -ko/-kö
verb, a French inverted verb ("peut-on"), or the same after the half's last comma ("If I
charge abroad, do I get ..."). "Can I charge and pay without the app?" and "I bought Plus,
and what now?" stay whole: one half does not open as a question, or is too short to search.
"""

from __future__ import annotations

import re

# "and" in the twelve reply languages (Polish "a" and "oraz" too); the lower-case forms
# only, so an English sentence's "I" is never Polish "i"
_AND = re.compile(r",?\s+(?:and|och|og|und|sowie|et|y|e|ed|en|ja|i|a|oraz)\s+")
# words a question opens with, per reply language (lower case; some are shared)
_OPENERS_BY_LANGUAGE = {
    "en": "what how when where why who whom whose which is are am was were do does did can "
    "could will would should shall may might must have has had isn't aren't don't doesn't "
    "can't won't",
    "sv": "vad hur när var varför vem vilken vilket vilka kan kommer går är finns måste ska "
    "skall får har blir behöver bör gäller ingår",
    "da": "hvad hvordan hvornår hvor hvorfor hvem hvilken hvilket hvilke kan er findes skal "
    "må har bliver får gælder",
    "no": "hva hvordan når hvor hvorfor hvem hvilken hvilket hvilke kan er finnes skal må har "
    "blir får gjelder",
    "de": "was wie wann wo warum wer welche welcher welches welchen welchem wieviel kann "
    "können könnte ist sind gibt muss müssen darf dürfen habe haben hat bekomme bekommen "
    "wird werden soll sollte",
    "fr": "que quoi quel quelle quels quelles comment quand où pourquoi combien qui est-ce "
    "qu'est-ce",
    "es": "qué cómo cuándo dónde cuál cuáles cuánto cuánta cuántos cuántas quién puedo puede "
    "pueden podemos es hay tengo tiene necesito debo existe",
    "it": "che cosa come quando dove perché quale quali quanto quanta quanti quante chi posso "
    "può possono possiamo è c'è ci devo",
    "nl": "wat hoe wanneer waar waarom wie welke welk hoeveel kan kunnen kun kunt is zijn moet "
    "moeten mag heb hebben krijg krijgen wordt worden gaat",
    "pl": "czy jak jaki jaka jakie ile kiedy gdzie dlaczego co kto który która które można",
    "pt": "como quando onde porque qual quais quanto quanta quantos quantas quem posso pode "
    "podem há existe preciso devo",  # and "o que" (see _opens_as_question)
    "fi": "mitä mikä mitkä miten kuinka milloin missä mihin mistä miksi kuka paljonko",
}
_OPENERS = frozenset(word for words in _OPENERS_BY_LANGUAGE.values() for word in words.split())
_FRENCH_INVERSION = re.compile(r"^\w+-(?:je|tu|il|elle|on|nous|vous|ils|elles)$|-t-")
_WORD = re.compile(r"[\w'’-]+")
MIN_HALF_WORDS = 3  # "and when?" is not a question of its own: too little to search


def _opens_as_question(clause: str) -> bool:
    words = _WORD.findall(clause.lstrip("¿¡ ").lower())
    if not words:
        return False
    first = words[0].replace("’", "'")
    if first in _OPENERS or _FRENCH_INVERSION.search(first) or words[:2] == ["o", "que"]:
        return True
    return len(first) >= 4 and first.endswith(("ko", "kö"))  # Finnish: "Voinko", "Onko"


def _asks(half: str) -> bool:
    """The half opens as a question, or its last clause does ("If I ..., do I ...")."""
    if len(_WORD.findall(half)) < MIN_HALF_WORDS:
        return False
    return _opens_as_question(half) or _opens_as_question(half.rsplit(",", 1)[-1])


def split_compound(sentence: str) -> list[str]:
    """``sentence`` as the questions it asks: split at each "and" that joins two halves
    which both open as a question; each half ends with a question mark, and a later half
    starts with a capital letter. A sentence that asks one thing comes back alone."""
    if not sentence.rstrip().endswith("?"):
        return [sentence]
    for match in _AND.finditer(sentence):
        left, right = sentence[: match.start()].rstrip(" ,"), sentence[match.end() :]
        if _asks(left) and _asks(right):
            rest = split_compound(right[:1].upper() + right[1:])
            return [f"{left}?", *rest]
    return [sentence]
