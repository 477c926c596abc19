"""The poll's last activity: take the wake-up request a webhook left during the run."""

from __future__ import annotations

from typing import Any

import azure.durable_functions as df

from orchestrators import names
from pipeline import wake

bp = df.Blueprint()


@bp.activity_trigger(input_name="payload", activity=names.TAKE_WAKE_REQUEST)
def take_wake_request(payload: Any) -> bool:
    """{"run_id": ...} -> True if another cycle is wanted now (idempotent per run id)."""
    return wake.take_wake_request(str(payload["run_id"]))
