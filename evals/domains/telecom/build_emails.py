"""Labelled evaluation emails for the telecom knowledge base (Fjordnet, kb/ beside this file).

Writes emails.jsonl beside this file:

    cd /work/main && .venv/bin/python evals/domains/telecom/build_emails.py

Each email is written as a Python literal below: a(...) the knowledge base answers it,
n(...) a plausible question it does not answer (or one that is off-topic), r(...) one that
needs a person. Ids are "<language>-<number>"; the split alternates dev/test within each
(language, expect) group (the same rule as evals/tools/build_sample_set.py).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

OUT = Path(__file__).resolve().parent / "emails.jsonl"


class Entry(NamedTuple):
    expect: str
    subject: str
    body: str
    gold_sources: list[str]
    key_facts: list[list[str]]
    route_reason: str | None


def a(subject: str, body: str, gold: list[str], facts: list[list[str]]) -> Entry:
    """The knowledge base answers it."""
    return Entry("answer", subject, body, list(dict.fromkeys(gold)), facts, None)


def n(subject: str, body: str) -> Entry:
    """Not answered by the knowledge base (close to it, or off-topic): abstain."""
    return Entry("abstain", subject, body, [], [], None)


def r(reason: str, subject: str, body: str) -> Entry:
    """A person must handle it."""
    return Entry("route", subject, body, [], [], reason)


# --- gold sources: every section that answers the question (translations, near-duplicates) -------
PRICE_LIST = ["docs/price-list-2026.pdf"]
PLANS_NO = ["help/mobile-plans.md#Plans in Norway", "no/mobilabonnement.md#Priser"]
PLANS_DK = ["help/mobile-plans.md#Plans in Denmark", "da/mobilabonnementer.md#Priser"]
STUDENT = ["faq.csv#Do you have a student discount?"]
ROLLOVER = [
    "help/mobile-plans.md#Data rollover",
    "no/mobilabonnement.md#Rollover av data",
    "da/mobilabonnementer.md#Rollover af data",
]
EXTRA_DATA = [
    "help/mobile-plans.md#Extra data",
    "no/mobilabonnement.md#Ekstra data",
    "da/mobilabonnementer.md#Ekstra data",
]
EXTRA_DATA_FAQ_NO = ["faq.csv#Hva koster ekstra data?"]
CHANGE_PLAN = [
    "help/mobile-plans.md#Changing plan",
    "no/mobilabonnement.md#Bytte abonnement",
    "da/mobilabonnementer.md#Skift abonnement",
]
EU = ["help/roaming.md#EU/EEA (Roam Like at Home)"]
EU_NO = ["no/roaming.md#EU/EØS"]
UK_CH = ["help/roaming.md#Switzerland and the UK"]
UK_CH_NO = ["no/roaming.md#Sveits og Storbritannia"]
TRAVEL_PASS = [
    "help/roaming.md#Outside Europe > Travel Pass",
    "web/travel-pass.html#Zones and prices",
]
TRAVEL_PASS_NO = ["no/roaming.md#Utenfor Europa"]
TRAVEL_PASS_BUY = ["web/travel-pass.html#How to buy a Travel Pass"]
COST_CAP = ["help/roaming.md#Outside Europe > Cost cap", "help/whats-new.md#2026-08-27"]
SHIPS = [
    "help/roaming.md#Outside Europe > Ships and aircraft",
    "no/roaming.md#På båt og fly",
    "faq.csv#Can I use my phone on a cruise ship?",
]
FAROE = ["faq.csv#Kan jeg bruge mit abonnement på Færøerne?"]
ESIM_SWITCH = ["help/esim.md#Getting an eSIM", "help/switching-to-esim.md#How to switch"]
ESIM_MOVE = ["help/esim.md#Moving your eSIM to a new phone"]
WATCH = ["help/esim.md#eSIM for smartwatches"]
PIN = ["help/pin-puk-and-sim-lock.md#PIN code"]
PUK = [
    "help/pin-puk-and-sim-lock.md#PUK code",
    "faq.csv#Where do I find my PUK code?",
    "help/my-fjordnet-app.md#What you can do in the app",
]
BLOCKED = ["help/pin-puk-and-sim-lock.md#Blocked SIM card"]
PORT_IN = ["faq.csv#Can I keep my number when I switch to Fjordnet?"]
PORT_NO = ["help/number-porting.md#Moving your number to Fjordnet in Norway"]
PORT_DK = ["help/number-porting.md#Moving your number to Fjordnet in Denmark"]
PORT_PREPAID = ["help/number-porting.md#Prepaid numbers"]
PORT_AWAY = ["help/number-porting.md#Leaving Fjordnet with your number"]
INVOICE_DATES = ["help/invoices.md#When you get your invoice"]
INVOICE_FEE = ["help/invoices.md#Invoice fee"]
PAPER_FAQ = ["faq.csv#How much does a paper invoice cost?"]
INVOICE_EXPORT = ["help/invoices.md#Downloading and exporting invoices"]
USAGE = ["help/invoices.md#Usage details"]
PAY_METHODS = ["help/payment.md#Payment methods"]
DIRECT_DEBIT = ["help/payment.md#Direct debit and automatic card payment"]
BS_DA = [
    "da/betaling.md#Tilmelding til Betalingsservice",
    "faq.csv#Hvordan tilmelder jeg mig Betalingsservice?",
]
LATE = ["help/payment.md#Late payment and reminders"]
LATE_DA = ["da/betaling.md#Forfaldsdato og rykkere"]
POSTPONE = ["help/payment.md#Postponing a payment"]
FIBRE_PRICES = ["help/fibre-broadband.md#Speeds and prices"]
FIBRE_INSTALL = [
    "help/fibre-broadband.md#Ordering and installation",
    "faq.csv#How long does it take to get fibre installed?",
]
BINDING = ["help/fibre-broadband.md#Binding period", "help/cancel-subscription.md#Binding period"]
BINDING_DA = ["da/opsigelse.md#Binding"]
G5_WHAT = ["help/5g-home.md#What you get", "web/da/5g-hjem.html#Det får du"]
G5_WHERE = [
    "help/5g-home.md#Where you can use 5G Home",
    "web/da/5g-hjem.html#Hvor kan du bruge 5G Hjem?",
]
WIFI_DEFAULT = ["help/router-and-wifi.md#Wi-Fi name and password"]
WIFI_CHANGE = [
    "help/router-and-wifi.md#Changing the Wi-Fi name or password",
    "faq.csv#How do I change my Wi-Fi password?",
]
RESET = ["help/router-and-wifi.md#Restarting and resetting the router"]
GUEST = ["help/router-and-wifi.md#Guest network"]
MESH = ["help/router-and-wifi.md#Mesh for better Wi-Fi"]
OWN_ROUTER = ["help/router-and-wifi.md#Using your own router", "faq.csv#Can I use my own router?"]
OUTAGE_STATUS = ["help/outages-and-faults.md#Check for known outages"]
FAULT = ["help/outages-and-faults.md#Reporting a fault"]
COMPENSATION = ["help/outages-and-faults.md#Compensation for outages"]
WIFI_CALLING = ["help/coverage.md#Wi-Fi calling"]
THREE_G = ["help/coverage.md#The 3G network has closed"]
MOVE_TELL = ["help/moving-home.md#Tell us about your move", "web/no/flytting.html#Meld flytting"]
MOVE_FIBRE = [
    "help/moving-home.md#Fibre at your new address",
    "web/no/flytting.html#Fiber på ny adresse",
]
CANCEL_HOW = ["help/cancel-subscription.md#How to cancel", "da/opsigelse.md#Sådan opsiger du"]
NOTICE = ["help/cancel-subscription.md#Notice period"]
NOTICE_DA = ["da/opsigelse.md#Opsigelsesvarsel"]
NOTICE_FAQ_NO = ["faq.csv#Hvordan sier jeg opp abonnementet?"]
RETURN = [
    "help/cancel-subscription.md#Returning equipment",
    "da/opsigelse.md#Returnering af udstyr",
]
DATA_SHARE = ["help/whats-new.md#2026-10-14"]
HYTTE_PAUSE = ["no/fjordnet-hytte.md#Pause i abonnementet"]
FAMILY_DA = ["da/familierabat.md#Sådan virker familierabatten"]
DATA_SIM = ["faq.csv#Can I get an extra SIM card for my tablet or car?"]
BUSINESS_PLANS = ["docs/fjordnet-business-guide.docx#Business mobile plans"]

# --- English -------------------------------------------------------------------------------------
EN: list[Entry] = [
    a(
        "Moving to Oslo - which plan and is there a discount?",
        """Hi there,

