"""Priority and sentiment cues shared by both classifiers (the LLM's answer is merged with
these rule-based signals, so a safety issue is never left at "normal")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from triage.bounds import RULE_MAX_CHARS, cap_subject, window
from triage.models import Classification, EmailMessage, Priority, Sentiment


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_URGENT = _rx(
    r"\burgent(?:ly|e)?\b", r"\basap\b", r"\bimmediately\b", r"\bemergency\b",
    r"\bas soon as possible\b", r"\bbrådskande\b", r"\bakut\b", r"\bsnarast\b", r"\bomgående\b",
    r"\bdringend\b", r"\bsofort\b", r"\beilig\b", r"\bnotfall\b", r"\bau plus vite\b",
    r"\bimmédiatement\b", r"\bcuanto antes\b", r"\blo antes posible\b", r"\binmediatamente\b",
)  # fmt: skip
_LEGAL = _rx(
    r"\blawyer\b", r"\battorney\b", r"\blegal action\b", r"\bsue you\b", r"\bcourt\b",
    r"\bcharge-?back\b", r"\bdispute the (?:charge|payment)\b",
    r"\bconsumer (?:agency|ombudsman)\b",
    r"\badvokat\b", r"\bstämma er\b", r"\bkonsumentverket\b", r"\ballmänna reklamationsnämnden\b",
    r"\bARN\b", r"\banwalt\b", r"\brechtliche schritte\b", r"\bverbraucherzentrale\b",
    r"\bavocat\b", r"\bpoursuites?\b", r"\btribunal\b", r"\babogado\b", r"\bdemanda\b",
    r"\bacciones legales\b", r"\bcontracargo\b", r"\brückbuchung\b",
)  # fmt: skip
_SAFETY = _rx(
    r"\bfire\b", r"\bsmok(?:e|es|ed|ing|y)\b", r"\bburn(?:ing|t|ed)?\b", r"\bexplod", r"\binjur",
    r"\bhurt\b", r"\baccident\b", r"\bcaught fire\b", r"\boverheat",
    r"\bbrinna\b", r"\brök\b", r"\bryker\b", r"\bbrinner\b", r"\bexploder", r"\bolycka\b",
    r"\bskadade mig\b", r"\bfeuer\b", r"\brauch\b", r"\bbrennt\b", r"\bverletz", r"\bunfall\b",
    r"\büberhitz", r"\b(?:pris|prend|en) feu\b", r"\bfumée\b", r"\bblessée?\b",
    r"\bincendie\b", r"\bsurchauffe",
    r"\bfuego\b", r"\bhumo\b", r"\bherid[oa]\b", r"\baccidente\b", r"\bincendio\b",
    r"\bsobrecalent",
)  # fmt: skip
_FOLLOW_UP = _rx(
    r"\bstill (?:no|not|haven't|waiting)\b", r"\b(?:second|third|fourth) time\b",
    r"\bno one (?:has )?(?:answered|replied)\b", r"\bfortfarande (?:inget|inte)\b",
    r"\bredan skrivit\b", r"\bimmer noch (?:kein|nicht)\b", r"\bschon (?:mehrmals|zweimal)\b",
    r"\btoujours pas\b", r"\bdéjà écrit\b", r"\btodavía no\b", r"\baún no\b", r"\bya he escrito\b",
)  # fmt: skip
_NEGATIVE = _rx(
    r"\bangry\b", r"\bdisappoint", r"\bterrible\b", r"\bunacceptable\b", r"\bworst\b",
    r"\bawful\b", r"\bfurious\b", r"\bridiculous\b", r"\bcomplain", r"\bnot happy\b",
    r"\bbesviken\b", r"\bdålig\b", r"\boacceptabel", r"\barg\b", r"\bskandal",
    r"\benttäusch", r"\binakzeptabel\b", r"\bschlecht\b", r"\bärgerlich\b", r"\bfrechheit\b",
    r"\bdéçue?\b", r"\binacceptable\b", r"\bnul\b", r"\bscandale", r"\bmécontent",
    r"\bdecepcionad", r"\binaceptable\b", r"\bpésimo\b", r"\bindignad", r"\bfatal\b",
)  # fmt: skip
_POSITIVE = _rx(
    r"\bthank you so much\b", r"\bgreat\b", r"\blove\b", r"\bhappy\b", r"\bexcellent\b",
    r"\bawesome\b", r"\bfantastic\b", r"\btack så mycket\b", r"\bjättenöjd\b", r"\bnöjd\b",
    r"\bsuper\b", r"\btoll\b", r"\bvielen dank\b", r"\bzufrieden\b", r"\bmerci beaucoup\b",
    r"\bgénial\b", r"\bravie?\b", r"\bmuchas gracias\b", r"\bexcelente\b", r"\bencantad",
)  # fmt: skip


def priority_signals(
    text: str, subject: str, earlier_customer_messages_unanswered: int = 0
) -> list[str]:
    """Names of the priority cues found, e.g. ["safety", "urgent_wording"]."""
    probe = f"{cap_subject(subject)}\n{window(text, RULE_MAX_CHARS)}"
    signals: list[str] = []
    if _SAFETY.search(probe):
        signals.append("safety")
    if _LEGAL.search(probe):
        signals.append("legal_threat")
    if _URGENT.search(probe):
        signals.append("urgent_wording")
    if _FOLLOW_UP.search(probe) or earlier_customer_messages_unanswered >= 1:
        signals.append("repeat_follow_up")
    return signals


def priority_from_signals(signals: Sequence[str]) -> Priority:
    if "safety" in signals or len(signals) >= 2:
        return "urgent"
    if signals:
        return "high"
    return "normal"


def merge_priority(first: Priority, second: Priority) -> Priority:
    order: tuple[Priority, ...] = ("low", "normal", "high", "urgent")
    return max(first, second, key=order.index)


def sentiment_of(text: str) -> Sentiment:
    text = window(text, RULE_MAX_CHARS)
    negative = len(_NEGATIVE.findall(text))
    positive = len(_POSITIVE.findall(text))
    if negative > positive:
        return "negative"
    if positive > negative:
        return "positive"
    return "neutral"


def unanswered_customer_messages(message: EmailMessage, thread: Sequence[EmailMessage]) -> int:
    """Earlier customer emails in the thread since the last agent reply."""
    count = 0
    for other in thread:
        if other.message_id == message.message_id:
            break
        if other.direction == "OUTGOING" or other.from_agent:
            count = 0
        else:
            count += 1
    return count


_THANKS = _rx(
    r"\bthanks?\b",
    r"\bthank you\b",
    r"\btack\b",
    r"\bdanke\b",
    r"\bmerci\b",
    r"\bgracias\b",
)
THANKS_ONLY_MAX_CHARS = 200


def is_thanks_only(text: str, classification: Classification, signals: Sequence[str]) -> bool:
    """A short thank-you with no question and no request: answer it, but last."""
    return (
        not signals
        and classification.intent == "other"
        and len(text) <= THANKS_ONLY_MAX_CHARS
        and "?" not in text
        and bool(_THANKS.search(text))
    )
