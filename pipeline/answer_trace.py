"""What the answer step saw for each question, for the draft evaluation to say where an
answer was lost: not retrieved, below the threshold, lost to another passage, or held back
as flat. Production passes no trace; it is never stored or sent (no customer text in it,
only the knowledge base's own passage ids and headings)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class TracedPassage(BaseModel):
    chunk_id: str
    source: str
    section: str = ""


class QuestionTrace(BaseModel):
    retrieved: list[TracedPassage]  # the question's retrieval pool, closest first
    window: list[str]  # chunk ids of the pool's top k, before screening and the country rule
    judged: list[str]  # chunk ids the gate judged (the window after them), best first
    passing: list[str]  # chunk ids that reached their threshold, best first
    flat: bool = False  # some passed, but held back: no article stood out (rag.distinctness)
    # chunk ids that passed, dropped: not among the question's closest by latent terms
    off_terms: list[str] = Field(default_factory=list)


class AnswerTrace(BaseModel):
    questions: list[QuestionTrace] = Field(default_factory=list)
