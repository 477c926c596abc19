# ruff: noqa: E501  (one email a line: the data reads best unwrapped)
"""Build emails.jsonl: the labelled emails of the fitness (Pulsbox) evaluation set.

Run from /work/main:  .venv/bin/python evals/domains/fitness/build_emails.py

The emails are written as Python literals below, one list per language. Ids are
fitness-<language>-NNN; the split alternates dev/test within each (language, expect)
group, so both halves get every kind of email.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "emails.jsonl"

# --- knowledge-base sections (paths relative to kb/) -------------------------------------
P = "memberships/membership-plans-and-prices.md"
PLANS, PRICES, JOIN = f"{P}#Plans at a glance", f"{P}#Prices by country", f"{P}#Joining fee"
STUDENT, SENIOR, FAMILY = (
    f"{P}#Student membership",
    f"{P}#Senior membership",
    f"{P}#Family membership",
)
SV_PLANS = "sv/medlemskap-och-priser.md#Medlemsformer"
SV_PRICES = "sv/medlemskap-och-priser.md#Priser i Sverige"
SV_STUDENT = "sv/medlemskap-och-priser.md#Student och senior"
SV_FAMILY = "sv/medlemskap-och-priser.md#Familj"
DE_TARIFE = "de/mitgliedschaft-und-preise.md#Tarife"
DE_PRICES = "de/mitgliedschaft-und-preise.md#Preise in Deutschland"
DE_TERM = "de/mitgliedschaft-und-preise.md#Mindestlaufzeit und Verlängerung"
C = "memberships/cancelling-your-membership.md"
CANCEL_NOTICE, CANCEL_HOW = f"{C}#Notice period", f"{C}#How to cancel"
CANCEL_EARLY, CANCEL_REGRET = (
    f"{C}#Ending a binding period early",
    f"{C}#Regretting a new membership",
)
OLD = "memberships/cancellation-policy-before-march-2026.md"
OLD_NOTICE, OLD_HOW, OLD_EARLY = (
    f"{OLD}#Notice period",
    f"{OLD}#How to cancel",
    f"{OLD}#Ending a binding period early",
)
DE_FRIST = "de/kuendigung.md#Kündigungsfrist"
DE_HOW = "de/kuendigung.md#So kündigst du"
DE_SONDER = "de/kuendigung.md#Sonderkündigung"
F = "memberships/freezing-your-membership.md"
FREEZE_WHEN, FREEZE_COST = f"{F}#When you can freeze", f"{F}#What a freeze costs"
FREEZE_MED, FREEZE_DE = f"{F}#Medical freeze and parental leave", f"{F}#Freezing in Germany"
A = "access/qr-code-and-key-tags.md"
QR, TAG, TAG_LOST, LET_IN = (
    f"{A}#QR code in the app",
    f"{A}#Key tags",
    f"{A}#Lost or broken key tag",
    f"{A}#Letting others in",
)
H = "clubs/opening-hours.html"
HOURS, STAFFED, HOLIDAYS = f"{H}#Opening hours", f"{H}#Staffed hours", f"{H}#Public holidays"
R = "clubs/club-rules.md"
RULES, LOCKERS, TOWELS, SAUNA = (
    f"{R}#In the gym",
    f"{R}#Lockers",
    f"{R}#Towels",
    f"{R}#Showers and sauna",
)
B = "classes/booking-classes.md"
BOOK, WAIT, LATE = (
    f"{B}#Booking a class",
    f"{B}#Waiting list",
    f"{B}#Late cancellation and no-shows",
)
SV_BOOK = "sv/bokning-av-pass.md#Så bokar du"
SV_LATE = "sv/bokning-av-pass.md#Sen avbokning och uteblivet besök"
SV_WAIT = "sv/bokning-av-pass.md#Reservlista"
G = "classes/class-guide-autumn-2026.docx"
CLASS_TYPES, CLASS_INJURY, CLASS_NEW = (
    f"{G}#Class types",
    f"{G}#Classes after an injury",
    f"{G}#New classes this autumn",
)
T = "training/personal-training.md"
PT_PRICES, PT_VALID, PT_CANCEL, PT_FIRST = (
    f"{T}#Packages and prices",
    f"{T}#Validity",
    f"{T}#Cancelling a session",
    f"{T}#Before your first session",
)
Y = "payments/payments-and-reminders.html"
PAY_METHODS, PAY_WHEN, PAY_FAILED, RECEIPTS = (
    f"{Y}#Payment methods",
    f"{Y}#When you are charged",
    f"{Y}#Failed payments and reminders",
    f"{Y}#Receipts",
)
DE_ZAHL = "de/zahlung-und-ruecklastschrift.html#Zahlungsarten"
DE_RUECK = "de/zahlung-und-ruecklastschrift.html#Rücklastschrift"
DE_MAHN = "de/zahlung-und-ruecklastschrift.html#Mahnungen"
GP = "memberships/guest-passes-and-day-passes.md"
GUEST_PLAN, GUEST_RULES, DAY_PASS = (
    f"{GP}#Guest passes by plan",
    f"{GP}#Rules for guests",
    f"{GP}#Day passes",
)
AH = "getting-started/age-limits-and-health-declaration.md"
AGE, HEALTH, AFTER_INJURY = (
    f"{AH}#Age limits",
    f"{AH}#Health declaration",
    f"{AH}#Training after an injury or illness",
)
M = "memberships/moving-between-clubs-and-countries.md"
HOME, OTHER_CLUBS, MOVE_COUNTRY, UPGRADE = (
    f"{M}#Home club",
    f"{M}#Training in other clubs",
    f"{M}#Moving to another country",
    f"{M}#Upgrading and downgrading",
)
W = "corporate/corporate-memberships-and-wellness-benefits.md"
CORP, FRISK, FI_BENEFIT, DE_KK_EN, NO_DK = (
    f"{W}#Corporate agreements",
    f"{W}#Sweden: friskvårdsbidrag",
    f"{W}#Finland: liikuntaetu",
    f"{W}#Germany: health insurance (Krankenkasse)",
    f"{W}#Norway and Denmark",
)
SV_FRISK_WHAT = "sv/friskvardsbidrag.md#Vad du kan betala med friskvårdsbidraget"
SV_FRISK_HOW = "sv/friskvardsbidrag.md#Så använder du friskvårdsbidraget"
SV_KVITTO = "sv/friskvardsbidrag.md#Kvitto till arbetsgivaren"
KK_WHAT = "de/zuschuss-krankenkasse.md#Was die Krankenkasse bezahlt"
KK_CERT = "de/zuschuss-krankenkasse.md#Teilnahmebescheinigung"
KK_BONUS = "de/zuschuss-krankenkasse.md#Bonusprogramme"
CL_53, CL_52, CL_51, CL_50 = (
    "changelog.md#5.3 – 1 October 2026",
    "changelog.md#5.2 – 15 September 2026",
    "changelog.md#5.1 – 3 August 2026",
    "changelog.md#5.0 – 10 June 2026",
)
GLANCE_CONTACT = "pulsbox-at-a-glance.md#Contact"
GLANCE_CANCEL = "pulsbox-at-a-glance.md#Cancelling"
TERMS = "terms/membership-terms-2026.pdf"


def faq(question: str) -> str:
    return f"faq.csv#{question}"


FAQ_FRIEND = faq("Can I bring a friend?")
FAQ_TRIAL = faq("Do you have a trial week?")
FAQ_PAYDATE = faq("Can I change my payment date?")
FAQ_CARD = faq("How do I change my card?")
FAQ_TWO = faq("Can I have two memberships, for example Standard in Sweden and Flex in Norway?")
FAQ_PREGNANT = faq("Can I train if I am pregnant?")
FAQ_QR = faq("Why is my QR code not working?")
FAQ_RENOVATION = faq("Can I get my membership fee back if the club is closed for renovation?")
FAQ_SV_FREEZE = faq("Kan jag frysa mitt medlemskap?")
FAQ_SV_CHILD = faq("Kan jag ta med mitt barn till gymmet?")
FAQ_SV_TAG = faq("Vad kostar en ny nyckelbricka?")
FAQ_DE_TRANSFER = faq("Kann ich meinen Vertrag an eine andere Person übertragen?")
FAQ_DE_STUDENT = faq("Gibt es eine Ermäßigung für Studierende?")
FAQ_DE_CONFIRM = faq("Wie lange dauert es, bis meine Kündigung bestätigt wird?")


def e(
    subject: str,
    body: str,
    expect: str,
    gold: Sequence[str] = (),
    facts: Sequence[Sequence[str]] = (),
    reason: str | None = None,
) -> dict[str, Any]:
    return {
        "subject": subject,
        "body": body.strip("\n"),
        "expect": expect,
        "gold_sources": list(gold),
        "key_facts": [list(f) for f in facts],
        "route_reason": reason,
    }


EN = [
    # --- answer ---
    e(
        "Price of Standard in Oslo?",
        """Hi,

