# ruff: noqa: E501  (one email a line: the data reads best unwrapped)
"""Routing that generalises (issue 20, point 4): the kinds of email that need a person, in
wording other than the keywords, across the twelve reply languages; and the same words in a
signature, in quoted history or in another sense, which must not route.

Every email here is written for these tests (not taken from evals/routing), for a few
different businesses.
"""

from __future__ import annotations

import pytest

from triage.models import EmailMessage, ThreadContext, TriageConfig
from triage.pipeline import triage_email


def _route(subject: str, body: str) -> str:
    message = EmailMessage(message_id="m1", subject=subject, text=body)
    return triage_email(message, ThreadContext(messages=[message]), TriageConfig()).needs_person


ROUTED = [
    # data protection: rights in ordinary words, and objection on its own
    (
        "privacy_request",
        "Mina uppgifter",
        "Hej,\n\nRätta mina personuppgifter, efternamnet är fel stavat i ert register.\n\nMvh\nLena",
    ),
    (
        "privacy_request",
        "Daten",
        "Hallo,\n\nIch möchte, dass Sie meine persönlichen Daten berichtigen, die Adresse ist veraltet.\n\nGrüße\nTim",
    ),
    (
        "privacy_request",
        "Publicité",
        "Bonjour,\n\nJe m'oppose à l'utilisation de mes données personnelles pour la publicité.\n\nCordialement,\nLéa",
    ),
    (
        "privacy_request",
        "Dati",
        "Buongiorno,\n\nMi oppongo al trattamento dei miei dati personali per fini commerciali.\n\nSaluti,\nPaolo",
    ),
    (
        "privacy_request",
        "Toestemming",
        "Hallo,\n\nIk maak bezwaar tegen het gebruik van mijn persoonsgegevens voor nieuwsbrieven.\n\nGroeten,\nBram",
    ),
    (
        "privacy_request",
        "Dados",
        "Olá,\n\nPor favor retifiquem os meus dados pessoais, o NIF está errado.\n\nCumprimentos,\nRui",
    ),
    # security: other people's records visible, SIM swap
    (
        "security_incident",
        "Strange",
        "Hi,\n\nWhen I open my orders page I see the order history of another customer, with their address.\n\nThanks,\nMia",
    ),
    (
        "security_incident",
        "Profil",
        "Hei,\n\nI appen ser jeg adressen og bestillingene til en annen kunde.\n\nHilsen\nEirik",
    ),
    (
        "security_incident",
        "Zamówienia",
        "Dzień dobry,\n\nW aplikacji widzę zamówienia innego klienta.\n\nPozdrawiam,\nOla",
    ),
    (
        "security_incident",
        "Phone",
        "Hello,\n\nI think I was the victim of a SIM swap, and now my password has been reset.\n\nRegards,\nDan",
    ),
    # legal: consumer bodies by country, in the customer's words
    (
        "legal_threat",
        "Klagomål",
        "Hej,\n\nFår jag inget svar går ärendet vidare till Allmänna reklamationsnämnden, ARN.\n\nHälsningar,\nPer",
    ),
    (
        "legal_threat",
        "Reklamation",
        "Guten Tag,\n\nIch werde ein Schlichtungsverfahren beantragen.\n\nMfG\nAnke",
    ),
    (
        "legal_threat",
        "Réclamation",
        "Bonjour,\n\nSans réponse, je saisirai le médiateur de la consommation.\n\nCordialement,\nMarc",
    ),
    (
        "legal_threat",
        "Klage",
        "Hej,\n\nJeg indbringer sagen for Forbrugerklagenævnet.\n\nVenlig hilsen\nLars",
    ),
    ("legal_threat", "Klage", "Hei,\n\nJeg tar saken videre til forliksrådet.\n\nMvh\nSiri"),
    (
        "legal_threat",
        "Reklamaatio",
        "Hei,\n\nTeen valituksen kuluttajariitalautakuntaan.\n\nTerveisin,\nOlli",
    ),
    (
        "legal_threat",
        "Skarga",
        "Dzień dobry,\n\nSprawę zgłoszę do rzecznika konsumentów.\n\nZ poważaniem,\nEwa",
    ),
    # safety: burns, shocks, a hazard
    (
        "injury_safety",
        "Lader",
        "Hallo,\n\nDe lader gaf vonken toen ik hem in het stopcontact stak.\n\nGroet,\nJoost",
    ),
    (
        "injury_safety",
        "Batteria",
        "Salve,\n\nLa batteria si è sciolta durante la ricarica, ho paura di un incendio.\n\nGrazie,\nSara",
    ),
    ("injury_safety", "Laturi", "Hei,\n\nSain sähköiskun laturista.\n\nTerveisin,\nAino"),
    (
        "injury_safety",
        "Ładowarka",
        "Dzień dobry,\n\nz wtyczki poszły iskry i kabel był gorący.\n\nPozdrawiam\nOla",
    ),
    # someone else using, copying or cloning the customer's card or account
    (
        "security_incident",
        "Mi tarjeta",
        "Hola,\n\nAlguien la ha copiado o está usando mi cuenta: mi tarjeta sigue en mi cartera."
        "\n\nSaludos,\nAna",
    ),
    (
        "security_incident",
        "Card",
        "Hi,\n\nSomeone cloned my card: there are charges from Hamburg.\n\nThanks,\nTim",
    ),
    (
        "security_incident",
        "Kortet",
        "Hej,\n\nNågon har klonat mitt kort, jag har det i plånboken.\n\nMvh\nEva",
    ),
    (
        "injury_safety",
        "Stairs",
        "Hello,\n\nI slipped on the wet stairs in your shop and hurt my back.\n\nRegards,\nJo",
    ),
    (
        "injury_safety",
        "Ruoka",
        "Hei,\n\nSain ruokamyrkytyksen kahvilanne voileivästä.\n\nTerveisin,\nEero",
    ),
    (
        "legal_threat",
        "Forsinkelse",
        "Hei,\n\nJeg sender klage til Transportklagenemnda.\n\nHilsen\nTone",
    ),
    # press, partnership, job: inflected and indirect forms
    (
        "press",
        "Nota",
        "Hola,\n\nEstoy escribiendo un artículo para un diario local y me gustaría su opinión.\n\nGracias,\nPablo",
    ),
    (
        "partnership",
        "Distribuzione",
        "Buongiorno,\n\nSiamo un negozio di Torino e vorremmo diventare vostri rivenditori.\n\nSaluti,\nLuca",
    ),
    (
        "partnership",
        "Revenda",
        "Olá,\n\nSomos uma loja no Porto e queremos ser revendedores da marca.\n\nObrigado,\nTiago",
    ),
    (
        "job_application",
        "Stelle",
        "Hallo,\n\nim Anhang finden Sie meine Bewerbung für die Stelle im Lager.\n\nViele Grüße\nMaja",
    ),
    (
        "job_application",
        "Hakemus",
        "Hei,\n\nLiitteenä hakemukseni varastotyöntekijän paikkaan.\n\nTerveisin,\nVeera",
    ),
]


