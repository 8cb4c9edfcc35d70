"""LlamaIndex at the seam: newsrag's chain as a LlamaIndex retriever, and LlamaIndex retrievers and node
postprocessors as stages of newsrag's chain, over a real store."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.postprocessor.types import BaseNodePostprocessor
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from rag.errors import QueryError
from rag.llama import LlamaPostprocessor, LlamaStage, as_llama_retriever, hit_to_node, node_to_hit
from rag.pipeline import build_pipeline
from rag.retrieve import BM25ChunkRetriever, ChainRetriever, FusionRetriever, Request
from rag.store import Store
from rag.types import Query

SEAWALL = "101_invented_seawall"


def test_the_chain_is_a_llama_index_retriever_whose_nodes_open_at_their_span(pipeline: Any) -> None:
    retriever = as_llama_retriever(pipeline.retriever, k=3)
    assert isinstance(retriever, BaseRetriever)
    nodes = retriever.retrieve("How much did the Larkspur Bay seawall cost?")
    assert 0 < len(nodes) <= 3 and nodes[0].node.metadata["article_id"] == SEAWALL
    for node in nodes:
        meta = node.node.metadata
        text = pipeline.store.article_text(meta["article_id"])
        assert text[meta["start"] : meta["end"]] == node.node.get_content()
        assert {"dense", "lexical", "fused", "rerank"} <= set(meta["scores"])
    scores = [n.score for n in nodes]
    assert scores == sorted(scores, reverse=True)
    # newsrag's options hold through the adapter
    without = as_llama_retriever(pipeline.retriever, k=3, exclude_articles=(SEAWALL,))
    assert all(n.node.metadata["article_id"] != SEAWALL for n in without.retrieve("Larkspur Bay seawall cost"))


class _Reverse(BaseNodePostprocessor):
    """A LlamaIndex postprocessor that reverses the order, and tries to add a node of its own."""

    def _postprocess_nodes(
        self, nodes: list[NodeWithScore], query_bundle: QueryBundle | None = None
    ) -> list[NodeWithScore]:
        out = [NodeWithScore(node=n.node, score=float(i)) for i, n in enumerate(reversed(nodes), 1)]
        foreign = TextNode(id_="not-a-candidate", text="invented", metadata={"article_id": "x"})
        return [NodeWithScore(node=foreign, score=99.0), *out]


def test_a_llama_index_postprocessor_reorders_the_chain_and_adds_nothing(ingested: Any, embedder: Any) -> None:
    settings, _ = ingested
    pipeline = build_pipeline(settings, embedder=embedder)
    question = Query("Who won the Halvard Open chess tournament?", k=4)
    before = [h.chunk.id for h in pipeline.search(question)]
    assert len(before) == 4
    chain = pipeline.retriever
    assert isinstance(chain, ChainRetriever)
    chain.postprocessors.append(LlamaPostprocessor(_Reverse(), name="reverse"))
    after = pipeline.search(question)
    # newsrag's reranker keeps the four passages the caller asked for; the LlamaIndex one reverses them
    assert [h.chunk.id for h in after] == before[::-1]
    assert [h.scores_by_retriever["reverse"] for h in after] == [1.0, 2.0, 3.0, 4.0]
    assert "rerank" in after[0].scores_by_retriever  # the scores before it are kept beside its own
    assert pipeline.run(question).answer.citations  # the answerer reads the reordered hits as any others


class _Listed(BaseRetriever):
    """A LlamaIndex retriever returning given nodes in a fixed order."""

    def __init__(self, nodes: list[NodeWithScore]) -> None:
        super().__init__()
        self.nodes = nodes

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return list(self.nodes)


def test_a_llama_index_retriever_is_a_first_stage_and_keeps_newsrag_s_filters(ingested: Any, embedder: Any) -> None:
    settings, _ = ingested
    pipeline = build_pipeline(settings, embedder=embedder)
    hits = pipeline.search(Query("seawall chess orchard rail", k=8))
    nodes = [hit_to_node(h) for h in reversed(hits)]
    stage = LlamaStage(_Listed(nodes), name="mine")
    got = stage.search(Request("anything", k=20))
    assert [h.chunk.id for h in got] == [h.chunk.id for h in reversed(hits)]
    assert got[0].chunk == hits[-1].chunk and got[0].published == hits[-1].published
    excluded = {h.chunk.article_id for h in hits[:2]}
    kept = stage.search(Request("anything", k=20, exclude_ids=frozenset(excluded)))
    assert kept and not {h.chunk.article_id for h in kept} & excluded
    dated = stage.search(Request("anything", k=20, since=max(h.published for h in hits if h.published)))
    assert all(h.published is not None for h in dated)
    # fused with newsrag's own lexical retriever and reranked, it answers through the pipeline
    store = Store(settings)
    fused = FusionRetriever([(stage, 1.0), (BM25ChunkRetriever(store), 1.0)], rrf_k=60)
    chain = ChainRetriever(fused, pipeline.retriever.postprocessors, store=store)  # type: ignore[attr-defined]
    answer = replace(pipeline, retriever=chain).run(Query("Who won the Halvard Open chess tournament?")).answer
    assert not answer.abstained and "Okonkwo" in answer.text
    for hit in chain.retrieve(Query("seawall chess", k=5)):
        assert {"mine", "lexical", "fused", "rerank"} & set(hit.scores_by_retriever)


def test_a_node_without_an_article_is_a_clear_error() -> None:
    node = NodeWithScore(node=TextNode(id_="n1", text="free text", metadata={}), score=1.0)
    with pytest.raises(QueryError, match="article_id"):
        node_to_hit(node, "llama")
