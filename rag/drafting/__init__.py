"""Drafters turn a DraftRequest (question + passages) into a cited DraftReply."""

from rag.drafting.base import Drafter
from rag.drafting.extractive import ExtractiveDrafter
from rag.drafting.llm import LlmDrafter

__all__ = ["Drafter", "ExtractiveDrafter", "LlmDrafter"]
