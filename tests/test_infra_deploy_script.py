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
# Environment knobs play the prerequisites and Azure's timing (see each test).
FAKE_AZ = textwrap.dedent(
    """\
    import json, os, sys
    from pathlib import Path

    state_dir = Path(os.environ["FAKE_AZ_STATE"])
    state_file = state_dir / "state.json"
    state = json.loads(state_file.read_text()) if state_file.exists() else {
        "groups": [], "deployed": False, "secrets": {}, "seq": 0}
    args = sys.argv[1:]
    with open(state_dir / "calls.jsonl", "a") as log:
        log.write(json.dumps(args) + "\\n")
    state["seq"] = state.get("seq", 0) + 1

    def opt(name):
        return args[args.index(name) + 1] if name in args else None

    def save():
        state_file.write_text(json.dumps(state))

    outputs = {
        "functionAppName": "triage-func-abc", "functionAppHostName": "triage-func-abc.net",
        "qdrantContainerGroupName": "triage-qdrant",
        "keyVaultName": "triage-kv-abc", "storageAccountName": "triagestabc",
        "knowledgeBaseContainerName": "knowledge-base",
        "hubspotTokenSecretName": "hubspot-access-token",
        "openAiApiKeySecretName": "openai-api-key", "needsOpenAiKey": "False",
    }
    env = os.environ.get
    cmd = " ".join(a for a in args[:3] if not a.startswith("-"))
    if cmd.startswith("account show"):
        if env("FAKE_AZ_LOGGED_OUT"):
            sys.exit(1)
        if opt("--query") == "name":
            print("Test subscription")
        elif opt("--query") == "id":
            print("00000000-0000-0000-0000-0000000000s1")
    elif cmd.startswith("ad signed-in-user show"):
        print("00000000-0000-0000-0000-00000000000a")
    elif cmd.startswith("provider show"):
        missing = set(filter(None, (env("FAKE_AZ_UNREGISTERED") or "").split(",")))
        missing -= set(state.get("registered", []))
        print("NotRegistered" if opt("--namespace") in missing else "Registered")
    elif cmd.startswith("provider register"):
        if env("FAKE_AZ_REGISTER_DENIED"):
            print("(AuthorizationFailed) may not register", file=sys.stderr)
            sys.exit(1)
        state["registered"] = state.get("registered", []) + [opt("--namespace")]
        save()
    elif cmd.startswith("functionapp list-flexconsumption-locations"):
        regions = env("FAKE_AZ_FLEX_REGIONS") or "eastus,westeurope,swedencentral"
        print(regions.replace(",", "\\n"))
    elif cmd.startswith("rest"):
        url = opt("--url")
        if "/providers/Microsoft.Authorization/permissions" in url:
            print(env("FAKE_AZ_PERMISSIONS") or "*\\t")
        elif url.split("?")[0].endswith("/refresh"):
            state["refreshed_seq"] = state["seq"]
            save()
        elif "configreferences" in url:
            # A reference resolves only once the secret exists and the app re-read it
            # (a refresh or a restart) after the secret was written.
            written = state.get("token_written_seq", -1)
            reread = max(state.get("restart_seq", 0), state.get("refreshed_seq", 0))
            token = "hubspot-access-token" in state["secrets"]
            if not token or reread < written or env("FAKE_AZ_REFERENCES_NEVER"):
                print("HUBSPOT_ACCESS_TOKEN\\tSecretNotFound" if not token
                      else "HUBSPOT_ACCESS_TOKEN\\tAccessToKeyVaultDenied")
        else:
            print("fake az: unexpected rest " + url, file=sys.stderr)
            sys.exit(2)
    elif cmd.startswith("functionapp restart"):
        state["restart_seq"] = state["seq"]
        save()
    elif cmd.startswith("container show"):
        print("10.40.2.9")
    elif cmd.startswith("functionapp config appsettings") and "set" in args:
        state["settings"] = args[args.index("--settings") + 1]
        save()
    elif cmd.startswith("functionapp keys list"):
        print("function-key-1")
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
        blocked = env("FAKE_AZ_FIREWALL_BLOCKS")
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
        if env("FAKE_AZ_SET_FORBIDDEN"):
            print("(Forbidden) Caller is not authorized: ForbiddenByRbac", file=sys.stderr)
            sys.exit(1)
        state["secrets"][opt("--name")] = Path(opt("--file")).read_text()
        if opt("--name") == "hubspot-access-token":
            state["token_written_seq"] = state["seq"]
        save()
    else:
        print("fake az: unexpected call " + " ".join(args), file=sys.stderr)
        sys.exit(2)
    save()
    """
)

