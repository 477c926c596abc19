"""The Bicep passes the webhook client secret as a Key Vault reference, only when enabled."""

from __future__ import annotations

import re

from tests.infra_fixtures import INFRA, Evaluator

MAIN = INFRA / "main.bicep"
REFERENCE = re.compile(
    r"^@Microsoft\.KeyVault\(SecretUri=\$\{[^}]+\}secrets/\$\{hubspotWebhookSecretName\}\)$"
)


def test_the_webhook_secret_is_a_key_vault_reference_when_enabled_and_absent_otherwise() -> None:
    enabled = Evaluator(MAIN, {"hubspotWebhooks": True}).variable("appSettings", raw_strings=True)
    assert REFERENCE.match(enabled["HUBSPOT_WEBHOOK_CLIENT_SECRET"])
    assert "HUBSPOT_WEBHOOK_CLIENT_SECRET" not in Evaluator(MAIN).variable("appSettings")
    assert Evaluator(MAIN).variable("hubspotWebhookSecretName") == "hubspot-webhook-client-secret"
