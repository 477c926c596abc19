"""What every model call shares, whoever makes it (the triage classifier, the drafter, the
embedder): the model catalog (prices and request shape by model name), strict schemas Azure
accepts, failures with a reason, usage and cost, the retry budget and the health registry.

Pure of Durable Functions and of Settings: the factories in rag/llm.py wire them up.
"""
