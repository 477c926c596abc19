"""`triage emulator`: parser, seed check, and a real foreground run in a subprocess."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from localdev.commands import emulator
from localdev.ports import free_port
from tests.emulator_fixtures import assert_matches_spec

REPO = Path(__file__).resolve().parents[1]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="triage")
    emulator.register(parser.add_subparsers(dest="command", required=True))
    return parser


def test_parser_defaults_and_options() -> None:
    args = _parser().parse_args(["emulator"])
    assert (args.port, args.seed, args.rate_limit, args.token) == (
        8090,
        "default",
        None,
        "local-dev-token",
    )
    args = _parser().parse_args(
        ["emulator", "--port", "9001", "--seed", "empty", "--rate-limit", "100"]
    )
    assert (args.port, args.seed, args.rate_limit) == (9001, "empty", 100)
    assert args.func is emulator.run


def test_help_mentions_the_admin_api(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        _parser().parse_args(["emulator", "--help"])
    out = capsys.readouterr().out
    assert "/_emulator/" in out and "--rate-limit" in out


def test_bad_seed_fails_fast(capsys: pytest.CaptureFixture[str]) -> None:
    args = _parser().parse_args(["emulator", "--seed", "/nonexistent.json"])
    assert emulator.run(args) == 2
    assert "/nonexistent.json" in capsys.readouterr().out


def test_foreground_run_serves_until_interrupted() -> None:
    port = free_port()
    code = (
        "import argparse, sys; from localdev.commands import emulator as e; "
        "p = argparse.ArgumentParser(); e.register(p.add_subparsers()); "
        "a = p.parse_args(sys.argv[1:]); raise SystemExit(a.func(a))"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, "emulator", "--port", str(port), "--rate-limit", "50"],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        response = None
        for _ in range(200):
            try:
                response = httpx.get(
                    f"http://127.0.0.1:{port}/conversations/v3/conversations/inboxes",
                    headers={"Authorization": "Bearer local-dev-token"},
                )
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert response is not None and response.status_code == 200
        assert_matches_spec(response)
        assert response.headers["X-HubSpot-RateLimit-Max"] == "50"
    finally:
        os.killpg(process.pid, signal.SIGINT)
        output = process.communicate(timeout=15)[0].decode()
    assert f"http://127.0.0.1:{port}" in output
