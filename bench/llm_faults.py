"""Calls per draft, per triage and per embedding batch under each behaviour Azure OpenAI
documents, and the seconds they hold a worker: one email's model calls through the
production clients (pipeline.services, provider azure_openai with a key) against the stub
playing the fault on every request.

The file uses only what the code before issue 22 also had (pipeline.services, the triage
and drafting entry points), so the same file measures before and after:

    python -m bench.llm_faults                                 # this checkout
    cd OTHER && PYTHONPATH=. python THIS/bench/llm_faults.py --stub-root THIS

The stub always comes from --stub-root (default: this checkout). Time is virtual:
time.sleep is counted instead of slept (and the step budget's clock follows it), so a 60 s
retry-after costs no minutes; only a timeout costs real time. ``--lenient-schemas`` turns
off the stub's strict-schema check, to measure the retry layers of code whose every
structured-output call Azure would refuse.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx

from bench.common import run_benchmark

ROOT = Path(__file__).resolve().parents[1]
HEADERS = ["scenario", "draft calls", "drafter", "triage calls", "classifier"]
HEADERS += ["embed calls", "embeddings", "seconds", "tokens recorded/billed"]

# (name, chat behaviour, embeddings behaviour, retry-after s, retry-after-ms)
SCENARIOS: list[tuple[str, str, str, float, float | None]] = [
    ("ok", "ok", "ok", 0, None),
    ("429 retry-after-ms 10", "rate_limit", "rate_limit", 1, 10),
    ("429 retry-after 60 s", "rate_limit", "rate_limit", 60, None),
    ("503", "unavailable", "unavailable", 0, None),
    ("prompt filtered (400)", "prompt_filtered", "ok", 0, None),
    ("completion filtered", "output_filtered", "ok", 0, None),
    ("timeout", "slow", "slow", 0, None),
    ("401", "unauthorized", "unauthorized", 0, None),
    ("403", "forbidden", "forbidden", 0, None),
    ("404", "not_found", "not_found", 0, None),
    ("malformed JSON", "malformed", "ok", 0, None),
    ("no message", "no_message", "wrong_count", 0, None),
]


class Stub:
    """The stub as a subprocess of --stub-root, driven over its admin API."""

    def __init__(self, root: Path) -> None:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(root)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "localdev.openai_stub", "--port", str(self.port)],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(300):
            with contextlib.suppress(httpx.HTTPError):
                httpx.get(f"{self.url}/health", timeout=1).raise_for_status()
                return
            time.sleep(0.1)
        raise TimeoutError("the stub did not start")

    def post(self, path: str, payload: dict[str, Any]) -> None:
        httpx.post(f"{self.url}{path}", json=payload, timeout=5).raise_for_status()

    def requests(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = httpx.get(f"{self.url}/_stub/requests", timeout=5).json()
        return result

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class VirtualTime:
    """time.sleep counted, not slept; the step budget's clock (when the code has one)
    advanced by what was counted."""

    def __init__(self) -> None:
        self.slept = 0.0
        self._sleep = time.sleep

    @contextlib.contextmanager
    def active(self) -> Iterator[None]:
        def fake(seconds: Any) -> None:
            self.slept += max(float(seconds), 0.0)

        time.sleep = fake
        budget: Any = None
        with contextlib.suppress(ImportError):
            import core.llm.budget as budget
        real_clock = budget.clock if budget else None
        if budget:
            budget.clock = lambda: time.monotonic() + self.slept
        try:
            yield
        finally:
            time.sleep = self._sleep
            if budget:
                budget.clock = real_clock

    def now(self) -> float:
        return time.monotonic() + self.slept


def _environment(stub: Stub, cache: str) -> dict[str, str]:
    return {
        "HUBSPOT_ACCESS_TOKEN": "unused",
        "LEDGER_CONNECTION_STRING": "UseDevelopmentStorage=true",
        "LLM_PROVIDER": "azure_openai",
        "LLM_MODEL": "gpt-4o-mini",  # the stub's deployment has the model's name: old code
        "EMBEDDING_PROVIDER": "azure_openai",  # sent LLM_MODEL as the deployment
        "EMBEDDING_MODEL": "text-embedding-3-small",
        "AZURE_OPENAI_ENDPOINT": stub.url,
        "AZURE_OPENAI_API_KEY": "stub-azure-key",
        "LLM_TIMEOUT_SECONDS": "2",
        "EMBEDDING_CACHE_DIR": cache,
    }


def _budget(seconds: float) -> Any:
    """The step's budget, as pipeline/drafting.py and triaging.py open it (none before)."""
    if not seconds:
        return contextlib.nullcontext()
    try:
        from core.llm.budget import step_budget
    except ImportError:  # the code before issue 22 had none
        return contextlib.nullcontext()
    return step_budget(seconds)


def _meter() -> Any:
    try:
        from core.llm.usage import metering
    except ImportError:
        return contextlib.nullcontext(None)
    return metering()


def _calls(stub: Stub, kind: str) -> list[dict[str, Any]]:
    return [r for r in stub.requests() if r["path"].endswith(kind)]


def _billed(records: list[dict[str, Any]]) -> int:
    return sum(
        r["billed"]["prompt_tokens"] + r["billed"]["completion_tokens"]
        for r in records
        if r.get("billed")
    )


