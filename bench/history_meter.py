"""What the orchestration history holds: bytes per instance, and every string in it.

The local host keeps each instance's history as the SDK reads it on every replay. The real
host also stores each activity's input in its TaskScheduled event; the local host leaves
that field out, so the meter records the inputs as they are scheduled and counts them with
the instance that scheduled them. Used by `python -m bench history_size` and by the test
that scans the histories for email text and PII.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

_PAYLOAD_FIELDS = ("Input", "Result", "Reason", "Details")


@dataclass
class HistoryMeter:
    """Attach to a LocalDurableHost before a run; read after it."""

    host: Any
    # instance id -> task id -> the activity input (JSON) as scheduled
    inputs: dict[str, dict[int, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        submit = self.host._submit_activity

        def recording(instance: Any, task_id: int, name: str, input_json: str | None) -> None:
            self.inputs.setdefault(instance.instance_id, {})[task_id] = input_json or ""
            submit(instance, task_id, name, input_json)

        self.host._submit_activity = recording

    def instance_bytes(self, instance_id: str, with_inputs: bool = True) -> int:
        instance = self.host.instances[instance_id]
        stored = json.dumps(instance.history) + json.dumps(instance.output)
        stored += json.dumps(instance.custom_status)
        inputs = self.inputs.get(instance_id, {}).values() if with_inputs else ()
        return len(stored.encode()) + sum(len(s.encode()) for s in inputs)

    def payload_bytes(self, instance_id: str) -> int:
        """Only what the app puts in: inputs, results, failure reasons, output, custom
        status (the event envelopes the framework writes around them left out)."""
        instance = self.host.instances[instance_id]
        size = sum(
            len(str(event[key]).encode())
            for event in instance.history
            for key in _PAYLOAD_FIELDS
            if event.get(key) is not None
        )
        size += len(json.dumps(instance.output).encode()) if instance.output is not None else 0
        if instance.custom_status is not None:
            size += len(json.dumps(instance.custom_status).encode())
        return size + sum(len(s.encode()) for s in self.inputs.get(instance_id, {}).values())

    def task_payload_bytes(self, instance_id: str, mentioning: str) -> int:
        """The inputs and results of the activities `instance_id` scheduled whose input
        mentions `mentioning` (a thread id): one thread's own share of its batch's history,
        envelopes left out."""
        tasks = {
            task_id: text
            for task_id, text in self.inputs.get(instance_id, {}).items()
            if mentioning in text
        }
        results = sum(
            len(str(event[key]).encode())
            for event in self.host.instances[instance_id].history
            if event.get("TaskScheduledId") in tasks
            for key in _PAYLOAD_FIELDS
            if event.get(key) is not None
        )
        return results + sum(len(text.encode()) for text in tasks.values())

    def scheduled_by(self, mentioning: str, orchestrator: str) -> list[str]:
        """Instances of `orchestrator` that scheduled an activity whose input mentions
        `mentioning`."""
        return [
            instance_id
            for instance_id, inputs in self.inputs.items()
            if self.host.instances[instance_id].name == orchestrator
            and any(mentioning in text for text in inputs.values())
        ]

    def total_payload_bytes(self) -> int:
        return sum(self.payload_bytes(i) for i in self.host.instances)

    def by_orchestrator(self) -> dict[str, list[int]]:
        """orchestrator name -> bytes of each of its instances."""
        sizes: dict[str, list[int]] = {}
        for instance_id, instance in self.host.instances.items():
            sizes.setdefault(instance.name, []).append(self.instance_bytes(instance_id))
        return sizes

    def total_bytes(self, with_inputs: bool = True) -> int:
        return sum(self.instance_bytes(i, with_inputs) for i in self.host.instances)

    def stored_texts(self) -> Iterator[tuple[str, str]]:
        """(instance id, string) for every string the histories hold, inputs included;
        JSON nested in strings (results, inputs) is decoded, so nothing hides escaped."""
        for instance_id, instance in self.host.instances.items():
            held = [instance.history, instance.output, instance.custom_status]
            held += [instance.input_json, *self.inputs.get(instance_id, {}).values()]
            for value in held:
                for text in _strings(value):
                    yield instance_id, text


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        try:
            decoded = json.loads(value)
        except ValueError:
            yield value
            return
        if isinstance(decoded, str):
            yield decoded
        else:
            yield from _strings(decoded)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
