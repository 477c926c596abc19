"""The pipeline end to end: the production function_app on the local Durable host, over
Azurite, the HubSpot emulator over HTTP, embedded Qdrant with the sample knowledge base.

The invariant everywhere: every inbound email ends in a final ledger state, and a thread gets
exactly one comment (or ticket note) where a draft was due and none where it was not.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hubspot.inbox_client import ALL_TIME
from ledger.models import FINAL_STATES
from localdev.durable_host import FaultInjection
from localdev.stack import LocalStack
from pipeline.services import ledger
from tests.stack_helpers import poll_until_quiet

pytestmark = pytest.mark.slow


def make_stack(tmp_path: Path, **kwargs: Any) -> LocalStack:
    settings = {"POLL_OVERLAP_SECONDS": "60", **kwargs.pop("settings", {})}
    return LocalStack(
        data_dir=tmp_path, persist_ledger=kwargs.pop("persist", False), settings=settings, **kwargs
    )


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[LocalStack]:
    with make_stack(tmp_path) as running:
        running.ingest_sample_kb()
        yield running


def inbound_email_ids(stack: LocalStack) -> dict[str, str]:
    """message id → thread id for every inbound email the emulator holds."""
    from pipeline.mapping import is_inbound_email
    from pipeline.services import hubspot

    client = hubspot()
    found = {}
    for inbox in client.list_inboxes():
        for thread in client.iter_threads(inbox.id, ALL_TIME):
            for message in client.list_messages(thread.id):
                if is_inbound_email(message):
                    found[message.id] = thread.id
    return found


def assert_exactly_once(stack: LocalStack) -> dict[str, Any]:
    assert stack.emulator is not None
    records = {r.message_id: r for r in ledger().all_records()}
    emails = inbound_email_ids(stack)
    not_final = {
        m: records[m].state if m in records else None
        for m in emails
        if m not in records or records[m].state not in FINAL_STATES
    }
    assert not_final == {}, f"emails without a final state: {not_final}"
    stats = stack.emulator.stats()
    posts: dict[str, int] = stats["comment_posts_by_thread"]
    assert all(count == 1 for count in posts.values()), posts
    posted = [r for r in records.values() if r.state == "posted"]
    via_comment = {r.thread_id for r in posted if r.posted_via == "comment"}
    assert set(posts) == via_comment  # a comment where due, none where not
    assert stats["notes_created"] == len([r for r in posted if r.posted_via == "note"])
    return {"records": records, "stats": stats}


def test_seed_inbox_gets_one_draft_per_due_email_and_none_elsewhere(stack: LocalStack) -> None:
    outcomes = poll_until_quiet(stack)
    result = assert_exactly_once(stack)
    records = result["records"]
    reasons = {
        r.skip_reason or r.reason.split(":")[0] for r in records.values() if r.state == "skipped"
    }
    assert {
        "out_of_office",
        "bounce",
        "spam_flagged",
        "spam_content",
        "agent_already_replied",
        "from_team",
        "empty",
        "superseded",
    } <= reasons
    assert any(r.posted_via == "note" for r in records.values())  # the HELP_DESK inbox
    assert outcomes["posted"] >= 25
    # A second round finds nothing new and posts nothing.
    before = stack.emulator.stats()["comment_posts_by_thread"]  # type: ignore[union-attr]
    assert [d for d in poll_until_quiet(stack) if d != "not_claimed"] == []
    assert stack.emulator.stats()["comment_posts_by_thread"] == before  # type: ignore[union-attr]


def test_exactly_once_under_lost_results_429_storm_and_5xx(tmp_path: Path) -> None:
    faults = FaultInjection(lost_result_fraction=0.10, seed=11)
    with make_stack(tmp_path, faults=faults) as stack:
        stack.ingest_sample_kb()
        assert stack.emulator is not None
        stack.emulator.set_faults(rate_429_fraction=0.3, error_5xx_fraction=0.1, seed=5)
        poll_until_quiet(stack, max_cycles=20)
        assert stack.host is not None and stack.host.stats.activity_results_lost > 5
        assert_exactly_once(stack)


def test_two_polls_at_once_and_mail_arriving_during_a_run(stack: LocalStack) -> None:
    assert stack.host is not None and stack.emulator is not None
    emulator = stack.emulator
    # The singleton: a second timer firing while the first poll is pending is skipped, and
    # the manual endpoint answers 409.
    stack.host.fire_timer("poll_timer")
    stack.host.fire_timer("poll_timer")
    assert stack.host.call_http("POST", "/api/poll").status_code == 409
    assert [i for i in stack.host.instances if not i.startswith("poller-")] == ["poller"]
    # A second poll under another id (a broken lock) still cannot double-draft: claims.
    import asyncio

    from core.contracts import PollInput

    asyncio.run(stack.host.client().start_new("poll", "rogue-poll", PollInput().to_json()))
    arrived = threading.Event()

    def new_mail(_: Any) -> None:
        if not arrived.is_set():
            arrived.set()
            emulator.inject_email(
                from_email="late@example.com",
                from_name="Late Customer",
                subject="Where is my order?",
                text="Hi, my order NB-5555 has not arrived yet. When will it?",
            )

    # Triage runs inside load_thread: the mail lands while the run works on threads.
    stack.host.before_activity["load_thread"] = new_mail
    stack.host.run_until_idle(timeout=600)
    poll_until_quiet(stack)
    assert arrived.is_set()
    result = assert_exactly_once(stack)
    late = [r for r in result["records"].values() if r.subject == "Where is my order?"]
    assert len(late) == 1 and late[0].state == "posted"


def test_same_timestamps_across_a_page_boundary(stack: LocalStack) -> None:
    assert stack.emulator is not None
    poll_until_quiet(stack)
    stack.emulator.bulk(130, same_timestamp=True)  # more than one page of 100 threads
    poll_until_quiet(stack, max_cycles=6)
    result = assert_exactly_once(stack)
    assert len(result["records"]) >= 130


def test_a_restart_mid_run_loses_nothing_and_repeats_nothing(tmp_path: Path) -> None:
    settings = {"CLAIM_LEASE_SECONDS": "1"}
    with make_stack(tmp_path, persist=True, settings=settings) as stack:
        stack.ingest_sample_kb()
        assert stack.host is not None
        stack.host.fire_timer("poll_timer")
        stack.host.run_until_idle(timeout=600, stop_after_activities=60)  # the crash
        stack.restart_host()  # host and Azurite restart; the ledger is read back from disk
        partial = [r for r in ledger().all_records() if r.state not in FINAL_STATES]
        assert partial, "the crash should leave claimed emails behind"
        import time

        time.sleep(1.2)  # the dead run's claims expire
        poll_until_quiet(stack)
        assert_exactly_once(stack)


def test_bad_input_is_recorded_and_nothing_else_stops(stack: LocalStack) -> None:
    assert stack.host is not None and stack.emulator is not None
    emulator = stack.emulator
    keys = emulator.thread_keys()
    victim = next(iter(keys.values()))
    deleted: list[str] = []

    def delete_mid_run(payload: dict[str, Any]) -> None:
        if payload["thread_id"] == victim and not deleted:
            emulator.delete_thread(victim)
            deleted.append(victim)

    stack.host.before_activity["draft_and_post"] = delete_mid_run
    poll_until_quiet(stack)
    records = ledger().all_records()
    gone = [r for r in records if r.thread_id == victim and r.state != "posted"]
    assert deleted and gone and all(r.state == "skipped" for r in gone)
    assert all("thread_gone" in r.reason for r in gone if r.reason.startswith("post_comment"))
    assert sum(r.state == "posted" for r in records) >= 25  # everything else went on


def test_a_backlog_inside_the_overlap_window_is_worked_through(tmp_path: Path) -> None:
    # Every email within a second, far inside the overlap window, and three times more than
    # one run takes: each run must pick threads not yet done, not the same ones again.
    settings = {"POLL_MAX_THREADS_PER_RUN": "20", "POLL_OVERLAP_SECONDS": "300"}
    with make_stack(tmp_path, seed="empty", settings=settings) as stack:
        stack.ingest_sample_kb()
        assert stack.emulator is not None
        stack.emulator.bulk(60)
        cycles = 0
        while True:
            cycles += 1
            summary = stack.poll_once()
            if summary["backlog"] == 0:
                break
            assert cycles < 6, "the backlog is not shrinking"
        assert cycles == 3  # 60 threads, 20 per run
        assert_exactly_once(stack)
        assert len(ledger().all_records()) == 60


def test_a_failed_email_is_reported_and_an_operator_retry_drafts_it_once(
    stack: LocalStack,
) -> None:
    import json

    assert stack.host is not None and stack.emulator is not None
    victim = stack.emulator.thread_keys()["prompt-injection"]
    broken = {"on": True}

    def hubspot_down_for_victim(payload: dict[str, Any]) -> None:
        if broken["on"] and payload["thread_id"] == victim:
            raise ConnectionError("HubSpot unreachable (injected)")

    stack.host.before_activity["draft_and_post"] = hubspot_down_for_victim
    poll_until_quiet(stack)
    failed = [r for r in ledger().all_records() if r.thread_id == victim and r.state == "failed"]
    assert len(failed) == 1 and "HubSpot unreachable" in failed[0].reason
    status = json.loads(stack.host.call_http("GET", "/api/status").get_body())
    assert status["counts_last_24h"]["failed"] == 1
    assert status["recent_failures"][0]["message_id"] == failed[0].message_id

    broken["on"] = False
    message_id = failed[0].message_id
    assert stack.host.call_http("POST", f"/api/messages/{message_id}/retry").status_code == 202
    assert stack.host.call_http("POST", "/api/messages/nope/retry").status_code == 404
    poll_until_quiet(stack)
    record = ledger().get(message_id)
    assert record is not None and record.state == "posted" and record.attempts == 2
    assert_exactly_once(stack)
    assert stack.host.call_http("POST", f"/api/messages/{message_id}/retry").status_code == 409


def test_a_retry_after_a_failed_post_reuses_the_draft_and_posts_once(
    stack: LocalStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # draft_and_post drafts, then its POST fails once (the network, after the draft was
    # stored): the activity's retry must post the stored draft, not pay for a second one.
    from pipeline import drafting, posting

    drafted: Counter[str] = Counter()
    failed: list[str] = []
    real_draft, real_post = drafting.retrieve_and_draft, posting.post

    def counting_draft(triage: dict[str, Any], message_id: str, subject: str = "") -> Any:
        drafted[message_id] += 1
        return real_draft(triage, message_id, subject)

    def post_fails_once(payload: dict[str, Any]) -> dict[str, Any]:
        if not failed:
            failed.append(str(payload["message_id"]))
            raise ConnectionError("connection reset after drafting (injected)")
        return real_post(payload)

    monkeypatch.setattr(drafting, "retrieve_and_draft", counting_draft)
    monkeypatch.setattr(posting, "post", post_fails_once)
    poll_until_quiet(stack)
    (victim,) = failed
    record = ledger().get(victim)
    assert record is not None and record.state == "posted"
    assert drafted[victim] == 1 and set(drafted.values()) == {1}
    assert_exactly_once(stack)
