"""The Azure facts infra/ relies on: infra/azure-facts.json against excerpts of Microsoft's
own pages (tests/data/azure/, each with its page and commit), and the Bicep and deploy.sh
against that table. Nothing here compares the code with a constant copied from the code."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.infra_fixtures import INFRA, MODULES, Evaluator, bicep_files, parse, resources

DATA = Path(__file__).parent / "data" / "azure"
FACTS: dict[str, Any] = json.loads((INFRA / "azure-facts.json").read_text())
GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
MAIN = INFRA / "main.bicep"


def _microsoft_roles() -> dict[str, str]:
    """Role name -> id, as the rows copied from Microsoft's built-in roles page say."""
    rows: dict[str, str] = {}
    for line in (DATA / "builtin-roles.md").read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and GUID.fullmatch(cells[1]):
            rows[cells[0]] = cells[1]
    return rows


def _roles_in_table() -> dict[str, dict[str, str]]:
    return {k: v for k, v in FACTS["builtInRoles"].items() if not k.startswith("_")}


def test_microsoft_excerpt_is_read() -> None:
    roles = _microsoft_roles()
    assert len(roles) >= 10
    assert roles["Owner"] == "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"


@pytest.mark.parametrize("key", sorted(_roles_in_table()))
def test_every_role_id_in_the_table_is_the_one_microsoft_lists(key: str) -> None:
    role = _roles_in_table()[key]
    assert _microsoft_roles()[role["name"]] == role["id"], role


def _role_ids_in_bicep() -> dict[str, set[str]]:
    """Every GUID literal in each Bicep file (role definition ids are the only ones)."""
    return {p.name: set(GUID.findall(p.read_text())) for p in bicep_files()}


def test_every_role_id_in_the_bicep_is_in_the_table() -> None:
    known = {r["id"] for r in _roles_in_table().values()}
    used = set().union(*_role_ids_in_bicep().values())
    assert used, "no role ids found in the Bicep"
    assert used <= known, sorted(used - known)


def test_the_app_and_the_operator_get_the_roles_they_need() -> None:
    roles = _roles_in_table()
    in_roles = _role_ids_in_bicep()["roles.bicep"]
    for key in (
        "storageBlobDataOwner",  # task hub blobs and the Flex deployment container
        "storageQueueDataContributor",  # Durable Functions queues
        "storageTableDataContributor",  # Durable history and the ledger
        "keyVaultSecretsUser",  # Key Vault references
        "keyVaultSecretsOfficer",  # the operator writes the HubSpot token
        "storageBlobDataContributor",  # the operator uploads documents
    ):
        assert roles[key]["id"] in in_roles, key
    openai = _role_ids_in_bicep()["openai-role.bicep"]
    assert openai == {roles["cognitiveServicesOpenAiUser"]["id"]}
    # A wrong id is caught: the id the first deployment failed on is no built-in role.
    assert "974c5e8b-45b9-4653-ba55-5f855dd0a19b" not in set(_microsoft_roles().values())


def _flex_deprecations() -> list[str]:
    lines = (DATA / "flex-deprecations.txt").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _site() -> dict[str, Any]:
    found = resources(MODULES / "functionapp.bicep", "Microsoft.Web/sites")
    assert len(found) == 1
    return next(iter(found.values()))


def test_no_flex_deprecated_site_property_is_set() -> None:
    props = _site()["properties"]
    site_config = props.get("siteConfig", {})
    for entry in _flex_deprecations():
        if not entry.startswith("properties."):
            continue
        path = entry.removeprefix("properties.").split(".")
        name = path[-1].lower()
        assert name not in {k.lower() for k in props}, entry
        # Microsoft lists site-config properties either way (properties.ftpsState is
        # siteConfig.ftpsState in a template): none may appear under siteConfig either.
        assert name not in {k.lower() for k in site_config}, entry


@pytest.mark.parametrize("llm", ["none", "openai", "azure_openai"])
def test_no_flex_deprecated_app_setting_is_set(llm: str) -> None:
    overrides: dict[str, Any] = {"llmProvider": llm, "hubspotWebhooks": True}
    if llm == "azure_openai":
        overrides["azureOpenAiEndpoint"] = "https://example.openai.azure.com/"
    settings = set(Evaluator(MAIN, overrides).variable("appSettings"))
    config = resources(MODULES / "functionapp.bicep", "Microsoft.Web/sites/config")
    fixed = next(iter(config.values()))["properties"]["function"]["parameters"]["arg_2"]
    settings |= set(fixed)
    deprecated = {e for e in _flex_deprecations() if not e.startswith("properties.")}
    assert not settings & deprecated


def _lowest_maximum_from_microsoft() -> int:
    text = (DATA / "flex-considerations.txt").read_text()
    found = re.search(r"lowest maximum scale is currently `(\d+)`", text)
    assert found, "the Scale bullet is missing from the excerpt"
    return int(found.group(1))


