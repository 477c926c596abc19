"""`python -m bench draft_eval`: runs evaluation/drafts.py (`triage eval drafts`)."""

from __future__ import annotations

import sys

from evaluation.drafts import main

if __name__ == "__main__":
    sys.exit(main())
