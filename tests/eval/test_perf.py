"""`newsrag eval perf` on a tiny invented dataset (real model, real store, real peers and a real server): every
figure is there and sane. The figures that matter come from running it on rtqa-dev, not from tests."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eval.perf import coverage
from rag.embed import Embedder, resolve_dtype
from tests.eval.test_bench import dataset  # noqa: F401 - the fixture

pytestmark = pytest.mark.slow


def test_perf_prints_every_figure(dataset: Path, tmp_path: Path) -> None:  # noqa: F811
    from ui.cli import main

    result = CliRunner().invoke(
        main,
        [
            "eval",
            "perf",
            "--dataset",
            str(dataset),
            "--limit",
            "3",
            "--work",
            str(tmp_path / "w"),
            "--backends",
            "float32,bfloat16",
        ],
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    for key in (
        "ingest_s",
        "bare_encode_s",
        "raw_encode_s",
        "overhead",
        "reingest_unchanged_s",
        "quickstart_ingest_s",
        "li256_ingest_s",
        "speedup_vs_li256",
        "retrieve_p99_ms",
        "answer_p50_ms",
        "serve_peak_rss_mb",
        "ingest_peak_rss_mb",
    ):
        assert figures[key] is not None and figures[key] > 0, key
    assert figures["coverage"] == 1.0 and figures["quickstart_coverage"] == 1.0  # tiny articles fit any window
    assert figures["articles"] == 3 and figures["chunks"] >= 3 and figures["questions"] == 2
    assert figures["answer_recall@5"] == 1.0 and figures["embedding_dtype"] == resolve_dtype("auto")
    # each backend tried has its own fresh store, speed and recall, so speed never silently costs quality
    assert set(figures["backends"]) == {"float32", "bfloat16"}
    for backend in figures["backends"].values():
        assert backend["ingest_s"] > 0 and backend["chunks"] == figures["chunks"] and backend["answer_recall@5"] == 1.0
    assert 0 <= figures["reingest_ratio"] < 1


def test_perf_refuses_an_unknown_backend(tmp_path: Path) -> None:
    from ui.cli import main

    result = CliRunner().invoke(main, ["eval", "perf", "--work", str(tmp_path), "--backends", "int4"])
    assert result.exit_code == 2 and "int4" in result.output


def test_coverage_counts_only_the_word_pieces_inside_each_chunks_window(embedder: Embedder) -> None:
    text = " ".join(f"word{i}" for i in range(400))  # far more than one window of word pieces
    whole = coverage([("a", text)], {"a": [(0, len(text))]}, embedder)
    assert 0.1 < whole < 0.9  # one chunk of everything: the model sees only its first 254 word pieces
    half = len(text) // 2
    split = coverage([("a", text)], {"a": [(0, half), (half, len(text))]}, embedder)
    assert split > whole
    assert coverage([("a", "short text")], {"a": [(0, 10)]}, embedder) == 1.0
