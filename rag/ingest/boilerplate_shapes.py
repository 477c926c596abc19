"""Known shapes of help-centre boilerplate in the twelve reply languages, judged per line.

Feedback widgets, copyright and legal link bars, "Related articles" lists, "Need more help?
Contact us", breadcrumbs, "Back to top", "Last updated", print/share links and cookie
notices. Each shape is checked on the text of one line (what a loader makes of an HTML
block, a Markdown line or a DOCX paragraph), so it works whatever tag or class carried it.
Every shape is bounded in length and in what else the line may say: a line that states
something besides the boilerplate ("Contact us if the bike arrives damaged") is kept.
"""

from __future__ import annotations

import re

from rag.sentences import LIST_ITEM

MAX_SHAPE_WORDS = 16  # a boilerplate line is short; cookie notices are the exception


def _phrases(text: str) -> frozenset[str]:
    """Phrases separated by "|" (line breaks and indentation ignored)."""
    return frozenset(" ".join(p.split()) for p in text.split("|") if p.strip())


# "Was this article helpful?" and its answers, in every reply language.
_HELPFUL = (
    r"\b(?:helpful|useful|hilfreich|geholfen|nützlich|till hjälp|hjälpte|hjälpsam|användbar|"
    r"nyttig|til hjælp|til hjelp|hjalp|utile|útil|nuttig|behulpzaam|geholpen|hyödyllinen|"
    r"hyödyllistä|apua|pomocny|pomocna|pomocne|przydatny|przydatna|pomógł|ajudou|aiutato|"
    r"ayudó)"
)
# ... about the page itself: "this", "article", "page", "answer", "information"
_THIS_PAGE = re.compile(
    r"\b(?:this|article|page|answer|information|dies|artikel|seite|antwort|denna|detta|"
    r"det här|den här|sidan|svaret|denne|dette|det her|artikkel|siden|cet|cette|réponse|"
    r"este|esta|artículo|página|respuesta|dit|deze|pagina|antwoord|questo|questa|articolo|"
    r"risposta|tämä|tästä|artikkel|sivu|vastau|ten|artykuł|stron|odpowied|isto|artigo|"
    r"resposta|informa)",
    re.IGNORECASE,
)
_YES_NO = {
    "yes",
    "no",
    "ja",
    "nej",
    "nein",
    "oui",
    "non",
    "sí",
    "si",
    "nee",
    "kyllä",
    "ei",
    "tak",
    "nie",
    "sim",
    "não",
    "nei",
    "👍",
    "👎",
}
_YES = {"yes", "ja", "oui", "sí", "si", "kyllä", "tak", "sim", "👍"}
_THANKS_FEEDBACK = re.compile(
    r"\b(?:thanks?|thank you|danke|tack|merci|gracias|dank|bedankt|grazie|tak|takk|kiitos|"
    r"dziękujemy|dziękuję|obrigad[oa])\b.{0,40}\b(?:feedback|rückmeldung|återkoppling|"
    r"synpunkter|tilbagemelding|tilbakemelding|commentaires?|avis|comentarios?|opinión|"
    r"reactie|commento|riscontro|palautteesta|palaute|opinię|opinião)\b",
    re.IGNORECASE,
)
_FOUND_HELPFUL = re.compile(r"\d+\s+(?:\S+\s+){1,3}\d+\b.*" + _HELPFUL, re.IGNORECASE)
_HELPFUL_RE = re.compile(_HELPFUL, re.IGNORECASE)

