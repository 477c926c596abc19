"""Helpers for the infra tests: parse infra/*.bicep with pycep and evaluate the small subset of
Bicep expressions the app settings use (parameters, variables, conditionals, union, empty,
contains, string), so tests can check what the Function App would actually receive.

pycep renders both identifiers and string literals as plain Python strings; a string that
names a parameter or variable of the file is treated as a reference, anything else as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pycep import BicepParser

REPO_ROOT = Path(__file__).resolve().parent.parent
INFRA = REPO_ROOT / "infra"
MODULES = INFRA / "modules"

# What a runtime-only value (a resource property, a module output) stands in for in tests.
RUNTIME = "https://runtime.example/"

_INTERPOLATION = re.compile(r"\$\{[^}]*\}")


@cache
def parse(path: Path) -> dict[str, Any]:
    """The pycep JSON of one Bicep file."""
    return dict(BicepParser().parse(file_path=path))


def bicep_files() -> list[Path]:
    return sorted([INFRA / "main.bicep", *MODULES.glob("*.bicep")])


def resources(path: Path, type_: str) -> dict[str, dict[str, Any]]:
    """Resources of one type declared (not `existing`) in a file, by symbolic name."""
    found = parse(path).get("resources", {})
    return {
        name: r["config"]
        for name, r in found.items()
        if r["type"] == type_ and not r.get("existing")
    }


def only_resource(path: Path, type_: str) -> dict[str, Any]:
    found = resources(path, type_)
    assert len(found) == 1, f"expected one {type_} in {path.name}, found {sorted(found)}"
    return next(iter(found.values()))


def secure_params(path: Path) -> set[str]:
    params = parse(path).get("parameters", {})
    return {
        name
        for name, p in params.items()
        if any(d.get("type") == "secure" for d in p.get("decorators", []))
    }


def identifiers(value: Any) -> set[str]:
    """Every plain string and every ${...} interpolation inside a pycep value."""
    out: set[str] = set()
    if isinstance(value, str):
        out.add(value)
        out.update(m.group(0)[2:-1].strip() for m in _INTERPOLATION.finditer(value))
    elif isinstance(value, dict):
        for item in value.values():
            out |= identifiers(item)
    elif isinstance(value, list):
        for item in value:
            out |= identifiers(item)
    return out


@dataclass
class Evaluator:
    """Evaluates main.bicep expressions with given parameter values (defaults otherwise)."""

    path: Path
    overrides: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        doc = parse(self.path)
        self.params: dict[str, Any] = doc.get("parameters", {})
        self.variables: dict[str, Any] = doc.get("variables", {})

    def param(self, name: str) -> Any:
        if name in self.overrides:
            return self.overrides[name]
        default = self.params[name].get("default")
        return RUNTIME if isinstance(default, dict) else default

    def evaluate(self, value: Any, raw_strings: bool = False) -> Any:
        if isinstance(value, bool | int | float) or value is None:
            return value
        if isinstance(value, str):
            if value in self.params:
                return self.param(value)
            if value in self.variables:
                return self.evaluate(self.variables[value]["value"], raw_strings)
            return value if raw_strings else _INTERPOLATION.sub("x", value)
        if isinstance(value, list):
            return [self.evaluate(v, raw_strings) for v in value]
        if "operator" in value:
            return self._operator(value["operator"], raw_strings)
        if "function" in value:
            return self._function(value["function"], raw_strings)
        return {k: self.evaluate(v, raw_strings) for k, v in value.items()}

    def _operator(self, op: dict[str, Any], raw: bool) -> Any:
        kind, operands = op["type"], op["operands"]
        if kind == "conditional":
            branch = "true_value" if self.evaluate(operands["condition"]) else "false_value"
            return self.evaluate(operands[branch], raw)
        if kind == "or":
            return any(self.evaluate(v) for v in operands.values())
        if kind == "and":
            return all(self.evaluate(v) for v in operands.values())
        if kind == "not":
            return not self.evaluate(next(iter(operands.values())))
        if kind == "add":
            return sum(self.evaluate(v) for v in operands.values())
        if kind == "property_accessor":
            return RUNTIME  # a module output or resource property: known only in Azure
        raise NotImplementedError(f"operator {kind}")

    def _function(self, fn: dict[str, Any], raw: bool) -> Any:
        kind, args = fn["type"], list(fn.get("parameters", {}).values())
        values = [self.evaluate(a, raw) for a in args]
        if kind == "union":
            merged: dict[str, Any] = {}
            for v in values:
                merged.update(v)
            return merged
        if kind == "empty":
            return not values[0]
        if kind == "contains":
            return values[1] in values[0]
        if kind == "string":
            return str(values[0]).lower() if isinstance(values[0], bool) else str(values[0])
        raise NotImplementedError(f"function {kind}")

    def variable(self, name: str, raw_strings: bool = False) -> Any:
        return self.evaluate(self.variables[name]["value"], raw_strings)


def all_branch_setting_names(path: Path) -> set[str]:
    """Names of app settings in any branch of main.bicep's appSettings union."""
    names: set[str] = set()
    doc = parse(path)
    for var in doc["variables"].values():
        value = var["value"]
        if isinstance(value, dict) and "function" not in value and "operator" not in value:
            names |= {k for k in value if k.isupper() or "__" in k}
    return names
