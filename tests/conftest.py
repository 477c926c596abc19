"""Shared fixtures: real local stand-ins started on free loopback ports."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from localdev.azurite import Azurite


@pytest.fixture(scope="session")
def azurite() -> Iterator[Azurite]:
    """Azurite's table service, in memory, telemetry off; stopped by PID at the end."""
    with Azurite() as server:
        yield server