# Copyright and legal footers.
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b.*\d{4}|\d{4}.*\bcopyright\b|"
    r"all rights reserved|alla rättigheter förbehållna|"
    r"alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
    r"alle rechten voorbehouden|tutti i diritti riservati|alle rettigheder forbeholdes|"
    r"alle rettigheter (?:reservert|forbeholdt)|kaikki oikeudet pidätetään|"
    r"wszelkie prawa zastrzeżone|todos os direitos reservados",
    re.IGNORECASE,
)
_LEGAL_ITEMS = _phrases(
    """privacy|privacy policy|privacy notice|privacy statement|terms|terms of use|
    terms of service|terms and conditions|terms & conditions|cookies|cookie policy|
    cookie settings|cookie preferences|legal|legal notice|imprint|accessibility|sitemap|
    site map|contact|contact us|careers|about|about us|security|status|integritetspolicy|
    integritet|dataskydd|personuppgifter|personuppgiftspolicy|villkor|användarvillkor|
    köpvillkor|allmänna villkor|kakor|om oss|kontakt|datenschutz|datenschutzerklärung|
    impressum|agb|nutzungsbedingungen|cookie-einstellungen|barrierefreiheit|über uns|
    confidentialité|politique de confidentialité|mentions légales|conditions générales|
    cgu|cgv|conditions d'utilisation|accessibilité|plan du site|nous contacter|privacidad|
    política de privacidad|aviso legal|términos|términos y condiciones|condiciones de uso|
    política de cookies|accesibilidad|contacto|privacybeleid|privacyverklaring|voorwaarden|
    algemene voorwaarden|gebruiksvoorwaarden|cookiebeleid|toegankelijkheid|
    informativa sulla privacy|termini|termini e condizioni|note legali|termini di servizio|
    accessibilità|contatti|chi siamo|privatlivspolitik|persondatapolitik|vilkår|
    handelsbetingelser|cookiepolitik|om os|personvern|personvernerklæring|salgsbetingelser|
    informasjonskapsler|tietosuoja|tietosuojaseloste|käyttöehdot|ehdot|evästeet|
    evästekäytäntö|saavutettavuus|yhteystiedot|meistä|polityka prywatności|prywatność|
    regulamin|warunki|pliki cookie|polityka cookies|o nas|dostępność|privacidade|
    política de privacidade|termos|termos de uso|termos e condições|acessibilidade|contato|
    sobre nós"""
)
_SEPARATORS = re.compile(r"\s*[|·•/–—,]\s*")

# "Related articles" and the list of links after it.
_RELATED = re.compile(
    r"related articles|related questions|related topics|related|see also|you may also like|"
    r"more articles|articles in this section|other articles|popular articles|"
    r"relaterade artiklar|liknande artiklar|se även|populära artiklar|ähnliche artikel|"
    r"verwandte artikel|weitere artikel|siehe auch|beliebte artikel|articles connexes|"
    r"articles associés|articles similaires|voir aussi|articles populaires|"
    r"artículos relacionados|ver también|artículos populares|gerelateerde artikelen|zie ook|"
    r"vergelijkbare artikelen|populaire artikelen|articoli correlati|vedi anche|"
    r"articoli popolari|relaterede artikler|se også|populære artikler|relaterte artikler|"
    r"lignende artikler|aiheeseen liittyvät artikkelit|liittyvät artikkelit|katso myös|"
    r"suositut artikkelit|powiązane artykuły|podobne artykuły|zobacz też|zobacz także|"
    r"popularne artykuły|artigos relacionados|veja também|ver também|artigos populares",
    re.IGNORECASE,
)

