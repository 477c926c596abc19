"""The pipeline end to end with exactly local.settings.example.json's `Values` in the
environment, empty strings included, as the Functions host exports them.

Overridden, and only because they must point at this test's own stand-ins:
- HUBSPOT_ACCESS_TOKEN, HUBSPOT_BASE_URL: the emulator's token and its port (LocalStack);
- LEDGER_CONNECTION_STRING: Azurite on a free port (LocalStack; the example's
  UseDevelopmentStorage=true means the fixed default ports, which may be taken);
- QDRANT_PATH: a folder under the test's tmp_path (embedded Qdrant allows one client per
  path per process, and the test must not write into the developer's .localdata).
Everything else, POLL_INITIAL_LOOKBACK_HOURS=24.0 and TRIAGE_TAXONOMY_FILE="" included,
is the example's value.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hubspot.inbox_client import ALL_TIME
from ledger.models import FINAL_STATES
from localdev.stack import LocalStack
from pipeline.mapping import is_inbound_email
from pipeline.services import hubspot, ledger, settings
from tests.stack_helpers import poll_until_quiet

pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).resolve().parent.parent / "local.settings.example.json"


def inbound_emails_by_thread(after: datetime) -> dict[str, set[str]]:
    """thread id -> inbound email ids, for threads whose latest message is after `after`."""
    client = hubspot()
    found: dict[str, set[str]] = {}
    for inbox in client.list_inboxes():
        for thread in client.iter_threads(inbox.id, after):
            emails = {m.id for m in client.list_messages(thread.id) if is_inbound_email(m)}
            if emails:
                found[thread.id] = emails
    return found


def test_the_example_settings_run_the_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    values: dict[str, str] = json.loads(EXAMPLE.read_text(encoding="utf-8"))["Values"]
    assert "" in values.values()  # the point: empty entries are exported too
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    stand_ins = {"QDRANT_PATH": str(tmp_path / "qdrant")}
    with LocalStack(data_dir=tmp_path, persist_ledger=False, settings=stand_ins) as stack:
        assert settings().triage_taxonomy_file is None  # "" is unset, not the path "."
        assert settings().poll_initial_lookback_hours == 24.0
        stack.ingest_sample_kb()
        started = datetime.now(UTC)
        outcomes = poll_until_quiet(stack)
        records = {r.message_id: r for r in ledger().all_records()}
        failed = {m: r.reason for m, r in records.items() if r.state == "failed"}
        assert failed == {}
        recent = inbound_emails_by_thread(started - timedelta(hours=24))
        every = inbound_emails_by_thread(ALL_TIME)
        in_window = set().union(*recent.values())
        older = set().union(*every.values()) - in_window
        assert in_window and older  # the seed spans two days
        # The first run handles the last 24 h, each email to a final state, nothing older.
        assert {m for m in in_window if records.get(m) and records[m].state in FINAL_STATES} == (
            in_window
        )
        assert older.isdisjoint(records)
        assert outcomes["posted"] > 0
        posts = stack.emulator.stats()["comment_posts_by_thread"]  # type: ignore[union-attr]
        assert set(posts) <= set(recent) and all(n == 1 for n in posts.values())
