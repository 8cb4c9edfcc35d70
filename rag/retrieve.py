"""Retrieval: the ``Retriever`` seam, and newsrag's chain of LlamaIndex components behind it.

- ``DenseChunkRetriever``: cosine search over the chunk vectors in Chroma;
- ``BM25ChunkRetriever``: BM25 over the same chunks (SQLite FTS5, ``rag/lexical.py``);
  both read the passages' texts by id from the lexical index's chunk table (``Store.passages``), not from Chroma;
- ``FusionRetriever``: weighted reciprocal rank fusion of any LlamaIndex retrievers, run concurrently (the
  question's embedding and the FTS5 scan release the GIL: on two cores the two take the time of the slower);
- a node postprocessor (``rag/rerank.py``) reorders the fused candidates and drops near-duplicates.

Each is a LlamaIndex ``BaseRetriever`` (or ``BaseNodePostprocessor``), so the chain stays composable: a real
cross-encoder postprocessor can replace the reranker. Date filters travel in a ``NewsQueryBundle`` and are pushed
down to Chroma (``where`` on ``published``) and to FTS5 (the SQL query's ``WHERE``); undated articles fall outside any range. So do
the source filter (``article_id`` ``$in``) and excluded articles (``article_id`` ``$nin``): no stage after the first
adds a passage, so an excluded article's chunks never reach an answer.
"""

from __future__ import annotations

import contextvars
import gc
from abc import ABC, abstractmethod
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.postprocessor.types import BaseNodePostprocessor
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from rag.embed import Embedder
from rag.errors import QueryError
from rag.store import Store, date_to_int, int_to_date
from rag.types import Chunk, Hit, Query


class Retriever(ABC):
    """One method to implement: the best ``query.k`` hits for a query, best first."""

    @abstractmethod
    def retrieve(self, query: Query) -> list[Hit]: ...

    def warm_up(self) -> None:  # noqa: B027 - optional hook
        """Load models and open stores ahead of the first query."""


@dataclass
class NewsQueryBundle(QueryBundle):
    """A LlamaIndex query bundle that carries newsrag's options down the chain."""

    k: int = 5
    since: date | None = None
    until: date | None = None
    as_of: date | None = None
    article_ids: frozenset[str] | None = None  # only chunks of these articles (the source filter); None: all
    exclude_ids: frozenset[str] | None = None  # never chunks of these articles; None: exclude none
    hits: int | None = None  # how many passages the caller keeps (postprocessors may stop there); None: all


def bundle(query: Query, k: int | None = None, article_ids: frozenset[str] | None = None) -> NewsQueryBundle:
    if query.since and query.until and query.since > query.until:
        raise QueryError(f"since ({query.since}) is after until ({query.until}): swap them.")
    return NewsQueryBundle(
        query_str=query.text,
        k=k or query.k,
        since=query.since,
        until=query.until,
        as_of=query.as_of,
        article_ids=article_ids,
        exclude_ids=frozenset(query.exclude_articles) or None,
        hits=query.k,
    )


def _options(query_bundle: QueryBundle) -> NewsQueryBundle:
    if isinstance(query_bundle, NewsQueryBundle):
        return query_bundle
    return NewsQueryBundle(query_str=query_bundle.query_str)


