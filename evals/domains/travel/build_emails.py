"""Write evals/domains/travel/emails.jsonl: labelled customer emails to Baltiva (ferries and
coaches), for the knowledge base in kb/.

Each email is written below as a Python literal; ids are numbered per language in the order
written, and the dev/test split alternates within each (language, expect) group.

    .venv/bin/python evals/domains/travel/build_emails.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "emails.jsonl"

# --- knowledge-base sections (paths relative to kb/) -------------------------------------------
FARES = "help/fares-and-tickets.md"
FARES_OLD = "help/fare-conditions-before-april-2026.md"
FARES_FI = "fi/lipputyypit.md"
MANAGE = "help/manage-booking.md"
CABINS = "help/cabins-and-seats.md"
PETS = "help/pets-on-board.md"
PETS_FI = "fi/lemmikit.md"
VEHICLES = "help/vehicles.md"
VEHICLES_DE = "de/fahrzeuge.md"
PRICES = "help/vehicle-prices-2026.docx"
LUGGAGE = "help/luggage.md"
DOCS = "help/travel-documents.md"
DOCS_DE = "de/reisedokumente-deutschland.md"
KIDS = "help/children-and-minors.md"
ACCESS = "help/accessibility.md"
CLUB = "help/baltiva-club.md"
CLUB_TERMS = "help/club-terms-2026.pdf"
DINING = "help/dining-and-shops.md"
DELAYS = "help/delays-and-cancellations.md"
RIGHTS = "help/passenger-rights.md"
COACH = "help/coach-travel.md"
PAYMENT = "help/payment-and-receipts.md"
PAYMENT_AT = "de/zahlung-oesterreich.md"
ACCOUNT = "help/account-and-app.md"
CONTACT = "help/contact-us.md"
CHECKIN = "help/check-in-and-boarding.html"
CHECKIN_DE = "de/check-in-travemuende.html"
CHANGELOG = "changelog.md"
FAQ = "faq.csv"
GROUPS_FI = "fi/ryhmamatkat.md"

PET_OVERNIGHT = f"{PETS}#Prices and where your pet stays > Stockholm–Riga and Travemünde–Helsinki"
PET_HT = f"{PETS}#Prices and where your pet stays > Helsinki–Tallinn"
PET_PLACE_FI = f"{PETS_FI}#Hinnat ja lemmikin paikka matkalla"
FAQ_CHECKIN = f"{FAQ}#When does check-in close?"
FAQ_NAME = f"{FAQ}#Can I change the name on my ticket?"
FAQ_PETS_CABIN = f"{FAQ}#Wie viele Haustiere darf ich in einer Kabine mitnehmen?"

EMAILS: list[dict[str, Any]] = []


def answer(lang: str, subject: str, body: str, gold: list[str], facts: list[list[str]]) -> None:
    EMAILS.append(
        dict(
            language=lang,
            expect="answer",
            subject=subject,
            body=body,
            gold_sources=gold,
            key_facts=facts,
        )
    )


def abstain(lang: str, subject: str, body: str) -> None:
    EMAILS.append(
        dict(
            language=lang,
            expect="abstain",
            subject=subject,
            body=body,
            gold_sources=[],
            key_facts=[],
        )
    )


def route(lang: str, reason: str, subject: str, body: str) -> None:
    EMAILS.append(
        dict(
            language=lang,
            expect="route",
            subject=subject,
            body=body,
            gold_sources=[],
            key_facts=[],
            route_reason=reason,
        )
    )


# =============================================================================================
# English
# =============================================================================================
answer(
    "en",
    "Change of date - booking BT4R9X",
    """Hi,

I have a Standard ticket Helsinki–Tallinn for Saturday 21 November (booked it in September,
booking ref BT4R9X). My sister's birthday party got moved so I need to go a week later, on the
28th instead, same time if possible.

What will that cost me, and until when do I have to do it?

Thanks!
Laura Mäkinen""",
    [
        f"{FARES}#Changing a ticket",
        f"{FARES_FI}#Lipun muuttaminen",
        FAQ_NAME,
        f"{CHANGELOG}#2026-04-01",
    ],
    [["EUR 15", "15 €", "€15"], ["24 hours", "24 tuntia"]],
)

answer(
    "en",
    "Which rules apply to my booking?",
    """Hello Baltiva,

I booked a Standard ticket Stockholm–Riga back on 12 March 2026 for a trip on 19 December
(booking BK2M7Q). My plans may change and I'm confused because your fares page now says a change
costs EUR 15.

What would a date change cost for my booking? And if I end up cancelling instead, around 3 weeks
before, how much would I get back?

Kind regards,
Peter Lindqvist""",
    [f"{FARES_OLD}#Standard"],
    [["EUR 10"], ["EUR 20"]],
)

answer(
    "en",
    "Two dogs on Travemünde–Helsinki",
    """Good morning,

We're driving up to Finland in July with our camper van and our two dogs (a labrador and a small
terrier) on the Travemünde–Helsinki ferry. It's our first time on a long ferry with them.

Where do the dogs stay during the night, can they both be in the same place, and how much do you
charge for them? Also, is there anything special the dogs need health-wise to enter Finland? They
both have EU pet passports and rabies shots.

Thank you in advance,
Hannah & Mark Cooper
Bristol, UK""",
    [
        PET_OVERNIGHT,
        PET_PLACE_FI,
        f"{PETS}#Documents for pets",
        f"{PETS_FI}#Lemmikin matkustusasiakirjat",
        FAQ_PETS_CABIN,
    ],
    [
        ["EUR 35", "35 €"],
        ["24–120 hours", "24–120 tuntia"],
        ["2 pets", "2 lemmikkiä", "2 Haustiere"],
    ],
)

answer(
    "en",
    "Can my 16 year old travel alone to Tallinn?",
    """Hi there,

My daughter Emma is 16 and would like to take the ferry from Helsinki to Tallinn on her own
during the autumn holiday to visit her grandmother, who will meet her at the terminal in Tallinn.

Is she allowed to travel alone at that age, and what paperwork does she need apart from her
passport?

Best regards,
Kati Tamm""",
    [f"{KIDS}#Children travelling alone", f"{DOCS}#Minors travelling without a parent"],
    [["15 years"], ["consent form"]],
)

answer(
    "en",
    "wheelchair at West Terminal",
    """Hello,

I had knee surgery three weeks ago after a skiing injury and I can't walk long distances yet.
I'm taking the 10:30 ferry from Helsinki to Tallinn on 4 December (booking ZP8L2C).

Is it possible to borrow a wheelchair at West Terminal 2 and get some help boarding? How far in
advance do I need to tell you?

Many thanks,
Daniel Ortiz""",
    [f"{ACCESS}#Requesting assistance"],
    [["48 hours"], ["Special assistance"]],
)

answer(
    "en",
    "Missing Club points for our MD",
    """Dear Baltiva customer service,

Our Managing Director, Mr Henrik Aalto, travelled Stockholm–Riga and back in early July (booking
ref RGA5T1). I made the booking for him and forgot to enter his Baltiva Club number.

Can the points still be added, and if so, how do we do it?

With kind regards,

