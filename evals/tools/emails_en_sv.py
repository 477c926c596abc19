"""Labelled evaluation emails for the sample knowledge base: English and Swedish.

Written for evaluation (not taken from the seed inbox). Each entry: (expect, intent,
subject, body, gold sources, key facts, route reason).
"""

from __future__ import annotations

from evals.tools import sample_sources as k
from evals.tools.types import Entry, a, n, r

EN: list[Entry] = [
    a(
        "delivery",
        "Delivery time to Uppsala",
        """Hi,

I'm about to order a Nordvik Commute for my daughter who lives in Uppsala. How many days does
delivery usually take within Sweden? Her birthday is on the 14th so I want to time it right.

Thanks a lot,
Helen Ward""",
        k.DELIVERY_TIME,
        [k.F_SWEDEN_DAYS],
    ),
    a(
        "delivery",
        "Shipping to Austria - time and cost?",
        """Hello Nordvik team,

We are moving to Graz in the spring and would love to take one of your bikes with us, or
rather order it there. Two questions:
1. How long does delivery to Austria take?
2. What does shipping cost for an order of about 3,800 SEK (a child seat and a battery)?

Best wishes,
Markus and Linda Berger""",
        k.DELIVERY_TIME + k.DELIVERY_COST,
        [k.F_EU_DAYS, k.F_299],
    ),
    a(
        "delivery",
        "free shipping?",
        """hey, is shipping free if I buy the bike (it's 24 990 kr)? couldn't see it at checkout

/ Sam""",
        k.DELIVERY_COST,
        [k.F_FREE_LIMIT],
    ),
    a(
        "delivery",
        "No tracking email - order NB-204417",
        """Good afternoon,

My order NB-204417 was confirmed as dispatched yesterday according to the order page, but I
never got any tracking link. Where can I find it?

Kind regards,
Priya Nair
+46 70 555 12 34""",
        k.TRACKING,
        [k.F_MY_ORDERS],
    ),
    a(
        "order_change",
        "Wrong street on my order",
        """Hello,

I just noticed I typed the wrong street name on order NB-204520 (Storgatan instead of
Strandgatan). It hasn't been shipped yet I think. Can I still change the delivery address, and
how?

Many thanks,
Oliver Grant""",
        k.ADDRESS,
        [k.F_MY_ORDERS],
    ),
    a(
        "returns_refunds",
        "Return window",
        """Hi there,

I bought a helmet and a phone holder three weeks ago and they're still in the box. How long
do I have to return them?

Cheers,
Tom""",
        k.RETURN_PERIOD,
        [k.F_30],
    ),
    a(
        "returns_refunds",
        "Refund still not received",
        """Hello,

I sent back my bike (order NB-203300) and the tracking says it reached your warehouse last
Tuesday. When will the money be back on my card?

> On 3 Nov, Nordvik Support wrote:
> Thank you, we have registered your return.

Regards,
Anita Larsen""",
        k.REFUND,
        [k.F_10_DAYS],
    ),
    a(
        "returns_refunds",
        "How do I send the bike back?",
        """Hi,

The frame size turned out too small for me, so I'd like to return the bike. How do I get a
return label and where do I drop off the parcel?

Thanks,
Daniel Okafor""",
        k.RETURN_HOW,
        [k.F_MY_ORDERS],
    ),
    a(
        "warranty",
        "Battery warranty length",
        """Dear support,

How long is the warranty on the battery? Mine is 14 months old and only gives half the range
it used to. It has maybe 300 charges behind it.

Best regards,
Gerald Fox""",
        k.WARRANTY,
        [k.F_500],
    ),
    a(
        "warranty",
        "Motor cuts out - warranty claim",
        """Hello,

The motor on my bike keeps cutting out on hills. I bought it 11 months ago (order NB-188812).
I want to make a warranty claim: what do you need from me?

Thanks,
Claire Dunn""",
        k.CLAIM,
        [k.F_PHOTOS],
    ),
    a(
        "damaged_item",
        "Bent derailleur on arrival",
        """Hi,

The bike arrived this morning and the rear derailleur is bent, the box has a big dent on that
side. What should I do? I have photos.

Order NB-204777
Mike Chen""",
        k.DAMAGED,
        [k.F_48],
    ),
    a(
        "service_booking",
        "First service",
        """Hello!

My bike is four months old now. Is the first service free, and where can I have it done? I
live in Malmö.

Thanks,
Ingrid""",
        k.SERVICE,
        [k.F_SIX_MONTHS, k.F_MALMO],
    ),
    a(
        "app_account",
        "Can't log in to the app",
        """Hi,

I got a new phone and now I can't log into the Nordvik app. It asks for my password but I
don't think I ever set one? What am I missing?

Regards,
Ben""",
        k.APP_LOGIN,
        [k.F_CODE],
    ),
    a(
        "app_account",
        "Pairing the bike with the app",
        """Hello,

How do I connect my bike to the app? I can't find where to add it.

Thanks
Rosa Alvarez""",
        k.APP_PAIRING,
        [k.F_BLUETOOTH, k.F_ADD_BIKE],
    ),
    a(
        "billing_invoice",
        "Company invoice with k.VAT number",
        """Dear Nordvik,

Our design studio bought two bikes for staff (order NB-201010). Our accountant needs an
invoice with our k.VAT number on it. How do we get one?

Best regards,
Fiona Walsh
Walsh & Partners Design AB""",
        k.VAT,
        [k.F_VAT, k.F_SUPPORT_ADDRESS],
    ),
    a(
        "billing_invoice",
        "Klarna - when do I need to pay?",
        """Hi,

I chose Klarna invoice when I ordered last week. How long do I have to pay it?

Thanks,
Jack""",
        k.KLARNA,
        [k.F_30],
    ),
    a(
        "subscription",
        "Nordvik Flex price and notice period",
        """Hello,

I'm thinking about Nordvik Flex instead of buying. What does it cost per month, and how much
notice do I have to give if I want to stop?

Kind regards,
Laura Smith""",
        k.FLEX + k.FLEX_CANCEL,
        [k.F_499, k.F_ONE_MONTH],
    ),
    a(
        "spare_parts",
        "Spare charger",
        """Hi,

Where can I buy a second charger? I'd like to keep one at the office.

Thanks,
Ravi""",
        k.PARTS,
        [k.F_SHOP_URL],
    ),
    a(
        "theft_insurance",
        "Bike stolen outside the station",
        """Hello,

My Nordvik was stolen outside Lund station yesterday evening. I took theft insurance when I
bought it. What do I do now?

Regards,
Emma Hughes
Order NB-177001""",
        k.THEFT,
        [k.F_POLICE, k.F_TRYGGHET],
    ),
    a(
        "other",
        "Winter storage of the battery",
        """Hi,

I won't ride during the winter months. How should I store the battery until spring? Fully
charged or empty?

Best,
Karl""",
        k.BATTERY_CARE,
        [k.F_HALF, k.F_TWO_MONTHS],
    ),
    n(
        "other",
        "Test ride in Oslo?",
        """Hello,

Do you have a showroom in Oslo where I could test ride a bike before buying?

Thanks,
Erik Hansen""",
    ),
    n(
        "other",
        "Maximum rider weight",
        """Hi,

What is the maximum rider weight for your bikes? I'm around 125 kg and want to make sure the
frame is fine with that.

Cheers,
Big Dave""",
    ),
    n(
        "billing_invoice",
        "Pay with PayPal?",
        """Hello,

Can I pay with PayPal? I don't have a Swedish bank account.

Thanks,
Julia""",
    ),
    n(
        "other",
        "Student discount",
        """Hi!

Do you offer a student discount? I'm studying in Gothenburg and a bike would change my life.

Thanks so much,
Noah""",
    ),
    n(
        "service_booking",
        "Workshop opening hours",
        """Hello,

What are the opening hours of the Stockholm workshop on Saturdays? I'd like to drop by with
a question about my gears.

Regards,
Peter Lang""",
    ),
    r(
        "legal",
        "warranty",
        "Formal complaint - brake failure",
        """To whom it may concern,

On 2 November the front brake of my Nordvik (order NB-190001) failed on a downhill street.
I have contacted my lawyer and unless you respond within 7 days with a proposal for
compensation, we will take legal action.

Robert Miles""",
    ),
    r(
        "safety",
        "warranty",
        "Battery smoking in my hallway",
        """Hi,

Last night the battery of my bike started smoking while charging in the hallway. I unplugged
it and put it outside, nobody was hurt, but I'm scared to use it now. What is going on?

Sarah Kim
070 111 22 33""",
    ),
    r(
        "press",
        "other",
        "Interview request - Cycling Weekly",
        """Hello,

I'm a journalist at Cycling Weekly preparing a feature on Scandinavian e-bike brands. Could I
interview someone from Nordvik about your plans for 2027 next week?

Best,
Hannah Price
Cycling Weekly""",
    ),
    r(
        "partnership",
        "other",
        "Corporate fleet partnership",
        """Dear Nordvik,

I run sustainability at a logistics company with 400 employees in Copenhagen. We would like to
discuss a partnership for a fleet of e-bikes for our staff. Who can I talk to?

Best regards,
Mette Kjær""",
    ),
    r(
        "manager",
        "other",
        "I want to speak to a manager",
        """This is the third time I write about my order NB-199990 and I keep getting generic
replies. I want to speak to a manager, not another support agent. Please have someone senior
call me.

Frank Doyle""",
    ),
]