I'm moving to Oslo in January for a new job and want to join a gym close to Grünerløkka. What does the Standard membership cost per month in Norway, and is there a joining fee on top?

Thanks,
Tom Becker""",
        "answer",
        [PRICES, JOIN],
        [["NOK 449"], ["no joining fee", "There is no joining fee on Standard"]],
    ),
    e(
        "Cancel membership",
        """Hello,

I want to cancel my Flex membership. I joined in April this year. If I cancel today (14 October), when is my last day and how many more payments will be taken?

Regards
Hannah

On Mon, 6 Oct 2026 at 09:12, Pulsbox <no-reply@pulsbox.com> wrote:
> Hi Hannah, your October payment of SEK 499 has been received.
> Your membership: Flex, home club Uppsala Centrum.""",
        "answer",
        [CANCEL_NOTICE, CANCEL_HOW],
        [["one month", "1 month"], ["last day of the month"]],
    ),
    e(
        "Notice period - joined 2025",
        """Hi Pulsbox,

I've been a member at Malmö Triangeln since August 2025 (Standard, the binding year is over now). A friend says the notice is one month but my contract from 2025 says something else and I can't find it. How long is my notice period and can I do it in the app?

Best regards,
Jonas Lindqvist
Project Manager | Öresund Logistics""",
        "answer",
        [OLD_NOTICE, OLD_HOW],
        [["two months"], ["in the app"]],
    ),
    e(
        "freeze for 2 months?",
        """hey, i'm going travelling in feb and march and want to pause my membership instead of cancelling. how do i do it, until when do i need to ask, and what does it cost? i'm in Sweden

cheers
Ali""",
        "answer",
        [FREEZE_WHEN, FREEZE_COST, FAQ_SV_FREEZE],
        [["20th", "den 20:e"], ["SEK 49", "49 kr"]],
    ),
    e(
        "Broken leg - freeze",
        """Dear Pulsbox,

I broke my leg skiing last weekend and the doctor says no training for at least 4 months. I'm on Standard in Helsinki and still have 7 months of my binding period left. Can I pause the membership without paying for it? I have the doctor's certificate.

Kind regards,
Emma Virtanen""",
        "answer",
        [FREEZE_MED, CANCEL_EARLY],
        [["up to 6 months"], ["free of charge"]],
    ),
    e(
        "Lost my key tag",
        """Hi, I lost my key tag somewhere on the bus yesterday. What should I do and how much is a new one? I'm a member in Copenhagen.