Sanna Virtanen
Office Manager
Nordic Timber Solutions Oy""",
    [f"{CLUB}#Earning points", CLUB_TERMS],
    [["6 months"], ["Claim missing points"]],
)

answer(
    "en",
    "Missed the 10:30 boat",
    """Hi,

Stuck in a traffic jam on Mechelininkatu and we just missed the 10:30 departure to Tallinn.
We have Flex tickets (2 adults, booking QW3E8R). Can we take a later ferry today without
paying again??

Sent from my iPhone""",
    [f"{FARES}#If you miss your departure", f"{DELAYS}#If you are late"],
    [["same day"]],
)

answer(
    "en",
    "First time on the ferry - timing",
    """Hello,

My wife and I are taking the ferry from Helsinki to Tallinn on foot next Saturday, departure
at 12:00. We have never done this before.

How early do we need to be at the terminal, and what is the exact address of the terminal so
I can give it to the taxi driver?

Regards,
Robert Hughes""",
    [
        f"{CHECKIN}#When does check-in close?",
        FAQ_CHECKIN,
        f"{FAQ}#Milloin lähtöselvitys sulkeutuu Helsingissä?",
        f"{CHECKIN}#Our terminals",
    ],
    [["30 minutes", "30 minuuttia"], ["Tyynenmerenkatu 14"]],
)

answer(
    "en",
    "Receipt with company VAT number",
    """Hi,

I travelled Helsinki–Tallinn for a client meeting on 2 October (booking MN6V3D). Our project
manager asked me to check whether I can get a receipt with our company name and VAT number
(FI12345678) on it, because the one I downloaded only has my own name.

Where can I change that, and is it too late now?

Thanks,
Olivia Brandt
Consultant, Kestrel Engineering""",
    [f"{PAYMENT}#Receipts", f"{FAQ}#Where do I find my receipt?"],
    [["Edit receipt details"], ["30 days"]],
)

answer(
    "en",
    "List of my trips for expense report",
    """Hello,

Our HR manager needs a list of all the business trips I've made with Baltiva this year for my
travel expense report. I've done maybe 15 trips between Helsinki and Tallinn.

Is there a way to export them to Excel rather than downloading every receipt one by one?

Kind regards,
Tomasz Nowicki
Sales Engineer""",
    [f"{ACCOUNT}#Your trips", f"{CHANGELOG}#2026-09-02"],
    [["Export (CSV)"], ["36 months"]],
)

answer(
    "en",
    "Change trip button doesn't work",
    """Hi,

I'm trying to move my trip tomorrow morning (Helsinki–Tallinn, 08:00, Standard ticket) to the
afternoon boat. When I press "Change trip" in My Bookings nothing happens, the button is just
grey. I tried Chrome and Safari. Is the website broken?

It's now 21:30 here.

Thanks
Jussi""",
    [
        f"{MANAGE}#Changing the date, time or route",
        f"{FARES}#Changing a ticket",
        f"{FARES_FI}#Lipun muuttaminen",
    ],
    [["24 hours", "24 tuntia"], ["greyed out"]],
)

answer(
    "en",
    "Group trip to Tallinn - 24 people",
    """Hello,

We are planning our staff recreation day in Tallinn in February – 24 people, Helsinki–Tallinn
and back on the same day.

Do you offer any group discount for a group of this size, and how do we make a group booking?

Best regards,

Maria Korhonen
HR Manager
Lumo Design Oy""",
    [GROUPS_FI],
    [["10 %", "10%"], ["ryhmat@baltiva.example", "baltiva.example/ryhmat"]],
)

answer(
    "en",
    "Can't travel - Saver ticket",
    """Hello,

Unfortunately I broke my ankle (at home, nothing to do with you!) and I can't travel to Riga on
the 14th. I bought a Saver ticket last month, booking FJ9K2W, Stockholm–Riga for 1 adult.

Do I get any money back at all? And a second question: do you sell travel insurance that would
cover something like this in future?

Regards,
Ingrid Olsen""",
    [
        f"{FARES}#Cancelling and refunds",
        f"{FAQ}#Can I get a refund on a Saver ticket?",
        f"{FARES_FI}#Peruutus ja hyvitys",
        f"{FARES}#Fare types at a glance",
    ],
    [["4.50", "4,50"]],
)

answer(
    "en",
    "Late arrival Tallinn–Helsinki on 8 Nov",
    """Hi,

Our ferry from Tallinn to Helsinki on 8 November (the 16:30 departure) arrived 2 hours and 10
minutes late because of a technical problem with the ramp in Tallinn. The weather was fine.
We paid EUR 64 for two tickets.

Are we entitled to any compensation, and how do we claim it?

Thanks,
Alan Foster""",
    [f"{RIGHTS}#Ferries: compensation for late arrival", f"{RIGHTS}#How to claim"],
    [["50%"], ["baltiva.example/claims"]],
)

answer(
    "en",
    "Latvian ID card ok?",
    """Hello,

I am a Latvian citizen living in Uppsala. My passport expired last month and the new one won't
be ready before Christmas. I have a valid Latvian eID card (personas apliecība).

Can I travel Stockholm–Riga with just the eID card on 20 December?

Paldies / thanks,
Ilze Bērziņa""",
    [f"{DOCS}#Rules by nationality > Latvia", f"{DOCS}#Rules by nationality > Other nationalities"],
    [["eID card", "personas apliecība", "national ID card"]],
)

answer(
    "en",
    "Change Saver ticket Stockholm-Riga",
    """Hello,

I booked a Saver ticket Stockholm–Riga in May for 12 December (ref PL4D8N). Now my conference
in Riga has been moved by one week and I'd like to change to 19 December. I read on your website
that Saver tickets can be changed once for EUR 30 – can you do that for me or can I do it online?

Thank you,
Dr. Eleanor Price""",
    [
        f"{FARES}#Changing a ticket",
        f"{FARES_FI}#Lipun muuttaminen",
        FAQ_NAME,
        f"{MANAGE}#Changing the date, time or route",
    ],
    [["cannot be changed", "ei voi muuttaa"]],
)

answer(
    "en",
    "Wheelchair on the Tartu coach",
    """Dear Baltiva,

I am a wheelchair user and I'd like to go from Tallinn to Tartu by your coach in January to
visit my son at the university. Is the coach accessible with a lift, and do I need to book the
wheelchair place in advance?

Thank you,
Margaret Lane""",
    [f"{ACCESS}#Coaches"],
    [["no lift"], ["36 hours"]],
)

answer(
    "en",
    "Pre-ordering from the shop",
    """Hi,

We're going Stockholm–Riga next month for a wedding. A friend said you can order from the
onboard shop beforehand and get it cheaper – is that true on this route, and how early do I need
to order?

Cheers,
Nadia""",
    [f"{DINING}#Shops", f"{CHANGELOG}#2026-06-10"],
    [["48 hours"], ["10%"]],
)

answer(
    "en",
    "Toddler on the Tallinn ferry",
    """Hello!

We're going to Tallinn for the day with our 2-year-old. He still naps around midday, which is
exactly when we're on the boat. Is there somewhere quiet we could rent for the crossing, and
what does it cost? Is there also a play area for kids?

