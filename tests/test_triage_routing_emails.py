"""Whole emails through triage.pipeline.triage_email, as production runs it: the kinds that
need a person in several languages, and emails whose route words are in the signature, in
quoted history or in another sense, which must not be routed.

Every email is written for these tests (customers of a few different businesses), in the
shape real mail has: greeting, wrapped lines, sign-off, signature with a job title.
"""

from __future__ import annotations

import pytest

from triage.models import EmailMessage, ThreadContext, TriageConfig, TriageResult
from triage.pipeline import triage_email


def _triage(subject: str, text: str) -> TriageResult:
    message = EmailMessage(message_id="m1", subject=subject, text=text)
    return triage_email(message, ThreadContext(messages=[message]), TriageConfig())


PRIVACY = [
    (
        "de",
        "Auskunft nach Art. 15 DSGVO",
        "Sehr geehrte Damen und Herren,\n\nhiermit bitte ich Sie um Auskunft, welche Daten Sie "
        "über mich\ngespeichert haben, zu welchem Zweck und wie lange.\n\nMit freundlichen "
        "Grüßen\nKarin Vogel",
    ),
    (
        "de",
        "Meine Daten",
        "Hallo,\n\nich habe mein Konto schon gekündigt. Bitte löschen Sie alle meine Daten und "
        "bestätigen\nSie mir die Löschung schriftlich.\n\nViele Grüße\nJonas Brandt",
    ),
    (
        "sv",
        "Radera mina uppgifter",
        "Hej,\n\njag vill att ni raderar mina personuppgifter ur alla era system enligt GDPR.\n"
        "Skicka en bekräftelse när det är gjort.\n\nMed vänlig hälsning\nEva Lind",
    ),
    (
        "sv",
        "Registerutdrag",
        "Hej!\n\nJag begär ett registerutdrag över de personuppgifter ni behandlar om mig.\n\n"
        "Mvh\nOskar Berg",
    ),
    (
        "pl",
        "Usunięcie danych",
        "Dzień dobry,\n\nzgodnie z art. 17 RODO proszę o usunięcie moich danych osobowych z "
        "Państwa bazy.\n\nZ poważaniem,\nMagdalena Wójcik",
    ),
    (
        "pl",
        "Dostęp do danych",
        "Dzień dobry,\n\nproszę o informację, jakie dane osobowe Państwo o mnie przechowują.\n\n"
        "Pozdrawiam\nTomasz Lis",
    ),
    (
        "fr",
        "Demande RGPD",
        "Bonjour,\n\nconformément au RGPD, je vous demande la suppression de toutes mes données "
        "personnelles.\n\nCordialement,\nLucie Martin",
    ),
    (
        "es",
        "Protección de datos",
        "Hola,\n\nquiero ejercer mi derecho de supresión: les pido que borren mis datos "
        "personales.\n\nUn saludo,\nMarta Ruiz",
    ),
    (
        "en",
        "Data request",
        "Hello,\n\nUnder the GDPR I would like a copy of all personal data you hold about me.\n\n"
        "Kind regards,\nSam Porter",
    ),
    (
        "en",
        "Please forget me",
        "Hi,\n\nPlease delete my personal data and stop sending me anything.\n\nThanks,\nAmy",
    ),
    (
        "nl",
        "AVG verzoek",
        "Beste,\n\nGraag verwijder al mijn gegevens, ik maak gebruik van mijn recht op "
        "verwijdering (AVG).\n\nMet vriendelijke groet,\nPieter de Vries",
    ),
    (
        "it",
        "Dati personali",
        "Buongiorno,\n\nchiedo la cancellazione dei miei dati personali ai sensi del GDPR.\n\n"
        "Cordiali saluti\nGiulia Rossi",
    ),
    (
        "da",
        "Indsigt",
        "Hej,\n\njeg vil gerne have indsigt i, hvilke personoplysninger I har om mig.\n\n"
        "Venlig hilsen\nMette Holm",
    ),
    (
        "no",
        "Sletting",
        "Hei,\n\njeg ber om sletting av mine personopplysninger.\n\nMed vennlig hilsen\nKari Nord",
    ),
    (
        "fi",
        "Tietojen poisto",
        "Hei,\n\npyydän teitä poistamaan henkilötietoni rekisteristänne.\n\nYstävällisin "
        "terveisin\nMatti Laine",
    ),
    (
        "pt",
        "RGPD",
        "Bom dia,\n\nvenho por este meio pedir o apagamento dos meus dados pessoais.\n\n"
        "Cumprimentos,\nAna Sousa",
    ),
]

