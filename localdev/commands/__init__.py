"""Subcommands of the `triage` CLI. Each module exposes register(subparsers)."""
