"""Shared bits for benchmarks: the machine line, tables and JSON output, and how a
benchmark's main is run (one line for a dependency that does not answer)."""

from __future__ import annotations

import json
import os
import platform
import resource
import sys
from collections.abc import Callable, Sequence
from typing import Any

UNREACHABLE_EXIT = 4  # as the triage CLI: the ledger, Qdrant, HubSpot or the model


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[str(c) for c in headers]] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    print(title)
    for index, row in enumerate(cells):
        print("  " + "  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
        if index == 0:
            print("  " + "  ".join("-" * w for w in widths))


def print_json(payload: dict[str, Any]) -> None:
    print(json.dumps(payload, indent=2, default=str))


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def run_benchmark(
    name: str, main: Callable[[list[str] | None], int], argv: Sequence[str] | None = None
) -> int:
    """``main(argv)``; a dependency that does not answer is one line on stderr naming the
    setting and its address (core.unreachable) and exit code 4, not a traceback. Used by
    `python -m bench` for each benchmark and by each `python -m bench.<name>`."""
    from core.unreachable import explain, settings_from_environment

    try:
        return main(None if argv is None else list(argv))
    except Exception as exc:
        found = explain(exc, settings_from_environment())
        if found is None:
            raise
        print(f"bench {name}: {found.line()}", file=sys.stderr, flush=True)
        return UNREACHABLE_EXIT
