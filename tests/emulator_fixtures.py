"""Fixtures for the HubSpot emulator, and a contract checker against HubSpot's own specs.

Use in a test module by binding the fixtures as module names (pytest finds them there;
an assignment, unlike `from ... import`, does not trip ruff's F811 on test parameters):
    from tests import emulator_fixtures
    hubspot_emulator = emulator_fixtures.hubspot_emulator
    fresh_emulator = emulator_fixtures.fresh_emulator
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import pytest
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from localdev.hubspot_emulator import EmulatorServer

SPEC_DIR = Path(__file__).resolve().parents[2] / "shared" / "hubspot-openapi"
if not SPEC_DIR.is_dir():  # repository checked out elsewhere: /work/shared
    SPEC_DIR = Path("/work/shared/hubspot-openapi")
SPEC_SERVER = "https://api.hubapi.com"  # the specs' `servers` entry; paths are matched under it


@pytest.fixture(scope="session")
def hubspot_emulator() -> Iterator[EmulatorServer]:
    """One emulator subprocess (default seed, rate limit off) for the whole session."""
    with EmulatorServer(seed="default") as server:
        yield server


@pytest.fixture
def fresh_emulator(hubspot_emulator: EmulatorServer) -> EmulatorServer:
    """The session emulator reset to the default seed, with no faults, before the test."""
    hubspot_emulator.reset("default")
    hubspot_emulator.clear_faults()
    return hubspot_emulator


@cache
def _spec(name: str) -> OpenAPI:
    spec = json.loads((SPEC_DIR / name).read_text(encoding="utf-8"))
    # The specs declare error bodies as `*/*`, which openapi-core does not parse, so it
    # would compare raw bytes with the Error schema. HubSpot sends them as JSON: check them
    # as JSON. This is the only change made to HubSpot's files, in memory.
    for response in spec.get("components", {}).get("responses", {}).values():
        content = response.get("content", {})
        if "*/*" in content:
            content["application/json"] = content.pop("*/*")
    return OpenAPI.from_dict(spec)


def spec_for(path: str) -> OpenAPI:
    return _spec("crm-notes-v3.json" if path.startswith("/crm/") else "conversations-v3.json")


def assert_matches_spec(response: httpx.Response) -> None:
    """Validate an emulator response (status, headers, body) against HubSpot's OpenAPI spec.

    Raises openapi-core's validation error naming the schema part at fault.
    """
    request = response.request
    query: dict[str, Any] = {}
    for key, value in request.url.params.multi_items():
        query.setdefault(key, value)
    mock_request = MockRequest(
        SPEC_SERVER,
        request.method,
        request.url.path,
        args=query,
        data=request.content or None,
    )
    mock_response = MockResponse(
        response.content,
        status_code=response.status_code,
        headers=dict(response.headers),
        content_type=response.headers.get("content-type", "application/json").split(";")[0],
    )
    spec_for(request.url.path).validate_response(mock_request, mock_response)


class SpecCheckedClient(httpx.Client):
    """An httpx client whose every response is checked against the spec before returning."""

    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        response = super().send(request, **kwargs)
        response.read()
        assert_matches_spec(response)
        return response


def hubspot_client(server: EmulatorServer, token: str | None = None) -> SpecCheckedClient:
    """A client with the Bearer token (the server's unless given) whose responses are all
    validated against HubSpot's spec."""
    headers = {"Authorization": f"Bearer {token or server.token}"} if token != "" else {}
    return SpecCheckedClient(base_url=server.base_url, headers=headers, timeout=10.0)


@pytest.fixture
def hubspot_http(fresh_emulator: EmulatorServer) -> Iterator[SpecCheckedClient]:
    """A spec-checked client on a freshly reset emulator."""
    with hubspot_client(fresh_emulator) as client:
        yield client
