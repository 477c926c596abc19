"""rag.entities: the countries and distinctive knowledge-base terms a question names."""

from __future__ import annotations

import pytest

from rag.coverage import build_vocabulary
from rag.entities import (
    about,
    agreement,
    countries_in,
    home_countries,
    names_another_country,
)


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


def test_a_customer_naming_no_country_is_placed_by_the_language_they_write() -> None:
    assert {"SE", "FI"} <= home_countries("sv")
    assert home_countries("nb") == home_countries("no") == {"NO", "SJ"}
    assert {"DE", "AT", "CH"} <= home_countries("de")
    assert home_countries("en") == frozenset()  # written everywhere: says nothing
    assert home_countries("xx") == frozenset()


def test_a_passage_on_another_country_is_set_aside_for_a_customer_of_another_market() -> None:
    from pipeline.answering import _for_the_asked_country, served
    from rag.models import Passage

    def passage(n: int, text: str) -> Passage:
        return Passage(
            chunk_id=f"d{n}#0", doc_id=f"d{n}", title="Prices", source=f"d{n}.md", text=text
        )

    germany = passage(1, "Was kostet Ledgerly in Deutschland? Standard 31 EUR pro Monat.")
    general = passage(2, "Standard includes 3 users and unlimited invoices.")
    question = about("Vad kostar Standard per månad?", build_vocabulary([]), "sv")
    kept = _for_the_asked_country(question, [germany, general], "sv")
    assert kept == [general]  # written in Swedish, naming no country: Germany is not theirs
    assert _for_the_asked_country(question, [germany, general], "de") == [germany, general]
    assert _for_the_asked_country(question, [germany, general], "en") == [germany, general]
    # the language places the customer only where the help centre is written in it: a
    # German shop's articles name Germany throughout and serve a Swede too
    assert served("sv", build_vocabulary(["Lieferung"], ["de", "en"])) == ""
    assert served("sv", build_vocabulary(["Leverans"], ["sv", "de"])) == "sv"
    # a country the question names wins over the language: a Swede asking about Germany
    asks_germany = about("Vad kostar Standard i Tyskland?", build_vocabulary([]), "sv")
    assert _for_the_asked_country(asks_germany, [germany, general], "sv") == [germany, general]


def test_a_price_in_a_country_s_own_currency_names_that_country() -> None:
    assert countries_in("At most DKK 200 or EUR 30 per session.") == {"DK"}
    assert countries_in("SEK 3, NOK 3 or DKK 2 per minute") == {"SE", "NO", "DK"}
    assert countries_in("Det er nok for meg.") == frozenset()  # Norwegian "enough"
    assert countries_in("DET ER NOK EN FEJL!") == frozenset()  # no amount: Danish "probably"
    assert countries_in("Ordre SEK-2291 er ikke betalt") == frozenset()  # an order number
    assert countries_in("EUR 0.30 per minute") == frozenset()  # the euro names no one
    assert countries_in("Roaming in Denmark: SEK 49 per day.") == {"DK"}  # the name says


def test_a_question_naming_no_country_is_about_the_one_the_email_names() -> None:
    from pipeline.answering import _asked_about, _for_the_asked_country, _stated_countries
    from rag.models import Passage

    def passage(n: int, text: str) -> Passage:
        return Passage(
            chunk_id=f"d{n}#0", doc_id=f"d{n}", title="Fees", source=f"d{n}.md", text=text
        )

    germany = passage(1, "Blockiergebühr in Deutschland: EUR 0,30 pro Minute.")
    everywhere = passage(2, "Idle fee: SEK 3, NOK 3 or DKK 2 per minute.")
    sweden = passage(3, "Standard i Sverige: 349 kr i månaden.")
    vocabulary = build_vocabulary([])
    email = _stated_countries(
        "Idle fee",
        "We are driving to Denmark this summer. Is Norway the same? How much is it?",
        "en",
    )
    assert email == {"DK"}  # what the email states; Norway is another question's
    asked = _asked_about("How much is the idle fee per minute?", email, vocabulary, "en")
    assert asked.countries == {"DK"}
    assert _for_the_asked_country(asked, [germany, everywhere], "") == [everywhere]
    # the question's own country wins over the email's
    own = _asked_about("And what is it in Germany?", email, vocabulary, "en")
    assert own.countries == {"DE"}
    # no passage on the email's country: the customer's language still places them
    swede = _asked_about("Vad kostar Standard?", frozenset({"DK"}), vocabulary, "sv")
    assert _for_the_asked_country(swede, [germany, sweden], "sv") == [sweden]
    assert _for_the_asked_country(swede, [germany, sweden], "") == [germany, sweden]
