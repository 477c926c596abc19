"""Find the app's orchestrators, activities, timers and HTTP routes, once.

`app.get_functions()` may be called only once per app (a second call raises "does not have a
unique function name"), so the registry is built once and cached on the app object.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_CACHE_ATTR = "_local_durable_registry"


@dataclass(frozen=True)
class OrchestratorEntry:
    name: str
    generator_function: Callable[..., Any]
    input_type: type | None


@dataclass(frozen=True)
class ActivityEntry:
    name: str
    function: Callable[..., Any]
    input_name: str


@dataclass(frozen=True)
class TriggeredEntry:
    """A timer or HTTP function; `client_name` is its durable-client parameter, if any."""

    name: str
    function: Callable[..., Any]  # the user's own function (client middleware unwrapped)
    arg_name: str
    client_name: str | None
    schedule: str | None = None
    route: str | None = None
    methods: tuple[str, ...] = ()
    auth_level: str | None = None

    def route_pattern(self) -> re.Pattern[str]:
        """`messages/{message_id}/retry` → a regex with named groups."""
        route = (self.route or self.name).strip("/")
        parts = re.split(r"(\{[^}]+\})", route)
        regex = "".join(
            f"(?P<{p[1:-1].split(':')[0]}>[^/]+)" if p.startswith("{") else re.escape(p)
            for p in parts
        )
        return re.compile(f"^{regex}$")


@dataclass
class FunctionRegistry:
    orchestrators: dict[str, OrchestratorEntry] = field(default_factory=dict)
    activities: dict[str, ActivityEntry] = field(default_factory=dict)
    timers: dict[str, TriggeredEntry] = field(default_factory=dict)
    http: dict[str, TriggeredEntry] = field(default_factory=dict)

    @classmethod
    def from_app(cls, app: Any) -> FunctionRegistry:
        cached = getattr(app, _CACHE_ATTR, None)
        if isinstance(cached, FunctionRegistry):
            return cached
        registry = cls()
        for function in app.get_functions():
            registry._add(function)
        setattr(app, _CACHE_ATTR, registry)
        return registry

    def _add(self, function: Any) -> None:
        trigger = function.get_trigger()
        kind = trigger.get_binding_name()
        user_function = function.get_user_function()
        name = function.get_function_name()
        client_name = next(
            (b.name for b in function.get_bindings() if b.type == "durableClient"), None
        )
        if kind == "orchestrationTrigger":
            name = getattr(trigger, "orchestration", None) or name
            self.orchestrators[name] = OrchestratorEntry(
                name=name,
                generator_function=user_function.orchestrator_function,
                input_type=getattr(user_function, "_df_input_type", None),
            )
        elif kind == "activityTrigger":
            name = getattr(trigger, "activity", None) or name
            self.activities[name] = ActivityEntry(name, user_function, trigger.name)
        elif kind in ("timerTrigger", "httpTrigger"):
            own = getattr(user_function, "client_function", user_function)
            methods = getattr(trigger, "methods", None) or ()
            auth_level = getattr(trigger, "auth_level", None)
            entry = TriggeredEntry(
                name=name,
                function=own,
                arg_name=trigger.name,
                client_name=client_name,
                schedule=getattr(trigger, "schedule", None),
                route=getattr(trigger, "route", None),
                methods=tuple(str(getattr(m, "value", m)).upper() for m in methods),
                auth_level=None
                if auth_level is None
                else str(getattr(auth_level, "value", auth_level)),
            )
            (self.timers if kind == "timerTrigger" else self.http)[name] = entry
