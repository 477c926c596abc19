"""Webhooks wake the poller, end to end: the production function_app on the local Durable
host behind a real HTTP gateway, the emulator sending signed HubSpot-shaped calls, Azurite,
embedded Qdrant with the sample knowledge base.

What must hold: a bad, stale or unsigned call starts nothing; an unset secret refuses
everything; a webhook during a running poll yields exactly one extra cycle (bursts too);
duplicated and reordered deliveries still post one comment per email; lost webhooks change
nothing but timing (the timer's poll drafts the emails).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import SecretStr

from core.settings import get_settings
from hubspot.webhook_calls import SIGNATURE_HEADER, TIMESTAMP_HEADER
from ledger.models import FINAL_STATES
from localdev.durable_host import FaultInjection
from localdev.http_gateway import run_host_until
from localdev.hubspot_emulator.webhooks import sign
from localdev.stack import WEBHOOK_SECRET, LocalStack
from pipeline.services import ledger
from pipeline.wake import wake_state
from triggers.webhook import handle_webhook

pytestmark = pytest.mark.slow

ROUTE = "/api/hubspot/webhook"


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    stack = LocalStack(
        data_dir=tmp_path_factory.mktemp("webhooks"),
        seed="empty",
        persist_ledger=False,
        webhooks=True,
        settings={"POLL_OVERLAP_SECONDS": "60"},
    )
    with stack:
        stack.ingest_sample_kb()
        yield stack


@pytest.fixture
def stack(running: LocalStack) -> Iterator[LocalStack]:
    """The shared stack with webhooks on and no faults, an idle poller, no hooks."""
    assert running.emulator is not None and running.host is not None
    configure(running)
    settle(running)
    assert not wake_state().pending
    yield running
    running.host.before_activity.clear()
    running.host.faults = FaultInjection()
    configure(running)
    settle(running)


def configure(stack: LocalStack, **changes: Any) -> dict[str, Any]:
    assert stack.emulator is not None
    config = {
        "url": get_settings().hubspot_webhook_url,
        "client_secret": WEBHOOK_SECRET,
        "drop_fraction": 0.0,
        "duplicate_fraction": 0.0,
        "delay_ms": 0,
        "reorder_window_ms": 0,
        "max_retries": 0,
        "seed": 3,
        **changes,
    }
    result: dict[str, Any] = stack.emulator.admin("POST", "/_emulator/webhooks", config)
    return result


def webhook_summary(stack: LocalStack) -> dict[str, Any]:
    assert stack.emulator is not None
    result: dict[str, Any] = stack.emulator.admin("GET", "/_emulator/webhooks")
    return result


def settle(stack: LocalStack, timeout: float = 60) -> None:
    """Run the host until the emulator has nothing in flight and no poll is active."""
    assert stack.host is not None
    host = stack.host

    def quiet() -> bool:
        return webhook_summary(stack)["in_flight"] == 0 and poller_status(stack) not in (
            "Pending",
            "Running",
            "ContinuedAsNew",
        )

    assert run_host_until(host, quiet, timeout=timeout), "stack did not settle"


def poller_status(stack: LocalStack) -> str | None:
    assert stack.host is not None
    status = asyncio.run(stack.host.client().get_status("poller"))
    return None if status.runtime_status is None else str(status.runtime_status.value)


def count_cycles(stack: LocalStack) -> list[int]:
    """A list that grows by one each time a poll cycle lists threads."""
    assert stack.host is not None
    cycles: list[int] = []
    stack.host.before_activity["list_new_messages"] = lambda _: cycles.append(1)
    return cycles


def inject(stack: LocalStack, n: int = 1, text: str = "How far can I ride on one charge?") -> list:
    assert stack.emulator is not None
    return [
        stack.emulator.inject_email(
            from_email=f"rider{time.monotonic_ns()}@mailbox.example",
            subject="Battery range",
            text=text,
        )["threadId"]
        for _ in range(n)
    ]


def comments(stack: LocalStack) -> dict[str, int]:
    assert stack.emulator is not None
    posts: dict[str, int] = stack.emulator.stats()["comment_posts_by_thread"]
    return posts


def signed_call(
    stack: LocalStack,
    thread_id: str,
    *,
    secret: str = WEBHOOK_SECRET,
    at: datetime | None = None,
    message_type: str = "MESSAGE",
    event_id: int = 1,
) -> Any:
    """POST one conversation.newMessage event straight to the host's route, signed."""
    assert stack.host is not None
    body = json.dumps(
        [
            {
                "eventId": event_id,
                "subscriptionType": "conversation.newMessage",
                "objectId": int(thread_id),
                "occurredAt": int(time.time() * 1000),
                "messageType": message_type,
            }
        ]
    ).encode()
    timestamp = str(int((at or datetime.now(UTC)).timestamp() * 1000))
    url = get_settings().hubspot_webhook_url or ""
    headers = {
        SIGNATURE_HEADER: sign(secret, "POST", url, body, timestamp),
        TIMESTAMP_HEADER: timestamp,
    }
    return stack.host.call_http("POST", ROUTE, body=body, headers=headers)


