"""Every request the client sends is valid against HubSpot's own OpenAPI specs."""

from __future__ import annotations

import json
import warnings

import pytest
from openapi_core.testing import MockRequest
from openapi_core.validation.request.exceptions import InvalidRequestBody

from hubspot.rendering import CommentContent, render_comment
from tests import emulator_fixtures, hubspot_fixtures
from tests.hubspot_fixtures import FakeClock, FakeHubSpot, Seen, make_client

# Fixtures bound as module names (an assignment does not trip ruff's F811).
fake_clock = hubspot_fixtures.fake_clock
fake_hubspot = hubspot_fixtures.fake_hubspot


def validate(seen: Seen) -> None:
    query = {key: values[0] for key, values in seen.query.items()}
    request = MockRequest(
        emulator_fixtures.SPEC_SERVER,
        seen.method.lower(),
        seen.path,
        args=query,
        headers={"Authorization": seen.headers.get("Authorization", "")},
        data=json.dumps(seen.body).encode() if seen.body is not None else None,
        content_type="application/json",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Unsupported scheme type" (oauth2)
        emulator_fixtures.spec_for(seen.path).validate_request(request)


def test_every_client_request_matches_the_spec(
    fake_hubspot: FakeHubSpot, fake_clock: FakeClock
) -> None:
    from datetime import UTC, datetime

    client = make_client(fake_hubspot.url, fake_clock)
    client.list_inboxes()
    list(client.iter_threads("10", datetime(2026, 11, 1, tzinfo=UTC), page_size=10))
    client.get_thread("1")
    client.list_messages("1")
    assert client.get_original_content("1", "m1").text == "text of m1"
    draft = CommentContent(
        answers_message_id="h1",
        body="Hello",
        triage_line="en",
        confidence=0.5,
        drafter="llm",
    )
    client.post_draft(
        "1", "m1", render_comment(draft.model_copy(update={"answers_message_id": "m1"})), None
    )
    client.post_draft("2", "h1", render_comment(draft), None)  # help desk: note + search
    paths = {(s.method, s.path) for s in fake_hubspot.seen}
    assert ("POST", "/crm/v3/objects/notes") in paths
    assert ("POST", "/crm/v3/objects/notes/search") in paths
    assert ("POST", "/conversations/v3/conversations/threads/1/messages") in paths
    for seen in fake_hubspot.seen:
        validate(seen)


def test_the_check_rejects_a_bad_request() -> None:
    bad = Seen(
        "POST",
        "/conversations/v3/conversations/threads/1/messages",
        {},
        {"Authorization": "Bearer x"},
        {"type": "COMMENT"},  # text and attachments missing
    )
    with pytest.raises(InvalidRequestBody):
        validate(bad)