SECURITY = [
    (
        "en",
        "Wrong invoices in my account",
        "Hi,\n\nWhen I log in I can see invoices of another customer, with their name and "
        "address.\nThat should not be possible.\n\nRegards,\nLiam Hart",
    ),
    (
        "en",
        "Account hacked",
        "Hello,\n\nSomeone changed my password yesterday and placed two orders. I have reported "
        "it to the\npolice and have a report number.\n\nBest,\nNora",
    ),
    (
        "de",
        "Fremde Rechnungen",
        "Guten Tag,\n\nin meinem Kundenkonto sehe ich seit heute die Rechnungen eines anderen "
        "Kunden.\n\nMit freundlichen Grüßen\nPeter Wolf",
    ),
    (
        "de",
        "Konto gehackt",
        "Hallo,\n\nmein Konto wurde gehackt, jemand hat mein Passwort geändert. Ich habe "
        "Strafanzeige erstattet.\n\nGruß\nSven",
    ),
    (
        "sv",
        "Någon annans uppgifter",
        "Hej,\n\nnär jag loggar in ser jag en annan kunds fakturor och adress. Det är väl inte "
        "meningen?\n\nVänliga hälsningar\nLinnea Ek",
    ),
    (
        "sv",
        "Kapat konto",
        "Hej,\n\nmitt konto har kapats och någon har ändrat mitt lösenord. Jag har gjort en "
        "polisanmälan.\n\nMvh\nAhmed",
    ),
    (
        "pl",
        "Włamanie na konto",
        "Dzień dobry,\n\nktoś zmienił moje hasło i złożył zamówienia, których nie robiłem. "
        "Zgłosiłem to na policję.\n\nPozdrawiam\nPiotr",
    ),
    (
        "fr",
        "Compte piraté",
        "Bonjour,\n\nmon compte a été piraté et des commandes que je n'ai pas passées y "
        "apparaissent.\n\nCordialement,\nHugo Petit",
    ),
    (
        "es",
        "Datos de otro cliente",
        "Hola,\n\nen mi cuenta aparecen los datos de otro cliente, con su dirección y "
        "teléfono.\n\nSaludos,\nCarmen",
    ),
    (
        "es",
        "Correo falso",
        "Hola:\n\nhe recibido un correo falso en su nombre que me pide pagar una factura.\n\n"
        "Un saludo,\nLuis",
    ),
    (
        "nl",
        "Gehackt",
        "Hallo,\n\nmijn account is gehackt, iemand heeft mijn wachtwoord gewijzigd.\n\n"
        "Groeten,\nSanne",
    ),
    (
        "it",
        "Accesso non autorizzato",
        "Buongiorno,\n\nho ricevuto un avviso di accesso non autorizzato al mio account.\n\n"
        "Cordiali saluti\nMarco",
    ),
]

JOBS = [
    (
        "sv",
        "Spontanansökan",
        "Hej!\n\nJag heter Elin och är utbildad ekonom. Jag skickar en spontanansökan och "
        "bifogar mitt CV\noch personliga brev.\n\nVänliga hälsningar\nElin Åberg",
    ),
    (
        "sv",
        "Jobb?",
        "Hej,\n\njag skulle gärna jobba hos er i sommar. CV bifogas.\n\nHälsningar\nAlva",
    ),
    (
        "de",
        "Initiativbewerbung",
        "Sehr geehrte Damen und Herren,\n\nanbei sende ich Ihnen meine Initiativbewerbung als "
        "Kaufmann im Einzelhandel.\n\nMit freundlichen Grüßen\nLukas Meier",
    ),
    (
        "en",
        "Working with you",
        "Hello,\n\nI would like to work for you as a developer. My CV is attached.\n\nBest "
        "regards,\nPriya",
    ),
    (
        "fr",
        "Candidature spontanée",
        "Bonjour,\n\nje me permets de vous adresser ma candidature spontanée pour un poste de "
        "comptable.\n\nCordialement,\nInès Moreau",
    ),
    (
        "es",
        "Trabajo",
        "Hola,\n\nme gustaría trabajar con ustedes. Adjunto mi currículum.\n\nSaludos,\nDiego",
    ),
    (
        "nl",
        "Open sollicitatie",
        "Beste,\n\nHierbij stuur ik mijn open sollicitatie.\n\nMet vriendelijke groet,\nDaan",
    ),
    (
        "pl",
        "Praca",
        "Dzień dobry,\n\nchciałbym pracować w Państwa firmie, w załączniku przesyłam moje CV.\n\n"
        "Pozdrawiam\nKamil",
    ),
]

MANAGER = [
    ("en", "Complaint", "Hi,\n\nThis is my fourth email. I want to speak to a manager.\n\nTom"),
    ("en", "Escalation", "Hello,\n\nPlease escalate this to your supervisor.\n\nRegards,\nAnn"),
    ("de", "Beschwerde", "Hallo,\n\nich möchte mit Ihrem Vorgesetzten sprechen.\n\nGruß\nUwe"),
    ("sv", "Klagomål", "Hej,\n\njag vill prata med en chef nu.\n\nMvh\nBo"),
    ("pl", "Skarga", "Dzień dobry,\n\nchcę porozmawiać z kierownikiem.\n\nZ poważaniem,\nEwa"),
]


