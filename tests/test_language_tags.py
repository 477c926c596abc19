"""Every package reads a language tag the same way (core.languages): a region tag, a
Norwegian written standard or a language's own name reaches the stemmer, the answerability
probes, the reply phrases and the Scandinavian check as the reply language it stands for."""

from __future__ import annotations

import pytest

from core.languages import REPLY_LANGUAGES, language_tag
from rag.answerability import _probe_language
from rag.drafting.base import reply_language
from rag.sparse import tokenize
from triage.nordic import refine_nordic


@pytest.mark.parametrize(
    ("tag", "language"),
    [("nb-NO", "no"), ("nn", "no"), ("Norsk", "no"), ("de-AT", "de"), ("pt_BR", "pt")],
)
def test_region_tags_and_names_map_to_the_reply_language(tag: str, language: str) -> None:
    assert language_tag(tag) == language
    assert language in REPLY_LANGUAGES


@pytest.mark.parametrize("tag", ["no", "nb-NO", "nn", "Norsk", "nob"])
def test_norwegian_keywords_are_stemmed_whatever_the_tag(tag: str) -> None:
    # Snowball's Norwegian stems "bestillingene" (the orders) and drops the stop word "og"
    assert tokenize("bestillingene og", tag) == tokenize("bestillingene og", "no")
    assert tokenize("bestillingene og", tag) != ["bestillingene", "og"]


@pytest.mark.parametrize(("tag", "reply"), [("nb-NO", "no"), ("nn", "no"), ("pt_BR", "pt")])
def test_reply_phrases_follow_the_tag(tag: str, reply: str) -> None:
    assert reply_language(tag) == reply


def test_an_unknown_or_empty_tag_replies_in_english() -> None:
    assert reply_language("und") == "en"
    assert reply_language(None) == "en"
    assert reply_language("") == "en"


@pytest.mark.parametrize("tag", ["nb", "nn", "nb-NO"])
def test_the_probes_read_norwegian_tags_as_norwegian(tag: str) -> None:
    assert _probe_language(tag) == "no"


def test_an_unknown_tag_stays_itself_for_the_probes() -> None:
    assert _probe_language("und") == "und"


def test_the_scandinavian_check_runs_on_a_region_tag() -> None:
    # "ikkje" and "eg" are Nynorsk: a text tagged Swedish-looking "nb-NO" stays Norwegian,
    # and one tagged Swedish with Norwegian words becomes Norwegian
    assert refine_nordic("Eg har ikkje fått kortet", "nb-NO") == "no"
    assert refine_nordic("Eg har ikkje fått kortet", "sv") == "no"
