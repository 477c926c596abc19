"""Which model deployments work, as this process has seen them: for /api/status, the
`triage models` command, and logs that say a deployment is failing once, not per email.

A deployment-level failure (the key, the role, the deployment name, an outage) is logged
when the state changes: ERROR for configuration an operator must fix, WARNING for a
passing outage; recovery is logged at INFO. One email's filtered or malformed answer is not
the deployment's health (the call itself worked).
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel

from core.llm.failures import CONFIGURATION, ModelFailure

log = logging.getLogger(__name__)

Role = Literal["chat", "embeddings"]
State = Literal["ok", "failing"]


class TargetHealth(BaseModel):
    role: Role
    deployment: str
    state: State
    kind: str = ""  # FailureKind of the last failure
    reason: str = ""
    since: datetime  # when this state (and reason) began
    checked_at: datetime  # the last call or probe that told us
    served_model: str = ""  # the model the service says answered (Azure: behind the name)


def _now() -> datetime:
    return datetime.now(UTC)


class ModelHealth:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._targets: dict[tuple[str, str], TargetHealth] = {}

    def get(self, role: Role, deployment: str) -> TargetHealth | None:
        with self._lock:
            return self._targets.get((role, deployment))

    def record_ok(self, role: Role, deployment: str, *, served_model: str = "") -> None:
        now = _now()
        with self._lock:
            before = self._targets.get((role, deployment))
            if before is not None and before.state == "ok":
                before.checked_at = now
                before.served_model = served_model or before.served_model
                return
            self._targets[(role, deployment)] = TargetHealth(
                role=role,
                deployment=deployment,
                state="ok",
                since=now,
                checked_at=now,
                served_model=served_model or (before.served_model if before else ""),
            )
        if before is not None:
            log.info("%s deployment %r works again (was: %s)", role, deployment, before.kind)

    def record_failure(self, role: Role, deployment: str, failure: ModelFailure) -> None:
        """Remember a deployment-level failure; log it when it is news (a new reason)."""
        if not failure.deployment_level:
            return
        now = _now()
        with self._lock:
            before = self._targets.get((role, deployment))
            same = before is not None and before.state == "failing" and before.kind == failure.kind
            if same and before is not None:
                before.checked_at = now
                before.reason = failure.reason
                return
            self._targets[(role, deployment)] = TargetHealth(
                role=role,
                deployment=deployment,
                state="failing",
                kind=failure.kind.value,
                reason=failure.reason,
                since=now,
                checked_at=now,
                served_model=before.served_model if before else "",
            )
        level = logging.ERROR if failure.kind in CONFIGURATION else logging.WARNING
        log.log(level, "%s deployment %r is failing: %s", role, deployment, failure.reason)

    def snapshot(self) -> list[TargetHealth]:
        with self._lock:
            return [t.model_copy() for t in self._targets.values()]

    def clear(self) -> None:
        with self._lock:
            self._targets.clear()


HEALTH = ModelHealth()  # the process's view, shared by every client
