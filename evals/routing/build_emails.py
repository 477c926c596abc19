# ruff: noqa: E501  (one email a line: the data reads best unwrapped)
"""Write evals/routing/emails.jsonl: the needs-a-person challenge set (see README.md).

python -m evals.routing.build_emails
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

GREET = {
    "en": ["Hi,", "Hello,", "Dear Nordvik team,"],
    "sv": ["Hej,", "Hej!", "Hejsan,"],
    "de": ["Hallo,", "Sehr geehrte Damen und Herren,", "Guten Tag,"],
    "fr": ["Bonjour,", "Madame, Monsieur,", "Bonjour à toute l'équipe,"],
    "es": ["Hola,", "Buenos días,", "Estimados señores:"],
    "nl": ["Hallo,", "Beste klantenservice,", "Goedemiddag,"],
    "it": ["Buongiorno,", "Salve,", "Gentile servizio clienti,"],
    "da": ["Hej,", "Kære kundeservice,", "Goddag,"],
    "no": ["Hei,", "Hei!", "Hei kundeservice,"],
    "fi": ["Hei,", "Hyvä asiakaspalvelu,", "Moi,"],
    "pl": ["Dzień dobry,", "Witam,", "Szanowni Państwo,"],
    "pt": ["Olá,", "Bom dia,", "Caros senhores,"],
}
SIGN = {
    "en": ["Best regards,", "Thanks,", "Kind regards,", "Cheers,"],
    "sv": ["Med vänliga hälsningar,", "Vänliga hälsningar,", "Mvh", "Hälsningar,"],
    "de": ["Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße,", "LG"],
    "fr": ["Cordialement,", "Bien à vous,", "Merci d'avance,", "Bonne journée,"],
    "es": ["Saludos cordiales,", "Un saludo,", "Atentamente,", "Gracias,"],
    "nl": ["Met vriendelijke groet,", "Groeten,", "Mvg,", "Alvast bedankt,"],
    "it": ["Cordiali saluti,", "Saluti,", "Distinti saluti,", "Grazie,"],
    "da": ["Med venlig hilsen", "Venlig hilsen", "Mvh", "Hilsen"],
    "no": ["Med vennlig hilsen", "Vennlig hilsen", "Mvh", "Hilsen"],
    "fi": ["Ystävällisin terveisin,", "Terveisin,", "Kiitos,", "T."],
    "pl": ["Z poważaniem,", "Pozdrawiam,", "Z wyrazami szacunku,", "Dziękuję,"],
    "pt": ["Com os melhores cumprimentos,", "Cumprimentos,", "Atenciosamente,", "Obrigado,"],
}
NAMES = {
    "en": ["Sarah Collins", "Tom Baker", "Priya Shah"],
    "sv": ["Karin Lund", "Johan Ek", "Sara Nilsson"],
    "de": ["Jonas Weber", "Petra Schmidt", "Lukas Braun"],
    "fr": ["Claire Martin", "Julien Roux", "Inès Bernard"],
    "es": ["Lucía García", "Javier Ruiz", "Marta López"],
    "nl": ["Sanne de Vries", "Pieter Jansen", "Eva Bakker"],
    "it": ["Giulia Rossi", "Marco Bianchi", "Chiara Conti"],
    "da": ["Mette Hansen", "Anders Holm", "Sofie Berg"],
    "no": ["Ingrid Dahl", "Ola Haugen", "Kari Moen"],
    "fi": ["Anna Virtanen", "Mikko Korhonen", "Laura Mäkinen"],
    "pl": ["Anna Nowak", "Piotr Kowalski", "Kasia Wiśniewska"],
    "pt": ["Ana Silva", "João Costa", "Rita Ferreira"],
}

# (language, subject, text) per route reason: what the customer wrote this time
ROUTE: dict[str, list[tuple[str, str, str]]] = {
    "privacy": [
        (
            "en",
            "My data",
            "Please send me everything you store about me. I want to know what you keep and who you share it with.",
        ),
        (
            "sv",
            "Registerutdrag",
            "Jag begär ett registerutdrag enligt GDPR. Vilka uppgifter har ni sparat om mig?",
        ),
        (
            "de",
            "Auskunft",
            "Gemäß Art. 15 DSGVO bitte ich um Auskunft über die zu meiner Person gespeicherten Daten.",
        ),
        (
            "fr",
            "Mes données",
            "Je souhaite exercer mon droit d'accès à mes données personnelles. Merci de m'indiquer ce que vous conservez.",
        ),
        (
            "es",
            "Borrar mis datos",
            "Solicito la supresión de todos mis datos personales de sus sistemas conforme al RGPD.",
        ),
        (
            "nl",
            "Inzageverzoek",
            "Ik wil graag inzage in alle persoonsgegevens die jullie van mij verwerken.",
        ),
        (
            "it",
            "Cancellazione dati",
            "Chiedo la cancellazione dei miei dati personali ai sensi del GDPR, non sono più vostro cliente.",
        ),
        ("da", "Indsigt", "Jeg anmoder om indsigt i de personoplysninger, I behandler om mig."),
        ("no", "Innsyn", "Jeg ber om innsyn i hvilke personopplysninger dere har lagret om meg."),
        (
            "fi",
            "Tietopyyntö",
            "Pyydän saada kaikki minusta tallennetut tiedot tietosuoja-asetuksen perusteella.",
        ),
        ("pl", "RODO", "Na podstawie RODO proszę o usunięcie moich danych z Państwa bazy."),
        ("pt", "Acesso aos dados", "Solicito o acesso aos meus dados pessoais nos termos do RGPD."),
        (
            "en",
            "Remove me",
            "I'd like you to remove my personal data from your systems. I sold the bike and I don't want an account with you anymore.",
        ),
        (
            "sv",
            "Ta bort mig",
            "Ta bort alla uppgifter ni har om mig, jag vill inte finnas kvar i ert kundregister.",
        ),
        (
            "de",
            "Daten löschen",
            "Bitte löschen Sie alle meine Daten. Ich widerspreche außerdem der Nutzung meiner Adresse für Werbung.",
        ),
        (
            "fr",
            "Effacement",
            "Merci d'effacer toutes les informations me concernant de vos fichiers clients.",
        ),
        (
            "es",
            "Mis datos",
            "Quiero saber qué información tienen guardada sobre mí y para qué la usan.",
        ),
        (
            "nl",
            "Gegevens verwijderen",
            "Verwijder alstublieft al mijn gegevens uit jullie systemen, ik heb geen account meer nodig.",
        ),
        (
            "it",
            "Copia dei dati",
            "Vorrei ricevere una copia di tutti i dati che conservate su di me.",
        ),
        (
            "da",
            "Slet mine oplysninger",
            "Slet venligst alle oplysninger om mig, også min adresse og telefonnummer.",
        ),
        (
            "no",
            "Samtykke",
            "Jeg trekker tilbake samtykket mitt og ber dere slette alle opplysningene dere har om meg.",
        ),
        ("fi", "Tietojen poisto", "Poistakaa kaikki henkilötietoni rekisteristänne."),
        (
            "pl",
            "Kopia danych",
            "Proszę o przesłanie kopii wszystkich danych, które o mnie przechowujecie.",
        ),
        ("pt", "Apagar dados", "Peço que apaguem todos os dados que têm sobre mim."),
        (
            "en",
            "Data export (GDPR art. 20)",
            "Under data portability I request my data in a machine-readable format so I can move it to another provider.",
        ),
        (
            "sv",
            "Fel uppgifter",
            "Ni har fel personnummer och fel adress på mig. Rätta mina personuppgifter enligt dataskyddsförordningen.",
        ),
        (
            "de",
            "Kopie meiner Daten",
            "Ich möchte eine Kopie aller Informationen, die Sie über mich haben.",
        ),
        (
            "fr",
            "Prospection",
            "Je m'oppose au traitement de mes données à des fins de prospection commerciale.",
        ),
        (
            "es",
            "Rectificación",
            "Por favor, rectifiquen mis datos personales: mi dirección y mi DNI están mal en su sistema.",
        ),
        (
            "fi",
            "Tarkastusoikeus",
            "Haluan tarkastaa, mitä tietoja teillä on minusta ja mihin niitä käytetään.",
        ),
        (
            "pl",
            "Marketing",
            "Sprzeciwiam się przetwarzaniu moich danych osobowych w celach marketingowych.",
        ),
    ],
    "security": [
        (
            "en",
            "Account hacked?",
            "Someone logged into my account from another country last night and changed the bank details for my refund.",
        ),
        ("sv", "Kapat konto", "Någon har kapat mitt konto och beställt en cykel i mitt namn."),
        (
            "de",
            "Fremder Login",
            "Jemand hat sich ohne mein Wissen in mein Kundenkonto eingeloggt und die Lieferadresse geändert.",
        ),
        (
            "fr",
            "Compte piraté",
            "Mon compte a été piraté : l'adresse e-mail a été changée et je ne peux plus me connecter.",
        ),
        ("es", "Suplantación", "Han suplantado mi identidad y han hecho un pedido con mi tarjeta."),
        (
            "nl",
            "Ingelogd door iemand anders",
            "Iemand heeft ingelogd op mijn account en mijn adres gewijzigd.",
        ),
        (
            "it",
            "Accesso sospetto",
            "Qualcuno ha effettuato l'accesso al mio account e ha cambiato l'IBAN per il rimborso.",
        ),
        ("da", "Min konto", "Nogen har overtaget min konto og ændret adgangskoden."),
        (
            "no",
            "Ukjente bestillinger",
            "Noen har logget inn på kontoen min og bestilt ting jeg ikke har bestilt.",
        ),
        ("fi", "Tilini", "Joku on kirjautunut tililleni ja vaihtanut toimitusosoitteen."),
        (
            "pl",
            "Przejęte konto",
            "Ktoś przejął moje konto i zmienił numer konta bankowego do zwrotu.",
        ),
        ("pt", "Conta", "Alguém entrou na minha conta e alterou os dados bancários."),
        (
            "en",
            "Wrong invoices",
            "I can see another company's invoices in my dashboard. That shouldn't be possible.",
        ),
        ("sv", "Annan kunds order", "Jag ser en annan kunds namn och adress under Mina ordrar."),
        (
            "de",
            "Fremde Bestellungen",
            "In meiner App werden die Bestellungen einer fremden Person angezeigt, mit Name und Adresse.",
        ),
        (
            "fr",
            "Factures d'un autre client",
            "Je vois les factures d'un autre client dans mon espace personnel.",
        ),
        (
            "es",
            "Datos de otra persona",
            "Veo los datos de otra persona en mi perfil: su teléfono y su dirección.",
        ),
        ("it", "Ordini non miei", "Nella mia area personale vedo gli ordini di un altro cliente."),
        ("fi", "Toisen tilaukset", "Näen sovelluksessa toisen asiakkaan tilaukset ja osoitteen."),
        ("pl", "Cudze faktury", "Widzę faktury innej firmy w moim panelu klienta."),
        (
            "en",
            "Is this you?",
            "I got a text pretending to be Nordvik asking me to pay a customs fee through a link. Looks like a scam using your name.",
        ),
        (
            "sv",
            "Bedrägeri",
            "Jag har polisanmält ett bedrägeri. Någon utger sig för att vara Nordvik och säljer cyklar på Blocket.",
        ),
        (
            "de",
            "Phishing",
            "Ich habe eine Phishing-Mail in Ihrem Namen bekommen, die nach meinen Kartendaten fragt.",
        ),
        (
            "fr",
            "Faux site",
            "J'ai déposé plainte au commissariat : un faux site utilise votre logo et j'ai payé un vélo jamais livré.",
        ),
        (
            "es",
            "Inicios de sesión",
            "Me han llegado avisos de inicio de sesión desde Rusia que no son míos.",
        ),
        (
            "nl",
            "Nepmail",
            "Ik kreeg een nepmail namens jullie met een betaallink. Ik heb helaas al betaald.",
        ),
        (
            "da",
            "Falsk sms",
            "Jeg har modtaget en falsk sms i jeres navn om en pakke, og jeg trykkede på linket.",
        ),
        (
            "no",
            "Svindel",
            "Jeg ble svindlet av en falsk nettbutikk som bruker navnet deres, og har anmeldt det til politiet.",
        ),
        (
            "fi",
            "Huijausviesti",
            "Sain teidän nimissänne huijausviestin, jossa pyydettiin korttitietoja.",
        ),
        (
            "pl",
            "Fałszywy mail",
            "Dostałem fałszywego maila podszywającego się pod Was z prośbą o dopłatę.",
        ),
        (
            "pt",
            "Queixa na polícia",
            "Fiz queixa na polícia: usaram o vosso nome num site falso e paguei uma bicicleta.",
        ),
        (
            "en",
            "SIM swap",
            "My phone number was moved to another SIM without my consent and now someone has changed the email on my Nordvik account.",
        ),
        (
            "pt",
            "SIM swap",
            "Houve um SIM swap no meu número e agora não controlo a minha conta convosco.",
        ),
    ],
    "legal": [
        ("en", "Refund", "If this isn't refunded by Friday my solicitor will take it from here."),
        ("sv", "Reklamation", "Om ni inte löser detta kommer jag att anmäla er till ARN."),
        ("de", "Letzte Frist", "Ich habe mich bereits an die Verbraucherzentrale gewandt."),
        (
            "fr",
            "Remboursement",
            "Je vais saisir le tribunal si vous ne me remboursez pas sous huit jours.",
        ),
        ("es", "Reclamación", "Mi abogado se pondrá en contacto con ustedes esta semana."),
        ("nl", "Klacht", "Als dit niet opgelost wordt, stap ik naar de Geschillencommissie."),
        (
            "it",
            "Rimborso",
            "Se non ricevo il rimborso mi rivolgerò a un avvocato e a un'associazione dei consumatori.",
        ),
        ("da", "Klage", "Jeg har nu sendt en klage til Forbrugerklagenævnet."),
        ("no", "Reklamasjon", "Jeg går til Forbrukerrådet med denne saken hvis jeg ikke får svar."),
        ("fi", "Reklamaatio", "Vien asian kuluttajariitalautakuntaan, jos ette korjaa pyörää."),
        ("pl", "Reklamacja", "Jeśli nie uznacie reklamacji, zgłoszę to do UOKiK."),
        (
            "pt",
            "Reclamação",
            "Vou apresentar queixa no Livro de Reclamações e falar com um advogado.",
        ),
        ("en", "Final notice", "I'm filing a claim in the small claims court next week."),
        ("sv", "Advokat", "Jag har kontaktat min advokat om den trasiga ramen."),
        (
            "de",
            "Schlichtung",
            "Andernfalls rufe ich die Schlichtungsstelle an und schalte meinen Anwalt ein.",
        ),
        ("fr", "Médiateur", "Je vais saisir le médiateur de la consommation."),
        ("es", "Consumo", "Presentaré una denuncia ante la oficina de consumo."),
        ("nl", "Advocaat", "Mijn advocaat neemt contact met u op."),
        ("it", "Causa", "Vi farò causa per danni."),
        (
            "da",
            "Advokat",
            "Jeg har talt med en advokat, og han mener, I er forpligtet til at betale.",
        ),
        ("no", "Forliksrådet", "Saken blir sendt til Forbrukertilsynet og forliksrådet."),
        ("fi", "Asianajaja", "Otan asiassa yhteyttä asianajajaan."),
        ("pl", "Sąd", "Skieruję sprawę do sądu."),
        ("pt", "Tribunal", "Se não devolverem o dinheiro, vou pôr-vos em tribunal."),
        ("de", "Rechtliche Schritte", "Sie hören von meinem Rechtsanwalt."),
    ],
    "safety": [
        (
            "en",
            "Brake failure",
            "The front brake failed on a downhill and I fell. My wrist is broken.",
        ),
        ("sv", "Batteriet rök", "Batteriet började ryka i hallen och brandkåren fick komma."),
        (
            "de",
            "Lenker gebrochen",
            "Der Lenker ist während der Fahrt abgebrochen und ich bin gestürzt.",
        ),
        ("fr", "Batterie", "La batterie a pris feu dans mon garage pendant la charge."),
        (
            "es",
            "Guardabarros",
            "Mi hijo se cortó con un borde afilado del guardabarros y necesitó puntos.",
        ),
        ("nl", "Accu", "De accu werd tijdens het laden zo heet dat hij begon te smelten."),
        ("it", "Telaio", "Il telaio si è spezzato, sono caduto e sono finito al pronto soccorso."),
        ("da", "Stød", "Jeg fik et elektrisk stød, da jeg satte laderen i."),
        ("no", "Brann", "Sykkelen tok fyr mens den sto til lading i garasjen."),
        ("fi", "Jarrut", "Jarrut pettivät alamäessä ja kaaduin, olin päivystyksessä."),
        ("pl", "Bateria", "Bateria wybuchła podczas ładowania, mam poparzoną rękę."),
        ("pt", "Acidente", "O travão falhou e tive um acidente, fui parar ao hospital."),
        (
            "en",
            "Charger",
            "The charger smells of burning plastic and sparked when I plugged it in.",
        ),
        ("de", "Ständer", "Mein Kind hat sich am Ständer schwer verletzt, die Kante ist scharf."),
    ],
    "press": [
        (
            "en",
            "Media enquiry",
            "I'm a reporter at the Local Gazette writing a story on e-bike battery fires. Could you comment?",
        ),
        ("sv", "Intervju", "Jag är journalist på Sydsvenskan och skulle vilja intervjua er vd."),
        (
            "de",
            "Anfrage",
            "Für einen Beitrag im Radio bitten wir um eine Stellungnahme zu den Rückrufen.",
        ),
        (
            "fr",
            "Presse",
            "Je suis journaliste au Parisien et je prépare un article sur les vélos électriques.",
        ),
        (
            "es",
            "Reportaje",
            "Soy periodista de El País y preparo un reportaje sobre las bicicletas eléctricas.",
        ),
        (
            "nl",
            "Artikel",
            "Voor een artikel in de Volkskrant zou ik graag een reactie van jullie krijgen.",
        ),
        (
            "it",
            "Intervista",
            "Sono una giornalista di Repubblica: sarebbe possibile un'intervista?",
        ),
        (
            "da",
            "Artikel",
            "Jeg skriver en artikel til Politiken om elcykler og vil gerne have en kommentar.",
        ),
        (
            "no",
            "NRK",
            "Jeg er journalist i NRK og lager en sak om elsykler. Kan noen stille til intervju?",
        ),
        ("fi", "Haastattelu", "Olen toimittaja Helsingin Sanomista ja toivoisin haastattelua."),
        (
            "pl",
            "Prasa",
            "Jestem dziennikarzem Gazety Wyborczej i przygotowuję artykuł o rowerach elektrycznych.",
        ),
        ("pt", "Entrevista", "Sou jornalista do Público e gostaria de uma entrevista."),
        (
            "en",
            "Podcast",
            "I host a cycling podcast and we'd love to have someone from Nordvik on the show to talk about the brand.",
        ),
    ],
    "partnership": [
        (
            "en",
            "Stocking your bikes",
            "We run a bike shop in Leeds and would like to stock your bikes as a reseller.",
        ),
        ("sv", "Återförsäljare", "Vi vill bli återförsäljare av era cyklar i Norrland."),
        ("de", "Partnerschaft", "Wir möchten Vertriebspartner für Österreich werden."),
        ("fr", "Revendeur", "Nous souhaitons devenir revendeur agréé de vos vélos à Lyon."),
        (
            "es",
            "Distribución",
            "Somos una tienda en Valencia y queremos ser distribuidores de su marca.",
        ),
        ("nl", "Dealer", "Wij willen graag dealer worden van Nordvik in Utrecht."),
        ("it", "Rivenditori", "Vorremmo diventare rivenditori autorizzati per il Nord Italia."),
        ("da", "Forhandler", "Vi vil gerne være forhandler af jeres cykler i Aarhus."),
        ("no", "Samarbeid", "Vi ønsker et samarbeid om firmasykler for våre ansatte."),
        ("fi", "Jälleenmyynti", "Haluaisimme ryhtyä tuotteidenne jälleenmyyjäksi Tampereella."),
        ("pl", "Dystrybucja", "Chcielibyśmy zostać dystrybutorem Waszych rowerów w Polsce."),
        ("pt", "Revenda", "Gostaríamos de ser revendedores da vossa marca em Lisboa."),
        (
            "en",
            "Collaboration",
            "We're a hotel chain and would like to discuss a partnership to offer your e-bikes to our guests.",
        ),
    ],
    "job": [
        (
            "en",
            "Workshop job",
            "Are you hiring? I'd love to work in your workshop, my CV is attached.",
        ),
        ("sv", "Jobb", "Jag söker jobb som cykelmekaniker, här är mitt CV."),
        ("de", "Bewerbung", "Anbei sende ich Ihnen meine Bewerbung als Verkäufer."),
        ("fr", "Candidature", "Je vous envoie mon CV pour un poste de mécanicien."),
        ("es", "Currículum", "Les envío mi currículum por si tienen alguna vacante."),
        ("nl", "Sollicitatie", "Hierbij solliciteer ik naar de functie van fietsenmaker."),
        ("it", "Candidatura", "Allego il mio curriculum per una candidatura spontanea."),
        ("da", "Job", "Jeg vil gerne søge job hos jer, mit CV er vedhæftet."),
        ("no", "Stilling", "Jeg søker stilling som mekaniker hos dere."),
        ("fi", "Kesätyö", "Haen teiltä kesätyöpaikkaa, CV liitteenä."),
        ("pl", "Praca", "Przesyłam moje CV, chciałbym u Was pracować."),
        ("pt", "Candidatura", "Envio o meu currículo para uma candidatura espontânea."),
        (
            "en",
            "Application",
            "Please find attached my application for the mechanic position you advertised.",
        ),
        (
            "sv",
            "Spontanansökan",
            "Jag skickar en spontanansökan, jag har jobbat tre år i cykelbutik.",
        ),
        ("de", "Praktikum", "Haben Sie noch Praktikumsplätze frei? Ich studiere Maschinenbau."),
        (
            "es",
            "Trabajar con ustedes",
            "Me gustaría trabajar con ustedes como mecánico, tengo experiencia.",
        ),
    ],
    "manager": [
        (
            "en",
            "Escalation",
            "I want this escalated to someone senior. I've been passed around for weeks.",
        ),
        ("sv", "Chef", "Jag vill prata med en chef, inte med kundtjänst igen."),
        ("de", "Vorgesetzter", "Ich verlange, mit Ihrem Vorgesetzten zu sprechen."),
        ("fr", "Responsable", "Je souhaite parler à un responsable."),
        ("es", "Encargado", "Quiero hablar con el encargado o con un superior."),
        ("nl", "Leidinggevende", "Ik wil een leidinggevende spreken over deze zaak."),
        ("it", "Responsabile", "Voglio parlare con il responsabile del servizio clienti."),
        ("da", "Leder", "Jeg vil gerne tale med en leder."),
        ("no", "Leder", "Jeg ønsker å snakke med lederen din."),
        ("fi", "Esimies", "Haluan puhua esimiehesi kanssa."),
        ("pl", "Kierownik", "Proszę o kontakt z kierownikiem."),
        ("pt", "Gerente", "Quero falar com o gerente."),
        ("en", "Supervisor", "Put me through to your supervisor, please."),
        ("de", "Beschwerde", "Bitte leiten Sie meine Beschwerde an die Geschäftsleitung weiter."),
    ],
}

# hard negatives: (language, subject, text, expect, gold sources)
# signature: the route-like words are a job title under a sign-off
TITLES = {
    "en": ("Office Manager, Brightline Ltd", "Head of Legal | Acme Corp"),
    "sv": ("Juridisk rådgivare, Ekgården AB", "Säkerhetschef\nNorrsken Fastigheter"),
    "de": ("Rechtsanwältin\nKanzlei Weber & Partner", "Datenschutzbeauftragter, Müller GmbH"),
    "fr": ("Avocate au barreau de Lyon", "Responsable des partenariats, Vélo+"),
    "es": ("Abogada\nBufete Ruiz", "Jefe de Seguridad, Grupo Sur"),
    "nl": ("Advocaat, Jansen Advocaten", "Manager HR & Recruitment"),
    "it": ("Avvocato\nStudio Legale Rossi", "Responsabile Ufficio Stampa"),
    "da": ("Advokat, Holm & Co", "Salgschef"),
    "no": ("Advokat\nHaugen Advokatfirma", "Daglig leder, Moen AS"),
    "fi": ("Lakimies, Virtanen Oy", "Turvallisuuspäällikkö"),
    "pl": ("Radca prawny\nKancelaria Nowak", "Kierownik ds. bezpieczeństwa"),
    "pt": ("Advogada, Silva & Associados", "Gerente de Parcerias"),
}
SIG_QUESTIONS = {
    "en": (
        "Delivery cost",
        "Is delivery free for an order of two bikes?",
        ["faq.csv#Is delivery free?", "help/delivery.md"],
    ),
    "sv": (
        "Returer",
        "Hur lång tid har jag på mig att returnera en hjälm?",
        ["sv/returer.md", "help/returns-and-refunds.md"],
    ),
    "de": (
        "Lieferung",
        "Wie lange dauert die Lieferung nach Deutschland?",
        ["de/lieferung.md", "help/delivery.md", "faq.csv#Do you deliver outside Sweden?"],
    ),
    "fr": (
        "Retour",
        "Combien de jours ai-je pour retourner un vélo ?",
        ["help/returns-and-refunds.md"],
    ),
    "es": (
        "Envío",
        "¿Cuánto cuesta el envío de una bicicleta?",
        ["help/delivery.md", "faq.csv#Is delivery free?"],
    ),
    "nl": (
        "Flex",
        "Hoeveel kost Nordvik Flex per maand?",
        ["help/nordvik-flex.md", "faq.csv#How much does Nordvik Flex cost?"],
    ),
    "it": (
        "Reso",
        "Entro quanti giorni posso restituire la bici?",
        ["help/returns-and-refunds.md"],
    ),
    "da": (
        "Service",
        "Er det første eftersyn gratis?",
        ["help/service-and-workshops.md", "faq.csv#Is the first service free?"],
    ),
    "no": (
        "Levering",
        "Hvor lang tid tar levering til Norge?",
        ["help/delivery.md", "faq.csv#Do you deliver outside Sweden?"],
    ),
    "fi": (
        "Palautus",
        "Kuinka monta päivää minulla on aikaa palauttaa pyörä?",
        ["help/returns-and-refunds.md"],
    ),
    "pl": ("Klarna", "Jak zapłacić fakturą Klarna?", ["faq.csv#How do I pay with Klarna invoice?"]),
    "pt": (
        "Serviço",
        "A primeira revisão é gratuita?",
        ["help/service-and-workshops.md", "faq.csv#Is the first service free?"],
    ),
}
# quoted history: an old message with route-like words below what the customer writes now
QUOTE_HEAD = {
    "en": "On Mon, 3 Nov 2026 at 09:12, {name} <{mail}> wrote:",
    "sv": "Den mån 3 nov. 2026 kl. 09:12 skrev {name} <{mail}>:",
    "de": "Am Mo., 3. Nov. 2026 um 09:12 Uhr schrieb {name} <{mail}>:",
    "fr": "Le lun. 3 nov. 2026 à 09:12, {name} <{mail}> a écrit :",
    "es": "El lun, 3 nov 2026 a las 9:12, {name} (<{mail}>) escribió:",
    "nl": "Op ma 3 nov 2026 om 09:12 schreef {name} <{mail}>:",
    "it": "Il giorno lun 3 nov 2026 alle ore 09:12 {name} <{mail}> ha scritto:",
    "da": "Den man. 3. nov. 2026 kl. 09.12 skrev {name} <{mail}>:",
    "no": "man. 3. nov. 2026 kl. 09:12 skrev {name} <{mail}>:",
    "fi": "ma 3.11.2026 klo 9.12 {name} <{mail}> kirjoitti:",
    "pl": "W dniu pon., 3.11.2026 o 09:12 {name} <{mail}> napisał(a):",
    "pt": "Em seg., 3/11/2026 às 09:12, {name} <{mail}> escreveu:",
}
QUOTED = [
    (
        "en",
        "Re: My order",
        "Thanks, the replacement arrived and everything works now. How long is the warranty on the new battery?",
        "I want to speak to a manager. My lawyer says you have to replace it.",
        ["help/warranty.md"],
    ),
    (
        "sv",
        "Sv: Beställning",
        "Tack, nu fungerar allt! Hur lång är garantin på ramen?",
        "Jag vill prata med en chef. Annars anmäler jag er till ARN.",
        ["sv/garanti-och-service.md", "help/warranty.md"],
    ),
    (
        "de",
        "AW: Bestellung",
        "Danke, das Rad ist angekommen. Wie lange habe ich Garantie auf den Rahmen?",
        "Bitte löschen Sie meine Daten nach DSGVO, sonst schalte ich meinen Anwalt ein.",
        ["help/warranty.md"],
    ),
    (
        "fr",
        "RE: Commande",
        "Merci, tout est réglé. Combien coûte la livraison d'une deuxième batterie ?",
        "Je souhaite parler à un responsable, sinon je saisis le tribunal.",
        ["help/delivery.md", "faq.csv#Is delivery free?"],
    ),
    (
        "es",
        "RE: Pedido",
        "Gracias, ya está solucionado. ¿Cuánto tiempo tengo para devolver el casco?",
        "Quiero hablar con el encargado. Mi abogado dice que me deben el dinero.",
        ["help/returns-and-refunds.md"],
    ),
    (
        "nl",
        "Re: Bestelling",
        "Bedankt, het is opgelost. Hoe lang duurt de levering naar Nederland?",
        "Iemand heeft ingelogd op mijn account! Ik wil een leidinggevende spreken.",
        ["help/delivery.md", "faq.csv#Do you deliver outside Sweden?"],
    ),
    (
        "it",
        "R: Ordine",
        "Grazie, ora funziona tutto. Quanto costa Nordvik Flex al mese?",
        "Voglio parlare con il responsabile, altrimenti mi rivolgo a un avvocato.",
        ["help/nordvik-flex.md", "faq.csv#How much does Nordvik Flex cost?"],
    ),
    (
        "da",
        "SV: Ordre",
        "Tak, det virker nu. Hvordan parrer jeg cyklen med appen?",
        "Nogen har overtaget min konto, jeg vil tale med en leder.",
        ["help/nordvik-app.md"],
    ),
    (
        "no",
        "SV: Bestilling",
        "Takk, alt er i orden nå. Hvordan får jeg en ny innloggingskode til appen?",
        "Slett alle opplysningene dere har om meg, ellers går jeg til Forbrukerrådet.",
        ["help/nordvik-app.md", "faq.csv#Can I get a new login code for the app?"],
    ),
    (
        "fi",
        "VS: Tilaus",
        "Kiitos, nyt toimii. Onko ensimmäinen huolto ilmainen?",
        "Haluan puhua esimiehen kanssa, muuten vien asian kuluttajariitalautakuntaan.",
        ["help/service-and-workshops.md", "faq.csv#Is the first service free?"],
    ),
    (
        "pl",
        "Odp: Zamówienie",
        "Dziękuję, wszystko działa. Ile kosztuje dostawa?",
        "Proszę o kontakt z kierownikiem, inaczej zgłoszę to do UOKiK.",
        ["help/delivery.md", "faq.csv#Is delivery free?"],
    ),
    (
        "pt",
        "RE: Encomenda",
        "Obrigado, já está resolvido. Quanto tempo tenho para devolver a bicicleta?",
        "Quero falar com o gerente, vou falar com um advogado.",
        ["help/returns-and-refunds.md"],
    ),
]
# the same words in another sense
OTHER: list[tuple[str, str, str, str, list[str]]] = [
    (
        "en",
        "Exporting orders",
        "Our lawyer asked us to export the data for our records. How do I export my order history from the app?",
        "abstain",
        [],
    ),
    (
        "en",
        "Bikes for new staff",
        "We are hiring project managers this spring. Can each of them get a Nordvik Flex subscription?",
        "answer",
        ["help/nordvik-flex.md"],
    ),
    (
        "en",
        "Invoice address",
        "The police station's address is on the invoice as the delivery address by mistake. Can I still change where it is delivered?",
        "answer",
        ["help/change-delivery-address.md"],
    ),
    (
        "en",
        "Security settings",
        "Security settings: how do I turn on two-factor in the Nordvik app?",
        "abstain",
        [],
    ),
    ("en", "Invoice draft", "How do I delete my old invoice draft in the portal?", "abstain", []),
    (
        "en",
        "Stolen bike",
        "My bike was stolen from the station yesterday. I have the police report, what do I do next?",
        "answer",
        ["help/theft-insurance.md", "faq.csv#What should I do if my bike is stolen?"],
    ),
    (
        "sv",
        "Säkerhetsinställningar",
        "Hur ändrar jag säkerhetsinställningarna i appen så att jag loggar in snabbare?",
        "answer",
        ["help/nordvik-app.md"],
    ),
    (
        "sv",
        "Stöld",
        "Cykeln blev stulen och jag har gjort en polisanmälan. Hur gör jag med försäkringen?",
        "answer",
        ["help/theft-insurance.md", "faq.csv#What should I do if my bike is stolen?"],
    ),
    (
        "sv",
        "Orderhistorik",
        "Kan jag ta bort en gammal beställning ur min orderhistorik?",
        "abstain",
        [],
    ),
    ("sv", "Garantibevis", "Vår jurist undrar om kvittot räcker som garantibevis.", "abstain", []),
    (
        "de",
        "Rechnung als PDF",
        "Unser Datenschutzbeauftragter fragt, ob Sie Rechnungen auch als PDF verschicken.",
        "abstain",
        [],
    ),
    (
        "de",
        "Lieferzeit",
        "Ich bin Filialleiter eines Supermarkts und möchte wissen, wie lange die Lieferung nach Deutschland dauert.",
        "answer",
        ["de/lieferung.md", "help/delivery.md", "faq.csv#Do you deliver outside Sweden?"],
    ),
    (
        "de",
        "Neue Mitarbeiter",
        "Wir stellen gerade fünf Mitarbeiter ein. Kostet Nordvik Flex für jeden gleich viel?",
        "answer",
        ["help/nordvik-flex.md", "faq.csv#How much does Nordvik Flex cost?"],
    ),
    (
        "de",
        "Diebstahl",
        "Mein Rad wurde gestohlen, die Anzeige bei der Polizei ist gemacht. Wie geht es jetzt weiter?",
        "answer",
        ["help/theft-insurance.md", "faq.csv#What should I do if my bike is stolen?"],
    ),
    (
        "fr",
        "Facture",
        "Mon avocat m'a conseillé de garder une facture détaillée. Où puis-je la télécharger ?",
        "abstain",
        [],
    ),
    ("fr", "Application", "Comment supprimer un ancien vélo de l'application ?", "abstain", []),
    (
        "fr",
        "Vol",
        "On m'a volé mon vélo et j'ai porté plainte à la police. Que dois-je faire maintenant ?",
        "answer",
        ["help/theft-insurance.md", "faq.csv#What should I do if my bike is stolen?"],
    ),
    (
        "es",
        "Factura",
        "Mi abogado me pidió una copia de la factura. ¿Cómo la descargo?",
        "abstain",
        [],
    ),
    (
        "es",
        "Robo",
        "Me robaron la bicicleta y ya hice la denuncia a la policía. ¿Qué hago ahora?",
        "answer",
        ["help/theft-insurance.md", "faq.csv#What should I do if my bike is stolen?"],
    ),
    ("es", "Seguridad", "¿Cómo activo la seguridad adicional en la aplicación?", "abstain", []),
    ("nl", "App", "Hoe verwijder ik mijn oude fiets uit de app?", "abstain", []),
    (
        "nl",
        "Gestolen",
        "Mijn fiets is gestolen, ik heb aangifte gedaan bij de politie. Wat moet ik nu doen?",
        "answer",
        ["help/theft-insurance.md", "faq.csv#What should I do if my bike is stolen?"],
    ),
    ("it", "Bozza", "Come posso eliminare un ordine in bozza?", "abstain", []),
    ("it", "Due passaggi", "Come attivo la verifica in due passaggi nell'app?", "abstain", []),
    ("da", "Adresse", "Hvordan sletter jeg en gammel adresse fra min profil?", "abstain", []),
    (
        "da",
        "Stjålet",
        "Min cykel er stjålet, og jeg har anmeldt det til politiet. Hvad gør jeg nu?",
        "answer",
        ["help/theft-insurance.md", "faq.csv#What should I do if my bike is stolen?"],
    ),
    (
        "no",
        "Nye ansatte",
        "Vi ansetter nye prosjektledere og trenger sykler til dem. Hva koster Nordvik Flex?",
        "answer",
        ["help/nordvik-flex.md", "faq.csv#How much does Nordvik Flex cost?"],
    ),
    ("no", "Sikkerhet", "Hvordan endrer jeg sikkerhetsinnstillingene i appen?", "abstain", []),
    ("fi", "Osoite", "Miten poistan vanhan toimitusosoitteen tililtäni?", "abstain", []),
    (
        "fi",
        "Varkaus",
        "Pyöräni varastettiin ja tein rikosilmoituksen poliisille. Mitä teen nyt?",
        "answer",
        ["help/theft-insurance.md", "faq.csv#What should I do if my bike is stolen?"],
    ),
    ("pl", "Dwuetapowa", "Jak włączyć weryfikację dwuetapową w aplikacji?", "abstain", []),
    ("pl", "Faktura", "Nasz prawnik poprosił o fakturę VAT. Gdzie ją znajdę?", "abstain", []),
    ("pt", "Morada", "Como apago uma morada antiga da minha conta?", "abstain", []),
    (
        "pt",
        "Fatura",
        "O nosso advogado pediu a fatura da bicicleta. Onde a encontro?",
        "abstain",
        [],
    ),
    (
        "en",
        "Manager account",
        "Is there a fleet manager account so I can see all our company bikes in one place?",
        "abstain",
        [],
    ),
    ("sv", "Data i appen", "Hur raderar jag mina gamla turer och data i appen?", "abstain", []),
    (
        "de",
        "Bewerbungsfoto",
        "Ich habe mein Fahrrad für ein Bewerbungsfoto benutzt und der Lack ist zerkratzt. Fällt das unter die Garantie?",
        "abstain",
        [],
    ),
    (
        "en",
        "Press fit",
        "The press fit bottom bracket creaks. Is that covered by the warranty?",
        "abstain",
        [],
    ),
    (
        "fr",
        "Gérant",
        "Je suis gérant d'un café et je voudrais savoir comment suivre ma commande.",
        "answer",
        ["help/delivery.md"],
    ),
    (
        "it",
        "Dati personali app",
        "Dove cambio il mio indirizzo email nel profilo dell'app?",
        "abstain",
        [],
    ),
]


def _wrap(lang: str, i: int, text: str, signature: str = "") -> str:
    name = NAMES[lang][i % 3]
    sign = SIGN[lang][i % 4]
    greet = GREET[lang][i % 3]
    tail = f"{sign}\n{name}" + (f"\n{signature}" if signature else "")
    return f"{greet}\n\n{text}\n\n{tail}"


LANGS = list(GREET)


def _split(seen: dict[tuple[str, str], int], kind: str, lang: str) -> str:
    """dev and test alternate within each language (route and no-route counted apart),
    starting on either side by language, so each half has about half of every reason."""
    k = seen.get((kind, lang), 0)
    seen[(kind, lang)] = k + 1
    return "dev" if (k + LANGS.index(lang)) % 2 == 0 else "test"


def emails() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    seen: dict[tuple[str, str], int] = {}
    for reason, items in ROUTE.items():
        for i, (lang, subject, text) in enumerate(items):
            rows.append(
                {
                    "id": f"route-{reason}-{i + 1:02d}-{lang}",
                    "language": lang,
                    "subject": subject,
                    "body": _wrap(lang, i, text),
                    "expect": "route",
                    "route_reason": reason,
                    "split": _split(seen, "route", lang),
                }
            )
    negatives: list[tuple[str, str, str, str, str, list[str]]] = []
    for n, lang in enumerate(TITLES):
        subject, question, gold = SIG_QUESTIONS[lang]
        for k, title in enumerate(TITLES[lang]):
            negatives.append(
                ("sig", lang, subject, _wrap(lang, n + k, question, title), "answer", gold)
            )
    for n, (lang, subject, text, old, gold) in enumerate(QUOTED):
        name = NAMES[lang][(n + 1) % 3]
        head = QUOTE_HEAD[lang].format(name=name, mail="kund@mail.example")
        quoted = "\n".join("> " + line for line in _wrap(lang, n + 1, old).splitlines())
        negatives.append(
            (
                "quoted",
                lang,
                subject,
                _wrap(lang, n, text) + f"\n\n{head}\n{quoted}",
                "answer",
                gold,
            )
        )
    for n, (lang, subject, text, expect, gold) in enumerate(OTHER):
        negatives.append(("sense", lang, subject, _wrap(lang, n, text), expect, gold))
    counts: dict[str, int] = {}
    for kind, lang, subject, body, expect, gold in negatives:
        counts[kind] = counts.get(kind, 0) + 1
        row: dict[str, object] = {
            "id": f"noroute-{kind}-{counts[kind]:02d}-{lang}",
            "language": lang,
            "subject": subject,
            "body": body,
            "expect": expect,
            "split": _split(seen, "no route", lang),
        }
        if gold:
            row["gold_sources"] = gold
        rows.append(row)
    return rows


def main() -> None:
    rows = emails()
    with (HERE / "emails.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} emails to {HERE / 'emails.jsonl'}")


if __name__ == "__main__":
    main()
