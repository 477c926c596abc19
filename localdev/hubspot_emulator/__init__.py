"""A local HubSpot (Conversations v3 + CRM notes v3) for tests and offline runs.

Held to HubSpot's official OpenAPI specs in shared/hubspot-openapi/. Start it with
`EmulatorServer` (a uvicorn subprocess) or `triage emulator`.
"""

from localdev.hubspot_emulator.server import EmulatorError, EmulatorServer

__all__ = ["EmulatorError", "EmulatorServer"]
