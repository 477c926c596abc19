"""One end-to-end run of the local stack under storage and knowledge-base faults, with the
exactly-once check: the shared core of `python -m bench faults`, `python -m bench long_run`
and tests/test_storage_faults_e2e.py.

The production function_app on the local Durable host; Azurite behind the Table Storage
fault proxy (localdev/table_faults.py); embedded Qdrant behind localdev/qdrant_faults.py;
the HubSpot emulator and the OpenAI-compatible stub (chat and embeddings) in their own
processes. The knowledge base is ingested by the ingestion orchestration (as POST
/api/kb/ingest does), so the timer's guard can rebuild it after a restart.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from localdev.table_faults import WRITES, TableFaultConfig

PER_POLL = 500  # emails one poll takes (POLL_MAX_THREADS_PER_RUN)


@dataclass(frozen=True)
class QdrantPlan:
    """Knowledge-base faults, each starting a quarter into the first poll's drafts and
    lasting to the end of that poll (unreachable, slow) or happening once (restart)."""

    unreachable: bool = False
    slow_ms: int = 0
    restart: bool = False

    @property
    def any(self) -> bool:
        return self.unreachable or bool(self.slow_ms) or self.restart


@dataclass(frozen=True)
class Scenario:
    name: str
    table: TableFaultConfig = field(default_factory=TableFaultConfig)
    qdrant: QdrantPlan = field(default_factory=QdrantPlan)


def scenarios(seed: int = 23) -> list[Scenario]:
    """Each fault alone, then all together (the rates are per Table Storage request)."""
    lost = TableFaultConfig(lost_response=0.05, operations=WRITES, seed=seed)
    return [
        Scenario("none"),
        Scenario("storage 503 ServerBusy 5%", TableFaultConfig(server_busy=0.05, seed=seed)),
        Scenario("storage 500 OperationTimedOut 5%", TableFaultConfig(timed_out=0.05, seed=seed)),
        Scenario("storage connection reset 3%", TableFaultConfig(reset=0.03, seed=seed)),
        Scenario("storage slow 5% x 100 ms", TableFaultConfig(slow=0.05, slow_ms=100, seed=seed)),
        Scenario("storage write applied, response lost 5%", lost),
        Scenario("qdrant unreachable for a while", qdrant=QdrantPlan(unreachable=True)),
        Scenario("qdrant slow (20 ms a call)", qdrant=QdrantPlan(slow_ms=20)),
        Scenario("qdrant restarted empty", qdrant=QdrantPlan(restart=True)),
        all_together(seed),
    ]


def all_together(seed: int = 23) -> Scenario:
    table = TableFaultConfig(
        server_busy=0.02,
        timed_out=0.02,
        reset=0.01,
        lost_response=0.02,
        slow=0.02,
        slow_ms=100,
        seed=seed,
    )
    return Scenario("all together", table, QdrantPlan(unreachable=True, slow_ms=20, restart=True))


def stack_settings(llm_url: str) -> dict[str, str]:
    from localdev.stack import SAMPLE_KB

    return {
        "LLM_PROVIDER": "openai_compatible",
        "OPENAI_BASE_URL": llm_url,
        "OPENAI_API_KEY": "stub-key",
        "EMBEDDING_PROVIDER": "openai_compatible",
        "EMBEDDING_MODEL": "stub-embedding",
        "EMBEDDING_PRICE_PER_1M": "0",
        "KNOWLEDGE_BASE_PATH": str(SAMPLE_KB),
        "POLL_MAX_THREADS_PER_RUN": str(PER_POLL),
        # The emulator has no rate limit here; HubSpot's limits are bench hubspot_storm's.
        "HUBSPOT_RATE_LIMIT_PER_10S": "1000",
        "POLL_OVERLAP_SECONDS": "60",
        # Held emails (the knowledge base away) are claimed again by the next poll.
        "CLAIM_LEASE_SECONDS": "1",
    }


@dataclass
class _DraftWatch:
    """Counts drafts (to time the knowledge-base faults) and what each was drafted
    against (chunks in the store at that moment)."""

    drafts: int = 0
    against_empty: int = 0
    chunks_seen: list[int] = field(default_factory=list)


@contextmanager
def _watch_drafts(watch: _DraftWatch) -> Iterator[None]:
    import pipeline.drafting as drafting
    from pipeline.services import knowledge_store

    real = drafting.retrieve_and_draft

    def counted(*args: Any, **kwargs: Any) -> dict[str, Any]:
        chunks = knowledge_store().count()
        result = real(*args, **kwargs)
        if result.get("ok", True):
            watch.chunks_seen.append(chunks)
            watch.against_empty += int(chunks == 0)
        return result

    drafting.retrieve_and_draft = counted
    try:
        yield
    finally:
        drafting.retrieve_and_draft = real


def run(
    scenario: Scenario,
    emails: int,
    llm_url: str,
    *,
    max_cycles: int = 60,
    on_cycle: Callable[[Any, int], None] | None = None,
    batches: int = 1,
) -> dict[str, Any]:
    """`emails` new one-email threads (in `batches` arrivals, one per poll), worked through
    under `scenario`; the figures and the exactly-once check. `on_cycle(stack, poll)` is
    called after each poll (the long run samples memory there)."""
    import asyncio

    from localdev.qdrant_faults import QdrantFaults, wipe
    from localdev.stack import LocalStack
    from orchestrators import names
    from pipeline.services import knowledge_store

    watch = _DraftWatch()
    with (
        tempfile.TemporaryDirectory() as tmp,
        LocalStack(
            data_dir=Path(tmp),
            seed="empty",
            persist_ledger=False,
            settings=stack_settings(llm_url),
            table_faults=TableFaultConfig(),
        ) as stack,
        QdrantFaults() as qdrant,
        _watch_drafts(watch),
    ):
        assert stack.host is not None and stack.emulator is not None
        assert stack.table_proxy is not None and stack.azurite is not None
        host, proxy, emulator = stack.host, stack.table_proxy, stack.emulator
        client = host.client()
        asyncio.run(client.start_new(names.INGEST_ORCHESTRATOR, names.INGEST_INSTANCE_ID, {}))
        host.run_until_idle(timeout=600)
        # a quarter into the first poll's drafts: a poll takes at most PER_POLL emails, so
        # from a larger arrival the fault would otherwise come at that poll's very end
        fault_from = max(1, min(-(-emails // batches), PER_POLL) // 4)
        plan = scenario.qdrant
        qdrant_fired = {"restart": False, "down": False, "slow": False}

        def knowledge_base_faults(_: Any) -> None:
            watch.drafts += 1
            if watch.drafts != fault_from:
                return
            if plan.restart and not qdrant_fired["restart"]:
                qdrant_fired["restart"] = True
                wipe(knowledge_store())
            if plan.unreachable and not qdrant_fired["down"]:
                qdrant_fired["down"] = True
                qdrant.unreachable = True
            if plan.slow_ms and not qdrant_fired["slow"]:
                qdrant_fired["slow"] = True
                qdrant.delay_s = plan.slow_ms / 1000

        host.before_activity["draft_and_post"] = knowledge_base_faults
        direct = _direct_ledger(stack.azurite.connection_string)
        received: dict[str, tuple[str, datetime | None]] = {}
        cycles = failed_polls = cursor_violations = 0
        decided: Counter[str] = Counter()
        started = time.perf_counter()
        added = 0
        while cycles < max_cycles:
            if added < emails:
                size = min(emails - added, -(-emails // batches))
                proxy.configure(TableFaultConfig())  # the arrivals are not the test
                # bulk() dates its emails from `size` ms before the call: list from there.
                since = datetime.now(UTC) - timedelta(seconds=size / 1000 + 5)
                emulator.bulk(size)
                added += size
                received.update(_inbound_emails(stack, since))
                watch.drafts = 0
            proxy.configure(scenario.table)
            cycles += 1
            try:
                summary = stack.poll_once(timeout=7200)
            except RuntimeError as error:  # a poll that ended Failed: the timer tries again
                failed_polls += 1
                print(f"  poll {cycles} failed: {str(error)[:160]}", file=sys.stderr)
                summary = {"counts": {}, "backlog": 1}
            qdrant.unreachable, qdrant.delay_s = False, 0.0  # back by the next poll
            counts = Counter(summary.get("counts", {}))
            decided += counts
            cursor_violations += _cursor_violations(direct, received)
            if on_cycle is not None:
                on_cycle(stack, cycles)
            print(
                f"  {scenario.name}: poll {cycles}, {sum(decided.values())} decisions, "
                f"backlog {summary.get('backlog')}",
                file=sys.stderr,
                flush=True,
            )
            progressing = [d for d in counts if d != "not_claimed"]
            if added >= emails and summary.get("backlog") == 0 and not progressing:
                break
        seconds = time.perf_counter() - started
        proxy.configure(TableFaultConfig())
        check = exactly_once(stack, direct, received)
        email_ids = set(received)
        hits = {p: n for p, n in proxy.counters.by_partition.items() if p in email_ids}
        records = check.pop("records")
        return {
            "scenario": scenario.name,
            "emails": len(received),
            **{k: v for k, v in check.items()},
            "cursor_violations": cursor_violations,
            "drafted_against_empty": watch.against_empty,
            "storage_faults": proxy.counters.total_faults(),
            "storage_faults_by_kind": dict(proxy.counters.faults),
            "activity_retries": host.stats.activities_failed,
            "claim_retakes": sum(max(r.attempts - 1, 0) for r in records),
            "emails_hit": len(hits),
            "max_faults_one_email": max(hits.values(), default=0),
            "qdrant_refused": qdrant.refused,
            "qdrant_delayed": qdrant.delayed,
            "held": decided.get("held", 0),
            "polls": cycles,
            "failed_polls": failed_polls,
            "seconds": seconds,
        }


def _direct_ledger(connection_string: str) -> Any:
    """The ledger straight on Azurite (no proxy): the checks must not be faulted."""
    from ledger.table_ledger import TableLedger
    from pipeline.services import settings

    return TableLedger.from_connection(
        connection_string=connection_string, prefix=settings().ledger_table_prefix
    )


def _inbound_emails(stack: Any, since: datetime) -> dict[str, tuple[str, datetime | None]]:
    """message id → (thread id, received at) for every inbound email of the threads with a
    message after `since` (the threads of one arrival, and those commented on lately)."""
    from hubspot.inbox_client import InboxClient
    from pipeline.mapping import is_inbound_email

    emulator = stack.emulator
    # Its own client, unlimited: the check's calls must not eat the app's request budget.
    client = InboxClient(emulator.token, emulator.base_url, rate_limit_per_10s=100_000)
    found: dict[str, tuple[str, datetime | None]] = {}
    for inbox in client.list_inboxes():
        for thread in client.iter_threads(inbox.id, since):
            for message in client.list_messages(thread.id):
                if is_inbound_email(message):
                    found[message.id] = (thread.id, message.created_at)
    client.close()
    return found


def _cursor_violations(direct: Any, received: dict[str, tuple[str, datetime | None]]) -> int:
    """Emails received before the stored cursor that are not final: ones no later poll
    would list again."""
    from ledger.models import FINAL_STATES

    after = direct.load_cursor("poll").after
    if after is None:
        return 0
    states = {r.message_id: r.state for r in direct.all_records()}
    return sum(
        1
        for message_id, (_, at) in received.items()
        if at is not None and at < after and states.get(message_id) not in FINAL_STATES
    )


def exactly_once(
    stack: Any, direct: Any, received: dict[str, tuple[str, datetime | None]]
) -> dict[str, Any]:
    """Comments per thread from the emulator against the ledger's final states."""
    from ledger.models import FINAL_STATES

    records = {r.message_id: r for r in direct.all_records()}
    stats = stack.emulator.stats()
    posts: dict[str, int] = stats["comment_posts_by_thread"]
    not_final = [m for m in received if m not in records or records[m].state not in FINAL_STATES]
    posted = [r for r in records.values() if r.state == "posted" and r.message_id in received]
    due_threads = {r.thread_id for r in posted if r.posted_via == "comment"}
    missing = [t for t in due_threads if posts.get(t, 0) == 0]
    unexpected = [t for t in posts if t not in due_threads]
    return {
        "records": list(records.values()),
        "due": len(due_threads),
        "comments_posted": sum(posts.values()),
        "duplicates": sum(n - 1 for n in posts.values() if n > 1),
        "lost": len(not_final) + len(missing),
        "not_final": len(not_final),
        "unexpected_comments": len(unexpected),
        "states": dict(Counter(r.state for r in records.values())),
    }
