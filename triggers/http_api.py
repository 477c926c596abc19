"""HTTP endpoints. Health is anonymous; everything else needs a function key."""

from __future__ import annotations

import json

import azure.durable_functions as df
import azure.functions as func

bp = df.Blueprint()


def health_body() -> dict[str, str]:
    """What /api/health answers: liveness only, no dependencies touched, nothing secret."""
    return {"status": "ok"}


@bp.route(route="health", methods=["GET"], auth_level=func.AuthLevel.ANONYMOUS)
def health(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(json.dumps(health_body()), mimetype="application/json")
