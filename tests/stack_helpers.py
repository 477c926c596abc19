"""Helpers shared by the tests that drive the whole local stack."""

from __future__ import annotations

from collections import Counter

from localdev.stack import LocalStack


def poll_until_quiet(stack: LocalStack, max_cycles: int = 12) -> Counter[str]:
    """Poll until a cycle decides nothing; the emails decided, by decision (the poll's
    summary counts every email; its list of outcomes is capped)."""
    decided: Counter[str] = Counter()
    for _ in range(max_cycles):
        summary = stack.poll_once()
        counts = Counter(summary.get("counts", {}))
        decided += counts
        if summary["backlog"] == 0 and not [d for d in counts if d != "not_claimed"]:
            return decided
    raise AssertionError(f"inbox not done after {max_cycles} cycles")
