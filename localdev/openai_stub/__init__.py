"""A local OpenAI-compatible server (chat completions + embeddings) with scripted failures."""

from localdev.openai_stub.app import create_app, hashed_embedding
from localdev.openai_stub.server import OpenAIStub

__all__ = ["OpenAIStub", "create_app", "hashed_embedding"]
