"""The emulator's FastAPI app: HubSpot's routes, the admin API and the inbox page."""

from __future__ import annotations

from fastapi import FastAPI, Request
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from localdev.hubspot_emulator import admin, hubspot_api, ui
from localdev.hubspot_emulator.emulator_state import EmulatorState
from localdev.hubspot_emulator.errors import error_body


def create_app(state: EmulatorState | None = None) -> FastAPI:
    app = FastAPI(
        title="Local HubSpot emulator",
        description="Conversations v3 and CRM notes v3, held to HubSpot's OpenAPI specs.",
        docs_url="/_emulator/docs",
        redoc_url=None,
        openapi_url="/_emulator/openapi.json",
    )
    app.state.emulator = state or EmulatorState()
    app.include_router(hubspot_api.router)
    app.include_router(admin.router)
    app.include_router(ui.router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/_emulator"):
            return JSONResponse({"detail": exc.detail}, exc.status_code)
        # Unknown HubSpot paths and methods get HubSpot's error body, not FastAPI's.
        category = "OBJECT_NOT_FOUND" if exc.status_code == 404 else "VALIDATION_ERROR"
        message = f"{request.method} {request.url.path}: " + (
            "no such endpoint" if exc.status_code == 404 else str(exc.detail)
        )
        return JSONResponse(error_body(category, message), exc.status_code)

    return app