def test_a_signed_webhook_drafts_a_new_email_without_the_timer(stack: LocalStack) -> None:
    assert stack.host is not None
    cycles = count_cycles(stack)
    (thread,) = inject(stack)
    assert run_host_until(stack.host, lambda: comments(stack).get(thread) == 1, timeout=60)
    settle(stack)
    assert comments(stack)[thread] == 1 and len(cycles) == 1
    assert webhook_summary(stack)["stats"]["delivered"] >= 1
    status = stack.host.call_http("GET", "/api/status")
    last = json.loads(status.get_body())["last_webhook_at"]
    assert datetime.now(UTC) - datetime.fromisoformat(last) < timedelta(minutes=1)


def test_bad_stale_or_unsigned_calls_are_refused_and_start_nothing(stack: LocalStack) -> None:
    assert stack.host is not None
    before = poller_status(stack)
    cycles = count_cycles(stack)
    configure(stack, client_secret="not-the-apps-secret")  # the emulator signs wrongly
    (thread,) = inject(stack)
    settle(stack)
    (delivery,) = [d for d in webhook_summary(stack)["deliveries"] if d["attempt"] == 0][-1:]
    assert delivery["status"] == 401
    assert signed_call(stack, thread, secret="wrong").status_code == 401
    stale = datetime.now(UTC) - timedelta(minutes=6)
    assert signed_call(stack, thread, at=stale).status_code == 401
    future = datetime.now(UTC) + timedelta(minutes=6)
    assert signed_call(stack, thread, at=future).status_code == 401
    unsigned = stack.host.call_http("POST", ROUTE, body=b"[]", headers={})
    assert unsigned.status_code == 401 and b"signature" not in unsigned.get_body()
    settle(stack)
    assert cycles == [] and poller_status(stack) == before and not wake_state().pending
    assert thread not in comments(stack)
    assert signed_call(stack, thread).status_code == 200  # the same call, signed: accepted
    settle(stack)
    assert cycles == [1] and comments(stack)[thread] == 1


def test_an_unset_or_empty_secret_refuses_every_call(stack: LocalStack) -> None:
    assert stack.host is not None
    cycles = count_cycles(stack)
    timestamp = str(int(time.time() * 1000))
    body = b'[{"eventId":1,"subscriptionType":"conversation.creation","objectId":1,"occurredAt":1}]'
    for secret in (None, SecretStr(""), SecretStr("  ")):
        settings = get_settings().model_copy(update={"hubspot_webhook_client_secret": secret})
        url = settings.hubspot_webhook_url or ""
        headers = {
            SIGNATURE_HEADER: sign(
                secret.get_secret_value() if secret else "", "POST", url, body, timestamp
            ),
            TIMESTAMP_HEADER: timestamp,
        }
        answer = asyncio.run(
            handle_webhook(
                method="POST",
                url=url,
                headers=headers,
                body=body,
                client=stack.host.client(),
                settings=settings,
            )
        )
        assert (answer.status, answer.body) == (403, {"status": "refused"})
    settle(stack)
    assert cycles == []


