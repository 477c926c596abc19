"""`triage eval retrieval`: retrieval quality on the Zaragoza FAQ (see bench/retrieval_eval.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="print evaluations (retrieval quality)",
        description="Run an evaluation and print its table (or JSON).",
    )
    kinds = parser.add_subparsers(dest="evaluation", required=True, metavar="EVALUATION")
    retrieval = kinds.add_parser(
        "retrieval",
        help="recall@1, recall@5 and MRR@10 of sparse, dense and hybrid search",
        description=(
            "Retrieval on the Zaragoza construction FAQ (PyPI zaragoza-construction-faq, "
            "CC-BY-4.0): its 503 answers are the knowledge base and its questions the queries, "
            "in English and Swedish, over embedded Qdrant with the offline e5 embedder. The "
            "first run embeds about 2,000 texts (a few minutes on 2 cores); later runs read "
            "the vectors from .localdata/embedding-cache."
        ),
    )
    retrieval.add_argument("--json", action="store_true", help="print the results as JSON")
    retrieval.add_argument("--limit", type=int, default=None, help="only the first N questions")
    retrieval.add_argument("--languages", default="en,sv", help="comma-separated: en, sv")
    retrieval.set_defaults(func=run_retrieval_eval)


def run_retrieval_eval(args: argparse.Namespace) -> int:
    try:
        from bench.retrieval_eval import main
    except ImportError:  # bench/ is not an installed package: run from the checkout
        sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
        from bench.retrieval_eval import main

    argv = ["--languages", args.languages]
    if args.json:
        argv.append("--json")
    if args.limit:
        argv += ["--limit", str(args.limit)]
    return main(argv)
