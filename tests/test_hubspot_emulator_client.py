"""InboxClient against the local HubSpot emulator over HTTP (real SDK request builder,
real paging, real error bodies, injected faults)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hubspot.errors import HubSpotAuthError, HubSpotScopeError, ThreadGone
from hubspot.inbox_client import ALL_TIME, InboxClient
from hubspot.markers import find_marker
from hubspot.rendering import CommentContent, RenderedComment, Source, render_comment
from localdev.hubspot_emulator import EmulatorServer
from tests import emulator_fixtures, hubspot_fixtures
from tests.hubspot_fixtures import FakeClock

# Fixtures bound as module names (an assignment does not trip ruff's F811).
fake_clock = hubspot_fixtures.fake_clock
hubspot_emulator = emulator_fixtures.hubspot_emulator
fresh_emulator = emulator_fixtures.fresh_emulator


def client_for(server: EmulatorServer, clock: FakeClock, token: str | None = None) -> InboxClient:
    # The fake clock makes Retry-After and backoff free: the emulator's faults are random
    # draws, not time-based, so waiting for real would only slow the test down.
    return InboxClient(
        token or server.token,
        server.base_url,
        sleep=clock.sleep,
        clock=clock,
        timeout_seconds=10,
        max_retry_seconds=600,
    )


def rendered_for(message_id: str) -> RenderedComment:
    return render_comment(
        CommentContent(
            answers_message_id=message_id,
            body="Thanks for writing.\n\n- Delivery takes 3-5 days\n- Tracking: https://t.example/1",
            triage_line="en / delivery",
            sources=[Source(number=1, title="Delivery times", url="https://kb.example/d")],
            confidence=0.8,
            drafter="extractive",
        )
    )


def test_inboxes_threads_and_paging(fresh_emulator: EmulatorServer, fake_clock: FakeClock) -> None:
    client = client_for(fresh_emulator, fake_clock)
    inboxes = {i.id: i for i in client.list_inboxes()}
    assert {i.type for i in inboxes.values()} == {"INBOX", "HELP_DESK"}
    support = next(i for i in inboxes.values() if i.type == "INBOX")
    paged = list(client.iter_threads(support.id, ALL_TIME, page_size=5))
    whole = list(client.iter_threads(support.id, ALL_TIME, page_size=500))
    assert len(paged) > 5
    assert [t.id for t in paged] == [t.id for t in whole]
    assert len({t.id for t in paged}) == len(paged)
    stamps = [t.latest_message_timestamp for t in paged if t.latest_message_timestamp]
    assert stamps == sorted(stamps)
    # `after` keeps only threads whose latest message is strictly newer.
    cut = stamps[len(stamps) // 2]
    newer = list(client.iter_threads(support.id, cut))
    assert newer and all(
        t.latest_message_timestamp and t.latest_message_timestamp > cut for t in newer
    )
    assert len(newer) < len(paged)


def test_messages_and_original_content(
    fresh_emulator: EmulatorServer, fake_clock: FakeClock
) -> None:
    long_text = "Please help. " + "The bike makes a noise. " * 200
    injected = fresh_emulator.inject_email(
        from_email="kim@example.com", subject="Noise", text=long_text
    )
    fresh_emulator.agent_reply(injected["threadId"], "We are looking into it.")
    client = client_for(fresh_emulator, fake_clock)
    messages = client.list_messages(injected["threadId"])
    assert messages[0].id == injected["messageId"]
    assert messages[0].is_inbound_email and messages[0].is_truncated
    assert messages[0].senders[0].email == "kim@example.com"
    assert messages[-1].direction == "OUTGOING"
    full = client.get_original_content(injected["threadId"], injected["messageId"])
    assert full.text == long_text


def test_post_draft_is_idempotent(fresh_emulator: EmulatorServer, fake_clock: FakeClock) -> None:
    injected = fresh_emulator.inject_email(from_email="a@example.com", text="Where is my bike?")
    thread_id, message_id = injected["threadId"], injected["messageId"]
    client = client_for(fresh_emulator, fake_clock)
    rendered = rendered_for(message_id)
    first = client.post_draft(thread_id, message_id, rendered, None)
    second = client.post_draft(thread_id, message_id, rendered, None)
    assert first.via == "comment" and not first.already_present
    assert second.already_present and second.comment_id == first.comment_id
    assert fresh_emulator.stats()["comment_posts_by_thread"] == {thread_id: 1}
    found = find_marker(client.list_messages(thread_id), message_id)
    assert found is not None and found.id == first.comment_id


def test_help_desk_thread_gets_a_ticket_note(
    fresh_emulator: EmulatorServer, fake_clock: FakeClock
) -> None:
    client = client_for(fresh_emulator, fake_clock)
    desk = next(i for i in client.list_inboxes() if i.is_help_desk)
    thread = next(iter(client.iter_threads(desk.id, ALL_TIME)))
    message = next(m for m in client.list_messages(thread.id) if m.is_inbound_email)
    rendered = rendered_for(message.id)
    posted = client.post_draft(thread.id, message.id, rendered, thread.ticket_id)
    assert posted.via == "note" and not posted.already_present
    stats = fresh_emulator.stats()
    assert stats["notes_created"] == 1
    assert stats["comment_posts_by_thread"] == {}


def test_expired_and_read_only_tokens(
    fresh_emulator: EmulatorServer, fake_clock: FakeClock
) -> None:
    with pytest.raises(HubSpotAuthError, match="EXPIRED_AUTHENTICATION"):
        client_for(fresh_emulator, fake_clock, token="expired-token").list_inboxes()
    read_only = client_for(fresh_emulator, fake_clock, token="read-only-token")
    thread = next(iter(read_only.iter_threads(read_only.list_inboxes()[0].id, ALL_TIME)))
    with pytest.raises(HubSpotScopeError, match=r"conversations\.write"):
        read_only.post_comment(thread.id, "x", "<p>x</p>")


def test_deleted_thread_is_thread_gone(
    fresh_emulator: EmulatorServer, fake_clock: FakeClock
) -> None:
    injected = fresh_emulator.inject_email(from_email="b@example.com", text="hello")
    fresh_emulator.delete_thread(injected["threadId"])
    client = client_for(fresh_emulator, fake_clock)
    with pytest.raises(ThreadGone):
        client.get_thread(injected["threadId"])
    with pytest.raises(ThreadGone):
        client.list_messages(injected["threadId"])


def test_faults_still_post_each_draft_exactly_once(
    fresh_emulator: EmulatorServer, fake_clock: FakeClock
) -> None:
    injected = [
        fresh_emulator.inject_email(from_email=f"c{i}@example.com", text=f"question {i}")
        for i in range(6)
    ]
    fresh_emulator.set_faults(
        rate_429_fraction=0.3, error_5xx_fraction=0.1, drop_fraction=0.05, seed=7
    )
    client = client_for(fresh_emulator, fake_clock)
    for item in injected:
        rendered = rendered_for(item["messageId"])
        for _ in range(2):  # the second call is an activity re-run
            client.post_draft(item["threadId"], item["messageId"], rendered, None)
    fresh_emulator.clear_faults()
    posts = fresh_emulator.stats()["comment_posts_by_thread"]
    assert posts == {item["threadId"]: 1 for item in injected}
    assert client.stats.retries > 0
    assert sum(fake_clock.sleeps) < timedelta(minutes=10).total_seconds()


@pytest.mark.slow
def test_client_throttles_itself_to_the_servers_limit(fresh_emulator: EmulatorServer) -> None:
    """Real time (about 15 s): the emulator allows 5 requests per 10 s; the client, set for
    100, learns the limit from the X-HubSpot-RateLimit-Max header and never gets a 429."""
    # A token of its own: the emulator counts per token, so earlier tests' requests on the
    # main token in the last 10 s cannot eat into this window.
    token = "throttle-test-token"
    fresh_emulator.admin("POST", "/_emulator/tokens", {"token": token})
    fresh_emulator.set_faults(rate_limit_per_10s=5)
    try:
        client = InboxClient(token, fresh_emulator.base_url, timeout_seconds=10)
        for _ in range(9):
            client.list_inboxes()
    finally:
        fresh_emulator.clear_faults()
    assert client.stats.statuses == {"200": 9}
    assert client.limiter.budget == 4
    assert client.stats.rate_limit_waits >= 1


def test_post_without_the_first_check_saves_a_call_and_still_never_duplicates(
    fresh_emulator: EmulatorServer, fake_clock: FakeClock
) -> None:
    client = client_for(fresh_emulator, fake_clock)
    thread = fresh_emulator.inject_email(
        from_email="c@example.com", from_name="C", subject="Delivery", text="When?"
    )
    rendered = rendered_for(thread["messageId"])
    before = client.stats.calls
    first = client.post_draft(
        thread["threadId"], thread["messageId"], rendered, None, check_existing=False
    )
    assert client.stats.calls - before == 1  # the POST alone
    # A re-run (the ledger says a POST may have happened) checks and finds it.
    again = client.post_draft(thread["threadId"], thread["messageId"], rendered, None)
    assert again.already_present and again.comment_id == first.comment_id
    assert fresh_emulator.stats()["comment_posts_by_thread"] == {thread["threadId"]: 1}
