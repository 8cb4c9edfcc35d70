"""`newsrag eval scale` on a tiny generated corpus: the order the store grows in, the options it refuses, and one
real run (real model, real stores, child processes) twice, the second embedding nothing. The figures that matter
come from running it on rtqa-dev and rtqa-train, not from tests: nothing here asserts a time."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from eval.scale import ALL, Corpus, check_sizes, growth, order_corpus, parse_sizes, pick_questions, targets
from rag.errors import NewsragError

TOPICS = ["harbour ferry", "chess club", "apple orchard", "mountain railway", "city library", "river bridge"]
NAMES = ["Idris Okonkwo", "Miriam Tallis", "Grete Solberg", "Tomas Varga", "Lena Hart", "Omar Pell"]


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def bench(tmp_path: Path) -> tuple[Path, Path]:
    """A dataset in the rtqa-dev format (6 articles, 5 questions about them) and a dump of 24 distractors."""
    folder = tmp_path / "ds"
    folder.mkdir()
    articles = [
        {
            "id": f"ds-{i}",
            "url": f"https://example.invalid/ds/{i}",
            "title": f"The {topic} of Pellworth",
            "published": f"2024-05-{i + 1:02d}",
            "text": f"{name} opened the new {topic} in Pellworth on Monday. It cost {100 + 7 * i} thousand crowns.",
        }
        for i, (topic, name) in enumerate(zip(TOPICS, NAMES, strict=True))
    ]
    questions = [
        {
            "id": f"q{i}",
            "date": f"2024-05-{i + 3:02d}",
            "question": f"Who opened the new {TOPICS[i]} in Pellworth?",
            "choices": [NAMES[i], NAMES[i + 1]],
            "answer": NAMES[i],
        }
        for i in range(5)
    ]
    _jsonl(folder / "articles.jsonl", articles)
    _jsonl(folder / "questions.jsonl", questions)
    distractors = [
        {
            "id": f"other-{i}",
            "url": f"https://example.invalid/other/{i}",
            "title": f"Weather in district {i}",
            "published": "2024-04-01",
            "text": f"Rain is expected in district {i} on Tuesday, with winds of {20 + i} kilometres an hour.",
        }
        for i in range(24)
    ]
    return folder, _jsonl(tmp_path / "other.jsonl", distractors)


def _args(bench: tuple[Path, Path], work: Path, *extra: str) -> list[str]:
    folder, other = bench
    corpora = ["--corpus", str(folder / "articles.jsonl"), "--corpus", str(other)]
    return ["eval", "scale", "--dataset", str(folder), *corpora, "--work", str(work), *extra]


def test_sizes_must_be_positive_and_increase() -> None:
    assert parse_sizes("1000,4000,9000") == [1000, 4000, 9000]
    assert parse_sizes("1000, 4000, all") == [1000, 4000, ALL]
    for bad, why in (
        ("20,10", "must increase"),
        ("10,10", "must increase"),
        ("0,5", "positive"),
        ("1k", "whole"),
        ("all,10", "the last may be 'all'"),
    ):
        with pytest.raises(NewsragError, match=why):
            parse_sizes(bad)


def test_all_is_every_article_but_the_held_out_one(tmp_path: Path) -> None:
    corpus = Corpus(tmp_path / "corpus.jsonl", count=30, front=6, bench_key="k")
    assert check_sizes([10, ALL], corpus, quality=True) == [10, 29]
    with pytest.raises(NewsragError, match="'all' is 29 articles here"):
        check_sizes([29, ALL], corpus, quality=False)
    with pytest.raises(NewsragError, match="needs 31 distinct articles"):
        check_sizes([10, 30], corpus, quality=False)


def test_the_dataset_comes_first_and_repeats_are_left_out(bench: tuple[Path, Path], tmp_path: Path) -> None:
    folder, other = bench
    repeats = _jsonl(
        tmp_path / "repeats.jsonl",
        [
            {"id": "ds-0", "title": "same id", "text": "Another text under a dataset article's id."},
            {"id": "copy", "title": "same text", "text": json.loads(other.read_text().splitlines()[3])["text"]},
            {"id": "empty", "title": "no text", "text": "  "},
            {"id": "new", "title": "kept", "text": "A text nobody wrote before."},
        ],
    )
    corpus = order_corpus(folder, None, [other, folder / "articles.jsonl", repeats], tmp_path / "w")
    ids = [json.loads(line)["id"] for line in corpus.path.read_text().splitlines()]
    assert ids[:6] == [f"ds-{i}" for i in range(6)] and corpus.front == 6
    assert ids[6:] == [f"other-{i}" for i in range(24)] + ["new"] and corpus.count == 31
    # kept: the next run with the same inputs reads the order instead of writing it again
    corpus.path.write_text(corpus.path.read_text().replace("other-0", "other-zero"))
    again = order_corpus(folder, None, [other, folder / "articles.jsonl", repeats], tmp_path / "w")
    assert again == corpus and "other-zero" in again.path.read_text()


def test_questions_answerable_at_the_smallest_size_come_first(bench: tuple[Path, Path], tmp_path: Path) -> None:
    folder, other = bench
    corpus = order_corpus(folder, None, [other], tmp_path / "w")
    picked = pick_questions(folder, corpus, 3, 5)  # only ds-0 .. ds-2 are within the first 3 articles
    assert [q["answerable"] for q in picked] == [True, True, True, False, False]
    assert {q["question"] for q in picked[:3]} == {f"Who opened the new {t} in Pellworth?" for t in TOPICS[:3]}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--sizes", "10,30"], "needs 31 distinct articles"),  # 30 articles: one must be left to add
        (["--sizes", "20,10"], "must increase"),
        (["--sizes", "3,5"], "--no-quality"),  # the quality comparison needs the dataset's 6 articles inside
        (["--sizes", "10,20", "--questions-limit", "0"], "--questions-limit must be at least 1"),
        (["--sizes", "10,20", "--limit", "0"], "--limit must be greater than 0"),
    ],
)
def test_bad_options_fail_before_any_work(
    bench: tuple[Path, Path], tmp_path: Path, extra: list[str], message: str
) -> None:
    from ui.cli import main

    result = CliRunner().invoke(main, _args(bench, tmp_path / "w", *extra))
    assert result.exit_code in (1, 2) and message in result.output, result.output
    assert not list((tmp_path / "w").glob("**/store-*"))  # refused before any store was made


def test_growth_and_targets_compare_the_largest_size_with_the_smallest() -> None:
    def row(ingest: float, first: float, p50: float, beyond: float, serve: float) -> dict:
        add = {"add_and_answer_s": beyond + 1, "beyond_embedding_s": beyond}
        return {
            "chunks": 100,
            "ingest": {"peak_rss_mb": ingest},
            "serve": {"first_answer_s": first, "answer_p50_ms": p50, "add": add, "peak_rss_mb": serve},
        }

    rows = [row(1000, 2.0, 100, 1.0, 800), row(1300, 2.5, 140, 1.5, 900)]
    grown = growth(rows)
    assert grown["ingest_peak_rss_mb"] == {"from": 1000, "to": 1300, "change": 300, "ratio": 1.3}
    assert grown["chunks"]["change"] == 0 and "answer_p95_ms" not in grown  # a figure not measured is left out
    met = {name: t["met"] for name, t in targets(rows, grown).items()}
    assert met == {
        "add_beyond_embedding_s": True,
        "first_answer_s": True,
        "answer_p50_ms": True,
        "ingest_peak_rss_growth_mb": False,  # 300 > 200
        "serve_peak_rss_growth_mb": True,
    }


@pytest.mark.slow
def test_a_run_measures_every_size_and_a_second_run_embeds_nothing(bench: tuple[Path, Path], tmp_path: Path) -> None:
    from ui.cli import main

    work = tmp_path / "work"
    first = CliRunner().invoke(
        main, _args(bench, work, "--sizes", "4,12", "--questions-limit", "2", "--probe-articles", "3")
    )
    assert first.exit_code == 0, first.output
    out = json.loads(first.stdout)
    assert [r["size"] for r in out["sizes"]] == [4, 12]
    assert [r["stored_articles"] for r in out["sizes"]] == [4, 12]
    assert out["sizes"][0]["chunks"] < out["sizes"][1]["chunks"]
    # stages: each size, and the dataset's 6 articles alone (copied to eval bench's store for --quality)
    assert [(s["articles"], s["added"]) for s in out["ingestion"]] == [(4, 4), (6, 2), (12, 6)]
    grown_by = out["sizes"][1]["ingest"]  # from 4 to 12 articles: both stages on the way, summed
    assert grown_by["stages"] == [6, 12] and grown_by["added"] == 8 and grown_by["from_articles"] == 4
    assert grown_by["peak_rss_mb"] == max(s["peak_rss_mb"] for s in out["ingestion"][1:])
    for r in out["sizes"]:
        serve = r["serve"]
        assert serve["questions"] == 2 and serve["answerable"] == 2  # 4 articles hold the answers asked
        assert serve["first_answer_s"] > serve["first_answer_after_imports_s"] > 0
        assert serve["peak_rss_mb"] >= serve["peak_rss_before_add_mb"] > 0
        assert serve["add"]["chunks"] >= 1 and serve["add"]["found_by_search"]
        assert serve["add"]["ingest_model_load_s"] > 0  # torch loads at the first write, timed apart from it
        assert 0 < serve["vector_index_mb"] < serve["peak_rss_mb"]  # Chroma's HNSW files, held whole in memory
        assert serve["peak_rss_less_vector_index_mb"] == pytest.approx(
            serve["peak_rss_mb"] - serve["vector_index_mb"], abs=0.11
        )
        assert serve["add"]["beyond_embedding_s"] == pytest.approx(
            serve["add"]["add_and_answer_s"] - serve["add"]["embedding_s"], abs=0.002
        )
    # the order's last article (in no size's store) is the one added, the same at every size
    assert [r["serve"]["add"]["article_id"] for r in out["sizes"]] == ["other-23", "other-23"]
    # the probe: the same 3 new articles into each size, embedded there and deleted again
    assert out["chroma"] == "embedded" and "chroma_server" not in out["sizes"][0]
    for r in out["sizes"]:
        assert r["probe"]["added"] == 3 and r["probe"]["chunks"] >= 3
        assert r["probe"]["total_chunks"] == r["chunks"] + r["probe"]["chunks"]  # it went into this size's store
        assert r["probe"]["peak_rss_mb"] > 0
    assert out["targets"]["ingest_peak_rss_growth_mb"]["value"] == out["growth"]["probe_ingest_peak_rss_mb"]["change"]
    assert set(out["growth"]) >= {"ingest_peak_rss_mb", "first_answer_s", "answer_p50_ms", "serve_peak_rss_mb"}
    # Chroma writes its HNSW files in batches (a few dozen chunks stay in its queue), so no growth is asserted here
    assert {"vector_index_mb", "serve_peak_rss_less_vector_index_mb"} <= set(out["growth"])
    assert set(out["targets"]) == {
        "add_beyond_embedding_s",
        "first_answer_s",
        "answer_p50_ms",
        "ingest_peak_rss_growth_mb",
        "serve_peak_rss_growth_mb",
    }
    quality = out["quality"]
    assert quality["questions"] == 5 and quality["answerable"] == 5
    assert quality["alone"]["stored_articles"] == 6 and quality["combined"]["stored_articles"] == 12
    assert quality["alone"]["answer_recall@5"] == 1.0
    assert set(quality["change"]) == {"answer_recall@5", "answer_recall@1000words", "mrr"}

    # the dumps copied again (new mtimes, the same bytes: a fresh checkout of ../shared) are the same inputs
    for dump in (bench[0] / "articles.jsonl", bench[1]):
        os.utime(dump, (dump.stat().st_atime + 3600, dump.stat().st_mtime + 3600))
    # a probe article left by a run cut short goes before anything is counted
    from ingest.run import ingest_paths
    from rag.settings import Settings

    leftover = _jsonl(tmp_path / "leftover.jsonl", [{"id": "scale-probe-7", "text": "A probe copy left behind."}])
    store_12 = next(work.glob("scale-*/store-12"))
    assert ingest_paths([str(leftover)], Settings(store=str(store_12)), progress=False).added == 1
    # again, each size served from a Chroma server over its store (server mode): same stores, nothing re-embedded
    second = CliRunner().invoke(
        main,
        _args(bench, work, "--sizes", "4,12", "--questions-limit", "2", "--no-quality", "--chroma-server")
        + ["--probe-articles", "2"],
    )
    assert second.exit_code == 0, second.output
    again = json.loads(second.stdout)
    assert again["chroma"] == "server"
    for r in again["sizes"]:
        assert r["serve"]["vector_index_mb"] == 0  # the server holds the index, not the serving process
        assert r["chroma_server"]["peak_rss_mb"] >= r["chroma_server"]["peak_rss_serving_mb"] > 0
        assert r["probe"]["added"] == 2 and r["serve"]["answerable"] == 2
    assert [s["chunks_this_run"] for s in again["ingestion"]] == [0, 0]  # the stores were reused
    assert all(s["from_earlier_run"] for s in again["ingestion"])
    assert [r["ingest"]["chunks_this_run"] for r in again["sizes"]] == [0, 0]
    assert [r["stored_articles"] for r in again["sizes"]] == [4, 12]  # the held-out article did not stay
    assert again["sizes"][1]["serve"]["add"]["chunks"] >= 1  # and is added (embedded) again
    assert "quality" not in again


def test_a_childs_peak_memory_is_its_own_not_its_parents() -> None:
    """Linux carries ``ru_maxrss`` across exec: a child of a big parent reported the parent's peak as its own."""
    import subprocess
    import sys

    from eval.ingest_memory import peak_mb

    ballast = bytearray(300 * 2**20)  # the parent's peak: at least 300 MB
    assert peak_mb() >= 300
    code = "from eval.ingest_memory import peak_mb; print(peak_mb())"
    child = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert 0 < float(child.stdout.strip()) < 200, child.stdout
    del ballast


def test_chroma_server_without_a_chroma_command_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eval.scale import chroma_for

    monkeypatch.setattr("sys.executable", str(tmp_path / "python"))  # no `chroma` beside it
    monkeypatch.setenv("PATH", str(tmp_path))  # nor on PATH
    with pytest.raises(NewsragError, match="no `chroma` command was found"), chroma_for(tmp_path, tmp_path, True):
        pass
    with chroma_for(tmp_path, tmp_path, False) as (url, pid):  # embedded: nothing to start
        assert (url, pid) == ("", None)
