"""`triage eval retrieval` (evaluation/retrieval.py) and `triage eval drafts`
(evaluation/drafts.py): retrieval quality on the Zaragoza FAQ, and the drafts the production
triage and answer step write for labelled emails."""

from __future__ import annotations

import argparse
import textwrap
from types import ModuleType


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="print evaluations (retrieval quality, draft quality)",
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

    draft_eval = _draft_eval()  # light to import: the models load only when it runs
    drafts = kinds.add_parser(
        "drafts",
        help="score the drafts for labelled emails: answered correctly, wrong, abstained, routed",
        description=textwrap.fill(
            "Run labelled emails through the production triage and answer step "
            "(triage_email, then answer_email) with the configured classifier, embedder and "
            "drafter: offline by default, the LLM drafter and classifier when LLM_PROVIDER is "
            "set. Each set's knowledge-base folder is ingested into a scratch embedded Qdrant "
            "in a temporary folder (never the local one); embeddings are cached in "
            "EMBEDDING_CACHE_DIR. Built-in sets: sample (samples/knowledge-base, "
            "evals/data/sample_kb.jsonl) and zaragoza (the zaragoza-construction-faq answers "
            "as the knowledge base, its questions wrapped as emails in English and Swedish, "
            "plus evals/data/construction_faq_ood.jsonl), and every folder of evals/domains "
            "(emails.jsonl + kb/: help centres of other industries). The last table lists "
            "every set with its role (held out from tuning, per evals/tuning.json) and its "
            "figures against issue 20's targets. `--set FILE.jsonl --kb FOLDER` "
            "scores a set of your own, one JSON object a line: {id, language, subject, body, "
            "expect: answer|abstain|route, gold_sources: [path or path#heading], key_facts: "
            "[[alternatives]], intent, split, route_reason} (see README).",
            width=88,
        ),
        epilog=draft_eval.METRICS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    draft_eval.add_arguments(drafts)
    drafts.set_defaults(func=run_drafts_eval)

    from evaluation import sweep

    sweeping = kinds.add_parser(
        "sweep",
        help="try one answer-step setting at several values on the sets you tune on",
        description=sweep.__doc__,
        epilog="settings:\n"
        + "\n".join(f"  {name:22} {text}" for name, text in sweep.SETTINGS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sweep.add_arguments(sweeping)
    sweeping.set_defaults(func=run_sweep)

    from evaluation import fit_confidence

    fitting = kinds.add_parser(
        "fit-confidence",
        help="fit the draft confidence on the answered drafts of tuning sets",
        description=fit_confidence.__doc__,
    )
    fit_confidence.add_arguments(fitting)
    fitting.set_defaults(func=lambda args: fit_confidence.main(args=args))


def _draft_eval() -> ModuleType:
    import evaluation.drafts as module

    return module


def run_drafts_eval(args: argparse.Namespace) -> int:
    code: int = _draft_eval().main(args=args)
    return code


def run_sweep(args: argparse.Namespace) -> int:
    from evaluation import sweep

    return sweep.main(args=args)


def run_retrieval_eval(args: argparse.Namespace) -> int:
    from evaluation.retrieval import main

    argv = ["--languages", args.languages]
    if args.json:
        argv.append("--json")
    if args.limit:
        argv += ["--limit", str(args.limit)]
    return main(argv)
