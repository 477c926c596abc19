"""A one-line explanation for embedded Qdrant's "storage folder already accessed" error:
which process holds the folder, and what to do."""

from __future__ import annotations

import os
import re
from pathlib import Path

_LOCKED = re.compile(r"Storage folder (.+?) is already accessed by another instance")


def locked_folder(exc: BaseException) -> str | None:
    """The folder named by qdrant-client's lock error, or None if `exc` is another error."""
    found = _LOCKED.search(str(exc))
    return found.group(1) if found else None


def holders(folder: str, proc: Path = Path("/proc")) -> list[tuple[int, str]]:
    """(pid, command line) of the processes with a file open under `folder` (Linux /proc;
    empty elsewhere or when nothing is readable)."""
    target = os.path.realpath(folder)
    found: list[tuple[int, str]] = []
    for entry in proc.glob("[0-9]*"):
        pid = int(entry.name)
        if pid == os.getpid():
            continue
        try:
            opened = [os.readlink(fd) for fd in (entry / "fd").iterdir()]
        except OSError:
            continue
        if any(path == target or path.startswith(target + os.sep) for path in opened):
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            found.append((pid, " ".join(command.split())))  # one line, whatever the argv
    return found


def lock_message(folder: str) -> str:
    held = holders(folder)
    who = (
        ", ".join(f"process {pid} ({command[:80]})" for pid, command in held)
        if held
        else "another process (a `triage run --serve`, `ask` or `ingest`?)"
    )
    return (
        f"the knowledge base folder {folder} is in use by {who}: embedded Qdrant allows one "
        "process at a time; stop it (Ctrl-C in its terminal) and try again, or set "
        "QDRANT_PATH to another folder or QDRANT_URL to a Qdrant server"
    )
