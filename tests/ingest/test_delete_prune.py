"""Deleting articles, pruning vanished files, and `store check --repair`, over a real embedded store."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from ingest.run import ingest_paths
from rag.pipeline import build_pipeline
from rag.store import Store, check_store, repair_store
from rag.types import Query
from tests.conftest import SEED_ID
from ui.cli import main


def _everywhere(settings, article_id: str) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    store = Store(settings)
    chunks = store.chunk_collection().get(where={"article_id": article_id}, include=[])["ids"]
    lexical = store.lexical()
    return {
        "record": article_id in store.manifest(),
        "text": store.get_article(article_id) is not None,
        "chunks": bool(chunks),
        "lexical": any(cid.rsplit("#", 1)[0] == article_id for cid in lexical.ids()),
    }


def test_delete_removes_an_article_everywhere_and_reports_unknown_ids(ingested, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, _ = ingested
    assert all(_everywhere(settings, SEED_ID).values())
    result = CliRunner().invoke(
        main, ["--store", settings.store, "delete", "--json", SEED_ID, "no-such-article"], catch_exceptions=False
    )
    assert result.exit_code == 1  # an unknown id is an error; the known one is still deleted
    assert json.loads(result.stdout) == {"deleted": [SEED_ID], "unknown": ["no-such-article"]}
    assert not any(_everywhere(settings, SEED_ID).values())
    hits = build_pipeline(settings, embedder=embedder).search(Query("Mishustin universities Belarus", k=10))
    assert all(h.chunk.article_id != SEED_ID for h in hits)
    assert check_store(Store(settings)).ok


def test_prune_removes_articles_whose_files_are_gone_from_the_same_paths_only(
    settings, corpus: Path, embedder, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other"
    other.mkdir()
    (other / "elsewhere.txt").write_text(" date 2024-01-02 The Quarry Lane bakery opened a second shop.\n")
    assert ingest_paths([str(corpus), str(other)], settings, embedder=embedder, progress=False).ok
    (corpus / "102_invented_chess.txt").unlink()  # a file gone
    lines = (corpus / "104_invented_feed.jsonl").read_text().splitlines()
    (corpus / "104_invented_feed.jsonl").write_text("\n".join(lines[1:]) + "\n")  # a JSONL line gone
    # ingesting the corpus folder alone with --prune: the other folder's article stays
    report = ingest_paths([str(corpus)], settings, embedder=embedder, progress=False, prune=True)
    assert set(report.pruned) == {"102_invented_chess", "inv-rail-1"}
    manifest = Store(settings).manifest()
    assert "elsewhere" in manifest and "102_invented_chess" not in manifest and "inv-rail-1" not in manifest
    assert not any(_everywhere(settings, "102_invented_chess").values())
    # without --prune nothing is removed
    (corpus / "103_invented_orchard.md").unlink()
    assert ingest_paths([str(corpus)], settings, embedder=embedder, progress=False).pruned == []
    assert "103_invented_orchard" in Store(settings).manifest()


def test_prune_keeps_the_articles_of_a_file_that_failed_to_read(settings, corpus: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    assert ingest_paths([str(corpus)], settings, embedder=embedder, progress=False).ok
    (corpus / "102_invented_chess.txt").write_bytes(b"\xff\xfe\x00broken \x00 bytes")
    report = ingest_paths([str(corpus)], settings, embedder=embedder, progress=False, prune=True)
    assert any(f.path.endswith("102_invented_chess.txt") for f in report.failed)
    assert "102_invented_chess" not in report.pruned and "102_invented_chess" in Store(settings).manifest()


def test_store_check_finds_and_repairs_orphans_incomplete_articles_and_a_bad_index(
    ingested, corpus: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    settings, _ = ingested
    store = Store(settings)
    assert check_store(store).ok
    # damage: a record without its chunks (incomplete), chunks without a record (orphans), a lexical index that
    # claims the current generation but holds other chunks
    seed_chunks = store.chunk_collection().get(where={"article_id": SEED_ID}, include=[])["ids"]
    store.chunk_collection().delete(ids=seed_chunks[:1])
    store.article_collection().delete(ids=["102_invented_chess"])
    index = store.lexical()
    dropped = index.ids()[-1]
    with sqlite3.connect(index.path) as db:  # a row lost from both tables at the current generation
        db.execute("DELETE FROM fts WHERE rowid = (SELECT n FROM chunks WHERE id = ?)", (dropped,))
        db.execute("DELETE FROM chunks WHERE id = ?", (dropped,))
    found = check_store(store)
    assert SEED_ID in found.incomplete and found.orphan_chunks and found.lexical_problem and not found.ok
    result = CliRunner().invoke(main, ["--store", settings.store, "store", "check"])
    assert result.exit_code == 1 and "--repair" in result.stdout
    with store.writer():
        repair_store(store)
    assert check_store(store).ok
    # the next ingestion stores the removed articles again
    ingest_paths([str(corpus)], settings, embedder=embedder, progress=False)
    after = Store(settings)
    assert {SEED_ID, "102_invented_chess"} <= after.manifest().keys() and check_store(after).ok


def test_store_check_cli_reports_ok(ingested) -> None:  # type: ignore[no-untyped-def]
    settings, _ = ingested
    result = CliRunner().invoke(main, ["--store", settings.store, "store", "check", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["ok"] is True


def test_delete_and_prune_leave_a_store_equal_to_one_that_never_had_them(
    settings, corpus: Path, embedder, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ingest_paths([str(corpus)], settings, embedder=embedder, progress=False)
    (corpus / "102_invented_chess.txt").unlink()
    ingest_paths([str(corpus)], settings, embedder=embedder, progress=False, prune=True)
    fresh_corpus = tmp_path / "fresh"
    shutil.copytree(corpus, fresh_corpus)
    from dataclasses import replace

    fresh = replace(settings, store=str(tmp_path / "fresh-store"))
    ingest_paths([str(fresh_corpus)], fresh, embedder=embedder, progress=False)
    a, b = Store(settings), Store(fresh)
    assert a.manifest().keys() == b.manifest().keys()
    assert sorted(a.lexical().ids()) == sorted(b.lexical().ids())


def test_prune_keeps_a_renamed_files_text_and_never_prunes_a_missing_folder(
    settings, corpus: Path, embedder, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert ingest_paths([str(corpus)], settings, embedder=embedder, progress=False).ok
    (corpus / "102_invented_chess.txt").rename(corpus / "chess_renamed.txt")  # same text, new id
    report = ingest_paths([str(corpus)], settings, embedder=embedder, progress=False, prune=True)
    assert [d.duplicate_of for d in report.duplicate_of] == ["102_invented_chess"]
    assert "102_invented_chess" not in report.pruned and "102_invented_chess" in Store(settings).manifest()
    # a folder that is gone (unmounted, renamed) is an error, not an empty folder: nothing is pruned from it
    moved = tmp_path / "moved"
    corpus.rename(moved)
    report = ingest_paths([str(corpus)], settings, embedder=embedder, progress=False, prune=True)
    assert report.failed and report.pruned == []
    assert len(Store(settings).manifest()) > 3
