"""``build_pipeline(settings)``: the one factory that wires the store, the embedder, the retriever and the
answerer. Building is cheap; models load on first use or in ``warm_up()``."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from rag.answer import (
    Answerer,
    ExtractiveAnswerer,
    caseless,
    name_organisations,
    recase_names,
    respell_names,
    spelling_note,
)
from rag.embed import Embedder
from rag.errors import QueryError
from rag.retrieve import Retriever, build_retriever
from rag.settings import Settings
from rag.store import Store
from rag.text import restore_apostrophes
from rag.types import Answer, Hit, Query

MAX_QUESTION_CHARS = 2000
MAX_K = 100  # passages per question (the top_k setting's own limit)
MAX_HISTORY = 10  # earlier turns a follow-up is read with


@dataclass(frozen=True)
class Result:
    """An answer together with the hits it was made from (what the eval suite scores)."""

    answer: Answer
    hits: list[Hit]


History = Sequence[tuple[str, str]]  # earlier (question, answer) turns of a conversation, oldest first


@dataclass
class Pipeline:
    settings: Settings
    store: Store
    embedder: Embedder
    retriever: Retriever
    answerer: Answerer

    def warm_up(self) -> None:
        """Open the store and load every model a question needs, so that the first question pays for none.

        The answerer's models (spaCy: its import and its English model, ~1.2 s) load on a second thread while this
        one loads Chroma's vector index (Rust, which releases the GIL) and the question encoder; the store's
        client is opened first, so that the two threads do not import chromadb and spaCy's shared dependencies
        at once (imports hold the GIL and each other's module locks: measured, that overlapped nothing). The
        garbage collector is paused meanwhile: loading allocates only long-lived objects, and what is loaded is
        then frozen out of its full passes. A fresh process's first answer at 8.4k articles: 3.4 -> 3.1 s."""
        paused = gc.isenabled()
        gc.disable()
        try:
            if self.store.exists():
                self.store.has_chunks()  # opens the client: chromadb's import, the server's handshake
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsrag-warm-up") as pool:
                answerer = pool.submit(self.answerer.warm_up)
                self.retriever.warm_up()
                answerer.result()  # its error, if any, is raised here
        finally:
            if paused:
                gc.enable()
        gc.freeze()  # what is loaded now lives as long as the process

    llm: Any = None  # the LlamaIndex LLM in --mode llm (also condenses follow-up questions)

    def _analyser(self) -> Callable[[str], Any] | None:
        """The answerer's recogniser, reading one text's names and nouns (a follow-up is made standalone with
        them); None when the answerer has none."""
        ner = getattr(self.answerer, "ner", None) or getattr(getattr(self.answerer, "fallback", None), "ner", None)
        return None if ner is None else (lambda text: ner.analyse([text])[0])

    def search(self, query: Query) -> list[Hit]:
        return self.retriever.retrieve(self.prepared(query))

    def prepared(self, query: Query) -> Query:
        """The query as retrieval and the answerer read it: checked, its names capitalised when it was typed without
        capitals and spelt as the articles spell them (``_recased``). Whoever drafts an answer from ``search``'s
        hits drafts it for this query."""
        query = _checked(query)
        return replace(query, text=self._recased(query.text))

    def _recased(self, question: str) -> str:
        return self._read(question)[0]

    def _read(self, question: str) -> tuple[str, list[tuple[str, str]]]:
        """The question with its contractions' apostrophes (``restore_apostrophes``: "whats" is "what's"), the names
        it types in small letters capitalised (``recase_names``), those it types with a letter wrong spelt as the
        articles spell them (``respell_names``), an organisation's name no article holds written as a name
        (``name_organisations``), and the words respelt."""
        if not self.store.exists():
            return question, []
        question = restore_apostrophes(question)
        recased = recase_names(question, self.store.capitalised, lambda w: self.embedder.count_tokens([w])[0] > 1)
        known = lambda name: not self.store.unknown_names([name])  # noqa: E731
        respelt, changed = respell_names(
            recased, self.store.near_spelling, known, self.store.holds_name, self.store.name_beside
        )
        return name_organisations(respelt, known, caseless(question)), changed

    def ask(self, query: Query, history: History = ()) -> Answer:
        return self.run(query, history).answer

    def run(self, query: Query, history: History = ()) -> Result:
        """Retrieve, then answer: the one code path behind the CLI, the app, the API and the eval suite."""
        result = None
        for event in self.stream(query, history):
            if isinstance(event, Result):
                result = event
        assert result is not None
        return result

    def stream(self, query: Query, history: History = ()) -> Iterator[Any]:
        """The answer as it is made: ``StreamEvent``s with verified sentences (generated answers stream sentence by
        sentence; an extractive answer comes whole), then the ``Result``. A follow-up question is first made
        standalone with ``history``."""
        from rag.generate import StreamEvent, condense_question

        query = _checked(query)
        t0 = time.perf_counter()
        standalone, respelt = query.text, []
        if history:
            # earlier questions typed without capitals are read with their names capitalised, as they were answered
            turns = [(self._recased(" ".join(q.split())), a) for q, a in history[-MAX_HISTORY:]]
            # the follow-up too: whether it names something is read from its capitals (and a name it misspells is
            # told to the reader like any question's)
            follow_up, respelt = self._read(query.text)
            standalone = condense_question(turns, follow_up, self.llm, self._analyser())
        standalone = standalone[:MAX_QUESTION_CHARS]  # a rewritten follow-up stays within the question limit
        read, more = self._read(standalone)
        respelt += more
        query = replace(query, text=read)
        t1 = time.perf_counter()
        hits = self.retriever.retrieve(query)
        t2 = time.perf_counter()
        stream = getattr(self.answerer, "stream", None)
        if stream is not None:
            answer = None
            for event in stream(query, hits):
                if event.answer is not None:
                    answer = event.answer
                else:
                    yield event
        else:
            answer = self.answerer.answer(query, hits)
            for sentence in answer.sentences:
                yield StreamEvent(sentence=sentence, text=sentence.text)
        assert answer is not None
        t3 = time.perf_counter()
        timings = {"retrieve": (t2 - t1) * 1000, "answer": (t3 - t2) * 1000, "total": (t3 - t0) * 1000}
        if history:
            timings["condense"] = (t1 - t0) * 1000
        if respelt:  # the reader is told which names were read in the articles' spelling
            answer = replace(answer, note=" ".join(filter(None, [answer.note, spelling_note(respelt)])))
        yield Result(replace(answer, timings={**answer.timings, **timings}, question=standalone), hits)


def _checked(query: Query) -> Query:
    text = " ".join(query.text.split())
    if not text:
        raise QueryError("The question is empty: type a question about the articles.")
    if len(text) > MAX_QUESTION_CHARS:
        raise QueryError(f"The question is {len(text)} characters long; the limit is {MAX_QUESTION_CHARS}.")
    if query.k < 1:
        raise QueryError(f"k must be greater than 0. Currently, k is {query.k}.")
    if query.k > MAX_K:
        raise QueryError(f"k must be at most {MAX_K}. Currently, k is {query.k}.")
    return replace(query, text=text)


def build_pipeline(settings: Settings, embedder: Embedder | None = None) -> Pipeline:
    """Wire a pipeline from settings; pass ``embedder`` to share a model already loaded in this process."""
    store = Store(settings)
    embedder = embedder or Embedder.from_settings(settings)
    retriever = build_retriever(store, embedder, settings)
    extractive = ExtractiveAnswerer(
        min_relevance=settings.min_relevance,
        min_coverage=settings.min_coverage,
        max_sentences=settings.max_answer_sentences,
        embed=embedder.embed,
        embed_query=embedder.embed_query,
        word_vectors=embedder.word_vectors,
        min_answerability=settings.min_answerability,
        min_short_answer=settings.min_short_answer,
        article_text=store.article_text,
        unknown_names=store.unknown_names,
    )
    if settings.answer_mode != "llm":
        return Pipeline(settings, store, embedder, retriever, extractive)
    from rag.generate import STOP, LLMAnswerer
    from rag.llm import build_llm, parse_llm

    spec = parse_llm(settings.llm, settings.llm_model)
    llm = build_llm(spec, settings, stop=STOP)
    answerer = LLMAnswerer(
        llm,
        fallback=extractive,
        embed=embedder.embed,
        max_sentences=settings.max_answer_sentences,
        strict=settings.llm_strict,
        timeout=settings.llm_timeout,
        describe=spec.describe(),
        attribute=settings.llm_attribute,
        min_relevance=settings.min_relevance,
    )
    return Pipeline(settings, store, embedder, retriever, answerer, llm)
