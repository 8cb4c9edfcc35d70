"""The real embedding model: ``embed_ids`` (ingestion's path, pieces from one tokenisation) and ``embed`` (which
tokenises and calls it) give the vectors ``SentenceTransformer.encode`` gives for the same texts; where the model
runs (``embedding_device``) and in which precision, resolved without a GPU."""

from __future__ import annotations

import numpy as np
import pytest

from rag.embed import DEVICES, DTYPES, Embedder, _batches, resolve_device, resolve_dtype
from rag.errors import ModelError
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
    # ``embed`` (question time: numpy, float32) and ``embed_ids`` (ingestion: torch, in ``embedding_dtype``)
    assert np.sum(embedder.embed(texts) * by_ids, axis=1).min() > (0.9999 if embedder.dtype == "float32" else 0.995)
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


@pytest.fixture()
def no_gpu(monkeypatch: pytest.MonkeyPatch) -> None:
    """torch sees neither a CUDA GPU nor Apple's MPS (as on this machine; patched so that it holds anywhere)."""
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)


def test_auto_device_is_the_cpu_without_a_gpu_and_a_missing_gpu_is_a_clear_error(no_gpu) -> None:  # type: ignore[no-untyped-def]
    assert resolve_device("auto") == "cpu"
    assert Embedder().device == "cpu" and Embedder(device="cpu").device == "cpu"
    with pytest.raises(ModelError, match=r"embedding_device is 'cuda' but torch sees no CUDA GPU: .+"):
        resolve_device("cuda")
    asked = Embedder(device="cuda")  # cheap: nothing is resolved or loaded yet
    with pytest.raises(ModelError, match=r"no CUDA GPU: .*Set embedding_device to cpu or auto"):
        asked.embed(["The ferry leaves at noon."])  # the model would load here: it fails first, saying how to fix it
    with pytest.raises(ModelError, match=r"embedding_device is 'mps' but .*Set embedding_device to cpu or auto"):
        resolve_device("mps")
    with pytest.raises(ModelError, match=r"embedding_device must be one of auto, cpu, cuda, mps\. .*'tpu'"):
        Embedder(device="tpu")


def test_auto_device_prefers_cuda_then_mps() -> None:
    assert resolve_device("auto", cuda=True, mps=True) == "cuda"
    assert resolve_device("auto", cuda=False, mps=True) == "mps"
    assert resolve_device("auto", cuda=False, mps=False) == "cpu"
    assert resolve_device("cuda", cuda=True, mps=False) == "cuda"
    assert resolve_device("cpu", cuda=True, mps=True) == "cpu"  # an explicit CPU stays on the CPU


def test_a_gpu_runs_half_precision_unless_told_otherwise_and_the_cpu_keeps_its_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import torch

    amx = frozenset({"avx512_bf16", "amx_bf16"})
    assert resolve_dtype("auto", device="cuda") == resolve_dtype("auto", device="mps") == "float16"
    assert resolve_dtype("float32", device="cuda") == "float32"  # an explicit choice is kept
    assert resolve_dtype("bfloat16", device="cuda") == "bfloat16"
    assert resolve_dtype("auto", amx, device="cpu") == "bfloat16" and resolve_dtype("auto", frozenset()) == "float32"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)  # as on a GPU machine; nothing is loaded
    assert Embedder(device="cuda").dtype == Embedder().dtype == "float16"
    assert Embedder(device="cuda", dtype="float32").dtype == "float32"
    assert Embedder(device="cpu").dtype == resolve_dtype("auto")  # the CPU's rule, as before


def test_the_device_is_not_in_the_fingerprint() -> None:
    """Vectors from a GPU and from the CPU mix in one store: moving to a GPU machine re-embeds nothing."""
    fingerprints = {Embedder(device=d, dtype=t).fingerprint for d in DEVICES for t in DTYPES}
    assert fingerprints == {Embedder().fingerprint}


def test_word_vectors_put_words_of_one_meaning_close_and_others_apart(embedder) -> None:  # type: ignore[no-untyped-def]
    from rag.answer import ExtractiveAnswerer

    words = ["phone", "telephone", "protesters", "demonstrators", "university", "snow"]
    v = embedder.word_vectors(words)
    assert v.shape == (6, embedder.dim)
    near = ExtractiveAnswerer.NEAR_WORD
    assert v[0] @ v[1] >= near and v[2] @ v[3] >= near
    assert v[0] @ v[4] < near and v[2] @ v[5] < near and v[0] @ v[3] < near


def test_word_vectors_are_the_same_from_the_kept_pieces_and_unreadable_words_are_zeros(embedder) -> None:  # type: ignore[no-untyped-def]
    words = ["telephone", "phone", "☃☃", ""]
    first = embedder.word_vectors(words)
    assert {"telephone", "phone"} <= set(embedder._word_pieces)
    again = embedder.word_vectors(list(reversed(words)))
    assert np.allclose(first, again[::-1])
    assert not first[2].any() and not first[3].any()