# Core Tools: --version, and a publish that fails FAKE_FUNC_PUBLISH_FAILS times first (the
# app's storage role still propagating).
FAKE_FUNC = textwrap.dedent(
    """\
    import json, os, sys
    from pathlib import Path
    state = Path(os.environ["FAKE_AZ_STATE"])
    if sys.argv[1:] == ["--version"]:
        print(os.environ.get("FAKE_FUNC_VERSION", "4.0.7030"))
        sys.exit(0)
    with open(state / "calls.jsonl", "a") as log:
        log.write(json.dumps(["func", *sys.argv[1:], "cwd=" + os.getcwd()]) + "\\n")
    counter = state / "publish-failures"
    failed = int(counter.read_text()) if counter.exists() else 0
    if failed < int(os.environ.get("FAKE_FUNC_PUBLISH_FAILS", "0")):
        counter.write_text(str(failed + 1))
        print("Error: 403 AuthorizationPermissionMismatch uploading the package", file=sys.stderr)
        sys.exit(1)
    """
)

# curl: the health check and /api/status (the body from FAKE_STATUS_BODY).
FAKE_CURL = textwrap.dedent(
    """\
    import json, os, sys
    from pathlib import Path
    with open(Path(os.environ["FAKE_AZ_STATE"]) / "calls.jsonl", "a") as log:
        log.write(json.dumps(["curl", *sys.argv[1:]]) + "\\n")
    url = sys.argv[-1]
    if "/api/status" in url:
        print(os.environ.get("FAKE_STATUS_BODY", '{"ready": true, "problems": []}'))
    elif "/api/health" in url:
        print('{"status": "ok"}')
    else:
        sys.exit(7)
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
    _write_tool(bin_dir, "curl", FAKE_CURL)
    # Only the stand-ins and the basics: no real az/func/curl can be reached.
    basics: tuple[str, ...] = ("bash", "env", "cat", "dirname", "grep", "od", "tr", "mktemp")
    basics += ("chmod", "rm", "sort", "head")
    for tool in (*basics, "seq", "sleep"):
        found = shutil.which(tool)
        assert found, tool
        (bin_dir / tool).symlink_to(found)
    env = {
        "PATH": str(bin_dir),
        "HOME": str(tmp_path),
        "FAKE_AZ_STATE": str(state),
        "HUBSPOT_ACCESS_TOKEN": TOKEN,
        "DEPLOY_RETRY_SECONDS": "0",
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


def test_what_if_creates_nothing_and_stops_before_changing_anything(
    fake_tools: dict[str, Any],
) -> None:
    # No resource group yet: what-if says everything would be created, and creates nothing.
    done = _run([*DEPLOY, "--what-if"], fake_tools["env"])
    assert done.returncode == 0, done.stderr
    assert "would be created" in done.stderr
    assert not any(c[:2] == ["group", "create"] for c in _calls(fake_tools["state"]))
    # With the group there: `deployment group what-if` (unknown to the stand-in, exit 2) is
    # the last call; no deployment, no publish.
    assert _run(DEPLOY, fake_tools["env"]).returncode == 0
    (fake_tools["state"] / "calls.jsonl").unlink()
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


# --- Preflight: each missing prerequisite, its own message, before anything is created -------

CREATING = (["group", "create"], ["deployment", "group", "create"], ["keyvault", "secret", "set"])


def _created_something(state: Path) -> bool:
    calls = _calls(state) if (state / "calls.jsonl").exists() else []
    return any(c[: len(step)] == step for c in calls for step in CREATING) or any(
        c[0] == "func" for c in calls
    )


CONTRIBUTOR = "*\tMicrosoft.Authorization/*/Delete Microsoft.Authorization/*/Write"

PREREQUISITES = {
    "provider": (
        {"FAKE_AZ_UNREGISTERED": "Microsoft.App", "FAKE_AZ_REGISTER_DENIED": "1"},
        "resource provider Microsoft.App is not registered",
    ),
    "region": ({"FAKE_AZ_FLEX_REGIONS": "eastus,swedencentral"}, "does not offer Flex Consumption"),
    "role rights": ({"FAKE_AZ_PERMISSIONS": CONTRIBUTOR}, "may not create role assignments"),
    "core tools": ({"FAKE_FUNC_VERSION": "4.0.5530"}, "too old for a Flex Consumption publish"),
    "token": ({"HUBSPOT_ACCESS_TOKEN": ""}, "HUBSPOT_ACCESS_TOKEN is not set"),
}


@pytest.mark.parametrize("missing", sorted(PREREQUISITES))
def test_each_missing_prerequisite_is_named_before_anything_is_created(
    fake_tools: dict[str, Any], missing: str
) -> None:
    knobs, message = PREREQUISITES[missing]
    done = _run(DEPLOY, {**fake_tools["env"], **knobs})
    assert done.returncode != 0
    assert message in done.stderr
    assert "nothing was created" in done.stderr
    assert not _created_something(fake_tools["state"])
    # Only that one: the other prerequisites hold, so no other message.
    others = [m for k, (_, m) in PREREQUISITES.items() if k != missing]
    assert not [m for m in others if m in done.stderr]


def test_all_missing_prerequisites_are_reported_at_once(fake_tools: dict[str, Any]) -> None:
    env = dict(fake_tools["env"])
    for knobs, _ in PREREQUISITES.values():
        env.update(knobs)
    done = _run(DEPLOY, env)
    assert done.returncode != 0
    for _, message in PREREQUISITES.values():
        assert message in done.stderr
    assert f"{len(PREREQUISITES)} prerequisite(s) missing" in done.stderr
    assert not _created_something(fake_tools["state"])


def test_an_unregistered_provider_is_registered_when_allowed(fake_tools: dict[str, Any]) -> None:
    env = {**fake_tools["env"], "FAKE_AZ_UNREGISTERED": "Microsoft.App,Microsoft.ContainerInstance"}
    done = _run(DEPLOY, env)
    assert done.returncode == 0, done.stderr
    registered = [
        c[c.index("--namespace") + 1]
        for c in _calls(fake_tools["state"])
        if c[:2] == ["provider", "register"]
    ]
    assert registered == ["Microsoft.App", "Microsoft.ContainerInstance"]


def test_a_low_maximum_instance_count_is_refused_outside_the_regions_that_allow_it(
    fake_tools: dict[str, Any], tmp_path: Path
) -> None:
    params = json.loads((INFRA / "main.parameters.json").read_text())
    params["parameters"]["maximumInstanceCount"] = {"value": 10}
    low = tmp_path / "low.parameters.json"
    low.write_text(json.dumps(params))
    elsewhere = ["-g", "rg-triage", "-l", "eastus", "--operator-ip", "203.0.113.7"]
    done = _run([*elsewhere, "--parameters", str(low)], fake_tools["env"])
    assert done.returncode != 0 and "maximumInstanceCount 10" in done.stderr
    assert not _created_something(fake_tools["state"])
    assert _run([*DEPLOY, "--parameters", str(low)], fake_tools["env"]).returncode == 0


@pytest.mark.parametrize("prefix", ["triage-", "tri--age", "Triage", "9triage", "ab"])
def test_prefixes_key_vault_refuses_are_refused(fake_tools: dict[str, Any], prefix: str) -> None:
    done = _run([*DEPLOY, "--prefix", prefix], fake_tools["env"])
    assert done.returncode != 0 and "--prefix must be" in done.stderr
    assert not (fake_tools["state"] / "calls.jsonl").exists()


# --- After the deployment: retries, ordering, the final check ----------------------------------


def test_publish_is_retried_while_the_apps_storage_role_propagates(
    fake_tools: dict[str, Any],
) -> None:
    done = _run(DEPLOY, {**fake_tools["env"], "FAKE_FUNC_PUBLISH_FAILS": "2"})
    assert done.returncode == 0, done.stderr
    publishes = [c for c in _calls(fake_tools["state"]) if c[0] == "func"]
    assert len(publishes) == 3
    assert "publish failed (attempt 2/10)" in done.stderr


def test_publish_gives_up_with_a_message(fake_tools: dict[str, Any]) -> None:
    done = _run(DEPLOY, {**fake_tools["env"], "FAKE_FUNC_PUBLISH_FAILS": "99"})
    assert done.returncode != 0 and "could not publish" in done.stderr


def test_secret_write_failures_show_azs_reason_not_the_secret(fake_tools: dict[str, Any]) -> None:
    done = _run(DEPLOY, {**fake_tools["env"], "FAKE_AZ_SET_FORBIDDEN": "1"})
    assert done.returncode != 0
    assert "ForbiddenByRbac" in done.stderr
    assert TOKEN not in done.stderr + done.stdout


def test_the_app_rereads_the_secrets_after_they_are_written_then_is_checked(
    fake_tools: dict[str, Any],
) -> None:
    done = _run(DEPLOY, fake_tools["env"])
    assert done.returncode == 0, done.stderr
    calls = _calls(fake_tools["state"])

    def first(prefix: list[str]) -> int:
        return next(i for i, c in enumerate(calls) if c[: len(prefix)] == prefix)

    token_set = next(
        i
        for i, c in enumerate(calls)
        if c[:3] == ["keyvault", "secret", "set"] and "hubspot-access-token" in c
    )
    restart = first(["functionapp", "restart"])
    references = max(
        i for i, c in enumerate(calls) if c[0] == "rest" and "configreferences" in " ".join(c)
    )
    status = max(i for i, c in enumerate(calls) if c[0] == "curl" and "/api/status" in c[-1])
    assert token_set < first(["func"]) < restart < references < status
    assert "Key Vault references resolved" in done.stderr


def test_unresolved_references_fail_the_deployment_with_their_names(
    fake_tools: dict[str, Any],
) -> None:
    done = _run(DEPLOY, {**fake_tools["env"], "FAKE_AZ_REFERENCES_NEVER": "1"})
    assert done.returncode != 0
    assert "did not resolve: HUBSPOT_ACCESS_TOKEN" in done.stderr


def test_an_app_that_is_not_ready_fails_the_deployment_with_the_problems(
    fake_tools: dict[str, Any],
) -> None:
    body = '{"ready": false, "problems": ["qdrant unreachable at http://10.40.2.4:6333"]}'
    done = _run(DEPLOY, {**fake_tools["env"], "FAKE_STATUS_BODY": body})
    assert done.returncode != 0
    assert "qdrant unreachable" in done.stderr and "does not report ready" in done.stderr


def test_repair_points_qdrant_url_at_the_new_ip_without_redeploying(
    fake_tools: dict[str, Any],
) -> None:
    assert _run(DEPLOY, fake_tools["env"]).returncode == 0
    (fake_tools["state"] / "calls.jsonl").unlink()
    done = _run(["-g", "rg-triage", "-l", "westeurope", "--repair-qdrant-url"], fake_tools["env"])
    assert done.returncode == 0, done.stderr
    state = json.loads((fake_tools["state"] / "state.json").read_text())
    assert state["settings"] == "QDRANT_URL=http://10.40.2.9:6333"
    calls = _calls(fake_tools["state"])
    assert not any(c[:3] == ["deployment", "group", "create"] or c[0] == "func" for c in calls)
