"""`triage classify FILE`: triage one .eml or HubSpot message JSON file and print the result."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from triage.eml import parse_eml, parse_hubspot_message_json
from triage.models import EmailMessage, ThreadContext, TriageConfig, TriageResult
from triage.pipeline import triage_email
from triage.taxonomy import TaxonomyError, load_taxonomy

DEFAULT_MAX_TOKENS = 2000


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "classify",
        help="triage one email file (.eml or HubSpot message JSON) and print the result",
        description=(
            "Read one email - a raw .eml file or a HubSpot Conversations v3 message JSON - "
            "and run the same triage the pipeline runs (offline classifier): language, "
            "intent, priority, must-not-answer reason, cleaned text, PII redaction. Needs no "
            "settings or network. Prints the TriageResult."
        ),
    )
    parser.add_argument("file", type=Path, help="a .eml file, or a .json HubSpot message")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument(
        "--team-address",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="a team address or @domain whose mail is never answered (repeatable)",
    )
    parser.add_argument(
        "--taxonomy", type=Path, default=None, help="intent taxonomy JSON (default: bundled)"
    )
    parser.add_argument(
        "--max-tokens",
        type=int,
        default=DEFAULT_MAX_TOKENS,
        help=f"cut emails longer than this many tokens (default {DEFAULT_MAX_TOKENS})",
    )
    parser.add_argument(
        "--no-redaction", action="store_true", help="do not redact PII in query_text"
    )
    parser.set_defaults(func=run)


def load_message(path: Path) -> EmailMessage:
    """A .json file is read as a HubSpot message, anything else as a raw .eml."""
    data = path.read_bytes()
    if path.suffix.lower() == ".json":
        try:
            payload = json.loads(data)
        except ValueError as exc:
            raise ValueError(f"{path}: not valid JSON ({exc})") from None
        return parse_hubspot_message_json(payload)
    return parse_eml(data)


def classify_file(
    path: Path,
    team_addresses: list[str] | None = None,
    taxonomy_file: Path | None = None,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    pii_redaction: bool = True,
) -> TriageResult:
    message = load_message(path)
    config = TriageConfig(
        team_addresses=list(team_addresses or []),
        max_email_tokens=max_tokens,
        pii_redaction=pii_redaction,
        taxonomy=load_taxonomy(taxonomy_file),
    )
    thread = ThreadContext(thread_id=message.thread_id, messages=[message])
    return triage_email(message, thread, config)


def run(args: argparse.Namespace) -> int:
    try:
        result = classify_file(
            args.file,
            team_addresses=args.team_address,
            taxonomy_file=args.taxonomy,
            max_tokens=args.max_tokens,
            pii_redaction=not args.no_redaction,
        )
    except (OSError, ValueError, TaxonomyError) as exc:
        print(f"triage classify: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(result.model_dump_json(indent=2))
    else:
        print(_human(result))
    return 0


def _human(result: TriageResult) -> str:
    decision = "answer" if result.should_answer else f"skip ({result.skip_reason})"
    lines = [
        f"message:    {result.message_id}",
        f"decision:   {decision}{' - ' + result.skip_detail if result.skip_detail else ''}",
        f"language:   {result.language} ({result.language_confidence:.2f}, "
        f"{result.language_source})",
        f"intent:     {result.intent} ({result.intent_confidence:.2f})",
        f"priority:   {result.priority} {result.priority_signals or ''}".rstrip(),
        f"sentiment:  {result.sentiment}",
        f"confidence: {result.confidence:.2f}",
        f"summary:    {result.summary}",
        f"tokens:     {result.token_count}{' (truncated)' if result.truncated else ''}",
    ]
    if result.injection_flags:
        lines.append(f"injection:  {', '.join(result.injection_flags)}")
    if result.notes:
        lines.append(f"notes:      {'; '.join(result.notes)}")
    # the redacted text, never the raw body: the terminal may be shared or logged
    lines.append("query text:")
    lines.extend("  " + line for line in result.query_text.splitlines()[:20])
    return "\n".join(lines)