# "Need more help? Contact us" in every reply language: the line says nothing else.
_NEED_HELP = re.compile(
    r"(?:do you )?need (?:more |further |any |some )?help|still need help|"
    r"(?:still )?have (?:more |other |any )?questions|(?:any |more |other )questions|"
    r"can'?t find what you(?:'re| are) looking for|didn'?t find (?:the|your|an) answer|"
    r"behöver du (?:mer |ytterligare )?hjälp|(?:har du )?(?:fler|några|andra) frågor|"
    r"hittade du inte (?:svaret|det du letade efter)|"
    r"(?:brauchen|benötigen) sie (?:weitere |mehr )?hilfe|(?:noch |weitere )fragen|"
    r"haben sie (?:noch |weitere )?fragen|"
    r"besoin d'(?:aide|plus d'aide|autre aide)|(?:d'autres|des) questions|"
    r"vous n'avez pas trouvé|"
    r"¿?necesitas? (?:más )?ayuda|(?:más|otras) preguntas|¿?tienes (?:más )?preguntas|"
    r"(?:meer )?hulp nodig|(?:nog |andere )vragen|"
    r"(?:hai|avete) bisogno di (?:altro |ulteriore )?aiuto|altre domande|"
    r"brug for (?:mere )?hjælp|(?:flere|har du) spørgsmål|"
    r"trenger du (?:mer )?hjelp|(?:flere|har du) spørsmål|"
    r"tarvitsetko (?:lisää )?apua|(?:lisää )?kysyttävää|"
    r"potrzebujesz (?:więcej |dodatkowej )?pomocy|masz (?:więcej |inne |jeszcze )?pytania|"
    r"precisa de (?:mais )?ajuda|(?:mais|outras) (?:dúvidas|perguntas)|tem dúvidas|"
    r"^(?:questions|frågor|fragen|preguntas|vragen|domande|spørgsmål|spørsmål|"
    r"kysymyksiä|pytania|dúvidas|perguntas)\b",
    re.IGNORECASE,
)
_CONTACT_US = re.compile(
    r"contact (?:us|our (?:support|customer service|team|support team))|get in touch|"
    r"submit a (?:request|ticket)|chat with us|write to(?: us)?|email us|call us|"
    r"skriv til os|chat med os|chatt med oss|"
    r"kontakta (?:oss|kundservice|vår kundservice|support)|skriv till(?: oss)?|ring oss|"
    r"kontaktieren sie uns|(?:mit uns )?kontakt aufnehmen|schreiben sie (?:uns|an)|"
    r"rufen sie uns an|contactez(?:-| )nous|nous contacter|écrivez(?:-nous| à)|appelez-nous|"
    r"contáctanos|contacta con nosotros|póngase en contacto|ponte en contacto|escríbenos|"
    r"escribe a|llámanos|neem contact (?:met ons )?op|contacteer ons|schrijf (?:ons|naar)|"
    r"bel ons|contattaci|contattateci|scrivici|scrivi a|chiamaci|"
    r"kontakt (?:os|oss|kundeservice)|skriv til(?: os| oss)?|ring til (?:os|oss)|"
    r"ota yhteyttä(?: asiakaspalveluun)?|kirjoita (?:meille|osoitteeseen)|soita meille|"
    r"skontaktuj się z nami|napisz do nas|napisz na|zadzwoń do nas|"
    r"fale conosco|entre em contato|contacte-nos|fale connosco|escreva para|ligue para",
    re.IGNORECASE,
)
# What may follow "Contact us" in a footer: a way to reach the team.
_ADDRESS = re.compile(
    r"\S+@\S+|https?://\S+|\+?[\d][\d ()./-]{4,}\d|\b(?:at|on|via|by|per|på|an|unter|à|au|"
    r"en|a|op|su|al|osoitteessa|pod|em|pelo|til|e-?mail|email|phone|telefon|tel)\b",
    re.IGNORECASE,
)
# A duration or opening hours: a fact, even in a footer.
_TIME_FACT = re.compile(
    r"\d+\s*(?:[-–]\s*\d+\s*)?(?:working |business |work )?(?:days?|hours?|minutes?|h\b|"
    r"dagar|dage|dager|tage|werktage|stunden|jours|heures|días|horas|dagen|uur|giorni|ore|"
    r"päivä|tunni|dni|godzin|dias|arbetsdagar|hverdage|virkedager)|\b\d{1,2}(?:[:.]\d\d)?\s*[-–]\s*\d{1,2}\b",
    re.IGNORECASE,
)
# Company forms in a footer's company line (AB, AS, Oy, GmbH, Ltd, ...).
_COMPANY = re.compile(
    r"\b(?:AB|AS|ASA|A/S|ApS|Oy|Oyj|GmbH|AG|Ltd|Limited|Inc|LLC|BV|B\.V\.|NV|SA|S\.A\.|SAS|"
    r"SL|S\.L\.|SpA|S\.p\.A\.|Srl|S\.r\.l\.|sp\. z o\.o\.|Lda)\b"
)
_FILLER = frozenset({"here", "today", "now", "our", "team", "support", "us", "please", "the"})

