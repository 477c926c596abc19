"""The Azure Functions app: thin on purpose. Each area registers its own blueprint."""

import azure.durable_functions as df
import azure.functions as func

from activities import checkpoint, email_steps, knowledge_base, wake
from core.telemetry import configure_logging
from orchestrators import ingest_kb, poll, triage_batch
from triggers import http_api, purge, timer_poll, webhook

configure_logging()

app = df.DFApp(http_auth_level=func.AuthLevel.FUNCTION)

for blueprint in (
    timer_poll.bp,
    purge.bp,
    http_api.bp,
    poll.bp,
    triage_batch.bp,
    checkpoint.bp,
    email_steps.bp,
    ingest_kb.bp,
    knowledge_base.bp,
    webhook.bp,
    wake.bp,
):
    app.register_functions(blueprint)
