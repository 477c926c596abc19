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
            "Run a question through the production answer step (triage, then "
            "pipeline.answering) and print the decision an agent would see: 'answered' (a "
            "draft citing the knowledge base; questions it cannot answer are listed as "
            "unanswered), 'abstained' (no grounded answer: the best match is below the "
            "threshold calibrated for this knowledge base and language, or the LLM drafter "
            "found no answer; the reason says what is missing) or 'routed' (needs a person: "
            "security incident, data-protection request, legal threat, injury or safety, "
            "press, partnership or reseller, job application, manager request, from the "
            "taxonomy's needs_person rules; with the priority). "
            "Greetings, thanks, signatures and text flagged as prompt injection are left out "
            "of the search, and each question is searched on its own. Uses the configured "
            "drafter (LLM_PROVIDER; 'none' = offline extractive). Prints the draft and the "
            "passages with their scores. Run `triage ingest` first."
        ),
    )
    parser.add_argument("question", help="the customer's question or whole email, any language")
    parser.add_argument("--subject", default="", help="the email's subject line")
    parser.add_argument(
        "--language", default=None, help="customer language code (default: detected)"
    )
    parser.add_argument(
        "--mode",
        choices=("hybrid", "dense", "sparse"),
        default="hybrid",
        help="search mode of the passages listed when the draft cites none",
    )
    parser.add_argument("--top-k", type=int, default=None, help="passages (RETRIEVAL_TOP_K)")
    parser.add_argument("--json", action="store_true", help="print draft and passages as JSON")
    parser.set_defaults(func=run_ask)


def run_ask(args: argparse.Namespace) -> int:
    from core.llm.failures import ModelFailure
    from localdev.commands.ingest import load_rag_settings
    from pipeline.answering import answer_email
    from rag.llm import build_drafter, build_embedder, build_store
    from rag.retrieve import retrieve
    from rag.store import StoreError
    from triage.models import EmailMessage, ThreadContext, TriageConfig
    from triage.pipeline import triage_email

    settings = load_rag_settings()
    store = build_store(settings)
    embedder = build_embedder(settings, cache_dir=settings.embedding_cache_dir)
    message = EmailMessage(message_id="cli", subject=args.subject, text=args.question)
    config = TriageConfig(pii_redaction=False)
    triage = triage_email(message, ThreadContext(messages=[message]), config)
    if args.language:
        triage = triage.model_copy(update={"language": args.language})
    language = triage.language
    try:
        store.check_embedding(embedder.model_id, embedder.dimension)
        outcome = answer_email(
            triage,
            store=store,
            embedder=embedder,
            drafter=build_drafter(settings),
            message_id="cli",
            subject=args.subject,
            top_k=args.top_k or settings.retrieval_top_k,
        )
        reply = outcome.draft
        passages = outcome.passages or retrieve(
            store,
            embedder,
            triage.query_text or args.question,
            language=language,
            top_k=args.top_k or settings.retrieval_top_k,
            mode=args.mode,
            sparse_scores=True,  # shown below, for judging the search
        )
    except (StoreError, ModelFailure) as exc:
        print(f"triage ask: {exc}", file=sys.stderr)
        return 1
    if args.json:
        out = {
            "language": language,
            "decision": outcome.decision,
            "reason": outcome.reason,
            "passages": [p.model_dump(mode="json") for p in passages],
            "draft": reply.model_dump(mode="json"),
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(f"--- decision: {outcome.decision}" + (f": {outcome.reason}" if outcome.reason else ""))
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
