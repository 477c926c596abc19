"""Our hubspot/ modules live beside the official SDK's under one import name: no clashes."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import hubspot

OURS = Path(__file__).resolve().parents[1] / "hubspot"


def test_our_module_names_do_not_shadow_the_sdk() -> None:
    ours = {m.name for m in pkgutil.iter_modules([str(OURS)])}
    sdk_dirs = [p for p in hubspot.__path__ if Path(p).resolve() != OURS.resolve()]
    assert sdk_dirs, "the official SDK (hubspot-api-client) is not on hubspot.__path__"
    sdk = {m.name for m in pkgutil.iter_modules(sdk_dirs)}
    assert {"hubspot", "crm", "conversations"} <= sdk
    assert ours >= {"models", "errors", "ratelimit", "inbox_client", "markers", "rendering"}
    assert not ours & sdk, f"module names shared with the SDK: {sorted(ours & sdk)}"


def test_sdk_and_ours_both_import() -> None:
    sdk_client = importlib.import_module("hubspot.hubspot")
    assert hasattr(sdk_client, "HubSpot")
    ours = importlib.import_module("hubspot.inbox_client")
    assert Path(ours.__file__ or "").resolve().parent == OURS.resolve()
