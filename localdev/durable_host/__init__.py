"""A local Durable Functions host for tests and `triage run` (never deployed).

It runs the same registered `function_app.app` that production runs, replaying
orchestrators with the SDK's own engine (`Orchestrator(fn).handle(context)` over a history
JSON, exactly what `Orchestrator.create` does inside the Functions worker). See DESIGN.md
section 4 for the history protocol it speaks.
"""

from localdev.durable_host.client import (
    HttpApiFailure,
    LocalDurableClient,
    LocalOrchestrationStatus,
    storage_failure,
)
from localdev.durable_host.engine import (
    FaultInjection,
    HostStats,
    InstanceAlreadyActiveError,
    InstanceNotFoundError,
    LocalDurableHost,
    NonDeterminismError,
)
from localdev.durable_host.registry import FunctionRegistry

__all__ = [
    "FaultInjection",
    "FunctionRegistry",
    "HostStats",
    "HttpApiFailure",
    "InstanceAlreadyActiveError",
    "InstanceNotFoundError",
    "LocalDurableClient",
    "LocalDurableHost",
    "LocalOrchestrationStatus",
    "NonDeterminismError",
    "storage_failure",
]
