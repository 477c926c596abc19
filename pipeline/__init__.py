"""Application steps of the triage pipeline: plain functions that combine the domain
packages (hubspot, triage, rag, ledger). Activities call these; nothing here knows about
Durable Functions."""