# Navigation: breadcrumbs, "Back to top", print/share links.
_CRUMB = re.compile(r"\s(?:>|›|»|→)\s")
_HOME = re.compile(
    r"^(?:home|start|hem|startsida|startseite|accueil|inicio|forside|hjem|etusivu|"
    r"strona główna|início|help cent(?:er|re)|support|hjälpcenter|hilfe|aide|ayuda|hulp|"
    r"aiuto|hjælp|hjelp|ohje|pomoc|ajuda)\s*(?:/|>|›|»)",
    re.IGNORECASE,
)
_NAV_WORDS = _phrases(
    """back to top|to top|top|print|print this article|share|share this article|skriv ut|
    dela|tillbaka till toppen|till toppen|drucken|teilen|nach oben|zurück nach oben|
    imprimer|partager|retour en haut|haut de page|imprimir|compartir|volver arriba|
    afdrukken|delen|terug naar boven|naar boven|stampa|condividi|torna su|torna all'inizio|
    udskriv|del|til toppen|tilbage til toppen|tilbake til toppen|tulosta|jaa|
    takaisin ylös|ylös|drukuj|udostępnij|powrót do góry|do góry|partilhar|compartilhar|
    voltar ao topo"""
)
_UPDATED = re.compile(
    r"^(?:last updated|updated on|updated|published on|published|last modified|"
    r"senast uppdaterad|uppdaterad|publicerad|aktualisiert|mis à jour|actualizado|"
    r"bijgewerkt|aggiornato|päivitetty|atualizado|"
    r"zuletzt aktualisiert|aktualisiert am|veröffentlicht am|dernière mise à jour|"
    r"mis à jour le|publié le|última actualización|actualizado el|laatst bijgewerkt|"
    r"bijgewerkt op|ultimo aggiornamento|aggiornato il|sidst opdateret|opdateret|"
    r"sist oppdatert|oppdatert|viimeksi päivitetty|päivitetty|ostatnia aktualizacja|"
    r"zaktualizowano|última atualização|atualizado em)"
    r"\s*:?\s*(?:on |am |le |el |op |il |em |den |vor |för |hace |il y a )?\d",
    re.IGNORECASE,
)

