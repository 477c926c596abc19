"""Starting and stopping the stand-ins' server processes (each in its own session, so a
stop reaches the server's children too)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
from collections.abc import Iterator, Mapping, Sequence
from types import FrameType

from localdev.ports import wait_for_port


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


def start_process_group(
    args: Sequence[str],
    port: int,
    timeout: float,
    *,
    env: Mapping[str, str] | None = None,
    stop_signal: int = signal.SIGTERM,
) -> subprocess.Popen[bytes]:
    """Start a server in its own session and wait until it listens on `port`; if it does
    not within `timeout`, stop it and raise TimeoutError. Output is discarded: a pipe
    nobody reads would block the server once it fills."""
    process = subprocess.Popen(
        list(args),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env=None if env is None else dict(env),
    )
    try:
        wait_for_port(port, timeout)
    except TimeoutError:
        stop_process_group(process, stop_signal)
        raise
    return process


@contextlib.contextmanager
def sigterm_as_exit() -> Iterator[None]:
    """Inside the block, SIGTERM raises SystemExit(143) in the main thread, so `with` blocks
    unwind and stop the child servers (each in its own session, which a signal to this
    process does not reach) as Ctrl-C does. Elsewhere than the main thread: no change."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _exit(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, _exit)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
