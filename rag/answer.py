"""Answerers: the ``Answerer`` seam and the extractive answerer, which needs no LLM.

The extractive answerer quotes the sentences of the retrieved passages that best answer the question, each
followed by the ``[n]`` of its article, and abstains when no passage is relevant enough.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from rag.support import SupportChecker
from rag.text import answer_type_match, entity_terms, key_terms, sentence_spans
from rag.types import Answer, AnswerSentence, Citation, Hit, Query, Source

ABSTAIN_TEXT = "The articles don't say: no stored passage answers this question."


class Answerer(ABC):
    """One method to implement: an answer to ``query`` from ``hits``, citing only those hits."""

    mode: str

    @abstractmethod
    def answer(self, query: Query, hits: list[Hit]) -> Answer: ...


@dataclass(frozen=True)
class _Candidate:
    hit: Hit
    rank: int
    start: int  # absolute offsets into the article text
    end: int
    text: str
    coverage: float  # weighted share of the question's key terms found in the sentence
    score: float
    similarity: float = 0.0  # cosine of the sentence to the question (0 without an embedder)


def abstain(mode: str = "extractive") -> Answer:
    return Answer(text=ABSTAIN_TEXT, citations=[], sources=[], abstained=True, mode=mode)


Embed = Callable[[list[str]], np.ndarray]


class ExtractiveAnswerer(Answerer):
    """Picks sentences by the question terms they cover (weighted by rarity among the candidates), by their
    meaning's closeness to the question (when given an embedder) and by the retrieval score of their passage;
    every sentence of the answer is a verbatim quote with its marker."""

    mode = "extractive"
    # Sentences embedded per question, ~8 ms each here: the answer's main cost. On rtqa-dev's 700 questions 24, 12,
    # 8 and 6 gave the same answers (open accuracy 0.2714, abstention 0.200 / 0.116); 4 began to differ (session 5).
    SEMANTIC_CANDIDATES = 6
    SIMILARITY_WEIGHT = 0.5
    ANSWER_TYPE_BONUS = 0.3
    COVERAGE_TERMS = 4  # coverage is measured against the weight of the question's 4 heaviest key terms
    CONTEXT_SENTENCES = 2  # earlier sentences of the passage whose terms count (half) for a sentence

    def __init__(
        self,
        min_relevance: float = 0.25,
        min_coverage: float = 0.34,
        max_sentences: int = 3,
        checker: SupportChecker | None = None,
        embed: Embed | None = None,
        embed_query: Callable[[str], np.ndarray] | None = None,
    ) -> None:
        self.min_relevance = min_relevance
        self.min_coverage = min_coverage
        self.max_sentences = max_sentences
        self.checker = checker or SupportChecker()
        self.embed = embed
        self.embed_query = embed_query or (lambda text: embed([text])[0]) if embed else None

    def answer(self, query: Query, hits: list[Hit]) -> Answer:
        if not hits or max(h.scores_by_retriever.get("dense", h.score) for h in hits) < self.min_relevance:
            return abstain(self.mode)
        candidates = self._candidates(query, hits)
        if not candidates or candidates[0].coverage < self.min_coverage:
            return abstain(self.mode)
        relevant = [c for c in candidates if c.coverage >= self.min_coverage]
        if answer_type_match(query.text, "") is not None and not any(
            answer_type_match(query.text, c.text) for c in relevant
        ):
            return abstain(self.mode)  # asked "how much", "when"...: no relevant sentence offers a sum or a date
        chosen = self._choose(candidates)
        # Quote in reading order: by article (best first), then by position in the article.
        first_rank = {}
        for cand in chosen:
            first_rank.setdefault(cand.hit.chunk.article_id, len(first_rank))
        chosen.sort(key=lambda c: (first_rank[c.hit.chunk.article_id], c.start))
        return self._compose(chosen)

    def _candidates(self, query: Query, hits: list[Hit]) -> list[_Candidate]:
        q_terms = set(key_terms(query.text))
        if not q_terms:
            return []
        q_entities = entity_terms(query.text) & q_terms
        raw: list[tuple[Hit, int, int, int, str, set[str], set[str]]] = []
        for rank, hit in enumerate(hits):
            text = hit.chunk.text
            # News sentences are about their article's headline: its names count for every sentence.
            recent: list[set[str]] = [set(key_terms(hit.title)) & q_entities]
            for span in sentence_spans(text):
                sentence = text[span.start : span.end]
                terms = set(key_terms(sentence))
                context = (recent[0].union(*recent[1:][-self.CONTEXT_SENTENCES :]) & q_entities) - terms
                raw.append((hit, rank, span.start, span.end, sentence, terms, context))
                recent.append(terms)
        # Rarer question terms weigh more: a name in every sentence says less than the one word that matches.
        df = Counter(t for *_, terms, _ in raw for t in terms & q_terms)
        n = len(raw)
        weight = {t: math.log(1.0 + n / (df[t] or 0.5)) for t in q_terms}
        # Long questions carry context ("X happened this week. Which team ...?"): a sentence needs to cover the
        # weight of the question's few most telling terms, not all of them.
        total = sum(sorted(weight.values(), reverse=True)[: self.COVERAGE_TERMS])
        best_dense = max(h.scores_by_retriever.get("dense", h.score) for h in hits)
        out = []
        for hit, rank, s, e, sentence, terms, context in raw:
            # A name the sentences just before supply counts half: "According to X, ... . For example, Y."
            matched = sum(weight[t] for t in terms & q_terms) + 0.5 * sum(weight[t] for t in context & q_terms)
            coverage = min(1.0, matched / total)
            dense = hit.scores_by_retriever.get("dense", hit.score)
            score = coverage + 0.5 * (dense - best_dense) - 0.01 * rank
            if answer_type_match(query.text, sentence):
                score += self.ANSWER_TYPE_BONUS  # "how much" wants a sum, "when" a date
            out.append(_Candidate(hit, rank, hit.chunk.start + s, hit.chunk.start + e, sentence, coverage, score))
        out.sort(key=lambda c: (-c.score, c.rank, c.start))
        return self._rescore_semantic(query, out)

    def _rescore_semantic(self, query: Query, ranked: list[_Candidate]) -> list[_Candidate]:
        """Add the sentence-to-question cosine for the best lexical candidates (distinct texts only)."""
        if self.embed is None or self.embed_query is None or not ranked:
            return ranked
        texts: list[str] = []
        for cand in ranked:
            if cand.coverage > 0 and cand.text not in texts:
                texts.append(cand.text)
            if len(texts) >= self.SEMANTIC_CANDIDATES:
                break
        if not texts:
            return ranked
        vectors = self.embed(texts)
        question = self.embed_query(query.text)
        sims = dict(zip(texts, (vectors @ question).tolist(), strict=True))
        floor = min(sims.values())
        out = [
            replace(
                c, similarity=sims.get(c.text, floor), score=c.score + self.SIMILARITY_WEIGHT * sims.get(c.text, floor)
            )
            for c in ranked
        ]
        out.sort(key=lambda c: (-c.score, c.rank, c.start))
        return out

    def _choose(self, candidates: list[_Candidate]) -> list[_Candidate]:
        best = candidates[0]
        chosen = [best]
        seen = {(best.hit.chunk.article_id, best.start), " ".join(best.text.split())}
        for cand in candidates[1:]:
            if len(chosen) >= self.max_sentences or cand.score < best.score - 0.15:
                break
            if cand.coverage < 0.5 * best.coverage:
                continue  # a further sentence must answer a good part of the question
            flat = " ".join(cand.text.split())
            key = (cand.hit.chunk.article_id, cand.start)
            if cand.coverage < self.min_coverage or key in seen or flat in seen:
                continue  # overlapping chunks repeat sentences; syndicated copies repeat text
            seen.update({key, flat})
            chosen.append(cand)
        return chosen

    def _compose(self, chosen: list[_Candidate]) -> Answer:
        markers: dict[str, int] = {}
        sources: list[Source] = []
        citations: list[Citation] = []
        parts: list[str] = []
        sentences: list[AnswerSentence] = []
        for cand in chosen:
            hit = cand.hit
            article_id = hit.chunk.article_id
            if article_id not in markers:
                markers[article_id] = len(markers) + 1
                sources.append(Source(markers[article_id], article_id, hit.title, hit.published, hit.source))
            marker = markers[article_id]
            supported = self.checker.check(cand.text, hit.chunk.text).supported
            citations.append(Citation(marker, hit.chunk.id, article_id, cand.start, cand.end, cand.text, supported))
            parts.append(f"{' '.join(cand.text.split())} [{marker}]")
            sentences.append(AnswerSentence(parts[-1], (marker,), supported))
        return Answer(
            text=" ".join(parts),
            citations=citations,
            sources=sources,
            abstained=False,
            mode=self.mode,
            sentences=sentences,
        )
