"""What a question is specifically about: the countries it names, and the knowledge base's
own distinctive terms it uses (plan, product and feature names).

A question about roaming in Norway must get the Norway article, not the Sweden article
that happens to be in the customer's language (issue 20). The embedder ranks by overall
meaning and language closeness, so the named case is matched here, by words:

- countries by their names in the twelve reply languages and English, from the ISO 3166
  translations the ``pycountry`` package ships, matched by stem so that inflected forms
  count ("Norwegen", "Norjassa", "do Norwegii");
- distinctive terms: words of the question that the knowledge base uses in few of its
  passages (at most ``DISTINCTIVE_SHARE`` of them), such as "Pro", "eSIM" or "Saver".

A passage that names another country and not the asked one is about another case.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import lru_cache

from core.languages import language_tag
from rag.coverage import Vocabulary, general_zipf

DISTINCTIVE_SHARE = 0.15  # a term in at most this share of the passages is distinctive
DISTINCTIVE_ZIPF = 4.5  # ... and not an everyday word ("service", "first", "free")
MIN_COUNTRY_STEM = 5
# An inflected country name is matched by its stem only when it is not an everyday word in
# these languages (general_zipf takes English too); see _inflected_name_candidate.
COMMON_WORD_ZIPF = 3.5
_COMMON_WORD_LANGUAGES = ("de", "fr", "es", "it")
# wordfreq/ISO language names used by pycountry's locale folders
_LOCALES = ("sv", "de", "fr", "es", "nl", "it", "da", "nb", "fi", "pl", "pt")
_WORD = re.compile(r"[^\W\d_]+")
# Short forms the ISO names leave out (English), by ISO code.
_ALIASES = {"uk": "GB", "britain": "GB", "england": "GB", "usa": "US", "america": "US"}
# Names that are also everyday words somewhere ("island" is Iceland in de/sv/da/no).
_AMBIGUOUS = frozenset(
    {"island", "turkey", "jersey", "guinea", "chile", "georgia", "jordan", "chad"}
)
_STOP_TERMS = frozenset({"the", "and", "for", "you", "your", "our", "can", "how", "what"})


@dataclass(frozen=True)
class Aboutness:
    countries: frozenset[str]  # ISO 3166 alpha-2 codes
    terms: frozenset[str]  # distinctive knowledge-base words, lowercased

    def __bool__(self) -> bool:
        return bool(self.countries or self.terms)


@lru_cache(maxsize=1)
def _country_names() -> tuple[dict[str, str], dict[str, str]]:
    """(single-word names -> code, multi-word names -> code), lowercased."""
    import pycountry

    single: dict[str, str] = {}
    multi: dict[str, str] = {}

    def add(name: str, code: str) -> None:
        name = name.lower().strip()
        if not name or "," in name or "(" in name or name in _AMBIGUOUS:
            return
        (multi if " " in name else single).setdefault(name, code)

    for country in pycountry.countries:
        add(country.name, country.alpha_2)
        add(getattr(country, "common_name", ""), country.alpha_2)
    for locale in _LOCALES:
        try:
            translation = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[locale]
            )
        except OSError:
            continue
        for country in pycountry.countries:
            add(translation.gettext(country.name), country.alpha_2)
    for alias, code in _ALIASES.items():
        single.setdefault(alias, code)
    return single, multi


@lru_cache(maxsize=1)
def _country_stems() -> dict[str, str]:
    """Stem (the name less up to two letters, at least MIN_COUNTRY_STEM) -> code, for
    names whose stem belongs to one country only."""
    single, _ = _country_names()
    stems: dict[str, set[str]] = {}
    for name, code in single.items():
        if len(name) >= MIN_COUNTRY_STEM:
            stem = name[: max(MIN_COUNTRY_STEM, len(name) - 2)]
            stems.setdefault(stem, set()).add(code)
    return {stem: codes.pop() for stem, codes in stems.items() if len(codes) == 1}


def _inflected_name_candidate(word: str) -> bool:
    """A capitalised word that is no everyday word of the big European languages: "Norwegii"
    or "Norjassa" may be a country's inflected name; "Service" (Serbia's stem), "Camera" or
    "Schwester" are not."""
    lowered = word.lower()
    return word[:1].isupper() and all(
        general_zipf(lowered, code) < COMMON_WORD_ZIPF for code in _COMMON_WORD_LANGUAGES
    )


# A price in a country's own currency states that country's case ("DKK 2 per minute"), as
# its name does, when the text names no country by name ("Roaming in Denmark: SEK 49 a day"
# is about Denmark). Upper-case ISO 4217 codes next to an amount only ("DET ER NOK EN FEJL"
# is Danish for "probably a mistake", "SEK-2291" an order number); the euro names no one.
_CURRENCIES = {
    "SEK": "SE",
    "NOK": "NO",
    "DKK": "DK",
    "ISK": "IS",
    "PLN": "PL",
    "CHF": "CH",
    "GBP": "GB",
    "CZK": "CZ",
    "HUF": "HU",
}
_CODES = "|".join(_CURRENCIES)
_PRICE = re.compile(rf"\b({_CODES})\s?\d|\d[\d.,]*\s?({_CODES})\b")


def countries_in(text: str) -> frozenset[str]:
    """The countries ``text`` names (ISO 3166 alpha-2), by name in the reply languages and
    English, or, naming none, by a price in their own currency."""
    lowered = text.lower()
    single, multi = _country_names()
    stems = _country_stems()
    found: set[str] = set()
    for name, code in multi.items():
        if name in lowered and re.search(rf"\b{re.escape(name)}\b", lowered):
            found.add(code)
    for original in _WORD.findall(text):
        word = original.lower()
        if word in _AMBIGUOUS:
            continue
        if word in single:
            found.add(single[word])
            continue
        if len(word) < MIN_COUNTRY_STEM or not _inflected_name_candidate(original):
            continue
        for size in range(len(word), MIN_COUNTRY_STEM - 1, -1):
            stemmed = stems.get(word[:size])
            if stemmed is not None:
                found.add(stemmed)
                break
    if not found:
        found = {_CURRENCIES[a or b] for a, b in _PRICE.findall(text)}
    return frozenset(found)


def distinctive_terms(text: str, vocabulary: Vocabulary, language: str = "en") -> frozenset[str]:
    limit = max(1, int(vocabulary.passages * DISTINCTIVE_SHARE))
    words = {w for w in _WORD.findall(text.lower()) if len(w) >= 2 and w not in _STOP_TERMS}
    return frozenset(
        w
        for w in words
        if 0 < vocabulary.document_frequency.get(w, 0) <= limit
        and general_zipf(w, language) < DISTINCTIVE_ZIPF
    )


def about(text: str, vocabulary: Vocabulary, language: str = "en") -> Aboutness:
    return Aboutness(countries_in(text), distinctive_terms(text, vocabulary, language))


def words_of(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def agreement(question: Aboutness, text: str) -> int:
    """How many of the question's countries and distinctive terms ``text`` names."""
    if not question:
        return 0
    words = words_of(text)
    return len(question.countries & countries_in(text)) + len(question.terms & words)