I'm moving from Manchester to Oslo in January for a master's at UiO and I'll need a Norwegian
number. Your Plus 30 GB looks like what I need. What does it cost per month? I'm 23, a friend
said there's some kind of discount for young people, is that right and how much is it?

Cheers,
Tom Whitaker""",
        PLANS_NO + STUDENT,
        [["NOK 399", "kr 399"], ["NOK 100", "kr 100"]],
    ),
    a(
        "Basic plan in Edinburgh?",
        """Hello,

I live in Copenhagen and have your Basic 10 GB (Danish subscription). I'm going to a
conference in Edinburgh for four days in March. Is the UK included like the EU, or do I pay
extra? I'd rather not come home to a huge bill.

Best regards,
Karen Holm
Senior Consultant, Nordlys Rådgivning ApS""",
        UK_CH,
        [["DKK 35"]],
    ),
    a(
        "10 days in New York on Unlimited",
        """Hi Fjordnet,

My wife and I are flying to New York on 3 November for 10 days. We both have Unlimited
(Norwegian subscriptions, billed in NOK). What is the cheapest way to use data there? I saw
something about Travel Pass but don't understand what it costs per day and whether Unlimited
gives us anything for free.

Thanks in advance,
Erik Lunde""",
        TRAVEL_PASS + TRAVEL_PASS_NO,
        [["NOK 79", "kr 79"], ["5 free"]],
    ),
    a(
        "Mediterranean cruise - is it covered by EU roaming?",
        """Good afternoon,

My parents (both on Plus 30 GB, Norway) are going on a cruise around Italy and Greece in May.
Since those are EU countries I assume they can use their phones normally on board? My dad
likes to stream the football. Please confirm before they go.

Kind regards,
Linda Sætre""",
        SHIPS,
        [["NOK 39", "kr 39"], ["NOK 25", "kr 25"]],
    ),
    a(
        "Invoice due date",
        """Hi,

Our project manager asked me to check when the Fjordnet invoices are actually due each
month, as we're planning the payment runs for Q1. We're a small architecture office in
Oslo with four mobile subscriptions on a normal (not business) account.

Thanks,
Marte Kvam
Office Manager | Kvam & Ruud Arkitekter""",
        INVOICE_DATES,
        [["20th"]],
    ),
    a(
        "iPhone 15 - switch to eSIM",
        """Hey

I just got an iPhone 15 and want to get rid of the plastic SIM. I'm in Aarhus (Danish
subscription). What does it cost to switch to eSIM, and can I keep the old SIM as a backup in
my old phone afterwards?

/Mads""",
        ESIM_SWITCH + PRICE_LIST,
        [["DKK 75"], ["stops working"]],
    ),
    a(
        "My son locked his SIM card",
        """Hello,

My 12-year-old managed to type the wrong PIN three times and now his phone asks for a
"PUK". Where do I find that code? And how many attempts does he get before the card is
dead for good? I'd like to tell him before he tries again...

Thank you,
Sarah Mohn""",
        PUK + BLOCKED,
        [["Show PUK"], ["10 wrong PUK"]],
    ),
    a(
        "Unused data - do I lose it?",
        """hi, quick one. last month I only used about 4 GB of my Plus 30 GB (was away on a course
with wifi everywhere). does the rest just disappear or do I keep it? thanks, Ola""",
        ROLLOVER,
        [["next month", "neste måned", "næste måned"]],
    ),
    a(
        "5G Home at our summer house",
        """Dear Fjordnet,

We have 5G Home in our flat in Bergen. We'd like to take the router to our summer house in
Hardanger for three weeks in July. Is that allowed? And could we also bring it to our
apartment in Spain in the autumn?

Best wishes,
Ingrid and Paul Haugland""",
        G5_WHERE,
        [["60 days", "60 dage"], ["cannot be used abroad", "kan ikke bruges i udlandet"]],
    ),
    a(
        "Fibre down for 4 days - compensation?",
        """Hello,

