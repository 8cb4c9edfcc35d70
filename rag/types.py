"""Core types: plain dataclasses that every package imports. This module imports nothing of newsrag's."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One news article.

    ``id`` is stable (file stem, JSONL ``id`` or a hash of the URL) so an edited article replaces its old version.
    ``text`` is the body exactly as the reader produced it; every offset in newsrag points into it.
    """

    id: str
    title: str
    published: date | None
    source: str  # URL, or the path relative to the folder that was ingested; never an absolute path
    url: str | None
    text: str


@dataclass(frozen=True)
class Chunk:
    """A sentence-aligned passage: ``text == article.text[start:end]``."""

    id: str
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Query:
    """A question and the options that shape its retrieval."""

    text: str
    k: int = 5
    since: date | None = None
    until: date | None = None
    as_of: date | None = None
    outlets: tuple[str, ...] = ()  # only articles from these outlets (``rag.store.outlet``); empty: all
    exclude_articles: tuple[str, ...] = ()  # never retrieve chunks of these article ids; empty: none


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score, the score each retriever gave it, and its article's metadata."""

    chunk: Chunk
    score: float
    scores_by_retriever: dict[str, float] = field(default_factory=dict)
    title: str = ""
    published: date | None = None
    source: str = ""


@dataclass(frozen=True)
class Citation:
    """One ``[marker]`` in an answer, tied to an exact character span of an article."""

    marker: int
    chunk_id: str
    article_id: str
    start: int
    end: int
    quote: str
    supported: bool


@dataclass(frozen=True)
class Source:
    """An article an answer cites; ``marker`` is the ``[n]`` its citations carry."""

    marker: int
    article_id: str
    title: str
    published: date | None
    url_or_path: str


@dataclass(frozen=True)
class AnswerSentence:
    """One sentence of an answer with the ``[n]`` markers it carries and whether its citations support it."""

    text: str  # with its markers
    markers: tuple[int, ...]
    supported: bool
    attributed: bool = False  # the model gave no marker; newsrag found the passage that supports the sentence


@dataclass(frozen=True)
class ShortAnswer:
    """The name, place, number or date a question asks for, as written in the article: ``text ==
    article.text[start:end]``, inside the quote that carries ``marker``."""

    text: str
    marker: int
    article_id: str
    start: int
    end: int
    # the calendar date it stands for when it names a day without its year or only relative to the article
    # ("Friday", "May 6", "yesterday"), read from the article's date (``rag.answerability.day_meant``)
    day: date | None = None

    @property
    def said(self) -> str:
        """As the answer leads with it: its text, and the day it stands for ("Friday (March 10, 2023)"; "May 6
        (2023)": the year a calendar day's text lacks)."""
        text = " ".join(self.text.split())
        if self.day is None:
            return text
        text = text.rstrip(".")
        if re.search(rf"\b(?:{self.day:%B}|{self.day:%b}t?)\b", text, re.I):
            return f"{text} ({self.day.year})"  # its month is said ("May 6"), not in "Tuesday in Marseille"
        return f"{text} ({self.day:%B} {self.day.day}, {self.day.year})"


@dataclass(frozen=True)
class Answer:
    text: str
    citations: list[Citation]
    sources: list[Source]
    abstained: bool
    mode: str  # "extractive", "llm" or "llm-fallback"
    timings: dict[str, float] = field(default_factory=dict)  # milliseconds per stage
    sentences: list[AnswerSentence] = field(default_factory=list)
    note: str = ""  # why the answer is what it is, when that needs saying (a fallback, a rewritten question)
    question: str = ""  # the standalone question answered (a follow-up rewritten with the conversation)
    short_answer: ShortAnswer | None = None  # what a who/where/how-many/when question asks for, when stated
    answerability: float | None = None  # the answerability model's probability that the quotes answer the question


@dataclass(frozen=True)
class Span:
    """A half-open character span ``[start, end)`` of some text."""

    start: int
    end: int
