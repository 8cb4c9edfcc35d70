"""Retrievers: the ``Retriever`` seam and dense retrieval over the Chroma chunk collection through LlamaIndex."""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from typing import Any

from rag.embed import Embedder
from rag.errors import QueryError
from rag.store import Store, date_to_int
from rag.types import Hit, Query


class Retriever(ABC):
    """One method to implement: the best ``query.k`` hits for a query, best first."""

    @abstractmethod
    def retrieve(self, query: Query) -> list[Hit]: ...

    def warm_up(self) -> None:  # noqa: B027 - optional hook
        """Load models and open stores ahead of the first query."""


def chroma_filters(query: Query) -> Any:
    """LlamaIndex metadata filters for the query's date range (``published`` is an int YYYYMMDD in Chroma;
    undated articles have none and so fall outside any range)."""
    from llama_index.core.vector_stores.types import FilterOperator, MetadataFilter, MetadataFilters

    filters = []
    if query.since is not None:
        filters.append(MetadataFilter(key="published", value=date_to_int(query.since), operator=FilterOperator.GTE))
    if query.until is not None:
        filters.append(MetadataFilter(key="published", value=date_to_int(query.until), operator=FilterOperator.LTE))
    if query.since and query.until and query.since > query.until:
        raise QueryError(f"since ({query.since}) is after until ({query.until}): swap them.")
    return MetadataFilters(filters=filters) if filters else None


class DenseRetriever(Retriever):
    """Cosine search over chunk vectors: LlamaIndex's ``ChromaVectorStore`` queried with newsrag's embedder."""

    name = "dense"

    def __init__(self, store: Store, embedder: Embedder) -> None:
        self.store = store
        self.embedder = embedder
        self._vector_store: Any = None

    def warm_up(self) -> None:
        self.embedder.warm_up()
        self._chroma()

    def _chroma(self) -> Any:
        if self._vector_store is None:
            from llama_index.vector_stores.chroma import ChromaVectorStore

            self._vector_store = ChromaVectorStore(chroma_collection=self.store.chunk_collection())
        return self._vector_store

    def retrieve(self, query: Query) -> list[Hit]:
        from llama_index.core.vector_stores.types import VectorStoreQuery

        from rag.llama import node_to_hit

        if query.k < 1:
            raise QueryError(f"k must be greater than 0. Currently, k is {query.k}.")
        if self.store.count_chunks() == 0:
            return []
        vector = self.embedder.embed_query(query.text).tolist()
        result = self._chroma().query(
            VectorStoreQuery(query_embedding=vector, similarity_top_k=query.k, filters=chroma_filters(query))
        )
        from llama_index.core.schema import NodeWithScore

        hits = []
        for node, similarity in zip(result.nodes or [], result.similarities or [], strict=True):
            # ChromaVectorStore reports exp(-distance); with cosine distance that is exp(cos - 1).
            cosine = 1.0 + math.log(max(similarity, 1e-12))
            hits.append(node_to_hit(NodeWithScore(node=node, score=cosine), self.name, cosine))
        return hits
