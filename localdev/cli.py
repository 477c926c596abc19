"""`triage`: the local command line (never deployed).

Each subcommand lives in its own module under localdev/commands/ and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a callable that takes
the parsed arguments and returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings
from collections.abc import Sequence

from core.credentials import missing_credential_line
from core.settings import SettingsError
from core.unreachable import explain, settings_from_environment

UNREACHABLE_EXIT = 4  # the ledger, Qdrant, HubSpot or the model did not answer

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
        epilog=(
            "Exit codes: 0 done; 1 a failure the command names (a stand-in missing, a model "
            "failing, embedded Qdrant held by another process); 2 a bad setting or argument; "
            f"3 files refused by ingest; {UNREACHABLE_EXIT} a dependency does not answer "
            "(the ledger, Qdrant, HubSpot or the model): one line names the setting, the "
            "address it points at and what to start or fix, never a secret. An Azure "
            "credential that gives no token (managed identity chosen) is one line and 2."
        ),
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # qdrant-client warns when it cannot ask a server for its version; the one line below
    # says why the server does not answer.
    warnings.filterwarnings("ignore", message="Failed to obtain server version")
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
            return _unreachable_or_raise(exc)
        print(f"triage: {lock_message(folder)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("triage: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        return _unreachable_or_raise(exc)


def _unreachable_or_raise(exc: Exception) -> int:
    """A dependency nobody answers for is one line and UNREACHABLE_EXIT, not a traceback; a
    missing Azure credential is one line and 2 (a setting to fix); anything else is raised
    on."""
    settings = settings_from_environment()
    found = explain(exc, settings)
    if found is not None:
        print(f"triage: {found.line()}", file=sys.stderr)
        return UNREACHABLE_EXIT
    credential = missing_credential_line(exc, settings)
    if credential is not None:
        print(f"triage: {credential}", file=sys.stderr)
        return 2
    raise exc


if __name__ == "__main__":
    raise SystemExit(main())