I want to know what I am entitled to. Our fibre in Stavanger (Hinna) was completely dead from
Monday morning until Thursday evening last week. I reported it on Monday via the app, and your
technician found a cut cable in the street, so it was clearly not our fault. I work from home
and had to use my phone as a hotspot for three days.

We pay NOK 649 a month for Fiber 500. How much do we get back, and do I have to do anything?

Regards,
Henrik Aasen""",
        COMPENSATION,
        [["1/30"], ["3 months"]],
    ),
    a(
        "SIM for my tablet",
        """Hi,

Can I get a second SIM card for my iPad that uses the data from my mobile plan (Plus 30 GB,
Bergen)? What would it cost per month?

Best regards,

Jane Doe
HR Manager
Vestland Logistikk AS
+47 412 34 567""",
        DATA_SIM + PRICE_LIST,
        [["NOK 49"]],
    ),
    a(
        "Re: Cancellation of fibre - router",
        """Hi again,

Thanks for confirming the cancellation. One last thing: how long do I have to send the router
back, and what happens if I don't manage before I move abroad?

Regards,
Morten Dahl

On 2 Feb 2026, at 14:12, Morten Dahl wrote:
> I want to cancel my fibre subscription at Løvstakkveien 12. I have talked to a lawyer
> friend who said that you cannot refuse this when I am moving out of the country, so please
> just confirm.""",
        RETURN + PRICE_LIST,
        [["30 days"], ["NOK 1,200", "NOK 1200"]],
    ),
    a(
        "Business mobile for 12 employees",
        """Hello,

We are a consultancy in Oslo with 12 employees and are looking at moving our mobile plans to
Fjordnet Bedrift. What does the 30 GB business plan cost per user, and is there any volume
discount at our size?

Best regards,
Siri Bakken
Head of Finance, Bakken Analyse AS""",
        BUSINESS_PLANS,
        [["NOK 319"], ["10 %", "10%"]],
    ),
    a(
        "Share my data with my daughter?",
        """Hi,

I have Unlimited and I pay for my daughter's Basic 10 GB on the same account. She always
runs out around the 20th. Is there a way I can give her some of my data instead of buying
extra packs every month?

Thanks,
Robert Eide""",
        DATA_SHARE,
        [["Data Share"]],
    ),
    a(
        "New Wi-Fi password + guests",
        """Hello,

Two things about our router (fibre, Tromsø):
1. How do I change the Wi-Fi password? The one on the sticker is impossible to type.
2. We often have guests and I'd rather not give them our main password. Is there a guest
network?

Thanks!
Anne-Lise Berg""",
        WIFI_CHANGE + GUEST,
        [["Wi-Fi settings"], ["Guest network"]],
    ),
    a(
        "Moving from Telenor - should I cancel first?",
        """Hi,

I want to move my number from Telenor to Fjordnet. Should I cancel my Telenor subscription
first, and how long does it take before the number works with you? I'd like to avoid being
without a phone because I'm on call at work.

Regards,
Jonas Vik""",
        PORT_NO + PORT_IN,
        [["1–3", "1-3"], ["do not cancel it yourself"]],
    ),
    a(
        "Grandma's phone stopped making calls",
        """Hello,

My grandmother (87) has an old Doro flip phone with a Fjordnet SIM. Since the autumn she
cannot make calls any more, but the phone turns on and shows the network. We tried a new
SIM and it's the same. Is something wrong with her subscription?

Kind regards,
Maria Fosse""",
        THREE_G,
        [["1 September 2025"], ["VoLTE"]],
    ),
    a(
        "Switzerland - question from my manager",
        """Hello,

I'm writing on behalf of my manager, Ingrid Solberg, who is travelling to Zurich next week for
three days. She has a Basic 10 GB subscription (Norway). Will she pay anything extra for
using her phone in Switzerland?

Thank you,
Petter Moe
Executive Assistant""",
        UK_CH + UK_CH_NO,
        [["NOK 49", "kr 49"]],
    ),
    n(
        "Parental controls on the router",
        """Hi,

We have Fiber 300 with your WF7 router. Is there any way to block TikTok and YouTube on
the kids' devices after 21:00, or set up some kind of parental control / content filter on
the router? Can't find it in the app.

Thanks,
Claire Nilsen""",
    ),
    n(
        "Apple Watch for my 9-year-old",
        """Hello,

We want to give our 9-year-old an Apple Watch (cellular) instead of a phone. She doesn't have
an iPhone, so it would be set up with Apple's Family Setup from my iPhone. Can the watch get
its own number with you, and how would that work?

Best,
Daniel Lie""",
    ),
    n(
        "Invoices in English?",
        """Hello,

I moved to Trondheim for work and I'm still learning Norwegian. Is it possible to get my
Fjordnet invoices in English instead? Even the PDF would be fine.

Thanks a lot,
Arjun Mehta
Software Engineer""",
    ),
    n(
        "Delete old invoices from the list",
        """Hi,

Is there a way to delete old, paid invoices from the Invoices page in My Fjordnet? The list
goes back ages and it's cluttered. I just want to see the current one.

Thanks,
Gary""",
    ),
    n(
        "Help with maths homework",
        """hi

can someone help me with this: a ladder 5 m long leans against a wall, the bottom is 3 m from
the wall. how high up the wall does it reach? I need to show the working for tomorrow.

thx
Liam (year 8)""",
    ),
    r(
        "privacy",
        "Subject access request",
        """Dear Sir or Madam,

Under Article 15 of the GDPR I request a copy of all personal data Fjordnet holds about me,
including call and location records, the purposes of the processing and the recipients to
whom my data has been disclosed.

Name: Rachel Green
Customer number: 4410 2287
Mobile: +47 921 55 310

I expect your reply within one month.

Yours faithfully,
Rachel Green""",
    ),
    r(
        "security",
        "I can see someone else's invoice",
        """Hello,

When I logged into My Fjordnet this morning, the invoice page showed an invoice for a
"Bjørn Andersen" in Drammen with his address and a list of his phone numbers. That is not me.
I have not clicked anything else. I think you need to look at this urgently.

Regards,
Helen Strand""",
    ),
    r(
        "security",
        "Fake Fjordnet SMS - I entered my card",
        """Hi,

Yesterday I got an SMS from "Fjordnet" saying my payment had failed and my number would be
closed today unless I paid NOK 12 through a link. I paid with my card and then realised the
website was fake (fjordnet-betaling.com). My bank has now blocked the card. Has my Fjordnet
account been compromised? Other customers should be warned.

