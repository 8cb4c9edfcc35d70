"""``python -m eval.gpu_check`` without a GPU (the tests run on the CPU): it says so and exits 0; its texts and its
comparison, checked with two CPU precisions standing in for the CPU and the GPU."""

from __future__ import annotations

import json

import pytest

from eval.gpu_check import check_texts, compare, main, synthetic_text


def test_without_cuda_it_says_so_and_exits_cleanly(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert main(["--texts", "10"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["cuda"] is False
    assert "sees no CUDA GPU" in err and "nothing to check here" in err


@pytest.mark.slow
def test_the_texts_are_the_sample_chunks_then_synthetic_ones_and_the_comparison_scores_them(embedder) -> None:  # type: ignore[no-untyped-def]
    from rag.embed import Embedder

    texts = check_texts(40, embedder)
    assert len(texts) == 40 and texts[0].startswith("Russian Prime Minister Mikhail Mishustin")
    assert synthetic_text(7) == synthetic_text(7) and len({len(synthetic_text(i).split()) for i in range(40)}) > 5
    figures = compare(Embedder(dtype="float32", device="cpu"), embedder, texts, min_cosine=0.99)
    assert figures["texts"] == 40 and figures["cpu_texts_per_s"] > 0 and figures["gpu_texts_per_s"] > 0
    assert figures["ok"] and 0.99 <= figures["min_cosine"] <= figures["mean_cosine"] <= 1.0 + 1e-5
    assert not compare(embedder, embedder, texts[:8], min_cosine=1.5)["ok"]  # below the bar: not ok
