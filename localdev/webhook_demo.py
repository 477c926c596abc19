"""`triage run --webhooks`: after the seed inbox is done, new emails arrive and HubSpot's
webhooks (the emulator's signed calls) start the poll at once; the timer never fires."""

from __future__ import annotations

import sys
import time
from typing import Any

from localdev.http_gateway import run_host_until

DEMO_EMAILS = (
    ("How far can I ride on one charge?", "Hi, what range does the city e-bike battery have?"),
    ("Order not arrived", "Hello, my order was due last week and has not arrived. Where is it?"),
    ("Warranty on the frame", "Hi, how long is the warranty on the frame of my bike?"),
)


def show_webhooks(stack: Any, timeout: float = 120) -> list[dict[str, Any]]:
    """Inject the demo emails one by one; return each one's seconds to its draft comment.
    Right after the seed inbox's burst, the first may wait for HubSpot's rate-limit window
    (the client paces itself to HUBSPOT_RATE_LIMIT_PER_10S)."""
    rows: list[dict[str, Any]] = []
    for number, (subject, text) in enumerate(DEMO_EMAILS):
        started = time.perf_counter()
        thread = stack.emulator.inject_email(
            from_email=f"webhook.demo{number}@mailbox.example", subject=subject, text=text
        )["threadId"]

        def drafted(thread_id: str = thread) -> bool:
            return thread_id in stack.emulator.stats()["comment_posts_by_thread"]

        done = run_host_until(stack.host, drafted, timeout=timeout, timer_every=None)
        seconds = round(time.perf_counter() - started, 2)
        rows.append({"thread_id": thread, "subject": subject, "drafted": done, "seconds": seconds})
        state = f"drafted in {seconds} s" if done else f"not drafted after {timeout:.0f} s"
        print(f"  webhook: new email on thread {thread}: {state}", file=sys.stderr, flush=True)
    return rows
