"""Sentence-aligned chunking with character offsets, sized to the embedding model's window."""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from rag.text import sentence_spans
from rag.types import Article, Chunk, Span

CHUNKER_VERSION = 1  # bump when the algorithm changes: stored articles are then re-chunked


class Chunker:
    """Packs whole sentences into chunks of at most ``max_tokens`` word pieces, repeating the last
    ``overlap_sentences`` sentences of a chunk at the start of the next. A sentence longer than the window is cut
    at word boundaries. ``chunk.text == article.text[chunk.start:chunk.end]`` always holds."""

    def __init__(
        self,
        token_spans: Callable[[str], list[tuple[int, int]]],
        max_tokens: int = 200,
        overlap_sentences: int = 1,
        title_tokens: int = 0,
    ) -> None:
        if max_tokens < 1:
            raise ValueError(f"max_tokens must be greater than 0. Currently, max_tokens is {max_tokens}.")
        if overlap_sentences < 0:
            raise ValueError(f"overlap_sentences must be at least 0. Currently, it is {overlap_sentences}.")
        self.token_spans = token_spans
        self.max_tokens = max_tokens
        self.overlap_sentences = overlap_sentences
        self.title_tokens = max(0, title_tokens)

    @property
    def fingerprint(self) -> str:
        title = f":title{self.title_tokens}" if self.title_tokens else ""
        return f"chunk:v{CHUNKER_VERSION}:{self.max_tokens}:{self.overlap_sentences}{title}"

    def embedding_texts(self, title: str, texts: list[str]) -> list[str]:
        """What the model embeds for an article's chunk ``texts``: each text, after the article's ``title`` (its
        first ``title_tokens`` word pieces) when ``title_tokens`` is set. A passage deep in an article often never
        names what the article is about; the title puts it back. The stored chunk text stays a verbatim slice."""
        prefix = self._title(title) if self.title_tokens else ""
        return [f"{prefix}\n{text}" if prefix else text for text in texts]

    @staticmethod
    def flat_title(title: str) -> str:
        """The title as the model sees it in front of a chunk: on one line, runs of white space as one space."""
        return " ".join(title.split())

    def _title(self, title: str) -> str:
        title = self.flat_title(title)
        spans = self.token_spans(title) if title else []
        if len(spans) > self.title_tokens:
            title = title[: spans[self.title_tokens - 1][1]]
        return title

    def embedding_ids(
        self, title: Sequence[int], ids: Any, spans: list[tuple[int, int]], chunks: list[Chunk]
    ) -> list[Any]:
        """What ``embedding_texts`` gives, as word-piece ids, without tokenising anything again: each chunk's
        pieces are the article's pieces (``ids`` and ``spans``, from the tokenisation ``chunk`` was given) inside
        its span, after the title's first ``title_tokens`` pieces when set (``title``: the pieces of ``flat_title(article.title)``)."""
        starts = [s for s, _ in spans]
        prefix = np.asarray(title[: self.title_tokens] if self.title_tokens else [], dtype=np.int64)
        out = []
        for c in chunks:
            body = ids[bisect_left(starts, c.start) : bisect_left(starts, c.end)]
            out.append(np.concatenate([prefix, body]) if len(prefix) else body)
        return out

    def chunk(self, article: Article, spans: list[tuple[int, int]] | None = None) -> list[Chunk]:
        """The article's chunks; ``spans``: its word pieces' character spans when the caller has tokenised it."""
        text = article.text
        units, counts = self._units(text, spans)
        chunks: list[Chunk] = []
        i = 0
        while i < len(units):
            j, total = i, 0
            while j < len(units) and (j == i or total + counts[j] <= self.max_tokens):
                total += counts[j]
                j += 1
            start, end = units[i].start, units[j - 1].end
            body = text[start:end]
            digest = hashlib.sha1(body.encode("utf-8")).hexdigest()[:10]
            index = len(chunks)
            chunks.append(Chunk(f"{article.id}#{index}:{digest}", article.id, index, start, end, body))
            if j >= len(units):
                break
            i = max(i + 1, j - self.overlap_sentences)
        return chunks

    def _units(self, text: str, tokens: list[tuple[int, int]] | None = None) -> tuple[list[Span], list[int]]:
        """Sentences, with any sentence over the window cut into window-sized pieces. The article is tokenised once:
        word pieces never cross white space, so a sentence's pieces are the article's pieces inside its span."""
        spans = sentence_spans(text)
        tokens = self.token_spans(text) if tokens is None else tokens
        starts = [s for s, _ in tokens]
        units: list[Span] = []
        unit_counts: list[int] = []
        for span in spans:
            first, last = bisect_left(starts, span.start), bisect_left(starts, span.end)
            if last - first <= self.max_tokens:
                units.append(span)
                unit_counts.append(last - first)
            else:
                for piece, n in self._split_long(text, span, tokens[first:last]):
                    units.append(piece)
                    unit_counts.append(n)
        return units, unit_counts

    def _split_long(self, text: str, span: Span, tokens: list[tuple[int, int]]) -> list[tuple[Span, int]]:
        pieces: list[tuple[Span, int]] = []
        first = 0
        while first < len(tokens):
            last = min(first + self.max_tokens, len(tokens))
            if last < len(tokens):
                # Back off to a word start so no word is cut in two (word pieces continue without a space).
                cut = last
                while cut > first + self.max_tokens // 2 and not _starts_word(text, tokens[cut][0]):
                    cut -= 1
                if cut > first + self.max_tokens // 2:
                    last = cut
            pieces.append((Span(tokens[first][0], tokens[last - 1][1]), last - first))
            first = last
        return pieces


def _starts_word(text: str, offset: int) -> bool:
    return offset == 0 or text[offset - 1].isspace()
