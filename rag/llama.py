"""Adapters between newsrag and LlamaIndex: the embedding model as a LlamaIndex ``BaseEmbedding``,
Chroma chunks as LlamaIndex nodes. Nothing here touches ``llama_index.core.Settings``: models are passed in."""

from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from rag.embed import Embedder


class NewsragEmbedding(BaseEmbedding):
    """newsrag's model behind LlamaIndex's embedding interface, run through plain ``SentenceTransformer.encode``
    (``Embedder.encode``) as LlamaIndex's own sentence-transformers embedding runs it: the eval suite's peers."""

    _embedder: Embedder = PrivateAttr()

    def __init__(self, embedder: Embedder, **kwargs: Any) -> None:
        super().__init__(model_name=embedder.fingerprint, embed_batch_size=embedder.batch_size, **kwargs)
        self._embedder = embedder

    @classmethod
    def class_name(cls) -> str:
        return "NewsragEmbedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._embedder.encode([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embedder.encode([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.encode(texts).tolist()
