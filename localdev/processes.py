"""Stopping the stand-ins' server processes (each started in its own session)."""

from __future__ import annotations

import os
import signal
import subprocess


def stop_process_group(
    process: subprocess.Popen[bytes], first_signal: int = signal.SIGTERM, grace: float = 10.0
) -> None:
    """Signal the process group (the server and its children), wait `grace` seconds, then
    kill it. The process must have been started with start_new_session=True."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, first_signal)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
