"""The local run's state on disk (`.localdata/` by default): the ledger (Azurite's files)
and the HubSpot emulator's account, kept side by side so that they always agree.

A second `triage run` resumes both: the ledger knows every email is final and the
emulator still holds the comments the first run posted, so nothing is posted again and
`--serve` shows the drafts. They are resumed only together: a ledger without the
emulator's account (or the other way round, or an account saved from another seed) would
disagree with it (a ledger that remembers comments the inbox has lost, or an inbox whose
comments the ledger forgot, which would be drafted a second time), so then both start
afresh. The knowledge base (`qdrant/`) and the logs are not part of the pair.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from localdev.hubspot_emulator.persistence import SavedStateError, read

LEDGER_DIR = "azurite"
EMULATOR_FILE = "hubspot-emulator.json"


@dataclass(frozen=True)
class LocalData:
    root: Path

    @property
    def ledger_dir(self) -> Path:
        return self.root / LEDGER_DIR

    @property
    def emulator_file(self) -> Path:
        return self.root / EMULATOR_FILE

    def has_ledger(self) -> bool:
        return self.ledger_dir.is_dir() and any(self.ledger_dir.iterdir())

    def emulator_seed(self) -> str | None:
        """The seed the saved account was made from; None when there is no usable file."""
        if not self.emulator_file.exists():
            return None
        try:
            return read(self.emulator_file).seed
        except SavedStateError:
            return None

    def prepare(self, seed: str, *, fresh: bool = False) -> str:
        """Make the pair consistent before the stand-ins start; returns what happens, in
        one line for the user ("resuming ...", "starting ... afresh ...")."""
        ledger, saved_seed = self.has_ledger(), self.emulator_seed()
        if not fresh and ledger and saved_seed == seed:
            return (
                f"resuming the ledger and the emulator's inbox from {self.root} "
                "(triage run --fresh starts both afresh)"
            )
        if fresh and (ledger or self.emulator_file.exists()):
            why = "--fresh"
        elif ledger:
            why = "the ledger had no matching emulator inbox beside it"
        elif self.emulator_file.exists():
            why = "the emulator's inbox had no ledger beside it"
        else:
            return f"starting the ledger and the emulator's inbox afresh in {self.root}"
        self.clear()
        return f"starting the ledger and the emulator's inbox afresh in {self.root} ({why})"

    def clear(self) -> None:
        shutil.rmtree(self.ledger_dir, ignore_errors=True)
        self.emulator_file.unlink(missing_ok=True)