Thanks
Mads""",
        "answer",
        [TAG_LOST, TAG],
        [["Block key tag"], ["DKK 75"]],
    ),
    e(
        "QR code not scanning",
        """Hello,

Since this week my QR code does not open the gate. I've been showing the screenshot of the code that I saved because the app is slow to open in the basement. The reception staff were gone (it was 21:30). What am I doing wrong?

Sarah Mitchell""",
        "answer",
        [QR, FAQ_QR, CL_50],
        [["30 seconds"], ["screenshot"]],
    ),
    e(
        "Opening hours on Christmas Eve",
        """Hi there, are the clubs open on 24 December? Me and my brother want to do a morning session before the family stuff starts. We train at Göteborg Linné.

Happy holidays in advance!
Peter""",
        "answer",
        [HOLIDAYS],
        [["08:00–16:00", "08:00-16:00"]],
    ),
    e(
        "Late cancellation fee on my bill",
        """Hello,

I noticed an extra SEK 75 on my October payment. I assume it's because I missed a spin class on the 9th. I actually cancelled it, just 1 hour before because my daughter got sick. How late can you cancel without paying, and is there anything I can do about this fee?

Thanks,
Linnea Karlsson""",
        "answer",
        [LATE],
        [["2 hours"], ["within 3 days", "once per calendar month"]],
    ),
    e(
        "Bringing my girlfriend",
        """Hey,

Can I bring my girlfriend to train with me? I have the All Clubs membership. She's 17, turning 18 in March.

//Daniel""",
        "answer",
        [GUEST_RULES, GUEST_PLAN, FAQ_FRIEND],
        [["at least 18"]],
    ),
    e(
        "PT package prices Germany",
        """Hi,

I'm an expat living in Hamburg and a member at the Altona club. I'd like to start with personal training. What do the packages cost here and how long are they valid? I travel a lot for work so I might not use them quickly.

Best,
Rachel Owens
Senior Consultant, Northbridge Advisory""",
        "answer",
        [PT_PRICES, PT_VALID],
        [["EUR 620", "EUR 325"], ["6 months"]],
    ),
    e(
        "Student discount",
        """Hi! I'm starting my master's at Aarhus University in September. Is there a student discount and on which memberships? Thanks :) Lena""",
        "answer",
        [STUDENT],
        [["25%"], ["Flex and Standard"]],
    ),
    e(
        "Failed payment and access blocked?",
        """Hello,

My card expired and I just got an email that my payment failed. I'll get the new card next week. Will I be locked out of the gym, and will there be a fee? I'm in Stockholm.

Regards,
Mikael Berg""",
        "answer",
        [PAY_FAILED, FAQ_CARD],
        [["14 days"], ["SEK 60"]],
    ),
    e(
        "Training at clubs abroad",
        """Hi,

I have a Standard membership in Sweden but I work in Oslo 2-3 days a month. Can I use the Oslo clubs with my membership, or do I need All Clubs?

Thanks,
Karin Aho
Sales Manager Nordics""",
        "answer",
        [OTHER_CLUBS, FAQ_TWO],
        [["10 times per calendar year"]],
    ),
    e(
        "Sauna with my son",
        """Hello, my son is 14 and we have a family membership. Can he come in the sauna with me after training? Best, Erik""",
        "answer",
        [SAUNA],
        [["under 15"]],
    ),
    e(
        "Locker was cut open",
        """Hi,

I left my padlock on a day locker overnight by mistake (forgot my gym bag, classic). Today the lock is gone and so is the bag. Where is my stuff and how long will you keep it?

Cheers,
Ben""",
        "answer",
        [LOCKERS],
        [["30 days"]],
    ),
    # route-like but answerable
    e(
        "Locker security",
        """Hi,

Quick question about security in the changing rooms: I bring my laptop to the gym after work. Are the day lockers monitored, and do you have anything safer? I'd rather not have my work laptop stolen.

Best regards,
Sophie Turner
IT Security Manager, Halvorsen & Co""",
        "answer",
        [LOCKERS],
        [["rental locker", "rental lockers"], ["code lock"]],
    ),
    e(
        "Notice period when joining via the app",
        """Good afternoon,

I'm a lawyer myself so I read contracts carefully :) I signed up for Standard in the app 5 days ago and I realise I'll be moving abroad for work next month. Can I still withdraw, and what will it cost me? I trained twice.

Regards,
Oliver Grant
Associate, Grant & Vesterberg Advokatbyrå""",
        "answer",
        [CANCEL_REGRET],
        [["14-day", "14 days"], ["days you used"]],
    ),
    e(
        "Back rehab - which classes?",
        """Hi,

I'm recovering from a back injury (herniated disc last spring) and my physio says I can slowly start training again. Which of your classes would be suitable? I don't want to end up in a HIIT class by mistake.

Thanks,
Nadia""",
        "answer",
        [CLASS_INJURY, CLASS_TYPES, AFTER_INJURY],
        [["Back & Core"], ["Mobility"]],
    ),
    e(
        "Club closed for renovation",
        """Hi,

My home club (Aarhus C) has been closed for renovation since 28 September, and the sign on the door says it reopens on 2 November. The next Pulsbox is in Viby, which is about 6 km away but a pain to get to by bike. Do I still have to pay full price for October?

Best regards,
Frederik Holm
Store Manager, Bog & Idé Aarhus""",
        "answer",
        [FAQ_RENOVATION, TERMS],
        [["7 days"], ["10 km"]],
    ),
    # --- abstain: close but unanswered ---
    e(
        "Garmin sync?",
        """Hello, does the Pulsbox app sync my workouts with Garmin Connect or Strava? I'd like my class check-ins to show up there. Thanks, Laura""",
        "abstain",
    ),
    e(
        "Swimming pool",
        """Hi,

Which of your clubs in Stockholm have a swimming pool? I'm looking for aqua aerobics for my mum.

Thank you,
Sam""",
        "abstain",
    ),
    e(
        "Gift card for Christmas",
        """Hello! I'd love to give my husband 3 months of Pulsbox as a Christmas present. Do you sell gift cards, and can they be used for personal training? Best wishes, Maria Holm""",
        "abstain",
    ),
    e(
        "Childcare while training?",
        """Hi, do any of your clubs offer a kids' corner or childcare while parents train? My son is 2. Thanks, Jenny""",
        "abstain",
    ),
    e(
        "Paying with PayPal",
        """Hi,

Can I pay my membership with PayPal? I don't have a credit card and I'm in Germany but my bank is British.

Kind regards,
Michael Shaw""",
        "abstain",
    ),
    # route-like abstain
    e(
        "How much mobile data does the app use?",
        """Hi,

I'm on a prepaid plan with only 2 GB of data per month. Roughly how much mobile data does the Pulsbox app use per month if I check in every day and book a couple of classes a week?

Thanks,
Greg""",
        "abstain",
    ),
    # off-topic
    e(
        "Order #88213 not delivered",
        """Hi,

My order #88213 (2 x protein bars, 1 x shaker) was supposed to arrive on Tuesday and the tracking hasn't moved since Friday. Can you check with DHL?

Thanks
Ryan""",
        "abstain",
    ),
    e(
        "Conference room booking 12 Nov",
        """Dear team,

Following up on our call: please confirm the conference room for 14 people on 12 November, 09:00-16:00, with projector, coffee and a vegetarian lunch. Invoice to our Oslo office.

Best regards,
Kristin Aas
Office Manager, Brightwater AS""",
        "abstain",
    ),
    # --- route ---
    e(
        "Injury at Odenplan - treadmill",
        """Hello,

Yesterday evening (around 19:40) the treadmill I was running on at Stockholm Odenplan suddenly stopped and I fell and hit my face on the console. I have a cut above my eye that needed 4 stitches at the emergency room. Nobody from staff was there. I want to report this and know who is responsible. I have photos and the ER receipt.

Andreas Nyström
070-123 45 67""",
        "route",
        reason="safety",
    ),
    e(
        "I can see another member's details in the app",
        """Hi,

When I opened Profile > Receipts today, I saw receipts with another person's name, address and the last four digits of their card - Johanna something, living in Uppsala. I logged out and in again and it's still there. This seems like a serious problem.

Regards,
Philip Ward""",
        "route",
        reason="security",
    ),
    e(
        "Formal complaint - consumer board",
        """To Pulsbox Member Service,

I have now written to you three times about the SEK 3,990 you charged for the "buy-out" of my binding period, which I never agreed to. Unless the full amount is refunded within 10 days I will file a complaint with the National Board for Consumer Disputes (ARN) and have my lawyer take further steps.

> On 2 October 2026, Pulsbox Member Service wrote:
> Thank you for your message. We have forwarded your case to the billing team.

Patrik Eklund""",
        "route",
        reason="legal",
    ),
    e(
        "Open application - personal trainer",
        """Hi Pulsbox,

I'm a certified personal trainer (EREPS level 4) with five years of experience from SATS and independent clients in Gothenburg. I couldn't find any open positions on your website but I would love to work at one of your Gothenburg clubs. My CV is attached.

Kind regards,
Amir Hassan""",
        "route",
        reason="job",
    ),
    e(
        "Partnership proposal: corporate recovery drinks",
        """Hello,

I'm Head of Partnerships at NordFuel, a Swedish sports nutrition brand. We'd like to discuss placing our vending fridges in your clubs in Sweden and Norway with a revenue share, and possibly co-branded offers in your app. Who would be the right person to talk to?

Best,
Helena Strand
Head of Partnerships, NordFuel AB""",
        "route",
        reason="partnership",
    ),
]