def _draft_outcome(reply: Any) -> str:
    if isinstance(reply, Exception):
        return f"raised {type(reply).__name__}"
    reason = getattr(reply, "fallback_reason", "") or next(
        (r for r in reply.review_reasons if "fail" in r.lower()), ""
    )
    if reply.drafter == "llm":
        return "llm"
    return "fallback: " + (
        reason.split(":", 1)[0] if getattr(reply, "fallback_reason", "") else _old_reason(reason)
    )


def _old_reason(reason: str) -> str:
    lowered = reason.lower()
    for words, kind in (
        ("timed out", "timeout"),
        ("gave up", "retries exhausted"),
        ("malformed", "malformed"),
        ("refused", "refusal"),
    ):
        if words in lowered:
            return kind
    return reason.split(":", 2)[-1].strip()[:24] or "?"


def run_scenario(
    stub: Stub, clock: VirtualTime, scenario: tuple[str, str, str, float, float | None]
) -> list[Any]:
    from pipeline import services
    from rag.models import DraftRequest, Passage
    from triage.models import EmailMessage, ThreadContext, TriageConfig
    from triage.pipeline import triage_email

    name, chat, embed, retry_after, retry_after_ms = scenario
    drafter, classifier, embedder = services.drafter(), services.classifier(), services.embedder()
    budget = float(getattr(services.settings(), "llm_step_budget_seconds", 0) or 0)
    passage = Passage(
        chunk_id="r#0", doc_id="r", title="Returns", source="r.md", language="en",
        text="You can return products within 30 days. Refunds take 10 days.", score=0.9,
    )  # fmt: skip
    request = DraftRequest(
        message_id="m1", question="Can I return my helmet?", passages=[passage],
        questions=["Can I return my helmet?"],
    )  # fmt: skip
    waits = {"retry_after_seconds": retry_after, "retry_after_ms": retry_after_ms}
    stub.post("/_stub/reset", {})
    stub.post(
        "/_stub/behaviours", {"endpoint": "chat", "default": chat, "slow_seconds": 3, **waits}
    )
    stub.post(
        "/_stub/behaviours",
        {"endpoint": "embeddings", "default": embed, "slow_seconds": 3, **waits},
    )
    started = clock.now()
    with clock.active():
        with _budget(budget):
            try:
                reply: Any = drafter.draft(request)
            except Exception as exc:  # before issue 22 some faults escaped the drafter
                reply = exc
        draft_calls = _calls(stub, "chat/completions")
        stub.post("/_stub/reset", {})
        stub.post(
            "/_stub/behaviours", {"endpoint": "chat", "default": chat, "slow_seconds": 3, **waits}
        )
        stub.post(
            "/_stub/behaviours",
            {"endpoint": "embeddings", "default": embed, "slow_seconds": 3, **waits},
        )
        message = EmailMessage(message_id="m1", subject="Return", text="I want to return my order.")
        with _budget(budget):
            triaged = triage_email(
                message, ThreadContext(messages=[message]), TriageConfig(), classifier
            )
        triage_calls = _calls(stub, "chat/completions")
        with _meter() as meter, _budget(budget):
            try:
                embedder.embed_documents([f"{name} one", f"{name} two"])
                embedded = "ok"
            except Exception as exc:
                embedded = f"raised {type(exc).__name__}"
        embed_calls = _calls(stub, "embeddings")
    seconds = clock.now() - started
    usage = getattr(triaged, "classifier_usage", None)
    recorded = getattr(reply, "prompt_tokens", 0) + getattr(reply, "completion_tokens", 0)
    recorded += (usage.prompt_tokens + usage.completion_tokens) if usage else 0
    recorded += meter.total().prompt_tokens if meter is not None else 0
    billed = _billed(draft_calls) + _billed(triage_calls) + _billed(embed_calls)
    return [
        name,
        len(draft_calls),
        _draft_outcome(reply),
        len(triage_calls),
        triaged.classifier,
        len(embed_calls),
        embedded,
        round(seconds, 1),
        f"{recorded}/{billed}",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--stub-root", type=Path, default=ROOT, help="checkout whose stub to run")
    parser.add_argument(
        "--lenient-schemas", action="store_true", help="stub: no strict-schema check"
    )
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--only", default="", help="comma-separated scenario names")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path.cwd()))
    from bench.common import machine, print_json, print_table
    from pipeline import services

    stub = Stub(args.stub_root.resolve())
    stub.post("/_stub/azure", {"enforce_strict_schema": not args.lenient_schemas})
    clock = VirtualTime()
    rows: list[list[Any]] = []
    wanted = {s.strip() for s in args.only.split(",") if s.strip()}
    try:
        with tempfile.TemporaryDirectory() as cache, _env(_environment(stub, cache)):
            services.reset()
            for scenario in SCENARIOS:
                if not wanted or scenario[0] in wanted:
                    rows.append(run_scenario(stub, clock, scenario))
            services.reset()
    finally:
        stub.stop()
    import rag

    code = Path(rag.__file__).resolve().parents[1]
    title = (
        f"Model calls of one email per fault, code {code} ({machine()}); stub of "
        f"{args.stub_root}; strict schemas {'off' if args.lenient_schemas else 'on'}; "
        "seconds virtual (waits counted, not slept)"
    )
    if args.json:
        print_json({"title": title, "rows": [dict(zip(HEADERS, r, strict=True)) for r in rows]})
    else:
        print_table(title, HEADERS, rows)
    return 0


@contextlib.contextmanager
def _env(values: dict[str, str]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


if __name__ == "__main__":
    raise SystemExit(run_benchmark("llm_faults", main))
