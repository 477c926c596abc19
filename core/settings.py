"""Every setting the app reads, in one typed object, validated at start-up.

Settings come from environment variables (Azure app settings, or local.settings.json's
``Values`` when run locally). ``load_settings()`` reports every bad or missing setting at
once, each with its name and what it expects, so an operator fixes them in one pass.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AliasChoices,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from core.llm import catalog


class SettingsError(RuntimeError):
    """One or more settings are missing or invalid; the message lists each one."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {name}: {why}" for name, why in problems)
        super().__init__(f"{len(problems)} setting(s) missing or invalid:\n{lines}")


def ledger_connection_problems(
    has_connection_string: bool, endpoint: str | None
) -> list[tuple[str, str]]:
    """What is wrong with how the ledger is reached: a connection string, or the table
    endpoint with the managed identity. One rule for start-up and for every command that
    opens the ledger from the environment (ledger.connection)."""
    if has_connection_string:
        return []
    if not endpoint:
        return [
            (
                "LEDGER_CONNECTION_STRING",
                "required unless LEDGER_TABLE_ENDPOINT is set (one of the two)",
            )
        ]
    if not endpoint.lower().startswith("https://"):
        # azure-data-tables refuses a token credential over plain HTTP
        return [
            (
                "LEDGER_TABLE_ENDPOINT",
                "must be an https:// URL: without LEDGER_CONNECTION_STRING the ledger signs "
                "in with the managed identity, which Table Storage takes over HTTPS only",
            )
        ]
    return []


class LlmProvider(StrEnum):
    NONE = "none"  # offline extractive drafter, no LLM calls
    OPENAI = "openai"
    AZURE_OPENAI = "azure_openai"
    OPENAI_COMPATIBLE = "openai_compatible"


class EmbeddingProvider(StrEnum):
    OFFLINE = "offline"  # a model shipped inside a Python package
    OPENAI = "openai"
    AZURE_OPENAI = "azure_openai"
    OPENAI_COMPATIBLE = "openai_compatible"