SV = [
    e(
        "Pris för Off-Peak",
        """Hej!

Jag är pensionär sedan i våras (fyllde 66 i maj) och funderar på att börja träna på dagtid på Pulsbox i Västerås. Vad kostar Off-Peak och får man någon pensionärsrabatt?

Vänliga hälsningar
Birgitta Sjöberg""",
        "answer",
        [SV_PRICES, SV_STUDENT, SENIOR],
        [["299 kr"], ["20 %", "20%"]],
    ),
    e(
        "Avgift för missat pass",
        """Hej,

Jag fick en avgift på min senaste dragning för ett yogapass jag inte kom till. Hur sent kan man avboka utan att det kostar? Jag var faktiskt sjuk den dagen.

Mvh
Sara Lund""",
        "answer",
        [SV_LATE, LATE],
        [["2 timmar", "2 hours"], ["inom 3 dagar", "within 3 days"]],
    ),
    e(
        "Friskvårdsbidrag via Benify",
        """Hej Pulsbox!

Min arbetsgivare har bytt till Benify för friskvårdsbidraget. Kan jag betala mitt medlemskap direkt därifrån, och kan jag använda bidraget till handdukstjänsten också?

Tack på förhand,
Johan Ek
Ekonomiansvarig, Ek & Söner Bygg AB""",
        "answer",
        [SV_FRISK_HOW, SV_FRISK_WHAT, FRISK],
        [["Benify"], ["Handdukstjänst", "Towel Service"]],
    ),
    e(
        "Familjemedlemskap",
        """Hej, vi är två vuxna och två tonåringar (14 och 16) som vill börja träna tillsammans i Umeå. Vad kostar familjemedlemskap för barnen? /Anna Persson""",
        "answer",
        [SV_FAMILY, FAMILY, AGE],
        [["149 kr", "SEK 149"]],
    ),
    # route-like (skada) but answerable
    e(
        "Träna efter en skada",
        """Hej!

Jag opererade knät i augusti (korsband) och min fysioterapeut säger att jag kan börja med lugn träning. Har ni några pass som passar efter en skada? Jag vill inte överbelasta.

Hälsningar
Lina Öberg""",
        "answer",
        [CLASS_INJURY, CLASS_TYPES, AFTER_INJURY],
        [["Back & Core"], ["Mobility"]],
    ),
    e(
        "Betala med Swish?",
        """Hej, kan jag betala månadsavgiften med Swish istället för autogiro? Jag vill inte koppla mitt bankkonto. Mvh Emil""",
        "abstain",
    ),
    e(
        "Biljetter till konserten",
        """Hej!

Jag köpte två biljetter till konserten på Pulsbox-scenen den 14 november men har inte fått någon bekräftelse. Kan ni skicka biljetterna igen?

Mvh Fredrik""",
        "abstain",
    ),
    e(
        "Radera mina uppgifter",
        """Hej,

Jag sa upp mitt medlemskap i juni och vill nu att ni raderar alla personuppgifter om mig, inklusive mina incheckningar och hälsodeklarationen. Bekräfta gärna skriftligt när det är gjort.

Med vänlig hälsning
Karin Holmberg
personnummer 19870312-XXXX""",
        "route",
        reason="privacy",
    ),
    e(
        "Olycka i omklädningsrummet",
        """Hej,

Min pappa (72 år) halkade på det blöta golvet i herrarnas omklädningsrum på Pulsbox Sundbyberg i morse och slog i höften. Han fick åka ambulans och ligger nu på Danderyds sjukhus. Det fanns ingen varningsskylt. Vi vill veta vad ni tänker göra åt det här.

Maria Johansson""",
        "route",
        reason="safety",
    ),
]

