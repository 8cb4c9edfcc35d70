"""``build_pipeline(settings)``: the one factory that wires the store, the embedder, the retriever and the
answerer. Building is cheap; models load on first use or in ``warm_up()``."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from rag.answer import Answerer, ExtractiveAnswerer
from rag.embed import Embedder
from rag.errors import QueryError
from rag.retrieve import Retriever, build_retriever
from rag.settings import Settings
from rag.store import Store
from rag.types import Answer, Hit, Query

MAX_QUESTION_CHARS = 2000


@dataclass(frozen=True)
class Result:
    """An answer together with the hits it was made from (what the eval suite scores)."""

    answer: Answer
    hits: list[Hit]


@dataclass
class Pipeline:
    settings: Settings
    store: Store
    embedder: Embedder
    retriever: Retriever
    answerer: Answerer

    def warm_up(self) -> None:
        self.retriever.warm_up()

    def search(self, query: Query) -> list[Hit]:
        return self.retriever.retrieve(_checked(query))

    def ask(self, query: Query) -> Answer:
        return self.run(query).answer

    def run(self, query: Query) -> Result:
        """Retrieve, then answer: the one code path behind the CLI, the app, the API and the eval suite."""
        query = _checked(query)
        t0 = time.perf_counter()
        hits = self.retriever.retrieve(query)
        t1 = time.perf_counter()
        answer = self.answerer.answer(query, hits)
        t2 = time.perf_counter()
        timings = {"retrieve": (t1 - t0) * 1000, "answer": (t2 - t1) * 1000, "total": (t2 - t0) * 1000}
        return Result(replace(answer, timings={**answer.timings, **timings}), hits)


def _checked(query: Query) -> Query:
    text = " ".join(query.text.split())
    if not text:
        raise QueryError("The question is empty: type a question about the articles.")
    if len(text) > MAX_QUESTION_CHARS:
        raise QueryError(f"The question is {len(text)} characters long; the limit is {MAX_QUESTION_CHARS}.")
    if query.k < 1:
        raise QueryError(f"k must be greater than 0. Currently, k is {query.k}.")
    return replace(query, text=text)


def build_pipeline(settings: Settings, embedder: Embedder | None = None) -> Pipeline:
    """Wire a pipeline from settings; pass ``embedder`` to share a model already loaded in this process."""
    store = Store(settings)
    embedder = embedder or Embedder(settings.embedding_model, settings.embed_batch_size)
    retriever = build_retriever(store, embedder, settings)
    answerer = ExtractiveAnswerer(
        min_relevance=settings.min_relevance,
        min_coverage=settings.min_coverage,
        max_sentences=settings.max_answer_sentences,
        embed=embedder.embed,
        embed_query=embedder.embed_query,
    )
    return Pipeline(settings, store, embedder, retriever, answerer)