Chris Olsen""",
    ),
    r(
        "job",
        "Open application - network engineer",
        """Dear Fjordnet team,

I am a network engineer with six years of experience in mobile core networks (4G/5G, IMS) at
an operator in Gothenburg and I'm relocating to Bergen this summer. I could not find an open
position on your website, but I'd love to be considered for any role in your network
operations team. My CV is attached.

Kind regards,
Oskar Lindqvist""",
    ),
    r(
        "legal",
        "Formal notice - unlawful roaming charges",
        """To Fjordnet AS,

This is a formal notice regarding invoice 2026-118803 where you have charged my client,
Mr. Knut Hansen, NOK 14,380 for data roaming during a stay in Thailand, although your own
cost cap should have stopped the usage at NOK 500.

Unless the amount is credited within 14 days, we will bring the matter before the
Norwegian Consumer Authority and the conciliation board without further notice.

Yours sincerely,
Eva Brandt
Advokat, Brandt & Co Advokatfirma""",
    ),
    r(
        "safety",
        "Router smoking!!",
        """Hi,

Our 5G router started smelling of burnt plastic tonight and there was a little smoke from
the back where the power cable goes in. I've unplugged it and it's on the balcony now. The
casing is melted at one corner. We have two small children, so I'm not plugging it back in.
What do we do?

Thomas Berge
Sandnes""",
    ),
]

# --- Norwegian (Bokmål) --------------------------------------------------------------------------
NO: list[Entry] = [
    a(
        "Pause hyttebredbåndet om vinteren?",
        """Hei!

Vi har Fjordnet Hytte på hytta i Valdres, men vi er nesten ikke der fra november til mars.
Kan vi sette abonnementet på pause i den perioden, og hva koster det i så fall?

Mvh
Kari og Geir Nordby""",
        HYTTE_PAUSE,
        [["6 måneder"], ["kr 0"]],
    ),
    a(
        "ekstra data",
        """hei, har brukt opp dataen min allerede (Basic 10 GB), hva koster det å kjøpe 5 GB
ekstra? og gjelder det til neste måned også?

hilsen Sondre""",
        EXTRA_DATA + EXTRA_DATA_FAQ_NO,
        [["kr 129", "NOK 129"], ["ut kalendermåneden", "end of the calendar month"]],
    ),
    a(
        "Dårlig dekning inne på jobb",
        """Hei,

Jeg jobber på politistasjonen i Tromsø, og inne i bygget (særlig i kjelleren) har jeg nesten
ikke dekning på mobilen. Vi har godt Wi-Fi der. Kan jeg ringe over Wi-Fi, og koster det noe
ekstra?

Med vennlig hilsen
Hanne Johansen""",
        WIFI_CALLING,
        [["no extra cost", "included on all plans"]],
    ),
    a(
        "Flytting til Trondheim",
        """Hei Fjordnet,

Vi flytter fra Oslo til en leilighet på Møllenberg i Trondheim 1. mars. Bygget har fiber
fra før (står i annonsen). Når må vi si ifra om flyttingen, og koster det noe å flytte
fiberabonnementet?

Vennlig hilsen
Ole Martin Strand""",
        MOVE_TELL + MOVE_FIBRE,
        [["14 dager", "14 days"], ["gratis", "free of charge"]],
    ),
    n(
        "BankID på mobil med nytt SIM",
        """Hei,

Jeg har nettopp byttet til Fjordnet, og nå virker ikke BankID på mobil lenger (den gamle som
ligger på SIM-kortet, ikke appen). Banken sier at jeg må aktivere den hos mobiloperatøren.
Hvordan gjør jeg det hos dere?

Hilsen
Torbjørn Aas""",
    ),
    r(
        "privacy",
        "Innsyn i personopplysninger",
        """Hei,

Jeg ber om innsyn i alle personopplysninger dere har lagret om meg, jf.
personopplysningsloven og GDPR artikkel 15. Jeg vil særlig vite hvilke lokasjonsdata dere
har lagret fra mobilen min og hvor lenge dere oppbevarer dem.

Kundenummer 5512 9034.

Med vennlig hilsen
Solveig Rønning""",
    ),
    r(
        "security",
        "Stjålet telefon - anmeldt til politiet",
        """Hei,

Telefonen min ble stjålet på Gardermoen i går kveld. Jeg har anmeldt tyveriet til politiet
(anmeldelsesnummer 16823451), og politiet ber om en oversikt over hvilke samtaler og SMS som
er gått fra nummeret etter kl. 21.40. Jeg ser også at noen har brukt nummeret til å logge inn
på Vipps. Kan dere sperre SIM-kortet og sende oversikten?

Mvh
Lars Kristiansen
Tlf (lånt): 934 11 220""",
    ),
    r(
        "job",
        "Søknad - kundeservicemedarbeider",
        """Hei,

Jeg så stillingsannonsen for kundeservicemedarbeider (deltid) i Bergen på Finn.no og vil
gjerne søke. Jeg har tre års erfaring fra kundeservice i Elkjøp og snakker norsk, engelsk og
polsk. CV og attester er vedlagt.

Med vennlig hilsen
Agnieszka Nowak""",
    ),
]

# --- Danish --------------------------------------------------------------------------------------
DA: list[Entry] = [
    a(
        "Rabat på flere abonnementer?",
        """Hej Fjordnet

Vi er en familie på fire i Odense, og vi overvejer at flytte alle vores mobilabonnementer til
jer: to Unlimited til os voksne og to Plus til børnene. Får man nogen rabat, når man har
flere abonnementer på samme konto?

Venlig hilsen
Mette Kjær""",
        FAMILY_DA,
        [["50 kr."], ["4 ekstra"]],
    ),
    a(
        "Betalingsservice",
        """Hej,

Jeg vil gerne have min regning trukket automatisk via Betalingsservice. Hvilke oplysninger
skal jeg bruge i netbanken?

Mvh
Jens Thomsen""",
        BS_DA + DIRECT_DEBIT,
        [["05647021"], ["00001"]],
    ),
    a(
        "Opsigelse af bredbånd",
        """Hej,

Jeg har haft jeres fiberbredbånd i Aalborg i fire måneder, men jeg flytter sammen med min
kæreste, som allerede har internet. Hvad er opsigelsesvarslet, og skal jeg betale noget,
fordi jeg ikke har haft det så længe?

