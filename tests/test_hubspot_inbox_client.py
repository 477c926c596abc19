"""InboxClient over real HTTP against a tiny scripted server: shapes, errors, retries,
and the idempotent draft post (including a response lost after the comment was created)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest

from hubspot.errors import (
    HubSpotAuthError,
    HubSpotScopeError,
    HubSpotUnavailable,
    HubSpotValidationError,
    ThreadGone,
)
from hubspot.inbox_client import InboxClient
from hubspot.markers import find_marker
from hubspot.ratelimit import DailyLimitExhausted
from hubspot.rendering import CommentContent, RenderedComment, render_comment
from tests import hubspot_fixtures
from tests.hubspot_fixtures import FakeClock, FakeHubSpot, Scripted, make_client

# Fixtures bound as module names (an assignment does not trip ruff's F811).
fake_clock = hubspot_fixtures.fake_clock
fake_hubspot = hubspot_fixtures.fake_hubspot

RATE_LIMIT_BODY = {
    "status": "error",
    "errorType": "RATE_LIMIT",
    "policyName": "TEN_SECONDLY_ROLLING",
    "correlationId": "c-429",
}


def draft_for(message_id: str) -> RenderedComment:
    return render_comment(
        CommentContent(
            answers_message_id=message_id,
            body="Hello, your order ships tomorrow.",
            triage_line="en / delivery / normal",
            confidence=0.7,
            drafter="extractive",
        )
    )


def test_list_messages_follows_paging_and_sorts_oldest_first(
    fake_hubspot: FakeHubSpot, fake_clock: FakeClock
) -> None:
    client = make_client(fake_hubspot.url, fake_clock)
    messages = client.list_messages("1")
    assert [m.id for m in messages] == ["m1", "m2", "m3", "m4", "m5"]
    assert messages[0].senders[0].email == "ann@example.com"
    pages = [s for s in fake_hubspot.seen if s.path.endswith("/threads/1/messages")]
    assert len(pages) == 3  # 5 messages, pages of 2
    assert pages[1].query["after"] == ["2"]


def test_requests_carry_bearer_token_and_thread_query(
    fake_hubspot: FakeHubSpot, fake_clock: FakeClock
) -> None:
    client = make_client(fake_hubspot.url, fake_clock)
    after = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    threads = list(client.iter_threads("10", after, page_size=50))
    assert [t.id for t in threads] == ["1"]
    seen = fake_hubspot.seen[-1]
    assert seen.headers["Authorization"] == "Bearer test-token"
    assert seen.query["sort"] == ["latestMessageTimestamp"]
    assert seen.query["latestMessageTimestampAfter"] == ["2026-11-20T09:30:00.000Z"]
    assert seen.query["association"] == ["TICKET"]
    assert seen.query["inboxId"] == ["10"]
    assert seen.query["limit"] == ["50"]


def test_naive_after_is_refused(fake_hubspot: FakeHubSpot, fake_clock: FakeClock) -> None:
    client = make_client(fake_hubspot.url, fake_clock)
    with pytest.raises(ValueError, match="timezone-aware"):
        list(client.iter_threads("10", datetime(2026, 1, 1)))


def test_429_honours_retry_after(fake_hubspot: FakeHubSpot, fake_clock: FakeClock) -> None:
    fake_hubspot.add_script(
        Scripted("GET", "/inboxes", 429, RATE_LIMIT_BODY, headers={"Retry-After": "7"})
    )
    client = make_client(fake_hubspot.url, fake_clock)
    inboxes = client.list_inboxes()
    assert [i.id for i in inboxes] == ["10", "20"]
    assert 7.0 in fake_clock.sleeps
    assert client.stats.retries == 1
    assert client.stats.calls == 2
    assert client.stats.statuses == {"429": 1, "200": 1}


def test_5xx_backs_off_exponentially_then_succeeds(
    fake_hubspot: FakeHubSpot, fake_clock: FakeClock
) -> None:
    fake_hubspot.add_script(
        Scripted("GET", "/threads/1", 503, {"status": "error"}),
        Scripted("GET", "/threads/1", 502, None),
        Scripted("GET", "/threads/1", 504, None),
    )
    client = make_client(fake_hubspot.url, fake_clock)
    assert client.get_thread("1").inbox_id == "10"
    # jitter fixed at 0.5: delays are 3/4 of 0.5, 1, 2 seconds.
    assert fake_clock.sleeps == [0.375, 0.75, 1.5]


def test_retries_stop_after_max_retry_seconds(
    fake_hubspot: FakeHubSpot, fake_clock: FakeClock
) -> None:
    fake_hubspot.add_script(*[Scripted("GET", "/inboxes", 503, None) for _ in range(20)])
    client = make_client(fake_hubspot.url, fake_clock, max_retry_seconds=5)
    with pytest.raises(HubSpotUnavailable, match="list inboxes") as caught:
        client.list_inboxes()
    assert caught.value.attempts >= 3
    assert sum(fake_clock.sleeps) <= 5


def test_timeout_is_applied_and_retried(fake_hubspot: FakeHubSpot, fake_clock: FakeClock) -> None:
    fake_hubspot.add_script(Scripted("GET", "/inboxes", 200, {"results": []}, delay_seconds=2))
    client = make_client(fake_hubspot.url, fake_clock, timeout_seconds=0.3)
    assert len(client.list_inboxes()) == 2  # the slow answer was abandoned and retried
    assert client.stats.statuses.get("ReadTimeout") == 1


def test_401_names_the_setting(fake_hubspot: FakeHubSpot, fake_clock: FakeClock) -> None:
    client = make_client(fake_hubspot.url, fake_clock, token="wrong")
    with pytest.raises(HubSpotAuthError, match="HUBSPOT_ACCESS_TOKEN") as caught:
        client.list_inboxes()
    assert caught.value.status == 401
    assert "INVALID_AUTHENTICATION" in str(caught.value)
    assert client.stats.retries == 0


def test_403_names_the_missing_scope(fake_hubspot: FakeHubSpot, fake_clock: FakeClock) -> None:
    body = {
        "status": "error",
        "category": "MISSING_SCOPES",
        "message": "missing scopes",
        "context": {"requiredGranularScopes": ["conversations.write"]},
    }
    fake_hubspot.add_script(Scripted("POST", "/threads/1/messages", 403, body))
    client = make_client(fake_hubspot.url, fake_clock)
    with pytest.raises(HubSpotScopeError, match=r"conversations\.write") as caught:
        client.post_comment("1", "hi", "<p>hi</p>")
    assert caught.value.missing_scopes == ["conversations.write"]


def test_404_on_a_thread_is_thread_gone(fake_hubspot: FakeHubSpot, fake_clock: FakeClock) -> None:
    client = make_client(fake_hubspot.url, fake_clock)
    with pytest.raises(ThreadGone) as caught:
        client.list_messages("404404")
    assert caught.value.thread_id == "404404"
    with pytest.raises(ThreadGone):
        client.get_thread("404404")


def test_post_draft_twice_posts_once(fake_hubspot: FakeHubSpot, fake_clock: FakeClock) -> None:
    client = make_client(fake_hubspot.url, fake_clock)
    first = client.post_draft("1", "m5", draft_for("m5"), None)
    second = client.post_draft("1", "m5", draft_for("m5"), None)
    assert (first.via, first.already_present) == ("comment", False)
    assert (second.comment_id, second.already_present) == (first.comment_id, True)
    assert len(fake_hubspot.posts("1")) == 1
    # A draft for another message of the same thread is a separate comment.
    client.post_draft("1", "m4", draft_for("m4"), None)
    assert len(fake_hubspot.posts("1")) == 2


def test_post_draft_after_response_lost_does_not_duplicate(
    fake_hubspot: FakeHubSpot, fake_clock: FakeClock
) -> None:
    # HubSpot creates the comment, then the answer is a 502: a blind retry would post twice.
    fake_hubspot.add_script(Scripted("POST", "/threads/1/messages", 502, None, apply_first=True))
    client = make_client(fake_hubspot.url, fake_clock)
    posted = client.post_draft("1", "m5", draft_for("m5"), None)
    assert posted.already_present is True
    assert len(fake_hubspot.posts("1")) == 1
    assert find_marker(client.list_messages("1"), "m5") is not None


def test_post_comment_does_not_retry_an_ambiguous_5xx(
    fake_hubspot: FakeHubSpot, fake_clock: FakeClock
) -> None:
    fake_hubspot.add_script(Scripted("POST", "/threads/1/messages", 502, None, apply_first=True))
    client = make_client(fake_hubspot.url, fake_clock)
    with pytest.raises(HubSpotUnavailable):
        client.post_comment("1", "hi", "<p>hi</p>")
    assert len(fake_hubspot.posts("1")) == 1


def test_help_desk_refusal_falls_back_to_a_ticket_note(
    fake_hubspot: FakeHubSpot, fake_clock: FakeClock
) -> None:
    client = make_client(fake_hubspot.url, fake_clock)
    first = client.post_draft("2", "h1", draft_for("h1"), None)
    assert (first.via, first.already_present) == ("note", False)
    note = fake_hubspot.notes[0]
    assert "data-triage-draft" in note["properties"]["hs_note_body"]
    assert note["properties"]["hs_timestamp"].endswith("Z")
    # The notes search finds the marker, so a retry does not add a second note.
    second = client.post_draft("2", "h1", draft_for("h1"), "900")
    assert (second.comment_id, second.already_present) == (first.comment_id, True)
    assert len(fake_hubspot.notes) == 1


def test_other_validation_errors_are_raised(
    fake_hubspot: FakeHubSpot, fake_clock: FakeClock
) -> None:
    body = {"status": "error", "category": "VALIDATION_ERROR", "message": "text too long"}
    fake_hubspot.add_script(Scripted("POST", "/threads/1/messages", 400, body))
    client = make_client(fake_hubspot.url, fake_clock)
    with pytest.raises(HubSpotValidationError, match="text too long"):
        client.post_draft("1", "m5", draft_for("m5"), None)
    assert fake_hubspot.notes == []


def test_from_settings_reads_the_hubspot_settings() -> None:
    from core.settings import Settings

    settings = Settings(
        hubspot_access_token="tok",
        hubspot_base_url="http://127.0.0.1:1",
        hubspot_rate_limit_per_10s=190,
        hubspot_daily_limit=500,
        hubspot_timeout_seconds=3,
        hubspot_max_retry_seconds=9,
    )
    client = InboxClient.from_settings(settings)
    assert client.limiter.budget == 190 - 10
    assert client._transport.timeout_seconds == 3
    assert client._transport.max_retry_seconds == 9
    assert client._transport.sdk.config["base_url"] == "http://127.0.0.1:1"


def test_daily_limit_429_is_not_retried(fake_hubspot: FakeHubSpot, fake_clock: FakeClock) -> None:
    body = {**RATE_LIMIT_BODY, "policyName": "DAILY"}
    fake_hubspot.add_script(Scripted("GET", "/inboxes", 429, body, headers={"Retry-After": "3600"}))
    client = make_client(fake_hubspot.url, fake_clock)
    with pytest.raises(DailyLimitExhausted, match="daily"):
        client.list_inboxes()
    assert fake_clock.sleeps == []


def test_long_retry_after_gives_up_without_freezing_the_limiter(
    fake_hubspot: FakeHubSpot, fake_clock: FakeClock
) -> None:
    fake_hubspot.add_script(
        Scripted("GET", "/inboxes", 429, RATE_LIMIT_BODY, headers={"Retry-After": "900"})
    )
    client = make_client(fake_hubspot.url, fake_clock, max_retry_seconds=30)
    with pytest.raises(HubSpotUnavailable):
        client.list_inboxes()
    assert client.limiter.acquire() <= 30


def test_concurrent_post_draft_for_one_message_posts_once(
    fake_hubspot: FakeHubSpot, fake_clock: FakeClock
) -> None:
    fake_hubspot.list_delay_seconds = 0.1  # every caller would see "no marker yet"
    client = make_client(fake_hubspot.url, fake_clock)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(
            pool.map(lambda _: client.post_draft("1", "m5", draft_for("m5"), None), range(4))
        )
    assert len(fake_hubspot.posts("1")) == 1
    assert sorted(r.already_present for r in results) == [False, True, True, True]
    # the per-message lock goes once no caller holds or waits for it: a client that lives
    # as long as the worker must not keep one for every message it ever posted
    assert client._post_locks == {}