def chroma_where(q: NewsQueryBundle) -> dict[str, Any] | None:
    """Chroma's ``where`` for the date range (``published`` is an int YYYYMMDD in Chroma), the source filter
    (``article_id`` in a list) and the excluded articles (``article_id`` not in a list); None for no filter."""
    clauses: list[dict[str, Any]] = []
    if q.since is not None:
        clauses.append({"published": {"$gte": date_to_int(q.since)}})
    if q.until is not None:
        clauses.append({"published": {"$lte": date_to_int(q.until)}})
    if q.article_ids is not None:
        clauses.append({"article_id": {"$in": sorted(q.article_ids)}})
    if q.exclude_ids:  # Chroma refuses an empty $nin list
        clauses.append({"article_id": {"$nin": sorted(q.exclude_ids)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _node(chunk_id: str, text: str, meta: dict[str, Any], scores: dict[str, float], embedding: Any = None) -> TextNode:
    vector = None if embedding is None else np.asarray(embedding, dtype=np.float32).tolist()
    return TextNode(id_=chunk_id, text=text, metadata={**meta, "scores": dict(scores)}, embedding=vector)


class DenseChunkRetriever(BaseRetriever):
    name = "dense"

    def __init__(self, store: Store, embedder: Embedder) -> None:
        super().__init__()
        self.store = store
        self.embedder = embedder

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        q = _options(query_bundle)
        vector = self.embedder.embed_query(q.query_str)
        # Distances only: the texts come from the lexical index's table (asking Chroma for them costs ~6 ms).
        result = self.store.chunk_collection().query(
            query_embeddings=[vector.tolist()], n_results=q.k, where=chroma_where(q), include=["distances"]
        )
        ids, distances = result["ids"][0], (result["distances"] or [[]])[0]
        passages = self.store.passages(ids)
        out = []
        for cid, distance in zip(ids, distances, strict=True):
            if cid not in passages:
                continue  # deleted between the two reads
            text, meta = passages[cid]
            cosine = 1.0 - float(distance)  # the collection's space is cosine: distance = 1 - cosine
            out.append(NodeWithScore(node=_node(cid, text, meta, {self.name: cosine}), score=cosine))
        return out


class BM25ChunkRetriever(BaseRetriever):
    name = "lexical"
    stay_on_caller = True  # the search's ranking is cached on this thread's connection (``LexicalIndex.scores``)

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        q = _options(query_bundle)
        hits = self.store.lexical().search(
            q.query_str,
            q.k,
            since=date_to_int(q.since) if q.since else None,
            until=date_to_int(q.until) if q.until else None,
            article_ids=q.article_ids,
            exclude_ids=q.exclude_ids,
        )
        return [
            NodeWithScore(node=_node(hit.id, hit.text, hit.meta, {self.name: hit.score}), score=hit.score)
            for hit in hits
        ]


class FusionRetriever(BaseRetriever):
    """Weighted reciprocal rank fusion: score = sum over retrievers of weight / (rrf_k + rank).

    The retrievers run at once: those marked ``stay_on_caller`` on the calling thread (the lexical retriever keeps
    its ranking on that thread's SQLite connection for the reranker's ``scores``), the others on this retriever's
    worker threads. The fused order does not depend on which finishes first."""

    def __init__(self, retrievers: list[tuple[BaseRetriever, float]], rrf_k: int = 60, candidates: int = 40) -> None:
        super().__init__()
        self.retrievers = retrievers
        self.rrf_k = rrf_k
        self.candidates = candidates
        self._pool: ThreadPoolExecutor | None = None

    def _workers(self) -> ThreadPoolExecutor:
        if self._pool is None:  # a race makes a second pool at worst; both work
            self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="newsrag-retrieve")
        return self._pool

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        q = _options(query_bundle)
        wide = NewsQueryBundle(
            query_str=q.query_str,
            k=max(q.k, self.candidates),
            since=q.since,
            until=q.until,
            as_of=q.as_of,
            article_ids=q.article_ids,
            exclude_ids=q.exclude_ids,
        )
        away = [r for r, _ in self.retrievers if not getattr(r, "stay_on_caller", False)]
        if len(self.retrievers) < 2 or not away:
            results = [retriever.retrieve(wide) for retriever, _ in self.retrievers]
        else:
            futures = {id(r): self._workers().submit(contextvars.copy_context().run, r.retrieve, wide) for r in away}
            here = {id(r): r.retrieve(wide) for r, _ in self.retrievers if id(r) not in futures}
            results = [futures[id(r)].result() if id(r) in futures else here[id(r)] for r, _ in self.retrievers]
        fused: dict[str, NodeWithScore] = {}
        for (_, weight), nodes in zip(self.retrievers, results, strict=True):
            for rank, node in enumerate(nodes, 1):
                nid = node.node.node_id
                if nid not in fused:
                    fused[nid] = NodeWithScore(node=node.node, score=0.0)
                else:
                    fused[nid].node.metadata["scores"].update(node.node.metadata["scores"])
                fused[nid].score = (fused[nid].score or 0.0) + weight / (self.rrf_k + rank)
        for node in fused.values():
            node.node.metadata["scores"]["fused"] = node.score or 0.0
        return sorted(fused.values(), key=lambda n: -(n.score or 0.0))


class ChainRetriever(Retriever):
    """newsrag's ``Retriever`` over a LlamaIndex retriever and node postprocessors."""

    def __init__(
        self,
        retriever: BaseRetriever,
        postprocessors: list[BaseNodePostprocessor] | None = None,
        warm: Any = None,
        candidates: int = 40,
        store: Store | None = None,
    ) -> None:
        self.store = store  # resolves the source filter to article ids
        self.retriever = retriever
        self.postprocessors = postprocessors or []
        self._warm = warm
        self.candidates = candidates  # what the first stage hands to the postprocessors

    def warm_up(self) -> None:
        if self._warm is not None:
            self._warm()

    def retrieve(self, query: Query) -> list[Hit]:
        if query.k < 1:
            raise QueryError(f"k must be greater than 0. Currently, k is {query.k}.")
        ids = None
        if query.outlets:
            if self.store is None:
                raise QueryError("This retriever cannot filter by source.")
            ids = frozenset(self.store.article_ids_for_outlets(query.outlets)) - frozenset(query.exclude_articles)
            if not ids:
                return []
        q = bundle(query, max(query.k, self.candidates) if self.postprocessors else query.k, ids)
        nodes = self.retriever.retrieve(q)
        for post in self.postprocessors:
            nodes = post.postprocess_nodes(nodes, q)
        return [node_to_hit(n) for n in nodes[: query.k]]


def node_to_hit(node: NodeWithScore) -> Hit:
    meta = node.node.metadata
    chunk = Chunk(
        id=node.node.node_id,
        article_id=str(meta["article_id"]),
        index=int(meta["index"]),
        start=int(meta["start"]),
        end=int(meta["end"]),
        text=node.node.get_content(),
    )
    return Hit(
        chunk=chunk,
        score=float(node.score or 0.0),
        scores_by_retriever=dict(meta.get("scores", {})),
        title=str(meta.get("title", "")),
        published=int_to_date(meta.get("published")),
        source=str(meta.get("source", "")),
    )


def build_retriever(store: Store, embedder: Embedder, settings: Any) -> Retriever:
    """The retrieval chain the settings ask for: ``dense``, ``lexical`` or ``hybrid`` (fused), reranked or not."""
    from rag.rerank import NewsReranker

    dense = DenseChunkRetriever(store, embedder)
    lexical = BM25ChunkRetriever(store)
    if settings.retrieval == "dense":
        first: BaseRetriever = dense
    elif settings.retrieval == "lexical":
        first = lexical
    else:
        first = FusionRetriever(
            [(dense, settings.dense_weight), (lexical, settings.lexical_weight)],
            rrf_k=settings.rrf_k,
            candidates=settings.candidates,
        )
    post = [NewsReranker(store, embedder, settings)] if settings.rerank else []

    def warm() -> None:
        embedder.warm_up()
        if store.exists() and store.has_chunks():
            dense.retrieve(NewsQueryBundle(query_str="warm up", k=1))  # Chroma loads its vector index from disk
            if settings.retrieval != "dense":
                store.lexical()
        # What is loaded now lives as long as the process: keep it out of the garbage collector's full passes.
        gc.freeze()

    return ChainRetriever(first, post, warm, candidates=settings.candidates, store=store)