# Words for a group of countries: a passage that uses one states a general rule ("3-5 days
# in Sweden, 5-8 in the EU"), not another country's case.
_REGIONS = re.compile(
    r"\b(?:eu|eea|ees|eøs|eu/eøs|eu/ees|ue|eer|ee|eta|ete|europe|europa|european|europeisk\w*|"
    r"europäisch\w*|européen\w*|europeo\w*|europees|europese|nordic|norden|nordisk\w*|"
    r"scandinavia|skandinavi\w*|pohjoismai\w*|international\w*|worldwide|abroad|"
    r"utomlands|utlandet|udlandet|ausland|l'étranger|extranjero|buitenland|estero|"
    r"ulkomail\w*|zagranic\w*|estrangeiro|other countries|andra länder|andere länder|"
    r"autres pays|otros países|andere landen|altri paesi|andre lande|andre land|muihin maihin|"
    r"innych krajów|outros países)\b",
    re.IGNORECASE,
)


# Where each reply language is a national official language (ISO 3166 alpha-2). A customer
# who writes in one to a team whose help centre is written in it too, and names no
# country, is most likely in one of them: a passage on another single country's case is
# not theirs (pipeline.answering). English is written everywhere: it says nothing.
HOME_COUNTRIES: dict[str, frozenset[str]] = {
    "sv": frozenset({"SE", "FI", "AX"}),
    "da": frozenset({"DK", "FO", "GL"}),
    "no": frozenset({"NO", "SJ"}),
    "fi": frozenset({"FI"}),
    "de": frozenset({"DE", "AT", "CH", "LI", "LU", "BE"}),
    "nl": frozenset({"NL", "BE", "SR", "AW", "CW", "SX"}),
    "fr": frozenset({"FR", "BE", "CH", "LU", "MC", "CA"}),
    "it": frozenset({"IT", "CH", "SM", "VA"}),
    "pl": frozenset({"PL"}),
    "pt": frozenset({"PT", "BR", "AO", "MZ", "CV"}),
    "es": frozenset(
        {
            "ES",
            "MX",
            "AR",
            "CO",
            "CL",
            "PE",
            "VE",
            "EC",
            "GT",
            "CU",
            "BO",
            "DO",
            "HN",
            "PY",
            "SV",
            "NI",
            "CR",
            "PA",
            "UY",
            "PR",
            "GQ",
        }
    ),
}


def home_countries(language: str) -> frozenset[str]:
    return HOME_COUNTRIES.get(language_tag(language) or "", frozenset())


def names_another_country(question: Aboutness, text: str) -> bool:
    """The text is about one other country's case: it names exactly one country, not one
    the question asks about, and no group of countries (the EU, abroad) it belongs to."""
    if not question.countries:
        return False
    named = countries_in(text)
    return len(named) == 1 and not (named & question.countries) and not _REGIONS.search(text)


def passage_text(title: str, section: str, text: str) -> str:
    return f"{title}\n{section}\n{text}"