Venlig hilsen
Simon Lauridsen""",
        NOTICE_DA + NOTICE + BINDING_DA + BINDING,
        [
            ["løbende måned plus én måned", "rest of the current month plus one month"],
            ["6 måneder", "6 months"],
        ],
    ),
    a(
        "Ferie på Færøerne",
        """Hej

Vi skal en uge til Tórshavn i juli. Virker mit abonnement (Plus 30 GB) der som i EU, eller
skal jeg købe noget?

Hilsen Pia""",
        FAROE + TRAVEL_PASS + EU + EU_NO,
        [["59 kr.", "DKK 59"]],
    ),
    n(
        "Skjul mit nummer",
        """Hej,

Hvordan slår jeg nummervisning fra, så dem jeg ringer til ikke kan se mit nummer? Jeg
arbejder som sygeplejerske i hjemmeplejen og ringer nogle gange til pårørende fra min
private telefon.

Med venlig hilsen
Lone Frederiksen""",
    ),
    n(
        "Hjælp til dansk stil",
        """Hej

Jeg skal skrive en dansk stil om H.C. Andersens "Den grimme ælling" til på mandag. Kan I
hjælpe med hvad budskabet er og give nogle citater jeg kan bruge?

Mvh Frederik, 9.b""",
    ),
    r(
        "security",
        "SMS fra 'Fjordnet' om MitID",
        """Hej

Min mor på 81 fik i går en SMS, der så ud til at komme fra Fjordnet, om at hendes abonnement
ville blive lukket, hvis hun ikke bekræftede med MitID via et link. Hun gjorde det, og i
morges var der hævet 8.000 kr. fra hendes konto. Banken har spærret kortet. Kan I se, om der
er sket noget med hendes abonnement? Hendes nummer er 22 45 67 89.

Venlig hilsen
Birgitte Holm""",
    ),
    r(
        "press",
        "Henvendelse fra Fyens Stiftstidende",
        """Hej

Jeg er journalist på Fyens Stiftstidende og skriver om gårsdagens nedbrud på jeres
mobilnet på Fyn, hvor flere læsere fortæller, at de ikke kunne ringe 112. Kan jeg få en
kommentar fra jeres pressechef i dag inden kl. 15, og hvor mange kunder var berørt?

Venlig hilsen
Rasmus Bech
Journalist, Fyens Stiftstidende
Tlf. 66 11 12 13""",
    ),
]

# --- Swedish -------------------------------------------------------------------------------------
SV: list[Entry] = [
    a(
        "Säkerhetskod till nya SIM-kortet",
        """Hej!

Jag bor i Malmö men jobbar i Köpenhamn och har ett danskt abonnemang hos er. Det nya SIM-kortet
kom i dag (det står DK på kortet) och telefonen frågar efter en säkerhetskod/PIN. Vilken är
den? Jag har inte fått något brev med kod.

Tack på förhand
Johanna Ek""",
        PIN,
        [["1234"]],
    ),
    a(
        "Unlimited i Sverige",
        """Hej,

Jag är svensk men bor i Oslo och har ert Unlimited-abonnemang. Jag åker hem till Göteborg
nästan varannan helg och använder mobilen som hotspot för jobbet. Finns det någon gräns för
hur mycket data jag kan använda i Sverige?

Mvh
Anders Lund""",
        EU + EU_NO,
        [["45 GB"]],
    ),
    a(
        "Flytta mitt nummer från Telia DK",
        """Hej,

Jag vill byta från Telia i Danmark till er och behålla mitt nummer. Hur lång tid tar det och
behöver jag göra något själv?

Vänliga hälsningar
Sofia Bergström""",
        PORT_DK + PORT_IN,
        [["5 working days"], ["MitID"]],
    ),
    a(
        "Fiber i Köpenhamn",
        """Hej!

Vi har precis flyttat till Valby och funderar på er fiber. Vad kostar 1000 Mbit hos er i
Danmark, och är uppladdningen lika snabb? Jag laddar upp mycket video i jobbet.

Från: Erik Sandberg
Skickat: den 4 mars 2026 09:12
Till: info@fjordnet.dk
Ämne: Fiber

Hej, vilka hastigheter har ni?

/Erik""",
        FIBRE_PRICES,
        [["DKK 399"], ["symmetrical"]],
    ),
    n(
        "Faktura till Kivra?",
        """Hej,

Kan jag få era fakturor skickade till min Kivra-brevlåda? Jag bor i Helsingborg men har
ett abonnemang hos er för jobbet i Danmark, och jag har all annan post i Kivra.

Mvh
Maria Holm""",
    ),
    r(
        "security",
        "Någon har tagit över mitt nummer",
        """Hej,

I går eftermiddag slutade min telefon plötsligt fungera (ingen täckning). I kväll fick jag
ett mejl från er om att ett nytt eSIM har aktiverats på mitt nummer, vilket jag inte har
beställt. Sedan dess har någon loggat in på min bank med engångskoder via SMS. Jag har inte
längre tillgång till Mitt Fjordnet, e-postadressen verkar vara ändrad. Snälla stäng av
numret omedelbart!

Per Johansson
Kundnummer 7781 2290""",
    ),
]

# --- German --------------------------------------------------------------------------------------
DE: list[Entry] = [
    a(
        "Rechnungsdaten nach Excel exportieren",
        """Guten Tag,

ich bin Buchhalterin in einem kleinen Ingenieurbüro in Oslo. Wir haben ein Firmenkonto mit
acht Mobilfunkverträgen bei Fjordnet. Kann ich die Daten der Rechnungen (Einzelposten je
Nummer) nach Excel exportieren, statt alles aus dem PDF abzutippen? Wo finde ich das?

Mit freundlichen Grüßen
Sabine Krüger
Buchhaltung, Fjellstad Engineering AS""",
        INVOICE_EXPORT,
        [["Excel", "XLSX"], ["Invoices > Export"]],
    ),
    a(
        "Skiurlaub in Österreich mit Unlimited",
        """Hallo,

ich habe ein Unlimited-Abo aus Dänemark (Kopenhagen) und fahre im Februar zwei Wochen zum
Skifahren nach Österreich. Ich arbeite dort teilweise remote über den Hotspot und brauche
wahrscheinlich um die 50 GB. Ist das in der EU unbegrenzt, oder gibt es eine Grenze? Was
kostet es darüber?

