"""Prompt-injection signals in customer text and knowledge-base passages.

They never block triage; they lower confidence, tell the model what to distrust and tell
the agent to read the draft with care. Text is normalised first (triage.normalise: case,
look-alike letters, invisible characters, letter spacing, leetspeak) and encoded runs
(base64, hex, rot13) are decoded and screened too. Patterns are written for the folded
form: lower case, no accents ("precedentes", "losenord"). Languages: en, sv, da/no, de,
nl, fr, es, it, pt.

Each piece of text is screened in a bounded window (triage.bounds.INJECTION_MAX_CHARS).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from triage.bounds import INJECTION_MAX_CHARS, window
from triage.normalise import decoded_fragments, fold, rot13, spaced_segments, views

_GAP = r"[^.\n!?]{0,40}"  # a few words within one sentence

_IGNORE_VERB = (
    r"ignore|disregard|forget|override|bypass|"
    r"ignorera|glom|strunta i|bortse fran|ignorer|glem|se bort fra|"
    r"ignoriere|ignorier|vergiss|vergesst|missachte|uberschreibe|"
    r"negeer|vergeet|ignoreer|"
    r"ignorez|ignore[rz]?|oublie[zr]?|"
    r"ignora|ignoren|olvida|olvide|olvidate|"
    r"dimentica|ignori|"
    r"esqueca|esquece|ignore"
)
_RULES_NOUN = (
    r"instructions?|rules|prompts?|guidelines|directives|programming|"
    r"guardrails|policies|constraints|system message|"
    r"instruktioner(?:na)?|regler(?:na)?|riktlinjer|instruksjon(?:er|ene)?|instruktion(?:er)?|"
    r"anweisungen|regeln|vorgaben|richtlinien|anordnungen|befehle|"
    r"instructies|regels|opdrachten|richtlijnen|"
    r"consignes|regles|directives|"
    r"instrucciones|reglas|indicaciones|normas|"
    r"istruzioni|regole|direttive|"
    r"instrucoes|regras|diretrizes"
)
_PATTERNS: dict[str, str] = {
    "ignore_instructions": rf"\b(?:{_IGNORE_VERB})\b{_GAP}\b(?:{_RULES_NOUN})\b",
    "system_prompt": (
        r"\bsystem ?(?:prompt|instructions?)\b|"
        r"\b(?:your|din|dein|je|ton|tu|tuo|seu) (?:initial |original |hidden |secret )?"
        r"(?:prompt|instructions|instruktioner|anweisungen|instructies|instrucciones)\b|"
        r"\bdeveloper mode\b|\bjailbreak|\bdan mode\b|\bdo anything now\b|"
        r"\binvite systeme\b|\bindicaciones del sistema\b|\bprompt (?:du|de) systeme\b"
    ),
    "role_change": (
        r"\byou are (?:now|no longer|not) (?:a |an |the |dan\b|free\b|unrestricted)|"
        r"\bfrom now on,? (?:you|act|respond|answer|reply)\b|"
        r"\b(?:act|behave|respond|answer|reply|speak) (?:as if you (?:were|are)|like you are)|"
        r"\bact as (?:an?|the|my) \b|\bpretend (?:to be|you are|that you)\b|"
        r"\bimagine (?:that )?you are\b|\brole ?-?play|\blet'?s play a game\b|"
        r"\bdu ar (?:nu|inte langre)\b|\bfran och med nu (?:ar du|du ar)\b|"
        r"\blat(?:sas)? som att du\b|"
        r"\bdu er nu\b|\bfra nu af\b|\bfra na av\b|"
        r"\bdu bist (?:jetzt|nun|ab sofort|nicht mehr)\b|\bab (?:jetzt|sofort) bist du\b|"
        r"\btu es (?:maintenant|desormais)\b|\bfais comme si\b|"
        r"\ba partir de maintenant,? (?:tu|vous) (?:es|etes|seras|serez|agis|agissez|dois)\b|"
        r"\bjoue le role\b|"
        r"\b(?:ahora|a partir de ahora),? (?:eres|seras|actua|actuas)\b|\bfinge (?:ser|que)\b|"
        r"\bje bent (?:nu|vanaf nu|niet langer)\b|\bvanaf nu,? (?:ben je|ben jij|bent u)\b|"
        r"\bdoe alsof\b|\bsei (?:ora|adesso)\b|\bd'ora in poi\b|\bfai finta\b|"
        r"\bvoce (?:agora )?e agora\b|\ba partir de agora,? (?:voce e|es|sera)\b|"
        r"\bfinja (?:ser|que)\b"
    ),
    "address_the_model": (
        r"\b(?:dear|hey|hi|hello|note (?:to|for)|attention|message (?:to|for))"
        r" (?:ai|a\.i\.|assistant|bot|chatbot|chatgpt|gpt|llm|language model|copilot|"
        r"drafting (?:tool|system)|auto-?responder)\b|"
        r"\b(?:to|for) the (?:ai|chatbot|chatgpt|gpt|llm|language model|drafting tool)\b|"
        r"\bif you are an? (?:ai|language model|bot|assistant|llm)\b|"
        r"\b(?:ai|assistant|bot|model|llm)s? (?:reading|processing|summari[sz]ing|"
        r"answering) this\b|"
        r"\bwhen (?:you )?(?:draft|write|generate|compose)(?:ing)? (?:the|your|a) "
        r"(?:reply|answer|response|draft)\b|"
        r"\b(?:an|die|de|la|il|a) (?:die |den )?(?:ki|ia|ai)\b[^.\n]{0,10}:|"
        r"\b(?:liebe|beste|querida|chere|cara|kara) (?:ki|ia|ai)\b"
    ),
    "task_change": (
        r"\b(?:instead of|rather than) (?:answering|replying|helping|responding|solving)|"
        r"\b(?:instead|in stead),? (?:write|compose|generate|produce|output|translate|list|"
        r"tell|give|send|reply with)\b|"
        r"\b(?:write|compose|generate|create) (?:me )?(?:an?|some) (?:poem|song|story|essay|"
        r"haiku|limerick|joke|rap|cover letter|sonnet|python|script|program|sql)\b|"
        r"\b(?:list|reveal|show|print|output|dump|export|summari[sz]e|give me|send me|forward)"
        r" (?:me )?(?:all|every|the other|other|previous|all the) (?:customers?|users?|"
        r"clients?|emails?|messages?|conversations?|orders?|tickets?|addresses|data)\b|"
        r"\b(?:repeat|print|output|show|reveal|display|quote) (?:back )?(?:the|your|all) "
        r"(?:text|words|instructions|message|prompt|context|conversation) (?:above|before|so far"
        r"|verbatim)|"
        r"\b(?:what|which) (?:are|were) your (?:instructions|rules|orders)\b|"
        r"\b(?:reply|respond|answer) (?:only |just )?with (?:the word|the phrase|yes\b|"
        r"'|\"|\")|"
        r"\b(?:your|the) (?:new|real|actual|only|next) (?:task|job|goal|objective|mission|"
        r"uppgift|aufgabe|taak|tache|tarea|compito)\b|"
        r"\bdin (?:nya|riktiga) uppgift\b|\bdeine (?:neue|eigentliche) aufgabe\b|"
        r"\bje (?:nieuwe|echte) taak\b|\bta (?:nouvelle|vraie) tache\b|"
        r"\btu (?:nueva|verdadera) tarea\b|\bil tuo (?:nuovo|vero) compito\b|"
        r"\b(?:skriv|schreibe?|schrijf|ecris|escribe|scrivi|escreva) (?:mig |mir |me |moi )?"
        r"(?:en |ein(?:e|en)? |een |un(?:e|a)? |uma? )(?:dikt|gedicht|poeme|poema|poesia|"
        r"sang|lied|liedje|chanson|cancion|canzone|historia|geschichte|verhaal|histoire|"
        r"storia)\b|"
        r"\b(?:promise|confirm|guarantee|tell) (?:the customer|me|us) (?:that )?(?:i|we|they|"
        r"you) (?:will )?(?:get|receive|are entitled to|qualify for) (?:a )?(?:full |100 ?% )?"
        r"(?:refund|compensation|discount|free)\b[^.\n]{0,40}\b(?:regardless|no matter|"
        r"whatever|without (?:checking|verification|question))"
    ),
    "secret_request": (
        r"\b(?:api ?keys?|access tokens?|passwords?|credentials|secret keys?|env(?:ironment)? "
        r"variables|connection strings?|losenord|passwort|wachtwoord|mot de passe|contrasena|"
        r"password|senha)\b[^.\n]{0,40}\b(?:send|give|share|reveal|print|show|tell|skicka|"
        r"schicke|stuur|envoie|envia|dime|invia|envie|mostra)\b|"
        r"\b(?:send|give|share|reveal|print|show|tell me|skicka|visa|schicke|zeige|stuur|"
        r"toon|envoie|montre|envia|muestra|dime|invia|mostrami|envie|mostre)\b"
        r"[^.\n]{0,40}\b(?:api ?keys?|access tokens?|secret keys?|env(?:ironment)? "
        r"variables|connection strings?|credentials|passwords?|losenord(?:et)?|passwort|"
        r"wachtwoord|mot de passe|contrasena|senha)\b"
    ),
    "follow_link": (
        r"\b(?:open|visit|follow|fetch|click|execute|run|download|load)\b[^.\n]{0,30}"
        r"(?:https?://|www\.)\S{1,200}[^.\n]{0,40}\b(?:and|then)\b[^.\n]{0,30}\b(?:do|follow|"
        r"execute|run|obey)\b|\b(?:execute|run|eval)\b[^.\n]{0,20}\b(?:this|the following)\b"
        r"[^.\n]{0,20}\b(?:code|command|script|shell)\b|\bcurl\s+https?://|\bbash\s+-c\b|"
        r"\brm -rf\b|\bsudo\b"
    ),
    "delimiter_spoof": (
        r"</?\s*(?:email|system|instructions?|assistant|user|context|passages?|prompt|"
        r"customer_email|untrusted)[^>\n]{0,20}>|<\|[a-z_]{2,20}\|>|\[/?inst\]|"
        r"^#{2,}\s*(?:system|instructions?|assistant)\b|\b(?:begin|end) (?:of )?(?:the )?"
        r"(?:system|email|instructions|prompt|customer (?:email|message))\b"
    ),
}
_FLAGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.MULTILINE)) for name, pattern in _PATTERNS.items()
)
# letters-only forms, for text spelled one letter at a time ("y o u a r e n o w")
_SQUASHED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        (
            "ignore_instructions",
            r"(?:ignore|disregard|forget|override)(?:all|any|the|your|my)?(?:previous|prior|"
            r"above|earlier)?(?:instructions?|rules|prompts?|guidelines)|"
            r"ignoriere(?:alle)?(?:vorherigen?|bisherigen)?(?:anweisungen|regeln)|"
            r"ignorera(?:alla)?(?:tidigare)?(?:instruktioner|regler)|"
            r"negeer(?:alle)?(?:eerdere|vorige)?(?:instructies|regels)|"
            r"(?:ignorez|oubliez)(?:toutes)?(?:les)?(?:instructions|consignes)|"
            r"(?:ignora|olvida)(?:todas)?(?:las)?(?:instrucciones|reglas)",
        ),
        ("system_prompt", r"systemprompt|developermode|jailbreak"),
        (
            "role_change",
            r"youarenow|fromnowonyou|pretend(?:tobe|youare)|letsplayagame|roleplay|"
            r"dubistjetzt|abjetztbistdu|duarnu|jebentnu|tuesmaintenant|ahoraeres",
        ),
        (
            "task_change",
            r"insteadof(?:answering|replying|helping)|write(?:me)?an?(?:poem|song|story|essay|"
            r"joke|haiku)|your(?:new|real)task|deineneueaufgabe|dinnyauppgift|jenieuwetaak|"
            r"tanouvelletache|tunuevatarea|repeatthetextabove",
        ),
        (
            "secret_request",
            r"(?:send|give|show|reveal|tell)(?:me)?(?:the|your)?(?:passwords?|"
            r"apikeys?|credentials|accesstokens?)",
        ),
    )
)
CONFIDENCE_PENALTY_PER_FLAG = 0.25
MIN_CONFIDENCE_WHEN_FLAGGED = 0.05
ENCODED_FLAG = "encoded_instructions"
HIDDEN_FLAG = "hidden_html_text"


def _match_views(texts: Iterable[str]) -> list[str]:
    found: list[str] = []
    for text in texts:
        for name, pattern in _FLAGS:
            if name not in found and pattern.search(text):
                found.append(name)
    return found


def screen_text(text: str) -> list[str]:
    """Flags of one piece of text (already bounded by the caller)."""
    variants = views(text)
    flags = _match_views(variants)
    for segment in spaced_segments(variants[0]):
        flags.extend(n for n, p in _SQUASHED if n not in flags and p.search(segment))
    hidden = _match_views(v for fragment in decoded_fragments(text) for v in views(fragment))
    if not flags:
        hidden += _match_views([rot13(variants[0])])
    if hidden:
        flags.extend(f for f in hidden if f not in flags)
        flags.append(ENCODED_FLAG)
    return flags


def injection_flags(text: str) -> list[str]:
    """Names of the injection signals found in ``text`` (subject included by the caller)."""
    return screen_text(window(text, INJECTION_MAX_CHARS))


def screen_email(
    subject: str, new_text: str, quoted: str = "", html: str | None = None
) -> dict[str, list[str]]:
    """Flags per channel of one email: "new" (subject and new text), "quoted" (the quoted
    history) and "hidden" (HTML text a reader cannot see). Empty channels are left out."""
    from triage.hidden_html import hidden_text

    channels = {
        "new": screen_text(window(f"{subject}\n{new_text}", INJECTION_MAX_CHARS)),
        "quoted": screen_text(window(quoted, INJECTION_MAX_CHARS)) if quoted else [],
    }
    if html:
        invisible = hidden_text(html)
        flags = screen_text(window(invisible, INJECTION_MAX_CHARS)) if invisible else []
        channels["hidden"] = [*flags, HIDDEN_FLAG] if flags else []
    return {name: flags for name, flags in channels.items() if flags}


def flat_flags(channels: dict[str, list[str]]) -> list[str]:
    """One list for the agent and the model: "quoted:role_change", "system_prompt", ..."""
    flags: list[str] = []
    for channel, names in channels.items():
        for name in names:
            label = name if channel == "new" else f"{channel}:{name}"
            if label not in flags:
                flags.append(label)
    return flags


def penalise(confidence: float, flags: list[str]) -> float:
    """Overall confidence after injection flags: each flag costs a quarter."""
    if not flags:
        return confidence
    lowered = confidence * (1 - CONFIDENCE_PENALTY_PER_FLAG) ** len(flags) - 0.1
    return round(max(MIN_CONFIDENCE_WHEN_FLAGGED, lowered), 3)


__all__ = ["flat_flags", "fold", "injection_flags", "penalise", "screen_email", "screen_text"]
