"""Language detection with the offline lite model and its fallbacks."""

from __future__ import annotations

import pytest

from tests.triage_fixtures import make_message, thread_of, triage_config_fixture  # noqa: F401
from triage.language import detect_language
from triage.pipeline import triage_email

SAMPLES = {
    "en": "Hello, my e-bike battery does not charge any more. What should I do?",
    "sv": "Hej, batteriet på min elcykel laddar inte längre. Vad ska jag göra?",
    "de": "Hallo, der Akku meines E-Bikes lädt nicht mehr. Was soll ich tun?",
    "fr": "Bonjour, la batterie de mon vélo électrique ne charge plus. Que dois-je faire ?",
    "es": "Hola, la batería de mi bicicleta eléctrica ya no carga. ¿Qué debo hacer?",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_the_five_customer_languages(lang):
    guess = detect_language(SAMPLES[lang])
    assert (guess.language, guess.source) == (lang, "message")
    assert guess.confidence > 0.5


def test_short_text_falls_back_to_the_thread_then_to_english():
    guess = detect_language("Tack!", [SAMPLES["de"], SAMPLES["sv"]])
    assert (guess.language, guess.source) == ("sv", "thread")  # the newest earlier message
    assert detect_language("OK 12345", []).source == "default"
    assert detect_language("OK 12345", []).language == "en"


def test_urls_and_emails_do_not_count_as_text():
    guess = detect_language("https://nordvikbikes.example/help/returns kim@example.de")
    assert guess.source == "default"


def test_pipeline_uses_earlier_customer_messages_for_a_short_reply(triage_config):
    first = make_message(SAMPLES["fr"], message_id="c1")
    agent = make_message("Bonjour !", message_id="a1", direction="OUTGOING", from_agent=True)
    short = make_message("Merci !", message_id="c2")
    result = triage_email(short, thread_of(first, agent, short), triage_config)
    assert result.language == "fr"
    assert result.language_source == "thread"
