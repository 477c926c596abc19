"""infra/deploy.sh: syntax, shellcheck, --help, tool/login checks, and a full run against
stand-in `az` and `func` commands that record every call (no Azure here). The stand-ins keep
state between runs, so re-running shows the script is idempotent."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.infra_fixtures import INFRA

SCRIPT = INFRA / "deploy.sh"
TOKEN = "pat-na1-0a1b2c3d-never-print-me"

# A stand-in Azure CLI: answers the calls deploy.sh makes, records each argv, keeps state.
FAKE_AZ = textwrap.dedent(
    """\
    import json, os, sys
    from pathlib import Path

    state_dir = Path(os.environ["FAKE_AZ_STATE"])
    state_file = state_dir / "state.json"
    state = json.loads(state_file.read_text()) if state_file.exists() else {
        "groups": [], "deployed": False, "secrets": {}}
    args = sys.argv[1:]
    with open(state_dir / "calls.jsonl", "a") as log:
        log.write(json.dumps(args) + "\\n")

    def opt(name):
        return args[args.index(name) + 1] if name in args else None

    def save():
        state_file.write_text(json.dumps(state))

    outputs = {
        "functionAppName": "triage-func-abc", "functionAppHostName": "triage-func-abc.net",
        "keyVaultName": "triage-kv-abc", "storageAccountName": "triagestabc",
        "knowledgeBaseContainerName": "knowledge-base",
        "hubspotTokenSecretName": "hubspot-access-token",
        "openAiApiKeySecretName": "openai-api-key", "needsOpenAiKey": "False",
    }
    cmd = " ".join(a for a in args[:3] if not a.startswith("-"))
    if cmd.startswith("account show"):
        if os.environ.get("FAKE_AZ_LOGGED_OUT"):
            sys.exit(1)
        if opt("--query") == "name":
            print("Test subscription")
    elif cmd.startswith("ad signed-in-user show"):
        print("00000000-0000-0000-0000-00000000000a")
    elif cmd.startswith("group show"):
        sys.exit(0 if opt("--name") in state["groups"] else 3)
    elif cmd.startswith("group create"):
        state["groups"] = sorted(set(state["groups"]) | {opt("--name")})
        save()
    elif cmd.startswith("deployment group show"):
        if not state["deployed"]:
            sys.exit(3)
        key = opt("--query").split(".")[2]
        print(outputs[key])
    elif cmd.startswith("deployment group create"):
        secure = [a for a in args if a.startswith("@") and "secure" in a][0][1:]
        key = json.loads(Path(secure).read_text())["qdrantApiKey"]["value"]
        state["secrets"]["qdrant-api-key"] = key  # the Bicep writes it to Key Vault
        state["deployed"] = True
        save()
    elif cmd.startswith("keyvault network-rule add"):
        state["allowed_ips"] = state.get("allowed_ips", []) + [opt("--ip-address")]
        save()
    elif cmd.startswith("keyvault secret show"):
        blocked = os.environ.get("FAKE_AZ_FIREWALL_BLOCKS")
        if blocked and blocked not in state.get("allowed_ips", []):
            print("(Forbidden) Client address is not authorized", file=sys.stderr)
            sys.exit(1)
        value = state["secrets"].get(opt("--name"))
        if value is None and opt("--query") == "value":
            print("(SecretNotFound) A secret with this name was not found", file=sys.stderr)
        if value is None:
            sys.exit(3)
        print(value if opt("--query") == "value" else "https://vault/secrets/x")
    elif cmd.startswith("keyvault secret set"):
        state["secrets"][opt("--name")] = Path(opt("--file")).read_text()
        save()
    else:
        print("fake az: unexpected call " + " ".join(args), file=sys.stderr)
        sys.exit(2)
    """
)

FAKE_FUNC = textwrap.dedent(
    """\
    import json, os, sys
    from pathlib import Path
    with open(Path(os.environ["FAKE_AZ_STATE"]) / "calls.jsonl", "a") as log:
        log.write(json.dumps(["func", *sys.argv[1:], "cwd=" + os.getcwd()]) + "\\n")
    """
)


def _write_tool(directory: Path, name: str, body: str) -> None:
    path = directory / name
    path.write_text(f"#!{sys.executable}\n{body}")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def fake_tools(tmp_path: Path) -> dict[str, Any]:
    bin_dir = tmp_path / "bin"
    state = tmp_path / "state"
    bin_dir.mkdir()
    state.mkdir()
    _write_tool(bin_dir, "az", FAKE_AZ)
    _write_tool(bin_dir, "func", FAKE_FUNC)
    # Only the stand-ins and the basics: no real az/func/curl can be reached.
    basics = ("bash", "env", "cat", "dirname", "grep", "od", "tr", "mktemp", "chmod", "rm")
    for tool in (*basics, "seq", "sleep"):
        found = shutil.which(tool)
        assert found, tool
        (bin_dir / tool).symlink_to(found)
    env = {
        "PATH": str(bin_dir),
        "HOME": str(tmp_path),
        "FAKE_AZ_STATE": str(state),
        "HUBSPOT_ACCESS_TOKEN": TOKEN,
    }
    return {"env": env, "state": state, "bin": bin_dir}


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    bash = shutil.which("bash")
    assert bash
    return subprocess.run(
        [bash, str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=60
    )


def _calls(state: Path) -> list[list[str]]:
    return [json.loads(line) for line in (state / "calls.jsonl").read_text().splitlines()]


DEPLOY = ["-g", "rg-triage", "-l", "westeurope", "--operator-ip", "203.0.113.7"]


def test_bash_syntax_is_valid() -> None:
    subprocess.run(["bash", "-n", str(SCRIPT)], check=True)


def test_shellcheck_is_clean() -> None:
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.skip("shellcheck is not installed (apt-get install shellcheck)")
    done = subprocess.run([shellcheck, str(SCRIPT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_script_is_executable_and_strict() -> None:
    assert os.access(SCRIPT, os.X_OK)
    assert "set -euo pipefail" in SCRIPT.read_text()


def test_help_explains_usage_and_secrets(fake_tools: dict[str, Any]) -> None:
    done = _run(["--help"], fake_tools["env"])
    assert done.returncode == 0
    for word in ("--resource-group", "--location", "--prefix", "HUBSPOT_ACCESS_TOKEN", "az login"):
        assert word in done.stdout


def test_unknown_option_fails_with_usage(fake_tools: dict[str, Any]) -> None:
    done = _run(["--bogus"], fake_tools["env"])
    assert done.returncode != 0
    assert "unknown option: --bogus" in done.stderr


def test_missing_az_is_reported(fake_tools: dict[str, Any]) -> None:
    (fake_tools["bin"] / "az").unlink()
    done = _run(DEPLOY, fake_tools["env"])
    assert done.returncode != 0
    assert "az not found" in done.stderr and "install the Azure CLI" in done.stderr


def test_missing_func_is_reported_unless_publish_is_skipped(fake_tools: dict[str, Any]) -> None:
    (fake_tools["bin"] / "func").unlink()
    done = _run(DEPLOY, fake_tools["env"])
    assert done.returncode != 0 and "func not found" in done.stderr
    assert _run([*DEPLOY, "--skip-publish"], fake_tools["env"]).returncode == 0


def test_logged_out_is_reported(fake_tools: dict[str, Any]) -> None:
    env = {**fake_tools["env"], "FAKE_AZ_LOGGED_OUT": "1"}
    done = _run(DEPLOY, env)
    assert done.returncode != 0
    assert "az login" in done.stderr


def test_first_deploy_needs_the_hubspot_token(fake_tools: dict[str, Any]) -> None:
    env = {k: v for k, v in fake_tools["env"].items() if k != "HUBSPOT_ACCESS_TOKEN"}
    done = _run(DEPLOY, env)
    assert done.returncode != 0
    assert "HUBSPOT_ACCESS_TOKEN is not set" in done.stderr


def test_full_deploy_in_order_without_leaking_the_token(fake_tools: dict[str, Any]) -> None:
    done = _run(DEPLOY, fake_tools["env"])
    assert done.returncode == 0, done.stderr
    calls = _calls(fake_tools["state"])
    order = [
        i
        for i, call in enumerate(calls)
        for step in (
            ["group", "create"],
            ["deployment", "group", "create"],
            ["keyvault", "secret", "set"],
            ["func", "azure", "functionapp", "publish"],
        )
        if call[: len(step)] == step
    ]
    assert order == sorted(order) and len(order) == 4
    deployment = next(c for c in calls if c[:3] == ["deployment", "group", "create"])
    assert "--template-file" in deployment
    assert str(INFRA / "main.bicep") in deployment
    assert 'operatorIpRanges=["203.0.113.7"]' in deployment
    assert "operatorPrincipalId=00000000-0000-0000-0000-00000000000a" in deployment
    publish = next(c for c in calls if c[0] == "func")
    assert publish[1:5] == ["azure", "functionapp", "publish", "triage-func-abc"]
    assert "--python" in publish and publish[-1] == f"cwd={INFRA.parent}"
    state = json.loads((fake_tools["state"] / "state.json").read_text())
    assert state["secrets"]["hubspot-access-token"] == TOKEN
    qdrant_key = state["secrets"]["qdrant-api-key"]
    assert len(qdrant_key) == 64
    # Secrets never on a command line, never in the output.
    everything = json.dumps(calls) + done.stdout + done.stderr
    assert TOKEN not in everything
    assert qdrant_key not in everything


def test_rerun_is_idempotent_and_keeps_the_qdrant_key(fake_tools: dict[str, Any]) -> None:
    env = fake_tools["env"]
    assert _run(DEPLOY, env).returncode == 0
    first = json.loads((fake_tools["state"] / "state.json").read_text())["secrets"]
    no_token = {k: v for k, v in env.items() if k != "HUBSPOT_ACCESS_TOKEN"}
    again = _run(DEPLOY, no_token)  # token already in Key Vault: not needed again
    assert again.returncode == 0, again.stderr
    second = json.loads((fake_tools["state"] / "state.json").read_text())["secrets"]
    assert second == first
    rotated = _run([*DEPLOY, "--rotate-qdrant-key"], no_token)
    assert rotated.returncode == 0
    third = json.loads((fake_tools["state"] / "state.json").read_text())["secrets"]
    assert third["qdrant-api-key"] != first["qdrant-api-key"]
    assert third["hubspot-access-token"] == TOKEN


def test_what_if_stops_before_changing_anything(fake_tools: dict[str, Any]) -> None:
    # `deployment group what-if` is unknown to the stand-in, so it exits 2: the script
    # must have reached it and stopped there, with no deployment or publish.
    done = _run([*DEPLOY, "--what-if"], fake_tools["env"])
    calls = _calls(fake_tools["state"])
    assert calls[-1][:3] == ["deployment", "group", "what-if"]
    assert done.returncode != 0
    assert not any(c[:3] == ["deployment", "group", "create"] or c[0] == "func" for c in calls)


def test_rerun_from_a_new_ip_opens_the_firewall_and_keeps_the_key(
    fake_tools: dict[str, Any],
) -> None:
    assert _run(DEPLOY, fake_tools["env"]).returncode == 0
    first = json.loads((fake_tools["state"] / "state.json").read_text())["secrets"]
    env = {**fake_tools["env"], "FAKE_AZ_FIREWALL_BLOCKS": "198.51.100.9"}
    moved = ["-g", "rg-triage", "-l", "westeurope", "--operator-ip", "198.51.100.9"]
    done = _run(moved, env)
    assert done.returncode == 0, done.stderr
    state = json.loads((fake_tools["state"] / "state.json").read_text())
    assert state["allowed_ips"] == ["198.51.100.9"]
    assert state["secrets"]["qdrant-api-key"] == first["qdrant-api-key"]


def test_publish_uses_the_remote_build_and_refuses_unpinned_requirements(
    fake_tools: dict[str, Any], tmp_path: Path
) -> None:
    done = _run(DEPLOY, fake_tools["env"])
    assert done.returncode == 0, done.stderr
    publish = next(c for c in _calls(fake_tools["state"]) if c[0] == "func")
    assert publish[publish.index("--build") + 1] == "remote"
    # A copy of the repository whose requirements.txt has a range: no publish.
    repo = tmp_path / "repo"
    shutil.copytree(INFRA, repo / "infra")
    (repo / "requirements.txt").write_text("# header\npydantic==2.14.4\nopenai>=1.40,<4\n")
    (fake_tools["state"] / "calls.jsonl").unlink()
    bash = shutil.which("bash")
    assert bash
    refused = subprocess.run(
        [bash, str(repo / "infra" / "deploy.sh"), *DEPLOY],
        capture_output=True,
        text=True,
        env=fake_tools["env"],
        timeout=60,
    )
    assert refused.returncode != 0 and "unpinned" in refused.stderr
    assert "openai>=1.40,<4" in refused.stderr
    assert not any(c[0] == "func" for c in _calls(fake_tools["state"]))
