"""Sentence-aligned chunking with character offsets, sized to the embedding model's window."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from rag.text import sentence_spans
from rag.types import Article, Chunk, Span

CHUNKER_VERSION = 1  # bump when the algorithm changes: stored articles are then re-chunked


class Chunker:
    """Packs whole sentences into chunks of at most ``max_tokens`` word pieces, repeating the last
    ``overlap_sentences`` sentences of a chunk at the start of the next. A sentence longer than the window is cut
    at word boundaries. ``chunk.text == article.text[chunk.start:chunk.end]`` always holds."""

    def __init__(
        self,
        count_tokens: Callable[[list[str]], list[int]],
        token_spans: Callable[[str], list[tuple[int, int]]],
        max_tokens: int = 200,
        overlap_sentences: int = 1,
    ) -> None:
        if max_tokens < 1:
            raise ValueError(f"max_tokens must be greater than 0. Currently, max_tokens is {max_tokens}.")
        if overlap_sentences < 0:
            raise ValueError(f"overlap_sentences must be at least 0. Currently, it is {overlap_sentences}.")
        self.count_tokens = count_tokens
        self.token_spans = token_spans
        self.max_tokens = max_tokens
        self.overlap_sentences = overlap_sentences

    @property
    def fingerprint(self) -> str:
        return f"chunk:v{CHUNKER_VERSION}:{self.max_tokens}:{self.overlap_sentences}"

    def chunk(self, article: Article) -> list[Chunk]:
        text = article.text
        units, counts = self._units(text)
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

    def _units(self, text: str) -> tuple[list[Span], list[int]]:
        """Sentences, with any sentence over the window cut into window-sized pieces."""
        spans = sentence_spans(text)
        counts = self.count_tokens([text[s.start : s.end] for s in spans])
        units: list[Span] = []
        unit_counts: list[int] = []
        for span, count in zip(spans, counts, strict=True):
            if count <= self.max_tokens:
                units.append(span)
                unit_counts.append(count)
            else:
                for piece, n in self._split_long(text, span):
                    units.append(piece)
                    unit_counts.append(n)
        return units, unit_counts

    def _split_long(self, text: str, span: Span) -> list[tuple[Span, int]]:
        sentence = text[span.start : span.end]
        tokens = self.token_spans(sentence)
        pieces: list[tuple[Span, int]] = []
        first = 0
        while first < len(tokens):
            last = min(first + self.max_tokens, len(tokens))
            if last < len(tokens):
                # Back off to a word start so no word is cut in two (word pieces continue without a space).
                cut = last
                while cut > first + self.max_tokens // 2 and not _starts_word(sentence, tokens[cut][0]):
                    cut -= 1
                if cut > first + self.max_tokens // 2:
                    last = cut
            s = tokens[first][0]
            e = tokens[last - 1][1]
            pieces.append((Span(span.start + s, span.start + e), last - first))
            first = last
        return pieces


def _starts_word(text: str, offset: int) -> bool:
    return offset == 0 or text[offset - 1].isspace()
