"""BM25 over the stored chunks (bm25s, English stop words, Snowball stemming).

The index is derived data: it is rebuilt from the chunks in Chroma (seconds for tens of thousands of chunks)
whenever the store's generation changes, and cached on disk under the store folder. So it is always consistent
with Chroma after an update or a delete, and a server-mode store needs nothing beside Chroma.

Beside BM25 it keeps every chunk's text, metadata and key terms (``passage_terms``, computed once per chunk: a
rebuild reuses those of the chunks it already had, whose ids name their content). Retrieval reads passages from
here instead of asking Chroma for them (~15 ms a question on the whole rtqa-dev store), and the reranker reads the
terms instead of stemming every candidate (~13 ms).
"""

from __future__ import annotations

import json
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rag.faults import crash_point
from rag.text import passage_terms

FORMAT = "2"  # what a cached folder holds; an older one is rebuilt (1: BM25 only; 2: with the chunk table)


@dataclass(frozen=True)
class LexicalHit:
    index: int  # position in LexicalIndex.ids
    score: float


class LexicalIndex:
    def __init__(
        self,
        ids: list[str],
        texts: list[str],
        metas: list[dict[str, Any]],
        terms: list[tuple[str, str]],
        bm25: Any,
        generation: str,
    ) -> None:
        self.ids = ids
        self.position = {cid: i for i, cid in enumerate(ids)}
        self.texts = texts
        self.metas = metas
        self.terms = terms  # per chunk: its key terms and its names (stems), each space-joined
        self.published = np.asarray([int(m.get("published", 0)) for m in metas], dtype=np.int64)  # 0: undated
        self.bm25 = bm25
        self.generation = generation
        self._cache: dict[str, np.ndarray] = {}  # the last questions' scores: the reranker asks again
        self._cache_lock = threading.Lock()

    @classmethod
    def build(
        cls,
        ids: list[str],
        texts: list[str],
        metas: list[dict[str, Any]],
        generation: str,
        previous: LexicalIndex | None = None,
    ) -> LexicalIndex:
        """The index of these chunks; the key terms of chunks ``previous`` already had are taken from it."""
        import bm25s

        bm25 = bm25s.BM25()
        if texts:
            bm25.index(_tokenize(texts), show_progress=False)
        known = previous.position if previous is not None else {}
        terms = []
        for cid, text in zip(ids, texts, strict=True):
            at = known.get(cid)
            if at is not None and previous is not None:
                terms.append(previous.terms[at])
            else:
                keys, names = passage_terms(text)
                terms.append((" ".join(sorted(keys)), " ".join(sorted(names))))
        return cls(list(ids), list(texts), [dict(m) for m in metas], terms, bm25, generation)

    def chunk(self, chunk_id: str) -> tuple[str, dict[str, Any]] | None:
        """(text, metadata) of a chunk the index holds; None for one it does not (written since it was built)."""
        at = self.position.get(chunk_id)
        return None if at is None else (self.texts[at], self.metas[at])

    def passage_terms(self, chunk_id: str, text: str) -> tuple[set[str], set[str]]:
        """``passage_terms(text)`` of a chunk: read from the index when it holds the chunk, else computed."""
        at = self.position.get(chunk_id)
        if at is None:
            return passage_terms(text)
        keys, names = self.terms[at]
        return set(keys.split()), set(names.split())

    def save(self, folder: Path) -> None:
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.ids:
            self.bm25.save(str(tmp / "bm25"), show_progress=False)
        table = {"ids": self.ids, "texts": self.texts, "metas": self.metas, "terms": self.terms}
        (tmp / "chunks.json").write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
        (tmp / "format").write_text(FORMAT, encoding="utf-8")
        (tmp / "generation").write_text(self.generation, encoding="utf-8")
        crash_point("lexical-save")
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)  # readers see the old index or the new one, never half of one

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex | None:
        import bm25s

        try:
            if (folder / "format").read_text(encoding="utf-8") != FORMAT:
                return None
            generation = (folder / "generation").read_text(encoding="utf-8")
            table = json.loads((folder / "chunks.json").read_text(encoding="utf-8"))
            ids = table["ids"]
            bm25 = bm25s.BM25.load(str(folder / "bm25"), show_progress=False) if ids else bm25s.BM25()
            terms = [(keys, names) for keys, names in table["terms"]]
            return cls(ids, table["texts"], table["metas"], terms, bm25, generation)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def scores(self, text: str) -> np.ndarray:
        """BM25 score of every chunk for ``text`` (zeros when no query term is in the vocabulary)."""
        with self._cache_lock:
            cached = self._cache.get(text)
        if cached is None:
            cached = self._scores(text)
            with self._cache_lock:
                if len(self._cache) >= 8:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[text] = cached
        return cached

    def _scores(self, text: str) -> np.ndarray:
        if not self.ids:
            return np.zeros(0, dtype=np.float32)
        tokens = [t for t in _tokenize([text], ids=False)[0] if t in self.bm25.vocab_dict]
        if not tokens:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self.bm25.get_scores(tokens), dtype=np.float32)

    def knows(self, text: str) -> bool:
        """Whether every indexed word of ``text`` (stop words aside) occurs in some chunk."""
        tokens = _tokenize([text], ids=False)[0]
        return all(t in self.bm25.vocab_dict for t in tokens) if self.ids else False

    def date_mask(self, since: int | None, until: int | None) -> np.ndarray | None:
        if since is None and until is None:
            return None
        mask = self.published > 0
        if since is not None:
            mask &= self.published >= since
        if until is not None:
            mask &= self.published <= until
        return mask

    def article_mask(self, article_ids: frozenset[str]) -> np.ndarray:
        """True for the chunks of the given articles (a chunk id is ``ARTICLE_ID#INDEX:HASH``)."""
        return np.fromiter((cid.rsplit("#", 1)[0] in article_ids for cid in self.ids), dtype=bool, count=len(self.ids))

    def top(self, scores: np.ndarray, k: int, mask: np.ndarray | None = None) -> list[LexicalHit]:
        if scores.size == 0:
            return []
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        k = min(k, scores.size)
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [LexicalHit(int(i), float(scores[i])) for i in best if scores[i] > 0]


_stem_lock = threading.Lock()


def _tokenize(texts: list[str], ids: bool = True) -> Any:
    import bm25s
    import Stemmer

    with _stem_lock:  # PyStemmer objects are not thread-safe
        return bm25s.tokenize(
            texts, stopwords="en", stemmer=Stemmer.Stemmer("english"), show_progress=False, return_ids=ids
        )
