"""The retrieval evaluation's plumbing (with a cheap embedder) and the `triage eval` parser."""

from __future__ import annotations

import argparse

from evaluation.retrieval import VARIANTS, evaluate_language, format_table
from localdev.commands import eval as eval_command
from tests.rag_fixtures import HashingEmbedder


def test_evaluation_scores_every_variant_on_the_faq() -> None:
    block = evaluate_language("sv", HashingEmbedder(dimension=128), limit=40)
    assert block["documents"] == 503 and block["queries"] == 40
    assert set(block["modes"]) == set(VARIANTS)
    sparse = block["modes"]["sparse"]
    # keyword search finds the matching answer for a fair share of the questions
    assert 0.3 < sparse["recall@5"] <= 1.0
    assert sparse["recall@1"] <= sparse["recall@5"]
    assert sparse["recall@1"] <= sparse["mrr@10"] <= 1.0
    report = {
        "dataset": "d",
        "embedder": "e",
        "machine": "m",
        "command": "c",
        "indexed": "category label + answer",
        "cache": {"hits": 0, "misses": 0},
        "results": [block],
    }
    table = format_table(report)
    assert "hybrid-2:1" in table and "sv" in table


def test_eval_command_parses_its_options() -> None:
    parser = argparse.ArgumentParser(prog="triage")
    eval_command.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["eval", "retrieval", "--json", "--limit", "7"])
    assert args.json and args.limit == 7 and args.func is eval_command.run_retrieval_eval
