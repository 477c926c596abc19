"""`triage emulator`: run the local HubSpot emulator in the foreground."""

from __future__ import annotations

import argparse

from localdev.hubspot_emulator.seed import SeedError, read_seed


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "emulator",
        help="run the local HubSpot emulator (Conversations v3 + CRM notes) in the foreground",
        description=(
            "Serve a local HubSpot on 127.0.0.1 with HubSpot's JSON shapes, errors and rate "
            "limits, seeded with the Nordvik Bikes demo inbox. Point HUBSPOT_BASE_URL at it and "
            "use the token as HUBSPOT_ACCESS_TOKEN. Admin API under /_emulator/ (reset, faults, "
            "emails, stats); the inbox page is /_emulator/ui. Stop with Ctrl+C."
        ),
    )
    parser.add_argument("--port", type=int, default=8090, help="TCP port (default 8090)")
    parser.add_argument(
        "--seed",
        default="default",
        metavar="FILE|default|empty",
        help="seed inbox: 'default' (45 demo threads), 'empty' (inboxes only) or a JSON file "
        "in the format of localdev/hubspot_emulator/seed_default.json",
    )
    parser.add_argument(
        "--rate-limit",
        type=int,
        default=None,
        metavar="N",
        help="requests allowed per token per rolling 10 s (HubSpot: 100 or 190); default off",
    )
    parser.add_argument(
        "--token",
        default="local-dev-token",
        help="the Bearer token accepted with all scopes (default local-dev-token)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        read_seed(args.seed)  # fail fast, naming the seed, before uvicorn starts
    except SeedError as exc:
        print(f"triage emulator: {exc}")
        return 2
    from localdev.hubspot_emulator.runner import serve

    print(
        f"HubSpot emulator on http://127.0.0.1:{args.port} (token {args.token!r}, seed "
        f"{args.seed!r}, rate limit {args.rate_limit or 'off'}); inbox page: "
        f"http://127.0.0.1:{args.port}/_emulator/ui",
        flush=True,
    )
    serve(
        port=args.port,
        seed=args.seed,
        token=args.token,
        rate_limit=args.rate_limit,
        log_level="info",
    )
    return 0
