"""Server mode against a real `chroma run` on 127.0.0.1: ingestion, answering, updates, deletes, copying a store,
and two app processes (two local folders) sharing one server."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.run import ingest_paths
from rag.errors import StoreError
from rag.pipeline import build_pipeline
from rag.store import Store, check_store
from rag.types import Query
from tests.conftest import SEED_ID
from ui.cli import main

pytestmark = pytest.mark.slow

SEED_QUESTION = "What did Mishustin say about universities?"


@pytest.fixture()
def server_settings(settings, chroma_server, tmp_path: Path):  # type: ignore[no-untyped-def]
    # a collection of its own per test: the server is shared by the session
    return replace(
        settings, chroma_url=chroma_server, collection=f"t{uuid.uuid4().hex[:10]}", store=str(tmp_path / "a")
    )


def test_ingest_and_answer_over_a_chroma_server(server_settings, corpus: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    report = ingest_paths([str(corpus)], server_settings, embedder=embedder, progress=False)
    assert report.ok and report.added > 5
    assert not (Path(server_settings.store) / "chroma").exists()  # nothing of the store lives in the folder
    answer = build_pipeline(server_settings, embedder=embedder).ask(Query(SEED_QUESTION))
    assert "1.3 thousand" in answer.text and answer.sources[0].article_id == SEED_ID
    again = ingest_paths([str(corpus)], server_settings, embedder=embedder, progress=False)
    assert again.unchanged == report.added and again.chunks == 0
    assert check_store(Store(server_settings)).ok


def test_two_app_processes_share_one_server_and_see_each_others_writes(
    server_settings, corpus: Path, embedder, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ingest_paths([str(corpus)], server_settings, embedder=embedder, progress=False)
    other = replace(server_settings, store=str(tmp_path / "b"))  # another process: its own local folder
    reader = build_pipeline(other, embedder=embedder)
    assert reader.search(Query("Tromsvik ferry pier", k=3))
    # the first process changes an article and deletes another; the second sees both, lexical index included
    (corpus / "101_invented_seawall.txt").write_text(
        " date 2024-03-12 The Larkspur Bay seawall plan was cancelled on Friday by the harbour board.\n",
        encoding="utf-8",
    )
    assert ingest_paths([str(corpus)], server_settings, embedder=embedder, progress=False).updated == 1
    writer = Store(server_settings)
    with writer.writer():
        writer.delete_articles([SEED_ID])
    lexical = build_pipeline(replace(other, retrieval="lexical", rerank=False), embedder=embedder)
    hits = lexical.search(Query("seawall cancelled harbour board", k=3))
    assert hits and "cancelled" in hits[0].chunk.text
    assert all(h.chunk.article_id != SEED_ID for h in reader.search(Query(SEED_QUESTION, k=10)))
    assert all(h.chunk.article_id != SEED_ID for h in lexical.search(Query(SEED_QUESTION, k=10)))
    # each process's local FTS5 index (its own folder) holds exactly the server's chunks, texts and metadata
    for settings in (server_settings, other):
        store = Store(settings)
        index = store.lexical()
        rows = store.all_chunks()
        assert sorted(index.ids()) == sorted(cid for cid, _, _ in rows)
        assert all(index.chunk(cid) == (text, meta) for cid, text, meta in rows)
        assert store.lexical_current() and check_store(store).ok


def test_store_copy_from_a_folder_to_a_server_keeps_everything(
    ingested, embedder, chroma_server, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    settings, report = ingested
    collection = settings.collection  # the same collection name on both sides (no other test uses it there)
    result = CliRunner().invoke(
        main,
        [
            "store",
            "copy",
            "--from",
            settings.store,
            "--to",
            chroma_server,
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    target = replace(settings, chroma_url=chroma_server, collection=collection, store=str(tmp_path / "c"))
    assert Store(target).count_chunks() == report.total_chunks
    assert Store(target).manifest().keys() == Store(settings).manifest().keys()
    local = build_pipeline(settings, embedder=embedder).search(Query(SEED_QUESTION, k=5))
    remote = build_pipeline(target, embedder=embedder).search(Query(SEED_QUESTION, k=5))
    assert [h.chunk.id for h in remote] == [h.chunk.id for h in local]
    # copying again is idempotent
    again = CliRunner().invoke(
        main,
        [
            "store",
            "copy",
            "--from",
            settings.store,
            "--to",
            chroma_server,
        ],
    )
    assert again.exit_code == 0 and Store(target).count_chunks() == report.total_chunks


def _config(tmp_path: Path, collection: str) -> Path:
    path = tmp_path / "newsrag.toml"
    path.write_text(f'collection = "{collection}"\n', encoding="utf-8")
    return path


def test_cli_ingest_and_ask_with_chroma_url(corpus: Path, chroma_server, tmp_path: Path) -> None:
    config = _config(tmp_path, f"cli{uuid.uuid4().hex[:8]}")
    base = ["--config", str(config), "--chroma-url", chroma_server, "--store", str(tmp_path / "local")]
    ingest = CliRunner().invoke(main, [*base, "ingest", "--json", str(corpus)])
    assert ingest.exit_code == 0, ingest.output
    ask = CliRunner().invoke(main, [*base, "ask", SEED_QUESTION])
    assert ask.exit_code == 0 and "1.3 thousand" in ask.stdout


def test_an_unreachable_server_is_a_clear_error(settings) -> None:  # type: ignore[no-untyped-def]
    from eval.process import free_port

    port = free_port()
    with pytest.raises(StoreError, match="Cannot reach the Chroma server.*make chroma"):
        Store(replace(settings, chroma_url=f"http://127.0.0.1:{port}")).exists()
