"""Build emails.jsonl: the labelled emails of the invoicing (Ledgerly) evaluation set.

Run from /work/main:  .venv/bin/python evals/domains/invoicing/build_emails.py

The emails are written as Python literals below, one list per language. Ids are the
language plus a running number; the split alternates dev/test within each
(language, expect) group, so both halves get every kind of email.
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
PRICES = "plans/plans-and-pricing.md#Prices by country"
PLANS = "plans/plans-and-pricing.md#Plans at a glance"
ANNUAL = "plans/plans-and-pricing.md#Annual billing"
EXTRA_USERS = "plans/plans-and-pricing.md#Extra users"
TRIAL = "plans/plans-and-pricing.md#Free trial"
CHANGE_PLAN = "plans/plans-and-pricing.md#Changing plan"
SV_PRICES = "plans/priser-och-paket.md#Priser i Sverige"
SV_PLANS = "plans/priser-och-paket.md#Paketen i korthet"
SV_ANNUAL = "plans/priser-och-paket.md#Årsbetalning"
SV_EXTRA = "plans/priser-och-paket.md#Extra användare"
PAY_METHODS = "billing/paying-for-ledgerly.md#Payment methods"
BILLING_HISTORY = "billing/paying-for-ledgerly.md#Your receipts and subscription invoices"
SUB_VAT = "billing/paying-for-ledgerly.md#VAT on your subscription"
FAILED = "billing/paying-for-ledgerly.md#Failed payments"
REFUND_ANNUAL = "billing/refund-policy.md#Annual plans"
REFUND_MONTHLY = "billing/refund-policy.md#Monthly plans"
REFUND_DOUBLE = "billing/refund-policy.md#Double charges"
OLD_REFUND_ANNUAL = "billing/refund-policy-before-2025-03.md#Annual plans"
OLD_REFUND_DOUBLE = "billing/refund-policy-before-2025-03.md#Double charges"
NUMBERS = "invoices/creating-and-sending-invoices.md#Invoice numbers"
DRAFTS = "invoices/creating-and-sending-invoices.md#Drafts"
DATES = "invoices/creating-and-sending-invoices.md#Invoice date and due date"
SENDING = "invoices/creating-and-sending-invoices.md#Sending an invoice"
CURRENCIES = "invoices/creating-and-sending-invoices.md#Currencies and languages"
CN_WHEN = "invoices/credit-notes.md#When to use a credit note"
CN_CREATE = "invoices/credit-notes.md#Creating a credit note"
CN_REFUND = "invoices/credit-notes.md#Refunding the customer"
REMINDERS = "invoices/reminders-and-late-fees.md#Automatic reminders"
REMINDER_FEES = "invoices/reminders-and-late-fees.md#Reminder fees by country"
INTEREST = "invoices/reminders-and-late-fees.md#Late payment interest"
SV_REMINDERS = "invoices/betalningspaminnelser.md#Automatiska påminnelser"
SV_REMINDER_FEE = "invoices/betalningspaminnelser.md#Påminnelseavgift"
SV_INTEREST = "invoices/betalningspaminnelser.md#Dröjsmålsränta"
DE_MAHNUNGEN = "de/mahnwesen.md#Automatische Mahnungen"
DE_MAHNGEBUEHR = "de/mahnwesen.md#Mahngebühren"
DE_ZINSEN = "de/mahnwesen.md#Verzugszinsen"
PEPPOL_PLANS = "e-invoicing/peppol.md#Which plans include Peppol"
PEPPOL_ID = "e-invoicing/peppol.md#Your Peppol ID"
PEPPOL_PUBLIC = "e-invoicing/peppol.md#Sending to public-sector customers"
PEPPOL_RECEIVE = "e-invoicing/peppol.md#Receiving e-invoices"
DE_ERECHNUNG_EMPFANG = "de/e-rechnung.md#Empfang von E-Rechnungen"
DE_ERECHNUNG_VERSAND = "de/e-rechnung.md#Versand von E-Rechnungen"
DE_LEITWEG = "de/e-rechnung.md#Rechnungen an öffentliche Auftraggeber (Leitweg-ID)"
VAT_RATES = "vat/vat-rates-and-reverse-charge.md#VAT rates in Ledgerly"
REVERSE = "vat/vat-rates-and-reverse-charge.md#Reverse charge within the EU"
KLEINUNTERNEHMER = (
    "vat/vat-rates-and-reverse-charge.md#Small businesses in Germany (Kleinunternehmer)"
)
VAT_REPORT = "vat/vat-rates-and-reverse-charge.md#The VAT report"
ROT_HOW = "vat/rot-och-rut.md#Så fakturerar du med avdrag"
ROT_CLAIM = "vat/rot-och-rut.md#Begär utbetalning från Skatteverket"
BANKS = "banking/bank-feeds.md#Supported banks"
BANK_SYNC = "banking/bank-feeds.md#How often transactions are updated"
BANK_CONSENT = "banking/bank-feeds.md#Renewing the bank consent"
BANK_MATCH = "banking/bank-feeds.md#Automatic matching"
APP_GET = "mobile/receipts-app.md#Getting the app"
APP_SCAN = "mobile/receipts-app.md#Scanning receipts"
APP_EMAIL = "mobile/receipts-app.md#Emailing receipts"
ROLES = "account/users-and-roles.md#Roles"
INVITE = "account/users-and-roles.md#Inviting a user"
SEATS = "account/users-and-roles.md#Seats"
OWNERSHIP = "account/users-and-roles.md#Transferring ownership"
TFA = "html/two-factor-authentication.html"
TFA_ON = f"{TFA}#Turning on two-factor login"
TFA_METHODS = f"{TFA}#Login methods"
TFA_REQUIRE = f"{TFA}#Requiring two-factor login for all users"
TFA_LOST = f"{TFA}#If you lose your phone"
SV_TFA_ON = "account/tvastegsverifiering.md#Slå på tvåstegsverifiering"
SV_TFA_REQUIRE = "account/tvastegsverifiering.md#Krav på tvåstegsverifiering för alla"
SV_TFA_LOST = "account/tvastegsverifiering.md#Tappat bort telefonen?"
DE_TFA_ON = "de/zwei-faktor-authentifizierung.md#Zwei-Faktor-Anmeldung einrichten"
DE_TFA_REQUIRE = "de/zwei-faktor-authentifizierung.md#Pflicht für alle Benutzer"
DE_TFA_LOST = "de/zwei-faktor-authentifizierung.md#Handy verloren?"
STRIPE = "integrations/integrations.md#Stripe"
EXPORT_EXCEL = "data/export-and-import.md#Exporting reports to Excel"
EXPORT_ALL = "data/export-and-import.md#Exporting all your data"
FILE_FORMATS = "data/export-and-import.md#Accounting file formats"
IMPORT = "data/export-and-import.md#Importing customers and products"
DATEV_REQ = "html/de/datev-export.html#Voraussetzungen"
MIGRATION_IMPORT = "data/migration-guide.docx#What you can import"
MIGRATION_OPEN = "data/migration-guide.docx#Importing open invoices"
SERVICE_PDF = "support/service-levels-2026.pdf"
CLOSE_BEFORE = "account/closing-your-account.md#Before you close"
CLOSE_HOW = "account/closing-your-account.md#How to close the account"
CLOSE_AFTER = "account/closing-your-account.md#What happens after closing"
API_BASE = "api/public-api.md#Base URL and versions"
API_LIMITS = "api/public-api.md#Rate limits"
API_WEBHOOKS = "api/public-api.md#Webhooks"
API_SANDBOX = "api/public-api.md#Sandbox"

EMAILS: dict[str, list[Email]] = {}

# --- English ---------------------------------------------------------------------------------
EMAILS["en"] = [
    A(
        "Pricing for a small team in Norway",
        "Hi,\n\nWe are a design studio in Bergen, five people, and we are comparing invoicing "
        "tools before the new year. Standard looks like what we need (Peppol + automatic "
        "reminders). What is the monthly price of Standard for a Norwegian company, and what "
        "would we pay for the two users on top of the ones included?\n\nThanks in advance,\n"
        "Ingrid Solberg\nDaglig leder, Solberg & Vik Design AS",
        [PRICES, EXTRA_USERS],
        [["NOK 359"], ["NOK 79"]],
    ),
    A(
        "old drafts",
        "hello, how do I delete an old invoice draft? we have about 14 drafts from the "
        "spring that nobody is going to send and they clutter the list. also is it possible to "
        "get them back if I delete the wrong one?\n\nthx\nMarcus",
        [DRAFTS, faq("How do I delete a draft invoice?")],
        [["Delete draft"], ["cannot be restored"]],
    ),
    A(
        "Invoice date on invoice 2026-0412",
        "Good morning,\n\nOur project manager asked me to check the invoice date on invoice "
        "2026-0412, which we sent to Halden Bygg yesterday. It says 3 November but the work "
        "was finished in October and he would like it to show 31 October. Can I just edit the "
        "date on the sent invoice, or what is the correct way to do this?\n\nKind regards,\n"
        "Sofia Berg\nAccounts Assistant\nNorrkust Installation AB",
        [DATES, faq("Can I change the date of an invoice I have already sent?"), CN_WHEN],
        [["cannot be changed", "can only be changed while the invoice is a draft"]],
    ),
    A(
        "Invitation link not working + accountant seat",
        "Hello Ledgerly team,\n\nI invited our new bookkeeper (external, she works for "
        "Räkna Rätt Redovisning) to our company in Ledgerly last Monday, but she only tried to "
        "accept it today and the link says it has expired. How long are invitations valid, "
        "and do I just send a new one?\n\nAlso: will she take one of our three Standard seats? "
        "We are already at 3 users and I don't want to pay for a fourth.\n\nBest,\n"
        "Karen Holt\nHR Manager\nFjällgren Outdoor AB\n+46 70 555 12 34",
        [INVITE, SEATS, faq("Does my accountant need a paid seat?"), EXTRA_USERS, SV_EXTRA],
        [["72 hours"], ["up to 2", "max 2"]],
    ),
    A(
        "Export to Excel for our auditor",
        "Hi,\n\nOur auditor is coming next week and wants the general ledger for 2025 and the "
        "list of unpaid invoices in Excel. Can I export my data to Excel directly from "
        "Ledgerly, or do I have to copy it by hand?\n\nRegards\nTomas Lindqvist\nCFO, "
        "Lindqvist Logistik AB",
        [EXPORT_EXCEL, faq("Can I export my data to Excel?"), f"{CHANGELOG}#2026-11-04"],
        [["Excel (.xlsx)"]],
    ),
    A(
        "Cancelling our annual plan - refund?",
        "Dear Ledgerly,\n\nWe are a small consultancy in Aarhus (ApS). We bought the annual Pro "
        "plan in January 2025 (paid in DKK) and it has not been renewed since. We are merging "
        "with another company that uses a different system, so we want to cancel now. "
        "Do we get anything back for the remaining months? I read something about 30 days "
        "on your website but we are way past that.\n\nMed venlig hilsen / kind regards\n"
        "Mette Kjær\nPartner, Kjær & Holm Rådgivning ApS",
        [OLD_REFUND_ANNUAL],
        [["DKK 180"], ["pro rata"]],
    ),
    A(
        "Renewed by mistake",
        "Hi there,\n\nOur annual Standard subscription renewed automatically on 2 November "
        "2026. We had actually decided to move to the monthly plan instead and forgot to switch "
        "before the renewal. It's now 12 days later. Can we cancel the annual renewal and get "
        "the money back?\n\nThanks,\nOliver Grant\nOperations, Northbay Studio Oy",
        [REFUND_ANNUAL],
        [["30 days"], ["full refund"]],
    ),
    A(
        "Charged twice in November",
        "Hi,\n\nI just checked our company card and Ledgerly has charged us SEK 649 twice on "
        "1 November (receipt numbers R-88213 and R-88214). Can you refund one of them? How "
        "long will it take?\n\nBest regards\nAnna Nyström\nEkonomiansvarig, Nyström Fastigheter AB",
        [REFUND_DOUBLE, OLD_REFUND_DOUBLE],
        [["5–7 business days", "5-7 business days"]],
    ),
    A(
        "Our Peppol address",
        "Hello,\n\nA customer (Region Halland) asked for our Peppol ID so they can set us up as "
        "a supplier. We turned on e-invoicing in Ledgerly this morning. What will our Peppol ID "
        "look like (we're a Swedish AB, org nr 556677-8899), and how long before we can "
        "actually receive and send?\n\nThanks!\nJohan Ek\nEk Elteknik AB",
        [PEPPOL_ID],
        [["0007"], ["2 business days"]],
    ),
    A(
        "Reminder fees for Danish customers",
        "Hi,\n\nWe are a Swedish webshop (Standard plan) and about a third of our B2C customers "
        "are in Denmark. We'd like to turn on reminder fees. What is the maximum fee we can "
        "add on reminders to our Danish customers, and is there a limit on how many reminders "
        "we can send them?\n\nKind regards,\nLinnea Håkansson\nCustomer Service Lead, "
        "Nordic Knits AB",
        [REMINDER_FEES],
        [["DKK 100"], ["3 reminders"]],
    ),
    A(
        "API limits and v1",
        "Hey,\n\nI'm building a sync between our ERP and Ledgerly for a client on Pro. Two "
        "questions:\n1) What are the rate limits now? Our code still assumes 60/min.\n2) We "
        "still call some /v1 endpoints. Until when will v1 keep working?\n\nCheers,\n"
        "Dev Patel\nSenior Developer, Brightlane Consulting",
        [API_LIMITS, API_BASE, f"{CHANGELOG}#2026-10-14", f"{CHANGELOG}#2026-06-10"],
        [["120 requests per minute"], ["31 December 2026"]],
    ),
    A(
        "Require 2FA for all staff",
        "Hi,\n\nFor security reasons our CFO wants two-factor login to be mandatory for all "
        "11 users in our Ledgerly company (we're on Pro). Is there a setting for that or do I "
        "need to ask everybody to turn it on themselves?\n\nThanks,\nRasmus Dahl\nIT Manager, "
        "Dahl & Partners Revision AB",
        [TFA_REQUIRE, SV_TFA_REQUIRE, DE_TFA_REQUIRE],
        [
            [
                "Require two-factor login",
                "Kräv tvåstegsverifiering",
                "Zwei-Faktor-Anmeldung erzwingen",
            ]
        ],
    ),
    A(
        "Receipts app on Starter?",
        "Hi!\n\nI'm a freelance photographer on the Starter plan. Can I use the Ledgerly "
        "Receipts app on my Android phone to snap receipts? And does it work on my Garmin "
        "watch by any chance, haha.\n\n/Elin\n\nElin Strand Foto\nwww.elinstrand.se",
        [APP_GET, faq("Is there a mobile app?"), PLANS, SV_PLANS],
        [["Standard and Pro"]],
    ),
    A(
        "Invoices to the police",
        "Hello,\n\nWe have a new customer: Polismyndigheten (the Swedish Police). We service "
        "the coffee machines at their station in Uppsala, and the police station's address "
        "is on the invoice as delivery address. Their purchasing department says they only "
        "accept e-invoices and that the invoice will be rejected without the right reference. "
        "What do we need to fill in in Ledgerly?\n\nBest regards,\nPeter Falk\n"
        "Falk Kaffeservice AB",
        [PEPPOL_PUBLIC],
        [["Er referens"]],
    ),
    A(
        "Re: Closing down the company",
        "Hi again,\n\nSee my lawyer's note below. If we close our Ledgerly account at the end "
        "of the year, do you keep the bookkeeping for us for those years, and how long do we "
        "have to change our minds?\n\nBR\nGustav Ahl\nAhl Snickeri AB\n\n"
        "On 3 Nov 2026, at 14:02, Eva Lund (Lund Advokatbyrå) wrote:\n"
        "> Gustav, as discussed: the bookkeeping records of the company must be kept for seven\n"
        "> years after the end of the fiscal year, also after the business has closed.\n"
        "> Make sure you have a copy of everything.\n> Eva Lund, advokat",
        [CLOSE_BEFORE, CLOSE_AFTER, faq("How do I close my account?")],
        [["does not keep them"], ["90 days"]],
    ),
    A(
        "Support hours and phone",
        "Hello,\n\nWe upgraded to Pro last week, partly because of phone support. What number "
        "do we call, and how quickly can we expect an answer? Our bookkeeper usually works "
        "evenings, is support open then?\n\nRegards,\nHenrik Møller\nMøller Transport A/S",
        [SERVICE_PDF],
        [["+46 8 123 456 70"], ["4 business hours"], ["08:00–17:00", "08:00-17:00"]],
    ),
    A(
        "Importing open invoices from Visma",
        "Hi,\n\nWe are moving from our old system on 1 January. We have around 1,400 unpaid "
        "customer invoices that we want to bring over so the payments can be matched in "
        "Ledgerly. Can we import them, and is there a limit per file? Will the customers get "
        "the invoices again?\n\nThanks,\nLaura Virtanen\nHead of Finance, Kotikulma Oy",
        [MIGRATION_IMPORT, MIGRATION_OPEN],
        [["1,000 rows"], ["not sent again"]],
    ),
    A(
        "Please delete our account",
        "Hello,\n\nWe are shutting down the business at the end of this month (retirement!). "
        "Please delete our Ledgerly account. Is there something I need to do myself?\n\n"
        "Thank you for the years,\nBirgitta Sjöberg\nOwner, Sjöbergs Blommor",
        [CLOSE_HOW, faq("How do I close my account?"), CLOSE_BEFORE],
        [["Settings > Account > Close account"]],
    ),
    A(
        "VAT on invoice to German customer",
        "Hi,\n\nWe're a Swedish IT consultancy and just got our first customer in Germany "
        "(a GmbH in Hamburg). How should we set up the invoice so that there is no Swedish "
        "VAT on it? Do we need anything from them?\n\nBest,\nNils Ekström\nEkström IT AB",
        [REVERSE],
        [["Reverse charge (EU)"], ["VAT number"]],
    ),
    A(
        "Card payments on invoices",
        "Hi Ledgerly,\n\nSeveral of my customers ask if they can pay my invoices by card "
        "instead of bank transfer. Is that possible? I'm on Starter at the moment, if that "
        "matters.\n\nCheers,\nJonas\n\nJonas Berglund | Berglund Fotografi | 070-123 45 67",
        [STRIPE],
        [["Pay now"], ["Standard and Pro"]],
    ),
    N(
        "WooCommerce",
        "Hi,\n\nWe sell baby clothes through our own WordPress site with WooCommerce (approx. "
        "600 orders/month). Can Ledgerly import the WooCommerce orders automatically, like "
        "you do for Shopify? Otherwise we'd have to book them by hand.\n\nBest,\nSara Holm\n"
        "Lilla Knoppen AB",
    ),
    N(
        "Payroll",
        "Hello,\n\nWe have two employees since September. Can we run payroll in Ledgerly and "
        "send the monthly employer declaration (AGI) to Skatteverket from there, or do we need "
        "a separate payroll program?\n\nThanks\nAnders Wik\nWik Måleri AB",
    ),
    N(
        "Single sign-on",
        "Hi,\n\nOur IT policy requires that all SaaS tools use single sign-on via Microsoft "
        "Entra ID (SAML or OIDC). Does Ledgerly support SSO on the Pro plan? We'd need it "
        "before we can sign the contract.\n\nRegards,\nClaire Dubois\nIT Security Officer, "
        "Vesterhav Shipping ApS",
    ),
    N(
        "Exchange rate on USD invoices",
        "Hi,\n\nWe invoice a US client in USD. Which exchange rate does Ledgerly use when it "
        "books the invoice in SEK (Riksbank? ECB?), and can we enter the rate our bank "
        "actually gave us instead?\n\nThanks\nMaja Lund\nFinance Assistant, Lund Audio AB",
    ),
    N(
        "Python client for the API",
        "Hello,\n\nIs there an official Python SDK or client library for the Ledgerly API "
        "(pip package)? I'd rather not write the HTTP calls and the pagination myself.\n\n"
        "Cheers,\nTom Becker\nFreelance developer",
    ),
    N(
        "Cinnamon buns",
        "Hi!\n\nSorry if this is the wrong address. I'm baking for a Swedish-themed party on "
        "Saturday. How much cardamom should I put in a batch of cinnamon buns (about 30 "
        "buns), and should the butter be soft or melted?\n\nThanks so much,\nJenny",
    ),
    N(
        "Homework help",
        "hi can you help me with my maths homework. how do you add 3/4 and 2/5, my teacher "
        "says i need a common denominator but i dont get it\n\nleo (year 6)",
    ),
    R(
        "privacy",
        "Subject access request",
        "Dear Sir or Madam,\n\nI worked as a sales assistant for Hallberg Interiör AB until "
        "June 2026, and I had a user account in your system. Under Article 15 of the GDPR I "
        "request a copy of all personal data Ledgerly holds about me, including login records "
        "and the invoices sent in my name, and information on how long you keep it.\n\n"
        "Yours faithfully,\nAmira Haddad",
    ),
    R(
        "security",
        "I can see another company's invoices!",
        "Hi,\n\nSomething is very wrong. When I logged in this morning and opened Invoices, I "
        "saw invoices from a company called Nordic Timber AB, with their customers' names "
        "and amounts. We have nothing to do with them. I logged out immediately. Please look "
        "into this urgently, and are OUR invoices visible to someone else too?\n\n"
        "Petra Lind\nOwner, Lind Redovisning",
    ),
    R(
        "security",
        "Is this email from you?",
        "Hello,\n\nI got the email below today. It has your logo but the link goes to "
        "ledgerly-billing-secure.com. I did click it and entered my card number before I "
        "noticed. What should I do now?\n\nDaniel Roos\n\n"
        "-----Original Message-----\n"
        "From: Ledgerly Billing <no-reply@ledgerly-billing-secure.com>\n"
        "Subject: Action required: your subscription will be suspended\n"
        "Your payment failed. Update your card within 24 hours to avoid suspension: "
        "https://ledgerly-billing-secure.com/update",
    ),
    R(
        "job",
        "Backend developer - open application",
        "Hi Ledgerly team,\n\nI'm a backend developer (Python, PostgreSQL, 6 years) living in "
        "Stockholm, and I've used Ledgerly for my own consulting company for two years. I "
        "couldn't find an open position on your careers page, but I'd love to work on the "
        "product. My CV and GitHub are attached. Would you be open to a chat?\n\n"
        "Best regards,\nAhmed Karimi",
    ),
    R(
        "legal",
        "Unauthorised charges - final notice before legal action",
        "To Ledgerly AB,\n\nWe cancelled our subscription on 14 August 2026 (confirmation "
        "attached) and you have nevertheless charged our card SEK 649 in September, October "
        "and November. Two emails to billing have not been answered. Unless the full amount "
        "is refunded within 7 days, our lawyer will file a claim with the district court and "
        "report you to the Consumer Agency.\n\nMikael Strand\nManaging Director, "
        "Strand Marin AB",
    ),
    R(
        "press",
        "Press enquiry: outage on 28 October",
        "Hello,\n\nI'm a reporter at Breakit covering Nordic tech. Several readers tell us that "
        "Ledgerly was down for most of 28 October and that invoices were sent twice. Could "
        "someone from the company comment on what happened and how many customers were "
        "affected? My deadline is tomorrow at 12:00.\n\nBest,\nJosefin Wahl\nReporter, Breakit",
    ),
    R(
        "partnership",
        "Partnership for accounting firms",
        "Hi,\n\nWe are an accounting firm in Gothenburg with about 140 small-business clients, "
        "and we are choosing one invoicing system to recommend to all of them. Do you have a "
        "partner or reseller programme with volume prices and a partner dashboard? We'd like "
        "to set up a meeting.\n\nKind regards,\nLars-Erik Blom\nPartner, Blom & Co "
        "Redovisningsbyrå",
    ),
]

# --- Swedish ---------------------------------------------------------------------------------
EMAILS["sv"] = [
    A(
        "Pris på Standard och betalning mot faktura",
        "Hej!\n\nVi är ett litet elfirma i Västerås (4 anställda) och funderar på att gå över "
        "från Excel till Ledgerly. Vad kostar Standard per månad? Och kan vi betala för ett "
        "helt år i taget mot faktura i stället för med kort, vår ekonomiavdelning vill helst "
        "inte ha kortbetalningar.\n\nMvh\nKjell Andersson\nVD, Anderssons El i Västerås AB",
        [SV_PRICES, PRICES, SV_ANNUAL, ANNUAL, faq("Can I pay for Ledgerly by invoice?")],
        [["349 kr", "SEK 349"], ["30 dagar", "30 days"]],
    ),
    A(
        "Påminnelseavgift",
        "Hej,\n\nvi har en del kunder som betalar sent och vill börja ta ut påminnelseavgift via "
        "Ledgerly. Hur mycket får vi ta? Vi har inte skrivit något om avgifter i våra villkor "
        "eller på fakturorna hittills, spelar det någon roll?\n\nTack på förhand\nLena "
        "Johansson\nEkonomi, Johanssons Trädgårdstjänst",
        [SV_REMINDER_FEE, REMINDER_FEES],
        [["60 kr", "SEK 60"], ["skriftligt", "in writing"]],
    ),
    A(
        "ROT-avdrag på faktura",
        "Hej Ledgerly,\n\nJag är snickare med enskild firma och har precis gått över till "
        "Standard. Hur gör jag en faktura med ROT-avdrag i Ledgerly, och hur får jag sedan "
        "pengarna från Skatteverket? Finns det något sista datum?\n\nHälsningar\nMattias "
        "Holmgren\nHolmgrens Bygg & Snickeri",
        [ROT_HOW, ROT_CLAIM],
        [["Rapporter > ROT/RUT-begäran"], ["31 januari"]],
    ),
    A(
        "Kommer inte in efter telefonbyte",
        "Hej,\n\nJag har bytt telefon och nu kommer jag inte in i Ledgerly, appen för "
        "tvåstegsverifiering låg på den gamla telefonen som jag har lämnat in. Jag är ensam "
        "ägare i företaget och jag har inte sparat några reservkoder (tyvärr). Hur gör jag "
        "och hur lång tid tar det?\n\nMvh\nAnnika Berg\nBergs Hårstudio",
        [SV_TFA_LOST, TFA_LOST, DE_TFA_LOST],
        [["3 arbetsdagar", "3 business days", "3 Werktage"]],
    ),
    A(
        "SV: Betalning av abonnemanget",
        "Hej igen,\n\nTack för svaret. Vi vill hellre betala månadsabonnemanget med autogiro "
        "än med företagskortet, som går ut i december. Hur ställer vi om det?\n\nMvh\nOskar "
        "Lindgren\nKontorschef, Lindgren Revision AB\n\n"
        "Från: Ledgerly Support <support@ledgerly.se>\nSkickat: den 4 november 2026 09:12\n"
        "Till: Oskar Lindgren\nÄmne: Betalning av abonnemanget\n\n"
        "Hej Oskar,\nDitt kort har nu uppdaterats. Hör av dig om du har fler frågor!\n"
        "Vänliga hälsningar, Sara på Ledgerly",
        [faq("Kan jag betala med autogiro?"), PAY_METHODS],
        [
            [
                "Inställningar > Fakturering > Betalsätt > Autogiro",
                "Settings > Billing > Payment method > Autogiro",
            ],
            ["BankID"],
        ],
    ),
    N(
        "Inkasso",
        "Hej!\n\nKan Ledgerly skicka obetalda fakturor vidare till inkasso automatiskt efter "
        "sista påminnelsen? Vi har ett par kunder som aldrig betalar och jag orkar inte "
        "hålla på manuellt. Vilket inkassobolag samarbetar ni i så fall med?\n\nMvh\n"
        "Peter Nilsson\nNilssons Rör AB",
    ),
    N(
        "Fakturor till Kivra",
        "Hej,\n\nMånga av våra privatkunder vill få sina fakturor i Kivra i stället för via "
        "mejl. Går det att skicka fakturor från Ledgerly till kundernas Kivra-brevlåda, och vad "
        "kostar det?\n\nTack!\nEmma Sundberg\nSundbergs Städ & Fönsterputs",
    ),
    R(
        "privacy",
        "Registerutdrag enligt GDPR",
        "Hej,\n\nJag har varit kund hos ett företag som fakturerar via er tjänst (Almgrens "
        "Måleri AB) och har fått fakturor från er adress. Jag vill enligt GDPR ha ett "
        "registerutdrag över alla personuppgifter som ni behandlar om mig, t.ex. namn, "
        "personnummer och adress, och veta varifrån ni har fått dem.\n\nMed vänlig hälsning\n"
        "Ulla Persson",
    ),
    R(
        "job",
        "Spontanansökan kundsupport",
        "Hej!\n\nJag heter Ida och har jobbat fyra år som redovisningsekonom på en byrå i "
        "Uppsala, där vi använder Ledgerly för nästan alla kunder. Nu vill jag gärna byta "
        "till kundsupport och undrar om ni söker folk till er support i Stockholm? Jag "
        "bifogar mitt CV och personliga brev.\n\nVänliga hälsningar\nIda Forsberg\n073-222 11 00",
    ),
]

# --- German ----------------------------------------------------------------------------------
EMAILS["de"] = [
    A(
        "Mahngebühren bei Firmenkunden",
        "Guten Tag,\n\nwir sind ein Großhandel für Gastronomiebedarf in Leipzig und beliefern "
        "fast nur Restaurants und Hotels, also Geschäftskunden. Welche Mahngebühr schlägt "
        "Ledgerly vor, und dürfen wir zusätzlich die 40-Euro-Pauschale berechnen?\n\n"
        "Mit freundlichen Grüßen\nSabine Krüger\nBuchhaltung, Krüger Gastro-Handel GmbH",
        [DE_MAHNGEBUEHR, REMINDER_FEES],
        [["5 EUR", "EUR 5"], ["40 EUR", "EUR 40"]],
    ),
    A(
        "XRechnung an die Stadt",
        "Hallo,\n\nwir haben zum ersten Mal einen Auftrag von der Stadtverwaltung Bielefeld "
        "bekommen (Grünpflege). Die Stadt verlangt eine XRechnung mit Leitweg-ID. Geht das mit "
        "Ledgerly im Tarif Standard, und wo trage ich die Leitweg-ID ein?\n\nViele Grüße\n"
        "Thomas Brandt\nInhaber, Brandt Garten- und Landschaftsbau",
        [
            DE_LEITWEG,
            DE_ERECHNUNG_VERSAND,
            faq("Unterstützt Ledgerly XRechnung?"),
            f"{CHANGELOG}#2026-10-14",
        ],
        [["Kunden > (Kunde) > Bearbeiten > E-Rechnung > Leitweg-ID"], ["Standard und Pro"]],
    ),
    A(
        "DATEV für unseren Steuerberater",
        "Sehr geehrte Damen und Herren,\n\nunser Steuerberater möchte die Buchungen künftig "
        "monatlich im DATEV-Format bekommen. Wir nutzen derzeit den Tarif Standard. Ist der "
        "DATEV-Export darin enthalten, und welche Angaben der Kanzlei brauchen wir dafür?\n\n"
        "Mit freundlichen Grüßen\nJulia Weber\nOffice Managerin, Weber Zahntechnik GmbH",
        [DATEV_REQ, FILE_FORMATS, PLANS, SV_PLANS],
        [["im Tarif Pro enthalten", "Pro only"], ["Mandantennummer"]],
    ),
    A(
        "Rechnung ohne Umsatzsteuer (Kleinunternehmerin)",
        "Hallo liebes Ledgerly-Team,\n\nich bin seit Oktober selbstständig als Illustratorin "
        "und Kleinunternehmerin nach § 19 UStG. Ledgerly rechnet auf meinen Rechnungen immer "
        "19 % drauf. Wie stelle ich das ab, damit keine MwSt. mehr auf der Rechnung steht?\n\n"
        "Danke und liebe Grüße\nLea Hoffmann",
        [KLEINUNTERNEHMER],
        [["Settings > VAT > Kleinunternehmerregelung", "Kleinunternehmerregelung"]],
    ),
    A(
        "Preise für Deutschland",
        "Guten Tag,\n\nwas kostet Ledgerly im Tarif Standard für ein Unternehmen in "
        "Deutschland, und gibt es einen Rabatt, wenn wir jährlich zahlen?\n\nBeste Grüße\n"
        "Markus Schulz\nGeschäftsführer, Schulz Elektrotechnik GmbH\n\n"
        "Am 2. November 2026 um 10:14 schrieb Markus Schulz:\n"
        "> Hallo, ich habe mir Ihre Website angesehen, finde aber die Preise in Euro nicht.",
        [faq("Was kostet Ledgerly in Deutschland?"), PRICES, ANNUAL, SV_ANNUAL],
        [["31 EUR", "EUR 31"], ["2 months free", "10 months", "2 månader gratis"]],
    ),
    N(
        "Verfahrensdokumentation nach GoBD",
        "Guten Tag,\n\nunsere Betriebsprüfung steht an und der Prüfer möchte eine "
        "Verfahrensdokumentation nach GoBD sehen. Stellt Ledgerly dafür eine Vorlage oder ein "
        "Testat (z. B. IDW PS 880) zur Verfügung?\n\nMit freundlichen Grüßen\nFrank Meier\n"
        "Kaufmännischer Leiter, Meier Metallbau GmbH",
    ),
    N(
        "Umsatzsteuer-Voranmeldung per ELSTER",
        "Hallo,\n\nkann ich die Umsatzsteuer-Voranmeldung direkt aus Ledgerly per ELSTER an das "
        "Finanzamt übermitteln, oder muss ich die Zahlen abtippen? Bei meinem alten Programm "
        "ging das mit einem Klick.\n\nGruß\nStefan Wolf\nWolf Fahrradservice",
    ),
    R(
        "privacy",
        "Löschung meiner Daten nach Art. 17 DSGVO",
        "Sehr geehrte Damen und Herren,\n\nich war bis März 2026 als Buchhalterin bei der "
        "Firma Becker Holzbau GmbH beschäftigt und hatte einen Zugang zu Ledgerly. Hiermit "
        "verlange ich gemäß Art. 17 DSGVO die Löschung aller meiner personenbezogenen Daten "
        "(Name, E-Mail-Adresse, Telefonnummer, Anmeldedaten). Bitte bestätigen Sie mir die "
        "Löschung schriftlich.\n\nMit freundlichen Grüßen\nKatrin Vogel",
    ),
    R(
        "security",
        "Konto gehackt?",
        "Hallo,\n\nich bekomme seit heute Nacht keine E-Mails mehr von Ledgerly, und als ich "
        "mich anmelden wollte, war mein Passwort falsch. In meinem Postfach habe ich noch eine "
        "Nachricht gefunden: „Ihre E-Mail-Adresse wurde geändert“ – das war ich nicht! "
        "In dem Konto stehen die Bankdaten unserer Firma. Bitte sperren Sie das Konto sofort.\n\n"
        "Dringend,\nAndreas Fischer\nGeschäftsführer, Fischer Kältetechnik GmbH\n"
        "Tel. 0171 555 0199",
    ),
]

# --- French ----------------------------------------------------------------------------------
EMAILS["fr"] = [
    A(
        "Tarif Pro pour notre filiale finlandaise",
        "Bonjour,\n\nNous ouvrons une filiale à Helsinki (société finlandaise) et notre "
        "contrôleur de gestion m'a demandé de comparer les logiciels de facturation. Quel est "
        "le prix mensuel de l'offre Pro pour une société en Finlande ? Et proposez-vous une "
        "remise pour les associations ou les start-up ?\n\nCordialement,\nCamille Laurent\n"
        "Directrice administrative et financière, Aurore Design SAS",
        [PRICES],
        [["EUR 57"]],
    ),
    A(
        "Avoir partiel",
        "Bonjour,\n\nUn client nous a renvoyé 2 articles sur 10 d'une facture déjà envoyée. "
        "Comment faire un avoir seulement pour ces deux lignes dans Ledgerly ? Le client a "
        "déjà payé la facture entière.\n\nMerci d'avance,\nJulien Moreau\nComptable, "
        "Nordlys Import AB",
        [CN_CREATE, CN_REFUND],
        [["Create credit note"], ["Register refund"]],
    ),
    A(
        "Factures électroniques avec Starter ?",
        "Bonjour l'équipe Ledgerly,\n\nJe suis traductrice indépendante à Stockholm (offre "
        "Starter). Une agence suédoise me demande désormais des factures électroniques Peppol. "
        "Est-ce possible avec mon offre actuelle ?\n\nBien à vous,\nSophie Girard",
        [PEPPOL_PLANS, faq("Can I send e-invoices on Starter?")],
        [["but not send them"]],
    ),
    N(
        "Dépôt sur Chorus Pro",
        "Bonjour,\n\nNous sommes une société suédoise qui travaille pour un ministère français. "
        "Le client public exige que les factures soient déposées sur Chorus Pro. Ledgerly "
        "peut-il envoyer les factures directement sur Chorus Pro, ou faut-il les saisir à la "
        "main sur le portail ?\n\nCordialement,\nNicolas Petit\nResponsable administratif, "
        "Svea Conseil AB",
    ),
    R(
        "privacy",
        "Demande de rectification (RGPD)",
        "Madame, Monsieur,\n\nJe reçois depuis plusieurs mois des factures envoyées via "
        "Ledgerly par la société Öberg Fastighetsservice, sur lesquelles mon nom et mon adresse "
        "sont erronés. Conformément à l'article 16 du RGPD, je vous demande de rectifier les "
        "données personnelles me concernant que vous traitez et de me confirmer la "
        "rectification.\n\nVeuillez agréer mes salutations distinguées,\nMarie-Claire Fontaine",
    ),
]

# --- Spanish ---------------------------------------------------------------------------------
EMAILS["es"] = [
    A(
        "Facturar en dólares",
        "Hola,\n\nSomos una pequeña agencia en Malmö y acabamos de firmar con un cliente de "
        "Estados Unidos. ¿Podemos emitir facturas en dólares (USD) desde Ledgerly? Y ya que "
        "estamos: ¿se puede cambiar la moneda de la contabilidad de SEK a EUR?\n\n"
        "Un saludo,\nJavier Ortega\nSocio fundador, Ortega & Lind Creative AB",
        [CURRENCIES, f"{CHANGELOG}#2026-09-01"],
        [["USD"], ["cannot be changed"]],
    ),
    A(
        "App de recibos: formatos",
        "Hola:\n\nUso la app Ledgerly Receipts en el iPhone. Algunos recibos en PDF del hotel "
        "no se suben. ¿Qué formatos acepta la app y cuál es el tamaño máximo por archivo?\n\n"
        "Gracias,\nLucía Fernández\nOffice Manager, Bravo Eventos Nordic AB",
        [APP_SCAN, f"{CHANGELOG}#2026-11-04"],
        [["10 MB"], ["HEIC"]],
    ),
    A(
        "El banco ya no sincroniza",
        "Buenos días,\n\nDesde hace una semana no aparecen movimientos nuevos de nuestra cuenta "
        "de Nordea en Ledgerly. Antes funcionaba perfectamente. ¿Qué puede estar pasando? "
        "¿Perderemos los movimientos de estos días?\n\nSaludos cordiales,\nAlejandro Ruiz\n"
        "Administración, Ruiz Tapas Bar AB",
        [BANK_CONSENT],
        [["180 days"], ["Renew consent"]],
    ),
    N(
        "Receta de paella",
        "Hola,\n\n¿Cuánto tiempo hay que dejar reposar una paella valenciana después de "
        "apagar el fuego, y se le pone tapa o no? Es para una comida del equipo el viernes.\n\n"
        "Gracias,\nPaco",
    ),
    R(
        "manager",
        "Quiero hablar con un responsable",
        "Buenas tardes:\n\nEs la cuarta vez que escribo por el mismo problema con la "
        "sincronización de Stripe y cada vez me contesta una persona distinta con una "
        "respuesta copiada. No quiero otra respuesta automática: quiero hablar con un "
        "responsable o con el supervisor del equipo de soporte, por teléfono, esta semana.\n\n"
        "Atentamente,\nCarmen Navarro\nGerente, Navarro Cerámica Nordic AB",
    ),
]

# --- Dutch -----------------------------------------------------------------------------------
EMAILS["nl"] = [
    A(
        "Uitnodiging verlopen",
        "Hallo,\n\nIk heb vorige week een uitnodiging van mijn nieuwe werkgever gekregen om "
        "in Ledgerly te werken, maar de link werkt niet meer ('expired'). Hoe lang is zo'n "
        "uitnodiging geldig?\n\nMet vriendelijke groet,\nSanne de Vries",
        [INVITE],
        [["72 hours"]],
    ),
    A(
        "Testomgeving voor de API",
        "Beste Ledgerly,\n\nWij bouwen een koppeling met onze webshop en willen eerst testen "
        "zonder echte facturen te versturen. Hebben jullie een sandbox of testomgeving? En "
        "blijft de testdata daar staan?\n\nGroeten,\nBram Jansen\nDeveloper, Tulpstad "
        "Software B.V.",
        [API_SANDBOX],
        [["sandbox.ledgerly.se"], ["every Sunday"]],
    ),
    A(
        "Eigenaarschap overdragen",
        "Goedemiddag,\n\nOnze directeur en oprichter stopt per 1 december. Zij is nu de "
        "'Owner' van ons Ledgerly-account. Hoe dragen we het eigenaarschap over aan onze "
        "financieel manager, en moet die eerst iets instellen?\n\nMet vriendelijke groet,\n"
        "Pieter Bakker\nOffice manager, Bakker & Zonen Nordic AB",
        [OWNERSHIP],
        [["Make owner"], ["two-factor login"]],
    ),
    A(
        "Volledige export voor onze juridische afdeling",
        "Hallo,\n\nOnze juridische afdeling wil een volledige kopie van onze administratie in "
        "Ledgerly hebben (facturen, boekhouding, bonnetjes) voor het archief. Hoe maak ik "
        "zo'n export en hoe lang is de downloadlink geldig? Ik ben beheerder (Admin).\n\n"
        "Groet,\nEmma Visser\nControler, Visser Logistics Scandinavia AB",
        [EXPORT_ALL, faq("Can I export my data to Excel?")],
        [["Export all data"], ["7 days"]],
    ),
    N(
        "iDEAL-betaallink op facturen",
        "Hallo,\n\nOnze Nederlandse klanten willen facturen het liefst met iDEAL betalen. Kan "
        "er op een Ledgerly-factuur een iDEAL-betaallink staan, en wat kost dat per "
        "betaling?\n\nBedankt,\nDaan Smit\nSmit Fietsen Malmö AB",
    ),
    R(
        "privacy",
        "Verzoek gegevensoverdraagbaarheid (AVG)",
        "Geachte heer/mevrouw,\n\nOp grond van artikel 20 van de AVG verzoek ik u mij al mijn "
        "persoonsgegevens die u over mij verwerkt te verstrekken in een gestructureerde, "
        "gangbare en machineleesbare vorm, zodat ik ze aan een andere dienst kan overdragen. "
        "Ik heb een persoonlijk account bij Ledgerly als zzp'er.\n\nMet vriendelijke groet,\n"
        "Joost van Dijk",
    ),
]

# --- Danish ----------------------------------------------------------------------------------
EMAILS["da"] = [
    A(
        "Forfaldsdato 8 dage?",
        "Hej,\n\nNår jeg laver en faktura til mine danske kunder, sætter Ledgerly automatisk "
        "forfaldsdatoen til 8 dage efter fakturadatoen. Jeg vil gerne give 30 dage. Hvor "
        "ændrer jeg standarden, så jeg ikke skal rette det på hver faktura?\n\nVenlig hilsen\n"
        "Lars Kristensen\nKristensen VVS ApS",
        [DATES],
        [["Settings > Invoicing > Payment terms"], ["8 days"]],
    ),
    A(
        "Betalinger med FI-kort bliver ikke matchet",
        "Hej Ledgerly,\n\nVores kunder betaler med indbetalingskort (FIK), men betalingerne "
        "ligger bare under 'To match' i stedet for at blive koblet til fakturaerne. Hvad skal "
        "der til for at de matches automatisk?\n\nMvh\nHanne Poulsen\nBogholder, Poulsen "
        "Maskinudlejning A/S",
        [BANK_MATCH],
        [["+71"]],
    ),
    A(
        "Pris for Standard i Danmark",
        "Hej,\n\nHvad koster Standard om måneden for en dansk virksomhed, og hvad koster det at "
        "tilføje en ekstra bruger? Vi er 4 på kontoret.\n\nPå forhånd tak\nSøren Madsen\n"
        "Indehaver, Madsen Tømrer & Snedker",
        [PRICES, EXTRA_USERS],
        [["DKK 259"], ["DKK 59"]],
    ),
    N(
        "Fakturaer til e-Boks",
        "Hej,\n\nMange af vores private kunder vil gerne modtage fakturaen i e-Boks i stedet "
        "for på mail. Kan Ledgerly sende fakturaer direkte til e-Boks, og koster det "
        "ekstra?\n\nVenlig hilsen\nMette Larsen\nKontorchef, Larsen Rengøring ApS",
    ),
    R(
        "security",
        "Falske fakturaer i vores navn – politianmeldt",
        "Hej,\n\nFlere af vores kunder har i denne uge modtaget fakturaer med vores logo og "
        "CVR-nummer, men med et andet kontonummer. Fakturaerne er sendt fra "
        "invoices@send.ledgerly.se, men vi har ikke sendt dem. Vi har anmeldt det til politiet "
        "(journalnr. 4100-80231-00412-26). Vi har brug for at vide, hvilken Ledgerly-konto "
        "fakturaerne kommer fra, og at I stopper det med det samme.\n\nMed venlig hilsen\n"
        "Jesper Nielsen\nDirektør, Nielsen Byg A/S",
    ),
]

# --- Norwegian -------------------------------------------------------------------------------
EMAILS["no"] = [
    A(
        "SAF-T på Standard?",
        "Hei,\n\nRegnskapsføreren vår trenger en SAF-T-fil for 2026. Vi har Standard-pakken. "
        "Jeg trodde SAF-T bare fantes i Pro? Hvor finner jeg den?\n\nMvh\nKari Nordmann\n"
        "Daglig leder, Nordmann Catering AS",
        [FILE_FORMATS, f"{CHANGELOG}#2026-09-01"],
        [["Standard and Pro", "now included in Standard"]],
    ),
    A(
        "Purregebyr",
        "Hei!\n\nVi vil begynne å legge på purregebyr når kundene betaler for sent. Hvor mye "
        "kan vi ta i purregebyr i Norge, og hvor tidlig etter forfall kan purringen med "
        "gebyr sendes?\n\nHilsen\nOle Hansen\nØkonomiansvarlig, Hansen Rørlegger AS",
        [REMINDER_FEES],
        [["NOK 35"], ["14 days"]],
    ),
    A(
        "KID og BankID",
        "Hei,\n\nTo spørsmål:\n1. Matcher Ledgerly innbetalinger automatisk med KID-nummer "
        "fra DNB?\n2. Kan vi logge inn med BankID i stedet for passord og kode?\n\nTakk for "
        "hjelpen!\nMvh\nSilje Berg\nKontormedarbeider, Fjordlys Regnskap AS",
        [BANK_MATCH, TFA_METHODS, f"{CHANGELOG}#2025-11-18", DE_TFA_ON],
        [["KID"], ["Norwegian BankID", "Schweden und Norwegen"]],
    ),
    N(
        "Sende MVA-meldingen til Altinn",
        "Hei,\n\nKan vi sende mva-meldingen direkte fra Ledgerly til Skatteetaten/Altinn, "
        "eller må vi fylle den inn manuelt? Fristen vår er 10. desember.\n\nMvh\nEspen "
        "Johansen\nJohansen Elektro AS",
    ),
    R(
        "press",
        "Henvendelse fra E24",
        "Hei,\n\nJeg er journalist i E24 og skriver en sak om regnskapsprogrammer og "
        "e-faktura i Norge. Kan jeg få et intervju med daglig leder eller en talsperson om "
        "hvor mange norske kunder dere har, og om planene for det norske markedet? Gjerne "
        "innen fredag.\n\nVennlig hilsen\nMarte Aas\nJournalist, E24",
    ),
    R(
        "partnership",
        "Samarbeid med regnskapsbyrå",
        "Hei Ledgerly,\n\nVi er et regnskapsbyrå i Trondheim med ca. 90 kunder. Vi vurderer å "
        "bli forhandler av Ledgerly og flytte kundene våre over. Har dere en partneravtale "
        "med rabatt og provisjon? Vi tar gjerne et møte.\n\nMvh\nTor Eriksen\nPartner, "
        "Eriksen & Moe Regnskap AS",
    ),
]

# --- Finnish ---------------------------------------------------------------------------------
EMAILS["fi"] = [
    A(
        "ALV 13,5 %",
        "Hei,\n\nMyymme elintarvikkeita. Onko Ledgerlyssä jo uusi 13,5 %:n alv-kanta, ja "
        "mistä lähtien se on ollut voimassa? Tarvitseeko vanhat tuotteet päivittää "
        "käsin?\n\nTerveisin\nMikko Korhonen\nToimitusjohtaja, Korhosen Leipomo Oy",
        [VAT_RATES, f"{CHANGELOG}#2026-01-01"],
        [["13.5%"], ["moved automatically"]],
    ),
    A(
        "Pankkiyhteys ja viitenumerot",
        "Hei,\n\nKuinka usein Ledgerly hakee tilitapahtumat OP:lta? Ja kohdistuvatko maksut "
        "laskuihin automaattisesti RF-viitteen perusteella?\n\nYstävällisin terveisin\n"
        "Anna Mäkinen\nKirjanpitäjä, Mäkisen Kuljetus Oy",
        [BANK_SYNC, BANK_MATCH],
        [["every 4 hours"], ["RF reference"]],
    ),
    A(
        "Hinta Suomessa",
        "Moi,\n\nPaljonko Standard maksaa kuukaudessa suomalaiselle yritykselle? Saako "
        "vuosilaskutuksesta alennusta?\n\nKiitos,\nJuha Virtanen\nVirtasen Remontti Oy",
        [PRICES, ANNUAL, SV_ANNUAL],
        [["EUR 31"], ["2 months free", "10 months", "2 månader gratis"]],
    ),
    N(
        "Verkkolaskut kuluttajille",
        "Hei,\n\nVoiko Ledgerlystä lähettää kuluttaja-asiakkaille e-laskuja heidän "
        "verkkopankkiinsa (Finvoice), niin että lasku näkyy suoraan pankissa? Moni asiakas "
        "kysyy sitä.\n\nTerveisin\nSari Laine\nLaineen Siivouspalvelu Oy",
    ),
    N(
        "Kiuas",
        "Hei,\n\nMillainen puu on paras polttaa puukiukaassa, koivu vai leppä? Mökillä on uusi "
        "Harvia-kiuas ja se nokeaa.\n\nT. Pekka",
    ),
    R(
        "security",
        "Joku muutti tilinumeron laskuihin",
        "Hei,\n\nAsiakas soitti, että meidän viimeisimmissä laskuissamme on eri tilinumero "
        "kuin ennen. Kukaan meistä ei ole muuttanut sitä. Käyttäjälokissa näkyy kirjautuminen "
        "Nigeriasta eilen yöllä. Joku on päässyt tilillemme! Mitä teemme?\n\nKiireellisesti\n"
        "Tiina Heikkinen\nTalouspäällikkö, Heikkisen Rakennus Oy",
    ),
]

# --- Polish ----------------------------------------------------------------------------------
EMAILS["pl"] = [
    A(
        "Webhooki - ponowienia",
        "Dzień dobry,\n\nPiszę integrację z API Ledgerly dla klienta ze Szwecji. Jeśli nasz "
        "serwer nie odpowie na webhook invoice.paid, ile razy i przez jaki czas Ledgerly "
        "ponawia wysyłkę?\n\nPozdrawiam\nTomasz Kowalski\nProgramista, Kodwerk Sp. z o.o.",
        [API_WEBHOOKS],
        [["5 times"], ["24 hours"]],
    ),
    A(
        "Numeracja faktur",
        "Dzień dobry,\n\nZałożyłam konto w Ledgerly dla mojej firmy w Szwecji. Chcę, żeby "
        "numeracja faktur zaczynała się od 2026-100, bo tak kończyłam w starym programie. "
        "Gdzie to ustawić? Wysłałam już jedną fakturę testową do siebie...\n\nPozdrawiam\n"
        "Agnieszka Nowak\nNowak Städservice",
        [NUMBERS],
        [["Settings > Invoicing > Numbering"], ["first invoice has been sent"]],
    ),
    N(
        "KSeF",
        "Dzień dobry,\n\nMamy spółkę w Niemczech, która sprzedaje też klientom w Polsce. Czy "
        "Ledgerly może wysyłać faktury do Krajowego Systemu e-Faktur (KSeF)?\n\n"
        "Z poważaniem\nPiotr Wiśniewski\nDyrektor finansowy, Baltic Trade GmbH",
    ),
    R(
        "privacy",
        "Żądanie usunięcia danych (RODO)",
        "Dzień dobry,\n\nNa podstawie art. 17 RODO żądam usunięcia wszystkich moich danych "
        "osobowych. Byłam klientką firmy, która wystawiała mi faktury przez Ledgerly, i nie "
        "zgadzam się na dalsze przetwarzanie moich danych.\n\nZ poważaniem\nMagdalena "
        "Zielińska",
    ),
    R(
        "job",
        "Aplikacja - praktyki",
        "Dzień dobry,\n\nJestem studentem informatyki na Politechnice Gdańskiej i szukam "
        "płatnych praktyk na lato 2027 (backend lub QA). Czy Ledgerly przyjmuje praktykantów, "
        "także zdalnie? W załączniku przesyłam CV.\n\nPozdrawiam serdecznie\nKacper "
        "Lewandowski",
    ),
]

# --- Italian ---------------------------------------------------------------------------------
EMAILS["it"] = [
    A(
        "Fatture in tedesco",
        "Buongiorno,\n\nsiamo un'azienda svedese con diversi clienti in Germania. È possibile "
        "emettere le fatture in tedesco per quei clienti e in svedese per gli altri? Dove si "
        "imposta?\n\nCordiali saluti\nGiulia Romano\nAmministrazione, Romano Design AB",
        [CURRENCIES],
        [["Invoice language"]],
    ),
    A(
        "Disservizio e rimborso",
        "Buongiorno,\n\nil mese scorso Ledgerly è stato irraggiungibile per diverse ore e noi "
        "abbiamo il piano Pro. Abbiamo diritto a un credito o a una compensazione? Entro quando "
        "dobbiamo chiederlo?\n\nGrazie\nMarco Bianchi\nResponsabile amministrativo, "
        "Bianchi Import AB",
        [SERVICE_PDF],
        [["10%"], ["30 days"]],
    ),
    N(
        "Compiti di latino",
        "Ciao,\n\nmi potete aiutare a tradurre questa frase per i compiti di latino: "
        '"Gallia est omnis divisa in partes tres"? E perché "divisa" e non "divisus"?\n\n'
        "Grazie mille\nFrancesca (terza liceo)",
    ),
    R(
        "legal",
        "Diffida - addebiti non autorizzati",
        "Spett.le Ledgerly AB,\n\ncon la presente, in nome e per conto della mia assistita "
        "Ferrari Trasporti AB, Vi diffido formalmente dal continuare ad addebitare sulla carta "
        "aziendale il canone mensile, disdetto in data 30 giugno 2026. In mancanza di "
        "rimborso integrale entro 15 giorni, procederemo per le vie legali senza ulteriore "
        "avviso.\n\nAvv. Roberto Greco\nStudio Legale Greco",
    ),
]


def main() -> None:
    write_emails(EMAILS, OUT, id_prefix="")


if __name__ == "__main__":
    main()
