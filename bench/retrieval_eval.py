"""`python -m bench retrieval_eval`: runs evaluation/retrieval.py (`triage eval retrieval`)."""

from __future__ import annotations

import sys

from evaluation.retrieval import main

if __name__ == "__main__":
    sys.exit(main())
