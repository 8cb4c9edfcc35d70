"""Adapters between newsrag and LlamaIndex: the embedding model as a LlamaIndex ``BaseEmbedding``, and the retrieval
chain both ways (newsrag's chain as a LlamaIndex retriever; any LlamaIndex retriever or node postprocessor as a stage
of newsrag's chain). Nothing here touches ``llama_index.core.Settings``: models are passed in.

The question path itself (``rag/retrieve.py``, ``rag/rerank.py``) passes newsrag's ``Hit``s and does not import
LlamaIndex, whose package ``__init__`` costs a fresh process ~1.8 s; this module imports it when it is imported."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.postprocessor.types import BaseNodePostprocessor
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode
from pydantic import PrivateAttr

from rag.embed import Embedder
from rag.errors import QueryError
from rag.retrieve import Request, Retriever, hit_from
from rag.store import date_to_int
from rag.types import Hit, Query


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


def hit_to_node(hit: Hit) -> NodeWithScore:
    """A hit as a LlamaIndex node: the passage's text, its span and article in the metadata, every score beside."""
    meta: dict[str, Any] = {
        "article_id": hit.chunk.article_id,
        "index": hit.chunk.index,
        "start": hit.chunk.start,
        "end": hit.chunk.end,
        "title": hit.title,
        "source": hit.source,
        "scores": dict(hit.scores_by_retriever),
    }
    if hit.published is not None:
        meta["published"] = date_to_int(hit.published)
    return NodeWithScore(node=TextNode(id_=hit.chunk.id, text=hit.chunk.text, metadata=meta), score=hit.score)


def node_to_hit(node: NodeWithScore, name: str) -> Hit:
    """A LlamaIndex node as a hit (its score recorded under ``name``). The node's metadata must name its article
    (``article_id``), as the chunks newsrag stores do; a span missing from it is the whole node."""
    meta = dict(node.node.metadata)
    if "article_id" not in meta:
        raise QueryError(
            f"A LlamaIndex node ({node.node.node_id}) has no 'article_id' in its metadata: newsrag cites articles, "
            "so a retriever in its chain must return nodes of stored chunks (metadata article_id, start, end)."
        )
    score = float(node.score or 0.0)
    scores = {**dict(meta.get("scores") or {}), name: score}
    return hit_from(node.node.node_id, node.node.get_content(), meta, scores, score)


def _within(hit: Hit, request: Request) -> bool:
    """The request's filters, for a stage that cannot push them down."""
    if request.article_ids is not None and hit.chunk.article_id not in request.article_ids:
        return False
    if request.exclude_ids and hit.chunk.article_id in request.exclude_ids:
        return False
    if request.since is not None or request.until is not None:
        if hit.published is None:
            return False  # undated articles fall outside any range, as in the pushed-down filters
        if request.since is not None and hit.published < request.since:
            return False
        if request.until is not None and hit.published > request.until:
            return False
    return True


class LlamaStage:
    """Any LlamaIndex retriever as a first stage of newsrag's chain (alone, or fused in a ``FusionRetriever``). It
    cannot push newsrag's filters down, so they are applied to what it returns: a date range, a source filter and
    excluded articles hold for it as for newsrag's own retrievers."""

    def __init__(self, retriever: BaseRetriever, name: str = "llama") -> None:
        self.retriever = retriever
        self.name = name

    def search(self, request: Request) -> list[Hit]:
        nodes = self.retriever.retrieve(QueryBundle(request.query_str))
        hits = [node_to_hit(n, self.name) for n in nodes]
        return [h for h in hits if _within(h, request)][: request.k]


class LlamaPostprocessor:
    """Any LlamaIndex node postprocessor (a cross-encoder, an LLM reranker, a similarity cut-off) as a postprocessor
    of newsrag's chain. It reorders and drops; a node it adds that the chain did not hand it is ignored."""

    def __init__(self, postprocessor: BaseNodePostprocessor, name: str = "postprocessor") -> None:
        self.postprocessor = postprocessor
        self.name = name

    def postprocess(self, hits: list[Hit], request: Request) -> list[Hit]:
        given = {h.chunk.id: h for h in hits}
        nodes = self.postprocessor.postprocess_nodes([hit_to_node(h) for h in hits], QueryBundle(request.query_str))
        out = []
        for node in nodes:
            hit = given.get(node.node.node_id)
            if hit is not None:
                score = float(node.score or 0.0)
                out.append(replace(hit, score=score, scores_by_retriever={**hit.scores_by_retriever, self.name: score}))
        return out


class NewsragRetriever(BaseRetriever):
    """newsrag's whole chain (fusion, reranking, filters) as a LlamaIndex retriever, for a LlamaIndex query engine.
    Each node's metadata carries its article and character span, so a citation can still be opened."""

    def __init__(self, retriever: Retriever, k: int = 5, **options: Any) -> None:
        super().__init__()
        self.newsrag = retriever
        self.k = k
        self.options = options  # Query fields: since, until, as_of, outlets, exclude_articles

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        since, until, as_of = (self.options.get(f) for f in ("since", "until", "as_of"))
        for value in (since, until, as_of):
            if value is not None and not isinstance(value, date):
                raise QueryError(f"NewsragRetriever's dates must be datetime.date values, not {value!r}.")
        query = Query(query_bundle.query_str, k=self.k, **self.options)
        return [hit_to_node(h) for h in self.newsrag.retrieve(query)]


def as_llama_retriever(retriever: Retriever, k: int = 5, **options: Any) -> NewsragRetriever:
    """newsrag's retriever (``build_pipeline(settings).retriever``) as a LlamaIndex ``BaseRetriever``."""
    return NewsragRetriever(retriever, k=k, **options)
