"""`triage`: the local command line (never deployed).

Each subcommand lives in its own module under localdev/commands/ and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a callable that takes
the parsed arguments and returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from core.settings import SettingsError

# Listed explicitly: the order is the order `triage --help` shows.
COMMAND_MODULES: tuple[str, ...] = (
    "localdev.commands.run",
    "localdev.commands.report",
    "localdev.commands.suggestions",
    "localdev.commands.emulator",
    "localdev.commands.classify",
    "localdev.commands.ingest",
    "localdev.commands.ask",
    "localdev.commands.models",
    "localdev.commands.eval",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="triage",
        description=(
            "Local tools for the email-triage service: run the pipeline against local "
            "stand-ins (Azurite, the HubSpot emulator, embedded Qdrant, the local Durable "
            "host), inspect single emails, manage the knowledge base and print evaluations."
        ),
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except SettingsError as exc:
        print(f"triage: {exc}", file=sys.stderr)
        return 2
    except (FileNotFoundError, TimeoutError) as exc:  # a stand-in missing or not starting
        print(f"triage: {exc}", file=sys.stderr)
        return 1
    except RuntimeError as exc:
        from localdev.qdrant_lock import lock_message, locked_folder

        folder = locked_folder(exc)
        if folder is None:
            raise
        print(f"triage: {lock_message(folder)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("triage: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