@pytest.mark.parametrize(("lang", "subject", "text"), PRIVACY, ids=lambda v: str(v)[:20])
def test_data_protection_requests_go_to_a_person(lang: str, subject: str, text: str) -> None:
    result = _triage(subject, text)
    assert (result.needs_person, lang) == ("privacy_request", lang)
    assert result.priority in ("high", "urgent")


@pytest.mark.parametrize(("lang", "subject", "text"), SECURITY, ids=lambda v: str(v)[:20])
def test_security_incidents_go_to_a_person(lang: str, subject: str, text: str) -> None:
    result = _triage(subject, text)
    assert (result.needs_person, lang) == ("security_incident", lang)
    assert result.priority == "urgent"


@pytest.mark.parametrize(("lang", "subject", "text"), JOBS, ids=lambda v: str(v)[:20])
def test_job_applications_unsolicited_ones_too_go_to_a_person(
    lang: str, subject: str, text: str
) -> None:
    assert (_triage(subject, text).needs_person, lang) == ("job_application", lang)


@pytest.mark.parametrize(("lang", "subject", "text"), MANAGER, ids=lambda v: str(v)[:20])
def test_asking_for_a_manager_goes_to_a_person(lang: str, subject: str, text: str) -> None:
    assert (_triage(subject, text).needs_person, lang) == ("manager_request", lang)


NOT_ROUTED = [
    (
        "manager in another sense",
        "Project",
        "Hi,\n\nOur project manager asked me to check when the delivery to the new office "
        "arrives.\n\nThanks,\nJo",
    ),
    (
        "hiring project managers",
        "Job ads",
        "Hello,\n\nWe are hiring project managers this spring. Can we add more users to our "
        "plan\nfor them?\n\nBest,\nKate",
    ),
    (
        "title in an English signature",
        "Invoice",
        "Hello,\n\nWhen will the invoice for March be sent?\n\nBest regards,\nJohn Smith\n"
        "HR Manager | ACME Ltd\n+44 20 7946 0000",
    ),
    (
        "title in a Polish signature",
        "Faktura",
        "Dzień dobry,\n\nkiedy otrzymam fakturę za marzec?\n\nZ poważaniem,\n\nKatarzyna "
        "Wiśniewska\nKierownik ds. Zakupów / Purchasing Manager\nHurtownia Budowlana Marbud "
        "Sp. z o.o.\nul. Przemysłowa 12, 60-123 Poznań\ntel. +48 61 123 45 67\nwww.marbud.pl",
    ),
    (
        "title in a Finnish signature",
        "Lasku",
        "Hei,\n\nmilloin maaliskuun lasku lähetetään?\n\nYstävällisin terveisin\nMatti "
        "Meikäläinen\nHenkilöstöpäällikkö, esimies\nRakennus Oy",
    ),
    (
        "chef in a Swedish signature",
        "Faktura",
        "Hej,\n\nnär skickas fakturan för mars?\n\nMed vänlig hälsning\nAnna Svensson\n"
        "Ekonomichef, Bygg AB\n070-123 45 67",
    ),
    (
        "route words in quoted history",
        "Re: Your order",
        "Thanks, that answers it.\n\nOn Mon, 3 Mar 2025 at 10:00, Support <support@shop.example> "
        "wrote:\n> I want to speak to a manager and I will delete my personal data.\n"
        "> My account was hacked.",
    ),
    (
        "route words in German quoted history",
        "AW: Ihre Anfrage",
        "Danke, das hilft mir weiter.\n\nAm Mo., 3. März 2025 um 10:00 Uhr schrieb Support "
        "<support@shop.example>:\n> Bitte löschen Sie alle meine Daten gemäß DSGVO.\n"
        "> Ich möchte mit Ihrem Vorgesetzten sprechen.",
    ),
    (
        "route words in Polish quoted history",
        "Re: Zamówienie",
        "Dziękuję, wszystko jasne.\n\nW dniu pon., 3 mar 2025 o 10:00 Support "
        "<support@shop.example> napisał(a):\n> Ktoś zalogował się na moje konto.\n"
        "> Chcę porozmawiać z kierownikiem.",
    ),
    (
        "police station address",
        "Stolen bike",
        "Hi,\n\nMy bike was stolen. What is the police station's address where I report it, "
        "and does\nyour insurance cover it?\n\nRegards,\nTim",
    ),
    (
        "delete an invoice draft",
        "Invoice draft",
        "Hello,\n\nHow do I delete an invoice draft I created by mistake?\n\nThanks,\nMaria",
    ),
    (
        "export my data",
        "Export",
        "Hi,\n\nHow can I export my data to Excel? I want to analyse my orders.\n\nBest,\nLee",
    ),
    (
        "retention question",
        "Daten",
        "Hallo,\n\nwie lange speichern Sie meine Daten, nachdem ich mein Konto gelöscht habe?\n\n"
        "Viele Grüße\nAnja",
    ),
    (
        "password reset",
        "Lösenord",
        "Hej,\n\njag har glömt mitt lösenord och kan inte logga in på mitt konto. Hur gör jag?\n\n"
        "Tack!\nSara",
    ),
    (
        "colleague logged in",
        "Login",
        "Hi,\n\nSomeone from my team needs a login. How do I add a user to our account?\n\nBen",
    ),
    (
        "restore deleted data",
        "Gelöschte Daten",
        "Hallo,\n\nich habe versehentlich meine Daten gelöscht. Können Sie sie bitte "
        "wiederherstellen?\n\nGruß\nTim",
    ),
    (
        "Swedish chef asked",
        "Leverans",
        "Hej,\n\nmin chef bad mig fråga när leveransen kommer till kontoret.\n\nMvh\nLena",
    ),
    (
        "customer reviewing applications",
        "Applications",
        "Hello,\n\nWe get many job applications through your contact form. Can candidates "
        "attach a CV there?\n\nRegards,\nIda",
    ),
    (
        "bank account for the refund",
        "Rückerstattung",
        "Hallo,\n\nmein Rad wurde gestohlen, ich habe Strafanzeige erstattet. Bitte "
        "überweisen Sie die\nErstattung auf mein Konto.\n\nGruß\nKai",
    ),
    (
        "fraud protection question",
        "Payment",
        "Hi,\n\nDo you offer fraud protection when I pay by a payment link in an email?\n\nDan",
    ),
]


