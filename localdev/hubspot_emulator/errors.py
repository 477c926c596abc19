"""HubSpot-shaped error bodies (`{"status":"error","message","correlationId","category"}`)."""

from __future__ import annotations

import uuid
from typing import Any

from starlette.responses import JSONResponse


class HubSpotError(Exception):
    """Raised by route code; turned into HubSpot's error body and status by the app."""

    def __init__(
        self,
        status_code: int,
        category: str,
        message: str,
        *,
        context: dict[str, list[str]] | None = None,
        sub_category: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.category = category
        self.message = message
        self.context = context
        self.sub_category = sub_category


def error_body(
    category: str,
    message: str,
    *,
    context: dict[str, list[str]] | None = None,
    sub_category: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "status": "error",
        "message": message,
        "correlationId": str(uuid.uuid4()),
        "category": category,
    }
    if context:
        body["context"] = context
    if sub_category:
        body["subCategory"] = sub_category
    return body


def error_response(exc: HubSpotError) -> JSONResponse:
    return JSONResponse(
        error_body(exc.category, exc.message, context=exc.context, sub_category=exc.sub_category),
        status_code=exc.status_code,
    )


def validation_error(message: str, *, param: str | None = None) -> HubSpotError:
    """HubSpot's 400; `param` names the offending field in `context`, as HubSpot does."""
    context = {param: [message]} if param else None
    return HubSpotError(400, "VALIDATION_ERROR", message, context=context)


def not_found(what: str) -> HubSpotError:
    return HubSpotError(404, "OBJECT_NOT_FOUND", f"{what} not found")


def rate_limit_body(policy_name: str, message: str) -> dict[str, Any]:
    """HubSpot's 429 body. `category` is added (HubSpot sends RATE_LIMITS on newer APIs)
    so the body also satisfies the spec's Error schema, which requires it."""
    return {
        "status": "error",
        "message": message,
        "errorType": "RATE_LIMIT",
        "correlationId": str(uuid.uuid4()),
        "policyName": policy_name,
        "category": "RATE_LIMITS",
    }
