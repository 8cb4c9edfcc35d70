"""Retrieval: the ``Retriever`` seam, and newsrag's retrieval chain behind it.

- ``DenseChunkRetriever``: cosine search over the chunk vectors in Chroma;
- ``BM25ChunkRetriever``: BM25 over the same chunks (SQLite FTS5, ``rag/lexical.py``);
  both read the passages' texts by id from the lexical index's chunk table (``Store.passages``), not from Chroma;
- ``FusionRetriever``: weighted reciprocal rank fusion of any first stages, run concurrently (the question's
  embedding and the FTS5 scan release the GIL: on two cores the two take the time of the slower);
- a postprocessor (``rag/rerank.py``) reorders the fused candidates and drops near-duplicates.

The chain passes newsrag's own ``Hit``s and never imports LlamaIndex: ``llama_index.core``'s package ``__init__``
imports every index, chat engine and memory class (sqlalchemy included), ~1.8 s of a fresh process's first answer
on the project's machine. LlamaIndex stays the seam through ``rag/llama.py``: any LlamaIndex retriever can be a
first stage and any node postprocessor (a cross-encoder) a postprocessor (``LlamaStage``, ``LlamaPostprocessor``),
and the whole chain is a LlamaIndex ``BaseRetriever`` (``as_llama_retriever``); they import LlamaIndex when used.

Date filters travel in a ``Request`` and are pushed down to Chroma (``where`` on ``published``) and to FTS5 (the SQL
query's ``WHERE``); undated articles fall outside any range. So do the source filter (``article_id`` ``$in``) and
excluded articles (``article_id`` ``$nin``): no stage after the first adds a passage, so an excluded article's
chunks never reach an answer.
"""

from __future__ import annotations

import contextvars
from abc import ABC, abstractmethod
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Protocol

from rag.embed import Embedder
from rag.errors import QueryError
from rag.query import period_of
from rag.store import Store, date_to_int, int_to_date
from rag.types import Chunk, Hit, Query


class Retriever(ABC):
    """One method to implement: the best ``query.k`` hits for a query, best first."""

    @abstractmethod
    def retrieve(self, query: Query) -> list[Hit]: ...

    def warm_up(self) -> None:  # noqa: B027 - optional hook
        """Load models and open stores ahead of the first query."""


@dataclass(frozen=True)
class Request:
    """What a stage of the chain is asked: the question and newsrag's options, carried down the chain."""

    query_str: str
    k: int = 5
    since: date | None = None
    until: date | None = None
    as_of: date | None = None
    period: tuple[date, date] | None = None  # the time the question names, without an as-of date (``period_of``)
    article_ids: frozenset[str] | None = None  # only chunks of these articles (the source filter); None: all
    exclude_ids: frozenset[str] | None = None  # never chunks of these articles; None: exclude none
    hits: int | None = None  # how many passages the caller keeps (postprocessors may stop there); None: all


class Stage(Protocol):
    """A first stage: candidates for a request, best first (``name`` labels its score in ``scores_by_retriever``)."""

    def search(self, request: Request) -> list[Hit]: ...


class Postprocessor(Protocol):
    """A later stage: reorders or drops the candidates, never adds one."""

    def postprocess(self, hits: list[Hit], request: Request) -> list[Hit]: ...


def bundle(query: Query, k: int | None = None, article_ids: frozenset[str] | None = None) -> Request:
    if query.since and query.until and query.since > query.until:
        raise QueryError(f"since ({query.since}) is after until ({query.until}): swap them.")
    return Request(
        query_str=query.text,
        k=k or query.k,
        since=query.since,
        until=query.until,
        as_of=query.as_of,
        period=period_of(query),
        article_ids=article_ids,
        exclude_ids=frozenset(query.exclude_articles) or None,
        hits=query.k,
    )


def chroma_where(q: Request) -> dict[str, Any] | None:
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


def hit_from(chunk_id: str, text: str, meta: dict[str, Any], scores: dict[str, float], score: float) -> Hit:
    """A hit from a chunk's text and its stored metadata (as Chroma and the lexical index keep it)."""
    chunk = Chunk(
        id=chunk_id,
        article_id=str(meta["article_id"]),
        index=int(meta.get("index", 0)),
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", len(text))),
        text=text,
    )
    return Hit(
        chunk=chunk,
        score=score,
        scores_by_retriever=dict(scores),
        title=str(meta.get("title", "")),
        published=int_to_date(meta.get("published")),
        source=str(meta.get("source", "")),
    )


