"""Fixed greeting, framing and closing lines per language for the extractive drafter."""

from __future__ import annotations

from typing import TypedDict


class Phrases(TypedDict):
    greeting: str
    intro: str
    more: str
    closing: str
    abstain: str
    ask: str


PHRASES: dict[str, Phrases] = {
    "en": {
        "greeting": "Hello,",
        "intro": "Thank you for your message. Here is what our help centre says:",
        "more": "More information",
        "closing": "Kind regards,\nCustomer support",
        "abstain": "Thank you for your message. We could not find a clear answer in our help "
        "centre, so a colleague will look into it.",
        "ask": "To help you faster, could you tell us your order number, which bike or product "
        "it concerns, and what exactly happened?",
    },
    "sv": {
        "greeting": "Hej,",
        "intro": "Tack för ditt meddelande. Så här står det i vårt hjälpcenter:",
        "more": "Mer information",
        "closing": "Vänliga hälsningar,\nKundtjänst",
        "abstain": "Tack för ditt meddelande. Vi hittade inget tydligt svar i vårt hjälpcenter, "
        "så en kollega tittar på ärendet.",
        "ask": "För att hjälpa dig snabbare: kan du skicka ditt ordernummer, vilken cykel eller "
        "produkt det gäller och vad som hänt?",
    },
    "de": {
        "greeting": "Hallo,",
        "intro": "Vielen Dank für Ihre Nachricht. Dazu steht in unserem Hilfecenter:",
        "more": "Weitere Informationen",
        "closing": "Mit freundlichen Grüßen\nKundenservice",
        "abstain": "Vielen Dank für Ihre Nachricht. Wir haben in unserem Hilfecenter keine "
        "eindeutige Antwort gefunden; ein Kollege kümmert sich darum.",
        "ask": "Damit wir schneller helfen können: Nennen Sie uns bitte Ihre Bestellnummer, das "
        "betroffene Fahrrad oder Produkt und was genau passiert ist.",
    },
    "fr": {
        "greeting": "Bonjour,",
        "intro": "Merci pour votre message. Voici ce qu'indique notre centre d'aide :",
        "more": "Plus d'informations",
        "closing": "Cordialement,\nService client",
        "abstain": "Merci pour votre message. Nous n'avons pas trouvé de réponse claire dans "
        "notre centre d'aide ; un collègue va examiner votre demande.",
        "ask": "Pour vous aider plus vite, pourriez-vous nous indiquer votre numéro de commande, "
        "le vélo ou produit concerné et ce qui s'est passé ?",
    },
    "es": {
        "greeting": "Hola:",
        "intro": "Gracias por su mensaje. Esto es lo que indica nuestro centro de ayuda:",
        "more": "Más información",
        "closing": "Saludos cordiales,\nAtención al cliente",
        "abstain": "Gracias por su mensaje. No hemos encontrado una respuesta clara en nuestro "
        "centro de ayuda; un compañero revisará su consulta.",
        "ask": "Para ayudarle más rápido, ¿podría indicarnos su número de pedido, la bicicleta o "
        "el producto afectado y qué ha ocurrido exactamente?",
    },
}
