"""Labelled evaluation emails for the sample knowledge base in languages it has no articles
in: Dutch, Italian, Danish, Norwegian, Finnish, Polish and Portuguese.

Written for evaluation (not taken from the seed inbox). The answers are in the English
(or Swedish/German) articles, so the key facts are numbers, names and URLs.
"""

from __future__ import annotations

from evals.tools import sample_sources as k
from evals.tools.types import Entry, a, n, r

NL: list[Entry] = [
    a(
        "delivery",
        "Levertijd naar Nederland",
        """Hallo,

Hoe lang duurt de levering van een e-bike naar Utrecht?

Met vriendelijke groet,
Jeroen de Vries""",
        k.DELIVERY_TIME,
        [k.F_EU_DAYS],
    ),
    a(
        "delivery",
        "Verzendkosten",
        """Beste Nordvik,

Wat kost de verzending als ik alleen een nieuwe bel en handvatten bestel (ongeveer 350 SEK)?
En vanaf welk bedrag is verzending gratis?

Groetjes,
Sanne Jansen""",
        k.DELIVERY_COST,
        [k.F_299, k.F_FREE_LIMIT],
    ),
    a(
        "returns_refunds",
        "Retourneren",
        """Hallo,

Binnen hoeveel dagen kan ik een product retourneren? Het zit nog in de originele verpakking.

Bedankt,
Pieter Bakker""",
        k.RETURN_PERIOD,
        [k.F_30],
    ),
    a(
        "warranty",
        "Garantie accu",
        """Goedemiddag,

Hoe lang is de garantie op de accu? Mijn fiets is 13 maanden oud.

Met vriendelijke groet,
Marieke Visser
Bestelling NB-187654""",
        k.WARRANTY,
        [k.F_500],
    ),
    a(
        "damaged_item",
        "Fiets beschadigd bezorgd",
        """Hallo,

De fiets werd vandaag bezorgd met een kras over het hele frame. De doos was kapot. Wat moet
ik doen?

Groeten,
Ruud Smit
Bestelnummer NB-204888""",
        k.DAMAGED,
        [k.F_48],
    ),
    a(
        "app_account",
        "Fiets koppelen aan de app",
        """Hoi,

Hoe koppel ik mijn fiets aan de Nordvik app? Ik zie hem niet verschijnen.

Groetjes,
Lotte""",
        k.APP_PAIRING,
        [k.F_BLUETOOTH],
    ),
    a(
        "subscription",
        "Nordvik Flex opzeggen",
        """Beste,

Ik wil mijn Nordvik Flex abonnement opzeggen. Wat is de opzegtermijn?

Met vriendelijke groet,
Bas Mulder""",
        k.FLEX_CANCEL,
        [k.F_ONE_MONTH],
    ),
    a(
        "spare_parts",
        "Extra lader",
        """Hallo,

Waar kan ik een tweede oplader en nieuwe remblokken kopen?

Bedankt!
Femke de Boer""",
        k.PARTS,
        [k.F_SHOP_URL],
    ),
    a(
        "theft_insurance",
        "Fiets gestolen",
        """Hallo,

Mijn e-bike is gisteren gestolen bij het station. Ik heb een diefstalverzekering afgesloten bij
de aankoop. Wat moet ik doen?

Groet,
Daan Meijer""",
        k.THEFT,
        [k.F_TRYGGHET],
    ),
    n(
        "other",
        "Proefrit in Amsterdam",
        """Hallo,

Kan ik ergens in Amsterdam een proefrit maken op een van jullie fietsen?

Groeten,
Tim""",
    ),
    r(
        "press",
        "other",
        "Interviewverzoek",
        """Beste Nordvik,

Ik ben journalist bij Fietsvak Magazine en schrijf een stuk over Scandinavische e-bikemerken.
Zou iemand van jullie tijd hebben voor een telefonisch interview?

Met vriendelijke groet,
Eva Hendriks""",
    ),
    r(
        "partnership",
        "other",
        "Dealer worden in België",
        """Goedendag,

Wij hebben een fietsenwinkel in Gent en willen graag dealer van Nordvik worden. Met wie kunnen
we de voorwaarden bespreken?

Met vriendelijke groet,
Koen Peeters, Fietsen Peeters""",
    ),
]

