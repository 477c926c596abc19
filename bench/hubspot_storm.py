"""HubSpot client under a fault storm: reads and idempotent draft posts against the emulator.

    python -m bench.hubspot_storm [--reads 60] [--posts 20] [--repeat 2] [--workers 4]
                                  [--rate-429 0.3] [--rate-5xx 0.1] [--drop 0.0] [--json]

Starts the local HubSpot emulator (a subprocess), injects --posts new emails (one thread
each), turns on the faults, then with one shared InboxClient on --workers threads:
  1. reads: --reads list_messages calls over the seeded threads;
  2. posts: post_draft on every injected thread, --repeat times each (a repeat stands for an
     activity re-run; it must find the first draft by its marker, not post again).
Then it turns faults off and checks through /_emulator/stats (and by re-reading each thread)
that every thread got exactly one comment. Real sleeps: Retry-After and backoff are waited.
Exit code 1 if any thread has other than one comment.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

from bench.common import machine, peak_rss_mib, print_json, print_table, run_benchmark
from hubspot.inbox_client import ALL_TIME, InboxClient
from hubspot.markers import find_marker
from hubspot.rendering import CommentContent, Source, render_comment
from hubspot.transport import ClientStats
from localdev.hubspot_emulator import EmulatorServer

COMMAND = "python -m bench.hubspot_storm"


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=60, help="list_messages calls")
    parser.add_argument("--posts", type=int, default=20, help="threads to post a draft on")
    parser.add_argument("--repeat", type=int, default=2, help="post_draft calls per thread")
    parser.add_argument("--workers", type=int, default=4, help="threads sharing one client")
    parser.add_argument("--rate-429", type=float, default=0.3, help="injected 429 fraction")
    parser.add_argument("--rate-5xx", type=float, default=0.1, help="injected 5xx fraction")
    parser.add_argument("--drop", type=float, default=0.0, help="dropped-connection fraction")
    parser.add_argument("--client-limit", type=int, default=100, help="client requests/10 s")
    parser.add_argument("--seed", type=int, default=11, help="fault draw seed")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser.parse_args(argv)


def _delta(before: ClientStats, after: ClientStats) -> dict[str, Any]:
    statuses = {
        key: after.statuses.get(key, 0) - before.statuses.get(key, 0) for key in after.statuses
    }
    return {
        "http_calls": after.calls - before.calls,
        "retries": after.retries - before.retries,
        "http_429": statuses.get("429", 0),
        "http_5xx": sum(v for k, v in statuses.items() if k.isdigit() and k.startswith("5")),
        "conn_errors": sum(v for k, v in statuses.items() if not k.isdigit()),
        "retry_wait_s": after.retry_wait_seconds - before.retry_wait_seconds,
        "limiter_wait_s": after.rate_limit_wait_seconds - before.rate_limit_wait_seconds,
    }


def _timed_rounds(
    name: str, client: InboxClient, workers: int, rounds: list[list[Callable[[], Any]]]
) -> dict[str, Any]:
    """Run each round's jobs on `workers` threads, the rounds one after another."""
    before = client.stats
    started = time.perf_counter()
    results: list[Any] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for jobs in rounds:
            results += list(pool.map(lambda job: job(), jobs))
    wall = time.perf_counter() - started
    operations = sum(len(jobs) for jobs in rounds)
    row = {"phase": name, "operations": operations, **_delta(before, client.stats)}
    row["wall_s"] = wall
    row["ops_per_s"] = operations / wall if wall else 0.0
    row["results"] = results
    return row


