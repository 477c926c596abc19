"""checkov scans infra/ with no failed checks; every skip in the Bicep carries a reason.

checkov pins many packages of its own, so it lives in a separate virtualenv, .venv-infra,
built from infra/check-requirements.txt (the Makefile builds it before pytest).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.infra_fixtures import INFRA, REPO_ROOT

CHECKOV = REPO_ROOT / ".venv-infra" / "bin" / "checkov"


def _checkov() -> Path:
    if not CHECKOV.exists():
        pytest.fail(
            f"{CHECKOV} is missing: run `make test` (or `python3 -m venv .venv-infra && "
            ".venv-infra/bin/pip install -r infra/check-requirements.txt`)"
        )
    return CHECKOV


def _scan(directory: Path) -> dict[str, Any]:
    env = {**os.environ, "BC_SKIP_MAPPING": "TRUE", "CHECKOV_RUN_SCA_PACKAGE_SCAN_V2": "false"}
    command = [str(_checkov()), "-d", str(directory), "--framework", "bicep", "--skip-download"]
    done = subprocess.run(
        [*command, "--output", "json", "--soft-fail"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=True,
    )
    report = json.loads(done.stdout)
    return report[0] if isinstance(report, list) else report


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """One checkov run over the real infra/ and a deliberately weakened copy (a control)."""
    root = tmp_path_factory.mktemp("checkov")
    shutil.copytree(INFRA, root / "real", ignore=shutil.ignore_patterns("*.md", "*.sh"))
    shutil.copytree(INFRA, root / "weak", ignore=shutil.ignore_patterns("*.md", "*.sh"))
    vault = root / "weak" / "modules" / "keyvault.bicep"
    text = vault.read_text()
    assert "enablePurgeProtection: true" in text
    vault.write_text(text.replace("enablePurgeProtection: true", "enablePurgeProtection: false"))
    report = _scan(root)
    by_dir: dict[str, dict[str, Any]] = {}
    for part in ("real", "weak"):
        results = {
            kind: [c for c in report["results"][kind] if f"/{part}/" in c["file_abs_path"]]
            for kind in ("passed_checks", "failed_checks", "skipped_checks")
        }
        results["parsing_errors"] = [
            p for p in report["results"]["parsing_errors"] if f"/{part}/" in p
        ]
        by_dir[part] = results
    return by_dir


def test_checkov_finds_no_failed_checks(scans: dict[str, dict[str, Any]]) -> None:
    real = scans["real"]
    assert real["parsing_errors"] == []
    failed = [f"{c['check_id']} {c['resource']} ({c['file_path']})" for c in real["failed_checks"]]
    assert failed == []
    assert len(real["passed_checks"]) >= 30, "checkov scanned too little: did parsing break?"


def test_every_skip_has_a_written_reason(scans: dict[str, dict[str, Any]]) -> None:
    skipped = scans["real"]["skipped_checks"]
    assert skipped, "the Bicep documents its deliberate exceptions with skip comments"
    for check in skipped:
        reason = check.get("check_result", {}).get("suppress_comment", "")
        assert len(reason.strip()) >= 20, (check["check_id"], check["resource"], reason)


def test_checkov_catches_a_weakened_key_vault(scans: dict[str, dict[str, Any]]) -> None:
    # Control: the scan is live, so turning purge protection off is reported.
    failed = {(c["check_id"], c["resource"]) for c in scans["weak"]["failed_checks"]}
    assert ("CKV_AZURE_110", "Microsoft.KeyVault/vaults.vault") in failed