def test_our_own_comments_do_not_wake_the_poller(stack: LocalStack) -> None:
    cycles = count_cycles(stack)
    assert signed_call(stack, "7100000001", message_type="COMMENT").status_code == 200
    settle(stack)
    assert cycles == [] and not wake_state().pending


def _run_with_mail_arriving_mid_poll(stack: LocalStack, webhooks: int) -> tuple[list, str]:
    """Fire the timer; when the poll saves its cursor (after listing), a new email arrives
    and `webhooks` signed calls for it reach the endpoint while the poll still runs."""
    assert stack.host is not None
    configure(stack, url=None)  # only the calls this test sends
    cycles = count_cycles(stack)
    late: list[str] = []
    answers: list[int] = []

    def arrive(_: Any) -> None:
        if late:
            return
        late.extend(inject(stack))
        answers.extend(signed_call(stack, late[0], event_id=n).status_code for n in range(webhooks))

    stack.host.before_activity["save_checkpoint"] = arrive
    stack.host.fire_timer("poll_timer")
    stack.host.run_until_idle(timeout=120)
    assert answers == [200] * webhooks
    return cycles, late[0]


def test_without_a_webhook_mail_arriving_mid_poll_waits_for_the_timer(stack: LocalStack) -> None:
    cycles, late = _run_with_mail_arriving_mid_poll(stack, webhooks=0)
    assert cycles == [1] and late not in comments(stack)
    stack.poll_once()  # the timer's next poll
    assert comments(stack)[late] == 1


@pytest.mark.parametrize("webhooks", [1, 6])
def test_webhooks_during_a_running_poll_yield_exactly_one_extra_cycle(
    stack: LocalStack, webhooks: int
) -> None:
    cycles, late = _run_with_mail_arriving_mid_poll(stack, webhooks)
    assert cycles == [1, 1]  # the run, then one more: the burst coalesced
    assert comments(stack)[late] == 1
    assert poller_status(stack) == "Completed" and not wake_state().pending


def test_a_lost_take_result_still_yields_exactly_one_extra_cycle(stack: LocalStack) -> None:
    assert stack.host is not None
    stack.host.faults = FaultInjection(
        lost_result_fraction=1.0, activities=frozenset({"take_wake_request"}), seed=1
    )
    cycles, late = _run_with_mail_arriving_mid_poll(stack, webhooks=2)
    assert stack.host.stats.activity_results_lost >= 2
    assert cycles == [1, 1] and comments(stack)[late] == 1


def test_a_storm_of_duplicated_reordered_webhooks_posts_one_comment_per_email(
    stack: LocalStack,
) -> None:
    assert stack.host is not None and stack.emulator is not None
    configure(stack, duplicate_fraction=1.0, reorder_window_ms=1500, delay_ms=50, max_retries=2)
    threads = inject(stack, 3)
    bulk = stack.emulator.bulk(6)
    first, last = int(bulk["firstThreadId"]), int(bulk["lastThreadId"])
    threads += [str(t) for t in range(first, last + 1)]
    threads += inject(stack, 2)
    assert run_host_until(
        stack.host, lambda: all(comments(stack).get(t) for t in threads), timeout=120
    )
    settle(stack)
    summary = webhook_summary(stack)["stats"]
    assert summary["calls"] == 6 and summary["duplicated"] == 6 and summary["delivered"] == 12
    posts = comments(stack)
    assert {t: posts[t] for t in threads} == {t: 1 for t in threads}
    records = [r for r in ledger().all_records() if r.thread_id in threads]
    assert len(records) == len(threads) and all(r.state in FINAL_STATES for r in records)


def test_lost_webhooks_fall_back_to_the_timer(stack: LocalStack) -> None:
    assert stack.host is not None
    configure(stack, drop_fraction=1.0)
    cycles = count_cycles(stack)
    threads = inject(stack, 2)
    assert not run_host_until(
        stack.host, lambda: any(t in comments(stack) for t in threads), timeout=3
    )
    assert cycles == [] and webhook_summary(stack)["stats"]["dropped"] == 2
    stack.poll_once()  # the timer, the safety net
    assert [comments(stack).get(t) for t in threads] == [1, 1]
