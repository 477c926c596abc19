"""Two simultaneous starts of the poller on the whole local stack: both report success (as
on the real host), and still every email gets exactly one draft."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from ledger.models import FINAL_STATES
from localdev.stack import LocalStack
from pipeline.services import ledger, settings
from pipeline.singleton import StartOutcome, start_poll_if_idle

pytestmark = pytest.mark.slow


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[LocalStack]:
    with LocalStack(
        data_dir=tmp_path, persist_ledger=False, settings={"POLL_OVERLAP_SECONDS": "60"}
    ) as running:
        running.ingest_sample_kb()
        yield running


def test_two_simultaneous_starts_both_succeed_and_nothing_is_drafted_twice(
    stack: LocalStack,
) -> None:
    assert stack.host is not None and stack.emulator is not None
    client = stack.host.client()

    async def two_at_once() -> list[StartOutcome]:
        return list(
            await asyncio.gather(
                start_poll_if_idle(client, settings(), reason="timer"),
                start_poll_if_idle(client, settings(), reason="manual"),
            )
        )

    outcomes = asyncio.run(two_at_once())
    assert [o.outcome for o in outcomes] == ["started", "started"]  # both report success
    stack.host.run_until_idle(timeout=600)
    for _ in range(12):  # then the timer, until a cycle finds nothing new
        if stack.poll_once()["backlog"] == 0:
            break
    records = {r.message_id: r for r in ledger().all_records()}
    assert records and all(r.state in FINAL_STATES for r in records.values())
    posts = stack.emulator.stats()["comment_posts_by_thread"]
    assert posts and all(count == 1 for count in posts.values()), posts
    by_comment = {
        r.thread_id for r in records.values() if r.state == "posted" and r.posted_via == "comment"
    }
    assert set(posts) == by_comment  # a comment where one was due, and only there