Thanks so much,
Rebecca and Tom""",
    [f"{CABINS}#Cabin prices > Helsinki–Tallinn", f"{KIDS}#Families on board"],
    [["EUR 35"], ["deck 7"]],
)

abstain(
    "en",
    "Charging my EV on the Travemünde ferry",
    """Hi,

We're taking our Tesla Model Y on the Travemünde–Helsinki crossing in March. The crossing is
29 hours – can we charge the car on board during the trip? If so, what does it cost and do we
need to book a charging spot?

Thanks,
Jonas Weber""",
)

abstain(
    "en",
    "Parking at West Terminal 2",
    """Hello,

I'm driving to Helsinki West Terminal 2 and going to Tallinn for three nights as a foot
passenger. Is there long-term parking at the terminal, and how much does it cost per day? Can I
pre-book a space?

Regards,
Mikko Laine""",
)

abstain(
    "en",
    "UK passport - ETIAS / EES?",
    """Hello,

I'm a British citizen and will travel Stockholm–Riga in spring. I've read about the new EU
Entry/Exit System and ETIAS. Do I need to register for ETIAS before I travel with you, and will
my fingerprints be taken at the port in Stockholm or in Riga?

Many thanks,
Graham Whitfield""",
)

abstain(
    "en",
    "Dress code Captain's Table?",
    """Hi,

We have reserved our anniversary dinner at the Captain's Table on the Baltiva Star. Is there a
dress code? My husband wants to know if he needs a jacket or if jeans are ok.

Thanks!
Claire""",
)

abstain(
    "en",
    "homework question",
    """hi

im doing a school project about the baltic sea. why is the baltic sea less salty than the
atlantic ocean? and how deep is it in the middle between helsinki and tallinn?

thanks
Leo (12)""",
)

abstain(
    "en",
    "Dentist recommendation Tallinn",
    """Hello,

I'm thinking of combining a trip to Tallinn with dental work because it's cheaper there. Could
you recommend a good English-speaking dental clinic in Tallinn old town?

Thanks,
Sharon""",
)

route(
    "en",
    "privacy",
    "Subject access request",
    """Dear Sir or Madam,

Under Article 15 of the General Data Protection Regulation I request a copy of all personal data
Baltiva Oy holds about me, including booking history, Baltiva Club data, recorded phone calls
and any CCTV footage from my trip on 30 September 2026 (Helsinki–Tallinn), together with the
purposes of processing and the recipients.

Please reply within one month as required by the GDPR.

Yours faithfully,
Richard Adeyemi
Date of birth: 14.02.1981""",
)

route(
    "en",
    "security",
    "I can see someone else's bookings in my account",
    """Hi,

Something is seriously wrong with your website. When I logged into My Account this morning, I saw
three bookings that are not mine, for a "Marek Kowalski", including his phone number, date of
birth and passport number. My own bookings are gone.

I have not changed anything. Please fix this – and I guess he can now see my details too?

Andrew Kim""",
)

route(
    "en",
    "job",
    "Application - deck officer",
    """Dear Baltiva recruitment team,

I am writing to apply for a position as deck officer (second officer) on your ferries. I hold an
STCW II/1 certificate of competency and have four years of experience on ro-pax vessels in the
North Sea. I'm currently based in Tallinn and speak English, Estonian and some Finnish.

Please find my CV and certificates attached. I would be happy to come for an interview.

Kind regards,
Martin Kask""",
)

route(
    "en",
    "safety",
    "My wife fell on the stairs on board",
    """Hello,

On Sunday's crossing Tallinn–Helsinki (MS Baltiva Linda, 18:00) my wife slipped on wet stairs
between deck 6 and deck 7. There was no warning sign. She broke her wrist and was treated at
Meilahti hospital the same evening.

We need an incident report from you for our insurance, and I'd like to know what you are going
to do about those stairs.

Paul Stevenson""",
)

route(
    "en",
    "legal",
    "Formal notice - refund claim FR7T2K",
    """Dear Sirs,

Further to my emails of 2 and 16 October, to which I have received no substantive reply, I
hereby give you formal notice that unless the full fare of EUR 412 for booking FR7T2K is
refunded within 14 days, I have instructed my solicitor to issue proceedings and to refer the
matter to the Consumer Disputes Board.

Yours faithfully,
Jonathan Pryce""",
)

# =============================================================================================
# Swedish
# =============================================================================================
answer(
    "sv",
    "Resa med ID-kort från Skatteverket?",
    """Hej!

Mitt pass har gått ut och jag hinner inte få ett nytt innan vi åker Stockholm–Riga den 5
december. Jag har ett ID-kort från Skatteverket. Räcker det för att resa med er?

Mvh
Johanna Ek""",
    [f"{DOCS}#Rules by nationality > Sweden"],
    [["nationellt identitetskort", "national identity card"]],
)

answer(
    "sv",
    "Får min son (17) åka till Riga själv?",
    """Hej,

Min son Viktor är 17 år och ska spela en fotbollsturnering i Riga i januari. Han och en kompis
(också 17) vill åka med er båt Stockholm–Riga själva, tränaren flyger dit. Är det tillåtet om
jag skriver ett intyg?

Tack på förhand!
Anders Nilsson""",
    [f"{KIDS}#Children travelling alone"],
    [["under 18"]],
)

answer(
    "sv",
    "Köpa sprit ombord",
    """Hej!

Jag är 19 år och åker med Baltiva Aurora till Tallinn med några kompisar. Kan jag köpa vodka i
butiken ombord eller finns det någon åldersgräns?

/Elias""",
    [f"{DINING}#Shops"],
    [["22%"]],
)

answer(
    "sv",
    "Presentkort",
    """Hej,

Jag fick ett presentkort från Baltiva i julklapp förra året (december 2025) på 100 euro.
Kan jag använda det i butiken eller restaurangen ombord? Och hur länge gäller det?

Vänliga hälsningar
Birgitta Holm""",
    [f"{PAYMENT}#Gift cards"],
    [["cannot be used on board"], ["24 months"]],
)

answer(
    "sv",
    "Hund i hytten Stockholm–Riga",
    """Hej!

Vi har bokat en A-hytt till Riga i februari och vill ta med vår hund Sixten (en tax). Kan han
sova hos oss i hytten? Vad kostar det?

Hälsningar
Karin och Lars Sjöberg""",
    [f"{PETS}#Rules on board", PET_OVERNIGHT, PET_PLACE_FI, FAQ_PETS_CABIN],
    [["pet cabin", "lemmikkihytissä", "Haustierkabine"], ["EUR 35", "35 €"]],
)

abstain(
    "sv",
    "Bastu ombord?",
    """Hej,

Finns det bastu eller spa ombord på Baltiva Star mellan Stockholm och Riga? Måste man i så fall
boka tid i förväg och vad kostar det?

Mvh Per""",
)

route(
    "sv",
    "security",
    "Någon har tagit över mitt konto",
    """Hej,

Jag kan inte logga in på mitt konto längre. När jag försökte återställa lösenordet fick jag veta
att e-postadressen inte finns. Nu ser jag på mitt bankkonto att någon har bokat en resa
Stockholm–Riga med mitt sparade kort, och mina 4 000 Club-poäng är borta.

