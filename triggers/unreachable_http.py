"""HTTP endpoints answer 503 with one JSON line when a dependency does not answer (the
ledger, Qdrant, HubSpot, the model): which setting points where and what to fix, never a
secret; any other exception is raised on (the host's 500)."""

from __future__ import annotations

import functools
import inspect
import json
import logging
from collections.abc import Callable
from typing import Any, TypeVar, cast

import azure.functions as func

from core.settings import Settings, get_settings
from core.unreachable import Unreachable, explain

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])


def unreachable_answer(exc: BaseException) -> Unreachable | None:
    """The Unreachable for a connection failure, with the app's settings when they load."""
    settings: Settings | None
    try:
        settings = get_settings()
    except Exception:  # the settings' own error is reported at start-up; name what we can
        settings = None
    return explain(exc, settings)


def unreachable_response(found: Unreachable) -> func.HttpResponse:
    log.error("%s", found.line())
    return func.HttpResponse(
        json.dumps(found.to_json()), status_code=503, mimetype="application/json"
    )


def answers_503_when_unreachable(function: F) -> F:
    """Decorate an HTTP function (beneath its route and client bindings; the signature the
    bindings read is kept by functools.wraps)."""
    if inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def run_async(*args: Any, **kwargs: Any) -> Any:
            try:
                return await function(*args, **kwargs)
            except Exception as exc:
                found = unreachable_answer(exc)
                if found is None:
                    raise
                return unreachable_response(found)

        return cast(F, run_async)

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except Exception as exc:
            found = unreachable_answer(exc)
            if found is None:
                raise
            return unreachable_response(found)

    return cast(F, run)