IT: list[Entry] = [
    a(
        "delivery",
        "Tempi di consegna in Italia",
        """Buongiorno,

quanto tempo ci vuole per la consegna di una bici a Milano?

Cordiali saluti,
Marco Rossi""",
        k.DELIVERY_TIME,
        [k.F_EU_DAYS],
    ),
    a(
        "delivery",
        "Spedizione gratuita?",
        """Ciao,

la spedizione è gratuita per un ordine di 6.000 SEK? E altrimenti quanto costa?

Grazie,
Giulia Bianchi""",
        k.DELIVERY_COST,
        [k.F_FREE_LIMIT],
    ),
    a(
        "returns_refunds",
        "Rimborso",
        """Buongiorno,

il mio reso è arrivato al vostro magazzino venerdì. Entro quanto tempo riceverò il rimborso?

Cordialmente,
Luca Romano
Ordine NB-202999""",
        k.REFUND,
        [k.F_10_DAYS],
    ),
    a(
        "warranty",
        "Garanzia telaio e motore",
        """Salve,

quanti anni di garanzia hanno il telaio e il motore?

Grazie,
Francesca Colombo""",
        k.WARRANTY,
        [k.F_2_YEARS],
    ),
    a(
        "warranty",
        "Richiesta di garanzia",
        """Buongiorno,

il display della mia bici si spegne durante la corsa. L'ho comprata dieci mesi fa (ordine
NB-192468). Cosa serve per aprire una pratica di garanzia?

Distinti saluti,
Alessandro Ricci""",
        k.CLAIM,
        [k.F_PHOTOS],
    ),
    a(
        "service_booking",
        "Primo tagliando",
        """Ciao,

il primo tagliando è gratuito? La bici ha quattro mesi.

Grazie mille,
Chiara Marino""",
        k.SERVICE,
        [k.F_SIX_MONTHS],
    ),
    a(
        "billing_invoice",
        "Pagamento con Klarna",
        """Buongiorno,

ho scelto la fattura Klarna: quanti giorni ho per pagare?

Saluti,
Davide Greco""",
        k.KLARNA,
        [k.F_30],
    ),
    a(
        "subscription",
        "Abbonamento Nordvik Flex",
        """Ciao,

quanto costa al mese l'abbonamento Nordvik Flex?

Grazie,
Sara Conti""",
        k.FLEX,
        [k.F_499],
    ),
    n(
        "other",
        "Buoni regalo",
        """Buongiorno,

vendete buoni regalo? Vorrei regalarne uno a mio marito.

Grazie,
Paola""",
    ),
    n(
        "other",
        "Cestino anteriore",
        """Ciao,

si può montare un cestino anteriore sulle vostre bici? Ne vendete?

Saluti,
Matteo""",
    ),
    r(
        "manager",
        "other",
        "Voglio parlare con un responsabile",
        """Buongiorno,

scrivo per la quarta volta per l'ordine NB-197777 senza ricevere una risposta utile. Chiedo di
essere contattata da un responsabile.

Roberta Galli""",
    ),
]

DA: list[Entry] = [
    a(
        "delivery",
        "Levering til Danmark",
        """Hej,

Hvor lang tid tager levering af en cykel til Aarhus?

Venlig hilsen
Mads Jensen""",
        k.DELIVERY_TIME,
        [k.F_EU_DAYS],
    ),
    a(
        "delivery",
        "Fragt",
        """Hej Nordvik,

Hvad koster fragten på en ordre til omkring 700 SEK? Og hvornår er fragten gratis?

Mvh
Louise Nielsen""",
        k.DELIVERY_COST,
        [k.F_299, k.F_FREE_LIMIT],
    ),
    a(
        "returns_refunds",
        "Returret",
        """Hej,

Hvor mange dage har jeg til at returnere en vare? Den er ubrugt.

Tak,
Søren Hansen""",
        k.RETURN_PERIOD,
        [k.F_30],
    ),
    a(
        "warranty",
        "Garanti på batteriet",
        """Hej,

Hvor lang garanti er der på batteriet? Mit er ved at være slidt efter halvandet år.

Venlig hilsen
Camilla Pedersen""",
        k.WARRANTY,
        [k.F_500],
    ),
    a(
        "damaged_item",
        "Cyklen kom beskadiget",
        """Hej,

Cyklen kom i går med en bøjet pedalarm. Hvad skal jeg gøre?

Mvh
Rasmus Andersen
Ordre NB-204901""",
        k.DAMAGED,
        [k.F_48],
    ),
    a(
        "app_account",
        "Login i appen",
        """Hej,

Jeg kan ikke logge ind i Nordvik-appen, den beder om en adgangskode. Hvordan logger man ind?

Tak
Line Christensen""",
        k.APP_LOGIN,
        [k.F_CODE],
    ),
    a(
        "theft_insurance",
        "Stjålet cykel",
        """Hej,

Min cykel er blevet stjålet i nat. Jeg har tyveriforsikring. Hvad gør jeg nu?

Venlig hilsen
Anders Larsen""",
        k.THEFT,
        [k.F_TRYGGHET],
    ),
    n(
        "other",
        "Cykel i pink",
        """Hej,

Fås jeres cykler i pink eller lilla?

Kh
Ida""",
    ),
    r(
        "job",
        "other",
        "Ansøgning - kundeservice",
        """Hej,

Jeg vil gerne søge et job i jeres kundeservice. Jeg taler dansk, svensk og engelsk. Mit CV er
vedhæftet.

Med venlig hilsen
Freja Madsen""",
    ),
    r(
        "safety",
        "warranty",
        "Batteriet blev meget varmt",
        """Hej,

Batteriet blev så varmt under opladning i går, at plastikken smeltede. Jeg er bange for brand.
Ring venligst til mig.

Jesper Holm
+45 20 12 34 56""",
    ),
]

