"""The real embedding model: ``embed_ids`` (ingestion's path, pieces from one tokenisation) gives the vectors
``embed`` gives for the same texts."""

from __future__ import annotations

import numpy as np
import pytest

from tests.conftest import SAMPLE

pytestmark = pytest.mark.slow


def test_embed_ids_matches_embed_on_the_same_texts(embedder) -> None:  # type: ignore[no-untyped-def]
    seed = (SAMPLE / "000_131e969bff16db25.txt").read_text(encoding="utf-8")
    texts = [seed[i : i + 600] for i in range(0, len(seed), 600)]
    texts += ["Short one.", "A second, slightly longer sentence about the ferry timetable.", "word " * 400]
    tokenizer = embedder._load().tokenizer
    pieces = tokenizer(texts, add_special_tokens=False)["input_ids"]
    by_text = embedder.embed(texts)
    by_ids = embedder.embed_ids(pieces)
    assert by_ids.shape == by_text.shape and by_ids.dtype == np.float32
    assert np.allclose(np.linalg.norm(by_ids, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(by_ids * by_text, axis=1)
    assert cosines.min() > 0.999, cosines  # same order of rows, same vectors (bf16 rounding aside)
    # a text past the window is cut to it, as encode cuts it
    assert np.dot(embedder.embed_ids([pieces[-1][:254]])[0], by_ids[-1]) > 0.9999
    assert embedder.embed_ids([]).shape == (0, embedder.dim)