Viele Grüße
Jonas Weber""",
        EU,
        [["40 GB"], ["DKK 0.015"]],
    ),
    a(
        "WLAN-Passwort nach Reset weg",
        """Hallo Fjordnet,

ich habe gestern am Router den Reset-Knopf etwa 15 Sekunden gedrückt, weil das Internet hing.
Seitdem kommt keines unserer Geräte mehr ins WLAN, unser altes Passwort funktioniert nicht
mehr. Welches Passwort gilt jetzt?

Danke und Gruß
Michael Braun, Bergen""",
        RESET + WIFI_DEFAULT,
        [["sticker"]],
    ),
    a(
        "Störung melden - was kostet der Techniker?",
        """Sehr geehrte Damen und Herren,

unser Glasfaser-Internet in Lillehammer fällt seit einer Woche mehrmals täglich aus. Router
neu gestartet, Kabel geprüft, alles ohne Erfolg. Wie melde ich die Störung, wann meldet sich
ein Techniker, und kostet der Besuch etwas?

Am 12.03.2026 um 18:04 schrieb Fjordnet Kundeservice:
> Vielen Dank für Ihre Nachricht. Bitte starten Sie den Router neu und prüfen Sie die Kabel.

Mit freundlichen Grüßen
Dr. Claudia Hoffmann""",
        FAULT + PRICE_LIST,
        [["1 working day"], ["NOK 1,190", "NOK 1190"]],
    ),
    n(
        "Feste IP-Adresse für Glasfaser?",
        """Hallo,

ich möchte zu Hause einen kleinen Server (Nextcloud) betreiben und bräuchte dafür eine feste
öffentliche IPv4-Adresse auf meinem Fiber-500-Anschluss. Bieten Sie das an, und was kostet
es?

Gruß
Stefan Maier""",
    ),
    r(
        "privacy",
        "Auskunft und Löschung meiner Daten (DSGVO)",
        """Sehr geehrte Damen und Herren,

ich habe meinen Vertrag bei Ihnen im Dezember gekündigt. Gemäß Art. 15 und Art. 17 DSGVO
verlange ich Auskunft über alle zu meiner Person gespeicherten Daten sowie deren
anschließende Löschung, soweit keine gesetzlichen Aufbewahrungspflichten bestehen.

Kundennummer: 3318 4420

Mit freundlichen Grüßen
Thomas Schulz""",
    ),
    r(
        "legal",
        "Letzte Aufforderung vor Klage",
        """Sehr geehrte Damen und Herren,

trotz dreier Reklamationen haben Sie mir die Einrichtungsgebühr von NOK 3.990 berechnet,
obwohl mir schriftlich eine kostenlose Installation zugesagt wurde. Ich setze Ihnen hiermit
eine letzte Frist bis zum 30.04.2026. Danach wird mein Anwalt Klage beim
Schlichtungsausschuss (forliksrådet) einreichen.

Hochachtungsvoll
Klaus Becker""",
    ),
]

# --- French --------------------------------------------------------------------------------------
FR: list[Entry] = [
    a(
        "Voyage en Thaïlande - Travel Pass",
        """Bonjour,

Je pars trois semaines en Thaïlande en décembre avec mon abonnement Plus 30 GB (Norvège).
Combien coûte le Travel Pass là-bas par jour, et comment est-ce que je l'active ?

Merci d'avance,
Camille Dubois""",
        TRAVEL_PASS + TRAVEL_PASS_NO + TRAVEL_PASS_BUY,
        [["NOK 129", "kr 129"], ["2020", "Mobile > Travel Pass", "Mobil > Travel Pass"]],
    ),
    a(
        "Nouveau téléphone Samsung et eSIM",
        """Bonjour,

J'ai une eSIM Fjordnet sur mon Samsung S21 et je viens d'acheter un Pixel 9. Comment
transférer l'eSIM vers le nouveau téléphone ? Est-ce payant ?

Cordialement,
Julien Moreau""",
        ESIM_MOVE,
        [["New eSIM for another phone"], ["2 times"]],
    ),
    a(
        "Facture papier pour ma mère",
        """Bonjour,

Ma mère a 78 ans et ne se sert pas d'internet. Elle reçoit ses factures Fjordnet par la
poste et je vois qu'on lui facture 49 couronnes à chaque fois. Est-ce normal ? N'y a-t-il
pas une exception pour les personnes âgées ?

Bien à vous,
Nathalie Lefèvre (fille de Mme Odile Lefèvre, Stavanger)""",
        INVOICE_FEE + PRICE_LIST,
        [["75"]],
    ),
    n(
        "Messagerie vocale",
        """Bonjour,

Comment est-ce que je peux modifier l'annonce de ma messagerie vocale, et quel est le numéro
à appeler pour écouter mes messages ? Je suis chez Fjordnet depuis une semaine.

Merci,
Sophie Martin""",
    ),
    r(
        "partnership",
        "Revendre vos abonnements dans ma boutique",
        """Bonjour,