@pytest.mark.parametrize(("case", "subject", "text"), NOT_ROUTED, ids=lambda v: str(v)[:30])
def test_route_words_in_another_sense_a_signature_or_quoted_history_do_not_route(
    case: str, subject: str, text: str
) -> None:
    result = _triage(subject, text)
    assert (case, result.needs_person) == (case, "")


# Fraud in the company's name and intrusions into a business account ("our"), and route
# words that describe the customer rather than ask for a person.
FAKE_AND_OURS = [
    (
        "en",
        "Strange payment reminder",
        "Hi,\n\nA reminder with your logo asked me to pay to a new bank account. Is this email "
        "from you?\n\nThanks,\nRuth Hale",
    ),
    (
        "da",
        "Falske mails",
        "Hej,\n\nVores kunder får falske fakturaer med vores firmanavn. Hvad gør vi?\n\n"
        "Venlig hilsen\nOle Dam",
    ),
    (
        "fi",
        "Tilimme",
        "Hei,\n\nJoku on päässyt tilillemme ja vaihtanut sähköpostiosoitteen. Auttakaa!\n\n"
        "Terveisin\nMikko Aho",
    ),
    (
        "de",
        "Gefälschte Rechnungen",
        "Guten Tag,\n\nes sind gefälschte Rechnungen in unserem Namen im Umlauf. Wir haben "
        "Anzeige erstattet.\n\nMit freundlichen Grüßen\nPetra Wolf",
    ),
]


@pytest.mark.parametrize(("lang", "subject", "text"), FAKE_AND_OURS)
def test_fakes_in_the_companys_name_and_intrusions_into_our_account_go_to_a_person(
    lang: str, subject: str, text: str
) -> None:
    assert _triage(subject, text).needs_person == "security_incident"


SELF_DESCRIBED = [
    (
        "en",
        "Records after closing",
        "Hi,\n\nSee my lawyer's note below. How long do you keep our invoices after we close "
        "the account?\n\nBest\nKim Ek",
    ),
    (
        "de",
        "Mahngebühren",
        "Guten Tag,\n\nwir sind ein Großhandel für Büromaterial. Welche Mahngebühr ist "
        "üblich?\n\nMit freundlichen Grüßen\nUlf Brandt",
    ),
    (
        "sv",
        "Arkivering",
        "Hej,\n\nEnligt vår advokat måste vi spara underlagen i sju år. Hur exporterar jag "
        "dem?\n\nHälsningar\nAnn Ek",
    ),
]


@pytest.mark.parametrize(("lang", "subject", "text"), SELF_DESCRIBED)
def test_a_lawyers_advice_or_a_business_describing_itself_does_not_route(
    lang: str, subject: str, text: str
) -> None:
    assert _triage(subject, text).needs_person == ""


def test_a_lawyer_still_routes_when_threatened() -> None:
    text = "Hello,\n\nIf I do not get my money back this week, my lawyer will contact you.\n\nJo"
    assert _triage("Refund", text).needs_person == "legal_threat"
