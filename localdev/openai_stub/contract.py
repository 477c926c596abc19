"""What the stub holds requests to: the official specs in ../shared/azure-openai-openapi/
(Azure's data-plane spec when called as Azure, OpenAI's otherwise), and the rules of strict
structured outputs that no spec can show.

Changes made to the spec files, in memory only, each for a known defect
(shared/azure-openai-openapi/README.md):
- Azure: ``response_format.json_schema`` lists ``type`` as required although the object
  has no ``type`` property (OpenAI's spec requires only ``name``): dropped, or every
  structured-output request would be refused.
- OpenAI: ``discriminator`` hints are dropped: openapi-core resolves a discriminator
  without a mapping to a schema named after the value (``#/components/schemas/user``),
  which does not exist; the ``oneOf`` beside each still validates.
- Neither spec is checked as a spec first (Azure's fails openapi-spec-validator on a
  ``required`` entry with no property); request validation itself is proven live by the
  tests with requests that must fail.
"""

from __future__ import annotations

import json
import os
import warnings
from functools import cache
from pathlib import Path
from typing import Any

SPEC_ENV = "AZURE_OPENAI_SPECS"  # a folder holding the two spec files, to override
AZURE_SPEC = "azure-openai-inference-2024-10-21.json"
OPENAI_SPEC = "openai-openapi.json"
AZURE_HOST = "https://stub.openai.azure.com"  # matched against the spec's https://{endpoint}
OPENAI_HOST = "https://api.openai.com"

# Microsoft, "Structured outputs", JSON Schema support and limitations, "Unsupported
# type-specific keywords" (learn.microsoft.com/azure/ai-foundry/openai/how-to/
# structured-outputs; the page spells the first one "minlength").
UNSUPPORTED_KEYWORDS: dict[str, tuple[str, ...]] = {
    "string": ("minLength", "maxLength", "pattern", "format"),
    "number": ("minimum", "maximum", "multipleOf"),
    "object": (
        "patternProperties",
        "unevaluatedProperties",
        "propertyNames",
        "minProperties",
        "maxProperties",
    ),
    "array": (
        "unevaluatedItems",
        "contains",
        "minContains",
        "maxContains",
        "minItems",
        "maxItems",
        "uniqueItems",
    ),
}
ALL_UNSUPPORTED = frozenset(k for keys in UNSUPPORTED_KEYWORDS.values() for k in keys)


def spec_dir() -> Path | None:
    """The shared spec folder: $AZURE_OPENAI_SPECS, or ../shared beside the checkout."""
    candidates = [os.environ.get(SPEC_ENV, "")]
    candidates += [
        str(Path(__file__).resolve().parents[3] / "shared" / "azure-openai-openapi"),
        "/work/shared/azure-openai-openapi",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / AZURE_SPEC).is_file():
            return Path(candidate)
    return None


def _drop_discriminators(node: Any) -> None:
    if isinstance(node, dict):
        node.pop("discriminator", None)
        for value in node.values():
            _drop_discriminators(value)
    elif isinstance(node, list):
        for value in node:
            _drop_discriminators(value)


@cache
def _validator(kind: str) -> Any:
    from openapi_core import Config, OpenAPI

    folder = spec_dir()
    if folder is None:
        return None
    name = AZURE_SPEC if kind == "azure" else OPENAI_SPEC
    spec = json.loads((folder / name).read_text(encoding="utf-8"))
    if kind == "azure":
        json_schema = spec["components"]["schemas"]["ResponseFormatJsonSchema"]["properties"]
        required = json_schema["json_schema"].get("required", [])
        json_schema["json_schema"]["required"] = [r for r in required if r != "type"]
    else:
        _drop_discriminators(spec)
    return OpenAPI.from_dict(spec, config=Config(spec_validator_cls=None))


def validating() -> bool:
    return spec_dir() is not None


def request_problems(
    kind: str, path: str, query: dict[str, str], body: bytes, headers: dict[str, str]
) -> list[str]:
    """What the spec says is wrong with the request ([] when valid or no spec is found)."""
    from openapi_core.testing import MockRequest

    validator = _validator(kind)
    if validator is None:
        return []
    request = MockRequest(
        AZURE_HOST if kind == "azure" else OPENAI_HOST,
        "post",
        path,
        args=query,
        data=body,
        headers=headers,
        content_type="application/json",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Unsupported scheme type": Entra's oauth2 flow
            validator.validate_request(request)
    except Exception as error:
        details = getattr(error.__cause__, "schema_errors", None) or []
        first = list(dict.fromkeys(str(d).splitlines()[0] for d in details))[:3]
        summary = str(error).split(": Value", 1)[0]
        return [(summary + (f": {'; '.join(first)}" if first else ""))[:500]]
    return []


def _object_problems(node: dict[str, Any], where: str) -> list[str]:
    problems: list[str] = []
    if node.get("additionalProperties") is not False:
        problems.append(
            f"In context=({where}), 'additionalProperties' is required to be supplied and to "
            "be false."
        )
    properties = node.get("properties", {})
    required = node.get("required", [])
    missing = [p for p in properties if p not in required]
    if missing:
        problems.append(
            f"In context=({where}), 'required' is required to be supplied and to be an array "
            f"including every key in properties. Missing '{missing[0]}'."
        )
    return problems


def strict_schema_problems(schema: Any, where: str = "") -> list[str]:
    """Why strict structured outputs refuse ``schema`` (OpenAI's wording): unsupported
    keywords anywhere, objects that allow extra keys or leave a property optional, a root
    that is an ``anyOf``."""
    if not isinstance(schema, dict):
        return []
    problems: list[str] = []
    if not where and "anyOf" in schema:
        problems.append("In context=(), the root schema must not be 'anyOf'.")
    for keyword in sorted(ALL_UNSUPPORTED & set(schema)):
        problems.append(f"In context=({where}), '{keyword}' is not permitted.")
    if schema.get("type") == "object" or "properties" in schema:
        problems += _object_problems(schema, where)
    for name, child in (schema.get("properties") or {}).items():
        problems += strict_schema_problems(child, f"{where}, 'properties', '{name}'".lstrip(", "))
    for name, child in (schema.get("$defs") or {}).items():
        problems += strict_schema_problems(child, f"{where}, '$defs', '{name}'".lstrip(", "))
    if isinstance(schema.get("items"), dict):
        problems += strict_schema_problems(schema["items"], f"{where}, 'items'".lstrip(", "))
    for index, child in enumerate(schema.get("anyOf") or []):
        problems += strict_schema_problems(child, f"{where}, 'anyOf', {index}".lstrip(", "))
    return problems


def response_format_problems(body: dict[str, Any]) -> tuple[str, list[str]]:
    """The schema's name and its problems when the request asks for strict structured
    output; ("", []) otherwise."""
    fmt = body.get("response_format")
    if not isinstance(fmt, dict) or fmt.get("type") != "json_schema":
        return "", []
    spec = fmt.get("json_schema") or {}
    if not spec.get("strict"):
        return str(spec.get("name", "")), []
    return str(spec.get("name", "")), strict_schema_problems(spec.get("schema"))