Jag har inte gjort detta själv. Vad gör ni?

Fredrik Lund""",
)

route(
    "sv",
    "privacy",
    "Ta bort mina uppgifter",
    """Hej,

Jag vill att ni tar bort alla uppgifter ni har sparat om mig och min son (född 2012), både
bokningar, kontot och Club-medlemskapet. Vi kommer inte att resa med er igen. Bekräfta gärna
skriftligt när allt är raderat.

Tack
Malin Sandberg""",
)

# =============================================================================================
# German
# =============================================================================================
answer(
    "de",
    "VW California – Pkw oder nicht?",
    """Hallo,

wir möchten im Sommer mit unserem VW California (Höhe 1,99 m mit Aufstelldach, Länge 4,90 m)
nach Helsinki. Zählt der noch als normaler Pkw? Und wir haben hinten einen Fahrradträger mit
zwei Rädern – zählt der bei der Länge mit?

Viele Grüße
Stefan Bauer""",
    [
        f"{VEHICLES}#Size limits",
        f"{VEHICLES_DE}#Maße und Grenzen",
        f"{PRICES}#Which vehicle category?",
    ],
    [["1,90 m", "1.90 m"]],
)

answer(
    "de",
    "Kinderreisepass noch gültig?",
    """Guten Tag,

unser Sohn (6) hat einen Kinderreisepass, der noch bis März 2027 gültig ist. Ich habe gelesen,
dass es die gar nicht mehr gibt. Können wir damit im Sommer mit Ihnen von Travemünde nach
Helsinki reisen oder brauchen wir einen neuen Ausweis?

Mit freundlichen Grüßen
Claudia Hoffmann""",
    [f"{DOCS_DE}#Kinder", f"{DOCS}#Rules by nationality > Germany"],
    [["1. Januar 2024", "1 January 2024"], ["Ablaufdatum", "until they expire"]],
)

answer(
    "de",
    "Check-in und Parken Travemünde",
    """Hallo liebes Baltiva-Team,

mein Mann und ich fahren am 12. Mai als Fußpassagiere mit der Baltiva Nord von Travemünde nach
Helsinki. Unser Auto möchten wir für zwei Wochen in Travemünde stehen lassen.

1) Bis wann müssen wir eingecheckt sein?
2) Gibt es am Terminal einen Parkplatz und was kostet der für zwei Wochen?

Danke und viele Grüße
Renate Köhler""",
    [
        f"{CHECKIN_DE}#Check-in-Zeiten",
        f"{CHECKIN}#When does check-in close?",
        FAQ_CHECKIN,
        f"{CHECKIN_DE}#Parken",
    ],
    [["60 Minuten", "60 minutes"], ["70 EUR"]],
)

answer(
    "de",
    "Bezahlung mit Klarna aus Österreich",
    """Grüß Gott,

ich möchte für meine Familie (4 Personen) eine Reise Stockholm–Riga buchen. Ich wohne in Wien.
Kann ich mit Klarna auf Rechnung bezahlen? Wenn nicht, welche Möglichkeiten habe ich?

Danke und liebe Grüße
Thomas Gruber""",
    [f"{PAYMENT_AT}#Welche Zahlungsarten gibt es?", f"{PAYMENT}#Payment methods"],
    [["eps"]],
)

answer(
    "de",
    "Gespeicherte Kreditkarte löschen",
    """Hallo,

wie lösche ich eine alte gespeicherte Kreditkarte aus meinem Baltiva-Konto? Die Karte ist
abgelaufen und ich finde die Stelle nicht.

Gruß
Michael Braun""",
    [f"{ACCOUNT}#Saved payment cards"],
    [["Payment cards"], ["Remove"]],
)

answer(
    "de",
    "Verspätung Travemünde–Helsinki am 3. Oktober",
    """Sehr geehrte Damen und Herren,

unsere Überfahrt mit der Baltiva Nord von Travemünde nach Helsinki am 3. Oktober kam wegen eines
Maschinenschadens mit 7 Stunden Verspätung an (Buchung TH8R2L). Steht uns eine Entschädigung zu,
und wie beantragen wir sie?

Mit freundlichen Grüßen
Jürgen Schmitt

-------- Ursprüngliche Nachricht --------
Am 05.10.2026 um 19:42 schrieb Petra Schmitt:
> Jürgen, frag doch bei Baltiva nach einer Entschädigung. Mein Bruder ist Anwalt und meint,
> nach EU-Recht steht uns bei so einer Verspätung etwas zu.""",
    [f"{RIGHTS}#Ferries: compensation for late arrival", f"{RIGHTS}#How to claim"],
    [["25%"], ["2 months"]],
)

answer(
    "de",
    "Bargeld und Gutschein an Bord",
    """Hallo,

zwei kurze Fragen für unsere Reise Stockholm–Riga:
- Kann man an Bord bar bezahlen? Wir haben noch schwedische Kronen übrig.
- Kann ich meinen Baltiva-Geschenkgutschein im Restaurant an Bord einlösen?

Danke!
Sabine Wolf""",
    [f"{FAQ}#Kann ich an Bord bar bezahlen?", f"{PAYMENT}#Gift cards"],
    [["Schwedische Kronen"], ["cannot be used on board"]],
)

abstain(
    "de",
    "Interrail-Rabatt?",
    """Hallo,

ich reise im Sommer mit einem Interrail Global Pass durch Skandinavien und das Baltikum. Gibt es
bei Ihnen auf der Strecke Travemünde–Helsinki einen Rabatt für Interrail-Pass-Inhaber, und muss
ich den Pass beim Check-in zeigen?

Viele Grüße
Lukas Neumann""",
)

abstain(
    "de",
    "Kündigung Kfz-Versicherung",
    """Sehr geehrte Damen und Herren,

hiermit kündige ich meine Kfz-Haftpflichtversicherung (Vertragsnummer KH-2288-1937) fristgerecht
zum 31.12.2026. Bitte senden Sie mir eine schriftliche Bestätigung und teilen Sie mir mit, wann
die eVB-Nummer für meinen neuen Versicherer verfügbar ist.

Mit freundlichen Grüßen
Gerhard Lehmann""",
)

route(
    "de",
    "privacy",
    "Löschung meiner Daten nach Art. 17 DSGVO",
    """Sehr geehrte Damen und Herren,

hiermit fordere ich Sie gemäß Art. 17 DSGVO auf, sämtliche zu meiner Person gespeicherten
personenbezogenen Daten unverzüglich zu löschen, einschließlich meines Kundenkontos und meiner
Baltiva-Club-Mitgliedschaft (Nr. 4410 2291). Bitte bestätigen Sie mir die Löschung schriftlich
innerhalb der gesetzlichen Frist.

Mit freundlichen Grüßen
Dr. Andrea Vogel""",
)

route(
    "de",
    "security",
    "Betrug mit meiner Kreditkarte – Anzeige erstattet",
    """Guten Tag,