DE = [
    e(
        "Kündigungsfrist nach Mindestlaufzeit",
        """Hallo,

meine Mindestlaufzeit (Standard, Berlin Mitte) endet am 31. Dezember. Verlängert sich mein Vertrag dann automatisch um ein weiteres Jahr? Und wie kann ich danach kündigen?

Viele Grüße
Lukas Weber""",
        "answer",
        [DE_TERM, DE_FRIST, DE_HOW],
        [
            ["einem Monat"],
            [
                "Eine automatische Verlängerung um weitere 12 Monate gibt es nicht",
                "unbestimmte Zeit",
            ],
        ],
    ),
    e(
        "Kündigung per E-Mail?",
        """Guten Tag,

kann ich meine Mitgliedschaft einfach per E-Mail kündigen? Die App stürzt bei mir ständig ab. Und bekomme ich eine Bestätigung?

Mit freundlichen Grüßen
Petra Schulz""",
        "answer",
        [DE_HOW, FAQ_DE_CONFIRM],
        [["kuendigung@pulsbox.de"], ["Eingangsbestätigung"]],
    ),
    e(
        "Rücklastschrift – Gebühr?",
        """Hallo Pulsbox-Team,

mein Konto war Anfang des Monats leider nicht gedeckt, die Lastschrift ist zurückgegangen. Was kostet mich das jetzt und wann wird erneut abgebucht?

Danke und Grüße
Kevin Hoffmann

-----Ursprüngliche Nachricht-----
Von: Pulsbox <noreply@pulsbox.de>
Gesendet: Montag, 5. Oktober 2026 07:02
Betreff: Deine Lastschrift konnte nicht eingezogen werden
> Hallo Kevin, leider konnten wir deinen Beitrag für Oktober nicht einziehen.""",
        "answer",
        [DE_RUECK],
        [["7,50 €"], ["7 Tagen"]],
    ),
    e(
        "Krankenkasse Zuschuss Mitgliedschaft",
        """Sehr geehrte Damen und Herren,

meine Krankenkasse (TK) hat mir gesagt, dass sie Präventionskurse bezuschusst. Zahlt sie auch meine Mitgliedschaft bei Pulsbox? Und welche Kurse bieten Sie an, die erstattet werden?

Mit freundlichen Grüßen
Dr. Sabine Krüger""",
        "answer",
        [KK_WHAT, DE_KK_EN],
        [
            ["Rücken aktiv"],
            ["keine Fitnessstudio-Mitgliedschaft", "do not pay for a gym membership"],
        ],
    ),
    e(
        "Vertrag übertragen",
        """Hi,

ich ziehe beruflich nach Wien und habe noch 8 Monate Mindestlaufzeit. Meine Mitbewohnerin würde meinen Vertrag übernehmen. Geht das und was kostet das?

LG Julia""",
        "answer",
        [FAQ_DE_TRANSFER, DE_SONDER],
        [["19,90 €"]],
    ),
    # route-like: Rechtsanwalt as own job
    e(
        "Familientarif in Deutschland?",
        """Sehr geehrtes Pulsbox-Team,

ich bin Rechtsanwalt in München und möchte gemeinsam mit meiner Frau und unserem 15-jährigen Sohn Mitglied werden. Gibt es bei Ihnen einen Familientarif, und was kostet der Standard-Tarif?

Mit freundlichen Grüßen
Thomas Bauer
Rechtsanwalt | Bauer & Kollegen""",
        "answer",
        [DE_PRICES],
        [["Familientarif bieten wir in Deutschland nicht an"], ["34,90 €"]],
    ),
    e(
        "Urban Sports Club",
        """Hallo, kann ich mit meiner Urban Sports Club Mitgliedschaft (M-Tarif) bei euch in Köln trainieren? Viele Grüße, Max""",
        "abstain",
    ),
    e(
        "Auskunft nach Art. 15 DSGVO",
        """Sehr geehrte Damen und Herren,

hiermit mache ich von meinem Recht auf Auskunft nach Art. 15 DSGVO Gebrauch. Bitte teilen Sie mir mit, welche personenbezogenen Daten Sie über mich speichern, insbesondere Check-in-Zeiten und Videoaufnahmen, zu welchen Zwecken und an wen sie weitergegeben wurden.

Mitgliedsnummer: DE-448812

Mit freundlichen Grüßen
Annika Vogel""",
        "route",
        reason="privacy",
    ),
    e(
        "Unberechtigte Abbuchungen – Anzeige erstattet",
        """Hallo,

von meinem Konto wurden im Oktober drei Beträge von je 49,90 € an Pulsbox abgebucht, obwohl ich nie Mitglied bei Ihnen war. Ich habe bei der Polizei Anzeige erstattet (Vorgangsnummer 2026/10/55871). Bitte teilen Sie mir mit, auf welchen Namen dieser Vertrag läuft, und stoppen Sie die Abbuchungen.

Stefan Wolf""",
        "route",
        reason="security",
    ),
]

