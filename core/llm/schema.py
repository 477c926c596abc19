"""Response schemas that strict structured outputs accept, built from pydantic models.

Azure OpenAI's strict mode takes a subset of JSON Schema ("Structured outputs", JSON
Schema support and limitations): every object sets ``additionalProperties: false`` and
lists every property as required, and type-specific keywords such as ``minimum`` and
``maximum`` are refused. So the schema keeps only the keywords below (an allow-list: a
keyword pydantic starts emitting tomorrow is dropped, not sent) and the pydantic model
still enforces its bounds when the answer is parsed.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

ALLOWED_KEYWORDS = frozenset(
    {
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "enum",
        "anyOf",
        "$ref",
        "$defs",
        "description",
        "title",
    }
)


def _strict(node: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key not in ALLOWED_KEYWORDS:
            continue
        if key in ("properties", "$defs"):
            out[key] = {name: _strict(child) for name, child in value.items()}
        elif key == "items" and isinstance(value, dict):
            out[key] = _strict(value)
        elif key == "anyOf":
            out[key] = [_strict(child) for child in value]
        else:
            out[key] = value
    if out.get("type") == "object" or "properties" in out:
        out["additionalProperties"] = False
        out["required"] = list(out.get("properties", {}))
    return out


def strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema in the strict subset (bounds left to the model's validation)."""
    return _strict(model.model_json_schema())


def response_format(name: str, model: type[BaseModel]) -> dict[str, Any]:
    """The ``response_format`` of a chat call whose answer must parse as ``model``."""
    return {
        "type": "json_schema",
        "json_schema": {"name": name, "strict": True, "schema": strict_schema(model)},
    }


def unit_interval(value: float) -> float:
    """A model's 0-to-1 figure (a confidence), clamped after parsing: the strict schema
    cannot carry the bounds. NaN is refused."""
    if value != value:  # NaN
        raise ValueError("confidence is not a number")
    return min(max(value, 0.0), 1.0)
