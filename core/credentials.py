"""One line for an Azure credential that gave no token, instead of azure-identity's traceback.

With no connection string or key set, the ledger (``LEDGER_TABLE_ENDPOINT``) and Azure
OpenAI (``AZURE_OPENAI_ENDPOINT``) sign in with ``DefaultAzureCredential``: the Function
App's managed identity in Azure, a developer's ``az login`` or the ``AZURE_CLIENT_*``
variables elsewhere. When no credential in that chain gives a token (none is there, or one
is there and refused), azure-identity raises ``ClientAuthenticationError`` ("...failed to
retrieve a token from the included credentials", its TROUBLESHOOTING.md) before any
request is sent, so the error carries no HTTP response; a service's own 401 (a wrong
account key) does, and is not this. azure-identity also logs, as a warning, each
credential it tried and why it gave nothing: that stays on, since it is the only place a
refused credential's reason appears. The line names the settings that chose the identity
and what to set instead; the exception's text is never repeated in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.unreachable import exception_chain

if TYPE_CHECKING:
    from core.settings import Settings


def is_missing_credential(exc: BaseException) -> bool:
    """A token the credential could not get (no response from any service), anywhere in the
    exception's chain."""
    from azure.core.exceptions import ClientAuthenticationError

    return any(
        isinstance(error, ClientAuthenticationError) and error.response is None
        for error in exception_chain(exc)
    )


def identity_users(settings: Settings | None) -> list[tuple[str, str, str]]:
    """(what, the setting that points at it, the secret setting that would replace the
    identity) for each dependency these settings reach with the managed identity."""
    if settings is None:
        return []
    users: list[tuple[str, str, str]] = []
    if settings.ledger_connection_string is None and settings.ledger_table_endpoint:
        users.append(("the ledger", "LEDGER_TABLE_ENDPOINT", "LEDGER_CONNECTION_STRING"))
    azure_openai = any(
        provider.value == "azure_openai"
        for provider in (settings.llm_provider, settings.embedding_provider)
    )
    if azure_openai and settings.azure_openai_api_key is None:
        users.append(("Azure OpenAI", "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY"))
    return users


def missing_credential_line(exc: BaseException, settings: Settings | None) -> str | None:
    """The line for a missing credential, or None when ``exc`` is something else."""
    if not is_missing_credential(exc):
        return None
    users = identity_users(settings)
    if users:
        named = " and ".join(f"{what} ({setting})" for what, setting, _ in users)
        instead = " or ".join(secret for _, _, secret in users)
        reached = f"{named} {'is' if len(users) == 1 else 'are'} reached with"
        alternative = f", or set {instead}"
    else:
        reached, alternative = "a dependency is reached with", ""
    return (
        f"no Azure token: {reached} the managed identity (DefaultAzureCredential) and no "
        "credential on this machine gave one (none found, or one refused: see the warning "
        "above); sign in with `az login` or set AZURE_TENANT_ID, AZURE_CLIENT_ID and "
        f"AZURE_CLIENT_SECRET (check them if they are set){alternative}"
    )