NO: list[Entry] = [
    a(
        "delivery",
        "Leveringstid",
        """Hei,

Hvor lang tid tar leveringen innenfor Sverige? Jeg skal sende en sykkel til hytta i Strömstad.

Mvh
Ola Nordmann""",
        k.DELIVERY_TIME,
        [k.F_SWEDEN_DAYS],
    ),
    a(
        "returns_refunds",
        "Returetikett",
        """Hei,

Hvordan returnerer jeg en hjelm, og hvor finner jeg returetiketten?

Takk,
Kari Hansen""",
        k.RETURN_HOW,
        [k.F_MY_ORDERS],
    ),
    a(
        "warranty",
        "Garanti på rammen",
        """Hei,

Hvor lang garanti er det på rammen og motoren?

Hilsen
Lars Johansen""",
        k.WARRANTY,
        [k.F_2_YEARS],
    ),
    a(
        "service_booking",
        "Verksteder",
        """Hei,

Hvor har dere verksteder, og hvordan bestiller jeg service?

Takk,
Ingrid Berg""",
        k.SERVICE,
        [k.F_GOTHENBURG, k.F_STOCKHOLM, k.F_MALMO],
    ),
    a(
        "billing_invoice",
        "Faktura",
        """Hei,

Hvor finner jeg fakturaen for bestillingen min?

Mvh
Nils Olsen""",
        k.INVOICE,
        [k.F_PDF],
    ),
    a(
        "subscription",
        "Nordvik Flex pris",
        """Hei,

Hva koster Nordvik Flex i måneden, og er service inkludert?

Hilsen
Silje Haugen""",
        k.FLEX,
        [k.F_499],
    ),
    a(
        "spare_parts",
        "Hvilke deler passer?",
        """Hei,

Hvordan vet jeg hvilke dekk som passer til sykkelen min?

Takk
Erlend""",
        k.PARTS_FIT,
        [k.F_BIKE_MODEL],
    ),
    n(
        "other",
        "Sykkelen på fly",
        """Hei,

Kan jeg ta med elsykkelen på fly til Spania? Hva med batteriet?

Mvh
Tor""",
    ),
    n(
        "other",
        "Studentrabatt",
        """Hei!

Har dere studentrabatt?

Hilsen
Emma""",
    ),
    r(
        "legal",
        "returns_refunds",
        "Forbrukerrådet",
        """Hei,

Dere har fortsatt ikke refundert returen min etter seks uker. Jeg har nå klaget til
Forbrukerrådet og vurderer å gå til forliksrådet.

Ordre NB-185555
Per Kristiansen""",
    ),
]

