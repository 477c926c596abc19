"""Errors the HubSpot client raises, each saying what to fix.

Messages carry HubSpot's category, message and correlation id (what HubSpot support asks
for), never request bodies: those may hold email text.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from hubspot.models import ErrorBody


class HubSpotError(Exception):
    """A HubSpot call failed. `status` is the HTTP status (None when none was received)."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        category: str | None = None,
        correlation_id: str | None = None,
        hubspot_message: str | None = None,
        context: dict[str, Any] | None = None,
    ) -> None:
        suffix = f" (correlationId {correlation_id})" if correlation_id else ""
        super().__init__(message + suffix)
        self.message = message
        self.status = status
        self.category = category
        self.correlation_id = correlation_id
        self.hubspot_message = hubspot_message
        self.context = context or {}


class HubSpotAuthError(HubSpotError):
    """401: the access token is invalid or expired."""


class HubSpotScopeError(HubSpotError):
    """403: the private app lacks a scope; `missing_scopes` names it."""

    def __init__(self, message: str, *, missing_scopes: list[str], **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.missing_scopes = missing_scopes


class HubSpotNotFound(HubSpotError):
    """404 on something other than a thread."""


class ThreadGone(HubSpotNotFound):
    """404 on a thread: it was deleted or archived since we listed it."""

    def __init__(self, thread_id: str, **kwargs: Any) -> None:
        super().__init__(f"HubSpot thread {thread_id} no longer exists (404)", **kwargs)
        self.thread_id = thread_id


class HubSpotValidationError(HubSpotError):
    """400: HubSpot refused the request; `category` and `hubspot_message` say why."""


class HubSpotUnavailable(HubSpotError):
    """Retries (429, 5xx, connection errors) were exhausted."""

    def __init__(self, what: str, *, seconds: float, attempts: int, last_error: str) -> None:
        super().__init__(
            f"HubSpot unavailable: {what} still failing after {attempts} attempt(s) over "
            f"{seconds:.1f} s (last: {last_error}); check HubSpot's status page or raise "
            "HUBSPOT_MAX_RETRY_SECONDS"
        )
        self.seconds = seconds
        self.attempts = attempts
        self.last_error = last_error


class HubSpotPagingError(HubSpotError):
    """A listing did not end: a paging cursor came back twice, or pages exceeded a bound."""

    def __init__(self, message: str, *, endpoint: str, cursor: str, pages: int) -> None:
        super().__init__(message)
        self.endpoint = endpoint
        self.cursor = cursor
        self.pages = pages


def parse_error_body(raw: bytes | str) -> ErrorBody:
    """HubSpot's error JSON, or an empty ErrorBody when the body is not that JSON."""
    try:
        data = json.loads(raw or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return ErrorBody()
    if not isinstance(data, dict):
        return ErrorBody()
    try:
        return ErrorBody.model_validate(data)
    except ValidationError:
        return ErrorBody()


def error_for_response(
    status: int, body: ErrorBody, *, what: str, required_scope: str | None = None
) -> HubSpotError:
    """The exception for a non-retryable error response to the call described by `what`."""
    common: dict[str, Any] = {
        "status": status,
        "category": body.category,
        "correlation_id": body.correlation_id,
        "hubspot_message": body.message,
        "context": body.context,
    }
    if status == 401:
        category = body.category or "INVALID_AUTHENTICATION"
        return HubSpotAuthError(
            f"HubSpot rejected the access token ({category}) on {what}; "
            "check the HUBSPOT_ACCESS_TOKEN setting",
            **common,
        )
    if status == 403:
        scopes = _scopes_from_context(body.context) or ([required_scope] if required_scope else [])
        named = ", ".join(scopes) if scopes else "unknown (HubSpot did not say)"
        return HubSpotScopeError(
            f"HubSpot refused {what}: the private app lacks the scope {named}; add it to "
            "the app and reinstall, then update HUBSPOT_ACCESS_TOKEN",
            missing_scopes=scopes,
            **common,
        )
    if status == 400:
        return HubSpotValidationError(
            f"HubSpot refused {what} ({body.category or 'VALIDATION_ERROR'}): "
            f"{body.message or 'no message'}",
            **common,
        )
    if status == 404:
        return HubSpotNotFound(f"HubSpot found nothing for {what} (404)", **common)
    return HubSpotError(
        f"HubSpot answered {status} to {what} ({body.category or 'no category'}): "
        f"{body.message or 'no message'}",
        **common,
    )


def _scopes_from_context(context: dict[str, Any] | None) -> list[str]:
    if not context:
        return []
    scopes: list[str] = []
    for key in ("requiredGranularScopes", "requiredScopes", "missingScopes"):
        value = context.get(key)
        if isinstance(value, list):
            scopes += [str(s) for s in value]
    return scopes
