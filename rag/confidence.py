"""The draft's confidence: the chance that it is right, from what the answer step saw.

A cosine scaled to 0-1 told an agent little (issue 20: wrong drafts carried 0.23 to 1.0).
What separates right drafts from wrong ones is how far the best passage clears the
threshold calibrated for its knowledge base (in that calibration's standard deviations,
so it means the same on any knowledge base), whether every question found an answer,
whether the question names a term the knowledge base never mentions, whether near-ties
come from different articles, how far the lead stands out from the other articles
(rag.distinctness) and whether the source is in another language. A
logistic model over these signals gives the probability; its weights live in
``rag/calibration/confidence.json``, fitted by ``evaluation/fit_confidence.py`` on the sets
named there (never the held-out ones), and the file says which.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

SIGNALS = (
    "margin_sd",  # least, over the answered questions, (cosine - threshold) / calibration sd
    "answered_share",  # questions answered / questions asked
    "unknown_terms",  # 1 when an answered question names a term the knowledge base lacks
    "rival_articles",  # 1 when a near-tie of a lead passage comes from another article
    "foreign_source",  # 1 when a lead passage is in another language than the email
    "lead_gap",  # least lead gap over other articles (rag.distinctness), hundredths, capped
)
MARGIN_CAP = 6.0  # standard deviations: beyond this, more margin says nothing new
GAP_CAP = 0.10  # cosine: a lead this far ahead of the other articles stands out plainly


class ConfidenceModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    intercept: float
    weights: dict[str, float]
    fitted_on: list[str] = Field(default_factory=list)
    drafts: int = 0
    note: str = ""

    def probability(self, signals: dict[str, float]) -> float:
        z = self.intercept + sum(
            weight * signals.get(name, 0.0) for name, weight in self.weights.items()
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def default_model() -> ConfidenceModel:
    raw = resources.files("rag.calibration").joinpath("confidence.json").read_text("utf-8")
    return ConfidenceModel.model_validate(json.loads(raw))


def confidence(signals: dict[str, float], model: ConfidenceModel | None = None) -> float:
    """The probability that the draft is right, rounded to 0.001."""
    return round((model or default_model()).probability(signals), 3)


def gap_signal(gaps: list[float | None]) -> float:
    """The least lead gap of the answered questions in hundredths of a cosine, capped; a
    question whose gap could not be measured (a knowledge base of a few articles) counts
    as standing out."""
    least = min((GAP_CAP if g is None else min(g, GAP_CAP) for g in gaps), default=GAP_CAP)
    return round(100 * least, 3)


def capped_margin(margin_sd: float) -> float:
    return max(-MARGIN_CAP, min(MARGIN_CAP, margin_sd))
