"""Retry policies for activities that call HubSpot, the LLM or the ledger (transient failures
only: activities return permanent problems as results instead of raising)."""

import azure.durable_functions as df

# The HubSpot client already retries 429/5xx inside one call for up to
# HUBSPOT_MAX_RETRY_SECONDS; these attempts cover a host or network failure around it.
HUBSPOT_RETRY = df.RetryOptions(
    first_retry_interval_in_milliseconds=5_000, max_number_of_attempts=4
)
LLM_RETRY = df.RetryOptions(first_retry_interval_in_milliseconds=10_000, max_number_of_attempts=3)
LEDGER_RETRY = df.RetryOptions(first_retry_interval_in_milliseconds=2_000, max_number_of_attempts=5)
