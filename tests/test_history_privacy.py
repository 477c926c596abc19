"""What the orchestration history holds after a real run: no email text, address or PII,
a small, text-independent size per email, and a purge that removes what has expired.

The production function_app runs on the local Durable host over Azurite and the HubSpot
emulator (seed inbox plus planted emails). The scan covers every history event, output,
custom status and activity input (bench/history_meter.py) of every instance the host holds.
"""

from __future__ import annotations

import asyncio
import json
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.history_meter import HistoryMeter
from bench.history_size import long_email_text
from core.settings import SettingsError, load_settings
from localdev.stack import LocalStack
from pipeline.services import ledger, settings
from tests.stack_helpers import poll_until_quiet
from tests.test_pipeline_e2e import assert_exactly_once
from triggers.purge import purge

pytestmark = pytest.mark.slow

PLANTED = {
    "address": "ingrid.planted.7731@example.org",
    "phone": "+46 70 913 27 48",
    "iban": "SE45 5000 0000 0583 9825 7466",
    "sentence": "My grandmother's purple tandem squeaks loudly on rainy Tuesdays",
    "subject": "Tandem squeak and a refund",
}
MAX_PAYLOAD_PER_EMAIL = 2000  # bytes of inputs, results and outputs (the target)


def test_history_holds_no_email_text_or_pii_and_the_purge_removes_what_expired(
    tmp_path: Path,
) -> None:
    with LocalStack(data_dir=tmp_path, persist_ledger=False) as stack:
        assert stack.host is not None and stack.emulator is not None
        meter = HistoryMeter(stack.host)
        stack.ingest_sample_kb()
        planted = stack.emulator.inject_email(
            from_email=PLANTED["address"],
            from_name="Ingrid Planted",
            subject=PLANTED["subject"],
            text=(
                "Hello, the rear brake of my bike makes a grinding noise and I would like to "
                f"return it for a refund. {PLANTED['sentence']}. Please call me at "
                f"{PLANTED['phone']} or refund to my account {PLANTED['iban']}.\n\nIngrid"
            ),
        )
        long = stack.emulator.inject_email(
            from_email="lena.berg@example.com",
            subject="Battery loses charge overnight",
            text=long_email_text(3000),
        )
        poll_until_quiet(stack)
        assert_exactly_once(stack)
        record = ledger().get(planted["messageId"])
        assert record is not None and record.state == "posted"
        # The values did go through the pipeline: the text store holds them.
        stored = json.dumps(ledger().texts.get_all(planted["messageId"]), ensure_ascii=False)
        absent = [n for n, v in PLANTED.items() if n != "address" and v not in stored]
        assert absent == []

        leaks = [
            (name, instance_id)
            for instance_id, text in meter.stored_texts()
            for name, value in PLANTED.items()
            if value.lower() in text.lower()
        ]
        assert leaks == []
        emails = len(ledger().all_records())
        assert meter.total_payload_bytes() / emails <= MAX_PAYLOAD_PER_EMAIL
        # The long email's own share of its batch: its activities' inputs and results.
        quoted = f'"{long["threadId"]}"'  # as the JSON inputs hold it: no prefix matches
        (long_batch,) = meter.scheduled_by(quoted, "triage_batch")
        long_share = meter.task_payload_bytes(long_batch, quoted)
        assert 0 < long_share <= MAX_PAYLOAD_PER_EMAIL  # 3,000 tokens

        # The hourly timer, now: everything is younger than its retention, nothing goes.
        finished, texts = len(stack.host.instances), ledger().texts.count()
        stack.host.fire_timer("purge_history")
        assert (len(stack.host.instances), ledger().texts.count()) == (finished, texts)
        client = stack.host.client()
        later = datetime.now(UTC) + timedelta(hours=settings().history_retention_hours + 1)
        report = asyncio.run(purge(client, settings(), now=later))
        assert report["instances_purged"] == finished and stack.host.instances == {}
        assert report["texts_deleted"] > 0 and ledger().texts.count() == 0
        assert report["subjects_blanked"] > 0
        assert {r.subject for r in ledger().all_records()} == {""}
        record = ledger().get(planted["messageId"])
        assert record is not None and (record.state, record.subject) == ("posted", "")
        # The ledger still knows every email: nothing is drafted again.
        before = stack.emulator.stats()["comment_posts_by_thread"]
        assert [d for d in poll_until_quiet(stack) if d != "not_claimed"] == []
        assert stack.emulator.stats()["comment_posts_by_thread"] == before


def test_the_poll_keeps_a_window_of_batches_in_flight(tmp_path: Path) -> None:
    window = {"POLL_BATCH_SIZE": "3", "POLL_BATCH_WINDOW": "3"}
    with LocalStack(data_dir=tmp_path, persist_ledger=False, settings=window) as stack:
        assert stack.host is not None
        host = stack.host
        stack.ingest_sample_kb()
        in_flight: list[int] = []
        lock = threading.Lock()

        def count_batches(_: Any) -> None:
            with lock:
                running = [
                    i
                    for i in list(host.instances.values())
                    if i.name == "triage_batch" and i.status == "Running"
                ]
                in_flight.append(len(running))

        host.before_activity["load_thread"] = count_batches
        summary = stack.poll_once()
        assert max(in_flight) == 3  # several at once, never more than the window
        batches = [i for i in host.instances if "-batch" in i]
        assert len(batches) == 15  # 45 threads in batches of 3
        assert sum(summary["counts"].values()) == len(ledger().all_records())
        assert_exactly_once(stack)


def test_the_batch_window_is_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", "pat-test")
    monkeypatch.setenv("LEDGER_CONNECTION_STRING", "UseDevelopmentStorage=true")
    monkeypatch.setenv("POLL_BATCH_WINDOW", "0")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert [name for name, _ in caught.value.problems] == ["POLL_BATCH_WINDOW"]