# Cookie notices: only at a document's edges (an article about cookies is content).
_WE_USE_COOKIES = re.compile(
    r"we use cookies|(?:this|our) (?:web)?site uses cookies|vi använder (?:kakor|cookies)|"
    r"wir verwenden cookies|(?:diese|unsere) (?:web)?seite verwendet cookies|"
    r"nous utilisons (?:des )?cookies|ce site utilise des cookies|"
    r"(?:utilizamos|usamos) cookies|este sitio (?:web )?(?:utiliza|usa) cookies|"
    r"(?:wij|we) gebruiken cookies|deze (?:web)?site gebruikt cookies|"
    r"utilizziamo (?:i )?cookie|questo sito utilizza (?:i )?cookie|vi bruger cookies|"
    r"vi bruker (?:informasjonskapsler|cookies)|käytämme evästeitä|"
    r"sivusto käyttää evästeitä|używamy (?:plików )?cookie|ta strona używa (?:plików )?cookie|"
    r"este site (?:usa|utiliza) cookies",
    re.IGNORECASE,
)
# ... and a banner asks for consent; an article explaining cookies does not.
_CONSENT = re.compile(
    r"accept|agree|consent|by continuing|by using|continue|policy|settings|learn more|"
    r"godkänn|samtyck|fortsätt|läs mer|akzeptier|zustimm|einverstanden|einwillig|"
    r"mehr erfahren|accepte|en savoir plus|poursui|acept|consentimiento|más información|"
    r"akkoord|toestemming|meer informatie|accett|consenso|maggiori informazioni|"
    r"samtykk|godta|les mer|læs mere|hyväksy|suostu|lue lisää|jatkamalla|akceptuj|zgod|"
    r"dowiedz się|aceit|saiba mais|continuar",
    re.IGNORECASE,
)
_ACCEPT_COOKIES = re.compile(
    r"^(?:accept all(?: cookies)?|accept cookies|reject all|cookie settings|godkänn alla|"
    r"alle akzeptieren|tout accepter|aceptar todas?|alles accepteren|accetta tutti|"
    r"accepter alle|godta alle|hyväksy kaikki|akceptuj wszystkie|aceitar todos)\b",
    re.IGNORECASE,
)
COOKIE_MAX_WORDS = 60

_LINK_TARGET = re.compile(r"\s*\((?:https?://|/|mailto:)[^)\s]*\)|https?://\S+")
_EDGE_PUNCT = " \t-*_#>•·|:.!?¿¡\"'“”„«»()[]"
_WORDS = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def plain(line: str) -> str:
    """The line as compared: link targets dropped, lower case, edge punctuation and
    Markdown marks stripped, spaces collapsed."""
    text = _LINK_TARGET.sub(" ", line).replace("**", "").replace("__", "")
    return " ".join(text.split()).strip(_EDGE_PUNCT).lower()


def words(text: str) -> list[str]:
    return _WORDS.findall(text)


def _yes_no_tokens(line: str) -> list[str]:
    return re.findall(r"[^\W\d_]+|👍|👎", plain(line))


def is_yes_no(line: str) -> bool:
    """A feedback widget's answers: yes/no words and thumbs only."""
    tokens = _yes_no_tokens(line)
    return bool(tokens) and all(t in _YES_NO for t in tokens)


def _states_contact(line: str) -> bool:
    """An address, a phone number or hours: a fact, not a call to action."""
    return "@" in line or len(re.findall(r"\d", line)) >= 5


def _is_help_footer(line: str, text: str, *, at_edge: bool) -> bool:
    """A help footer: "Need more help? Contact us" and nothing else. An address or number
    may follow only after the question ("Need more help? Contact us at help@x.example"): a
    contact article's own "Contact us at help@x.example" is kept. At an edge, the question
    and one sentence inviting contact ("Need more help? Chat with us or call 915 09 000.")."""
    asks, invites = _NEED_HELP.search(text), _CONTACT_US.search(text)
    if not (asks or invites):
        return False
    rest = _CONTACT_US.sub(" ", _NEED_HELP.sub(" ", text))
    if _states_contact(line):
        rest = _ADDRESS.sub(" ", rest) if asks and invites else "not a footer"
    if all(w in _FILLER for w in words(rest)):
        return True
    question, mark, invitation = text.partition("?")
    return (
        at_edge
        and bool(mark)
        and bool(_NEED_HELP.search(question))
        and len(words(question)) <= 8
        and bool(_CONTACT_US.search(invitation))
        and not re.search(r"[.!?]\s+\S", invitation)  # one sentence: nothing else said...
        and not _TIME_FACT.search(invitation)  # ...such as "we reply within 2 working days"
    )


# a company registration number (6+ digits, maybe with a dash) or a web address
_REGISTRY_OR_SITE = re.compile(
    r"\d{6,}|\d{4,}-\d{3,}|\b[a-z][\w-]*\.[a-z][\w.-]*\.[a-z]{2,}\b|www\."
)