NO = [
    e(
        "Pris på Flex i Bergen",
        """Hei!

Hva koster Flex-medlemskap i Norge per måned, og er det innmeldingsavgift? Jeg vil ikke binde meg siden jeg bare er i Bergen et halvt år.

Mvh
Sindre Haugen""",
        "answer",
        [PRICES, JOIN],
        [["NOK 549"], ["NOK 199"]],
    ),
    e(
        "Purring og gebyr",
        """Hei,

Jeg fikk en purring på e-post i dag med et gebyr. Hvor mye er purregebyret, og blir jeg stengt ute fra senteret?

Hilsen Marte Olsen""",
        "answer",
        [PAY_FAILED],
        [["NOK 35"], ["14 days"]],
    ),
    e(
        "Bemannede åpningstider",
        """Hei, når er resepsjonen bemannet i helgene? Jeg må hente en ny nøkkelbrikke. Mvh Ola Nilsen""",
        "answer",
        [STAFFED, TAG],
        [["09:00–16:00", "09:00-16:00"]],
    ),
    # route-like: "sikkerhet" in the sense of locker security? use "hacket"? keep ordinary: datteren 16 år
    e(
        "Datteren min (16) vil trene",
        """Hei!

Datteren min på 16 vil begynne å trene på Pulsbox Trondheim Solsiden. Kan hun bli medlem selv, og kan hun trene på kvelden etter kl. 21 når det ikke er ansatte der? Jeg tenker litt på sikkerheten hennes.

Vennlig hilsen
Geir Pedersen
Driftssjef, Trondheim Havn""",
        "answer",
        [AGE, STAFFED],
        [["15–17", "15-17"], ["staffed hours"]],
    ),
    e(
        "Betale med Vipps?",
        """Hei, kan jeg betale medlemskapet med Vipps i stedet for AvtaleGiro? Takk, Ingrid""",
        "abstain",
    ),
    e(
        "Noen har tatt over kontoen min",
        """Hei,

Jeg fikk i natt en e-post om at passordet og e-postadressen på Pulsbox-kontoen min er endret. Det var ikke meg! Nå kommer jeg ikke inn i appen, og jeg ser at det er registrert et nytt betalingskort. Hjelp!

Mvh
Kristoffer Dahl""",
        "route",
        reason="security",
    ),
]

DA = [
    e(
        "Gæstepas med Standard",
        """Hej,

Jeg har et Standard-medlemskab i København. Hvor mange gæstepas får jeg om måneden, og kan ubrugte pas gemmes til næste måned?

Mvh
Mette Rasmussen""",
        "answer",
        [GUEST_PLAN],
        [["1 guest pass per calendar month"], ["do not carry over"]],
    ),
    e(
        "Håndklæder",
        """Hej Pulsbox, er håndklæder inkluderet i medlemskabet? Hvis ikke, hvad koster det at leje? Venlig hilsen Camilla""",
        "answer",
        [TOWELS],
        [["DKK 25"], ["DKK 59"]],
    ),
    e(
        "Opsigelse og flytning til Jylland",
        """Hej,

Jeg har 5 måneder tilbage af min binding (All Clubs), men jeg flytter til Thisted i december, og der er ingen Pulsbox i nærheden - nærmeste er i Aalborg, ca. 90 km væk. Kan jeg komme ud af min binding?

Med venlig hilsen
Rasmus Kjær
Lærer, Thisted Gymnasium""",
        "answer",
        [CANCEL_EARLY],
        [["35 km"], ["one month's notice"]],
    ),
    e(
        "Flybillet",
        """Hej,

Jeg har booket en flyrejse til Malaga den 3. december, booking-reference XK7P2Q, men jeg har ikke fået min boardingkort. Kan I sende det igen?

Hilsen Lars""",
        "abstain",
    ),
    e(
        "Ret mit navn og fødselsdato",
        """Hej,

I har registreret mit navn forkert (Jensen i stedet for Jenssen) og min fødselsdato er også forkert i jeres system. Jeg ønsker, at I retter mine personoplysninger i henhold til GDPR, og at I bekræfter det skriftligt.

Venlig hilsen
Signe Jenssen""",
        "route",
        reason="privacy",
    ),
]

