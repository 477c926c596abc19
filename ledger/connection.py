"""The one way the ledger's tables are reached: a connection string (Azurite, account keys)
or the account's table endpoint with the app's managed identity."""

from __future__ import annotations

from azure.data.tables import TableServiceClient


def table_service(
    *, connection_string: str | None = None, endpoint: str | None = None
) -> TableServiceClient:
    if connection_string:
        return TableServiceClient.from_connection_string(connection_string)
    if endpoint:
        from azure.identity import DefaultAzureCredential

        return TableServiceClient(endpoint=endpoint, credential=DefaultAzureCredential())
    raise ValueError("set LEDGER_CONNECTION_STRING or LEDGER_TABLE_ENDPOINT")
