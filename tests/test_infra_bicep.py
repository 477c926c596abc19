"""The Bicep in infra/ says what we promise about the Azure deployment: private Qdrant,
identity-only storage, Key Vault references for secrets, Flex Consumption in a VNet, and
app settings that satisfy core/settings.py."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from core.settings import LlmProvider, Settings, SettingsError, load_settings
from tests.infra_fixtures import (
    INFRA,
    MODULES,
    Evaluator,
    all_branch_setting_names,
    bicep_files,
    identifiers,
    only_resource,
    parse,
    resources,
    secure_params,
)

MAIN = INFRA / "main.bicep"
STORAGE_TYPE = "Microsoft.Storage/storageAccounts"
KEY_VAULT_REFERENCE = re.compile(
    r"^@Microsoft\.KeyVault\(SecretUri=\$\{[^}]+\}secrets/\$\{\w+\}\)$"
)

# App settings that are not Settings fields: read by the Functions host or by tiktoken, or
# proposed for the knowledge-base ingestion function.
NON_SETTINGS = {
    "PYTHON_THREADPOOL_THREAD_COUNT",
    "AzureWebJobsStorage__accountName",
    "AzureWebJobsStorage__credential",
    "KNOWLEDGE_BASE_BLOB_ENDPOINT",
    "KNOWLEDGE_BASE_CONTAINER",
    "TIKTOKEN_CACHE_DIR",
}
# What the app needs in Azure beyond the fields without defaults (see the Settings docstrings).
REQUIRED_IN_AZURE = {
    "LEDGER_TABLE_ENDPOINT",
    "QDRANT_URL",
    "QDRANT_API_KEY",
    "TASK_HUB_NAME",
    "POLL_SCHEDULE",
    "POLLING_PAUSED",
    "HUBSPOT_INBOX_IDS",
    "APPLICATIONINSIGHTS_CONNECTION_STRING",
}
# A connection string made by Azure from the App Insights resource, not from a parameter:
# it identifies where to send telemetry and is not a credential we hold.
NOT_SECRET_DESPITE_TYPE = {"APPLICATIONINSIGHTS_CONNECTION_STRING"}


def _setting_names() -> dict[str, str]:
    """Env var name -> field name for every Settings field (aliases included)."""
    names: dict[str, str] = {}
    for name, info in Settings.model_fields.items():
        names[name.upper()] = name
        alias = info.validation_alias
        for choice in getattr(alias, "choices", []):
            names[str(choice).upper()] = name
    return names


def _secret_setting_names() -> set[str]:
    return {
        env
        for env, name in _setting_names().items()
        if "SecretStr" in str(Settings.model_fields[name].annotation)
    }


def _function_app() -> dict[str, Any]:
    return only_resource(MODULES / "functionapp.bicep", "Microsoft.Web/sites")


def _module_params(name: str) -> dict[str, Any]:
    params: dict[str, Any] = parse(MAIN)["modules"][name]["config"]["params"]
    return params


def test_every_bicep_file_parses() -> None:
    files = bicep_files()
    assert len(files) >= 7
    for path in files:
        assert parse(path).get("resources") or parse(path).get("modules"), path.name


def test_main_wires_every_module_file() -> None:
    used = {m["detail"]["path"] for m in parse(MAIN)["modules"].values()}
    on_disk = {f"modules/{p.name}" for p in MODULES.glob("*.bicep")}
    assert used == on_disk


# --- Qdrant ---------------------------------------------------------------------------------


def test_qdrant_container_group_has_only_a_private_ip() -> None:
    group = only_resource(MODULES / "qdrant.bicep", "Microsoft.ContainerInstance/containerGroups")
    props = group["properties"]
    assert props["ipAddress"]["type"] == "Private"
    assert "dnsNameLabel" not in props["ipAddress"]
    assert [p["port"] for p in props["ipAddress"]["ports"]] == ["port"]
    assert props["subnetIds"][0]["id"] == "subnetId"
    assert _module_params("qdrant")["subnetId"]["operator"]["operands"]["operand_1"] == "network"
    assert "qdrantSubnetId" in json.dumps(_module_params("qdrant")["subnetId"])


def test_qdrant_api_key_is_a_secure_value_from_a_secure_parameter() -> None:
    path = MODULES / "qdrant.bicep"
    container = only_resource(path, "Microsoft.ContainerInstance/containerGroups")["properties"][
        "containers"
    ][0]["properties"]
    env = {e["name"]: e for e in container["environmentVariables"]}
    key = env["QDRANT__SERVICE__API_KEY"]
    assert "value" not in key
    assert key["secureValue"] in secure_params(path)
    assert _module_params("qdrant")["apiKey"] in secure_params(MAIN)


@pytest.mark.parametrize("source", ["param", "parameters-file"])
def test_qdrant_image_is_pinned_to_a_release(source: str) -> None:
    if source == "param":
        image = parse(MAIN)["parameters"]["qdrantImage"]["default"]
    else:
        image = json.loads((INFRA / "main.parameters.json").read_text())["parameters"][
            "qdrantImage"
        ]["value"]
    assert re.fullmatch(r"qdrant/qdrant:v1\.\d+\.\d+", image), image


def test_qdrant_subnet_admits_only_port_6333_from_the_function_subnet() -> None:
    nsgs = resources(MODULES / "network.bicep", "Microsoft.Network/networkSecurityGroups")
    rules = [r["properties"] for r in nsgs["qdrantNsg"]["properties"]["securityRules"]]
    inbound_allows = [r for r in rules if r["direction"] == "Inbound" and r["access"] == "Allow"]
    assert len(inbound_allows) == 1
    allow = inbound_allows[0]
    assert allow["sourceAddressPrefix"] == "functionSubnetPrefix"
    assert allow["protocol"] == "Tcp"
    assert "qdrantPort" in identifiers(allow["destinationPortRange"])
    assert parse(MODULES / "network.bicep")["parameters"]["qdrantPort"]["default"] == 6333
    deny = [r for r in rules if r["direction"] == "Inbound" and r["access"] == "Deny"]
    assert any(r["sourceAddressPrefix"] == "*" and r["priority"] > allow["priority"] for r in deny)


def test_subnets_are_delegated_as_flex_and_aci_require() -> None:
    vnet = only_resource(MODULES / "network.bicep", "Microsoft.Network/virtualNetworks")
    subnets = {s["name"]: s["properties"] for s in vnet["properties"]["subnets"]}
    assert set(subnets) == {"func", "qdrant", "pe"}
    delegation = {
        name: [d["properties"]["serviceName"] for d in props.get("delegations", [])]
        for name, props in subnets.items()
    }
    assert delegation == {
        "func": ["Microsoft.App/environments"],
        "qdrant": ["Microsoft.ContainerInstance/containerGroups"],
        "pe": [],
    }
    assert all("networkSecurityGroup" in props for props in subnets.values())


# --- Storage and Key Vault ------------------------------------------------------------------


def test_app_storage_is_identity_only_private_blobs_and_tls12() -> None:
    props = only_resource(MODULES / "storage.bicep", STORAGE_TYPE)["properties"]
    assert props["allowSharedKeyAccess"] is False
    assert props["allowBlobPublicAccess"] is False
    assert props["minimumTlsVersion"] == "TLS1_2"
    assert props["supportsHttpsTrafficOnly"] is True
    assert props["networkAcls"]["defaultAction"] == "networkDefaultAction"
    assert parse(MODULES / "storage.bicep")["parameters"]["networkDefaultAction"]["default"] == (
        "Deny"
    )


def test_only_the_qdrant_file_share_account_allows_shared_keys() -> None:
    # ACI can mount Azure Files only with an account key: that account is separate and small.
    for path in bicep_files():
        for name, account in resources(path, STORAGE_TYPE).items():
            props = account["properties"]
            assert props["allowBlobPublicAccess"] is False, name
            assert props["minimumTlsVersion"] == "TLS1_2", name
            assert props["supportsHttpsTrafficOnly"] is True, name
            if props.get("allowSharedKeyAccess") is not False:
                assert (path.name, name) == ("qdrant.bicep", "filesAccount")
    text = {p.name: p.read_text() for p in bicep_files()}
    assert [n for n, t in text.items() if "listKeys" in t] == ["qdrant.bicep"]
    assert not any("AccountKey=" in t for t in text.values())


def test_key_vault_uses_rbac_soft_delete_and_purge_protection() -> None:
    props = only_resource(MODULES / "keyvault.bicep", "Microsoft.KeyVault/vaults")["properties"]
    assert props["enableRbacAuthorization"] is True
    assert props["enableSoftDelete"] is True
    assert props["enablePurgeProtection"] is True
    assert "accessPolicies" not in props


# --- Function App ---------------------------------------------------------------------------


def test_function_app_is_flex_python311_identity_https_and_vnet() -> None:
    app = _function_app()
    assert app["identity"]["type"] == "SystemAssigned"
    props = app["properties"]
    assert props["httpsOnly"] is True
    assert props["virtualNetworkSubnetId"] == "functionSubnetId"
    assert "functionSubnetId" in json.dumps(_module_params("functionApp")["functionSubnetId"])
    config = props["functionAppConfig"]
    assert config["runtime"] == {"name": "python", "version": "3.11"}
    storage = config["deployment"]["storage"]
    assert storage["type"] == "blobContainer"
    assert storage["authentication"]["type"] == "SystemAssignedIdentity"
    assert set(config["scaleAndConcurrency"]) == {
        "alwaysReady",
        "maximumInstanceCount",
        "instanceMemoryMB",
    }
    plan = only_resource(MODULES / "functionapp.bicep", "Microsoft.Web/serverfarms")
    assert plan["sku"] == {"tier": "FlexConsumption", "name": "FC1"}


def _durable_task() -> dict[str, Any]:
    host = json.loads((INFRA.parent / "host.json").read_text())
    return dict(host["extensions"]["durableTask"])


def test_the_durable_group_has_an_always_ready_instance_of_the_chosen_size() -> None:
    scale = _function_app()["properties"]["functionAppConfig"]["scaleAndConcurrency"]
    assert scale["alwaysReady"] == [
        {"name": "durable", "instanceCount": "alwaysReadyDurableInstances"}
    ]
    assert _module_params("functionApp")["alwaysReadyDurableInstances"] == (
        "alwaysReadyDurableInstances"
    )
    evaluator = Evaluator(MAIN)
    given = json.loads((INFRA / "main.parameters.json").read_text())["parameters"]
    for source in (evaluator.param, lambda name: given[name]["value"]):
        assert source("alwaysReadyDurableInstances") == 1
        # The size the cost estimate in infra/README.md is computed for.
        assert source("instanceMemoryMB") == 2048
    readme = (INFRA / "README.md").read_text()
    assert "always-ready" in readme and "2,048 MB" in readme


def test_the_thread_pool_has_a_thread_for_every_durable_slot() -> None:
    durable = _durable_task()
    slots = (
        durable["maxConcurrentActivityFunctions"] + durable["maxConcurrentOrchestratorFunctions"]
    )
    settings = Evaluator(MAIN).variable("appSettings")
    assert int(settings["PYTHON_THREADPOOL_THREAD_COUNT"]) == slots


def test_the_task_hub_queues_are_polled_at_most_every_few_seconds() -> None:
    interval = _durable_task()["storageProvider"]["maxQueuePollingInterval"]
    hours, minutes, seconds = (float(part) for part in interval.split(":"))
    assert 0 < hours * 3600 + minutes * 60 + seconds <= 10  # the default backs off to 30 s


def test_one_telemetry_path_to_application_insights() -> None:
    settings = Evaluator(MAIN).variable("appSettings")
    assert "APPLICATIONINSIGHTS_CONNECTION_STRING" in settings  # the host's built-in path
    # No second path: no OpenTelemetry exporter settings, no exporter in the app or its pins.
    assert not [name for name in settings if name.startswith(("OTEL_", "PYTHON_ENABLE_OTEL"))]
    host = json.loads((INFRA.parent / "host.json").read_text())
    assert host.get("telemetryMode", "ApplicationInsights") == "ApplicationInsights"
    requirements = (INFRA.parent / "requirements.txt").read_text()
    assert "azure-monitor-opentelemetry" not in requirements
    telemetry = (INFRA.parent / "core" / "telemetry.py").read_text()
    assert "configure_azure_monitor" not in telemetry and "opentelemetry" not in telemetry


def test_storage_connection_is_identity_based() -> None:
    config = only_resource(MODULES / "functionapp.bicep", "Microsoft.Web/sites/config")
    fixed = config["properties"]["function"]["parameters"]["arg_2"]
    assert fixed["AzureWebJobsStorage__credential"] == "managedidentity"
    assert fixed["AzureWebJobsStorage__accountName"] == "storageAccountName"
    names = all_branch_setting_names(MAIN)
    assert not any(n.startswith("AzureWebJobsStorage") and "__" not in n for n in names)
    assert "LEDGER_CONNECTION_STRING" not in names


def test_the_openai_role_is_assigned_only_when_an_account_is_given() -> None:
    # Which role ids are right is checked against Microsoft's table in test_infra_facts.py.
    openai = parse(MAIN)["modules"]["openAiRole"]["config"]
    assert "azureOpenAiResourceId" in identifiers(openai["condition"])


# --- Secrets and app settings ---------------------------------------------------------------


def _transitive_identifiers(evaluator: Evaluator, value: Any, seen: set[str]) -> set[str]:
    found = identifiers(value)
    for name in found - seen:
        if name in evaluator.variables:
            seen.add(name)
            found |= _transitive_identifiers(evaluator, evaluator.variables[name]["value"], seen)
    return found


def test_secrets_reach_app_settings_only_as_key_vault_references() -> None:
    evaluator = Evaluator(MAIN, {"llmProvider": "openai", "embeddingProvider": "openai"})
    settings = evaluator.variable("appSettings", raw_strings=True)
    secrets = _secret_setting_names() - NOT_SECRET_DESPITE_TYPE
    present = secrets & set(settings)
    assert {"HUBSPOT_ACCESS_TOKEN", "QDRANT_API_KEY", "OPENAI_API_KEY"} <= present
    for name in present:
        assert KEY_VAULT_REFERENCE.match(settings[name]), (name, settings[name])
    # No secure parameter flows into the app settings, however indirectly.
    used = _transitive_identifiers(evaluator, parse(MAIN)["variables"]["appSettings"], set())
    assert not used & secure_params(MAIN)
    assert not secure_params(MODULES / "functionapp.bicep")


def test_secret_references_only_appear_when_the_provider_needs_them() -> None:
    settings = Evaluator(MAIN).variable("appSettings")
    assert settings["LLM_PROVIDER"] == "none"
    assert "OPENAI_API_KEY" not in settings
    assert "AZURE_OPENAI_API_KEY" not in settings
    assert all(value != "" for name, value in settings.items() if name in _secret_setting_names())


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in _setting_names():
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def _load(clean_env: pytest.MonkeyPatch, overrides: dict[str, Any]) -> Settings:
    settings = Evaluator(MAIN, overrides).variable("appSettings")
    for name, value in settings.items():
        clean_env.setenv(name, str(value))
    return load_settings()


@pytest.mark.parametrize("provider", [p.value for p in LlmProvider])
def test_app_settings_satisfy_core_settings(clean_env: pytest.MonkeyPatch, provider: str) -> None:
    overrides: dict[str, Any] = {"llmProvider": provider}
    if provider == "azure_openai":
        overrides["azureOpenAiEndpoint"] = "https://example.openai.azure.com/"
    if provider == "openai_compatible":
        overrides["openAiBaseUrl"] = "http://llm.internal:8000/v1"
    loaded = _load(clean_env, overrides)
    assert loaded.llm_provider == provider
    assert loaded.ledger_table_endpoint and loaded.ledger_connection_string is None
    assert loaded.qdrant_url and loaded.qdrant_api_key is not None
    assert loaded.polling_paused is False


def test_settings_check_catches_a_missing_provider_setting(clean_env: pytest.MonkeyPatch) -> None:
    # The check above can fail: azure_openai without an endpoint is reported by name.
    with pytest.raises(SettingsError, match="AZURE_OPENAI_ENDPOINT"):
        _load(clean_env, {"llmProvider": "azure_openai"})


def test_polling_paused_parameter_reaches_the_app(clean_env: pytest.MonkeyPatch) -> None:
    assert _load(clean_env, {"pollingPaused": True}).polling_paused is True


def test_every_required_setting_is_set_and_every_setting_is_known() -> None:
    names = all_branch_setting_names(MAIN) | {"AzureWebJobsStorage__accountName"}
    names |= {"AzureWebJobsStorage__credential"}
    required = {n.upper() for n, f in Settings.model_fields.items() if f.is_required()}
    assert required, "Settings has required fields (the HubSpot token at least)"
    missing = (required | REQUIRED_IN_AZURE) - names
    assert not missing, f"settings the Bicep does not set: {sorted(missing)}"
    unknown = names - set(_setting_names()) - NON_SETTINGS
    assert not unknown, f"app settings Settings does not read (typos?): {sorted(unknown)}"


def test_parameters_file_names_only_real_non_secret_parameters() -> None:
    given = json.loads((INFRA / "main.parameters.json").read_text())["parameters"]
    declared = parse(MAIN)["parameters"]
    assert set(given) <= set(declared)
    assert not set(given) & secure_params(MAIN)


def test_deploy_script_sets_the_secrets_the_bicep_references() -> None:
    script = (INFRA / "deploy.sh").read_text()
    variables = parse(MAIN)["variables"]
    for var in ("hubspotTokenSecretName", "openAiApiKeySecretName"):
        assert var in identifiers([o["value"] for o in parse(MAIN)["outputs"].values()])
        assert variables[var]["value"]
    assert "qdrant-api-key" in script
    assert variables["qdrantApiKeySecretName"]["value"] == "qdrant-api-key"
    kv_secret = only_resource(MODULES / "keyvault.bicep", "Microsoft.KeyVault/vaults/secrets")
    assert kv_secret["name"] == "qdrant-api-key"


def test_infra_readme_covers_the_ops_tasks() -> None:
    readme = (INFRA / "README.md").read_text()
    for topic in (
        "deploy.sh",
        "POST /api/kb/ingest",
        "GET /api/status",
        "POLLING_PAUSED",
        "qdrantImage",
        "az group delete",
        "HUBSPOT_ACCESS_TOKEN",
        "Total fixed",
    ):
        assert topic in readme, topic


def test_checkov_skips_carry_a_reason() -> None:
    for path in bicep_files():
        for line in Path(path).read_text().splitlines():
            if "checkov:skip" in line:
                assert re.search(r"checkov:skip=CKV2?_AZURE_\d+: \S.{20,}", line), line
