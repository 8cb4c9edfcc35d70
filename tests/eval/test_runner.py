"""The golden set through the real pipeline, and the gate catching broken retrieval."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from eval.golden import load_golden
from eval.runner import run_golden
from ingest.run import ingest_paths
from tests.conftest import ROOT

GOLDEN = ROOT / "eval" / "golden" / "sample.yaml"
BASELINE = ROOT / "eval" / "golden" / "sample.baseline.json"


@pytest.fixture(scope="module")
def golden_store(tmp_path_factory, embedder) -> Path:  # type: ignore[no-untyped-def]
    from rag.settings import load_settings

    store = tmp_path_factory.mktemp("golden") / "store"
    settings = load_settings(env={}, overrides={"store": str(store)})
    report = ingest_paths([str(p) for p in load_golden(GOLDEN).corpus], settings, embedder=embedder, progress=False)
    assert report.ok
    return store


def test_run_scores_every_case_through_the_pipeline(golden_store: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    from rag.settings import load_settings

    settings = load_settings(env={}, overrides={"store": str(golden_store)})
    run = run_golden(load_golden(GOLDEN), settings, use_store=True, embedder=embedder, progress=False)
    by_id = {c.id: c for c in run.cases}
    assert by_id["seed-universities"].passed and by_id["seed-universities"].hit_at_k == 1.0
    assert by_id["abstain-world-cup"].abstained and by_id["abstain-world-cup"].citation_recall is None
    assert run.aggregate["answer_accuracy"] >= 0.8 and run.aggregate["citation_recall"] >= 0.8
    assert run.aggregate["total_p50_ms"] > 0
    # a follow-up case is asked after its history, and records what it was searched as
    assert by_id["follow-he"].searched == "What did Mishustin say about athletes?" and by_id["follow-he"].passed
    assert by_id["seed-universities"].searched == ""


def test_the_gate_fails_with_a_readable_diff_on_a_wrong_collection(golden_store: Path) -> None:
    from ui.cli import main

    result = CliRunner().invoke(
        main,
        [
            "--store",
            str(golden_store),
            "--config",
            _config(golden_store, "collection = 'nosuch'"),
            "eval",
            "run",
            str(GOLDEN),
            "--use-store",
            "--baseline",
            str(BASELINE),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 1
    assert "REGRESSED seed-universities: What did Mishustin say about universities?" in result.output
    assert "passed -> FAILED" in result.output and "no collection 'nosuch_chunks'" in result.output
    assert "old answer: For example, when young people from Belarus" in result.output
    assert "answer_accuracy" in result.output and "FAILED: answers regressed" in result.output


def test_the_gate_fails_on_an_empty_store(tmp_path: Path) -> None:
    from rag.settings import load_settings
    from rag.store import Store

    empty = tmp_path / "empty"
    store = Store(load_settings(env={}, overrides={"store": str(empty)}))
    with store.writer():
        store.chunk_collection(create=True)
        store.article_collection(create=True)
    from ui.cli import main

    result = CliRunner().invoke(
        main,
        ["--store", str(empty), "eval", "run", str(GOLDEN), "--use-store", "--baseline", str(BASELINE)],
        catch_exceptions=False,
    )
    assert result.exit_code == 1
    assert "now abstains" in result.output and "REGRESSED chess-winner" in result.output


def _config(folder: Path, line: str) -> str:
    path = folder.parent / "override.toml"
    path.write_text(line + "\n")
    return str(path)
