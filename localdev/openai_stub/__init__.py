"""A local OpenAI and Azure OpenAI stand-in (chat completions + embeddings) held to the
official specs, with Azure's documented failures on demand."""

from localdev.openai_stub.answers import hashed_embedding
from localdev.openai_stub.app import create_app
from localdev.openai_stub.server import OpenAIStub

__all__ = ["OpenAIStub", "create_app", "hashed_embedding"]
