"""A newcomer's first minutes: SIGTERM stops the child servers, a held Qdrant folder is
explained in one line, and ask/ingest write their embedding cache where
EMBEDDING_CACHE_DIR says."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from localdev.qdrant_lock import lock_message

ROOT = Path(__file__).resolve().parent.parent


def _env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QDRANT_", "EMBEDDING_"))}
    env.update(PYTHONPATH=str(ROOT), LLM_PROVIDER="none", **values)
    return env


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is gone for our purpose
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())


STACK_SCRIPT = """
import sys, time
from pathlib import Path
from localdev.stack import LocalStack
with LocalStack(data_dir=Path(sys.argv[1]), persist_ledger=False) as stack:
    print(stack.azurite.process.pid, stack.emulator.process.pid, flush=True)
    time.sleep(600)
"""


@pytest.mark.slow
def test_sigterm_stops_azurite_and_the_emulator(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", STACK_SCRIPT, str(tmp_path)],
        stdout=subprocess.PIPE,
        env=_env(),
        cwd=ROOT,
    )
    children: list[int] = []
    try:
        assert process.stdout is not None
        children = [int(p) for p in process.stdout.readline().split()]
        assert len(children) == 2 and all(_alive(pid) for pid in children)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 128 + signal.SIGTERM
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in children if _alive(pid)], "child servers left running"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for pid in children:  # when the test fails, leave nothing running
            if _alive(pid):
                os.killpg(pid, signal.SIGKILL)


HOLD_QDRANT = """
import sys, time
from qdrant_client import QdrantClient
client = QdrantClient(path=sys.argv[1])
print("held", flush=True)
time.sleep(120)
"""


def test_ask_while_qdrant_is_held_says_who_holds_it_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "qdrant"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_QDRANT, str(folder)], stdout=subprocess.PIPE, env=_env()
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"held"
        result = subprocess.run(
            [sys.executable, "-m", "localdev.cli", "ask", "Where is my order?"],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
            env=_env(QDRANT_PATH=str(folder), EMBEDDING_CACHE_DIR=str(tmp_path / "cache")),
        )
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"in use by process {holder.pid}" in lines[0]
    assert "Ctrl-C" in lines[0] and "QDRANT_URL" in lines[0]


def test_lock_message_without_a_known_holder(tmp_path: Path) -> None:
    message = lock_message(str(tmp_path / "nobody-holds-this"))
    assert "another process" in message and "try again" in message


@pytest.mark.slow
def test_ingest_and_ask_write_the_embedding_cache_where_the_setting_says(tmp_path: Path) -> None:
    cache = tmp_path / "my-cache"
    env = _env(QDRANT_PATH=str(tmp_path / "qdrant"), EMBEDDING_CACHE_DIR=str(cache))
    for args in (
        ["ingest", str(ROOT / "samples" / "knowledge-base")],
        ["ask", "How long is the battery warranty?"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "localdev.cli", *args],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=tmp_path,  # the default (.localdata/embedding-cache) would land here
            env=env,
        )
        assert result.returncode == 0, result.stderr
        assert any(cache.rglob("*")), f"{args[0]}: nothing written under EMBEDDING_CACHE_DIR"
    assert not (tmp_path / ".localdata").exists()
