"""Deterministic fakes for unit tests of logic: they still rank (texts sharing words are close)."""

from __future__ import annotations

import hashlib

import numpy as np

from rag.text import key_terms

DIM = 64


def word_vector(text: str) -> np.ndarray:
    """A bag of hashed stems, L2-normalised: cosine grows with shared key terms."""
    vec = np.zeros(DIM, dtype=np.float32)
    for term in key_terms(text):
        vec[int(hashlib.md5(term.encode()).hexdigest(), 16) % DIM] += 1.0
    norm = np.linalg.norm(vec)
    return vec / norm if norm else vec


def fake_embed(texts: list[str]) -> np.ndarray:
    return np.stack([word_vector(t) for t in texts]) if texts else np.zeros((0, DIM), dtype=np.float32)


def word_count_tokens(texts: list[str]) -> list[int]:
    return [len(t.split()) for t in texts]


def word_token_spans(text: str) -> list[tuple[int, int]]:
    import re

    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
