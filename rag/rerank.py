"""newsrag's reranker: a LlamaIndex node postprocessor that reorders fused candidates by cheap features, and
drops near-duplicate passages (syndicated copies of one story under other names).

No cross-encoder ships offline, so the score is a weighted sum of what is already at hand, for every candidate:

- ``dense``: cosine of the chunk's stored vector to the question's (no new encoding at query time);
- ``lexical``: the chunk's BM25 score (FTS5's ``bm25()``, negated), divided by the best among the candidates;
- ``title``: share of the question's key terms found in the article's title;
- ``coverage``: share of the question's key terms found in the passage (BM25 rewards one rare term repeated;
  this rewards a passage that speaks to the whole question);
- ``entities``: names in the passage that neither the question nor the title has, up to 20, divided by 20: a
  question asks for something it does not name;
- ``position``: the chunk's place in its article, up to 10, divided by 10 (a penalty: news states itself early);
- ``article``: the best lexical score among the candidates of the same article (a passage of the article about
  the question is likelier to hold the answer than a lone lexical match);
- ``recency``: with an as-of date, exp(-days before it / recency_days), and 1 for articles up to
  ``recency_grace_days`` after it (benchmark and user dates are approximate: "this week"); 0 for undated ones.

The weights were fitted on half of a news benchmark's questions and checked on the other half
(``eval/rerank_data.py`` dumps the candidates and their features; see docs/DEVELOPING.md).

Any LlamaIndex postprocessor (a cross-encoder, say) can stand in its place in the chain.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

import numpy as np
from llama_index.core.postprocessor.types import BaseNodePostprocessor
from llama_index.core.schema import NodeWithScore, QueryBundle
from pydantic import PrivateAttr

from rag.store import int_to_date
from rag.text import entity_terms, key_terms, passage_terms, title_terms

_SHINGLE = 5


class NewsReranker(BaseNodePostprocessor):
    w_dense: float = 1.0
    w_lexical: float = 0.03
    w_title: float = 0.0
    w_coverage: float = 0.57
    w_entities: float = 0.15
    w_position: float = 0.21
    w_article: float = 0.49
    w_recency: float = 0.65
    recency_days: float = 14.0
    recency_grace_days: int = 7
    duplicate_jaccard: float = 0.6

    _store: Any = PrivateAttr()
    _embedder: Any = PrivateAttr()

    def __init__(self, store: Any, embedder: Any, settings: Any, **kwargs: Any) -> None:
        super().__init__(
            w_lexical=settings.rerank_lexical,
            w_title=settings.rerank_title,
            w_coverage=settings.rerank_coverage,
            w_entities=settings.rerank_entities,
            w_position=settings.rerank_position,
            w_article=settings.rerank_article,
            w_recency=settings.rerank_recency,
            recency_days=settings.recency_days,
            recency_grace_days=settings.recency_grace_days,
            **kwargs,
        )
        self._store = store
        self._embedder = embedder

    @classmethod
    def class_name(cls) -> str:
        return "NewsReranker"

    def _postprocess_nodes(
        self, nodes: list[NodeWithScore], query_bundle: QueryBundle | None = None
    ) -> list[NodeWithScore]:
        if not nodes or query_bundle is None:
            return nodes
        text = query_bundle.query_str
        as_of = getattr(query_bundle, "as_of", None)
        scores = [dict(n.node.metadata.get("scores", {})) for n in nodes]

        # dense: stored vectors of the candidates that only BM25 found (one read of their vectors alone)
        missing = [n for n, s in zip(nodes, scores, strict=True) if "dense" not in s]
        if missing:
            question = self._embedder.embed_query(text)
            fetch = [n.node.node_id for n in missing if n.node.embedding is None]
            found = self._store.vectors_by_id(fetch)
            for n, s in zip(nodes, scores, strict=True):
                if "dense" in s:
                    continue
                vector = n.node.embedding
                if vector is None:
                    vector = found.get(n.node.node_id)
                if vector is not None:
                    s["dense"] = float(np.dot(np.asarray(vector, dtype=np.float32), question))
        # lexical: BM25 of every candidate (the lexical retriever's where it found it, else one FTS5 query limited
        # to the others: the same statistics, so the same scores); their stored features beside
        index = self._store.lexical()
        ids = [n.node.node_id for n in nodes]
        bm25 = index.scores(text, [n.node.node_id for n, s in zip(nodes, scores, strict=True) if "lexical" not in s])
        features = index.features(ids)
        for n, s in zip(nodes, scores, strict=True):
            s["lexical"] = s["lexical"] if "lexical" in s else bm25.get(n.node.node_id, 0.0)
        best_bm25 = max((s["lexical"] for s in scores), default=0.0) or 1.0

        q_terms = set(key_terms(text))
        q_names = entity_terms(text)
        article_best: dict[str, float] = {}
        for n, s in zip(nodes, scores, strict=True):
            aid = str(n.node.metadata.get("article_id"))
            article_best[aid] = max(article_best.get(aid, 0.0), s["lexical"])
        out = []
        for n, s in zip(nodes, scores, strict=True):
            meta = n.node.metadata
            title = title_terms(str(meta.get("title", "")))
            found = features.get(n.node.node_id)
            passage_keys, passage_names = found if found is not None else passage_terms(n.node.get_content())
            s["title"] = len(q_terms & title) / len(q_terms) if q_terms else 0.0
            s["coverage"] = len(q_terms & passage_keys) / len(q_terms) if q_terms else 0.0
            s["entities"] = min(len(passage_names - q_names - title), 20) / 20
            s["position"] = min(int(meta.get("index", 0)), 10) / 10
            s["article"] = article_best[str(meta.get("article_id"))] / best_bm25
            s["recency"] = self.recency(int_to_date(meta.get("published")), as_of)
            s["rerank"] = (
                self.w_dense * s.get("dense", 0.0)
                + self.w_lexical * s["lexical"] / best_bm25
                + self.w_title * s["title"]
                + self.w_coverage * s["coverage"]
                + self.w_entities * s["entities"]
                - self.w_position * s["position"]
                + self.w_article * s["article"]
                + self.w_recency * s["recency"]
            )
            meta["scores"] = s
            out.append(NodeWithScore(node=n.node, score=s["rerank"]))
        out.sort(key=lambda n: -(n.score or 0.0))
        # Only the passages the caller keeps need checking: the rest would be cut anyway.
        return drop_near_duplicates(out, self.duplicate_jaccard, getattr(query_bundle, "hits", None))

    def recency(self, published: date | None, as_of: date | None) -> float:
        if as_of is None or published is None:
            return 0.0
        days = (as_of - published).days
        if days < -self.recency_grace_days:
            return 0.0
        return math.exp(-max(days, 0) / self.recency_days)


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < _SHINGLE:
        return {tuple(words)}
    return set(zip(words, words[1:], words[2:], words[3:], words[4:], strict=False))  # _SHINGLE = 5


def drop_near_duplicates(nodes: list[NodeWithScore], threshold: float, limit: int | None = None) -> list[NodeWithScore]:
    """Keep the best of passages from different articles whose word 5-gram Jaccard similarity is ``threshold`` or
    more: a syndicated copy adds nothing a reader has not seen. Shared shingles are counted through an inverted
    index of the kept passages, so the cost grows with the text, not with the square of the candidates. With
    ``limit``, stops once that many passages are kept."""
    kept: list[NodeWithScore] = []
    sizes: list[int] = []
    articles: list[str] = []
    owners: dict[tuple[str, ...], list[int]] = {}
    for node in nodes:
        if limit is not None and len(kept) >= limit:
            break
        shingles = _shingles(node.node.get_content())
        article = str(node.node.metadata.get("article_id"))
        shared: dict[int, int] = {}
        for shingle in shingles:
            for i in owners.get(shingle, ()):
                shared[i] = shared.get(i, 0) + 1
        duplicate = any(
            articles[i] != article and count / (len(shingles) + sizes[i] - count) >= threshold
            for i, count in shared.items()
        )
        if not duplicate:
            index = len(kept)
            kept.append(node)
            sizes.append(len(shingles))
            articles.append(article)
            for shingle in shingles:
                owners.setdefault(shingle, []).append(index)
    return kept
