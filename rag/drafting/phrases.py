"""Fixed greeting, framing and closing lines per language, so a reply is always in the
customer's language (the extractive drafter's every line, the LLM drafter's holding replies).

Keys: greeting/closing frame every reply; intro leads the quoted answer; more labels a link;
abstain/ask make the holding reply when the knowledge base has no answer; unanswered leads
the list of questions a partial answer leaves open; handover is the holding reply for an
email routed to a person.
"""

from __future__ import annotations

from typing import TypedDict


class Phrases(TypedDict):
    greeting: str
    intro: str
    more: str
    closing: str
    abstain: str
    ask: str
    unanswered: str
    handover: str


PHRASES: dict[str, Phrases] = {
    "en": {
        "greeting": "Hello,",
        "intro": "Thank you for your message. Here is what our help centre says:",
        "more": "More information",
        "closing": "Kind regards,\nCustomer support",
        "abstain": "Thank you for your message. We could not find a clear answer in our help "
        "centre, so a colleague will look into it.",
        "ask": "To help you faster, could you tell us your order or customer number, which "
        "product or service it concerns, and what exactly happened?",
        "unanswered": "We could not find an answer to this in our help centre; a colleague "
        "will get back to you about it:",
        "handover": "Thank you for your message. We have passed it on to the colleague "
        "responsible, who will get back to you personally.",
    },
    "sv": {
        "greeting": "Hej,",
        "intro": "Tack för ditt meddelande. Så här står det i vårt hjälpcenter:",
        "more": "Mer information",
        "closing": "Vänliga hälsningar,\nKundtjänst",
        "abstain": "Tack för ditt meddelande. Vi hittade inget tydligt svar i vårt hjälpcenter, "
        "så en kollega tittar på ärendet.",
        "ask": "För att hjälpa dig snabbare: kan du skicka ditt order- eller kundnummer, vilken "
        "produkt eller tjänst det gäller och vad som hänt?",
        "unanswered": "Här hittade vi inget svar i vårt hjälpcenter; en kollega återkommer om det:",
        "handover": "Tack för ditt meddelande. Vi har skickat det vidare till rätt kollega, "
        "som återkommer till dig personligen.",
    },
    "de": {
        "greeting": "Hallo,",
        "intro": "Vielen Dank für Ihre Nachricht. Dazu steht in unserem Hilfecenter:",
        "more": "Weitere Informationen",
        "closing": "Mit freundlichen Grüßen\nKundenservice",
        "abstain": "Vielen Dank für Ihre Nachricht. Wir haben in unserem Hilfecenter keine "
        "eindeutige Antwort gefunden; ein Kollege kümmert sich darum.",
        "ask": "Damit wir schneller helfen können: Nennen Sie uns bitte Ihre Bestell- oder "
        "Kundennummer, das betroffene Produkt oder den Dienst und was genau passiert ist.",
        "unanswered": "Dazu haben wir in unserem Hilfecenter keine Antwort gefunden; ein "
        "Kollege meldet sich dazu bei Ihnen:",
        "handover": "Vielen Dank für Ihre Nachricht. Wir haben sie an die zuständige Kollegin "
        "bzw. den zuständigen Kollegen weitergeleitet, die sich persönlich bei Ihnen melden.",
    },
    "fr": {
        "greeting": "Bonjour,",
        "intro": "Merci pour votre message. Voici ce qu'indique notre centre d'aide :",
        "more": "Plus d'informations",
        "closing": "Cordialement,\nService client",
        "abstain": "Merci pour votre message. Nous n'avons pas trouvé de réponse claire dans "
        "notre centre d'aide ; un collègue va examiner votre demande.",
        "ask": "Pour vous aider plus vite, pourriez-vous nous indiquer votre numéro de commande ou "
        "de client, le produit ou service concerné et ce qui s'est passé ?",
        "unanswered": "Nous n'avons pas trouvé de réponse à ce point dans notre centre "
        "d'aide ; un collègue reviendra vers vous :",
        "handover": "Merci pour votre message. Nous l'avons transmis à la personne "
        "compétente, qui reviendra vers vous personnellement.",
    },
    "es": {
        "greeting": "Hola:",
        "intro": "Gracias por su mensaje. Esto es lo que indica nuestro centro de ayuda:",
        "more": "Más información",
        "closing": "Saludos cordiales,\nAtención al cliente",
        "abstain": "Gracias por su mensaje. No hemos encontrado una respuesta clara en nuestro "
        "centro de ayuda; un compañero revisará su consulta.",
        "ask": "Para ayudarle más rápido, ¿podría indicarnos su número de pedido o de cliente, el "
        "producto o servicio afectado y qué ha ocurrido exactamente?",
        "unanswered": "No hemos encontrado respuesta a esto en nuestro centro de ayuda; un "
        "compañero se pondrá en contacto con usted:",
        "handover": "Gracias por su mensaje. Lo hemos enviado a la persona responsable, que "
        "se pondrá en contacto con usted personalmente.",
    },
    "nl": {
        "greeting": "Hallo,",
        "intro": "Bedankt voor uw bericht. Dit staat er in ons helpcentrum:",
        "more": "Meer informatie",
        "closing": "Met vriendelijke groet,\nKlantenservice",
        "abstain": "Bedankt voor uw bericht. We hebben in ons helpcentrum geen duidelijk "
        "antwoord gevonden; een collega bekijkt uw vraag.",
        "ask": "Kunt u ons, zodat we u sneller kunnen helpen, uw order- of klantnummer sturen, om "
        "welk product of welke dienst het gaat en wat er precies is gebeurd?",
        "unanswered": "Hierop hebben we in ons helpcentrum geen antwoord gevonden; een "
        "collega komt erop terug:",
        "handover": "Bedankt voor uw bericht. We hebben het doorgestuurd naar de juiste "
        "collega, die persoonlijk contact met u opneemt.",
    },
    "it": {
        "greeting": "Buongiorno,",
        "intro": "Grazie per il suo messaggio. Ecco cosa indica il nostro centro assistenza:",
        "more": "Maggiori informazioni",
        "closing": "Cordiali saluti,\nAssistenza clienti",
        "abstain": "Grazie per il suo messaggio. Non abbiamo trovato una risposta chiara nel "
        "nostro centro assistenza; un collega esaminerà la sua richiesta.",
        "ask": "Per aiutarla più rapidamente, potrebbe indicarci il numero d'ordine o di cliente, "
        "il prodotto o servizio interessato e che cosa è successo esattamente?",
        "unanswered": "Su questo punto non abbiamo trovato una risposta nel nostro centro "
        "assistenza; un collega la ricontatterà:",
        "handover": "Grazie per il suo messaggio. Lo abbiamo inoltrato al collega "
        "responsabile, che la ricontatterà personalmente.",
    },
    "da": {
        "greeting": "Hej,",
        "intro": "Tak for din besked. Her er, hvad vores hjælpecenter siger:",
        "more": "Mere information",
        "closing": "Venlig hilsen\nKundeservice",
        "abstain": "Tak for din besked. Vi fandt ikke et klart svar i vores hjælpecenter, så "
        "en kollega ser på sagen.",
        "ask": "Så vi kan hjælpe dig hurtigere: Kan du sende dit ordre- eller kundenummer, hvilket "
        "produkt eller hvilken tjeneste det drejer sig om, og hvad der er sket?",
        "unanswered": "Her fandt vi ikke et svar i vores hjælpecenter; en kollega vender "
        "tilbage om det:",
        "handover": "Tak for din besked. Vi har sendt den videre til den rette kollega, som "
        "vender tilbage til dig personligt.",
    },
    "no": {
        "greeting": "Hei,",
        "intro": "Takk for meldingen din. Dette står i hjelpesenteret vårt:",
        "more": "Mer informasjon",
        "closing": "Vennlig hilsen\nKundeservice",
        "abstain": "Takk for meldingen din. Vi fant ikke et klart svar i hjelpesenteret vårt, "
        "så en kollega ser på saken.",
        "ask": "Så vi kan hjelpe deg raskere: Kan du sende ordre- eller kundenummeret ditt, "
        "hvilket produkt eller hvilken tjeneste det gjelder, og hva som har skjedd?",
        "unanswered": "Her fant vi ikke noe svar i hjelpesenteret vårt; en kollega kommer "
        "tilbake til deg om det:",
        "handover": "Takk for meldingen din. Vi har sendt den videre til rett kollega, som "
        "kommer tilbake til deg personlig.",
    },
    "fi": {
        "greeting": "Hei,",
        "intro": "Kiitos viestistäsi. Ohjekeskuksessamme kerrotaan näin:",
        "more": "Lisätietoja",
        "closing": "Ystävällisin terveisin\nAsiakaspalvelu",
        "abstain": "Kiitos viestistäsi. Emme löytäneet selvää vastausta ohjekeskuksestamme, "
        "joten kollega selvittää asian.",
        "ask": "Jotta voimme auttaa nopeammin: voisitko kertoa tilaus- tai asiakasnumerosi, mitä "
        "tuotetta tai palvelua asia koskee ja mitä tarkalleen tapahtui?",
        "unanswered": "Tähän emme löytäneet vastausta ohjekeskuksestamme; kollega palaa asiaan:",
        "handover": "Kiitos viestistäsi. Olemme välittäneet sen vastaavalle kollegalle, joka "
        "ottaa sinuun yhteyttä henkilökohtaisesti.",
    },
    "pl": {
        "greeting": "Dzień dobry,",
        "intro": "Dziękujemy za wiadomość. Oto, co mówi nasze centrum pomocy:",
        "more": "Więcej informacji",
        "closing": "Z poważaniem\nObsługa klienta",
        "abstain": "Dziękujemy za wiadomość. Nie znaleźliśmy jednoznacznej odpowiedzi w naszym "
        "centrum pomocy, więc sprawą zajmie się nasz pracownik.",
        "ask": "Abyśmy mogli szybciej pomóc, prosimy o numer zamówienia lub klienta, informację, "
        "którego produktu lub usługi dotyczy sprawa, oraz co dokładnie się stało.",
        "unanswered": "Na to pytanie nie znaleźliśmy odpowiedzi w naszym centrum pomocy; "
        "nasz pracownik skontaktuje się w tej sprawie:",
        "handover": "Dziękujemy za wiadomość. Przekazaliśmy ją odpowiedniej osobie, która "
        "skontaktuje się z Państwem osobiście.",
    },
    "pt": {
        "greeting": "Olá,",
        "intro": "Obrigado pela sua mensagem. Eis o que diz o nosso centro de ajuda:",
        "more": "Mais informações",
        "closing": "Com os melhores cumprimentos,\nApoio ao cliente",
        "abstain": "Obrigado pela sua mensagem. Não encontrámos uma resposta clara no nosso "
        "centro de ajuda; um colega irá analisar o seu pedido.",
        "ask": "Para o ajudarmos mais depressa, pode indicar-nos o número da encomenda ou de "
        "cliente, o produto ou serviço em causa e o que aconteceu exatamente?",
        "unanswered": "Não encontrámos resposta para isto no nosso centro de ajuda; um "
        "colega entrará em contacto consigo:",
        "handover": "Obrigado pela sua mensagem. Encaminhámo-la para o colega responsável, "
        "que entrará em contacto consigo pessoalmente.",
    },
}
