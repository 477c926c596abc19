"""Everything one running emulator holds: the account, tokens, limiter, faults, stats."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from localdev.hubspot_emulator import persistence
from localdev.hubspot_emulator.auth import TokenInfo, default_tokens
from localdev.hubspot_emulator.faults import FaultConfig, FaultInjector
from localdev.hubspot_emulator.ratelimit import RollingWindowLimiter
from localdev.hubspot_emulator.seed import load_seed, read_seed
from localdev.hubspot_emulator.state import Account


class EmulatorState:
    def __init__(
        self,
        *,
        seed: str = "default",
        token: str = "local-dev-token",
        rate_limit: int | None = None,
        state_file: Path | None = None,
    ) -> None:
        self.main_token = token
        # Where the account is kept between processes (None: in memory only). A file saved
        # from the same seed is resumed; any other start seeds afresh and overwrites it.
        self.state_file = state_file
        self.startup_rate_limit = rate_limit or None
        self.account = Account()
        self.thread_keys: dict[str, str] = {}
        self.tokens: dict[str, TokenInfo] = {}
        self.limiter = RollingWindowLimiter(self.startup_rate_limit)
        self.faults = FaultInjector()
        # (method, route template) -> status (int, or "dropped") -> count
        self.requests: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.seed_name = seed
        self.reset(seed)
        if state_file is not None and state_file.exists():
            saved = persistence.read(state_file)  # a broken file stops start-up, named
            if saved.seed == seed:
                self.account = persistence.restore(saved)
                self.thread_keys = dict(saved.thread_keys)
        self.save()

    def save(self) -> None:
        """Write the account to `state_file` (after every change the server accepts)."""
        if self.state_file is not None:
            persistence.write(
                self.state_file,
                persistence.snapshot(
                    self.account, seed=self.seed_name, thread_keys=self.thread_keys
                ),
            )

    def reset(self, seed: str) -> None:
        """Fresh account from `seed`; tokens, limiter, faults and stats back to start-up."""
        parsed = read_seed(seed)  # raises SeedError before anything is cleared
        self.account = Account()
        self.thread_keys = load_seed(self.account, parsed)
        self.tokens = default_tokens(self.main_token)
        self.limiter = RollingWindowLimiter(self.startup_rate_limit)
        self.faults = FaultInjector(FaultConfig(rate_limit_per_10s=self.startup_rate_limit))
        self.requests.clear()
        self.seed_name = seed

    def set_faults(self, config: FaultConfig) -> None:
        self.faults.configure(config)
        self.limiter.limit = config.rate_limit_per_10s or None
        self.limiter.daily_limit = config.daily_limit

    def record(self, method: str, template: str, status: int | str) -> None:
        """Count one request; status is the HTTP code, "dropped" or "lost_<code>"."""
        self.requests[(method, template)][str(status)] += 1

    def stats(self) -> dict[str, object]:
        by_route = [
            {
                "method": method,
                "route": route,
                "statuses": dict(counts),
                "total": sum(counts.values()),
            }
            for (method, route), counts in sorted(self.requests.items())
        ]
        return {
            "requests": by_route,
            "total_requests": sum(r["total"] for r in by_route),  # type: ignore[misc]
            "comment_posts_by_thread": dict(self.account.comment_posts),
            "notes_created": len(self.account.notes),
            "threads": len(self.account.threads),
            "seed": self.seed_name,
            "faults": self.faults.config.model_dump(),
        }