auf meiner Kreditkartenabrechnung sind drei Buchungen bei Baltiva über insgesamt 1.240 EUR, die
ich nicht getätigt habe. Ich habe heute Anzeige bei der Polizei erstattet (Aktenzeichen
2026-118734) und die Karte sperren lassen.

Bitte teilen Sie mir mit, auf welche Namen und E-Mail-Adressen diese Buchungen laufen, und
stornieren Sie sie. Die Polizei wird sich eventuell ebenfalls bei Ihnen melden.

Frank Zimmermann""",
)

# =============================================================================================
# Finnish
# =============================================================================================
answer(
    "fi",
    "Ajokortti matkustusasiakirjana?",
    """Hei,

passini meni vanhaksi ja henkilökorttia en ole koskaan hankkinut. Voinko matkustaa ensi viikolla
Tallinnaan pelkällä ajokortilla? Kyseessä on vain päiväristeily.

Terveisin
Pekka Heikkinen""",
    [f"{DOCS}#Rules by nationality > Finland", f"{DOCS}#General rule"],
    [["henkilökortti", "identity card"]],
)

answer(
    "fi",
    "Business Lounge Gold-jäsenenä",
    """Hei,

olen Baltiva Club Gold -jäsen ja matkustan usein työn takia Helsingistä Tallinnaan. Pääsenkö
Business Loungeen ilmaiseksi? Entä paljonko se maksaa vaimolleni, joka ei ole jäsen, jos hän
tulee mukaan perjantaina?

Ystävällisin terveisin
Markku Salonen
Toimitusjohtaja, Salonen Consulting""",
    [f"{CLUB}#Benefits", f"{CABINS}#Cabin prices > Helsinki–Tallinn"],
    [["EUR 25"]],
)

answer(
    "fi",
    "Peruttu lähtö myrskyn takia",
    """Hei,

eilinen klo 19.30 lähtö Tallinnasta Helsinkiin peruttiin myrskyn vuoksi. Meillä oli Saver-liput
(varaus HT7Y6B). Saammeko rahat takaisin, vaikka Saver-lippua ei normaalisti hyvitetä? Ja onko
meillä oikeus johonkin korvaukseen, kun jouduimme yöpymään Tallinnassa?

Terveisin
Anna-Liisa ja Jari Koskinen""",
    [
        f"{DELAYS}#If we cancel your departure",
        f"{RIGHTS}#Ferries: compensation for late arrival",
        f"{RIGHTS}#Ferries: meals and hotel",
    ],
    [["full refund"], ["no extra compensation"]],
)

answer(
    "fi",
    "Klarna-maksu",
    """Moi!

Voiko matkan maksaa Klarnalla kun varaa Suomen sivuilta? En löydä sitä maksuvaihtoehdoista.

t. Veera""",
    [f"{PAYMENT}#Payment methods"],
    [["not available in Finland"], ["MobilePay"]],
)

answer(
    "fi",
    "Marsu mukaan Tallinnaan?",
    """Hei!

Muutamme Tallinnaan ja haluaisimme ottaa marsumme mukaan laivalle. Se matkustaa omassa
häkissään. Onko se sallittua ja paljonko se maksaa?

Kiitos,
Sari Lehtonen""",
    [PET_HT, PET_PLACE_FI],
    [["suljetussa häkissä", "closed cage"], ["15 €", "EUR 15"]],
)

answer(
    "fi",
    "Ryhmävarauksen nimilista",
    """Hei,

teimme ryhmävarauksen koulumme 9. luokalle (28 oppilasta + 3 opettajaa) Tukholma–Riika-reitille
huhtikuulle. Mihin mennessä matkustajien nimet pitää ilmoittaa ja milloin varaus pitää maksaa?

Ystävällisin terveisin
Tiina Mattila
luokanvalvoja, Itäkeskuksen koulu""",
    [f"{GROUPS_FI}#Maksu ja nimilista"],
    [["14 vrk"], ["21 vrk"]],
)

abstain(
    "fi",
    "Smartum- ja ePassi-maksu",
    """Hei,

voiko laivan buffetissa tai Deck Cafessa maksaa Smartum- tai ePassi-liikuntaseteleillä tai
lounasedulla? Työnantajani tarjoaa molempia.

Terveisin
Heikki""",
)

abstain(
    "fi",
    "Metsästysase mukaan Viroon",
    """Hei,

olen lähdössä hirvijahtiin Viroon ja aion ottaa oman metsästyskiväärini mukaan autossa
Helsinki–Tallinna-laivalla. Pitääkö ase ilmoittaa teille etukäteen tai jättää jonnekin
säilytykseen matkan ajaksi?

Terveisin
Raimo Nieminen""",
)

abstain(
    "fi",
    "Karjalanpiirakat",
    """Hei,

söin laivalla tosi hyviä karjalanpiirakoita. Osaatteko kertoa, miten rukiinen kuori saadaan
niin ohueksi ja rapeaksi? Kuinka kauan ne paistetaan ja missä lämpötilassa?

Terveisin
Eila""",
)

route(
    "fi",
    "security",
    "Huijaustekstiviesti Baltivan nimissä?",
    """Hei,

sain eilen tekstiviestin, jossa luki "Baltiva: hyvityksesi 86,40 € odottaa, vahvista korttitiedot
linkissä". Klikkasin linkkiä ja syötin kortin numeron ja turvakoodin ennen kuin tajusin, että
se voi olla huijaus. Olen jo soittanut pankkiin.

Onko tämä teiltä? Mitä minun pitää tehdä?

Terveisin
Ritva Laaksonen""",
)

route(
    "fi",
    "press",
    "Haastattelupyyntö: Baltiva Linda",
    """Hei,

olen toimittaja Helsingin Sanomista. Teemme juttua sunnuntain tapahtumasta, jossa MS Baltiva
Linda jäi konevian vuoksi ajelehtimaan Tallinnan edustalle. Voisitteko kommentoida, mikä vian
aiheutti ja kuinka monta matkustajaa aluksella oli? Tarvitsisin vastauksen tänään klo 16
mennessä.

Ystävällisin terveisin
Jenni Aaltonen
toimittaja, Helsingin Sanomat
puh. 040 123 4567""",
)

# =============================================================================================
# French
# =============================================================================================
answer(
    "fr",
    "Accompagnateur et chien guide",
    """Bonjour,

Je suis malvoyant et je voyage avec mon chien guide. Pour mon voyage Helsinki–Tallinn en ferry
puis Tallinn–Riga en car, mon frère m'accompagnera. Est-ce qu'il doit payer un billet ?
Et mon chien peut-il monter dans le car ?

Merci d'avance,
Jean-Marc Dubois""",
    [f"{ACCESS}#Companions and assistance dogs", f"{PETS}#Assistance dogs", f"{PETS}#Coaches"],
    [["free of charge"], ["customer service"]],
)

answer(
    "fr",
    "Manteau oublié à bord",
    """Bonjour,

J'ai oublié mon manteau (long, bleu marine, marque Aigle) à bord du Baltiva Star lors de la
traversée Riga–Stockholm du 3 novembre, cabine 7142. Comment puis-je le récupérer ?

Cordialement,
Sophie Lambert""",
    [f"{LUGGAGE}#Lost property"],
    [["30 days"], ["lost-property"]],
)

answer(
    "fr",
    "Papiers pour mon fils de 10 ans",
    """Bonjour,

