"""Build emails.jsonl: the labelled emails of the charging (Voltway) evaluation set.

Run from /work/main:  .venv/bin/python evals/domains/charging/build_emails.py

Voltway runs public EV charging stations in Sweden, Norway, Denmark and Germany. The
emails are written as Python literals below, one list per language. Ids are
"charging-" plus the language and a running number; the split alternates dev/test within
each (language, expect) group, so both halves get every kind of email.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the repository root, for evals.tools

from evals.tools.email_sets import (  # noqa: E402
    CHANGELOG,
    A,
    Email,
    N,
    R,
    faq,
    write_emails,
)

OUT = HERE / "emails.jsonl"

# --- knowledge-base sections (paths relative to kb/) -------------------------------------
_P = "pricing/prices-and-subscriptions.md"
GLANCE = f"{_P}#Flex and Plus at a glance"
PRICES_SE = f"{_P}#Prices in Sweden"
PRICES_NO = f"{_P}#Prices in Norway"
PRICES_DK = f"{_P}#Prices in Denmark"
PRICES_DE = f"{_P}#Prices in Germany"
IDLE = f"{_P}#Idle fee"
IDLE_NO = f"{_P}#Idle fee > Norway: idle fee at AC chargers"
CHANGE_PLUS = f"{_P}#Changing or cancelling Plus"
PRICE_CHANGES = f"{_P}#Price changes"
OLD_CANCEL = "pricing/prices-and-subscriptions-until-2026-08.md#Cancelling Plus"
SV_PRICES = "pricing/priser-och-abonnemang.md#Priser i Sverige"
SV_IDLE = "pricing/priser-och-abonnemang.md#Tomgångsavgift"
SV_CANCEL = "pricing/priser-och-abonnemang.md#Säga upp Plus"
SV_SWISH = "pricing/priser-och-abonnemang.md#Betala med Swish"
DOCX_PRICES = "pricing/price-list-2026.docx#kWh prices by country and subscription"
DOCX_FEES = "pricing/price-list-2026.docx#Fees by country"
DOCX_NOTES = "pricing/price-list-2026.docx#Notes"
DE_PRICES = "de/preise-und-tarife.md#Preise in Deutschland"
DE_BLOCK = "de/preise-und-tarife.md#Blockiergebühr"
DE_CANCEL = "de/preise-und-tarife.md#Plus kündigen"
EICH_APP = "de/eichrecht.md#Signierte Messdaten in der App"
EICH_CHECK = "de/eichrecht.md#Messdaten mit der Transparenzsoftware prüfen"
DE_FIRMA = "de/rechnungen-und-belege.md#Firmendaten auf dem Beleg"
DE_MWST = "de/rechnungen-und-belege.md#Mehrwertsteuer"
DE_BELEG = "de/rechnungen-und-belege.md#Belege nach jedem Ladevorgang"
ADHOC = "html/de/ad-hoc-laden.html"
ADHOC_HOW = f"{ADHOC}#So funktioniert Ad-hoc-Laden"
ADHOC_PAY = f"{ADHOC}#Akzeptierte Zahlungsmittel"
ADHOC_BELEG = f"{ADHOC}#Beleg abrufen"
START = "html/starting-and-stopping.html"
V1 = f"{START}#Older V1 chargers"
CABLE = f"{START}#Cable stuck in the car"
STOPPED_EARLY = f"{START}#Charging stopped early"
ROAM = "html/roaming.html"
ROAM_PRICES = f"{ROAM}#Prices at partner stations"
ROAM_WHEN = f"{ROAM}#When roaming sessions appear"
ROAM_FOREIGN = f"{ROAM}#Charging at Voltway with another provider's card"
APP_GET = "app/voltway-app.md#Getting the app"
APP_PAY = "app/voltway-app.md#Payment methods"
APP_PREAUTH = "app/voltway-app.md#Pre-authorisation on your card"
ACC_PRIVACY = "account/account-and-privacy.md#Privacy settings in the app"
CARD_ORDER = "cards/charging-cards.md#Ordering a card"
CARD_ACTIVATE = "cards/charging-cards.md#Activating your card"
CARD_LOST = "cards/charging-cards.md#Lost or stolen card"
CARD_SEVERAL = "cards/charging-cards.md#Several cards on one account"
SV_BRICKA = "cards/laddkort.md#Laddbricka"
SV_ACTIVATE = "cards/laddkort.md#Aktivera kortet"
SV_BLOCK = "cards/laddkort.md#Spärra ett kort"
REC_EACH = "billing/receipts-and-invoices.md#Receipts for each session"
REC_COMPANY = "billing/receipts-and-invoices.md#Company details on receipts"
REC_STATEMENT = "billing/receipts-and-invoices.md#Monthly statement"
REC_VAT = "billing/receipts-and-invoices.md#VAT by country"
REC_FAILED = "billing/receipts-and-invoices.md#Failed payments"
REF_REPORT = "billing/refund-policy.md#Reporting a wrong charge"
REF_PLUS = "billing/refund-policy.md#Cancelling Plus"
REF_PAID = "billing/refund-policy.md#How refunds are paid"
OLD_REF_PLUS = "billing/refund-policy-before-2026-03.md#Cancelling Plus"
BIZ_PLANS = "business/business-accounts.md#Business Flex and Business Plus"
BIZ_LIMITS = "business/business-accounts.md#Spending limits"
BIZ_INVOICE = "business/business-accounts.md#Invoicing and payment terms"
BIZ_DEPOSIT = "business/business-accounts.md#Security deposit"
ST_CONNECTORS = "stations/stations-and-charging.md#Connectors"
ST_POWER = "stations/stations-and-charging.md#Charging power"
ST_SLOW = "stations/stations-and-charging.md#Why charging slows down"
ST_LIMIT = "stations/stations-and-charging.md#Time limits at busy stations"
HOME_PRICE = "hemladdning/voltway-home.md#Pris och installation"
HOME_GRON = "hemladdning/voltway-home.md#Skattereduktion för grön teknik"
HOME_REQ = "hemladdning/voltway-home.md#Krav på elcentralen"
HOME_ONLY = "hemladdning/voltway-home.md#Endast i Sverige"
TERMS = "legal/terms-of-use-2026.pdf"
TERMS_PRICES = f"{TERMS}#Prices and payment"
TERMS_PLUS = f"{TERMS}#Plus subscription"
TERMS_CARDS = f"{TERMS}#Lost or stolen cards"
GS_SHORT = "getting-started.md#Voltway in short"

EMAILS: dict[str, list[Email]] = {}

# --- English ---------------------------------------------------------------------------------
EMAILS["en"] = [
    A(
        "Moving to Oslo - is Plus worth it?",
        "Hi,\n\nI'm relocating from Gothenburg to Oslo in January and will keep using Voltway. "
        "I fast charge roughly twice a week on my commute. What does Plus cost per month in "
        "Norway, and what is the DC price per kWh with Plus there? Trying to work out if it "
        "pays off.\n\nCheers,\nDaniel Whitford\nSenior Consultant, Brightline Advisory",
        [PRICES_NO, DOCX_PRICES, GS_SHORT],
        [["NOK 129", "129 NOK"], ["NOK 4.49", "4.49"]],
    ),
    A(
        "Why did you take 500 kr from my card??",
        "Hello,\n\nI charged at your station in Jönköping yesterday for about 190 kr, but my "
        "bank app shows a pending payment of 500 kr from Voltway as well. Am I being charged "
        "twice? When does that 500 go away?\n\nRegards\nPriya Raman",
        [APP_PREAUTH, faq("Why was money reserved on my card when I started charging?")],
        [["SEK 500"], ["3–7 business days"]],
    ),
    A(
        "Lost my charging card",
        "Hi Voltway,\n\nI think I lost my charging card at a petrol station near Helsingborg "
        "yesterday evening. What should I do so nobody else charges on my account? And if it "
        "turns up in the car after all, can I just use it again?\n\nThanks\nTom Ekberg",
        [CARD_LOST, TERMS_CARDS, SV_BLOCK],
        [["Block card"], ["cannot be reactivated"]],
    ),
    A(
        "Idle fee of SEK 96?",
        "Good afternoon,\n\nOn my last receipt (DC charger at Voltway Norrköping Ingelsta, "
        "4 November) there is an 'idle fee' of SEK 96. I was having lunch and came back a bit "
        "late, I admit, about 47 minutes after the app said charging was complete. But how "
        "is this fee calculated - when does it start and how much is it per minute?\n\n"
        "Kind regards,\nMargaret Holm",
        [
            IDLE,
            SV_IDLE,
            DOCX_FEES,
            faq("What happens if I leave my car at the charger after charging?"),
        ],
        [["15 minutes", "15 minuter"], ["SEK 3", "3 kr per minut"]],
    ),
    A(
        "Company name on receipts",
        "Hi,\n\nI use my private Voltway account to charge my company car and our accounts "
        "department now insists that the receipts show the company name and our VAT number. "
        "Where do I add these? And can you update the receipts from September and October "
        "that I already have?\n\nBest regards\nJonas Berglund\nSales Engineer\n"
        "Kraftverk Automation AB",
        [REC_COMPANY, faq("Can I get receipts with my company name and VAT number?"), DE_FIRMA],
        [["Billing details"], ["cannot be changed"]],
    ),
    A(
        "Monthly limits per driver card",
        "Hello,\n\nWe have 14 vans on Voltway Business. Some drivers charge far more than their "
        "routes justify. Can I put a monthly cap on individual driver cards, and will the "
        "driver be warned before the card stops working?\n\nBest regards,\n"
        "Sarah Lindgren\nFleet Manager\nNordhav Logistik AB\nTel. +46 31 700 44 10",
        [BIZ_LIMITS],
        [["Spending limit"], ["80%"]],
    ),
    A(
        "Plus discount at other networks in Germany?",
        "Hi,\n\nWe are driving from Malmö to Munich over Christmas. I have Plus with a Swedish "
        "account. If I charge at partner stations in Germany with my Voltway card, do I get "
        "my Plus prices there, and is there any extra fee per charge?\n\nThanks!\nErik Vance",
        [ROAM_PRICES, faq("Do Plus prices apply at partner networks?")],
        [["SEK 5"], ["do not apply"]],
    ),
    A(
        "Cable would not come out",
        "Hi,\n\nLast night at the Voltway station in Uddevalla the cable got stuck in my car "
        "after I finished. I ended up yanking it a bit and it came out after a few minutes, "
        "but I don't want to break anything. What's the right way to do this? Also, I was "
        "charged an idle fee because of the delay - will that be refunded?\n\n"
        "Regards\nLiam O'Connor",
        [CABLE],
        [["1 minute"], ["hotline"], ["refunded"]],
    ),
    A(
        "Only 60 kW from a 150 kW charger",
        "Hi team,\n\nI charged at your station in Ulm today. The charger says 150 kW, my car "
        "can take 170 kW, but I only got around 60-75 kW the whole time. There was another "
        "car on the other cable. Is that expected?\n\nBR\nMartin Keller\n"
        "Head of Product, Verdigris GmbH",
        [ST_POWER],
        [["75 kW"]],
    ),
    A(
        "Security deposit for our new company",
        "Hello,\n\nWe registered our company (Fjellvind Elektro AS, Trondheim) in August and "
        "just applied for a Voltway Business account for our five service cars. Your email "
        "says we must pay a security deposit before the cards are sent. How much is it in "
        "Norway, and when do we get it back?\n\nKind regards\nHenrik Aasen\n"
        "CFO, Fjellvind Elektro AS",
        [BIZ_DEPOSIT],
        [["NOK 5,000"], ["30 days"]],
    ),
    A(
        "Re: Session SE-2231-A charged twice the kWh",
        "Hi again,\n\nFollowing up on my colleague's email below - I'm the one who drove the "
        "car. How long do we have to report a wrong charge like this, and how quickly is "
        "the money paid back once you agree?\n\nThanks,\nNadia Hussain\n\n"
        "On Tue, 21 Oct 2026 at 09:14, Oskar Friberg <oskar.friberg@lumaform.se> wrote:\n"
        "> Nadia, the receipt for your session at Voltway Västerås on 18 October says 61 kWh,\n"
        "> but the Kona only has a 64 kWh battery and you arrived with 40% left.\n"
        "> That cannot be right. Please ask Voltway.\n> Oskar",
        [REF_REPORT, REF_PAID],
        [["60 days"], ["10 business days"]],
    ),
    A(
        "Charged for Plus after I cancelled",
        "Dear Voltway,\n\nI cancelled my Plus subscription in the app on 10 January 2026 but "
        "I was still charged the Plus fee on 1 February 2026. Why? I expected it to stop at "
        "the end of January.\n\nSincerely,\nAndrew Blake",
        [OLD_REF_PLUS, OLD_CANCEL],
        [["one month's notice"]],
    ),
    A(
        "Calibration law data for my session in Munich",
        "Hello,\n\nI'm a British driver living in Munich. My last session at a Voltway charger "
        "seemed high and a German colleague said that under the calibration law "
        "(Eichrecht) I can check the signed meter values myself. Where do I find these in "
        "the app, and how long do they stay available?\n\nMany thanks,\nOliver Hastings",
        [EICH_APP, faq("Wo finde ich die signierten Messdaten meines Ladevorgangs?")],
        [["Signierte Messdaten"], ["24 Monate", "24 months"]],
    ),
    A(
        "Changed my mind about Plus",
        "Hi,\n\nI signed up for Plus five days ago (first time ever), but I have realised I "
        "mostly charge at home and won't use it. Can I get the monthly fee back? I have "
        "charged twice at Plus prices since.\n\nThanks,\nRebecca Sjöström",
        [REF_PLUS, TERMS_PLUS],
        [["14 days"], ["Flex prices"]],
    ),
    A(
        "Home charger - price?",
        "Hi,\n\nWe just bought a house outside Uppsala and I saw that Voltway sells home "
        "chargers. I don't read Swedish well yet, sorry. What does the charger cost with "
        "installation, and what would we pay after the green technology tax reduction?\n\n"
        "Best,\nMichael Turner",
        [HOME_PRICE, HOME_GRON],
        [["12 990"], ["6 495"]],
    ),
    A(
        "Cards for the whole family",
        "Hi,\n\nWe have two cars and two teenage drivers, so four of us would need a card. "
        "Can all of those cards be on my one account, and what do the extra cards cost? We "
        "live in Sweden.\n\nRegards\nHelen Carlsson",
        [CARD_SEVERAL, faq("Can I have several cars on one account?"), CARD_ORDER, DOCX_FEES],
        [["up to 5"], ["SEK 49"]],
    ),
    A(
        "Privacy - my name on the charger screen",
        "Hello,\n\nA privacy question. When I start charging, the charger screen shows my first "
        "name for everyone in the car park to see. I'd rather it didn't. Can I turn that "
        "off? And while I'm at it, does the app track my location when it is closed?\n\n"
        "Thanks,\nClaire Dubois-Nilsson",
        [ACC_PRIVACY],
        [["Show my first name on the charger display"], ["Only while using the app"]],
    ),
    A(
        "Screen says press the button",
        "Hi,\n\nI'm at the Voltway station in Flensburg (the old grey charger). I started the "
        "session in the app, but nothing happens and the screen says 'Press button'. Which "
        "button, and is there a time limit? Writing from the car.\n\nSent from my iPhone\n"
        "Gareth",
        [V1],
        [["green button"], ["60 seconds"]],
    ),
    A(
        "All sessions in one document for expenses",
        "Hi,\n\nMy employer reimburses charging and wants one document per month instead of "
        "twenty separate receipts. Is there a way to get a monthly overview from the app?\n\n"
        "Thanks,\nSophie Arnesen\nProject Manager, Bryggen Arkitekter",
        [REC_STATEMENT],
        [["Monthly statement"]],
    ),
    N(
        "Ioniq 5 at your Ultra stations",
        "Hi,\n\nI drive a 2023 Hyundai Ioniq 5 (800-volt system). Will it actually get the "
        "full 300 kW at your Ultra stations, or do your chargers need some kind of booster "
        "for 800 V cars? I'm planning a trip Stockholm-Hamburg.\n\nThanks\nAlex Morgan",
    ),
    N(
        "Integration with A Better Routeplanner",
        "Hello,\n\nI plan all my trips with A Better Routeplanner (ABRP). Is Voltway connected "
        "to ABRP so it can show live availability of your chargers and start a session from "
        "within ABRP? Or is there an API I could use?\n\nKind regards\nPeter Lund",
    ),
    N(
        "Station at Arlanda?",
        "Hi,\n\nI'm flying out of Stockholm Arlanda next week and would like to charge while "
        "I'm away. Do you have a station at Arlanda, and what's the exact address and which "
        "parking level is it on?\n\nBest\nKaren Doyle",
    ),
    N(
        "Megawatt charging for trucks",
        "Dear Voltway,\n\nWe operate eight electric trucks (Volvo FH Electric) between Hamburg "
        "and Gothenburg. Do you offer MCS megawatt charging for heavy trucks at any of your "
        "stations, and can trucks with trailers use your stations at all?\n\n"
        "Regards\nJens Möller\nTransport Planner, Nordlicht Spedition GmbH",
    ),
    N(
        "Benefit tax on workplace charging",
        "Hi,\n\nOur company in Sweden is thinking of paying for employees' charging at "
        "Voltway through a business account. Will the employees have to pay benefit tax "
        "(förmånsskatt) on the free charging, and how should it be reported to "
        "Skatteverket?\n\nBest regards\nLinda Ekström\nHR Director, Ekström Bygg AB",
    ),
    N(
        "Plug & Charge support",
        "Hello,\n\nWe are evaluating charging partners for our company car fleet (120 cars). "
        "Do Voltway chargers support ISO 15118 Plug & Charge, so that the car authenticates "
        "itself without card or app? Which contract certificates do you accept?\n\n"
        "Kind regards\nThomas Bergqvist\nSecurity Manager, Corporate IT\n"
        "Scandia Insurance Group",
    ),
    N(
        "Expansion to Finland?",
        "Hi,\n\nI read in the press last week that Voltway is planning to expand into Finland. "
        "When will the first stations in Helsinki open, and will there be fast chargers "
        "along the E4 up to Oulu?\n\nRegards\nMikael Sandberg",
    ),
    N(
        "Northern lights trip",
        "Hi there,\n\nWe are driving up to Tromsø in February to see the northern lights. "
        "Could you recommend a nice hotel there, ideally with a sauna, and tell us the best "
        "nights to see the aurora?\n\nThanks a lot!\nJenny & Mark",
    ),
    R(
        "privacy",
        "Subject access request (Article 15 GDPR)",
        "Dear Sir or Madam,\n\nUnder Article 15 of the GDPR I request a copy of all personal "
        "data Voltway holds about me, including my charging history, location data collected "
        "by the app and any data shared with partner networks, together with the purposes "
        "and retention periods. My account email is r.fenwick@proton.me.\n\nYours "
        "faithfully,\nRichard Fenwick",
    ),
    R(
        "security",
        "I can see someone else's charging sessions",
        "Hi,\n\nSomething is very wrong with my account. Under Sessions in the app I now see "
        "about a dozen charging sessions in Bergen and Stavanger with a car I have never "
        "owned, and a name that isn't mine on two of the receipts. I live in Malmö and "
        "have not been to Norway this year. Can other people see MY sessions and home "
        "address too?\n\nWorried,\nFiona Grant",
    ),
    R(
        "manager",
        "Third complaint - I want to speak to a manager",
        "This is now the third time I write about the same problem and every time I get a "
        "copy-paste answer. Your charger in Kolding has failed on me four times this month "
        "and I have wasted hours. I am not interested in another help article. I want a "
        "supervisor or manager to call me back personally this week, +45 22 41 88 90.\n\n"
        "Steven Clarke",
    ),
]

# --- Swedish ---------------------------------------------------------------------------------
EMAILS["sv"] = [
    A(
        "Vad kostar Plus?",
        "Hej!\n\nJag funderar på att gå över från Flex till Plus. Vad kostar Plus i månaden "
        "här i Sverige, och är jag bunden en viss tid eller kan jag säga upp det när jag "
        "vill?\n\nMvh\nAnders Lindqvist",
        [SV_PRICES, SV_CANCEL, faq("Hur säger jag upp Plus?"), PRICES_SE, CHANGE_PLUS],
        [
            ["129 kr", "SEK 129"],
            ["slutet av innevarande månad", "end of the current calendar month"],
        ],
    ),
    A(
        "Laddbox till villan - räcker vår säkring?",
        "Hej,\n\nVi vill beställa Voltway Home till vårt hus i Borås. Elektrikern som byggde "
        "om köket sa att vi har 3-fas men jag vet inte vilken huvudsäkring. Vad krävs för att "
        "ni ska kunna installera? Och hur lång tid tar det från beställning till "
        "installation?\n\nTack på förhand\nKarin Svensson",
        [HOME_REQ, HOME_PRICE],
        [["16 A"], ["3 veckor"]],
    ),
    A(
        "Grön teknik-avdrag",
        "Hej Voltway,\n\nFår man skattereduktion för grön teknik på er hemmaladdare, och hur "
        "mycket i så fall? Måste jag själv söka hos Skatteverket efteråt?\n\n"
        "Vänliga hälsningar\nPer-Olof Nyberg",
        [HOME_GRON],
        [["50 %", "50%"], ["direkt på fakturan"]],
    ),
    A(
        "Laddbricka i stället för kort?",
        "Hej!\n\nJag tappar alltid bort kort. Har ni något som man kan sätta på nyckelringen "
        "i stället, och vad kostar det? Jag har inget laddkort sedan tidigare.\n\n/Emma",
        [SV_BRICKA],
        [["49 kr"]],
    ),
    A(
        "Betala med Swish",
        "Hej,\n\nGår det att betala laddningen med Swish i stället för kort? Var lägger jag i "
        "så fall till det i appen?\n\nHälsningar\nMohammed Al-Sayed",
        [SV_SWISH, faq("Kan jag betala med Swish?"), APP_PAY],
        [["Swish"], ["Betalsätt", "Payment methods"]],
    ),
    A(
        "Fakturering för företagskonto",
        "Hej,\n\nVi har precis öppnat ett Voltway Business-konto för våra sex tjänstebilar. "
        "När kommer fakturan varje månad, vilka betalningsvillkor gäller och kan vi få den "
        "som e-faktura via Peppol till vårt affärssystem?\n\nMed vänlig hälsning\n"
        "Ulrika Strand\nEkonomichef\nStrand & Söner Rör AB",
        [BIZ_INVOICE],
        [["30 days", "30 dagar"], ["Peppol"]],
    ),
    N(
        "Voltway Home och Tibber",
        "Hej,\n\nVi har Tibber som elavtal och solceller på taket. Kan Voltway Home styras "
        "från Tibber-appen så att bilen laddar när elpriset är lägst eller när solcellerna "
        "producerar överskott?\n\nMvh\nJohan Ekdahl",
    ),
    N(
        "Tesla Model S 2016",
        "Hej,\n\nJag har en Tesla Model S från 2016 (europeisk modell). Kan jag snabbladda "
        "den på era DC-laddare, och behöver jag köpa någon adapter i så fall?\n\n"
        "Tack!\nLinnea Holmberg",
    ),
    R(
        "privacy",
        "Begäran om registerutdrag enligt GDPR",
        "Hej,\n\nJag begär härmed ett registerutdrag enligt artikel 15 i "
        "dataskyddsförordningen (GDPR) över alla personuppgifter som Voltway behandlar om "
        "mig, inklusive laddhistorik och positionsdata, samt information om vilka ni delar "
        "uppgifterna med.\n\nMed vänliga hälsningar\nBirgitta Åkesson\nStorgatan 14, "
        "582 23 Linköping",
    ),
    R(
        "safety",
        "Kabeln smälte vid laddaren i Örebro",
        "Hej,\n\nIgår kväll när jag laddade vid er station i Örebro (laddare SE-3307-B) luktade "
        "det bränt och när jag drog ur kabeln var handtaget delvis smält och det kom "
        "gnistor. Jag tryckte på nödstoppet. Bilens laddlucka är nu svart. Laddaren verkar "
        "fortfarande vara i drift för andra! Vem tar hand om skadan?\n\nVänligen\n"
        "Fredrik Olsson\n070-312 45 67",
    ),
]

# --- German ----------------------------------------------------------------------------------
EMAILS["de"] = [
    A(
        "Preise Plus in Deutschland",
        "Guten Tag,\n\nich lade fast nur an Schnellladern auf der A7 zwischen Hamburg und "
        "Kassel. Was kostet die kWh an DC-Ladern mit Plus, und wie hoch ist die monatliche "
        "Grundgebühr?\n\nMit freundlichen Grüßen\nKlaus Petersen",
        [DE_PRICES, PRICES_DE, DOCX_PRICES],
        [["0,52", "0.52"], ["11,99", "11.99"]],
    ),
    A(
        "Messdaten prüfen",
        "Hallo Voltway-Team,\n\nich habe die signierten Messdaten meines Ladevorgangs in "
        "Hannover heruntergeladen. Mit welchem Programm kann ich die Datei prüfen, und in "
        "welchem Format liegt sie vor?\n\nViele Grüße\nDr. Anja Richter\n"
        "Fachbereichsleiterin, Stadtwerke-Beratung Richter",
        [EICH_CHECK, EICH_APP],
        [["S.A.F.E."], ["OCMF"]],
    ),
    A(
        "Blockiergebühr auf meinem Beleg",
        "Sehr geehrte Damen und Herren,\n\nauf meinem Beleg vom 2. November (Schnelllader "
        "Leipzig-Nord) steht eine Blockiergebühr von 9,00 €. Ab wann wird diese Gebühr "
        "berechnet und wie hoch ist sie pro Minute?\n\nMit freundlichen Grüßen\n"
        "Sabine Krüger",
        [DE_BLOCK, IDLE, DOCX_FEES],
        [["0,30", "0.30"], ["15 Minuten", "15 minutes"]],
    ),
    A(
        "Beleg nach Ad-hoc-Laden",
        "Hallo,\n\nich habe gestern ohne App mit meiner girocard am Terminal in Bremen "
        "geladen und vergessen, den Beleg zu speichern. Kann ich ihn noch abrufen, und wie "
        "lange geht das?\n\nGruß\nTobias Wagner",
        [ADHOC_BELEG],
        [["30 Tage"], ["beleg.voltway.de"]],
    ),
    A(
        "Firmendaten auf Belegen",
        "Guten Tag,\n\nich bin selbstständiger Handelsvertreter und lade meinen Firmenwagen "
        "über mein privates Voltway-Konto. Wo kann ich Firmenname und USt-IdNr. eintragen, "
        "damit sie auf den Belegen stehen? Und mit welchem Mehrwertsteuersatz rechnen Sie "
        "in Deutschland ab?\n\nBeste Grüße\nMarkus Hoffmann\nHoffmann Vertrieb e.K.",
        [DE_FIRMA, DE_MWST, REC_COMPANY, REC_VAT],
        [["Rechnungsdaten", "Billing details"], ["19 %", "19%"]],
    ),
    A(
        "Datenschutz-Einstellungen in der App",
        "Hallo,\n\nich möchte in der App einstellen, dass mein Standort nicht ständig "
        "verwendet wird, und keine Marketing-E-Mails bekommen. Wo finde ich die "
        "Datenschutz-Einstellungen?\n\nDanke und Grüße\nLena Schubert",
        [ACC_PRIVACY],
        [["Profile > Settings > Privacy"]],
    ),
    N(
        "THG-Quote",
        "Hallo,\n\nkann ich meine THG-Quote für 2026 über Voltway verkaufen, oder rechnet "
        "Voltway die an Ihren Ladesäulen geladenen Mengen irgendwie mit der THG-Prämie "
        "an?\n\nViele Grüße\nStefan Braun",
    ),
    N(
        "Plug & Charge mit ID.4",
        "Guten Tag,\n\nunterstützen Ihre Ladesäulen Plug & Charge? Ich fahre einen VW ID.4 "
        "mit We Charge-Vertrag und würde gerne einfach einstecken und laden, ohne Karte oder "
        "App.\n\nMit freundlichen Grüßen\nJürgen Vogel",
    ),
    N(
        "Geldwerter Vorteil beim Laden",
        "Sehr geehrte Damen und Herren,\n\nunsere Mitarbeiter laden ihre Dienstwagen mit "
        "Voltway-Karten, die das Unternehmen bezahlt. Ist das Laden an Ihren Säulen als "
        "geldwerter Vorteil zu versteuern, und wie setzen wir das in der Lohnabrechnung "
        "an?\n\nMit freundlichen Grüßen\nPetra Neumann\nPersonalabteilung, Neumann "
        "Haustechnik GmbH",
    ),
    R(
        "privacy",
        "Löschung meiner Daten gemäß Art. 17 DSGVO",
        "Sehr geehrte Damen und Herren,\n\nhiermit verlange ich gemäß Art. 17 DSGVO die "
        "unverzügliche Löschung sämtlicher personenbezogener Daten, die Sie über mich "
        "gespeichert haben, einschließlich Ladehistorie und Standortdaten. Bitte bestätigen "
        "Sie mir die Löschung schriftlich innerhalb der gesetzlichen Frist.\n\n"
        "Mit freundlichen Grüßen\nWolfgang Lehmann",
    ),
    R(
        "security",
        "Konto gehackt?",
        "Hallo,\n\nich kann mich seit heute Morgen nicht mehr in die App einloggen, mein "
        "Passwort wird abgelehnt. Per E-Mail kam eine Nachricht, dass meine E-Mail-Adresse "
        "geändert wurde - das war ich nicht! In dem Konto ist meine Kreditkarte hinterlegt. "
        "Bitte sperren Sie das Konto sofort.\n\nDringend\nJulia Schneider\n0171 5523 901",
    ),
]

# --- Norwegian -------------------------------------------------------------------------------
EMAILS["no"] = [
    A(
        "Vipps og pris for hurtiglading",
        "Hei!\n\nKan jeg betale med Vipps i Voltway-appen? Og hva koster hurtiglading (DC) "
        "per kWh uten abonnement her i Norge nå?\n\nMvh\nKristoffer Dahl",
        [APP_PAY, PRICES_NO, DOCX_PRICES, f"{CHANGELOG}#2026-01-15"],
        [["Vipps"], ["5.90", "5,90"]],
    ),
    A(
        "Gebyr på vanlig lader?",
        "Hei,\n\nJeg sto parkert ved en av deres AC-ladere i Drammen over natten og fikk et "
        "gebyr. Jeg trodde gebyr bare gjaldt hurtigladere? Hvordan fungerer dette i "
        "Norge?\n\nHilsen\nSiri Haugen",
        [IDLE_NO, DOCX_NOTES],
        [["NOK 1"], ["4 hours", "4 timer"]],
    ),
    A(
        "Hjemmelader til huset i Bærum",
        "Hei,\n\nKan vi kjøpe og få installert Voltway Home hos oss i Bærum? Vi har hørt at "
        "den er god.\n\nVennlig hilsen\nTorunn Bakke",
        [HOME_ONLY, faq("Säljer ni hemmaladdare i Norge eller Danmark?")],
        [["endast i Sverige", "only in Sweden", "bare i Sverige"]],
    ),
    A(
        "Når kommer ladekortet?",
        "Hei,\n\nJeg bestilte ladekort i appen i går. Hvor lang tid tar det før det kommer i "
        "posten her i Tromsø?\n\nTakk\nEirik Nilsen",
        [CARD_ORDER, faq("How long does it take to get my charging card?")],
        [["3–5"]],
    ),
    A(
        "Prisøkning",
        "Hei,\n\nJeg la merke til at prisene gikk opp i september. Hvor lang tid i forveien "
        "varsler dere om prisendringer, og hvilken pris gjelder hvis jeg starter lading "
        "rett før en endring?\n\nMvh\nGunnar Lie",
        [PRICE_CHANGES, TERMS_PRICES],
        [["30 days", "30 dager"]],
    ),
    A(
        "Business Plus for våre biler",
        "Hei,\n\nVi er et lite rørleggerfirma i Kristiansand med sju servicebiler. Hva koster "
        "Business Plus per kort i måneden i Norge?\n\nMed vennlig hilsen\nOle Martin "
        "Solheim\nDaglig leder, Solheim Rør AS",
        [BIZ_PLANS, DOCX_FEES],
        [["NOK 99"]],
    ),
    N(
        "Enova-støtte til borettslaget",
        "Hei,\n\nBorettslaget vårt i Oslo vurderer å sette opp ladepunkter i garasjen. Kan "
        "dere hjelpe oss å søke Enova-støtte, og hvor mye kan vi få?\n\nHilsen\n"
        "Ingrid Moe\nStyreleder, Tåsen Borettslag",
    ),
    N(
        "Elton-appen",
        "Hei,\n\nJeg bruker Elton-appen til all lading. Kan jeg starte og betale lading på "
        "Voltway-stasjoner gjennom Elton, og får jeg i så fall Plus-pris?\n\nMvh\nHåkon Berg",
    ),
]

# --- Danish ----------------------------------------------------------------------------------
EMAILS["da"] = [
    A(
        "MobilePay og Plus",
        "Hej,\n\nKan man betale med MobilePay i jeres app? Og hvad koster Plus om måneden i "
        "Danmark?\n\nVenlig hilsen\nMette Sørensen",
        [APP_PAY, PRICES_DK, DOCX_PRICES, GS_SHORT, f"{CHANGELOG}#2026-06-02"],
        [["MobilePay"], ["DKK 89", "89 DKK", "89 kr"]],
    ),
    A(
        "Opladning i Tyskland mangler",
        "Hej Voltway,\n\nJeg ladede to gange hos en partner i Tyskland for 10 dage siden med "
        "mit Voltway-kort, men opladningerne står stadig ikke i appen. Hvornår kommer de, "
        "og kan de stadig dukke op om flere uger?\n\nMed venlig hilsen\nRasmus Kjær",
        [ROAM_WHEN],
        [["48 hours", "48 timer"], ["30 days", "30 dage"]],
    ),
    A(
        "Ekstra ladekort",
        "Hej,\n\nMin kone skal også have et ladekort på vores konto. Hvad koster et ekstra "
        "kort i Danmark?\n\nMvh\nJesper Nielsen",
        [CARD_ORDER, DOCX_FEES],
        [["DKK 39"]],
    ),
    A(
        "Kan ikke starte opladning",
        "Hej,\n\nAppen siger, at jeg ikke kan starte en opladning, fordi der er en åben "
        "betaling. Mit kort var udløbet. Hvornår prøver I at trække pengene igen, og kan jeg "
        "selv betale med det samme, så jeg kan lade i dag?\n\nHilsen\nLouise Andersen",
        [REC_FAILED],
        [["2 and 5 days", "2 og 5 dage"], ["Open payments"]],
    ),
    N(
        "Refusion af elafgift",
        "Hej,\n\nVi er en momsregistreret virksomhed i Aarhus. Kan vi få refunderet elafgiften "
        "for de kWh, vores firmabiler lader hos jer, og viser jeres fakturaer elafgiften "
        "separat?\n\nMed venlig hilsen\nAnders Poulsen\nBogholder, Poulsen VVS ApS",
    ),
    N(
        "Station ved Storebælt",
        "Hej,\n\nHar I en ladestation ved Storebæltsbroen, f.eks. i Korsør eller Nyborg? Hvad "
        "er den præcise adresse, og er der toilet og café?\n\nTak\nCamilla Holm",
    ),
    R(
        "press",
        "Henvendelse fra DR Nyheder",
        "Hej,\n\nJeg er journalist på DR Nyheder og arbejder på en historie om ladestationer, "
        "der står ude af drift i vinterperioden. Kan jeg få et interview med jeres "
        "administrerende direktør eller en talsperson i denne uge, og har I tal for "
        "oppetiden på jeres danske stationer?\n\nVenlig hilsen\nSofie Lauridsen\n"
        "Journalist, DR Nyheder\n+45 35 20 30 40",
    ),
]

# --- Finnish ---------------------------------------------------------------------------------
EMAILS["fi"] = [
    A(
        "Pikalatauksen hinta Ruotsissa",
        "Hei,\n\nAjamme ensi kuussa Haaparannalta Tukholmaan. Paljonko pikalataus (DC) "
        "maksaa Voltwayn asemilla Ruotsissa ilman kuukausimaksua?\n\nTerveisin\n"
        "Jukka Virtanen",
        [PRICES_SE, SV_PRICES, DOCX_PRICES],
        [["6.50", "6,50"]],
    ),
    A(
        "Plus-tilauksen lopettaminen",
        "Hei,\n\nHaluan lopettaa Plus-tilaukseni. Miten se tehdään ja milloin se päättyy?\n\n"
        "Ystävällisin terveisin\nAnna Korhonen",
        [CHANGE_PLUS, faq("How do I cancel Plus?"), TERMS_PLUS],
        [["Cancel Plus"], ["end of the current calendar month"]],
    ),
    A(
        "Lataus katkesi 45 minuutin jälkeen",
        "Hei,\n\nLatasin Voltwayn asemalla Uumajassa ja lataus loppui itsestään tasan 45 "
        "minuutin kohdalla, vaikka akku oli vasta 70 %. Onko laturissa vika?\n\n"
        "Terveisin\nMatti Lehtonen",
        [ST_LIMIT, STOPPED_EARLY],
        [["45 minutes", "45 min"]],
    ),
    N(
        "Laturin varaaminen etukäteen",
        "Hei,\n\nVoiko Voltwayn sovelluksella varata laturin etukäteen tiettyyn kellonaikaan? "
        "Ajamme perjantaina Oslosta Trondheimiin ja haluaisimme varmistaa, että laturi on "
        "vapaana Dombåsissa klo 14.\n\nKiitos\nPekka Mäkinen",
    ),
    N(
        "Käytetyn auton myynti",
        "Hei,\n\nMyyn vanhan dieselautoni ennen kuin ostan sähköauton. Ostatteko käytettyjä "
        "autoja tai tiedättekö luotettavan liikkeen Turussa?\n\nTerveisin\nRiikka Salo",
    ),
    R(
        "job",
        "Työhakemus: sähköasentaja",
        "Hei,\n\nOlen sähköasentaja, jolla on 8 vuoden kokemus latausasemien asennuksesta ja "
        "huollosta, ja muutan Tukholmaan keväällä. Haen huoltoteknikon paikkaa Voltwaylta. "
        "CV ja suosittelijat liitteenä.\n\nYstävällisin terveisin\nVille Heikkinen",
    ),
]

# --- French ----------------------------------------------------------------------------------
EMAILS["fr"] = [
    A(
        "Recharge avec ma carte française",
        "Bonjour,\n\nNous partons en vacances en Suède cet été. Ma carte de recharge est "
        "celle de mon fournisseur français, pas Voltway. Si je recharge à une borne Voltway, "
        "quel prix vais-je payer et qui me facturera ?\n\nCordialement,\nIsabelle Martin",
        [ROAM_FOREIGN],
        [["set by your card provider"]],
    ),
    A(
        "Payer sans application en Allemagne",
        "Bonjour,\n\nJe traverse l'Allemagne en voiture électrique la semaine prochaine et je "
        "n'ai pas de compte Voltway. Est-ce que je peux payer directement à la borne avec "
        "Apple Pay ? Combien sera bloqué sur ma carte ?\n\nMerci d'avance,\nJulien Moreau",
        [ADHOC_PAY, ADHOC_HOW, faq("Kann ich ohne App laden?")],
        [["Apple Pay"], ["50 €"]],
    ),
    A(
        "Caution de sécurité pour notre compte entreprise",
        "Bonjour,\n\nNotre filiale allemande (créée en mai 2026 à Cologne) a demandé un compte "
        "Voltway Business. On nous demande une caution (security deposit). Quel est le "
        "montant en Allemagne et pourrons-nous la récupérer plus tard ?\n\nBien à vous,\n"
        "Claire Lefèvre\nDirectrice administrative et financière\nLefèvre Logistique SAS",
        [BIZ_DEPOSIT],
        [["EUR 500"], ["12 months", "30 days"]],
    ),
    N(
        "Renault Zoe 2019",
        "Bonjour,\n\nJ'ai une Renault Zoe de 2019 (R110). Est-elle compatible avec vos bornes "
        "rapides, et à quelle puissance maximale chargera-t-elle ? On m'a dit que certaines "
        "Zoe n'ont pas la prise CCS.\n\nCordialement\nPhilippe Garnier",
    ),
    R(
        "partnership",
        "Partenariat - bornes pour nos hôtels",
        "Bonjour,\n\nJe suis responsable du développement d'une chaîne de 14 hôtels en "
        "Allemagne et au Danemark. Nous aimerions installer des bornes Voltway sur nos "
        "parkings dans le cadre d'un partenariat (partage de revenus, visibilité dans votre "
        "application). Qui est la bonne personne à contacter ?\n\nBien cordialement,\n"
        "Antoine Rousseau\nDirecteur du développement, Hôtels Lumière Europe",
    ),
]

# --- Dutch -----------------------------------------------------------------------------------
EMAILS["nl"] = [
    A(
        "Blokkeerkosten in Denemarken",
        "Hallo,\n\nWe gaan deze zomer met de camper en de EV naar Denemarken. Hoeveel kost het "
        "per minuut als de auto na het snelladen aan de lader blijft staan, en is er een "
        "maximum per sessie?\n\nGroeten,\nPieter de Vries",
        [IDLE, DOCX_FEES],
        [["DKK 2"], ["DKK 200"]],
    ),
    A(
        "Plus in Duitsland",
        "Goedendag,\n\nIk woon in Aken en laad vaak bij Voltway in Keulen. Wat kost Plus per "
        "maand in Duitsland en kan ik maandelijks opzeggen?\n\nMet vriendelijke groet,\n"
        "Sanne Bakker",
        [PRICES_DE, DE_PRICES, DOCX_PRICES, CHANGE_PLUS, DE_CANCEL],
        [
            ["11.99", "11,99"],
            ["end of the current calendar month", "Ende des laufenden Kalendermonats"],
        ],
    ),
    A(
        "App op oude iPhone",
        "Hoi,\n\nMijn vader heeft een oudere iPhone met iOS 15. Werkt de Voltway-app daarop, "
        "of welke versie is nodig?\n\nBedankt!\nDaan Visser",
        [APP_GET],
        [["iOS 16"]],
    ),
    N(
        "Bidirectioneel laden (V2G)",
        "Hallo,\n\nOndersteunen jullie laders bidirectioneel laden (vehicle-to-grid)? Ik heb "
        "een Nissan Leaf en zou graag stroom terugleveren als ik lang bij een station sta.\n\n"
        "Met vriendelijke groet,\nThijs Jansen",
    ),
    R(
        "privacy",
        "Inzageverzoek AVG",
        "Geachte heer/mevrouw,\n\nOp grond van artikel 15 van de AVG verzoek ik u om inzage "
        "in alle persoonsgegevens die Voltway over mij verwerkt, inclusief laadhistorie, "
        "locatiegegevens en gegevens die met roamingpartners zijn gedeeld.\n\n"
        "Hoogachtend,\nM. van den Berg",
    ),
]

# --- Spanish ---------------------------------------------------------------------------------
EMAILS["es"] = [
    A(
        "¿Necesito mi propio cable?",
        "Hola,\n\nVoy a alquilar un coche eléctrico en Copenhague. ¿Necesito llevar mi propio "
        "cable para cargar en vuestras estaciones, tanto en las rápidas como en las "
        "normales?\n\nGracias,\nLucía Fernández",
        [ST_CONNECTORS, faq("Do I need my own charging cable?")],
        [["Type 2"], ["attached"]],
    ),
    A(
        "Descargar recibos",
        "Buenos días,\n\nNecesito los recibos de mis cargas de octubre para mi empresa. ¿Dónde "
        "los encuentro en la aplicación?\n\nUn saludo,\nJavier Ruiz\nIngeniero comercial, "
        "Iberovolt S.L.",
        [REC_EACH, DE_BELEG],
        [["Profile > Receipts", "Profil > Belege"]],
    ),
    N(
        "Autoescuela en Estocolmo",
        "Hola,\n\nMe acabo de mudar a Estocolmo y necesito sacarme el carnet de conducir "
        "sueco. ¿Me podéis recomendar una autoescuela que dé clases en español?\n\n"
        "Gracias,\nCarmen López",
    ),
    R(
        "security",
        "Alguien está usando mi tarjeta",
        "Hola,\n\nEn la aplicación aparecen tres cargas en Hamburgo con mi tarjeta de carga "
        "de esta semana, pero yo estoy en Malmö y tengo la tarjeta en la cartera. Alguien "
        "la ha copiado o está usando mi cuenta. ¿Qué hacéis en estos casos? No quiero pagar "
        "esas cargas.\n\nSaludos,\nAlejandro Torres",
    ),
]

# --- Italian ---------------------------------------------------------------------------------
EMAILS["it"] = [
    A(
        "Prezzo DC con Plus in Danimarca",
        "Buongiorno,\n\nmi trasferisco a Copenaghen per lavoro. Con l'abbonamento Plus quanto "
        "costa al kWh la ricarica rapida (DC) in Danimarca?\n\nCordiali saluti\n"
        "Giulia Conti",
        [PRICES_DK, DOCX_PRICES],
        [["3.29", "3,29"]],
    ),
    A(
        "Ricarica lenta verso la fine",
        "Ciao,\n\nquando carico da voi la potenza è alta all'inizio ma poi scende moltissimo. "
        "Da che percentuale è normale che rallenti? Conviene aspettare fino al 100%?\n\n"
        "Grazie\nLuca Ferri",
        [ST_SLOW],
        [["80%"]],
    ),
    N(
        "Corso di cucina",
        "Buongiorno,\n\nvorrei iscrivermi al vostro corso di cucina svedese di dicembre. "
        "Ci sono ancora posti liberi e quanto costa?\n\nGrazie\nFrancesca Greco",
    ),
    R(
        "legal",
        "Diffida - danni alla vettura",
        "Spett.le Voltway AB,\n\nin nome e per conto del mio assistito, sig. Marco Rinaldi, "
        "Vi comunico che il 14 ottobre 2026 presso la Vostra stazione di Amburgo-Harburg la "
        "vettura del mio assistito ha subito un danno al sistema di ricarica. Vi diffido "
        "formalmente a risarcire il danno, quantificato in EUR 4.850, entro 15 giorni, in "
        "mancanza procederemo per le vie legali.\n\nAvv. Paolo Esposito\n"
        "Studio Legale Esposito, Milano",
    ),
]

# --- Polish ----------------------------------------------------------------------------------
EMAILS["pl"] = [
    A(
        "Karta do ładowania w Niemczech",
        "Dzień dobry,\n\nPracuję w Berlinie i zamówiłem wczoraj kartę Voltway. Ile dni trwa "
        "dostawa w Niemczech?\n\nPozdrawiam\nPiotr Kowalski",
        [CARD_ORDER, faq("How long does it take to get my charging card?")],
        [["5–8"]],
    ),
    N(
        "Zniżka dla taksówkarzy",
        "Dzień dobry,\n\njeżdżę taksówką elektryczną w Sztokholmie i ładuję codziennie. Czy "
        "macie specjalną zniżkę lub abonament dla kierowców taksówek i Ubera?\n\n"
        "Pozdrawiam\nTomasz Wiśniewski",
    ),
    R(
        "safety",
        "Iskry z ładowarki",
        "Dzień dobry,\n\ndziś rano na stacji Voltway w Rostocku z wtyczki ładowarki poszły "
        "iskry, a kabel był bardzo gorący. Samochód przestał się ładować i na desce "
        "rozdzielczej pojawił się błąd układu wysokiego napięcia. Ładowarka nadal działa dla "
        "innych kierowców. Proszę o pilny kontakt.\n\nAgnieszka Nowak\n+48 601 223 445",
    ),
]

# --- Portuguese ------------------------------------------------------------------------------
EMAILS["pt"] = [
    A(
        "Ativar o cartão",
        "Olá,\n\nRecebi hoje o meu cartão de carregamento Voltway aqui em Estocolmo. Como o "
        "ativo na aplicação? Que número devo introduzir?\n\nObrigado,\nRafael Souza",
        [CARD_ACTIVATE, SV_ACTIVATE],
        [["VW-"]],
    ),
    N(
        "Pneus de inverno",
        "Olá,\n\nonde posso comprar pneus de inverno para o meu carro elétrico em Oslo? E "
        "quando é obrigatório usá-los na Noruega?\n\nCumprimentos,\nBeatriz Almeida",
    ),
    R(
        "privacy",
        "Pedido de apagamento de dados (RGPD)",
        "Exmos. Senhores,\n\nAo abrigo do artigo 17.º do RGPD, solicito o apagamento de todos "
        "os meus dados pessoais tratados pela Voltway, incluindo o histórico de "
        "carregamentos e os dados de localização. Peço confirmação por escrito.\n\n"
        "Com os melhores cumprimentos,\nJoão Pereira",
    ),
]


def main() -> None:
    write_emails(EMAILS, OUT, id_prefix="charging-")


if __name__ == "__main__":
    main()
