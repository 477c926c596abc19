"""One line for a dependency that cannot be reached: which setting points where, and what to
start or fix.

The ledger (Table Storage), Qdrant, HubSpot and the model are each reached through a
client library of their own, so the library's connection error says which dependency
failed: azure-core's ServiceRequestError (the ledger), qdrant-client's
ResponseHandlingException (Qdrant), requests' ConnectionError (HubSpot: its transport is
the only requests user) and openai's APIConnectionError (the model). The exception chain
(``__cause__``/``__context__``) is walked from the outside in, so a wrapper (HubSpot's
retries giving up, a store wrapping qdrant-client) is seen through.

azure-core also serves the ingestion's blob reads, but those run in activities, whose
failures are recorded, not translated: every azure-core connection error a command or an
endpoint sees is the ledger's.

The line is built from setting names and host:port only, never from an exception's text or
a setting's value beyond its address: connection strings carry the account key, URLs can
carry user info or tokens, and none of that may reach a terminal, a log or an HTTP body.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from core.settings import Settings

Kind = Literal["ledger", "qdrant", "hubspot", "model"]
AZURITE_TABLE_PORT = 10002  # UseDevelopmentStorage=true
QDRANT_DEFAULT_PORT = 6333


@dataclass(frozen=True)
class Unreachable:
    """A dependency nothing answered for: what, the setting, its address, why, the fix."""

    kind: Kind
    setting: str
    address: str
    reason: str  # connection refused, host not found, timed out, connection failed

    @property
    def what(self) -> str:
        return NAMES[self.kind]

    @property
    def local(self) -> bool:
        """On this machine (a stand-in to start), not a service to reach over the network."""
        return self.address.rsplit(":", 1)[0] in ("127.0.0.1", "localhost", "[::1]")

    @property
    def fix(self) -> str:
        return (LOCAL_FIXES if self.local else REMOTE_FIXES)[self.kind].format(
            setting=self.setting, port=self.address.rsplit(":", 1)[-1]
        )

    def line(self) -> str:
        return (
            f"cannot reach {self.what} at {self.address} ({self.setting}): {self.reason}; "
            f"{self.fix}"
        )

    def to_json(self) -> dict[str, str]:
        """The JSON error of an HTTP endpoint (503)."""
        return {
            "error": self.line(),
            "dependency": self.kind,
            "setting": self.setting,
            "address": self.address,
        }


NAMES: dict[Kind, str] = {
    "ledger": "the ledger (Table Storage)",
    "qdrant": "the knowledge base (Qdrant)",
    "hubspot": "HubSpot",
    "model": "the model endpoint",
}
LOCAL_FIXES: dict[Kind, str] = {
    "ledger": "start Azurite there (npx azurite-table --tableHost 127.0.0.1 --tablePort "
    "{port}) or fix {setting}",
    "qdrant": "start a Qdrant server there, or unset QDRANT_URL to use embedded Qdrant at "
    "QDRANT_PATH",
    "hubspot": "start the emulator there (triage emulator --port {port}) or fix {setting}",
    "model": "start the OpenAI-compatible server there or fix {setting}",
}
REMOTE_FIXES: dict[Kind, str] = {
    "ledger": "check the storage account's name and network access (firewall, private "
    "endpoint, DNS) or fix {setting}",
    "qdrant": "check that the Qdrant container runs and that this host reaches its address "
    "(VNet, DNS), or fix {setting}",
    "hubspot": "check this host's outbound network to HubSpot or fix {setting}",
    "model": "check the endpoint's address and network access (firewall, private endpoint, "
    "DNS) or fix {setting}",
}


def explain(exc: BaseException, settings: Settings | None = None) -> Unreachable | None:
    """The Unreachable for a connection failure (None for any other exception). The
    address comes from the settings when given (what the user configured), else from the
    request the client made."""
    kind = _kind(exc)
    if kind is None:
        return None
    setting, address = _configured(kind, settings, exc)
    return Unreachable(kind=kind, setting=setting, address=address, reason=_reason(exc))


def settings_from_environment() -> Settings | None:
    """The settings as the environment has them now, for naming a failed dependency's
    setting and address in a tool (the CLI, the benchmarks); HubSpot's token is not needed
    for that. None when they do not load (the address then comes from the failed request)."""
    from pydantic import ValidationError

    from core.settings import Settings

    try:
        return Settings()
    except ValidationError:
        pass
    try:
        return Settings(hubspot_access_token="not-needed-for-a-message")
    except ValidationError:
        return None


def exception_chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and the exceptions behind it (``__cause__``, else ``__context__``), outside in."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _kind(exc: BaseException) -> Kind | None:
    import openai
    import requests
    from azure.core.exceptions import ServiceRequestError
    from qdrant_client.http.exceptions import ResponseHandlingException

    for error in exception_chain(exc):
        if isinstance(error, ServiceRequestError):
            return "ledger"
        if isinstance(error, openai.APIConnectionError):
            return "model"
        if isinstance(error, ResponseHandlingException):
            return "qdrant" if _is_connection_error(error) else None
        if isinstance(error, requests.ConnectionError):
            return "hubspot"
    return None


def _errors(exc: BaseException) -> list[BaseException]:
    """The chain, plus the `source` qdrant-client keeps of the error it wraps."""
    errors = list(exception_chain(exc))
    return errors + [
        s for e in errors if isinstance(s := getattr(e, "source", None), BaseException)
    ]


def _is_connection_error(exc: BaseException) -> bool:
    import httpx

    return any(isinstance(e, (httpx.TransportError, OSError)) for e in _errors(exc))


def _reason(exc: BaseException) -> str:
    errors = _errors(exc)
    text = " ".join(str(e) for e in errors).lower()  # matched, never shown
    if any(isinstance(e, ConnectionRefusedError) for e in errors) or "refused" in text:
        return "connection refused"
    if any(isinstance(e, socket.gaierror) for e in errors) or "name or service" in text:
        return "host not found"
    if any(isinstance(e, TimeoutError) for e in errors) or "timed out" in text:
        return "timed out"
    return "connection failed"


def _configured(kind: Kind, settings: Settings | None, exc: BaseException) -> tuple[str, str]:
    called = _called_address(exc)
    if kind == "ledger":
        if settings is not None and settings.ledger_connection_string is not None:
            raw = settings.ledger_connection_string.get_secret_value()
            return "LEDGER_CONNECTION_STRING", connection_string_address(raw) or called
        if settings is not None and settings.ledger_table_endpoint:
            return "LEDGER_TABLE_ENDPOINT", url_address(settings.ledger_table_endpoint)
        return "LEDGER_CONNECTION_STRING", called
    if kind == "qdrant":
        url = settings.qdrant_url if settings is not None else None
        return "QDRANT_URL", url_address(url, QDRANT_DEFAULT_PORT) if url else called
    if kind == "hubspot":
        url = settings.hubspot_base_url if settings is not None else None
        return "HUBSPOT_BASE_URL", url_address(url) if url else called
    return _model_setting(called, exc, settings)


def _model_setting(called: str, exc: BaseException, settings: Settings | None) -> tuple[str, str]:
    """Which of the model settings the failed call came from, by the URL it called
    (Azure's paths are /openai/deployments/... or /openai/v1/...)."""
    url = _called_url(exc) or ""
    if "/openai/" in urlsplit(url).path:
        endpoint = settings.azure_openai_endpoint if settings is not None else None
        return "AZURE_OPENAI_ENDPOINT", url_address(endpoint) if endpoint else called
    base = settings.openai_base_url if settings is not None else None
    return "OPENAI_BASE_URL", url_address(base) if base else called


def _called_url(exc: BaseException) -> str | None:
    """The URL of the request the client made (requests and httpx errors carry it)."""
    for error in exception_chain(exc):
        for candidate in (error, getattr(error, "source", None)):
            try:  # httpx raises RuntimeError (not AttributeError) for an error with no request
                url = getattr(getattr(candidate, "request", None), "url", None)
            except RuntimeError:
                url = None
            if url:
                return str(url)
    return None


def _called_address(exc: BaseException) -> str:
    url = _called_url(exc)
    return url_address(url) if url else "its configured address"


def url_address(url: str, default_port: int | None = None) -> str:
    """host:port of a URL: no scheme, user info, path or query (they may hold secrets)."""
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = parts.hostname or "?"
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is None:
        port = default_port or (80 if parts.scheme == "http" else 443)
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def connection_string_address(connection_string: str) -> str | None:
    """host:port of the table service a storage connection string names (None when it
    names none); the account key is never looked at."""
    fields: dict[str, str] = {}
    for part in connection_string.split(";"):
        key, sep, value = part.partition("=")
        if sep:
            fields[key.strip().lower()] = value.strip()
    if fields.get("usedevelopmentstorage", "").lower() == "true":
        return f"127.0.0.1:{AZURITE_TABLE_PORT}"
    if fields.get("tableendpoint"):
        return url_address(fields["tableendpoint"])
    account = fields.get("accountname")
    if account:
        suffix = fields.get("endpointsuffix") or "core.windows.net"
        return f"{account}.table.{suffix}:443"
    return None