def _is_company_line(line: str) -> bool:
    """A site or page footer's company line: "Acme AB · Street 1 · 111 22 City · Org. nr
    5561-1234", no sentence. Parts between spaced dashes (as PDFs set them) count only with
    a registration number or a web address among them: "Acme AB - Starter - 99 SEK per
    month" is a price line."""
    dotted = len(re.findall(r"\s[·|•]\s", line)) >= 2
    dashed = len(re.findall(r"\s[\-–—]\s", line)) >= 2 and bool(_REGISTRY_OR_SITE.search(line))
    return (
        (dotted or dashed) and len(words(line)) <= 20 and not re.search(r"[.!?]\s+[A-ZÅÄÖ]", line)
    )


def _is_crumb_trail(line: str) -> bool:
    """A breadcrumb trail ("Help > Orders > Returns"): short items between arrows, not an
    instruction ("Open Settings > Privacy > Download data.")."""
    text = line.strip()
    items = [item.strip() for item in _CRUMB.split(f" {text} ")]
    return (
        len(items) >= 3
        and not LIST_ITEM.match(text)  # "- in My account > SIM > Show PUK" is an answer
        and not text.endswith((".", "!", "?", ":", ";"))  # "... > Privacy you choose:"
        and all(0 < len(words(item)) <= 4 and not item[0].islower() for item in items)
    )


def shape_of(line: str, *, at_edge: bool) -> str | None:
    """The kind of boilerplate the line is, or None: "feedback", "legal", "related",
    "contact", "navigation", "updated" or "cookies" (cookies only ``at_edge``)."""
    text = plain(line)
    if not text:
        return None
    count = len([w for w in words(text) if not w.isdigit()])  # numbers are not prose
    if count > COOKIE_MAX_WORDS:
        return None
    if at_edge and (
        (_WE_USE_COOKIES.search(text) and _CONSENT.search(text)) or _ACCEPT_COOKIES.match(text)
    ):
        return "cookies"
    if count > MAX_SHAPE_WORDS:
        return None
    tokens = _yes_no_tokens(line)
    if _HELPFUL_RE.search(text) and (
        ("?" in line and _THIS_PAGE.search(text))
        or _FOUND_HELPFUL.search(text)
        or (len(tokens) >= 2 and tokens[-1] in _YES_NO and tokens[-2] in _YES_NO)
    ):
        return "feedback"  # the question, its yes/no answers, or "12 of 15 found this helpful"
    if _THANKS_FEEDBACK.search(text) and count <= 8:
        return "feedback"
    if is_yes_no(line) and len(set(tokens)) >= 2 and set(tokens) & _YES:
        return "feedback"  # "Yes / No" under the question
    if _COPYRIGHT.search(line):
        return "legal"
    items = [i.strip(_EDGE_PUNCT) for i in _SEPARATORS.split(text) if i.strip(_EDGE_PUNCT)]
    if len(items) >= 2 and all(i in _LEGAL_ITEMS for i in items):
        return "legal"
    if _RELATED.fullmatch(text) and count <= 6:
        return "related"
    if _is_help_footer(line, text, at_edge=at_edge):
        return "contact"
    if at_edge and _COMPANY.search(line) and _is_company_line(line):
        return "legal"
    if _HOME.match(text) or (at_edge and _is_crumb_trail(line)):
        return "navigation"
    if items and all(i in _NAV_WORDS for i in items):
        return "navigation"
    if _UPDATED.match(text) and re.search(r"\d", text) and count <= 8:
        return "updated"
    return None


def is_link_line(line: str) -> bool:
    """An entry of a list of links ("Related articles"): a short list item or link, one
    title at most."""
    text = plain(line)
    return (
        bool(text)
        and bool(LIST_ITEM.match(line) or _LINK_TARGET.search(line))
        and len(words(text)) <= 14
        and not re.search(r"[.!?]\s+\S", text)
    )
