"""`python -m bench draft_eval`: runs evaluation/drafts.py (`triage eval drafts`)."""

from __future__ import annotations

from bench.common import run_benchmark
from evaluation.drafts import main

if __name__ == "__main__":
    raise SystemExit(run_benchmark("draft_eval", main))
