"""Structured log lines carry the ids that matter and nothing else from the record."""

from __future__ import annotations

import json
import logging

from core.telemetry import StructuredFormatter


def test_structured_line_has_the_context_ids() -> None:
    record = logging.LogRecord(
        "pipeline", logging.INFO, __file__, 1, "email %s: %s", ("m1", "posted"), None
    )
    record.message_id = "m1"
    record.thread_id = "t9"
    record.body = "never printed"  # an attribute that is not a context field
    line = json.loads(StructuredFormatter().format(record))
    assert line["message"] == "email m1: posted"
    assert line["message_id"] == "m1" and line["thread_id"] == "t9"
    assert "body" not in line and "never printed" not in json.dumps(line)
