"""Pathological emails through triage: time and peak memory per case, on one core.

    python -m bench.pathological [--shapes a,b] [--timeout 20] [--json]

Each shape (bench/pathological_cases.py) runs at its full size and at a quarter of it, each
in a fresh subprocess pinned to one core (so a runaway regex cannot hide behind a second
core, and memory is that one email's). The subprocess warms triage up on a normal email
first, then triages the case once and reports the wall time, its peak RSS (getrusage's
ru_maxrss: the whole process, interpreter and models included) and the slowest step (each
step of triage.pipeline wrapped with a timer). "growth" is time(full) / time(quarter)
divided by the size ratio 4: about 1 or less means linear or better; well above 1 means a
step grows faster than its input. A case past --timeout is killed and shown as such.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from bench.common import machine, peak_rss_mib, print_json, print_table, run_benchmark

TARGET_SECONDS = 1.0
TARGET_MIB = 300.0
SIZE_RATIO = 4
_STEPS = (
    "clean_body",
    "detect_language",
    "must_not_answer",
    "truncate_middle",
    "redact",
    "injection_flags",
    "screen_email",
    "refine_nordic",
    "needs_person",
    "redact_subject",
    "_classify",
    "_earlier_customer_texts",
)


def _timed_steps(module: Any, times: dict[str, float]) -> None:
    for name in _STEPS:
        original = getattr(module, name, None)
        if original is None:
            continue

        def wrapper(
            *args: Any, _name: str = name, _original: Callable[..., Any] = original, **kw: Any
        ) -> Any:
            start = time.perf_counter()
            try:
                return _original(*args, **kw)
            finally:
                times[_name] = times.get(_name, 0.0) + time.perf_counter() - start

        setattr(module, name, wrapper)


def run_one(shape: str, size: int) -> dict[str, Any]:
    """Triage one case in this process (the subprocess side)."""
    import triage.pipeline as pipeline
    from bench.pathological_cases import build
    from triage.models import EmailMessage, ThreadContext, TriageConfig

    config = TriageConfig()
    warm = EmailMessage(message_id="w", text="Hello, where is my order 12345? Thanks, Anna")
    pipeline.triage_email(warm, ThreadContext(messages=[warm]), config)
    case = build(shape, size)
    baseline = peak_rss_mib()
    times: dict[str, float] = {}
    _timed_steps(pipeline, times)
    start = time.perf_counter()
    result = pipeline.triage_email(case.message, case.thread, config)
    seconds = time.perf_counter() - start
    slowest = max(times.items(), key=lambda kv: kv[1]) if times else ("", 0.0)
    return {
        "seconds": round(seconds, 4),
        "peak_mib": round(peak_rss_mib(), 1),
        "warm_mib": round(baseline, 1),
        "slowest_step": slowest[0],
        "slowest_step_seconds": round(slowest[1], 4),
        "error_note": next((n for n in result.notes if n.startswith("triage error")), ""),
    }


def _spawn(shape: str, size: int, timeout: float) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.pathological", "--one", shape, str(size)]
    if hasattr(os, "sched_setaffinity"):
        command = ["taskset", "-c", str(sorted(os.sched_getaffinity(0))[0]), *command]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "timed_out": True}
    if done.returncode != 0:
        return {"seconds": None, "failed": done.stderr.strip().splitlines()[-1:]}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.pathological",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--shapes", default="", help="comma-separated shapes (default: all)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per subprocess")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return 0

    from bench.pathological_cases import SHAPES

    names = [s for s in args.shapes.split(",") if s] or list(SHAPES)
    rows: list[list[Any]] = []
    records: list[dict[str, Any]] = []
    for name in names:
        full = SHAPES[name][1]
        small = _spawn(name, full // SIZE_RATIO, args.timeout)
        large = _spawn(name, full, args.timeout)
        growth = None
        if small.get("seconds") and large.get("seconds"):
            growth = round(large["seconds"] / max(small["seconds"], 1e-4) / SIZE_RATIO, 2)
        record = {"shape": name, "size": full, "quarter": small, "full": large, "growth": growth}
        records.append(record)
        rows.append(
            [
                name,
                full,
                _secs(small),
                _secs(large),
                "-" if growth is None else f"{growth:.2f}",
                large.get("peak_mib", "-"),
                f"{large.get('slowest_step', '')} {_secs(large, 'slowest_step_seconds')}",
            ]
        )
    finished = [r["full"] for r in records if r["full"].get("seconds") is not None]
    unfinished = [r["shape"] for r in records if r["full"].get("seconds") is None]
    worst_time: dict[str, Any] = max(finished, key=lambda r: r["seconds"], default={})
    worst_mem: dict[str, Any] = max(finished, key=lambda r: r.get("peak_mib", 0), default={})
    ok = (
        not unfinished
        and worst_time.get("seconds", 0) < TARGET_SECONDS
        and worst_mem.get("peak_mib", 0) < TARGET_MIB
    )
    summary = {
        "machine": machine(),
        "worst_seconds": worst_time.get("seconds"),
        "worst_seconds_shape": next((r["shape"] for r in records if r["full"] is worst_time), ""),
        "worst_peak_mib": worst_mem.get("peak_mib"),
        "worst_peak_shape": next((r["shape"] for r in records if r["full"] is worst_mem), ""),
        "timed_out_or_failed": unfinished,
        "meets_target": ok,
    }
    if args.json:
        print_json({"cases": records, "summary": summary})
        return 0
    print(f"machine: {machine()}; one core per case; timeout {args.timeout:.0f} s")
    print_table(
        "triage of pathological emails (seconds at 1/4 size and full size; peak RSS MiB)",
        ["shape", "chars", "t(1/4)", "t(full)", "growth", "peak MiB", "slowest step (s)"],
        rows,
    )
    print(
        f"worst time: {summary['worst_seconds']} s ({summary['worst_seconds_shape']}); "
        f"worst peak RSS: {summary['worst_peak_mib']} MiB ({summary['worst_peak_shape']}); "
        f"not finished: {', '.join(unfinished) or 'none'}; target <{TARGET_SECONDS:.0f} s and "
        f"<{TARGET_MIB:.0f} MiB: {'met' if ok else 'NOT met'}"
    )
    return 0


def _secs(record: dict[str, Any], key: str = "seconds") -> str:
    if record.get("timed_out"):
        return "timeout"
    if record.get("failed"):
        return "failed"
    value = record.get(key)
    return "-" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    raise SystemExit(run_benchmark("pathological", main))
