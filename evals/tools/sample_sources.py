"""Gold sources and key facts of the sample knowledge base (samples/knowledge-base), by topic.

A gold source is "path" (any section) or "path#heading" as the loaders name sections: the
Markdown/HTML/DOCX heading, the question of an FAQ row. Every topic lists all the articles
that answer it (English, Swedish, German), so citing any of them counts as the right source.
Key-fact alternatives cover the wordings of those articles and of a translated reply.
"""

from __future__ import annotations

DELIVERY_TIME = [
    "help/delivery.md#How long does delivery take?",
    "faq.csv#Do you deliver outside Sweden?",
    "sv/leverans.md#Hur lång tid tar leveransen?",
    "de/lieferung.md",
]
DELIVERY_COST = [
    "help/delivery.md#What does delivery cost?",
    "faq.csv#Is delivery free?",
    "sv/leverans.md#Vad kostar frakten?",
    "de/lieferung.md",
]
TRACKING = [
    "help/delivery.md#Tracking your order",
    "sv/leverans.md#Hur lång tid tar leveransen?",
    "de/lieferung.md",
]
ADDRESS = [
    "help/change-delivery-address.md",
    "sv/leverans.md#Ändra leveransadress",
    "de/lieferung.md",
]
RETURN_PERIOD = [
    "help/returns-and-refunds.md#Return period",
    "sv/returer.md",
    "de/ruecksendung-und-garantie.md#Rücksendung",
]
RETURN_HOW = [
    "help/returns-and-refunds.md#How to return",
    "sv/returer.md",
    "de/ruecksendung-und-garantie.md#Rücksendung",
]
REFUND = [
    "help/returns-and-refunds.md#Refunds",
    "sv/returer.md",
    "de/ruecksendung-und-garantie.md#Rücksendung",
]
WARRANTY = [
    "help/warranty.md#What the warranty covers",
    "help/battery-care.pdf",
    "sv/garanti-och-service.md#Garanti",
    "de/ruecksendung-und-garantie.md#Garantie",
    "help/spare-parts.html#Replacement battery",
]
CLAIM = [
    "help/warranty.md#Making a warranty claim",
    "help/battery-care.pdf",
    "sv/garanti-och-service.md#Garanti",
    "de/ruecksendung-und-garantie.md#Garantie",
]
DAMAGED = ["help/damaged-on-delivery.md", "sv/garanti-och-service.md#Skadad vid leverans"]
SERVICE = [
    "help/service-and-workshops.md",
    "faq.csv#Is the first service free?",
    "sv/garanti-och-service.md#Service",
]
APP_LOGIN = [
    "help/nordvik-app.md#Logging in",
    "help/nordvik-app.md#Login problems",
    "faq.csv#Can I get a new login code for the app?",
]
APP_PAIRING = ["help/nordvik-app.md#Pairing your bike"]
INVOICE = ["help/invoices-and-vat.docx#Where do I find my invoice?"]
VAT = ["help/invoices-and-vat.docx#Company invoices and VAT"]
KLARNA = [
    "help/invoices-and-vat.docx#Paying with Klarna",
    "faq.csv#How do I pay with Klarna invoice?",
]
FLEX = ["help/nordvik-flex.md", "faq.csv#How much does Nordvik Flex cost?"]
FLEX_CANCEL = [
    "help/nordvik-flex.md#Cancelling Nordvik Flex",
    "faq.csv#How much does Nordvik Flex cost?",
]
PARTS = ["help/spare-parts.html"]
PARTS_FIT = ["help/spare-parts.html#Which parts fit my bike?"]
BATTERY_CARE = ["help/battery-care.pdf"]
THEFT = ["help/theft-insurance.md", "faq.csv#What should I do if my bike is stolen?"]
CONTACT = ["help/contact-and-languages.md"]

# key facts: each a list of alternatives, matched case-insensitively in the draft
F_SWEDEN_DAYS = ["3-5", "3 to 5", "three to five", "3 bis 5", "3 à 5", "3 a 5"]
F_EU_DAYS = ["5-8", "5 to 8", "five to eight", "5 bis 8", "5 à 8", "5 a 8"]
F_299 = ["299"]
F_FREE_LIMIT = ["5,000", "5 000", "5.000", "5000"]
F_MY_ORDERS = ["My orders", "Mina ordrar", "Meine Bestellungen"]
F_30 = ["30"]
F_10_DAYS = [
    "10 working",
    "10 arbetsdagar",
    "10 Werktag",
    "10 jours",
    "10 días",
    "10 giorni",
    "10 werkdagen",
    "10 arbejdsdage",
    "10 arbeidsdager",
    "10 työpäivä",
    "10 dni",
    "10 dias",
]
F_2_YEARS = [
    "2-year",
    "2 year",
    "2 års",
    "2 år",
    "2 Jahre",
    "two years",
    "two-year",
    "2 ans",
    "2 años",
    "2 anni",
    "2 jaar",
    "2 vuotta",
    "2 lata",
    "2 anos",
]
F_500 = ["500"]
F_PHOTOS = ["photo", "foto"]
F_48 = ["48"]
F_SIX_MONTHS = [
    "6 months",
    "6 månader",
    "6 Monate",
    "6 Monaten",
    "six months",
    "6 mois",
    "6 meses",
    "6 mesi",
    "6 maanden",
    "6 måneder",
    "6 kuukauden",
    "6 miesięcy",
]
F_GOTHENBURG = ["Gothenburg", "Göteborg"]
F_STOCKHOLM = ["Stockholm"]
F_MALMO = ["Malmö", "Malmo"]
F_CODE = ["code", "kod", "codice", "código", "koodi", "kode"]
F_REINSTALL = ["reinstall", "installera om", "neu install", "réinstall", "reinstal"]
F_BLUETOOTH = ["Bluetooth"]
F_ADD_BIKE = ["Add bike"]
F_PDF = ["PDF"]
F_VAT = ["VAT", "moms", "USt", "TVA", "IVA", "btw"]
F_SUPPORT_ADDRESS = ["support@nordvikbikes.example"]
F_499 = ["499"]
F_ONE_MONTH = [
    "one month",
    "1 month",
    "en månad",
    "1 månad",
    "einem Monat",
    "1 Monat",
    "un mois",
    "un mes",
    "un mese",
    "één maand",
    "1 maand",
    "en måned",
    "1 måned",
]
F_SHOP_URL = ["nordvikbikes.example/shop/spare-parts"]
F_HALF = ["half", "hälften", "halb", "Hälfte", "moitié", "mitad", "metà", "helft", "halv", "puoli"]
F_TWO_MONTHS = ["two months", "2 months", "zwei Monate", "två månader", "deux mois", "dos meses"]
F_TRYGGHET = ["TrygghetsFörsäkring"]
F_POLICE = [
    "police",
    "polis",
    "Polizei",
    "policía",
    "polizia",
    "politi",
    "poliisi",
    "policj",
    "polícia",
]
F_BIKE_MODEL = ["model", "modell", "modèle", "modelo", "modello"]
