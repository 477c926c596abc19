"""Facts about models, keyed by the model's name (never an Azure deployment name, which a
team chooses): list prices, the request shape, and an embedding's dimension.

Prices are USD per 1M tokens, OpenAI's list prices, which Azure OpenAI's Global Standard
deployments match (regional and data-zone deployments cost more: set LLM_PRICE_* then).
A model that is not here has no price: the settings check asks for LLM_PRICE_* (or
EMBEDDING_PRICE_PER_1M) instead of counting it as free.

Reasoning models (o1, o3, o4, gpt-5 series) take only ``max_completion_tokens`` and no
``temperature`` on chat completions (Microsoft's "Azure OpenAI reasoning models" page:
"Not supported: temperature, ..., max_tokens"); their hidden reasoning tokens count
against that limit, hence the allowance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REASONING_PREFIXES = ("o1", "o3", "o4", "gpt-5")
# Reasoning tokens come out of max_completion_tokens before the answer does; a structured
# reply of a few hundred tokens needs room for them (a cautious guess, not a measurement).
REASONING_ALLOWANCE_TOKENS = 4000
_DATE_SUFFIX = re.compile(r"-\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Price:
    input_per_1m: float
    output_per_1m: float = 0.0

    def cost(self, prompt_tokens: int, completion_tokens: int = 0) -> float:
        return round(
            prompt_tokens * self.input_per_1m / 1e6 + completion_tokens * self.output_per_1m / 1e6,
            8,
        )


CHAT_PRICES: dict[str, Price] = {
    "gpt-4o-mini": Price(0.15, 0.60),
    "gpt-4o": Price(2.50, 10.00),
    "gpt-4.1": Price(2.00, 8.00),
    "gpt-4.1-mini": Price(0.40, 1.60),
    "gpt-4.1-nano": Price(0.10, 0.40),
}
EMBEDDING_PRICES: dict[str, Price] = {
    "text-embedding-3-small": Price(0.02),
    "text-embedding-3-large": Price(0.13),
    "text-embedding-ada-002": Price(0.10),
}
EMBEDDING_DIMENSIONS: dict[str, int] = {
    "text-embedding-3-small": 1536,
    "text-embedding-3-large": 3072,
    "text-embedding-ada-002": 1536,
}


def base_name(model: str) -> str:
    """``gpt-4o-mini-2024-07-18`` -> ``gpt-4o-mini``: a dated snapshot has its family's price."""
    return _DATE_SUFFIX.sub("", model.strip().lower())


def chat_price(model: str) -> Price | None:
    return CHAT_PRICES.get(base_name(model))


def embedding_price(model: str) -> Price | None:
    return EMBEDDING_PRICES.get(base_name(model))


def embedding_dimension(model: str) -> int | None:
    return EMBEDDING_DIMENSIONS.get(base_name(model))


def is_reasoning(model: str) -> bool:
    return base_name(model).startswith(REASONING_PREFIXES)


def same_model(configured: str, served: str) -> bool:
    """Whether the model a deployment reports serving is the one configured (a dated
    snapshot of it counts)."""
    return base_name(served) == base_name(configured)
