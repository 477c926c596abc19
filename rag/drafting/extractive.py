"""Offline, deterministic drafter: quotes the best-matching sentences of the best passages.

No model writes anything: every sentence of the answer part is copied from a passage and
cited [n]. Below the score threshold it abstains and asks the customer what is missing.
"""

from __future__ import annotations

from rag.drafting.base import reply_language
from rag.drafting.phrases import PHRASES
from rag.evidence import sentences_of
from rag.models import Citation, DraftReply, DraftRequest, Passage
from rag.sparse import tokenize

MODEL_NAME = "extractive-v1"


def _relevance(passage: Passage) -> float:
    """Dense cosine when known (comparable across queries), else the search score."""
    return passage.dense_score if passage.dense_score is not None else passage.score


class ExtractiveDrafter:
    """Builds the reply from passages whose relevance reaches ``min_score``.

    ``min_score`` is compared with the passage's dense cosine similarity (multilingual-e5
    puts related texts around 0.80-0.90 and unrelated ones around 0.70-0.78).
    """

    def __init__(
        self,
        min_score: float = 0.80,
        *,
        max_passages: int = 2,
        max_sentences_per_passage: int = 3,
        full_score: float = 0.90,
        second_passage_margin: float = 0.02,
    ) -> None:
        self.second_passage_margin = second_passage_margin
        self.min_score = min_score
        self.max_passages = max_passages
        self.max_sentences = max_sentences_per_passage
        self.full_score = full_score

    def _chosen(self, request: DraftRequest, language: str) -> list[tuple[int, Passage]]:
        numbered = [(n, p) for n, p in enumerate(request.passages, start=1)]
        relevant = [(n, p) for n, p in numbered if _relevance(p) >= self.min_score]
        # relevance first: a passage in another language is used when it is the relevant one
        # (its lines are flagged for translation), never a less relevant one in the language
        pool = sorted(
            relevant, key=lambda item: (-_relevance(item[1]), item[1].language != language)
        )
        if not pool:
            return []
        # a second passage only when nearly as relevant as the best: otherwise it is noise
        floor = _relevance(pool[0][1]) - self.second_passage_margin
        close = [item for item in pool[1:] if _relevance(item[1]) >= floor]
        return [pool[0], *close[: self.max_passages - 1]]

    def _sentences(self, passage: Passage, question: str, *, require_overlap: bool) -> list[str]:
        """The passage's sentences sharing most words with the question, in passage order.
        Both are analysed in the passage's language, so the words they share (names, codes,
        numbers) still meet when the customer writes in another language."""
        question_terms = set(tokenize(question, passage.language))
        sentences = sentences_of(passage.text)
        scored = [
            (len(question_terms & set(tokenize(sentence, passage.language))), index, sentence)
            for index, sentence in enumerate(sentences)
        ]
        best = sorted(scored, key=lambda item: (-item[0], item[1]))[: self.max_sentences]
        if any(score for score, _, _ in best):
            best = [item for item in best if item[0] > 0]  # only sentences on the question
        elif require_overlap:
            best = []
        else:
            best = scored[: self.max_sentences]  # no word overlap: the passage's lead sentences
        return [sentence for _, _, sentence in sorted(best, key=lambda item: item[1])]

    def draft(self, request: DraftRequest) -> DraftReply:
        if request.evidence:
            return self._draft_from_evidence(request)
        language = reply_language(request.language)
        phrases = PHRASES[language]
        chosen = self._chosen(request, language)
        reasons = [
            "extractive draft: sentences quoted from the knowledge base, not written by "
            "a model; adapt the wording before sending"
        ]
        if not chosen:
            body = "\n\n".join(
                [phrases["greeting"], phrases["abstain"], phrases["ask"], phrases["closing"]]
            )
            best = max((_relevance(p) for p in request.passages), default=0.0)
            reasons.append(
                f"no passage reached the relevance threshold {self.min_score:.2f} "
                f"(best {best:.2f}); answer manually"
            )
            return DraftReply(
                body=body,
                citations=[],
                language=language,
                confidence=0.0,
                answerable=False,
                review_reasons=reasons,
                drafter="extractive",
                model=MODEL_NAME,
            )
        question = f"{request.subject} {request.question}"
        lines = [phrases["greeting"], "", phrases["intro"]]
        used: list[tuple[int, Passage]] = []
        for rank, (number, passage) in enumerate(chosen):
            # the best passage always speaks; a runner-up only with sentences on the question
            sentences = self._sentences(passage, question, require_overlap=rank > 0)
            if sentences:
                used.append((number, passage))
            lines.extend(f"- {sentence} [{number}]" for sentence in sentences)
        chosen = used
        urls: set[str] = set()
        for number, passage in chosen:
            if passage.url and passage.url not in urls:
                urls.add(passage.url)
                lines.append(f"- {phrases['more']}: {passage.url} [{number}]")
        lines += ["", phrases["closing"]]
        foreign = sorted({p.language for _, p in chosen if p.language != language})
        if foreign:
            reasons.append(
                f"sources are in {', '.join(foreign)}, not {language}: translate the quoted lines"
            )
        citations = [Citation(number=n, chunk_id=p.chunk_id) for n, p in chosen]
        return self._answered(lines, citations, language, _relevance(chosen[0][1]), reasons)

    def _answered(
        self,
        lines: list[str],
        citations: list[Citation],
        language: str,
        top: float,
        reasons: list[str],
    ) -> DraftReply:
        """The answered reply, its confidence scaled from the best cited passage's score."""
        confidence = (top - self.min_score) / max(self.full_score - self.min_score, 1e-6)
        return DraftReply(
            body="\n".join(lines),
            citations=citations,
            language=language,
            confidence=round(min(1.0, max(0.05, confidence)), 3),
            answerable=True,
            review_reasons=reasons,
            drafter="extractive",
            model=MODEL_NAME,
        )

    def _draft_from_evidence(self, request: DraftRequest) -> DraftReply:
        """The answerability decision is made (pipeline.answering): quote the sentences
        chosen per question, then list the questions the knowledge base does not answer."""
        language = reply_language(request.language)
        phrases = PHRASES[language]
        lines = [phrases["greeting"], "", phrases["intro"]]
        cited: list[int] = []
        foreign: set[str] = set()
        for item in request.evidence:
            passage = request.passages[item.number - 1]
            mark = ""
            if passage.language not in (language, "und"):
                foreign.add(passage.language)
                mark = f"({passage.language}) "
            lines.append(f"- {mark}{item.sentence} [{item.number}]")
            if item.number not in cited:
                cited.append(item.number)
        urls: set[str] = set()
        for number in cited:
            passage = request.passages[number - 1]
            if passage.url and passage.url not in urls:
                urls.add(passage.url)
                lines.append(f"- {phrases['more']}: {passage.url} [{number}]")
        if request.unanswered:
            lines += ["", phrases["unanswered"]]
            lines += [f"- {question}" for question in request.unanswered]
        lines += ["", phrases["closing"]]
        reasons = [
            "extractive draft: sentences quoted from the knowledge base, not written by "
            "a model; adapt the wording before sending"
        ]
        if foreign:
            reasons.append(
                f"lines marked ({', '.join(sorted(foreign))}) are quoted from sources in "
                f"another language than {language}: translate them"
            )
        if request.unanswered:
            reasons.append(
                f"{len(request.unanswered)} of {len(request.unanswered) + len(request.questions)}"
                " questions have no answer in the knowledge base: answer them yourself"
            )
        top = max((_relevance(request.passages[n - 1]) for n in cited), default=0.0)
        citations = [
            Citation(number=n, chunk_id=request.passages[n - 1].chunk_id) for n in sorted(cited)
        ]
        return self._answered(lines, citations, language, top, reasons)