FI: list[Entry] = [
    a(
        "delivery",
        "Toimitusaika Suomeen",
        """Hei,

Kuinka kauan toimitus Helsinkiin kestää?

Ystävällisin terveisin,
Mikko Virtanen""",
        k.DELIVERY_TIME,
        [k.F_EU_DAYS],
    ),
    a(
        "delivery",
        "Toimituskulut",
        """Hei,

Paljonko toimitus maksaa, jos tilaan varaosia noin 500 SEK:lla?

Kiitos,
Laura Korhonen""",
        k.DELIVERY_COST,
        [k.F_299],
    ),
    a(
        "returns_refunds",
        "Palautus",
        """Hei,

Kuinka monta päivää minulla on aikaa palauttaa tuote?

Terveisin,
Jari Mäkinen""",
        k.RETURN_PERIOD,
        [k.F_30],
    ),
    a(
        "warranty",
        "Akun takuu",
        """Hei,

Kuinka pitkä takuu akulla on?

Kiitos,
Anna Nieminen""",
        k.WARRANTY,
        [k.F_500],
    ),
    a(
        "damaged_item",
        "Vaurioitunut pyörä",
        """Hei,

Pyörä saapui tänään ja takavalo oli rikki. Mitä minun pitää tehdä?

Terveisin,
Pekka Lehtonen
Tilaus NB-204922""",
        k.DAMAGED,
        [k.F_48],
    ),
    a(
        "spare_parts",
        "Laturi",
        """Hei,

Mistä voin ostaa toisen laturin?

Kiitos
Tiina""",
        k.PARTS,
        [k.F_SHOP_URL],
    ),
    n(
        "other",
        "Talvirenkaat",
        """Hei,

Saako pyöriinne nastarenkaat talveksi, ja myyttekö niitä?

Terveisin,
Juha""",
    ),
    r(
        "partnership",
        "other",
        "Jälleenmyyjäksi Suomessa",
        """Hei,

Meillä on pyöräliike Tampereella ja haluaisimme ryhtyä Nordvikin jälleenmyyjäksi. Kenen
kanssa voimme keskustella?

Ystävällisin terveisin,
Ville Heikkinen""",
    ),
]

PL: list[Entry] = [
    a(
        "delivery",
        "Czas dostawy do Polski",
        """Dzień dobry,

ile trwa dostawa roweru do Krakowa?

Pozdrawiam,
Piotr Kowalski""",
        k.DELIVERY_TIME,
        [k.F_EU_DAYS],
    ),
    a(
        "returns_refunds",
        "Zwrot pieniędzy",
        """Dzień dobry,

mój zwrot dotarł do Państwa magazynu w poniedziałek. Kiedy otrzymam zwrot pieniędzy?

Z poważaniem,
Anna Nowak
Zamówienie NB-203131""",
        k.REFUND,
        [k.F_10_DAYS],
    ),
    a(
        "warranty",
        "Gwarancja na ramę",
        """Witam,

jaka jest gwarancja na ramę i silnik?

Pozdrawiam,
Tomasz Wiśniewski""",
        k.WARRANTY,
        [k.F_2_YEARS],
    ),
    a(
        "subscription",
        "Cena Nordvik Flex",
        """Dzień dobry,

ile kosztuje miesięcznie abonament Nordvik Flex?

Dziękuję,
Katarzyna Wójcik""",
        k.FLEX,
        [k.F_499],
    ),
    n(
        "other",
        "Kask w zestawie?",
        """Dzień dobry,

czy do roweru dołączają Państwo kask gratis?

Pozdrawiam,
Marek""",
    ),
    r(
        "legal",
        "returns_refunds",
        "Pozew",
        """Dzień dobry,

jeśli w ciągu 14 dni nie zwrócą Państwo pieniędzy za wadliwy rower, sprawa trafi do sądu.
Mój prawnik przygotował już pozew.

Zamówienie NB-183333
Krzysztof Zieliński""",
    ),
]

PT: list[Entry] = [
    a(
        "delivery",
        "Prazo de entrega para Portugal",
        """Olá,

Quanto tempo demora a entrega de uma bicicleta em Lisboa?

Obrigado,
João Silva""",
        k.DELIVERY_TIME,
        [k.F_EU_DAYS],
    ),
    a(
        "returns_refunds",
        "Devolução",
        """Bom dia,

Quantos dias tenho para devolver um produto que não usei?

Cumprimentos,
Ana Santos""",
        k.RETURN_PERIOD,
        [k.F_30],
    ),
    a(
        "warranty",
        "Garantia da bateria",
        """Olá,

Qual é a garantia da bateria? A minha tem 14 meses.

Obrigada,
Mariana Costa""",
        k.WARRANTY,
        [k.F_500],
    ),
    a(
        "theft_insurance",
        "Bicicleta roubada",
        """Boa tarde,

Roubaram a minha bicicleta ontem à noite. Tenho seguro contra roubo. O que devo fazer?

Cumprimentos,
Rui Pereira""",
        k.THEFT,
        [k.F_TRYGGHET],
    ),
    n(
        "other",
        "Loja em Lisboa",
        """Olá,

Têm alguma loja em Lisboa onde possa experimentar as bicicletas?

Obrigado,
Tiago""",
    ),
    r(
        "press",
        "other",
        "Pedido de entrevista",
        """Bom dia,

Sou jornalista do jornal Público e estou a escrever sobre bicicletas elétricas. Seria possível
entrevistar alguém da Nordvik esta semana?

Cumprimentos,
Inês Ferreira""",
    ),
]
