"""Webhooks wake the poller: the steps shared by the webhook endpoint and the poll's last
activity, over the wake-request row (ledger/wake_requests.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from core.settings import Settings
from ledger.wake_requests import WakeRequests, WakeState
from pipeline import services

_cached: tuple[Settings, WakeRequests] | None = None


def wake_store() -> WakeRequests:
    """One store per settings object: `services.reset()` (a new environment) builds anew."""
    global _cached
    settings = services.settings()
    if _cached is None or _cached[0] is not settings:
        _cached = (
            settings,
            WakeRequests.from_connection(
                connection_string=settings.ledger_connection_string.get_secret_value()
                if settings.ledger_connection_string
                else None,
                endpoint=settings.ledger_table_endpoint,
                prefix=settings.ledger_table_prefix,
            ),
        )
    return _cached[1]


def note_webhook(*, wake: bool, at: datetime | None = None) -> None:
    wake_store().record_webhook(at or datetime.now(UTC), wake=wake)


def take_wake_request(run_id: str) -> bool:
    """True if a webhook asked for another cycle since the last take (cleared now). With
    polling paused, requests stay pending: a webhook must not poll when ops paused it."""
    if services.settings().polling_paused:
        return False
    return wake_store().take(run_id)


def wake_state() -> WakeState:
    return wake_store().read()


def last_webhook_iso() -> str | None:
    """When the last verified webhook call arrived (for /api/status), or None."""
    at = wake_state().last_webhook_at
    return at.isoformat() if at else None
