"""The draft-outcome loop end to end: the seed inbox drafted, the emulator playing the agents
(the draft as is, edited, rewritten, another answer, a close without a reply), a second poll,
then every outcome in the ledger and the report's figures."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hubspot.draft_outcome import EDITED_AT, REWRITTEN_AT, SENT_AS_DRAFTED_AT
from ledger.models import MessageRecord
from localdev.stack import LocalStack
from pipeline import report as reporting
from pipeline.services import ledger

pytestmark = pytest.mark.slow

UNANSWERABLE = (
    "Hello, could you send me your grandmother's recipe for apple pie with cinnamon and "
    "vanilla custard? I want to bake it for a birthday party on Saturday."
)
ANOTHER_ANSWER = (
    "Thanks for waiting. I have passed this on to our workshop team; they will call you "
    "tomorrow morning to sort it out."
)


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[LocalStack]:
    with LocalStack(
        data_dir=tmp_path, persist_ledger=False, settings={"POLL_OVERLAP_SECONDS": "60"}
    ) as running:
        running.ingest_sample_kb()
        yield running


def poll_until_quiet(stack: LocalStack, max_cycles: int = 8) -> int:
    """Poll until a cycle decides nothing; returns the number of cycles."""
    for cycle in range(1, max_cycles + 1):
        summary = stack.poll_once()
        busy = [d for d, n in summary.get("counts", {}).items() if d != "not_claimed" and n]
        if summary["backlog"] == 0 and not busy:
            return cycle
    raise AssertionError(f"inbox not done after {max_cycles} cycles")


def records() -> dict[str, MessageRecord]:
    return {r.message_id: r for r in ledger().all_records()}


def hubspot_calls(stack: LocalStack) -> int:
    assert stack.emulator is not None
    stats: dict[str, Any] = stack.emulator.stats()
    return sum(
        r["total"] for r in stats["requests"] if not str(r["route"]).startswith("/_emulator")
    )


def test_agent_replies_of_each_kind_become_outcomes_and_report_figures(
    stack: LocalStack,
) -> None:
    assert stack.emulator is not None
    gap = stack.emulator.inject_email(
        from_email="baker@mailbox.example", subject="Apple pie recipe", text=UNANSWERABLE
    )
    poll_until_quiet(stack)
    first = records()
    answered = sorted(
        (r for r in first.values() if r.state == "posted" and r.answer_decision == "answered"),
        key=lambda r: r.thread_id,
    )
    abstained = [r for r in first.values() if r.answer_decision == "abstained"]
    assert gap["threadId"] in {r.thread_id for r in abstained}, "the recipe question abstains"
    assert all(r.drafted_at is not None and r.outcome is None for r in answered + abstained)
    assert len(answered) >= 6

    # The agents: one reply of each kind on five answered drafts; one closed unanswered,
    # then the customer writes again (the close is seen when the thread is loaded again).
    plan = {
        answered[0].message_id: ({"draft": "as_is"}, "sent_as_drafted"),
        answered[1].message_id: ({"draft": "edited"}, "edited"),
        answered[2].message_id: ({"draft": "rewritten"}, "rewritten"),
        answered[3].message_id: ({"text": ANOTHER_ANSWER}, "not_used"),
        abstained[0].message_id: ({"text": ANOTHER_ANSWER}, "not_used"),
    }
    by_id = {r.message_id: r for r in answered + abstained}
    for message_id, (body, _) in plan.items():
        thread_id = by_id[message_id].thread_id
        stack.emulator.admin("POST", "/_emulator/agent-replies", {"thread_id": thread_id, **body})
    closed = answered[4]
    stack.emulator.admin("POST", f"/_emulator/threads/{closed.thread_id}/close", {})
    stack.emulator.inject_email(
        thread_id=closed.thread_id,
        from_email="again@mailbox.example",
        subject="Still waiting",
        text="Hello again, I never got an answer to my question. Could someone reply?",
    )
    calls_before = hubspot_calls(stack)
    cycles = poll_until_quiet(stack)
    second_poll_calls = hubspot_calls(stack) - calls_before

    after = records()
    for message_id, (_, expected) in plan.items():
        row = after[message_id]
        assert row.outcome == expected, (message_id, row.outcome, row.outcome_similarity)
        assert row.replied_at is not None and row.minutes_to_reply is not None
        assert row.minutes_to_reply >= 0 and row.minutes_to_draft is not None
    similarity = {m: after[m].outcome_similarity or 0.0 for m in plan}
    assert similarity[answered[0].message_id] >= SENT_AS_DRAFTED_AT
    assert EDITED_AT <= similarity[answered[1].message_id] < SENT_AS_DRAFTED_AT
    assert REWRITTEN_AT <= similarity[answered[2].message_id] < EDITED_AT
    assert after[closed.message_id].outcome == "not_used"
    assert after[closed.message_id].closed_unanswered
    assert after[closed.message_id].replied_at is None
    untouched = [r for r in answered[5:] if r.message_id not in plan]
    assert all(after[r.message_id].outcome is None for r in untouched)

    # No extra HubSpot call for the outcomes: each cycle lists the inboxes and the threads
    # of the two seed inboxes (one page each: 3 calls), the six threads with activity have
    # their messages listed once, and the follow-up email's draft is posted once.
    print(f"HubSpot calls of the second poll: {second_poll_calls} in {cycles} cycles")
    assert second_poll_calls == 3 * cycles + 6 + 1

    built = reporting.report()
    rows = [r for r in after.values()]
    states = Counter(r.state for r in rows)
    assert built.emails == len(rows)
    assert built.decisions["skipped"] == states["skipped"]
    assert built.decisions["failed"] == states["failed"] == 0
    assert built.decisions["abstained"] == sum(r.answer_decision == "abstained" for r in rows)
    assert built.decisions["routed"] == sum(r.answer_decision == "routed" for r in rows)
    posted_comments = built.decisions["posted"] + built.decisions["abstained"]
    assert posted_comments + built.decisions["routed"] == states["posted"]
    assert sum(built.skipped_by_reason.values()) == states["skipped"]
    outcomes = built.outcomes
    assert (outcomes.sent_as_drafted, outcomes.edited, outcomes.rewritten) == (1, 1, 1)
    assert outcomes.not_used == 2  # another answer, and the close without a reply
    assert outcomes.decided + outcomes.awaiting_reply == built.decisions["posted"]
    assert built.abstained_outcomes.not_used == 1
    by_intent = sum(c.decided for c in built.outcomes_by_intent.values())
    by_language = sum(c.decided for c in built.outcomes_by_language.values())
    assert by_intent == by_language == outcomes.decided == 5
    assert built.minutes_to_draft.count == states["posted"]
    assert built.minutes_to_reply.count == 5  # the four replies to answers and one abstention
    gap_subjects = [s for g in built.knowledge_gaps for s in g.example_subjects]
    assert "Apple pie recipe" in gap_subjects
    assert sum(g.count for g in built.knowledge_gaps) == built.decisions["abstained"]

    # GET /api/report answers the same figures (the function's JSON).
    assert stack.host is not None
    answer = stack.host.call_http("GET", "/api/report")
    assert answer.status_code == 200
    body = json.loads(answer.get_body())
    assert body["outcomes"] == built.outcomes.model_dump()
    assert body["decisions"] == built.decisions
    refused = stack.host.call_http("GET", "/api/report", params={"since": "soon"})
    assert refused.status_code == 400
