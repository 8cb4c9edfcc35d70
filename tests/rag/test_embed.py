"""The real embedding model: ``embed_ids`` (ingestion's path, pieces from one tokenisation) and ``embed`` (which
tokenises and calls it) give the vectors ``SentenceTransformer.encode`` gives for the same texts."""

from __future__ import annotations

import numpy as np
import pytest

from rag.embed import _batches
from tests.conftest import SAMPLE

pytestmark = pytest.mark.slow


def test_embed_ids_matches_embed_on_the_same_texts(embedder) -> None:  # type: ignore[no-untyped-def]
    seed = (SAMPLE / "000_131e969bff16db25.txt").read_text(encoding="utf-8")
    texts = [seed[i : i + 600] for i in range(0, len(seed), 600)]
    texts += ["Short one.", "A second, slightly longer sentence about the ferry timetable.", "word " * 400]
    tokenizer = embedder._load().tokenizer
    pieces = tokenizer(texts, add_special_tokens=False)["input_ids"]
    by_text = embedder._load().encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    by_ids = embedder.embed_ids(pieces)
    assert by_ids.shape == by_text.shape and by_ids.dtype == np.float32
    assert np.allclose(np.linalg.norm(by_ids, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(by_ids * by_text, axis=1)
    # same order of rows, same vectors: bf16 rounding aside, which differs with the padding of a batch
    assert cosines.min() > 0.995, cosines
    assert np.allclose(embedder.embed(texts), by_ids, atol=1e-6)
    # a text past the window is cut to it, as encode cuts it
    assert np.dot(embedder.embed_ids([pieces[-1][:254]])[0], by_ids[-1]) > 0.9999
    assert embedder.embed_ids([]).shape == (0, embedder.dim)


def test_batches_are_runs_of_similar_length_in_order() -> None:
    lengths = [200, 10, 190, 250, 12, 60, 58, 11, 9, 180]
    order = np.argsort([-n for n in lengths], kind="stable")
    runs = _batches(order, lengths, 3)
    assert [i for run in runs for i in run] == list(order)  # every text once, longest first
    assert all(len(run) <= 3 for run in runs)
    for run in runs:  # no text is padded to more than 1/0.7 of its own length (special tokens included)
        assert all(lengths[i] + 2 >= 0.7 * (lengths[run[0]] + 2) for i in run)
    assert [[lengths[i] for i in run] for run in runs] == [[250, 200, 190], [180], [60, 58], [12, 11, 10], [9]]