def _csv(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


CsvList = Annotated[list[str], NoDecode]

# Bounds of the first look-back. Until a poll finds a thread the cursor stays unset and the
# window slides with each poll, so it must outlast the poll interval and short outages
# (at least an hour); at most a year, since every thread in it may get a draft.
MIN_INITIAL_LOOKBACK_HOURS = 1.0
MAX_INITIAL_LOOKBACK_HOURS = 24.0 * 366


def _blank_means_unset(values: Any) -> Any:
    """Drop empty (or blank) values: the Functions host exports every `Values` entry of
    local.settings.json, empty strings included, and an empty setting must mean "unset"
    (the default applies, a required setting is reported missing)."""
    if isinstance(values, dict):
        return {k: v for k, v in values.items() if not (isinstance(v, str) and not v.strip())}
    return values


class Settings(BaseSettings):
    """All app settings. Field descriptions are what error messages and docs show."""

    model_config = SettingsConfigDict(
        case_sensitive=False, extra="ignore", populate_by_name=True, frozen=True
    )

    # --- HubSpot -------------------------------------------------------------------------
    hubspot_access_token: SecretStr = Field(
        description="HubSpot private-app access token with conversations.read and "
        "conversations.write scopes (a Key Vault reference in Azure)",
    )
    hubspot_base_url: str = Field(
        "https://api.hubapi.com", description="HubSpot API base URL (the emulator's locally)"
    )
    hubspot_inbox_ids: CsvList = Field(
        default_factory=list,
        description="comma-separated conversations inbox ids to poll; empty polls every inbox",
    )
    hubspot_rate_limit_per_10s: int = Field(
        100, ge=1, le=1000, description="requests allowed per rolling 10 s (100, 190 or 200)"
    )
    hubspot_daily_limit: int = Field(250_000, ge=1, description="requests allowed per day")
    hubspot_timeout_seconds: float = Field(30.0, gt=0, description="timeout of one HTTP call")
    hubspot_max_retry_seconds: float = Field(
        120.0, gt=0, description="give up retrying one HubSpot call after this many seconds"
    )
    hubspot_webhook_client_secret: SecretStr | None = Field(
        None,
        description="client secret of the HubSpot app whose webhooks call /api/hubspot/webhook "
        "(a Key Vault reference in Azure); unset refuses every webhook call",
    )
    hubspot_webhook_url: str | None = Field(
        None,
        description="the webhook target URL exactly as configured in HubSpot (it is signed); "
        "unset uses the URL the request arrived on",
    )
    team_addresses: CsvList = Field(
        default_factory=list,
        description="the team's own addresses or @domains; mail from them is never answered",
    )

    # --- Polling -------------------------------------------------------------------------
    poll_schedule: str = Field(
        "0 */2 * * * *", description="NCRONTAB schedule of the poll timer (six fields)"
    )
    polling_paused: bool = Field(False, description="true pauses the timer's polling")
    poll_overlap_seconds: int = Field(
        300, ge=0, description="re-read this many seconds before the cursor on each poll"
    )
    poll_initial_lookback_hours: float = Field(
        24.0,
        ge=MIN_INITIAL_LOOKBACK_HOURS,
        le=MAX_INITIAL_LOOKBACK_HOURS,
        description="while no poll cursor is saved (a new deployment) polls read threads "
        "active in this many past hours; older inbox history is never drafted",
    )
    poll_batch_size: int = Field(
        10, ge=1, le=200, description="emails triaged concurrently per fan-out batch"
    )
    poll_max_threads_per_run: int = Field(
        200, ge=1, description="at most this many threads per poll run; the rest wait"
    )
    # 3 batches of 10 in flight: about 30 emails at once, whose ~2 HubSpot calls each over a
    # few seconds of drafting stay near 100 requests / 10 s (the client's limiter holds it).
    poll_batch_window: int = Field(
        3, ge=1, le=20, description="batch sub-orchestrations of a poll run in flight at once"
    )
    email_text_retention_hours: float = Field(
        24.0,
        gt=0,
        le=720,
        description="email text handed between steps (and ledger subjects) expire after this",
    )
    history_retention_hours: float = Field(
        72.0, gt=0, description="finished orchestrations' history is purged after this"
    )
    claim_lease_seconds: int = Field(
        900, ge=1, description="after this long an unfinished claim of a dead run is taken over"
    )
    poll_watchdog_minutes: int = Field(
        60,
        ge=15,
        le=1440,
        description="a poll run active for longer than this is terminated and the next timer "
        "tick starts a new one (15 to 1440; above the 10-minute function timeout)",
    )
    task_hub_name: str = Field("emailtriage", description="Durable Functions task hub name")

    # --- Ledger (Azure Table Storage / Azurite) --------------------------------------------
    ledger_connection_string: SecretStr | None = Field(
        None, description="Table Storage connection string (Azurite locally)"
    )
    ledger_table_endpoint: str | None = Field(
        None,
        description="Table Storage endpoint URL, used with the managed identity in Azure",
    )
    ledger_table_prefix: str = Field(
        "triage", pattern=r"^[A-Za-z][A-Za-z0-9]{0,40}$", description="prefix of table names"
    )

    # --- Knowledge base (Qdrant) -------------------------------------------------------------
    qdrant_url: str | None = Field(
        None, description="Qdrant server URL; unset uses embedded local mode at QDRANT_PATH"
    )
    qdrant_api_key: SecretStr | None = Field(None, description="Qdrant API key (server mode)")
    qdrant_path: Path = Field(
        Path(".localdata/qdrant"), description="embedded Qdrant folder when QDRANT_URL is unset"
    )
    qdrant_collection: str = Field("knowledge_base", description="Qdrant collection name")
    knowledge_base_blob_endpoint: str | None = Field(
        None,
        description="blob endpoint of the storage account holding the knowledge-base documents "
        "(Azure; read with the app's managed identity)",
    )
    knowledge_base_container: str = Field(
        "knowledge-base", description="blob container with the knowledge-base documents"
    )
    knowledge_base_path: Path | None = Field(
        None,
        description="local folder or zip ingested by POST /api/kb/ingest when no blob "
        "endpoint is set",
    )
    kb_ingest_step_documents: int = Field(
        100,
        ge=1,
        description=(
            "knowledge-base ingestion: at most this many documents per step "
            "(each step is one activity)"
        ),
    )
    kb_ingest_step_chunks: int = Field(
        1000, ge=1, description="knowledge-base ingestion: at most about this many chunks per step"
    )
    kb_ingest_step_seconds: float = Field(
        240.0,
        gt=0,
        le=480,
        description="knowledge-base ingestion: a step starts no new document after this many "
        "seconds (the function timeout is 600)",
    )
    kb_max_file_mib: float = Field(
        25.0,
        gt=0,
        description="knowledge-base ingestion: files (and zip members, .docx parts unpacked) "
        "larger than this many MiB are refused",
    )
    kb_max_markup_mib: float = Field(
        1.5,
        gt=0,
        description="knowledge-base ingestion: HTML, Markdown and text files larger than this "
        "many MiB are refused (they are read into an object per element or line: up to about "
        "360 MiB of memory per MiB, infra/README.md 'Worker memory')",
    )
    kb_max_table_mib: float = Field(
        8.0,
        gt=0,
        description="knowledge-base ingestion: CSV and JSONL files larger than this many MiB "
        "are refused (a dict per row: one row of millions of columns costs about 24 MiB of "
        "memory per MiB; a real FAQ past this is over KB_MAX_DOCUMENT_CHARS anyway)",
    )
    kb_max_docx_xml_mib: float = Field(
        12.0,
        gt=0,
        description="knowledge-base ingestion: .docx files whose XML parts unpack to more than "
        "this many MiB are refused (read as an lxml tree: about 32 MiB of memory per MiB)",
    )
    kb_max_zip_total_mib: float = Field(
        1024.0,
        gt=0,
        description="knowledge-base ingestion: members of one .zip past this many MiB "
        "unpacked in all are refused",
    )
    kb_max_zip_ratio: float = Field(
        100.0,
        gt=1,
        description="knowledge-base ingestion: zip members (over 1 MiB) compressed more than "
        "this ratio are refused as likely zip bombs",
    )
    kb_max_zip_members: int = Field(
        10_000,
        ge=1,
        description="knowledge-base ingestion: members of one .zip past this count are refused",
    )
    kb_max_table_rows: int = Field(
        20_000,
        ge=1,
        description="knowledge-base ingestion: CSV/JSONL FAQ files with more rows are refused",
    )
    kb_max_document_chars: int = Field(
        2_000_000,
        ge=1000,
        description="knowledge-base ingestion: documents with more characters of text are "
        "refused (before tokenizing)",
    )
    kb_team_domains: CsvList = Field(
        default_factory=list,
        description="the team's own domains (comma-separated, e.g. nordvik.example): URLs and "
        "addresses in knowledge-base passages outside them are flagged; empty = the domains of "
        "the knowledge base's own article URLs and TEAM_ADDRESSES",
    )
    embedding_cache_dir: Path = Field(
        Path(".localdata/embedding-cache"),
        description="on-disk embedding cache (Azure: a folder under /tmp; the app is read-only)",
    )
    chunk_tokens: int = Field(512, ge=64, le=8192, description="chunk size in tokens")
    chunk_overlap_tokens: int = Field(64, ge=0, description="chunk overlap in tokens")
    retrieval_top_k: int = Field(5, ge=1, le=50, description="passages given to the drafter")

    # --- Models ----------------------------------------------------------------------------
    embedding_provider: EmbeddingProvider = Field(
        EmbeddingProvider.OFFLINE, description="offline, openai, azure_openai or openai_compatible"
    )
    embedding_model: str = Field(
        "multilingual-e5-small",
        description="the embedding model's name (text-embedding-3-small): its price and "
        "dimension, and what the knowledge base records it was built with",
    )
    embedding_deployment: str | None = Field(
        None,
        description="the Azure deployment (or served model name) the embedding calls go to; "
        "unset uses EMBEDDING_MODEL",
    )
    embedding_price_per_1m: float | None = Field(
        None,
        ge=0,
        description="USD per 1M embedding tokens; unset uses the list price of EMBEDDING_MODEL",
    )
    llm_provider: LlmProvider = Field(
        LlmProvider.NONE,
        description="none (offline extractive drafter), openai, azure_openai or openai_compatible",
    )
    llm_model: str = Field(
        "gpt-4o-mini",
        description="the chat model's name (gpt-4o-mini): its price and request shape; never "
        "an Azure deployment name",
    )
    llm_deployment: str | None = Field(
        None,
        description="the Azure deployment (or served model name) the chat calls go to; unset "
        "uses LLM_MODEL",
    )
    openai_api_key: SecretStr | None = Field(None, description="OpenAI (or compatible) API key")
    openai_base_url: str | None = Field(
        None, description="base URL of an OpenAI-compatible endpoint"
    )
    azure_openai_endpoint: str | None = Field(None, description="Azure OpenAI endpoint URL")
    azure_openai_api_key: SecretStr | None = Field(
        None, description="Azure OpenAI key; unset uses the managed identity"
    )
    azure_openai_api_version: str = Field("2024-10-21", description="Azure OpenAI API version")
    llm_timeout_seconds: float = Field(
        60.0, gt=0, description="timeout of one attempt of one model call"
    )
    llm_max_retries: int = Field(
        2, ge=0, le=5, description="retries of one model call (429, 5xx, timeouts) by the SDK"
    )
    llm_max_retry_wait_seconds: float = Field(
        30.0,
        gt=0,
        le=120,
        description="a model call is not retried when the service asks to wait longer (the "
        "draft falls back at once)",
    )
    llm_step_budget_seconds: float = Field(
        240.0,
        gt=0,
        le=480,
        description="model calls of one step (triage, or retrieval and draft) end within "
        "this many seconds, retries included (the function timeout is 600)",
    )
    llm_price_input_per_1m: float | None = Field(
        None,
        ge=0,
        description="USD per 1M input tokens; unset uses the list price of LLM_MODEL",
    )
    llm_price_output_per_1m: float | None = Field(
        None,
        ge=0,
        description="USD per 1M output tokens; unset uses the list price of LLM_MODEL",
    )

    # --- Triage ----------------------------------------------------------------------------
    pii_redaction: bool = Field(True, description="redact PII before text leaves for an LLM")
    max_email_tokens: int = Field(
        3000, ge=100, description="emails longer than this are cut, keeping start and end"
    )
    triage_taxonomy_file: Path | None = Field(
        None, description="YAML/JSON file of intent categories; unset uses the bundled one"
    )

    # --- Observability -----------------------------------------------------------------------
    applicationinsights_connection_string: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices(
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "applicationinsights_connection_string"
        ),
        description="Application Insights connection string; unset disables export",
    )
    log_level: str = Field(
        "INFO", pattern=r"^(DEBUG|INFO|WARNING|ERROR)$", description="DEBUG, INFO, WARNING, ERROR"
    )

    _drop_blank = model_validator(mode="before")(_blank_means_unset)
    _split_csv = field_validator(
        "hubspot_inbox_ids", "team_addresses", "kb_team_domains", mode="before"
    )(_csv)

    @field_validator("poll_schedule")
    @classmethod
    def _six_field_cron(cls, value: str) -> str:
        if len(value.split()) != 6:
            raise ValueError("expects an NCRONTAB expression with six fields, e.g. 0 */2 * * * *")
        return value

    def dependency_problems(self) -> list[tuple[str, str]]:
        """Settings that are only required because of another setting's value."""
        problems = ledger_connection_problems(
            self.ledger_connection_string is not None, self.ledger_table_endpoint
        )
        if self.chunk_overlap_tokens >= self.chunk_tokens:
            problems.append(("CHUNK_OVERLAP_TOKENS", "must be smaller than CHUNK_TOKENS"))
        for role, provider in (("LLM", self.llm_provider), ("EMBEDDING", self.embedding_provider)):
            if provider == "openai" and self.openai_api_key is None:
                problems.append(("OPENAI_API_KEY", f"required when {role}_PROVIDER=openai"))
            if provider == "openai_compatible" and not self.openai_base_url:
                problems.append(
                    ("OPENAI_BASE_URL", f"required when {role}_PROVIDER=openai_compatible")
                )
            if provider == "azure_openai" and not self.azure_openai_endpoint:
                problems.append(
                    ("AZURE_OPENAI_ENDPOINT", f"required when {role}_PROVIDER=azure_openai")
                )
        problems.extend(self._price_problems())
        return problems

    def _price_problems(self) -> list[tuple[str, str]]:
        """A model without a list price must be given one: cost is never silently 0."""
        problems: list[tuple[str, str]] = []
        if self.llm_provider != LlmProvider.NONE and catalog.chat_price(self.llm_model) is None:
            for name, value in (
                ("LLM_PRICE_INPUT_PER_1M", self.llm_price_input_per_1m),
                ("LLM_PRICE_OUTPUT_PER_1M", self.llm_price_output_per_1m),
            ):
                if value is None:
                    problems.append(
                        (name, f"required: no list price for LLM_MODEL={self.llm_model!r}")
                    )
        if (
            self.embedding_provider != EmbeddingProvider.OFFLINE
            and self.embedding_price_per_1m is None
            and catalog.embedding_price(self.embedding_model) is None
        ):
            problems.append(
                (
                    "EMBEDDING_PRICE_PER_1M",
                    f"required: no list price for EMBEDDING_MODEL={self.embedding_model!r}",
                )
            )
        return problems

    @property
    def chat_deployment(self) -> str:
        return self.llm_deployment or self.llm_model

    @property
    def embeddings_deployment(self) -> str:
        return self.embedding_deployment or self.embedding_model

    def chat_price(self) -> catalog.Price:
        listed = catalog.chat_price(self.llm_model) or catalog.Price(0.0, 0.0)
        return catalog.Price(
            listed.input_per_1m
            if self.llm_price_input_per_1m is None
            else self.llm_price_input_per_1m,
            listed.output_per_1m
            if self.llm_price_output_per_1m is None
            else self.llm_price_output_per_1m,
        )

    def embedding_price(self) -> catalog.Price:
        if self.embedding_price_per_1m is not None:
            return catalog.Price(self.embedding_price_per_1m)
        return catalog.embedding_price(self.embedding_model) or catalog.Price(0.0)


def _describe(error: dict[str, Any]) -> tuple[str, str]:
    field = str(error["loc"][0]) if error["loc"] else "settings"
    info = Settings.model_fields.get(field)
    expects = f" (expects {info.description})" if info and info.description else ""
    if error["type"] == "missing":
        return field.upper(), f"missing{expects}"
    return field.upper(), f"{error['msg']}{expects}"


def load_settings(**overrides: Any) -> Settings:
    """Read and validate every setting, raising one SettingsError that lists all problems."""
    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        raise SettingsError([_describe(dict(e)) for e in exc.errors()]) from None
    problems = settings.dependency_problems()
    if problems:
        raise SettingsError(problems)
    return settings


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, loaded once (functions call this at first use)."""
    return load_settings()