Nous sommes français et partons en famille de Helsinki à Tallinn en février. Notre fils a 10 ans
et n'a pas de passeport, seulement une carte nationale d'identité. Est-ce suffisant ?

Bien à vous,
Camille Moreau""",
    [f"{DOCS}#Rules by nationality > Other nationalities", f"{DOCS}#General rule"],
    [["national ID card", "national identity card"]],
)

abstain(
    "fr",
    "Concentrateur d'oxygène en cabine",
    """Bonjour,

Mon mari utilise un concentrateur d'oxygène la nuit. Pour la traversée Stockholm–Riga, y a-t-il
une prise électrique près du lit dans les cabines, et pouvons-nous emporter deux bouteilles
d'oxygène de réserve à bord ?

Merci,
Hélène Rousseau""",
)

route(
    "fr",
    "legal",
    "Mise en demeure – réservation RX4P7M",
    """Madame, Monsieur,

Malgré mes deux réclamations restées sans réponse, vous n'avez toujours pas remboursé la
traversée annulée du 14 août (réservation RX4P7M, 318 EUR). Par la présente, je vous mets en
demeure de procéder au remboursement sous huit jours. À défaut, mon avocat saisira le tribunal
compétent.

Veuillez agréer mes salutations distinguées,
Bernard Lefèvre""",
)

route(
    "fr",
    "privacy",
    "Demande de portabilité RGPD",
    """Bonjour,

Conformément à l'article 20 du RGPD, je vous demande de me transmettre l'ensemble des données
personnelles me concernant que vous traitez (réservations, programme Baltiva Club, préférences)
dans un format structuré et lisible par machine, afin de les transmettre à un autre prestataire.

Cordialement,
Isabelle Garnier""",
)

# =============================================================================================
# Spanish
# =============================================================================================
answer(
    "es",
    "Bicicleta en el autobús Tallinn–Riga",
    """Hola,

Estoy haciendo un viaje en bicicleta por el Báltico y quiero tomar vuestro autobús de Tallinn a
Riga el 2 de junio. ¿Puedo llevar la bicicleta? ¿Cuánto cuesta y hay que reservarla antes?

Gracias,
Pablo Martínez""",
    [f"{LUGGAGE}#Luggage on coaches > Bicycles on coaches"],
    [["EUR 15"], ["24 hours"]],
)

answer(
    "es",
    "Celiaquía y comida a bordo",
    """Hola,

Mi hijo es celíaco y además tiene alergia a los frutos secos. Viajamos de Estocolmo a Riga en
marzo y queremos cenar en el buffet. ¿Cómo podemos pedir una comida especial para él?

Un saludo,
Lucía Fernández""",
    [f"{DINING}#Allergies and special diets"],
    [["48 hours"], ["Meals"]],
)

answer(
    "es",
    "Cancelar billete Standard",
    """Buenas tardes:

Tengo un billete Standard Helsinki–Tallin para el 20 de diciembre (reserva HL3K9P), comprado en
octubre. Tengo que cancelarlo, faltan 10 días para el viaje. ¿Cuánto me devolvéis y en cuánto
tiempo llega el dinero?

Saludos,
Javier Romero""",
    [f"{FARES}#Cancelling and refunds", f"{FARES_FI}#Peruutus ja hyvitys"],
    [["EUR 25", "25 €"], ["14 days", "14 päivän"]],
)

answer(
    "es",
    "Cuna para bebé en camarote",
    """Hola,

Hemos reservado un camarote clase B para ir de Estocolmo a Riga con nuestro bebé de 8 meses.
¿Podéis poner una cuna en el camarote?

Muchas gracias,
Marta y Diego""",
    [f"{CABINS}#In your cabin"],
    [["Deluxe and A-class"]],
)

abstain(
    "es",
    "Dron a bordo",
    """Hola,

Soy fotógrafo aficionado. ¿Puedo llevar mi dron DJI Mini en el ferry Helsinki–Tallin y volarlo
desde la cubierta exterior para grabar la salida del puerto?

Saludos,
Andrés Gil""",
)

route(
    "es",
    "job",
    "Solicitud de empleo – camarera",
    """Hola,

Me llamo Carmen Ruiz, tengo 24 años y llevo tres veranos trabajando como camarera en hoteles de
Mallorca. Me gustaría trabajar a bordo de vuestros barcos la próxima temporada de verano.
Adjunto mi currículum. Hablo español, inglés y un poco de alemán.

Quedo a la espera de vuestra respuesta.

Un saludo,
Carmen Ruiz""",
)

# =============================================================================================
# Dutch
# =============================================================================================
answer(
    "nl",
    "Camper van 4,30 m hoog naar Riga",
    """Goedendag,

Wij hebben een omgebouwde dubbeldekker bus als camper, 4,30 m hoog en 11 m lang. Kunnen we
daarmee mee op de ferry van Stockholm naar Riga?

Met vriendelijke groet,
Bram de Vries""",
    [f"{VEHICLES}#Size limits", f"{VEHICLES_DE}#Maße und Grenzen"],
    [["4.20 m", "4,20 m"]],
)

answer(
    "nl",
    "Punten sparen als gezin",
    """Hallo,

Mijn man, onze twee kinderen (9 en 13) en ik reizen elk jaar met jullie. Kunnen we de Baltiva
Club-punten van het hele gezin samen sparen op één account?

Groeten,
Anouk Jansen""",
    [CLUB_TERMS],
    [["4 persons"]],
)

answer(
    "nl",
    "Wachtwoord reset link werkt niet",
    """Hoi,

Ik heb gisteravond op "Wachtwoord vergeten" geklikt en vanochtend op de link in de mail
geklikt, maar ik krijg een foutmelding dat de link niet meer geldig is. Hoe kan dat?

Groet,
Sven""",
    [f"{ACCOUNT}#Logging in"],
    [["30 minutes"]],
)

answer(
    "nl",
    "Gasflessen in de caravan",
    """Beste Baltiva,

We gaan met auto en caravan van Travemünde naar Helsinki. In de caravan hebben we twee
gasflessen van 11 kg. Mogen die mee, en mag de koelkast op gas blijven draaien tijdens de
overtocht? Er zit eten in voor twee weken.

Vriendelijke groet,
Henk en Ria Bakker""",
    [f"{VEHICLES}#Gas bottles and fuel", f"{VEHICLES_DE}#Gasflaschen und Kraftstoff"],
    [["11 kg"], ["turned off", "ausgeschaltet"]],
)

abstain(
    "nl",
    "Boeking in mijn agenda (.ics)",
    """Hallo,

Kan ik mijn boeking als .ics-bestand downloaden zodat ik hem in mijn Google Agenda kan zetten?
Of is er een koppeling met Outlook?

Bedankt,
Lotte""",
)

route(
    "nl",
    "privacy",
    "Bezwaar en inzageverzoek AVG",
    """Geachte heer/mevrouw,

Ik maak op grond van de AVG bezwaar tegen het gebruik van mijn gegevens voor profilering en
gepersonaliseerde marketing. Daarnaast verzoek ik u om inzage in alle persoonsgegevens die u
over mij verwerkt, en in de partijen aan wie u deze verstrekt.

