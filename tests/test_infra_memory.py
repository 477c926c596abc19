"""The instance size against the worker's measured memory (infra/worker-memory.json, written
from `python -m bench worker_memory`; infra/README.md, "Worker memory").

The record holds the limits and the activity concurrency it was measured with: changing
either without measuring again fails here, as does an instance size that does not hold the
worker with the headroom, or one larger than needed.
"""

from __future__ import annotations

import json
from typing import Any

from bench.worker_memory import HEADROOM
from rag.ingest.limits import DEFAULT_LIMITS, INGEST_MEMORY_BUDGET_MIB
from tests.infra_fixtures import INFRA, Evaluator

MEASURED: dict[str, Any] = json.loads((INFRA / "worker-memory.json").read_text())
FACTS: dict[str, Any] = json.loads((INFRA / "azure-facts.json").read_text())


def _instance_sizes_in_use() -> set[int]:
    given = json.loads((INFRA / "main.parameters.json").read_text())["parameters"]
    return {
        int(Evaluator(INFRA / "main.bicep").param("instanceMemoryMB")),
        int(given["instanceMemoryMB"]["value"]),
    }


def _budget(instance_mb: int) -> float:
    return instance_mb * (1 - MEASURED["headroom"])


def test_the_record_is_of_todays_limits_and_concurrency() -> None:
    host = json.loads((INFRA.parent / "host.json").read_text())
    slots = host["extensions"]["durableTask"]["maxConcurrentActivityFunctions"]
    assert MEASURED["activitySlots"] == slots
    limits = MEASURED["limits"]
    assert limits["maxFileBytes"] == DEFAULT_LIMITS.max_file_bytes
    assert limits["maxMarkupBytes"] == DEFAULT_LIMITS.max_markup_bytes
    assert limits["maxTableRows"] == DEFAULT_LIMITS.max_table_rows
    assert limits["maxDocumentChars"] == DEFAULT_LIMITS.max_document_chars
    assert MEASURED["headroom"] == HEADROOM  # the bench's verdict uses the same


def test_every_accepted_file_measured_within_the_ingest_budget() -> None:
    growth = MEASURED["ingestGrowthMiB"]
    assert len(growth) >= 9  # every shape of bench/worker_memory_cases.py was measured
    worst = max(growth, key=growth.get)
    assert growth[worst] <= INGEST_MEMORY_BUDGET_MIB, worst


def test_the_instance_holds_the_worker_with_headroom() -> None:
    for size in _instance_sizes_in_use():
        assert MEASURED["worstPeakMiB"] <= _budget(size), size
        # Not only what was seen: the warm worker, 8 worst-case emails and the most an
        # ingestion step may add (what tests/test_ingest_memory.py holds the limits to).
        bound = MEASURED["warmWorkerMiB"] + MEASURED["emailsGrowthMiB"] + INGEST_MEMORY_BUDGET_MIB
        assert bound <= _budget(size), (bound, size)


def test_the_instance_is_the_smallest_documented_size_that_holds_it() -> None:
    bound = MEASURED["warmWorkerMiB"] + MEASURED["emailsGrowthMiB"] + INGEST_MEMORY_BUDGET_MIB
    needed = max(bound, MEASURED["worstPeakMiB"])
    documented = sorted(FACTS["flexConsumption"]["instanceMemoryMB"])
    smallest = next(size for size in documented if needed <= _budget(size))
    assert _instance_sizes_in_use() == {smallest}
