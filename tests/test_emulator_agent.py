"""The emulator plays the agent: replies made from our draft comment (as is, edited,
rewritten) or given text, closing a thread, and the inbox page showing both."""

from __future__ import annotations

import urllib.request

import pytest

from hubspot.draft_outcome import band, comment_answer, similarity
from hubspot.rendering import CommentContent, render_comment
from localdev.hubspot_emulator.server import EmulatorError, EmulatorServer
from tests import emulator_fixtures
from tests.emulator_fixtures import SpecCheckedClient

fresh_emulator = emulator_fixtures.fresh_emulator
hubspot_http = emulator_fixtures.hubspot_http
hubspot_emulator = emulator_fixtures.hubspot_emulator

CONV = "/conversations/v3/conversations"
BODY = (
    "Hello,\n\nHere is what our help pages say:\n"
    "- The battery has a two-year warranty from the date of purchase [1]\n"
    "- Send us the serial number and a photo of the rating plate [1]\n"
    "- We ship a replacement within three working days [2]\n"
    "- Old batteries go back in the replacement's box, the label is prepaid [2]\n\n"
    "Kind regards,\nCustomer support"
)


def _draft_thread(fresh_emulator: EmulatorServer, hubspot_http: SpecCheckedClient) -> str:
    created = fresh_emulator.inject_email(
        from_email="kim@mailbox.example", subject="Battery", text="My battery died."
    )
    rendered = render_comment(
        CommentContent(
            answers_message_id=created["messageId"],
            body=BODY,
            triage_line="en · warranty · priority normal · neutral",
            confidence=0.8,
            drafter="extractive",
        )
    )
    response = hubspot_http.post(
        f"{CONV}/threads/{created['threadId']}/messages",
        json={
            "type": "COMMENT",
            "text": rendered.text,
            "richText": rendered.rich_text,
            "attachments": [],
        },
    )
    assert response.status_code == 201
    return str(created["threadId"])


def _messages(hubspot_http: SpecCheckedClient, thread_id: str) -> list[dict[str, object]]:
    result: list[dict[str, object]] = hubspot_http.get(
        f"{CONV}/threads/{thread_id}/messages"
    ).json()["results"]
    return result


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("as_is", "sent_as_drafted"), ("edited", "edited"), ("rewritten", "rewritten")],
)
def test_reply_from_the_draft_is_an_outgoing_agent_email(
    fresh_emulator: EmulatorServer, hubspot_http: SpecCheckedClient, mode: str, expected: str
) -> None:
    thread_id = _draft_thread(fresh_emulator, hubspot_http)
    reply = fresh_emulator.admin(
        "POST", "/_emulator/agent-replies", {"thread_id": thread_id, "draft": mode}
    )
    sent = next(m for m in _messages(hubspot_http, thread_id) if m["id"] == reply["messageId"])
    assert sent["direction"] == "OUTGOING" and sent["type"] == "MESSAGE"
    assert str(sent["createdBy"]).startswith("A-")  # an agent actor
    assert band(similarity(comment_answer(BODY), str(sent["text"]))) == expected


def test_reply_needs_text_or_a_draft(fresh_emulator: EmulatorServer) -> None:
    created = fresh_emulator.inject_email(from_email="kim@mailbox.example", text="Hi")
    with pytest.raises(EmulatorError, match="409"):  # no draft comment on the thread
        fresh_emulator.admin(
            "POST", "/_emulator/agent-replies", {"thread_id": created["threadId"], "draft": "as_is"}
        )
    with pytest.raises(EmulatorError, match="422"):
        fresh_emulator.admin("POST", "/_emulator/agent-replies", {"thread_id": created["threadId"]})


def test_close_and_the_inbox_page_show_what_the_agent_did(
    fresh_emulator: EmulatorServer, hubspot_http: SpecCheckedClient
) -> None:
    thread_id = _draft_thread(fresh_emulator, hubspot_http)
    fresh_emulator.admin(
        "POST", "/_emulator/agent-replies", {"thread_id": thread_id, "text": "Done.", "close": True}
    )
    assert hubspot_http.get(f"{CONV}/threads/{thread_id}").json()["status"] == "CLOSED"
    change = _messages(hubspot_http, thread_id)
    assert any(
        m["type"] == "THREAD_STATUS_CHANGE" and m.get("newStatus") == "CLOSED" for m in change
    )
    other = fresh_emulator.inject_email(from_email="lee@mailbox.example", text="Hello")
    fresh_emulator.admin("POST", f"/_emulator/threads/{other['threadId']}/close", {})
    assert hubspot_http.get(f"{CONV}/threads/{other['threadId']}").json()["status"] == "CLOSED"
    with urllib.request.urlopen(f"{fresh_emulator.base_url}/_emulator/ui") as page:
        inbox = page.read().decode()
    assert "1 agent reply" in inbox
    with urllib.request.urlopen(
        f"{fresh_emulator.base_url}/_emulator/ui/threads/{thread_id}"
    ) as page:
        thread_page = page.read().decode()
    assert "Email sent" in thread_page and "Thread marked CLOSED" in thread_page