Met vriendelijke groet,
Ruud Visser""",
)

route(
    "nl",
    "manager",
    "Ik wil een manager spreken",
    """Dit is de derde keer dat ik mail. Onze hut was vies, het ontbijt was koud en de medewerker
bij de informatiebalie was ronduit onbeleefd. Ik wil geen standaardantwoord meer, ik wil dat een
manager mij persoonlijk terugbelt: 06-12345678.

P. de Groot""",
)

# =============================================================================================
# Italian
# =============================================================================================
answer(
    "it",
    "Bagagli sul pullman Tallinn–Riga",
    """Buongiorno,

viaggio in pullman da Tallinn a Riga a gennaio con una valigia grande (circa 18 kg), uno zaino e
una sacca da sci. Cosa è incluso nel biglietto e quanto pago in più?

Grazie,
Giulia Romano""",
    [f"{LUGGAGE}#Luggage on coaches", f"{FAQ}#How much luggage can I take on the coach?"],
    [["20 kg"], ["EUR 10"]],
)

answer(
    "it",
    "Prezzo cena buffet",
    """Salve,

saremo sul traghetto Stoccolma–Riga a febbraio, due adulti e due bambini di 5 e 8 anni. Quanto
costa la cena al buffet? Conviene prenotarla online?

Cordiali saluti,
Marco Bianchi""",
    [f"{DINING}#Seaside Buffet"],
    [["EUR 35"], ["EUR 15"]],
)

answer(
    "it",
    "Prenotazione telefonica per mia madre",
    """Buongiorno,

mia madre ha 82 anni e non usa internet. Può prenotare il viaggio Helsinki–Tallinn per telefono?
C'è un costo aggiuntivo?

Grazie mille,
Francesca Russo""",
    [f"{MANAGE}#Booking by phone"],
    [["EUR 10"]],
)

answer(
    "it",
    "Scegliere il posto sul pullman",
    """Ciao,

posso scegliere il posto sul pullman Riga–Vilnius? Vorrei stare vicino al finestrino in prima
fila perché soffro il mal d'auto.

Grazie,
Luca""",
    [f"{COACH}#Seats", f"{CHANGELOG}#2025-11-20"],
    [["EUR 3 per seat"]],
)

abstain(
    "it",
    "Spedire un pacco con il pullman",
    """Buongiorno,

devo mandare un pacco (circa 8 kg) a mia sorella a Riga. Posso spedirlo con il vostro pullman da
Tallinn senza viaggiare io stessa? Quanto costa?

Saluti,
Paola Conti""",
)

route(
    "it",
    "partnership",
    "Proposta di collaborazione – agenzia viaggi",
    """Gentile team Baltiva,

siamo un'agenzia di viaggi di Milano specializzata in tour dei paesi baltici e organizziamo
circa 40 gruppi all'anno. Vorremmo diventare rivenditori ufficiali dei vostri biglietti traghetto
e pullman. Potreste indicarci le condizioni per un accordo di rivendita e le commissioni previste?

Cordiali saluti,
Alessandro Ferri
Direttore commerciale, BalticaViaggi S.r.l.""",
)

# =============================================================================================
# Danish
# =============================================================================================
answer(
    "da",
    "El-scooter med lithiumbatteri",
    """Hej,

Min far bruger en el-scooter (mobilitetsscooter) med et lithiumbatteri på 360 Wh. Må han tage
den med på færgen fra Stockholm til Riga?

Venlig hilsen
Mette Christensen""",
    [f"{ACCESS}#Mobility aids"],
    [["300 Wh"]],
)

answer(
    "da",
    "Tax free på Stockholm–Riga?",
    """Hej Baltiva,

Kan man handle tax free i butikken ombord på ruten Stockholm–Riga? Vi vil gerne købe parfume og
chokolade med hjem.

Mvh
Søren Madsen""",
    [f"{DINING}#Shops"],
    [["not possible"]],
)

answer(
    "da",
    "Min søns pas blev glemt om bord",
    """Hej,

Min søn glemte sit pas i en skuffe i kahytten på Baltiva Nord, da vi ankom til Helsinki i
forgårs. En af jeres medarbejdere sagde i telefonen, at pas bliver afleveret til politiet. Hvor
hurtigt sker det? Vi skal bruge passet til hjemrejsen om 10 dage.

Venlig hilsen
Lars Pedersen""",
    [f"{LUGGAGE}#Lost property"],
    [["7 days"]],
)

answer(
    "da",
    "Pris for bil og campingvogn Helsinki–Tallinn",
    """Hej,

Hvad koster det at tage en almindelig personbil plus en campingvogn på 7 meter med fra Helsinki
til Tallinn, én vej?

Tak på forhånd
Jens Møller""",
    [
        f"{PRICES}#Prices per route (one way)",
        f"{FAQ}#How much does it cost to take a car from Helsinki to Tallinn?",
    ],
    [["EUR 10"], ["EUR 39"]],
)

abstain(
    "da",
    "CO2-udledning per passager",
    """Hej,

Vi er ved at lave vores virksomheds klimaregnskab. Kan I oplyse CO2-udledningen per passager
for en tur Helsinki–Tallinn, og gerne også for en bil?

Venlig hilsen
Camilla Thomsen
Bæredygtighedskoordinator, Nordlys A/S""",
)

route(
    "da",
    "security",
    "Falsk Baltiva-side på Facebook",
    """Hej,

Der er en Facebook-side der hedder "Baltiva Lines Giveaway", som lover gratis krydstogter, hvis
man indtaster sine kortoplysninger. Flere af mine venner har allerede gjort det. Den bruger jeres
logo og billeder af jeres skibe. Er det jer? Hvis ikke, bør I nok gøre noget ved det.

Hilsen
Peter Kristensen""",
)

# =============================================================================================
# Norwegian
# =============================================================================================
answer(
    "no",
    "Hvor lenge gjelder Club-poengene?",
    """Hei,

Jeg har 2 300 poeng i Baltiva Club som jeg tjente i 2024 og 2025. Går de ut på dato, og hvordan
bruker jeg dem når jeg bestiller neste tur?

Mvh
Kari Nordmann""",
    [f"{CLUB}#Using your points", f"{FAQ}#How long are Baltiva Club points valid?", CLUB_TERMS],
    [["24 months"], ["EUR 10"]],
)

answer(
    "no",
    "Venter bussen i Tallinn?",
    """Hei!

Vi har bestilt en kombinert billett Ferry+Coach fra Helsinki til Riga via Tallinn. Hva skjer
hvis fergen er forsinket – venter bussen på oss i Tallinn?

Hilsen
Ole Hansen""",
    [f"{DELAYS}#Connections with ferry and coach"],
    [["45 minutes"]],
)

answer(
    "no",
    "Åpningstider kundeservice",
    """Hei,

Når har dere åpent på telefon på søndag? Jeg må endre en bestilling og vil heller ringe.

Takk,
Ingrid""",
    [CONTACT],
    [["9:00–17:00", "9:00-17:00"]],
)

answer(
    "no",
    "Norsk nasjonalt ID-kort",
    """Hei,

