"""`python -m bench retrieval_eval`: runs evaluation/retrieval.py (`triage eval retrieval`)."""

from __future__ import annotations

from bench.common import run_benchmark
from evaluation.retrieval import main

if __name__ == "__main__":
    raise SystemExit(run_benchmark("retrieval_eval", main))
