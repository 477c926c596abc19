"""`triage run`: the main job on embedded defaults (grows with each part of the pipeline)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "run",
        help="run the pipeline locally against the local stand-ins",
        description="Start the local stand-ins and run poll cycles until the inbox is done.",
    )
    parser.add_argument("--once", action="store_true", help="run a single poll cycle")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("pipeline not wired yet")