def test_the_table_holds_microsofts_lowest_maximum_instance_count() -> None:
    assert FACTS["flexConsumption"]["lowestMaximumInstanceCount"] == (
        _lowest_maximum_from_microsoft()
    )


def test_maximum_instance_count_defaults_are_accepted_in_every_region() -> None:
    lowest = FACTS["flexConsumption"]["lowestMaximumInstanceCount"]
    given = json.loads((INFRA / "main.parameters.json").read_text())["parameters"]
    assert given["maximumInstanceCount"]["value"] >= lowest
    assert parse(MAIN)["parameters"]["maximumInstanceCount"]["default"] >= lowest
    module = parse(MODULES / "functionapp.bicep")["parameters"]["maximumInstanceCount"]
    assert module["default"] >= lowest


def test_the_provider_flex_vnet_integration_needs_is_registered_by_deploy_sh() -> None:
    text = (DATA / "flex-considerations.txt").read_text()
    provider = re.search(r"Ensure that the `([\w.]+)` Azure resource provider", text)
    assert provider and provider.group(1) == FACTS["flexConsumption"]["vnetIntegrationProvider"]
    script = (INFRA / "deploy.sh").read_text()
    listed = re.search(r"REQUIRED_PROVIDERS=\(([^)]*)\)", script)
    assert listed, "deploy.sh lists the providers it checks"
    assert set(listed.group(1).split()) == set(FACTS["resourceProviders"]["required"])
    assert provider.group(1) in listed.group(1).split()


def test_deploy_sh_holds_the_tables_region_list_and_core_tools_minimum() -> None:
    script = (INFRA / "deploy.sh").read_text()
    core = re.search(r'MIN_CORE_TOOLS="([\d.]+)"', script)
    assert core and core.group(1) == FACTS["coreTools"]["minimumVersion"]
    lowest = re.search(r"LOWEST_MAX_INSTANCES=(\d+)", script)
    assert lowest and int(lowest.group(1)) == FACTS["flexConsumption"]["lowestMaximumInstanceCount"]
    regions = re.search(r"LOW_MAX_INSTANCE_REGIONS=\(([^)]*)\)", script)
    assert regions
    assert regions.group(1).split() == FACTS["flexConsumption"]["regionsAllowingLowerMaximum"]


def test_qdrant_subnet_has_the_storage_service_endpoint_aci_needs_for_azure_files() -> None:
    vnet = next(
        iter(resources(MODULES / "network.bicep", "Microsoft.Network/virtualNetworks").values())
    )
    subnets = {s["name"]: s["properties"] for s in vnet["properties"]["subnets"]}
    services = [e["service"] for e in subnets["qdrant"].get("serviceEndpoints", [])]
    assert "Microsoft.Storage" in services


def test_qdrant_in_the_vnet_has_no_probes_and_no_telemetry() -> None:
    group = next(
        iter(
            resources(
                MODULES / "qdrant.bicep", "Microsoft.ContainerInstance/containerGroups"
            ).values()
        )
    )
    container = group["properties"]["containers"][0]["properties"]
    assert "livenessProbe" not in container and "readinessProbe" not in container
    env = {e["name"]: e.get("value") for e in container["environmentVariables"]}
    assert env["QDRANT__TELEMETRY_DISABLED"] == "true"


def _instance_sizes_from_microsoft() -> tuple[list[int], int]:
    """The memory sizes of the page's instance-size table, and the platform's buffer."""
    text = (DATA / "flex-instance-sizes.txt").read_text()
    sizes = [int(m) for m in re.findall(r"^\| (\d+)\s+\| [\d.]+\s+\|$", text, re.MULTILINE)]
    buffer = re.search(r"an extra (\d+) MB of memory allocated by the platform", text)
    assert sizes and buffer, "the instance-size table or its note is missing from the excerpt"
    return sizes, int(buffer.group(1))


def test_the_table_holds_microsofts_instance_memory_sizes() -> None:
    sizes, buffer = _instance_sizes_from_microsoft()
    assert sizes == [512, 2048, 4096]  # the excerpt is read, not an empty match
    assert FACTS["flexConsumption"]["instanceMemoryMB"] == sizes
    assert FACTS["flexConsumption"]["platformBufferMB"] == buffer


def test_instance_memory_in_the_bicep_is_a_size_microsoft_documents() -> None:
    documented = set(FACTS["flexConsumption"]["instanceMemoryMB"])
    given = json.loads((INFRA / "main.parameters.json").read_text())["parameters"]
    assert given["instanceMemoryMB"]["value"] in documented
    for path in (MAIN, MODULES / "functionapp.bicep"):
        parameter = parse(path)["parameters"]["instanceMemoryMB"]
        assert parameter["default"] in documented, path.name
        allowed = next(d["argument"] for d in parameter["decorators"] if d["type"] == "allowed")
        assert set(allowed) <= documented, path.name
