"""Bearer tokens the emulator accepts, with their scopes (configurable per test)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from localdev.hubspot_emulator.errors import HubSpotError

READ = "conversations.read"
WRITE = "conversations.write"
NOTES_WRITE = "crm.objects.contacts.write"  # the scopes HubSpot's notes spec asks for
NOTES_READ = "crm.objects.contacts.read"
ALL_SCOPES = frozenset({READ, WRITE, NOTES_WRITE, NOTES_READ})

# Always-present test tokens, so tests need no set-up to see these errors.
EXPIRED_TOKEN = "expired-token"
READ_ONLY_TOKEN = "read-only-token"


class TokenSpec(BaseModel):
    """Body of POST /_emulator/tokens."""

    model_config = ConfigDict(extra="forbid")
    token: str = Field(min_length=1)
    scopes: list[str] = Field(default_factory=lambda: sorted(ALL_SCOPES))
    expired: bool = False


@dataclass
class TokenInfo:
    scopes: frozenset[str] = field(default_factory=lambda: ALL_SCOPES)
    expired: bool = False


def default_tokens(main_token: str) -> dict[str, TokenInfo]:
    return {
        main_token: TokenInfo(),
        EXPIRED_TOKEN: TokenInfo(expired=True),
        READ_ONLY_TOKEN: TokenInfo(scopes=frozenset({READ})),
    }


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def authenticate(tokens: dict[str, TokenInfo], token: str | None) -> TokenInfo:
    """The token's info, or HubSpot's 401 (INVALID_AUTHENTICATION / EXPIRED_AUTHENTICATION)."""
    info = tokens.get(token) if token else None
    if info is None:
        raise HubSpotError(
            401,
            "INVALID_AUTHENTICATION",
            "Authentication credentials not found. This API supports OAuth 2.0 authentication "
            "and you can find more details at "
            "https://developers.hubspot.com/docs/methods/auth/oauth-overview",
        )
    if info.expired:
        raise HubSpotError(
            401,
            "EXPIRED_AUTHENTICATION",
            "The OAuth token used to make this call expired 2 hour(s) ago.",
        )
    return info


def require_scope(info: TokenInfo, scope: str) -> None:
    if scope not in info.scopes:
        raise HubSpotError(
            403,
            "MISSING_SCOPES",
            "This app hasn't been granted all required scopes to make this call. Read more "
            "about required scopes here: https://developers.hubspot.com/scopes.",
            context={"requiredGranularScopes": [scope]},
        )
