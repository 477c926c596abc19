"""Load one thread for triage: its emails (full text of the one to answer), which inbound
emails are new (after `since` and not final in the ledger), and claim those for this run.

Claiming here rather than in an activity of its own saves one orchestration step per thread
(replays are the pipeline's main CPU cost); it stays idempotent: a re-run by the same run
finds its own claims, and superseded emails are a merge.

The email being answered is triaged here too (pipeline/triaging.py): its result goes to the
text store under its message id; the orchestrator gets ids and labels (LoadedThread)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from core.contracts import EmailWorkInput, LoadedThread, MessageRef
from hubspot.errors import ThreadGone
from pipeline import outcomes, recording, triaging
from pipeline.mapping import is_email, is_inbound_email, ticket_of, to_email_message
from pipeline.services import hubspot, ledger
from triage.models import ThreadContext

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def load(work: EmailWorkInput) -> LoadedThread:
    ref, since, owner = work.thread, work.since, work.owner
    client, book = hubspot(), ledger()
    spam, ticket_id = ref.spam, ref.ticket_id
    try:
        if spam is None:  # listed from the ledger (an operator retry): ask HubSpot
            thread = client.get_thread(ref.thread_id)
            spam, ticket_id = bool(thread.spam), ticket_of(thread)
        listed = client.list_messages(ref.thread_id)
    except ThreadGone as gone:
        return LoadedThread(ok=False, problem="thread_gone", detail=str(gone))
    outcomes.observe(listed)  # what agents did with our earlier drafts: no extra call
    # Emails only (our own COMMENTs are not part of the conversation), with a time.
    messages = [m for m in listed if is_email(m) and m.created_at]
    messages.sort(key=lambda m: (m.created_at or _EPOCH, m.id))
    new: list[MessageRef] = []
    for message in messages:
        if not is_inbound_email(message):
            continue
        record = book.get(message.id)
        retry = record is not None and record.retry_requested
        assert message.created_at is not None  # filtered above
        if since is not None and message.created_at <= since and not retry:
            continue
        if record is not None and record.is_final and not retry:
            continue
        new.append(MessageRef(message_id=message.id, received_at=message.created_at))
    emails = [to_email_message(m, ref.thread_id) for m in messages]
    if new:
        _complete_truncated(ref.thread_id, new[-1].message_id, messages, emails)
    subject = next((e.subject for e in reversed(emails) if e.subject), "")
    claims = recording.claim(
        new, owner=owner, thread_id=ref.thread_id, inbox_id=ref.inbox_id, subject=subject
    )
    newest = new[-1].message_id if new else None
    superseded = [m for m in claims["claimed"] if m != newest]
    if superseded:
        recording.record_state(
            superseded,
            "skipped",
            {
                "reason": f"superseded: a newer email ({newest}) in the same thread gets the draft",
                "skip_reason": "superseded",
            },
        )
    answer = newest if newest in claims["claimed"] else None
    # Triage here, on the emails in hand: the thread's text never needs storing, and one
    # orchestration step (a replay, two history events) less per email.
    triaged = (
        triaging.run(
            answer,
            ThreadContext(thread_id=ref.thread_id, hubspot_spam_flag=bool(spam), messages=emails),
            subject,
        )
        if answer is not None
        else None
    )
    return LoadedThread(
        answer=answer,
        ticket_id=ticket_id,
        held=claims["held"],
        superseded=superseded,
        new=len(new),
        triage=triaged,
    )


def _complete_truncated(
    thread_id: str, message_id: str, messages: list[Any], emails: list[Any]
) -> None:
    """HubSpot truncates long emails; fetch the original of the one being answered only."""
    for index, message in enumerate(messages):
        if message.id != message_id:
            continue
        if (message.truncation_status or "NOT_TRUNCATED") == "NOT_TRUNCATED":
            return
        original = hubspot().get_original_content(thread_id, message_id)
        emails[index] = emails[index].model_copy(
            update={"text": original.text or emails[index].text, "html": original.rich_text}
        )
