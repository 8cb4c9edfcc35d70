"""newsrag's reranker: a postprocessor of the retrieval chain that reorders fused candidates by cheap features, and
drops near-duplicate passages (syndicated copies of one story under other names).

No cross-encoder ships offline, so the score is a weighted sum of what is already at hand, for every candidate:

- ``dense``: cosine of the chunk's stored vector to the question's (no new encoding at query time);
- ``lexical``: the chunk's BM25 score (FTS5's ``bm25()``, negated), divided by the best among the candidates;
- ``title``: share of the question's key terms found in the article's title;
- ``coverage``: share of the question's key terms found in the passage (BM25 rewards one rare term repeated;
  this rewards a passage that speaks to the whole question);
- ``rare``: the question's key terms in the passage, each weighted by its rarity among the candidates, log(1 + n /
  df), as a share of the weights of the terms some candidate holds: "Who is
  Fraser Lundie?" finds "Fraser" in every story about Brendan Fraser (whose vectors are closer to the question's
  than a markets story's), "Lundie" in one; that one holds the whole name (session 24);
- ``entities``: names in the passage that neither the question nor the title has, up to 20, divided by 20: a
  question asks for something it does not name;
- ``position``: the chunk's place in its article, up to 10, divided by 10 (a penalty: news states itself early);
- ``article``: the best lexical score among the candidates of the same article (a passage of the article about
  the question is likelier to hold the answer than a lone lexical match);
- ``recency``: with an as-of date, exp(-days before it / recency_days), and 1 for articles up to
  ``recency_grace_days`` after it (benchmark and user dates are approximate: "this week"); 0 for undated ones.

The weights were fitted on half of a news benchmark's questions and checked on the other half
(``eval/rerank_data.py`` dumps the candidates and their features; see docs/DEVELOPING.md).

Any LlamaIndex node postprocessor (a cross-encoder, say) can stand in its place in the chain
(``rag.llama.LlamaPostprocessor``).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import date
from typing import Any

import numpy as np

from rag.text import entity_terms, key_terms, passage_terms, rarity, title_terms
from rag.types import Hit

_SHINGLE = 5


class NewsReranker:
    """The chain's postprocessor: ``postprocess(hits, request)``; weights from the settings (``rerank_*``)."""

    w_dense = 1.0  # the other weights are fitted against this one

    def __init__(self, store: Any, embedder: Any, settings: Any) -> None:
        self.w_lexical: float = settings.rerank_lexical
        self.w_title: float = settings.rerank_title
        self.w_coverage: float = settings.rerank_coverage
        self.w_rare: float = settings.rerank_rare
        self.w_entities: float = settings.rerank_entities
        self.w_position: float = settings.rerank_position
        self.w_article: float = settings.rerank_article
        self.w_recency: float = settings.rerank_recency
        self.recency_days: float = settings.recency_days
        self.recency_grace_days: int = settings.recency_grace_days
        self.duplicate_jaccard = 0.6
        self._store = store
        self._embedder = embedder

    def postprocess(self, hits: list[Hit], request: Any) -> list[Hit]:
        if not hits or request is None:
            return hits
        text = request.query_str
        as_of = getattr(request, "as_of", None)
        period = getattr(request, "period", None)
        scores = [dict(h.scores_by_retriever) for h in hits]

        # dense: stored vectors of the candidates that only BM25 found (one read of their vectors alone)
        missing = [h.chunk.id for h, s in zip(hits, scores, strict=True) if "dense" not in s]
        if missing:
            question = self._embedder.embed_query(text)
            found = self._store.vectors_by_id(missing)
            for h, s in zip(hits, scores, strict=True):
                vector = found.get(h.chunk.id)
                if "dense" not in s and vector is not None:
                    s["dense"] = float(np.dot(np.asarray(vector, dtype=np.float32), question))
        # lexical: BM25 of every candidate (the lexical retriever's where it found it, else one FTS5 query limited
        # to the others: the same statistics, so the same scores); their stored features beside
        index = self._store.lexical()
        ids = [h.chunk.id for h in hits]
        bm25 = index.scores(text, [h.chunk.id for h, s in zip(hits, scores, strict=True) if "lexical" not in s])
        features = index.features(ids)
        for h, s in zip(hits, scores, strict=True):
            s["lexical"] = s["lexical"] if "lexical" in s else bm25.get(h.chunk.id, 0.0)
        best_bm25 = max((s["lexical"] for s in scores), default=0.0) or 1.0

        q_terms = set(key_terms(text))
        q_names = entity_terms(text)
        article_best: dict[str, float] = {}
        for h, s in zip(hits, scores, strict=True):
            article_best[h.chunk.article_id] = max(article_best.get(h.chunk.article_id, 0.0), s["lexical"])
        terms = [features.get(h.chunk.id) or passage_terms(h.chunk.text) for h in hits]
        keys = [k for k, _ in terms]
        weight = rarity(q_terms, keys)
        # a term no candidate holds tells none apart: it is left out of the whole, not counted in every share
        held = q_terms & set().union(*keys)
        rarity_total = sum(weight[t] for t in held) or 1.0
        out = []
        for h, s, (passage_keys, passage_names) in zip(hits, scores, terms, strict=True):
            title = title_terms(h.title)
            s["title"] = len(q_terms & title) / len(q_terms) if q_terms else 0.0
            s["coverage"] = len(q_terms & passage_keys) / len(q_terms) if q_terms else 0.0
            s["rare"] = sum(weight[t] for t in q_terms & passage_keys) / rarity_total
            s["entities"] = min(len(passage_names - q_names - title), 20) / 20
            s["position"] = min(h.chunk.index, 10) / 10
            s["article"] = article_best[h.chunk.article_id] / best_bm25
            s["recency"] = self.recency(h.published, as_of, period)
            s["rerank"] = (
                self.w_dense * s.get("dense", 0.0)
                + self.w_lexical * s["lexical"] / best_bm25
                + self.w_title * s["title"]
                + self.w_coverage * s["coverage"]
                + self.w_rare * s["rare"]
                + self.w_entities * s["entities"]
                - self.w_position * s["position"]
                + self.w_article * s["article"]
                + self.w_recency * s["recency"]
            )
            out.append(replace(h, score=s["rerank"], scores_by_retriever=s))
        out.sort(key=lambda h: -h.score)
        # Only the passages the caller keeps need checking: the rest would be cut anyway.
        return drop_near_duplicates(out, self.duplicate_jaccard, getattr(request, "hits", None))

    def recency(self, published: date | None, as_of: date | None, period: tuple[date, date] | None = None) -> float:
        if published is None:
            return 0.0
        if as_of is None and period is not None:
            # the time the question names: full weight within it (and the grace days after, news reports late),
            # decaying before and after it (November's hurricane is not September's); after a year, no decay
            start, end = period
            if published < start:
                return math.exp(-(start - published).days / self.recency_days)
            if (end - start).days > LONG_PERIOD_DAYS:
                return 1.0  # a year is told of long after it: "Who won Wimbledon in 2021?" in 2022's stories
            return math.exp(-max((published - end).days - self.recency_grace_days, 0) / self.recency_days)
        if as_of is None:
            return 0.0
        days = (as_of - published).days
        if days < -self.recency_grace_days:
            return 0.0
        return math.exp(-max(days, 0) / self.recency_days)


LONG_PERIOD_DAYS = 62  # a named time longer than this (a year) prefers nothing after it, only nothing before


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < _SHINGLE:
        return {tuple(words)}
    return set(zip(words, words[1:], words[2:], words[3:], words[4:], strict=False))  # _SHINGLE = 5


def drop_near_duplicates(hits: list[Hit], threshold: float, limit: int | None = None) -> list[Hit]:
    """Keep the best of passages from different articles whose word 5-gram Jaccard similarity is ``threshold`` or
    more: a syndicated copy adds nothing a reader has not seen. Shared shingles are counted through an inverted
    index of the kept passages, so the cost grows with the text, not with the square of the candidates. With
    ``limit``, stops once that many passages are kept."""
    kept: list[Hit] = []
    sizes: list[int] = []
    articles: list[str] = []
    owners: dict[tuple[str, ...], list[int]] = {}
    for hit in hits:
        if limit is not None and len(kept) >= limit:
            break
        shingles = _shingles(hit.chunk.text)
        article = hit.chunk.article_id
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
            kept.append(hit)
            sizes.append(len(shingles))
            articles.append(article)
            for shingle in shingles:
                owners.setdefault(shingle, []).append(index)
    return kept
