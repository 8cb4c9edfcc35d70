"""The newsrag command through click's CliRunner, with the real model and a real embedded store."""

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from rag.jsonout import load_schema
from tests.conftest import SAMPLE, SEED_ID

SEED_QUESTION = "What did Mishustin say about universities?"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def cli(runner: CliRunner):  # type: ignore[no-untyped-def]
    from ui.cli import main

    def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture()
def seeded(cli, corpus: Path, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    store = tmp_path / "cli-store"
    result = cli("--store", str(store), "ingest", str(corpus), "--json")
    assert result.exit_code == 0, result.output
    return store


def test_ingest_json_shape_and_exit_code(cli, corpus: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "s"
    result = cli("ingest", "--store", str(store), "--json", str(corpus))
    assert result.exit_code == 0
    report = json.loads(result.output)
    jsonschema.validate(report, load_schema("ingest"))
    assert report["added"] == 6 and report["failed"] == [] and report["chunks"] == report["total_chunks"] > 0


def test_ingest_reports_bad_files_by_name_and_exits_1(cli, corpus: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (corpus / "bad_date.txt").write_text(" date 2023-99-01 Body.")
    (corpus / "empty.md").write_text("")
    result = cli("--store", str(tmp_path / "s"), "ingest", str(corpus))
    assert result.exit_code == 1
    assert "bad_date.txt: bad date '2023-99-01'" in result.output
    assert "empty.md: empty file" in result.output
    assert "6 added" in result.output and "2 failed" in result.output
    assert "Traceback" not in result.output


def test_ingest_json_lists_failures_with_lines(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "Fine."}\n{"id": "b"}\n')
    result = cli("--store", str(tmp_path / "s"), "ingest", "--json", str(feed))
    assert result.exit_code == 1
    report = json.loads(result.output)
    jsonschema.validate(report, load_schema("ingest"))
    assert report["added"] == 1
    assert report["failed"] == [{"path": str(feed), "line": 2, "error": report["failed"][0]["error"]}]
    assert "'text'" in report["failed"][0]["error"]


def test_store_comes_from_the_environment(cli, runner, corpus: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSRAG_STORE", str(tmp_path / "env-store"))
    assert cli("ingest", str(SAMPLE)).exit_code == 0
    assert (tmp_path / "env-store" / "chroma").is_dir()


def test_ask_answers_the_seed_question_with_an_exact_citation(cli, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("ask", "--store", str(seeded), "--json", SEED_QUESTION)
    assert result.exit_code == 0
    answer = json.loads(result.output)
    jsonschema.validate(answer, load_schema("ask"))
    assert not answer["abstained"] and answer["mode"] == "extractive"
    text = answer["answer"]
    assert "Olympiads" in text and "Centralized Testing" in text and "1.3 thousand places" in text
    assert "[1]" in text
    seed_text = (SAMPLE / f"{SEED_ID}.txt").read_text(encoding="utf-8")[len(" date 2023-09-26 ") :]
    cited = [c for c in answer["citations"] if "1.3 thousand" in c["quote"]]
    assert cited and cited[0]["article_id"] == SEED_ID and cited[0]["supported"]
    assert seed_text[cited[0]["start"] : cited[0]["end"]] == cited[0]["quote"]
    source = answer["sources"][0]
    assert source["article_id"] == SEED_ID and source["published"] == "2023-09-26"
    assert source["url_or_path"] == f"{SEED_ID}.txt"  # relative to the ingested folder, never absolute


def test_ask_plain_output_shows_sources_and_spans(cli, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--store", str(seeded), "ask", SEED_QUESTION)
    assert result.exit_code == 0
    assert "Sources:" in result.output and "[1]" in result.output and "2023-09-26" in result.output


def test_ask_abstains_when_the_articles_do_not_say(cli, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--store", str(seeded), "ask", "--json", "Who won the 2018 FIFA World Cup final in Moscow?")
    answer = json.loads(result.output)
    jsonschema.validate(answer, load_schema("ask"))
    assert answer["abstained"] and answer["citations"] == [] and "don't say" in answer["answer"]


def test_ask_without_a_store_says_how_to_make_one(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--store", str(tmp_path / "none"), "ask", "anything?")
    assert result.exit_code == 1 and "newsrag ingest" in result.output


def test_ask_rejects_empty_questions_and_bad_dates(cli, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    assert "question is empty" in cli("--store", str(seeded), "ask", "   ").output
    result = cli("--store", str(seeded), "ask", "--since", "2023/01/01", "quota?")
    assert result.exit_code == 1 and "since must be a date YYYY-MM-DD" in result.output


def test_date_filters_exclude_articles_outside_the_range(cli, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    inside = json.loads(
        cli(
            "--store",
            str(seeded),
            "search",
            "--json",
            "--since",
            "2023-09-01",
            "--until",
            "2023-09-30",
            "--k",
            "10",
            "universities quota",
        ).output
    )
    assert inside["hits"] and {h["article_id"] for h in inside["hits"]} == {SEED_ID}
    after = json.loads(
        cli(
            "--store", str(seeded), "search", "--json", "--since", "2024-01-01", "--k", "10", "universities quota"
        ).output
    )
    assert SEED_ID not in {h["article_id"] for h in after["hits"]}
    assert all(h["published"] and h["published"] >= "2024-01-01" for h in after["hits"])  # undated ones left out


def test_search_json_shape_and_k(cli, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    result = json.loads(cli("--store", str(seeded), "search", "--k", "3", "--json", "seawall harbour").output)
    jsonschema.validate(result, load_schema("search"))
    assert len(result["hits"]) == 3
    assert result["hits"][0]["article_id"] == "101_invented_seawall"
    scores = [h["score"] for h in result["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_batch_keeps_order_adds_ids_and_reports_bad_lines(cli, seeded: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        json.dumps({"id": "q1", "question": SEED_QUESTION, "as_of": "2023-09-27", "extra": 1})
        + "\n"
        + "not json\n"
        + json.dumps({"id": "q3", "question": "How much will the Larkspur Bay seawall cost?"})
        + "\n"
        + json.dumps({"id": "q4", "question": "x", "since": "last week"})
        + "\n"
    )
    lines = [json.loads(line) for line in cli("--store", str(seeded), "ask", "--batch", str(batch)).output.splitlines()]
    assert [line["id"] for line in lines] == ["q1", None, "q3", "q4"]
    jsonschema.validate(lines[0], load_schema("ask"))
    jsonschema.validate(lines[1], load_schema("batch_error"))
    jsonschema.validate(lines[3], load_schema("batch_error"))
    assert "1.3 thousand" in lines[0]["answer"]
    assert lines[1]["line"] == 2 and "not valid JSON" in lines[1]["error"]
    assert "41 million euros" in lines[2]["answer"]
    assert "since must be a date" in lines[3]["error"]

    hits = [
        json.loads(x)
        for x in cli("--store", str(seeded), "search", "--batch", str(batch), "--k", "2").output.splitlines()
    ]
    assert [h["id"] for h in hits] == ["q1", None, "q3", "q4"]
    jsonschema.validate(hits[0], load_schema("search"))
    assert len(hits[0]["hits"]) == 2


def test_excluded_articles_from_a_flag_or_a_batch_line(cli, seeded: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def articles(*args: str) -> list[str]:
        out = json.loads(cli("--store", str(seeded), "search", "--json", "--k", "10", *args).output)
        return [h["article_id"] for h in out["hits"]]

    assert articles("seawall harbour")[0] == "101_invented_seawall"
    left = articles("--exclude-article", "101_invented_seawall", "--exclude-article", SEED_ID, "seawall harbour")
    assert left and not {"101_invented_seawall", SEED_ID} & set(left)

    batch = tmp_path / "exclude.jsonl"
    question = "How much will the Larkspur Bay seawall cost?"
    batch.write_text(
        json.dumps({"id": "kept", "question": question, "exclude_articles": ["102_invented_chess"]})
        + "\n"
        + json.dumps({"id": "out", "question": question, "exclude_articles": ["101_invented_seawall"]})
        + "\n"
        + json.dumps({"id": "bad", "question": question, "exclude_articles": [""]})
        + "\n"
        + json.dumps({"id": "bad2", "question": question, "exclude_articles": 7})
        + "\n"
    )
    lines = [json.loads(x) for x in cli("--store", str(seeded), "search", "--batch", str(batch)).output.splitlines()]
    assert [line["id"] for line in lines] == ["kept", "out", "bad", "bad2"]
    assert lines[0]["hits"][0]["article_id"] == "101_invented_seawall"
    assert lines[1]["hits"] and "101_invented_seawall" not in {h["article_id"] for h in lines[1]["hits"]}
    for line in lines[2:]:
        jsonschema.validate(line, load_schema("batch_error"))
        assert "exclude_articles must be a list of article ids" in line["error"]
    assert lines[3]["line"] == 4 and "exclude_articles is 7" in lines[3]["error"]


def test_unknown_environment_setting_fails_at_start(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSRAG_TOP_KK", "3")
    result = cli("settings")
    assert result.exit_code == 1 and "NEWSRAG_TOP_KK" in result.output


def test_serve_refuses_a_public_host_without_a_login(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("serve", "--host", "0.0.0.0")
    assert result.exit_code == 1 and "NEWSRAG_AUTH" in result.output