@pytest.mark.parametrize(("rule", "subject", "body"), ROUTED)
def test_needs_a_person_in_ordinary_wording(rule: str, subject: str, body: str) -> None:
    assert _route(subject, body) == rule


NOT_ROUTED = [
    # "someone", "my card" and a use or copy that is no intrusion
    ("Can someone help?", "Hi,\n\nThe app is using my card instead of the company card.\n\nJo"),
    ("App", "Hi,\n\nCan someone check why the app is using my card twice?\n\nThanks,\nJo"),
    (
        "Tarjeta",
        "Hola,\n\n¿Alguien me puede decir por qué la aplicación está usando mi tarjeta antigua?"
        "\n\nGracias,\nAna",
    ),
    ("Lien", "Bonjour,\n\nJ'ai copié le lien de mon compte, quelqu'un peut m'aider ?\n\nLéa"),
    ("Kort", "Hej,\n\nGör det något om någon annan använder mitt kort?\n\nMvh\nEva"),
    # sparks in another sense
    ("Storm", "Hi,\n\nThere were sparks from the sky during the storm; is the station open?\n\nJo"),
    ("Zespół", "Dzień dobry,\n\nW zespole widać iskry entuzjazmu. Jak dodać kartę?\n\nOla"),
    # titles under each language's sign-offs
    (
        "Invoice",
        "Hi,\n\nCould you resend last month's invoice?\n\nThanks for your help,\nNina Park\nHead of Legal, Fernway Ltd",
    ),
    (
        "Faktura",
        "Hej,\n\nKan ni skicka fakturan igen?\n\nTack för hjälpen,\nAnna\nSäkerhetschef, Byggtorget AB",
    ),
    (
        "Rechnung",
        "Hallo,\n\nKönnen Sie die Rechnung noch einmal schicken?\n\nLieben Gruß\nSven\nDatenschutzbeauftragter",
    ),
    (
        "Facture",
        "Bonjour,\n\nPouvez-vous renvoyer la facture ?\n\nSalutations cordiales,\nHugo\nResponsable juridique",
    ),
    (
        "Factura",
        "Hola,\n\n¿Pueden reenviarme la factura?\n\nQuedo a la espera,\nIrene\nAbogada, Despacho Vidal",
    ),
    (
        "Fattura",
        "Buongiorno,\n\nPotete inviarmi di nuovo la fattura?\n\nCordialità,\nDario\nResponsabile Ufficio Legale",
    ),
    ("Faktura", "Hej,\n\nKan I sende fakturaen igen?\n\nPå forhånd tak,\nJens\nAdvokat"),
    (
        "Faktura",
        "Dzień dobry,\n\nCzy mogą Państwo ponownie wysłać fakturę?\n\nPozdrawiam ciepło,\nAdam\nKierownik działu prawnego",
    ),
    ("Fatura", "Olá,\n\nPodem reenviar a fatura?\n\nCordiais cumprimentos,\nInês\nAdvogada"),
    # another sense
    (
        "Export",
        "Hi,\n\nOur lawyer asked us to keep copies of all invoices. How do I download them?\n\nBest,\nKim",
    ),
    (
        "Factura",
        "Hola,\n\nMi abogado me pidió el historial de pagos, ¿dónde lo descargo?\n\nGracias,\nEva",
    ),
    (
        "Vol",
        "Bonjour,\n\nJ'ai porté plainte à la police pour le vol de mon vélo, que faire pour l'assurance ?\n\nMerci,\nLou",
    ),
    ("Recipe", "Hi,\n\nShould the butter be melted before I add it to the dough?\n\nThanks,\nAmy"),
    (
        "Kassa",
        "Hej,\n\nVi anställer två säljare i vår. Kan de få egna inloggningar?\n\nHälsningar,\nOla",
    ),
    ("Beställning", "Hej,\n\nHur tar jag bort en gammal adress från min profil?\n\nMvh\nIda"),
    ("Levering", "Hei,\n\nKommer pakken om en uke?\n\nMvh\nSiv"),
    ("Price", "Hi,\n\nThe price fell last week, can I get the difference back?\n\nThanks,\nAl"),
]


@pytest.mark.parametrize(("subject", "body"), NOT_ROUTED)
def test_route_words_in_a_signature_or_another_sense_do_not_route(subject: str, body: str) -> None:
    assert _route(subject, body) == ""


def test_route_words_in_quoted_history_do_not_route() -> None:
    body = (
        "Dzień dobry,\n\nDziękuję, paczka dotarła. Ile kosztuje druga ładowarka?\n\n"
        "Pozdrawiam,\nMarek\n\n"
        "W dniu pon., 2.11.2026 o 10:00 Marek <marek@mail.example> napisał(a):\n"
        "> Zgłoszę to do UOKiK i proszę o kontakt z kierownikiem.\n"
    )
    assert _route("Odp: Zamówienie", body) == ""