FI = [
    e(
        "Smartum-liikuntaetu",
        """Hei,

Voinko maksaa jäsenyyteni Smartum-saldolla? Entä PT-paketin?

Terveisin
Janne Korhonen""",
        "answer",
        [FI_BENEFIT],
        [["Smartum"], ["personal training"]],
    ),
    e(
        "Jäsenyyden hinta Suomessa",
        """Hei!

Paljonko Standard-jäsenyys maksaa Suomessa kuukaudessa, ja kuinka pitkä sitoutumisaika on? Olen muuttamassa Tampereelle.

Ystävällisin terveisin
Aino Mäkinen""",
        "answer",
        [PRICES, PLANS],
        [["EUR 39"], ["12-month binding period"]],
    ),
    e(
        "Ryhmäliikuntatuntien varaus",
        """Moi, monta päivää etukäteen voi varata ryhmäliikuntatunnin? Ja montako varausta voi olla kerralla? t. Veera""",
        "answer",
        [BOOK],
        [["7 days"], ["4 active bookings"]],
    ),
    e(
        "Kuntosali Oulussa?",
        """Hei, onko teillä salia Oulussa tai suunnitteilla sinne? Terveisin Mikko""",
        "abstain",
    ),
    e(
        "Työhakemus: vastaanottovirkailija",
        """Hei,

Haen vastaanottovirkailijan osa-aikaista työtä Helsingin Kamppi-klubillanne. Minulla on kahden vuoden kokemus asiakaspalvelusta ja opiskelen liikunnanohjaajaksi. CV liitteenä.

Ystävällisin terveisin
Laura Nieminen
040 123 4567""",
        "route",
        reason="job",
    ),
]

FR = [
    e(
        "Tarif senior",
        """Bonjour,

J'ai 67 ans et j'habite à Berlin depuis peu. Avez-vous une réduction pour les seniors, et sur quels abonnements ?

Cordialement,
Jean-Pierre Morel""",
        "answer",
        [SENIOR, DE_PRICES],
        [["20%", "20 %"]],
    ),
    e(
        "Geler mon abonnement pendant ma grossesse",
        """Bonjour,

Je suis enceinte de 5 mois et je voudrais suspendre mon abonnement (Stockholm, Standard) jusqu'après mon congé maternité. Est-ce possible sans frais ?

Merci d'avance,
Claire Dubois""",
        "answer",
        [FREEZE_MED, FAQ_PREGNANT],
        [["free of charge"], ["6 months"]],
    ),
    e(
        "Annulation d'une séance de coaching",
        """Bonjour,

J'ai une séance avec mon coach personnel demain à 8h mais je suis malade. Si j'annule maintenant (il est 18h), est-ce que la séance est perdue ?

Bien à vous,
Antoine Lefèvre""",
        "answer",
        [PT_CANCEL],
        [["24 hours"], ["counts as used"]],
    ),
    e(
        "Mesure de la composition corporelle",
        """Bonjour, proposez-vous des mesures InBody ou d'autres analyses de composition corporelle dans vos clubs à Copenhague ? Merci, Élodie""",
        "abstain",
    ),
    e(
        "Demande d'interview – Le Monde",
        """Bonjour,

Je suis journaliste au service économie du Monde et je prépare un article sur l'essor des salles de sport ouvertes 24h/24 en Europe du Nord. Serait-il possible d'interviewer votre directeur général ou un porte-parole cette semaine ?

Bien cordialement,
Camille Roussel
Journaliste, Le Monde""",
        "route",
        reason="press",
    ),
]

ES = [
    e(
        "Cuota de inscripción",
        """Hola,

Me voy a apuntar al plan Flex en Estocolmo. ¿Hay que pagar cuota de inscripción? He comprado un pase de día hoy, ¿me lo descontáis?

Gracias,
Lucía Fernández""",
        "answer",
        [JOIN, DAY_PASS, FAQ_TRIAL],
        [["SEK 199"], ["within 7 days"]],
    ),
    e(
        "Horario del gimnasio",
        """Hola, ¿a qué hora abren y cierran los clubs normalmente? Me gusta entrenar muy temprano, antes del trabajo. Saludos, Javier Ruiz""",
        "answer",
        [HOURS],
        [["05:00"], ["23:00"]],
    ),
    e(
        "¿Tenéis gimnasios en España?",
        """Hola,

Tengo el plan All Clubs en Oslo y en verano paso dos meses en Valencia. ¿Tenéis clubs en España o algún acuerdo con gimnasios allí?

Un saludo,
Carmen Vidal""",
        "abstain",
    ),
    e(
        "Alquiler de piso en Barcelona",
        """Hola,

Estoy interesado en el piso de la calle Provença que anunciáis. ¿Sigue disponible para enero y cuál es la fianza?

Saludos,
Pablo Martín""",
        "abstain",
    ),
    e(
        "Queja sobre un empleado – quiero hablar con el responsable",
        """Hola,

Ayer en el club de Friedrichshain un empleado de recepción me trató de forma muy grosera delante de otros socios cuando pregunté por mi llave. Quiero hablar con el responsable del club o con un gerente, no con un bot. Por favor, que alguien me llame al +49 151 2345678.

Diego Herrera""",
        "route",
        reason="manager",
    ),
]