Jeg er norsk statsborger og har et nasjonalt ID-kort fra politiet, men passet mitt er utløpt.
Kan jeg reise Stockholm–Riga med bare ID-kortet?

Vennlig hilsen
Sindre Berg""",
    [f"{DOCS}#Rules by nationality > Other nationalities"],
    [["EEA"]],
)

abstain(
    "no",
    "Honnørrabatt?",
    """Hei,

Jeg er 71 år. Har dere honnørrabatt eller andre rabatter for pensjonister på fergen
Helsinki–Tallinn?

Vennlig hilsen
Arne Johansen""",
)

abstain(
    "no",
    "Merverdiavgift i Excel",
    """Hei,

Hvordan lager jeg en formel i Excel som regner ut merverdiavgift (25 %) av en pris inkludert
mva? Jeg får det ikke til å stemme.

Mvh
Tone""",
)

# =============================================================================================
# Polish
# =============================================================================================
answer(
    "pl",
    "Motocykl Sztokholm–Ryga",
    """Dzień dobry,

chcę popłynąć motocyklem ze Sztokholmu do Rygi w lipcu. Ile kosztuje przewóz motocykla w jedną
stronę? Czy muszę zabrać własne pasy do mocowania?

Pozdrawiam,
Krzysztof Wiśniewski""",
    [f"{PRICES}#Prices per route (one way)", f"{VEHICLES}#Motorbikes", f"{VEHICLES_DE}#Motorräder"],
    [["EUR 35"], ["straps", "Gurten"]],
)

answer(
    "pl",
    "Bilety dla dzieci na autobus",
    """Dzień dobry,

jedziemy autobusem Ryga–Wilno z dwójką dzieci: 3 lata i 9 lat. Ile zapłacimy za dzieci? Młodsza
może siedzieć u mnie na kolanach.

Pozdrawiam,
Agnieszka Kamińska""",
    [f"{KIDS}#Fares for children", f"{FAQ}#Do children travel free?"],
    [["30%"], ["0–3", "0-3"]],
)

answer(
    "pl",
    "Opóźnienie autobusu Ryga–Wilno",
    """Dzień dobry,

nasz autobus z Rygi do Wilna 7 listopada wyjechał z opóźnieniem 2,5 godziny. Nikt nam nic nie
zaproponował, kierowca tylko powiedział, że jest awaria. Czy przysługuje nam jakieś
odszkodowanie?

Z poważaniem,
Piotr Zieliński""",
    [f"{RIGHTS}#Coaches"],
    [["120 minutes"], ["50%"]],
)

answer(
    "pl",
    "Konto firmowe – faktura miesięczna",
    """Dzień dobry,

nasza firma ma oddział w Tallinnie i nasi pracownicy podróżują z Helsinek około 30 razy w roku.
Czy możemy płacić jedną fakturą miesięczną zamiast kartą przy każdej rezerwacji? Jak to
załatwić?

Z poważaniem,
Ewa Lewandowska
Dyrektor finansowa, Polbalt Logistics Sp. z o.o.""",
    [f"{PAYMENT}#Baltiva Business", f"{PAYMENT_AT}#Rechnung für Firmen"],
    [["14 days", "14 Tagen"], ["baltiva.example/business"]],
)

abstain(
    "pl",
    "Zniżka studencka ISIC",
    """Cześć,

jestem studentką i mam kartę ISIC. Czy macie zniżki studenckie na prom Helsinki–Tallin albo na
autobus do Rygi?

Pozdrawiam,
Zuzanna""",
)

route(
    "pl",
    "privacy",
    "Żądanie RODO",
    """Dzień dobry,

na podstawie art. 15 i 17 RODO proszę o informację, jakie moje dane osobowe przetwarzacie, w
jakim celu i komu je udostępniacie, a następnie o ich usunięcie, łącznie z kontem w Baltiva
Club.

Z poważaniem,
Marek Dąbrowski""",
)

# =============================================================================================
# Portuguese
# =============================================================================================
answer(
    "pt",
    "Bilhete do autocarro no Apple Wallet",
    """Olá,

Vou apanhar o vosso autocarro de Tallinn para Riga. Posso guardar o cartão de embarque no Apple
Wallet do meu iPhone?

Obrigado,
Rui Almeida""",
    [f"{CHANGELOG}#2026-10-14", f"{ACCOUNT}#The Baltiva app"],
    [["Apple Wallet"]],
)

answer(
    "pt",
    "Preço cabine classe A",
    """Boa tarde,

Quanto custa uma cabine classe A para duas pessoas de Estocolmo para Riga, só ida?

Cumprimentos,
Ana Sousa""",
    [f"{CABINS}#Cabin prices > Stockholm–Riga"],
    [["EUR 159"]],
)

answer(
    "pt",
    "Wi-Fi e tomadas no autocarro",
    """Olá,

Preciso de trabalhar durante a viagem de autocarro Riga–Vilnius. Há Wi-Fi e tomadas para o
portátil?

Obrigada,
Beatriz Costa""",
    [f"{COACH}#On board", f"{FAQ}#Is there Wi-Fi on board?"],
    [["230 V"]],
)

abstain(
    "pt",
    "Levar vinho para a cabine",
    """Olá,

Podemos levar uma garrafa de vinho do Porto que compramos em casa e bebê-la na nossa cabine
durante a viagem Estocolmo–Riga? Ou é proibido?

Abraço,
Miguel Ferreira""",
)

abstain(
    "pt",
    "Viajar grávida",
    """Olá,

Estou grávida de 32 semanas e gostaria de ir de Helsínquia a Tallinn em dezembro. Há alguma
restrição para grávidas ou preciso de um atestado médico?

Obrigada,
Inês Carvalho""",
)


# =============================================================================================
def build() -> list[dict[str, Any]]:
    numbers: Counter[str] = Counter()
    groups: Counter[tuple[str, str]] = Counter()
    starts: dict[tuple[str, str], int] = {}
    rows = []
    for email in EMAILS:
        lang = email["language"]
        numbers[lang] += 1
        group = (lang, email["expect"])
        if group not in starts:  # groups start on dev and test in turn, so that one-email
            starts[group] = len(starts) % 2  # groups do not all land in dev
        split = ("dev", "test")[(starts[group] + groups[group]) % 2]
        groups[group] += 1
        row = {
            "id": f"{lang}-{numbers[lang]:03d}",
            "language": lang,
            "subject": email["subject"],
            "body": email["body"],
            "expect": email["expect"],
            "gold_sources": email["gold_sources"],
            "key_facts": email["key_facts"],
            "intent": None,
            "split": split,
        }
        if "route_reason" in email:
            row["route_reason"] = email["route_reason"]
        rows.append(row)
    return rows


def main() -> None:
    rows = build()
    OUT.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    by_expect = Counter(r["expect"] for r in rows)
    by_lang = Counter(r["language"] for r in rows)
    print(f"wrote {len(rows)} emails to {OUT}")
    print("by expect:", dict(by_expect))
    print("by language:", dict(sorted(by_lang.items())))


if __name__ == "__main__":
    main()