SV: list[Entry] = [
    a(
        "delivery",
        "Leveranstid till Luleå",
        """Hej!

Jag funderar på att beställa en elcykel till Luleå. Hur lång tid tar leveransen inom Sverige?

Tack på förhand,
Anders Nilsson""",
        k.DELIVERY_TIME,
        [k.F_SWEDEN_DAYS],
    ),
    a(
        "delivery",
        "Vad kostar frakten?",
        """Hej,

Vad kostar frakten om jag bara beställer ett par bromsbelägg och en ringklocka för ca 400 kr?
Och när blir frakten gratis?

Mvh
Lisa Ek""",
        k.DELIVERY_COST,
        [k.F_299, k.F_FREE_LIMIT],
    ),
    a(
        "delivery",
        "Ingen spårningslänk",
        """Hej,

Min order NB-203388 ska ha skickats i går men jag har inte fått någon spårningslänk. Var hittar
jag den?

Hälsningar
Mohammed Ali""",
        k.TRACKING,
        [["spårningslänk", "tracking link", "Mina ordrar", "My orders"]],
    ),
    a(
        "order_change",
        "Ändra adress på beställning",
        """Hej!

Jag har flyttat och behöver ändra leveransadressen på min beställning NB-204101. Den verkar
inte ha skickats än. Hur gör jag?

Tack,
Sofia Lindqvist
073-456 78 90""",
        k.ADDRESS,
        [k.F_MY_ORDERS],
    ),
    a(
        "returns_refunds",
        "Returnera hjälm",
        """Hej,

Jag köpte en hjälm för två veckor sedan men den passar inte. Hur lång tid har jag på mig att
returnera den, och hur får jag returetiketten?

Vänliga hälsningar,
Erik Johansson""",
        k.RETURN_PERIOD + k.RETURN_HOW,
        [k.F_30, k.F_MY_ORDERS],
    ),
    a(
        "returns_refunds",
        "När får jag pengarna tillbaka?",
        """Hej

Returen av min cykel kom fram till er i måndags enligt spårningen. När betalar ni tillbaka
pengarna?

/Karin Olsson

Den 4 nov. 2026 kl. 09:12 skrev Nordvik Kundtjänst <support@nordvikbikes.example>:
> Hej Karin,
> Tack, vi har tagit emot din returanmälan. Returetiketten skriver du ut under "Mina ordrar".
> Vänliga hälsningar, Kundtjänst""",
        k.REFUND,
        [k.F_10_DAYS],
    ),
    a(
        "warranty",
        "Garanti på ramen",
        """Hej,

Hur lång garanti har ramen och motorn? Jag överväger att köpa en begagnad Nordvik från en
kompis och undrar vad som gäller.

Mvh
Jonas""",
        k.WARRANTY,
        [k.F_2_YEARS],
    ),
    a(
        "warranty",
        "Batteriet laddar inte",
        """Hej Nordvik,

Batteriet på min cykel laddar inte längre. Cykeln är 10 månader gammal (order NB-190045). Hur
gör jag ett garantiärende?

Hälsningar,
Maria Svensson""",
        k.CLAIM,
        [k.F_PHOTOS],
    ),
    a(
        "damaged_item",
        "Skadad cykel vid leverans",
        """Hej,

Cykeln kom i dag och ramen har en stor repa, kartongen var trasig. Vad gör jag nu? Jag har tagit
bilder.

Mvh
Peter Berg
Order NB-204600""",
        k.DAMAGED,
        [k.F_48],
    ),
    a(
        "service_booking",
        "Boka första service",
        """Hej!

Är första servicen gratis? Min cykel är tre månader gammal. Och var kan jag boka den, jag bor
i Stockholm.

Tack!
Elin""",
        k.SERVICE,
        [k.F_SIX_MONTHS, k.F_STOCKHOLM],
    ),
    a(
        "app_account",
        "Kommer inte in i appen",
        """Hej,

Jag kommer inte in i Nordvik-appen, koden kommer aldrig fram till min mejl. Vad ska jag göra?

Mvh
Gustav Holm""",
        k.APP_LOGIN,
        [[*k.F_REINSTALL, "appen", "app"]],
    ),
    a(
        "app_account",
        "Para cykeln med appen",
        """Hej,

Hur kopplar jag ihop cykeln med appen? Jag har försökt men hittar den inte.

Tack,
Nora""",
        k.APP_PAIRING,
        [k.F_BLUETOOTH],
    ),
    a(
        "billing_invoice",
        "Faktura",
        """Hej,

Var hittar jag fakturan för min beställning? Jag behöver den till min arbetsgivare.

Vänliga hälsningar,
Ahmed Hassan""",
        k.INVOICE,
        [k.F_PDF],
    ),
    a(
        "billing_invoice",
        "Klarnafaktura",
        """Hej!

Hur många dagar har jag på mig att betala Klarnafakturan?

/Hanna""",
        k.KLARNA,
        [k.F_30],
    ),
    a(
        "subscription",
        "Säga upp Flex",
        """Hej,

Jag vill säga upp mitt Nordvik Flex. Vad är uppsägningstiden och hur går det till med att
lämna tillbaka cykeln?

Mvh
Oskar Lind""",
        k.FLEX_CANCEL,
        [[*k.F_ONE_MONTH, "one month's notice"]],
    ),
    a(
        "subscription",
        "Vad kostar Nordvik Flex?",
        """Hej,

Vad kostar Nordvik Flex per månad, och ingår service?

Tack
Ida""",
        k.FLEX,
        [k.F_499],
    ),
    a(
        "spare_parts",
        "Reservdelar",
        """Hej,

Säljer ni nya däck och bromsbelägg? Var köper jag dem?

Hälsningar
Viktor Åberg""",
        k.PARTS,
        [k.F_SHOP_URL],
    ),
    a(
        "theft_insurance",
        "Cykeln är stulen",
        """Hej,

Min cykel blev stulen från cykelstället utanför jobbet i går. Jag har stöldförsäkring. Vad ska
jag göra?

Mvh
Fredrik Sjöberg
Order NB-180302""",
        k.THEFT,
        [k.F_POLICE, k.F_TRYGGHET],
    ),
    n(
        "other",
        "Barnsits",
        """Hej,

Går det att montera en barnsits på pakethållaren på era cyklar? Vilken rekommenderar ni?

Tack,
Malin""",
    ),
    n(
        "other",
        "Inbyte av gammal cykel",
        """Hej!

Tar ni emot min gamla elcykel i inbyte om jag köper en ny hos er?

Mvh
Rolf Karlsson""",
    ),
    n(
        "billing_invoice",
        "Betala med Swish?",
        """Hej,

Kan man betala med Swish hos er?

/Amanda""",
    ),
    n(
        "other",
        "Räckvidd",
        """Hej,

Hur långt kommer man på en laddning? Jag pendlar 35 km enkel väg.

Tack,
Per""",
    ),
    r(
        "legal",
        "warranty",
        "Anmälan till ARN",
        """Hej,

Ni har nu avslagit min reklamation två gånger. Om jag inte får en ny cykel inom en vecka
kommer jag att anmäla er till Allmänna reklamationsnämnden och kontakta en advokat.

Order NB-170777
Lars Persson""",
    ),
    r(
        "safety",
        "warranty",
        "Olycka - styret lossnade",
        """Hej,

I förrgår lossnade styret på min cykel under färd och jag ramlade och bröt handleden. Jag
vill att någon ansvarig tar kontakt med mig.

Camilla Nyström
070-222 33 44""",
    ),
    r(
        "job",
        "other",
        "Spontanansökan cykelmekaniker",
        """Hej!

Jag är utbildad cykelmekaniker med fem års erfarenhet och undrar om ni söker personal till
verkstaden i Göteborg. Jag bifogar mitt CV.

Vänliga hälsningar,
Mattias Lund""",
    ),
    r(
        "partnership",
        "other",
        "Återförsäljare i Umeå",
        """Hej,

Vi driver en cykelbutik i Umeå och skulle gärna bli återförsäljare av Nordvik. Vem kan vi prata
med om villkor?

Mvh
Sara och Jon, Cykelhörnan Umeå""",
    ),
]