NL = [
    e(
        "Lidmaatschap omzetten naar All Clubs",
        """Hallo,

Ik heb Standard in Hamburg maar werk vaak in Kopenhagen. Kan ik overstappen naar All Clubs, en vanaf wanneer geldt de nieuwe prijs?

Groeten,
Sanne de Vries""",
        "answer",
        [UPGRADE, PRICES],
        [["next month"]],
    ),
    e(
        "Betaaldatum wijzigen",
        """Hoi, mijn salaris komt pas op de 25e binnen. Kan ik de afschrijving van mijn lidmaatschap naar later in de maand verplaatsen? Groetjes, Daan""",
        "answer",
        [FAQ_PAYDATE, PAY_WHEN],
        [["1st of the month", "1st of each month"]],
    ),
    e(
        "Verhuizen naar Duitsland",
        """Beste Pulsbox,

Ik woon nu in Malmö en verhuis in februari voor mijn werk naar Berlijn. Kan ik mijn lidmaatschap meenemen naar Duitsland? Ik zit nog in mijn contractjaar.

Met vriendelijke groet,
Pieter Janssen
Data Engineer, Klarwerk GmbH""",
        "answer",
        [MOVE_COUNTRY],
        [["cannot be moved to another country"], ["60 days"]],
    ),
    e(
        "Clubs in Nederland?",
        """Hallo, komen jullie ook naar Nederland? Ik zou graag lid worden in Utrecht. Groet, Femke""",
        "abstain",
    ),
    e(
        "Bezwaar tegen gebruik van mijn gegevens (AVG)",
        """Geachte heer/mevrouw,

Ik ontvang sinds kort gepersonaliseerde aanbiedingen in de app op basis van mijn trainingsgedrag. Ik maak bezwaar tegen deze verwerking van mijn persoonsgegevens voor marketingdoeleinden (artikel 21 AVG) en verzoek u hiermee te stoppen.

Met vriendelijke groet,
Marloes Bakker""",
        "route",
        reason="privacy",
    ),
]

PL = [
    e(
        "Cena karnetu w Niemczech",
        """Dzień dobry,

Pracuję w Berlinie i chciałbym zapisać się na siłownię. Ile kosztuje karnet Off-Peak i w jakich godzinach mogę trenować?

Pozdrawiam,
Tomasz Nowak""",
        "answer",
        [DE_PRICES, DE_TARIFE, PRICES, PLANS],
        [["24,90 €", "EUR 24.90"], ["06:00–16:00", "06:00-16:00"]],
    ),
    e(
        "Zgubiony brelok",
        """Cześć, zgubiłam brelok do wejścia (klub w Oslo). Jak go zablokować i ile kosztuje nowy? Dzięki, Agnieszka""",
        "answer",
        [TAG_LOST, TAG],
        [["Block key tag"], ["NOK 99"]],
    ),
    # route-like: kontuzja, asks about classes
    e(
        "Zajęcia po kontuzji kręgosłupa",
        """Dzień dobry,

Po kontuzji kręgosłupa wracam do treningów. Czy macie zajęcia grupowe odpowiednie dla osób po urazie? Czy instruktorzy są fizjoterapeutami?

Z poważaniem,
Katarzyna Wiśniewska""",
        "answer",
        [CLASS_INJURY, CLASS_TYPES],
        [["Back & Core"], ["not physiotherapists"]],
    ),
    e(
        "Płatność BLIK",
        """Dzień dobry, czy mogę płacić za karnet przez BLIK? Mieszkam w Sztokholmie, ale mam polskie konto. Pozdrawiam, Marek""",
        "abstain",
    ),
    e(
        "Usunięcie danych – RODO",
        """Dzień dobry,

Na podstawie art. 17 RODO proszę o usunięcie wszystkich moich danych osobowych, w tym historii wejść i danych karty płatniczej. Członkostwo zakończyłem w sierpniu.

Z poważaniem,
Piotr Kamiński""",
        "route",
        reason="privacy",
    ),
]

IT = [
    e(
        "Lista d'attesa",
        """Ciao,

Mi sono messa in lista d'attesa per una lezione di yoga domani sera. Se si libera un posto vengo prenotata automaticamente o devo controllare l'app?

Grazie,
Giulia Romano""",
        "answer",
        [WAIT, CL_51],
        [["automatically"], ["2 hours"]],
    ),
    e(
        "Armadietti in affitto",
        """Buongiorno, vorrei affittare un armadietto fisso nel mio club di Stoccolma. Quanto costa al mese e come si prenota? Grazie, Marco Bianchi""",
        "answer",
        [LOCKERS, CL_53],
        [["SEK 99"], ["in the app"]],
    ),
    e(
        "Piano alimentare",
        """Ciao, vendete integratori o offrite piani alimentari personalizzati insieme al personal training? Grazie, Francesca""",
        "abstain",
    ),
    e(
        "Addebiti non autorizzati sulla mia carta",
        """Buongiorno,

Sulla mia carta di credito vedo quattro addebiti di Pulsbox di SEK 1.495 ciascuno, ma non ho mai acquistato pacchetti di personal training. Qualcuno deve aver usato la mia carta. Vi prego di bloccare tutto e di dirmi a quale account sono collegati.

Cordiali saluti,
Alessandro Conti""",
        "route",
        reason="security",
    ),
]

SETS = {
    "en": EN,
    "sv": SV,
    "de": DE,
    "no": NO,
    "da": DA,
    "fi": FI,
    "fr": FR,
    "es": ES,
    "nl": NL,
    "pl": PL,
    "it": IT,
}


def build() -> list[dict]:
    rows = []
    for language, emails in SETS.items():
        counters: dict[str, int] = defaultdict(int)
        for number, email in enumerate(emails, start=1):
            n = counters[email["expect"]]
            counters[email["expect"]] += 1
            # alternate within each (language, expect) group; odd languages start with test
            start = sorted(SETS).index(language) % 2
            split = "dev" if (n + start) % 2 == 0 else "test"
            rows.append(
                {
                    "id": f"fitness-{language}-{number:03d}",
                    "language": language,
                    "subject": email["subject"],
                    "body": email["body"],
                    "expect": email["expect"],
                    "gold_sources": email["gold_sources"],
                    "key_facts": email["key_facts"],
                    "split": split,
                    "route_reason": email["route_reason"],
                }
            )
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} emails to {OUT}")


if __name__ == "__main__":
    main()
