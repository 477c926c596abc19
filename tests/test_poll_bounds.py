"""The poll's bounded bookkeeping: threads held back hold the cursor through one time, and a
batch reports counts, open threads and at most `keep` problem outcomes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.contracts import EmailOutcome, ThreadOutcome, ThreadRef
from orchestrators.triage_batch import summarize
from pipeline.cursor import cursor_after, open_from

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def ref(name: str, minutes: int) -> ThreadRef:
    return ThreadRef(thread_id=name, inbox_id="1", latest_at=T0 + timedelta(minutes=minutes))


def test_a_thread_held_back_for_a_later_run_holds_the_cursor() -> None:
    work = [ref("a", 1), ref("c", 9)]
    held_back = T0 + timedelta(minutes=5)  # "b" was found but left for the next run
    earliest_open = open_from(work, {"a", "c"}, held_back)
    assert earliest_open == held_back
    after = cursor_after(None, earliest_open, latest_seen=T0 + timedelta(minutes=9))
    assert after == held_back - timedelta(milliseconds=1)
    # Nothing held back and all done: the newest thread seen.
    assert cursor_after(None, open_from(work, {"a", "c"}), T0 + timedelta(minutes=9)) == (
        T0 + timedelta(minutes=9)
    )


def outcome(thread: str, message: str, decision: str) -> EmailOutcome:
    return EmailOutcome(thread_id=thread, message_id=message, decision=decision)


def test_a_batch_result_counts_every_email_and_keeps_only_a_few_problems() -> None:
    threads = [
        ThreadOutcome(
            thread_id=f"t{i}",
            done=i % 4 != 0,
            outcomes=[outcome(f"t{i}", f"m{i}", "failed" if i % 3 == 0 else "posted")],
        )
        for i in range(12)
    ]
    threads.append(
        ThreadOutcome(thread_id="gone", done=False, outcomes=[outcome("gone", "", "failed")])
    )
    result = summarize(threads, keep=2)
    assert result.counts == {"failed": 4, "posted": 8}  # emails only
    assert result.thread_problems == 1
    assert len(result.outcomes) == 2 and all(o.decision == "failed" for o in result.outcomes)
    assert result.outcomes_omitted == 3
    assert result.open_thread_ids == ["t0", "t4", "t8", "gone"]
