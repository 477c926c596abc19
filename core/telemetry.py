"""Logging for the app: structured lines with the ids that matter. Never bodies, never
secrets.

One telemetry path to Application Insights: the Functions host's own, enabled by the
APPLICATIONINSIGHTS_CONNECTION_STRING app setting. The Python worker hands every log record
to the host, which sends it with the invocation's correlation ids; an OpenTelemetry
exporter in the worker as well would send each line twice (and cost twice), so there is
none (host.json leaves `telemetryMode` at its default)."""

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
    level = "INFO"
    try:
        level = get_settings().log_level
    except SettingsError as exc:
        logging.getLogger(__name__).error("%s", exc)
    root = logging.getLogger()
    root.setLevel(level)
    # Inside the Functions worker its own handler already ships logs to the host (and so to
    # Application Insights); outside it (local runs), structured lines go to stderr.
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
