"""rag.entities: the countries and distinctive knowledge-base terms a question names."""

from __future__ import annotations

import pytest

from rag.coverage import build_vocabulary
from rag.entities import about, agreement, countries_in, names_another_country


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Wie funktioniert Roaming in Norwegen?", {"NO"}),
        ("Czy roaming działa w Norwegii?", {"NO"}),  # Polish locative
        ("Toimiiko roaming Norjassa?", {"NO"}),  # Finnish inessive
        ("Kan jag ringa från Storbritannien och USA?", {"GB", "US"}),
        ("Can I use my phone in Denmark and Germany", {"DK", "DE"}),
        ("Ich wohne in Österreich", {"AT"}),
        ("We stayed on an island near the coast", set()),  # "Island" is Iceland elsewhere
        ("How do I pause the service while I travel?", set()),  # not Serbia's stem
        ("Meine Schwester hat eine neue Camera", set()),  # everyday words, capitalised
        ("Haluan palauttaa tuotteen", set()),  # a lower-case verb, not Palau
        ("How do I change my plan?", set()),
    ],
)
def test_countries_in_the_reply_languages(text: str, codes: set[str]) -> None:
    assert countries_in(text) == codes


def test_a_passage_on_another_country_is_another_case() -> None:
    vocabulary = build_vocabulary(["Roaming in Norway", "Roaming in Sweden", "Plans"])
    asked = about("Hur fungerar roaming i Norge?", vocabulary)
    assert names_another_country(asked, "Roaming i Sverige: samma pris som hemma.")
    assert not names_another_country(asked, "Roaming in Norway costs 49 NOK a day.")
    assert not names_another_country(asked, "Roaming is included in every plan.")  # general


def test_distinctive_terms_of_the_knowledge_base_decide_agreement() -> None:
    passages = [f"General article {i} about plans and invoices" for i in range(10)]
    passages += ["The Saver fare cannot be changed.", "The Flex fare can be changed for free."]
    vocabulary = build_vocabulary(passages)
    asked = about("Can I change my Saver ticket?", vocabulary)
    assert "saver" in asked.terms and "general" not in asked.terms  # "general": 10 of 12
    assert agreement(asked, passages[-2]) > agreement(asked, passages[-1])


def test_a_general_rule_naming_the_home_country_and_a_region_is_not_another_case() -> None:
    vocabulary = build_vocabulary(["Delivery", "Roaming in Norway", "Roaming in Sweden"])
    asked = about("How long does delivery to Germany take?", vocabulary)
    assert not names_another_country(asked, "3-5 working days in Sweden, 5-8 in the EU.")
    assert not names_another_country(asked, "We deliver to Sweden, Norway and Finland.")
    assert names_another_country(asked, "Delivery within Sweden takes 3-5 days.")