class DenseChunkRetriever:
    name = "dense"

    def __init__(self, store: Store, embedder: Embedder) -> None:
        self.store = store
        self.embedder = embedder

    def search(self, request: Request) -> list[Hit]:
        vector = self.embedder.embed_query(request.query_str)
        # Distances only: the texts come from the lexical index's table (asking Chroma for them costs ~6 ms).
        result = self.store.chunk_collection().query(
            query_embeddings=[vector.tolist()], n_results=request.k, where=chroma_where(request), include=["distances"]
        )
        ids, distances = result["ids"][0], (result["distances"] or [[]])[0]
        passages = self.store.passages(ids)
        out = []
        for cid, distance in zip(ids, distances, strict=True):
            if cid not in passages:
                continue  # deleted between the two reads
            text, meta = passages[cid]
            cosine = 1.0 - float(distance)  # the collection's space is cosine: distance = 1 - cosine
            out.append(hit_from(cid, text, meta, {self.name: cosine}, cosine))
        return out


class BM25ChunkRetriever:
    name = "lexical"
    stay_on_caller = True  # the search's ranking is cached on this thread's connection (``LexicalIndex.scores``)

    def __init__(self, store: Store) -> None:
        self.store = store

    def search(self, request: Request) -> list[Hit]:
        q = request
        hits = self.store.lexical().search(
            q.query_str,
            q.k,
            since=date_to_int(q.since) if q.since else None,
            until=date_to_int(q.until) if q.until else None,
            article_ids=q.article_ids,
            exclude_ids=q.exclude_ids,
        )
        return [hit_from(hit.id, hit.text, hit.meta, {self.name: hit.score}, hit.score) for hit in hits]


class FusionRetriever:
    """Weighted reciprocal rank fusion: score = sum over stages of weight / (rrf_k + rank).

    The stages run at once: those marked ``stay_on_caller`` on the calling thread (the lexical retriever keeps
    its ranking on that thread's SQLite connection for the reranker's ``scores``), the others on this retriever's
    worker threads. The fused order does not depend on which finishes first."""

    def __init__(self, retrievers: list[tuple[Stage, float]], rrf_k: int = 60, candidates: int = 40) -> None:
        self.retrievers = retrievers
        self.rrf_k = rrf_k
        self.candidates = candidates
        self._pool: ThreadPoolExecutor | None = None

    def _workers(self) -> ThreadPoolExecutor:
        if self._pool is None:  # a race makes a second pool at worst; both work
            self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="newsrag-retrieve")
        return self._pool

    def search(self, request: Request) -> list[Hit]:
        wide = replace(request, k=max(request.k, self.candidates), hits=None)
        away = [r for r, _ in self.retrievers if not getattr(r, "stay_on_caller", False)]
        if len(self.retrievers) < 2 or not away:
            results = [retriever.search(wide) for retriever, _ in self.retrievers]
        else:
            futures = {id(r): self._workers().submit(contextvars.copy_context().run, r.search, wide) for r in away}
            here = {id(r): r.search(wide) for r, _ in self.retrievers if id(r) not in futures}
            results = [futures[id(r)].result() if id(r) in futures else here[id(r)] for r, _ in self.retrievers]
        first: dict[str, Hit] = {}
        scores: dict[str, dict[str, float]] = {}
        fused: dict[str, float] = {}
        for (_, weight), hits in zip(self.retrievers, results, strict=True):
            for rank, hit in enumerate(hits, 1):
                cid = hit.chunk.id
                if cid not in first:
                    first[cid], scores[cid], fused[cid] = hit, {}, 0.0
                scores[cid].update(hit.scores_by_retriever)
                fused[cid] += weight / (self.rrf_k + rank)
        out = [
            replace(hit, score=fused[cid], scores_by_retriever={**scores[cid], "fused": fused[cid]})
            for cid, hit in first.items()
        ]
        return sorted(out, key=lambda h: -h.score)


class ChainRetriever(Retriever):
    """newsrag's ``Retriever`` over a first stage and postprocessors."""

    def __init__(
        self,
        retriever: Stage,
        postprocessors: list[Postprocessor] | None = None,
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
        hits = self.retriever.search(q)
        for post in self.postprocessors:
            hits = post.postprocess(hits, q)
        return hits[: query.k]


def build_retriever(store: Store, embedder: Embedder, settings: Any) -> Retriever:
    """The retrieval chain the settings ask for: ``dense``, ``lexical`` or ``hybrid`` (fused), reranked or not."""
    from rag.rerank import NewsReranker

    dense = DenseChunkRetriever(store, embedder)
    lexical = BM25ChunkRetriever(store)
    if settings.retrieval == "dense":
        first: Stage = dense
    elif settings.retrieval == "lexical":
        first = lexical
    else:
        first = FusionRetriever(
            [(dense, settings.dense_weight), (lexical, settings.lexical_weight)],
            rrf_k=settings.rrf_k,
            candidates=settings.candidates,
        )
    post: list[Postprocessor] = [NewsReranker(store, embedder, settings)] if settings.rerank else []

    def warm() -> None:
        embedder.warm_up()
        if store.exists() and store.has_chunks():
            dense.search(Request(query_str="warm up", k=1))  # Chroma loads its vector index from disk
            if settings.retrieval != "dense":
                store.lexical()

    return ChainRetriever(first, post, warm, candidates=settings.candidates, store=store)
