"""Must-not-answer rules, each in at least four languages, through triage_email."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.triage_fixtures import make_message, thread_of, triage_config_fixture  # noqa: F401
from triage.models import EmailMessage, SkipReason, TriageConfig
from triage.pipeline import triage_email

QUESTIONS = {
    "en": "Hello, where is my order? I ordered the bike two weeks ago.",
    "sv": "Hej, var är min beställning? Jag beställde cykeln för två veckor sedan.",
    "de": "Hallo, wo ist meine Bestellung? Ich habe das Fahrrad vor zwei Wochen bestellt.",
    "fr": "Bonjour, où est ma commande ? J'ai commandé le vélo il y a deux semaines.",
    "es": "Hola, ¿dónde está mi pedido? Pedí la bicicleta hace dos semanas.",
}


def _triage(message: EmailMessage, config: TriageConfig, *others: EmailMessage, spam=False):
    return triage_email(message, thread_of(message, *others, spam=spam), config)


OUT_OF_OFFICE = [
    (
        "en",
        "Out of Office: Re: your order",
        "I am out of the office until 14 March with "
        "limited access to email. For urgent matters please contact Per.",
        {},
    ),
    (
        "en",
        "Automatic reply: order 1234",
        "Thank you for your email. I'm currently on annual leave and will be back on Monday.",
        {"Auto-Submitted": "auto-replied"},
    ),
    (
        "sv",
        "Frånvaro: Din order",
        "Jag är på semester till och med 14 mars. Vid brådskande ärenden, kontakta Per.",
        {},
    ),
    ("sv", "Autosvar: Din order", "Hej! Jag är tjänstledig och tillbaka den 2 april.", {}),
    (
        "de",
        "Abwesenheitsnotiz: Ihre Bestellung",
        "Ich bin bis zum 14. März nicht im Büro. "
        "In dringenden Fällen wenden Sie sich bitte an Per.",
        {},
    ),
    (
        "de",
        "Automatische Antwort: Ihre Bestellung",
        "Vielen Dank für Ihre Nachricht. Ich "
        "befinde mich im Urlaub und bin ab dem 3. April wieder erreichbar.",
        {},
    ),
    (
        "fr",
        "Réponse automatique : votre commande",
        "Je suis absente du bureau jusqu'au 14 mars. En cas d'urgence, merci de contacter Per.",
        {},
    ),
    ("fr", "Absent du bureau", "Bonjour, je serai absent jusqu'au lundi 3 avril.", {}),
    (
        "es",
        "Respuesta automática: su pedido",
        "Estoy fuera de la oficina hasta el 14 de marzo. Para asuntos urgentes, contacte con Per.",
        {},
    ),
    ("es", "Fuera de la oficina", "Me encuentro de vacaciones, regresaré el 3 de abril.", {}),
    # no header and a neutral subject: the body alone (absence + return date, no question)
    ("de", "Ihre Bestellung", "Ich bin derzeit im Urlaub und ab dem 3. April zurück.", {}),
]


@pytest.mark.parametrize(("lang", "subject", "body", "headers"), OUT_OF_OFFICE)
def test_out_of_office_in_many_languages(triage_config, lang, subject, body, headers):
    result = _triage(make_message(body, subject, headers=headers), triage_config)
    assert not result.should_answer
    assert result.skip_reason == SkipReason.out_of_office, result.skip_detail
    assert result.language == lang  # the skipped email is still labelled correctly


AUTO_REPLIES = [
    (
        "en",
        "Re: your order",
        "We have received your message and will answer soon.",
        {"Auto-Submitted": "auto-replied"},
    ),
    (
        "sv",
        "Automatiskt svar: Din order",
        "Tack för ditt mejl! Vi återkommer inom två arbetsdagar.",
        {},
    ),
    (
        "de",
        "Automatische Antwort",
        "Dies ist eine automatische Antwort. Wir melden uns so schnell wie möglich bei Ihnen.",
        {},
    ),
    (
        "fr",
        "Votre demande",
        "Ceci est une réponse automatique. Nous traiterons votre "
        "demande dans les plus brefs délais.",
        {"X-Autoreply": "yes"},
    ),
    (
        "es",
        "Respuesta automática: consulta",
        "Gracias por escribirnos, le responderemos en un plazo de 48 horas.",
        {},
    ),
    (
        "es",
        "Su consulta",
        "Esta es una respuesta automática, no responda a este mensaje.",
        {"Precedence": "auto_reply"},
    ),
]


@pytest.mark.parametrize(("lang", "subject", "body", "headers"), AUTO_REPLIES)
def test_auto_replies_in_many_languages(triage_config, lang, subject, body, headers):
    result = _triage(make_message(body, subject, headers=headers), triage_config)
    assert result.skip_reason == SkipReason.auto_reply, result.skip_detail
    assert not result.should_answer


BOUNCES = [
    ("mailer-daemon@mx.example.com", "Undeliverable: your order", "Delivery has failed."),
    ("postmaster@mail.example.se", "Olevererbart: Din order", "Meddelandet kunde inte levereras."),
    (
        "server@mail.example.de",
        "Unzustellbar: Ihre Bestellung",
        "Die Nachricht wurde nicht zugestellt.",
    ),
    ("server@mail.example.fr", "Non remis : votre commande", "Le message n'a pas pu être remis."),
    ("server@mail.example.es", "No se puede entregar: su pedido", "El mensaje no se entregó."),
    ("server@mail.example.com", "Delivery Status Notification (Failure)", "Address not found."),
]


@pytest.mark.parametrize(("sender", "subject", "body"), BOUNCES)
def test_bounces_in_many_languages(triage_config, sender, subject, body):
    result = _triage(make_message(body, subject, sender=sender), triage_config)
    assert result.skip_reason == SkipReason.bounce, result.skip_detail


def test_delivery_status_report_content_type_is_a_bounce(triage_config):
    headers = {"Content-Type": "multipart/report; report-type=delivery-status; boundary=x"}
    message = make_message("Hej, something went wrong", "Hej", headers=headers)
    assert _triage(message, triage_config).skip_reason == SkipReason.bounce


NEWSLETTERS = [
    ("en", {"List-Unsubscribe": "<mailto:unsub@news.example.com>"}, "Our spring sale starts now!"),
    ("sv", {"Precedence": "bulk"}, "Vårens nyheter: nya cyklar i butiken."),
    ("de", {"List-Id": "<news.example.de>"}, "Unsere Frühjahrsneuheiten sind da."),
    (
        "fr",
        {},
        "Découvrez nos offres https://a.example/1 https://a.example/2 "
        "https://a.example/3\nPour vous désinscrire, cliquez ici.",
    ),
    (
        "es",
        {},
        "Nuevas ofertas https://a.example/1 https://a.example/2 https://a.example/3\n"
        "Si no desea recibir más correos, puede darse de baja aquí: unsubscribe",
    ),
]


@pytest.mark.parametrize(("lang", "headers", "body"), NEWSLETTERS)
def test_newsletters_in_many_languages(triage_config, lang, headers, body):
    message = make_message(body, "Nyheter / News", sender="shop@news.example", headers=headers)
    assert _triage(message, triage_config).skip_reason == SkipReason.newsletter


@pytest.mark.parametrize("lang", ["en", "sv", "de", "fr", "es"])
@pytest.mark.parametrize(
    "sender",
    [
        "noreply@shop.example",
        "no-reply@bank.example",
        "donotreply@carrier.example",
        "do_not_reply@x.example",
    ],
)
def test_no_reply_senders(triage_config, lang, sender):
    message = make_message(QUESTIONS[lang], "Info", sender=sender)
    assert _triage(message, triage_config).skip_reason == SkipReason.no_reply_sender


@pytest.mark.parametrize("lang", ["en", "sv", "de", "fr", "es"])
def test_mail_from_team_address_domain_or_agent_is_never_answered(triage_config, lang):
    text = QUESTIONS[lang]
    by_address = make_message(text, sender="Support@NordvikBikes.example")
    by_domain = make_message(text, sender="anna.berg@nordvikbikes.example")
    by_agent = make_message(text, sender="anna@gmail.example", from_agent=True)
    outgoing = make_message(text, sender="someone@example.com", direction="OUTGOING")
    for message in (by_address, by_domain, by_agent, outgoing):
        assert _triage(message, triage_config).skip_reason == SkipReason.from_team


@pytest.mark.parametrize("lang", ["en", "sv", "de", "fr", "es"])
def test_hubspot_spam_flag_wins_over_everything(triage_config, lang):
    result = _triage(make_message(QUESTIONS[lang]), triage_config, spam=True)
    assert result.skip_reason == SkipReason.spam_flagged
    assert result.language == lang


SPAM = [
    (
        "en",
        "MAKE MONEY FAST!!!",
        "Dear friend, you have been selected! Earn $5000 a week "
        "working from home. Click here: http://192.168.1.1/offer Act now, limited time, "
        "100% free, no obligation!",
    ),
    (
        "sv",
        "VINN EN MILJON NU!!",
        "Dear friend, click here http://10.0.0.1/vinn - act now! "
        "Limited time, risk-free, 100% guaranteed. Du har vunnit $1000000.",
    ),
    (
        "de",
        "GEWINNEN SIE JETZT!!!",
        "Sie sind der Gewinner! Click here http://10.1.1.1/x "
        "Act now, limited time offer, free gift, $500 bonus, no obligation.",
    ),
    (
        "fr",
        "OFFRE SPÉCIALE GRATUITE!!",
        "Cher ami, vous avez gagné ! Click here "
        "http://10.2.2.2/y Act now, limited time, 100% free, 90% off aujourd'hui.",
    ),
    (
        "es",
        "¡¡GANE DINERO AHORA!!",
        "Querido amigo, click here http://10.3.3.3/z act now, "
        "limited time, risk-free, lowest prices, $300 de regalo, winner.",
    ),
]


@pytest.mark.parametrize(("lang", "subject", "body"), SPAM)
def test_spam_content_needs_several_cues(triage_config, lang, subject, body):
    result = _triage(make_message(body, subject, sender="promo@cheap.example"), triage_config)
    assert result.skip_reason == SkipReason.spam_content, result.skip_detail
    assert "spam score" in result.skip_detail


@pytest.mark.parametrize("lang", ["en", "sv", "de", "fr", "es"])
def test_agent_already_replied_after_the_message(triage_config, lang):
    customer = make_message(QUESTIONS[lang], message_id="c1")
    agent = make_message(
        "Hi, it ships tomorrow.",
        message_id="a1",
        sender="anna.berg@nordvikbikes.example",
        direction="OUTGOING",
        from_agent=True,
    )
    result = _triage(customer, triage_config, agent)
    assert result.skip_reason == SkipReason.agent_already_replied
    # an agent reply BEFORE the customer's new email does not count
    earlier = triage_email(customer, thread_of(agent, customer), triage_config)
    assert earlier.should_answer


def test_agent_reply_found_by_time_when_the_message_is_not_in_the_thread(triage_config):
    customer = make_message(QUESTIONS["en"], received_at=datetime(2025, 3, 1, 10, tzinfo=UTC))
    agent = make_message(
        "Done.",
        message_id="a1",
        direction="OUTGOING",
        received_at=datetime(2025, 3, 1, 11, tzinfo=UTC),
    )
    result = triage_email(customer, thread_of(agent), triage_config)
    assert result.skip_reason == SkipReason.agent_already_replied


@pytest.mark.parametrize("lang", ["en", "sv", "de", "fr", "es"])
def test_empty_and_attachment_only_are_skipped_with_a_reason(triage_config, lang):
    quoted_only = {
        "en": "On Mon, 3 Mar 2025, Support wrote:",
        "sv": "Den 3 mars 2025 skrev Support <s@x.se>:",
        "de": "Am 3. März 2025 schrieb Support <s@x.de>:",
        "fr": "Le 3 mars 2025, Support <s@x.fr> a écrit :",
        "es": "El 3 mar 2025, Support <s@x.es> escribió:",
    }[lang]
    attachment_only = make_message("", "Foto", attachment_count=2)
    result = _triage(attachment_only, triage_config)
    assert result.skip_reason == SkipReason.empty
    assert "attachment only (2)" in result.skip_detail
    only_quote = make_message(f"{quoted_only}\n> {QUESTIONS[lang]}", "Re: order")
    result = _triage(only_quote, triage_config)
    assert result.skip_reason == SkipReason.empty
    assert result.quoted_context


NOT_SKIPPED = [
    (
        "en",
        "Vacation trip",
        "I'm on vacation next week until Sunday - can you deliver the bike before Friday?",
    ),
    ("sv", "Semester", "Hej, jag åker på semester i juli. Kan ni leverera cykeln innan dess?"),
    ("de", "Urlaub", "Ich fahre in den Urlaub. Können Sie das Fahrrad vorher liefern?"),
    ("fr", "Absence de réponse", "Je n'ai pas de réponse à mon courriel, où est ma commande ?"),
    ("es", "Vacaciones", "Me voy de vacaciones en julio, ¿pueden entregar antes?"),
    (
        "en",
        "Re: Delivery failure?",
        "My delivery failed twice, the driver never came. Where is my bike?",
    ),
]


@pytest.mark.parametrize(("lang", "subject", "body"), NOT_SKIPPED)
def test_customers_mentioning_holidays_or_failures_are_still_answered(
    triage_config, lang, subject, body
):
    result = _triage(make_message(body, subject), triage_config)
    assert result.should_answer, (result.skip_reason, result.skip_detail)
    assert result.skip_reason is None


@pytest.mark.parametrize(
    "sender", ["newsom@example.com", "mailerson@example.se", "marketingchef@firma.example"]
)
def test_customers_whose_address_starts_like_a_robot_are_answered(triage_config, sender):
    message = make_message(QUESTIONS["en"], sender=sender)
    assert _triage(message, triage_config).should_answer


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("WHERE IS MY BIKE!!!", "I PAID $2500 FOR MY ORDER AND NOTHING!!! The tracking link, "
         "click here it says, does not work. I want my money back NOW!!!"),
        ("VAR ÄR MIN CYKEL!!!", "Jag betalade 25000 kr för min beställning!!! Click here-länken "
         "i ert mejl fungerar inte. $$$ tillbaka nu!!!"),
    ],
)  # fmt: skip
def test_an_angry_customer_shouting_is_not_spam(triage_config, subject, body):
    result = _triage(make_message(body, subject), triage_config)
    assert result.should_answer, result.skip_detail
    assert result.priority in {"high", "urgent", "normal"}
