"""The one way the ledger's tables are reached: a connection string (Azurite, account keys)
or the account's table endpoint with the app's managed identity."""

from __future__ import annotations

from typing import Any

from azure.data.tables import TableServiceClient

from core.settings import SettingsError, ledger_connection_problems

# After a dropped connection (the request may or may not have been applied) the SDK resends
# GET, PUT and DELETE, but not a merge (PATCH), which it cannot know to be idempotent. The
# ledger's unconditional merges write fixed values (their timestamps are taken before the
# call), so a resend is safe: pass these options to resend them too. A conditional merge
# (If-Match) resent after it was applied answers 412, which its caller re-reads. Inserts
# (POST) are never resent here: the claim and the cursor recognise their own row instead.
RESEND_MERGE: dict[str, Any] = {
    "retry_on_methods": frozenset(
        {"HEAD", "GET", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "MERGE"}
    )
}


def table_service(
    *, connection_string: str | None = None, endpoint: str | None = None
) -> TableServiceClient:
    if connection_string:
        return TableServiceClient.from_connection_string(connection_string)
    # the settings' own rule, named in one line (the SDK's words for an http endpoint are
    # vaguer): commands open the ledger from the environment, not from validated settings
    problems = ledger_connection_problems(False, endpoint)
    if problems or not endpoint:  # no endpoint is always a problem; the check narrows it
        raise SettingsError(problems)
    from azure.identity import DefaultAzureCredential

    return TableServiceClient(endpoint=endpoint, credential=DefaultAzureCredential())
