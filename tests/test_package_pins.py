"""Production runs the versions the tests ran: requirements.txt (the only file the Functions
remote build installs) pins the whole runtime closure of requirements.in, at exactly the
versions of constraints.txt (what `make install` and so every test installs)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.infra_fixtures import REPO_ROOT


def _pin_runtime() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pin_runtime", REPO_ROOT / "infra/pin_runtime.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pin = _pin_runtime()
REQUIREMENTS = REPO_ROOT / "requirements.txt"
CONSTRAINTS = REPO_ROOT / "constraints.txt"
RUNTIME_RANGES = REPO_ROOT / "requirements.in"


def _lines(path: Path) -> list[str]:
    return [
        line.strip()
        for line in path.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]


def test_every_deployed_requirement_is_an_exact_pin() -> None:
    loose = [line for line in _lines(REQUIREMENTS) if pin.exact_pin(line) is None]
    assert loose == [], f"requirements.txt must pin name==version, not ranges: {loose}"


def test_deployed_pins_are_the_tested_versions() -> None:
    deployed, tested = pin.read_pins(REQUIREMENTS), pin.read_pins(CONSTRAINTS)
    disagree = {
        name: (version, tested.get(name))
        for name, version in deployed.items()
        if tested.get(name) != version
    }
    assert disagree == {}, f"requirements.txt vs constraints.txt (run `make lock`): {disagree}"


def test_the_whole_runtime_closure_is_pinned_and_nothing_else() -> None:
    # The test environment was installed from constraints.txt, so its metadata gives the
    # closure at the tested versions; markers are evaluated for the Linux workers.
    closure = pin.runtime_closure(pin.read_requirements(RUNTIME_RANGES))
    deployed = pin.read_pins(REQUIREMENTS)
    unpinned = sorted(set(closure) - set(deployed))
    extra = sorted(set(deployed) - set(closure))
    assert unpinned == [], f"runtime dependencies missing from requirements.txt: {unpinned}"
    assert extra == [], f"requirements.txt ships what the app does not need: {extra}"
    for tool in ("pytest", "ruff", "mypy", "fastapi", "pycep-parser"):
        assert canonicalize_name(tool) not in deployed


def test_the_pins_satisfy_the_declared_ranges() -> None:
    deployed = pin.read_pins(REQUIREMENTS)
    for requirement in pin.read_requirements(RUNTIME_RANGES):
        version = deployed[canonicalize_name(requirement.name)]
        assert requirement.specifier.contains(version, prereleases=True), (requirement, version)


def test_the_generator_output_is_what_is_committed() -> None:
    assert pin.pinned_requirements(RUNTIME_RANGES, CONSTRAINTS) == REQUIREMENTS.read_text()


def test_a_drifted_or_missing_pin_is_caught(tmp_path: Path) -> None:
    # The checks above can fail: a constraints file with one version changed.
    lines = CONSTRAINTS.read_text().splitlines()
    changed = [f"{line}.post9" if line.startswith("pydantic==") else line for line in lines]
    drifted = tmp_path / "constraints.txt"
    drifted.write_text("\n".join(changed) + "\n")
    with pytest.raises(SystemExit, match="pydantic"):
        pin.pinned_requirements(RUNTIME_RANGES, drifted)
    ranges = tmp_path / "requirements.in"
    ranges.write_text(RUNTIME_RANGES.read_text() + "pytest>=8\n")
    assert "pytest" in pin.runtime_closure(pin.read_requirements(ranges))
    assert Requirement("pytest").name not in pin.read_pins(REQUIREMENTS)