Je tiens une boutique de réparation de téléphones à Tromsø (Mobilfiks Tromsø) et beaucoup de
clients me demandent conseil pour un abonnement. Je serais intéressé par devenir revendeur
Fjordnet (vente de cartes SIM et d'abonnements contre commission). Qui puis-je contacter pour
en discuter ?

Cordialement,
Antoine Girard
Gérant, Mobilfiks Tromsø""",
    ),
]

# --- Spanish -------------------------------------------------------------------------------------
ES: list[Entry] = [
    a(
        "Precio de 5G Home en Copenhague",
        """Hola,

Vivo en Copenhague y mi edificio no tiene fibra. ¿Cuánto cuesta 5G Home al mes y qué
velocidad puedo esperar? Trabajo desde casa con videollamadas.

Un saludo,
Lucía Fernández""",
        G5_WHAT,
        [["DKK 279", "279 kr."], ["100–300", "100-300"]],
    ),
    a(
        "¿Puedo usar mi propio router?",
        """Buenas,

Tengo fibra con vosotros en Bergen y me gustaría usar mi router ASUS en lugar del vuestro.
¿Se puede? ¿Dónde lo conecto?

Gracias,
Diego Romero""",
        OWN_ROUTER,
        [["LAN1"]],
    ),
    a(
        "Factura sin pagar - estuve en el hospital",
        """Hola,

Estuve tres semanas en el hospital y no pude pagar la factura de febrero (vivo en Oslo).
¿Cuánto es el recargo por el recordatorio y cuándo me cortarían el servicio si no pago
pronto? Quiero pagarlo esta semana.

Gracias por su comprensión,
Carmen Ruiz""",
        LATE + PRICE_LIST,
        [["NOK 35"], ["14 days"]],
    ),
    n(
        "Mensajes por satélite en el iPhone",
        """Hola,

Hago senderismo en la montaña en Noruega y quería saber si con Fjordnet funciona la función
de mensajes por satélite del iPhone 15 (SOS de emergencia vía satélite) cuando no hay
cobertura.

Saludos,
Pablo Jiménez""",
    ),
    n(
        "Pedido de tarta de cumpleaños",
        """Hola,

Quería encargar una tarta de chocolate para 12 personas para el sábado 14 a las 17:00, con
el texto "Feliz cumpleaños Marta". ¿La puedo recoger en la tienda?

Gracias,
Elena""",
    ),
    r(
        "manager",
        "Quiero hablar con un responsable",
        """Buenos días,

Es la cuarta vez que escribo por el mismo problema con mi factura y cada vez me contesta una
persona distinta que no sabe nada del caso. No quiero más respuestas automáticas: exijo que
me llame un responsable o el jefe del departamento de atención al cliente esta semana.

Javier Morales
Tel. +47 905 12 345""",
    ),
]

# --- Dutch ---------------------------------------------------------------------------------------
NL: list[Entry] = [
    a(
        "PUK-code kwijt",
        """Hallo,

Mijn telefoon vraagt om een PUK-code nadat ik drie keer de verkeerde pincode heb ingevoerd.
Ik heb de kaart waar de simkaart in zat weggegooid. Waar kan ik de PUK-code vinden?

Groeten,
Sanne de Vries""",
        PUK,
        [["Show PUK"]],
    ),
    a(
        "Wifi in een groot huis",
        """Goedemiddag,

Wij wonen in een oud houten huis van drie verdiepingen in Ålesund en de wifi van jullie
router komt niet tot de zolder. Hebben jullie iets om het bereik te vergroten, en wat kost
dat?

Met vriendelijke groet,
Pieter Jansen""",
        MESH + PRICE_LIST,
        [["NOK 49"], ["up to 3"]],
    ),
    a(
        "Abonnement verlagen",
        """Hallo,

Ik wil van Unlimited naar Plus 30 GB, ik gebruik veel minder data dan gedacht. Gaat dat
meteen in, en kost het iets?

Bedankt,
Lotte Bakker""",
        CHANGE_PLAN,
        [["1st of the next month", "1. neste måned", "1. i næste måned"]],
    ),
    n(
        "Tv-pakket of Netflix erbij?",
        """Hoi,

Bieden jullie ook een tv-pakket of streamingdiensten (Netflix, Viaplay) in combinatie met
glasvezel aan? Bij onze vorige provider in Nederland zat dat er standaard bij.

Groet,
Daan Visser""",
    ),
    r(
        "privacy",
        "Verzoek om mijn gegevens (AVG)",
        """Geachte heer, mevrouw,

Op grond van de AVG (artikel 20) verzoek ik u mij al mijn persoonsgegevens en mijn
verbruiksgegevens van de afgelopen twee jaar te verstrekken in een gangbaar, machineleesbaar
formaat, zodat ik ze kan meenemen naar een andere aanbieder.

Met vriendelijke groet,
Eva Mulder
Klantnummer 6620 1174""",
    ),
]

# --- Italian -------------------------------------------------------------------------------------
IT: list[Entry] = [
    a(
        "Rimborso per guasto internet in Danimarca",
        """Buongiorno,

abito ad Aarhus e la nostra fibra non ha funzionato per tre giorni interi la settimana
scorsa (guasto nella vostra rete, me l'ha detto il tecnico). Ho diritto a un rimborso? Devo
compilare qualche modulo?

Cordiali saluti,
Francesca Romano""",
        COMPENSATION,
        [["automatically"], ["1/30"]],
    ),
    a(
        "Internet non funziona - c'è un guasto?",
        """Salve,

da stamattina internet non va a casa (Oslo, Grünerløkka). Come faccio a sapere se c'è un
guasto nella zona prima di chiamare?

Grazie,
Marco Bianchi""",
        OUTAGE_STATUS,
        [["fjordnet.no/driftsmeldinger"]],
    ),
    a(
        "Tempi di installazione fibra",
        """Buongiorno,

ci trasferiamo in un condominio a Drammen che ha già la fibra. Se ordino oggi, quanto tempo
ci vuole prima che la connessione sia attiva?

Grazie mille,
Giulia Conti""",
        FIBRE_INSTALL,
        [["5–10", "5-10"]],
    ),
    n(
        "Bloccare i numeri a pagamento",
        """Buongiorno,

mio figlio di 14 anni ha chiamato numeri a pagamento (820) e la bolletta è arrivata alta.
Si possono bloccare le chiamate verso i numeri a pagamento sul suo abbonamento?

Saluti,
Alessandro Ricci""",
    ),
    n(
        "Ricetta dello stoccafisso",
        """Ciao,

sono appena tornata dalla Norvegia e vorrei rifare il lutefisk che ho mangiato a Bergen.
Avete una ricetta semplice? Quanto tempo va lasciato in ammollo?

Grazie!
Paola""",
    ),
]

# --- Polish --------------------------------------------------------------------------------------
PL: list[Entry] = [
    a(
        "Odroczenie płatności faktury",
        """Dzień dobry,

mam problem z wypłatą w tym miesiącu. Czy mogę przesunąć termin płatności faktury za
telefon (mieszkam w Stavanger)? O ile dni i ile to kosztuje?

Pozdrawiam
Tomasz Kowalski""",
        POSTPONE + PRICE_LIST,
        [["30 days"], ["NOK 39"]],
    ),
    a(
        "Dodatkowe dane w Danii",
        """Dzień dobry,

pracuję w Danii (Esbjerg) i mam u Was abonament Basic 10 GB. Skończyły mi się dane. Ile
kosztuje dodatkowy 1 GB?

Dziękuję
Anna Wiśniewska""",
        EXTRA_DATA,
        [["DKK 35", "35 kr."]],
    ),
    n(
        "Router a przerwy w dostawie prądu",
        """Dzień dobry,

u nas na wsi często wyłączają prąd. Czy router 5G od Was ma wbudowaną baterię albo czy
oferujecie zasilacz awaryjny (UPS), żeby internet działał podczas przerwy?

Pozdrawiam
Piotr Zieliński""",
    ),
    r(
        "privacy",
        "Żądanie usunięcia danych (RODO)",
        """Dzień dobry,

zgodnie z art. 17 RODO żądam usunięcia wszystkich moich danych osobowych z Państwa
systemów. Nie jestem już Państwa klientką od października 2025 r., a nadal dostaję od Was
SMS-y marketingowe.

Z poważaniem
Katarzyna Lewandowska""",
    ),
]

# --- Finnish -------------------------------------------------------------------------------------
FI: list[Entry] = [
    a(
        "Apple Watch ja sama numero",
        """Hei,

haluaisin käyttää Apple Watchia (GPS + Cellular) lenkillä ilman puhelinta samalla
numerolla. Paljonko se maksaa kuukaudessa? Minulla on Basic 10 GB -liittymä Norjassa.

Terveisin
Mikko Virtanen""",
        WATCH + PRICE_LIST,
        [["NOK 59"], ["Plus 30 GB or Unlimited"]],
    ),
    a(
        "Datan käyttö Yhdysvalloissa loppui",
        """Hei,

olen Yhdysvalloissa työmatkalla ja sain tekstiviestin, ja nyt mobiilidata ei toimi
ollenkaan. Liittymä on norjalainen Plus 30 GB. Miksi data pysähtyi ja miten saan sen
takaisin päälle?

Ystävällisin terveisin
Laura Mäkinen""",
        COST_CAP + TRAVEL_PASS_NO,
        [["NOK 500", "kr 500"], ["FORTSETT"]],
    ),
    a(
        "Laskun maksaminen Vippsillä?",
        """Hei,

asun Oslossa. Voiko Fjordnetin laskun maksaa Vippsillä? Entä voiko laskun laittaa
automaattiseksi, ettei tarvitse muistaa joka kuukausi?

Kiitos,
Jussi Korhonen""",
        PAY_METHODS + DIRECT_DEBIT,
        [["Vipps"], ["AvtaleGiro", "Automatic card payment"]],
    ),
    n(
        "Mobiilivarmenne Fjordnetin SIM-kortilla",
        """Hei,

muutin Norjaan ja vaihdoin Fjordnetille. Tarvitsen edelleen suomalaista mobiilivarmennetta
Kelan ja OmaKannan palveluihin. Voiko mobiilivarmenteen ottaa käyttöön Fjordnetin
SIM-kortilla?

Terveisin
Heikki Laine""",
    ),
]

# --- Portuguese ----------------------------------------------------------------------------------
PT: list[Entry] = [
    a(
        "Lista de chamadas",
        """Olá,

preciso de ver a lista das chamadas que fiz no mês passado (para o meu contabilista). Onde
encontro isso e até quantos meses para trás? Tenho subscrição na Noruega.

Obrigado,
Rui Almeida""",
        USAGE,
        [["Mobile > Usage"], ["3 months"]],
    ),
    a(
        "Mudar para outra operadora",
        """Boa tarde,

vou mudar para outra operadora e quero manter o meu número. Tenho de cancelar primeiro com
vocês? Há alguma taxa pela portabilidade?

Cumprimentos,
Beatriz Costa""",
        PORT_AWAY + NOTICE + NOTICE_DA,
        [["porting day", "flyttedagen"], ["no porting fee"]],
    ),
    a(
        "Portar um número pré-pago",
        """Olá,

tenho um número pré-pago (kontantkort) de outra operadora e quero passá-lo para um plano
Fjordnet. O que preciso?

Obrigada,
Mariana Silva""",
        PORT_PREPAID,
        [["19-digit"], ["ICC"]],
    ),
    n(
        "Cruzeiro nos fiordes",
        """Bom dia,

gostaria de reservar um cruzeiro pelos fiordes para duas pessoas em junho (Bergen -
Geirangerfjord). Quais são as datas disponíveis e o preço por pessoa?

Obrigado,
José Pereira""",
    ),
]


LANGUAGES: dict[str, list[Entry]] = {
    "en": EN,
    "no": NO,
    "da": DA,
    "sv": SV,
    "de": DE,
    "fr": FR,
    "es": ES,
    "nl": NL,
    "it": IT,
    "pl": PL,
    "fi": FI,
    "pt": PT,
}


def rows() -> list[dict[str, object]]:
    """One dict per email; split alternates dev/test within each (language, expect) group, a
    group starting with test when dev already leads that kind of email by two or more."""
    out: list[dict[str, object]] = []
    lead: dict[str, int] = defaultdict(int)  # expect -> dev count minus test count so far
    for language, entries in LANGUAGES.items():
        seen: dict[str, int] = defaultdict(int)
        first: dict[str, int] = {}
        for number, entry in enumerate(entries, start=1):
            if entry.expect not in first:
                first[entry.expect] = 1 if lead[entry.expect] >= 2 else 0
            position = seen[entry.expect] + first[entry.expect]
            seen[entry.expect] += 1
            lead[entry.expect] += 1 if position % 2 == 0 else -1
            row: dict[str, object] = {
                "id": f"{language}-{number:03d}",
                "language": language,
                "subject": entry.subject,
                "body": entry.body,
                "expect": entry.expect,
                "gold_sources": entry.gold_sources,
                "key_facts": entry.key_facts,
                "intent": None,
                "split": "dev" if position % 2 == 0 else "test",
            }
            if entry.route_reason:
                row["route_reason"] = entry.route_reason
            out.append(row)
    return out


def main() -> None:
    data = rows()
    counted = Counter((str(row["language"]), str(row["expect"])) for row in data)
    for language in LANGUAGES:
        print(language, {e: counted[(language, e)] for e in ("answer", "abstain", "route")})
    print("by expect:", dict(Counter(str(row["expect"]) for row in data)))
    print(
        "route reasons:",
        dict(Counter(str(row.get("route_reason")) for row in data if row.get("route_reason"))),
    )
    print("splits:", dict(Counter(str(row["split"]) for row in data)))
    OUT.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in data), encoding="utf-8"
    )
    print(f"wrote {len(data)} emails to {OUT}")


if __name__ == "__main__":
    main()