def run(args: argparse.Namespace) -> dict[str, Any]:
    with EmulatorServer(seed="default") as server:
        client = InboxClient(
            server.token,
            server.base_url,
            rate_limit_per_10s=args.client_limit,
            timeout_seconds=10,
            max_retry_seconds=300,
        )
        seeded = [
            t.id for inbox in client.list_inboxes() for t in client.iter_threads(inbox.id, ALL_TIME)
        ]
        targets = [
            server.inject_email(from_email=f"storm{i}@example.com", subject=f"Q{i}", text=f"q{i}")
            for i in range(args.posts)
        ]
        drafts = {
            t["threadId"]: render_comment(
                CommentContent(
                    answers_message_id=t["messageId"],
                    body="Thanks for your question.\n\n- Answer line\n- https://kb.example/a",
                    triage_line="en / question",
                    sources=[Source(number=1, title="KB", url="https://kb.example/a")],
                    confidence=0.6,
                    drafter="extractive",
                )
            )
            for t in targets
        }
        server.set_faults(
            rate_429_fraction=args.rate_429,
            error_5xx_fraction=args.rate_5xx,
            drop_fraction=args.drop,
            seed=args.seed,
        )
        reads: list[Callable[[], Any]] = [
            partial(client.list_messages, seeded[i % len(seeded)]) for i in range(args.reads)
        ]
        read_row = _timed_rounds("reads (list_messages)", client, args.workers, [reads])
        # Rounds run one after another: a repeat stands for a later activity re-run, and
        # the threads of one round are all distinct (the ledger keeps one poster per email).
        rounds: list[list[Callable[[], Any]]] = [
            [
                partial(
                    client.post_draft, t["threadId"], t["messageId"], drafts[t["threadId"]], None
                )
                for t in targets
            ]
            for _ in range(args.repeat)
        ]
        post_row = _timed_rounds("posts (post_draft)", client, args.workers, rounds)
        server.clear_faults()
        stats = server.stats()
        per_thread = stats["comment_posts_by_thread"]
        wrong = {t["threadId"]: per_thread.get(t["threadId"], 0) for t in targets}
        wrong = {tid: n for tid, n in wrong.items() if n != 1}
        markers_found = sum(
            1
            for t in targets
            if find_marker(client.list_messages(t["threadId"]), t["messageId"]) is not None
        )
        created = sum(1 for r in post_row["results"] if not r.already_present)
        for row in (read_row, post_row):
            row.pop("results")
        client.close()
    return {
        "machine": machine(),
        "command": COMMAND,
        "sizes": {
            "reads": args.reads,
            "posts": args.posts,
            "repeat": args.repeat,
            "workers": args.workers,
            "rate_429": args.rate_429,
            "rate_5xx": args.rate_5xx,
            "drop": args.drop,
            "client_limit_per_10s": args.client_limit,
        },
        "phases": [read_row, post_row],
        "emulator_total_requests": stats["total_requests"],
        "threads_with_exactly_one_comment": args.posts - len(wrong),
        "threads_wrong": wrong,
        "drafts_created": created,
        "markers_found": markers_found,
        "peak_rss_mib": peak_rss_mib(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _parse(argv)
    result = run(args)
    if args.json:
        print_json(result)
    else:
        headers = [
            *("phase", "ops", "HTTP calls", "retries", "429", "5xx", "conn err"),
            *("retry wait s", "limiter wait s", "wall s", "ops/s"),
        ]
        keys = (
            *("phase", "operations", "http_calls", "retries", "http_429", "http_5xx"),
            *("conn_errors", "retry_wait_s", "limiter_wait_s", "wall_s", "ops_per_s"),
        )
        rows = [[p[key] for key in keys] for p in result["phases"]]
        sizes = ", ".join(f"{k}={v}" for k, v in result["sizes"].items())
        print_table(f"HubSpot client fault storm ({result['machine']}; {sizes})", headers, rows)
        print(
            f"  exactly one comment on {result['threads_with_exactly_one_comment']}/"
            f"{args.posts} threads; drafts created {result['drafts_created']}, markers found "
            f"{result['markers_found']}; emulator saw {result['emulator_total_requests']} "
            f"requests; peak RSS {result['peak_rss_mib']:.0f} MiB"
        )
        print(f"  command: {' '.join([COMMAND, *argv])}")
    return 0 if not result["threads_wrong"] and result["drafts_created"] == args.posts else 1


if __name__ == "__main__":
    raise SystemExit(run_benchmark("hubspot_storm", main))
