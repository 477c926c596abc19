"""Logging for the app: structured lines with the ids that matter, OpenTelemetry to
Application Insights when its connection string is set. Never bodies, never secrets."""

from __future__ import annotations

import json
import logging
import os
from typing import Any

from core.settings import SettingsError, get_settings

# Fields callers pass with `extra=` that end up in every structured line.
CONTEXT_FIELDS = ("instance_id", "thread_id", "message_id", "run_id", "activity", "state")


class StructuredFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and the context ids."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in CONTEXT_FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                line[field] = value
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info).splitlines()[-1]
        return json.dumps(line, default=str)


_configured = False


def configure_logging() -> None:
    """Set up logging once. Invalid settings are logged as one clear error here (start-up)
    and raised again by the first function that needs them, so /api/health still answers."""
    global _configured
    if _configured:
        return
    _configured = True
    level, connection = "INFO", None
    try:
        settings = get_settings()
        level = settings.log_level
        if settings.applicationinsights_connection_string:
            connection = settings.applicationinsights_connection_string.get_secret_value()
    except SettingsError as exc:
        logging.getLogger(__name__).error("%s", exc)
    root = logging.getLogger()
    root.setLevel(level)
    # Inside the Functions worker its own handler already ships logs; outside it (local
    # runs), structured lines go to stderr.
    in_worker = "FUNCTIONS_WORKER_RUNTIME" in os.environ
    if not in_worker and not any(
        isinstance(h.formatter, StructuredFormatter) for h in root.handlers
    ):
        handler = logging.StreamHandler()
        handler.setFormatter(StructuredFormatter())
        root.addHandler(handler)
    # Third-party HTTP loggers would print request URLs and headers at DEBUG.
    for noisy in ("azure.core.pipeline.policies.http_logging_policy", "urllib3", "httpx"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
    if connection:
        from azure.monitor.opentelemetry import configure_azure_monitor

        configure_azure_monitor(connection_string=connection)
