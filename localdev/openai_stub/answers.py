"""The stub's deterministic answers: a draft built from the numbered passages in the
prompt (citing [1]), a triage answer naming an intent from the prompt's list, any other
strict schema filled in, and hashed embeddings. What a model in strict mode sends always
matches the schema it was given, so these do too."""

from __future__ import annotations

import hashlib
import math
import re
from typing import Any

_PASSAGE = re.compile(r"^\[(\d+)\] (.*?)\n(.*?)(?=\n\n\[\d+\] |\n</passages>)", re.M | re.S)
_LANGUAGE = re.compile(r"^Customer language: (\w+)", re.M)
_INTENT_LINE = re.compile(r"^- ([a-z0-9_]+): ", re.M)
EMBEDDING_DIMENSION = 32
GREETINGS = {
    "en": ("Hello,", "Kind regards"),
    "sv": ("Hej,", "Vänliga hälsningar"),
    "de": ("Hallo,", "Mit freundlichen Grüßen"),
    "fr": ("Bonjour,", "Cordialement"),
    "es": ("Hola:", "Saludos cordiales"),
}


def hashed_embedding(text: str, dimension: int = EMBEDDING_DIMENSION) -> list[float]:
    """A deterministic unit vector from the text's words (same text, same vector)."""
    vector = [0.0] * dimension
    for word in re.findall(r"\w+", text.lower()):
        digest = hashlib.sha256(word.encode()).digest()
        vector[int.from_bytes(digest[:4], "big") % dimension] += 1.0 if digest[4] % 2 else -1.0
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [round(v / norm, 6) for v in vector]


def draft_content(prompt: str, behaviour: str) -> dict[str, Any]:
    found = _LANGUAGE.search(prompt)
    language = found.group(1) if found else "en"
    greeting, closing = GREETINGS.get(language, GREETINGS["en"])
    passages = _PASSAGE.findall(prompt)
    if behaviour == "unanswerable" or not passages:
        return {
            "body": f"{greeting}\n\nOur help centre does not cover this; a colleague will "
            f"follow up. Could you send your order number?\n\n{closing}",
            "citations": [],
            "answerable": False,
            "confidence": 0.1,
            "missing_information": "order number",
        }
    first_text = passages[0][2].strip()
    first_sentence = re.split(r"(?<=[.!?])\s", first_text, maxsplit=1)[0]
    body = f"{greeting}\n\n{first_sentence} [1]\n\n{closing}"
    citations = [1]
    if behaviour == "bad_citation":
        body = f"{greeting}\n\n{first_sentence} [1] See https://evil.example/deal [7].\n\n{closing}"
        citations = [1, 7]
    return {
        "body": body,
        "citations": citations,
        "answerable": True,
        "confidence": 0.9,
        "missing_information": "",
    }


def triage_content(system: str, user: str) -> dict[str, Any]:
    """An intent from the prompt's list whose name appears in the email, else "other"."""
    intents = _INTENT_LINE.findall(system)
    text = user.lower()
    chosen = next((i for i in intents if i.replace("_", " ") in text or i in text), "other")
    return {
        "intent": chosen,
        "confidence": 0.8,
        "priority": "normal",
        "sentiment": "neutral",
        "summary": "Customer asks a question about their order.",
    }


def from_schema(schema: dict[str, Any], defs: dict[str, Any] | None = None) -> Any:
    """A value that satisfies a strict schema (booleans true, numbers 0.5, the first enum)."""
    defs = defs if defs is not None else schema.get("$defs", {})
    if "$ref" in schema:
        return from_schema(defs.get(schema["$ref"].rsplit("/", 1)[-1], {}), defs)
    if "enum" in schema:
        return schema["enum"][0]
    if "anyOf" in schema:
        return from_schema(schema["anyOf"][0], defs)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object":
        return {
            name: from_schema(child, defs) for name, child in schema.get("properties", {}).items()
        }
    if kind == "array":
        return []
    return {"string": "", "number": 0.5, "integer": 1, "boolean": True}.get(str(kind))


def content_for(body: dict[str, Any], behaviour: str) -> dict[str, Any] | Any:
    """The structured answer for the request's schema (by its name when we know it)."""
    messages = body.get("messages", [])
    prompt = "\n".join(str(m.get("content", "")) for m in messages)
    fmt = body.get("response_format") or {}
    spec = fmt.get("json_schema") or {}
    name = spec.get("name", "")
    if name == "triage":
        system = next(
            (str(m.get("content", "")) for m in messages if m.get("role") == "system"), ""
        )
        user = next((str(m.get("content", "")) for m in messages if m.get("role") == "user"), "")
        return triage_content(system, user)
    if name == "draft_reply" or not spec:
        return draft_content(prompt, behaviour)
    return from_schema(spec.get("schema") or {})
