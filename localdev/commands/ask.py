"""`triage ask "question"`: retrieve passages and print the draft reply, for trying the KB."""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "ask",
        help="ask the knowledge base a question and print the draft reply",
        description=(
            "Retrieve passages for a question (hybrid dense + keyword search) and draft a "
            "reply with the configured drafter (LLM_PROVIDER; 'none' = offline extractive). "
            "Prints the draft and the passages with their scores. Run `triage ingest` first."
        ),
    )
    parser.add_argument("question", help="the customer's question, in any language")
    parser.add_argument(
        "--language", default=None, help="customer language code (default: detected)"
    )
    parser.add_argument(
        "--mode", choices=("hybrid", "dense", "sparse"), default="hybrid", help="search mode"
    )
    parser.add_argument("--top-k", type=int, default=None, help="passages (RETRIEVAL_TOP_K)")
    parser.add_argument("--json", action="store_true", help="print draft and passages as JSON")
    parser.set_defaults(func=run_ask)


def run_ask(args: argparse.Namespace) -> int:
    from localdev.commands.ingest import load_rag_settings
    from rag.drafting import DraftingError
    from rag.ingest.language import detect_language
    from rag.llm import build_drafter, build_embedder, build_store
    from rag.models import DraftRequest
    from rag.retrieve import retrieve
    from rag.store import StoreError

    settings = load_rag_settings()
    store = build_store(settings)
    embedder = build_embedder(settings, cache_dir=settings.embedding_cache_dir)
    language = args.language or detect_language(args.question, default="en")
    try:
        store.check_embedding(embedder.model_id, embedder.dimension)
        passages = retrieve(
            store,
            embedder,
            args.question,
            language=language,
            top_k=args.top_k or settings.retrieval_top_k,
            mode=args.mode,
            sparse_scores=True,  # shown below, for judging the search
        )
        request = DraftRequest(
            message_id="cli", question=args.question, language=language, passages=passages
        )
        reply = build_drafter(settings).draft(request)
    except (StoreError, DraftingError) as exc:
        print(f"triage ask: {exc}", file=sys.stderr)
        return 1
    if args.json:
        out = {
            "language": language,
            "passages": [p.model_dump(mode="json") for p in passages],
            "draft": reply.model_dump(mode="json"),
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(
        f"--- draft ({reply.drafter}, {reply.model}, language {reply.language}, "
        f"answerable={reply.answerable}, confidence {reply.confidence:.2f}) ---"
    )
    print(reply.body)
    for reason in reply.review_reasons:
        print(f"  review: {reason}")
    if reply.cost_usd:
        print(f"  tokens {reply.prompt_tokens}+{reply.completion_tokens}, ${reply.cost_usd:.6f}")
    print(f"\n--- passages ({args.mode}) ---")
    for number, p in enumerate(passages, start=1):
        dense = f"{p.dense_score:.3f}" if p.dense_score is not None else "-"
        sparse = f"{p.sparse_score:.2f}" if p.sparse_score is not None else "-"
        print(
            f"[{number}] score {p.score:.4f} dense {dense} sparse {sparse} "
            f"{p.language} {p.source} > {p.section or p.title}"
        )
        print(f"    {p.text[:160].replace(chr(10), ' ')}")
    return 0
