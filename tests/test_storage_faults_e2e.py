"""Exactly once and nothing lost under each Table Storage fault, end to end: the production
function_app on the local Durable host, Azurite behind the fault proxy, the HubSpot
emulator, embedded Qdrant, the OpenAI stub. Small backlogs and high rates here; the full
sizes are `python -m bench faults`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bench.fault_run import QdrantPlan, Scenario, all_together, run
from localdev.openai_stub.server import OpenAIStub
from localdev.table_faults import WRITES, TableFaultConfig

pytestmark = pytest.mark.slow

EMAILS = 24


@pytest.fixture(scope="module")
def stub_url() -> Iterator[str]:
    with OpenAIStub() as stub:
        yield stub.base_url


def assert_exactly_once(result: dict[str, Any], emails: int = EMAILS) -> None:
    assert result["emails"] == emails
    assert result["lost"] == 0 and result["not_final"] == 0, result["states"]
    assert result["duplicates"] == 0 and result["unexpected_comments"] == 0
    assert result["comments_posted"] == result["due"] > 0
    assert result["cursor_violations"] == 0
    assert result["drafted_against_empty"] == 0


@pytest.mark.parametrize(
    ("kind", "config"),
    [
        ("server_busy", TableFaultConfig(server_busy=0.1, seed=1)),
        ("timed_out", TableFaultConfig(timed_out=0.1, seed=2)),
        ("reset", TableFaultConfig(reset=0.08, seed=3)),
        ("lost_response", TableFaultConfig(lost_response=0.1, operations=WRITES, seed=4)),
    ],
)
def test_each_storage_fault_keeps_exactly_once(
    stub_url: str, kind: str, config: TableFaultConfig
) -> None:
    result = run(Scenario(kind, config), EMAILS, stub_url)
    assert_exactly_once(result)
    assert sum(n for k, n in result["storage_faults_by_kind"].items() if k.startswith(kind)) > 3


def test_every_cursor_write_losing_its_response_fails_no_poll(stub_url: str) -> None:
    # Each save of the cursor commits and its answer is lost: the SDK resends the ETag
    # update (412) and the activity's retry resends the first insert (409). Both are the
    # poll's own write: the poll completes and the cursor moves on.
    config = TableFaultConfig(
        lost_response=1.0, operations=WRITES, tables=frozenset({"triagecursor"})
    )
    result = run(Scenario("lost cursor writes", config), EMAILS, stub_url, batches=2)
    assert_exactly_once(result)
    assert result["storage_faults"] >= 2
    assert result["failed_polls"] == 0


def test_all_faults_together_with_the_knowledge_base_away(stub_url: str) -> None:
    table = all_together().table.model_copy(update={"seed": 5})
    scenario = Scenario("together", table, QdrantPlan(unreachable=True, slow_ms=5, restart=True))
    result = run(scenario, EMAILS, stub_url)
    assert_exactly_once(result)
    assert result["held"] > 0  # drafted later, once the knowledge base was back
    assert result["qdrant_refused"] > 0 and result["storage_faults"] > 0
