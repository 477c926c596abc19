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
    judged: list[str]  # chunk ids the gate judged (the pool's best top_k), best first
    passing: list[str]  # chunk ids that reached their threshold, best first
    flat: bool = False  # passed, but held back: no article stood out (rag.distinctness)


class AnswerTrace(BaseModel):
    questions: list[QuestionTrace] = Field(default_factory=list)
