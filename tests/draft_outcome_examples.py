"""Constructed draft/reply pairs for the outcome bands (hubspot/draft_outcome.py), written
by hand for this purpose, one expected band each, in several languages and scripts. The band
edges were chosen by looking at these scores, so they illustrate the bands; they do not
validate them on unseen replies."""

from __future__ import annotations

EN_DRAFT = (
    "Hello,\n\nHere is what our help pages say:\n"
    "- Returns are free within 30 days of delivery if the bike is unused [1]\n"
    "- Start a return in your account under Orders and print the label [1]\n"
    "- Refunds reach your card 5 to 7 days after we receive the bike [2]\n\n"
    "Kind regards,\nCustomer support"
)
DE_DRAFT = (
    "Hallo,\n\nDer Akku hat zwei Jahre Garantie ab dem Kaufdatum [1]. Bitte senden Sie uns "
    "die Seriennummer und ein Foto des Typenschilds, dann schicken wir einen Ersatz [1].\n\n"
    "Mit freundlichen Grüßen\nKundenservice"
)
SV_DRAFT = (
    "Hej,\n\nDu kan byta storlek på ramen inom 14 dagar om cykeln inte har körts [1]. "
    "Boka en tid i butiken så hjälper vi dig med passformen [2].\n\n"
    "Vänliga hälsningar,\nKundtjänst"
)
JA_DRAFT = (
    "こんにちは、\n\nバッテリーの保証は購入日から二年間です[1]。シリアル番号と銘板の写真を"
    "お送りいただければ、交換品を発送いたします[1]。\n\nよろしくお願いいたします。"
)

# (name, draft body, agent reply, expected band)
EXAMPLES: list[tuple[str, str, str, str]] = [
    (
        "en as is, own greeting and signature",
        EN_DRAFT,
        "Hi Maria,\n\nHere is what our help pages say:\n"
        "- Returns are free within 30 days of delivery if the bike is unused\n"
        "- Start a return in your account under Orders and print the label\n"
        "- Refunds reach your card 5 to 7 days after we receive the bike\n\n"
        "Best,\nAnna",
        "sent_as_drafted",
    ),
    (
        "en one word changed",
        EN_DRAFT,
        "Hello,\n\nHere is what our help pages say:\n"
        "- Returns are free within 30 days of delivery if the bike is unused\n"
        "- Start a return in your account under My orders and print the label\n"
        "- Refunds reach your card 5 to 7 days after we receive the bike\n\nKind regards,\nAnna",
        "sent_as_drafted",
    ),
    (
        "de as is without citations",
        DE_DRAFT,
        "Hallo Herr Weber,\n\nDer Akku hat zwei Jahre Garantie ab dem Kaufdatum. Bitte senden "
        "Sie uns die Seriennummer und ein Foto des Typenschilds, dann schicken wir einen "
        "Ersatz.\n\nViele Grüße\nAnna Berg",
        "sent_as_drafted",
    ),
    (
        "ja as is",
        JA_DRAFT,
        "山田様\n\nバッテリーの保証は購入日から二年間です。シリアル番号と銘板の写真をお送り"
        "いただければ、交換品を発送いたします。\n\nアンナ",
        "sent_as_drafted",
    ),
    (
        "en a line dropped and a sentence added",
        EN_DRAFT,
        "Hi Maria,\n\nReturns are free within 30 days of delivery if the bike is unused. "
        "Start a return in your account under Orders and print the label. I have already "
        "opened the return for you, so the label is waiting there.\n\nBest,\nAnna",
        "edited",
    ),
    (
        "de second sentence reworded",
        DE_DRAFT,
        "Hallo,\n\nDer Akku hat zwei Jahre Garantie ab dem Kaufdatum. Schicken Sie uns bitte "
        "die Seriennummer, wir senden Ihnen dann sofort einen neuen Akku.\n\nGrüße\nAnna",
        "edited",
    ),
    (
        "sv first sentence kept, second replaced",
        SV_DRAFT,
        "Hej Erik,\n\nDu kan byta storlek på ramen inom 14 dagar om cykeln inte har körts. "
        "Skicka bara tillbaka den med fraktsedeln i kartongen.\n\nHälsningar,\nAnna",
        "edited",
    ),
    (
        "en same facts, own words",
        EN_DRAFT,
        "Hi Maria,\n\nNo problem: as long as the bike has not been ridden you can send it back "
        "free of charge for 30 days. Go to Orders in your account to get the label, and the "
        "money should be back on your card about a week after it arrives here.\n\nAnna",
        "rewritten",
    ),
    (
        "de same facts, own words",
        DE_DRAFT,
        "Guten Tag,\n\nfür Akkus gelten zwei Jahre Garantie. Wenn Sie mir die Seriennummer "
        "schicken, veranlasse ich den Austausch.\n\nAnna",
        "rewritten",
    ),
    (
        "en unrelated answer",
        EN_DRAFT,
        "Hi Maria,\n\nThanks for your patience. Your order shipped this morning with DHL and "
        "the tracking link is in the confirmation email we sent you.\n\nAnna",
        "not_used",
    ),
    (
        "sv unrelated answer",
        SV_DRAFT,
        "Hej,\n\nVi har tyvärr slut på den modellen just nu, men nästa leverans kommer i "
        "mars. Vill du att vi reserverar en åt dig?\n\nAnna",
        "not_used",
    ),
    (
        "ja unrelated answer",
        JA_DRAFT,
        "山田様\n\nご注文の商品は本日発送されました。追跡番号はメールでお知らせします。\n\nアンナ",
        "not_used",
    ),
]
