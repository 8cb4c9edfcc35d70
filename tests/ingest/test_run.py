"""Ingestion against the real model and a real embedded Chroma store."""

import json
import threading
from pathlib import Path

import pytest

from ingest.run import ingest_paths
from rag.errors import StoreLockedError
from rag.store import Store
from tests.conftest import SEED_ID


def _chunk_ids(store: Store, article_id: str) -> set[str]:
    return set(store.chunk_collection().get(where={"article_id": article_id}, include=[])["ids"])


def test_first_ingest_stores_articles_chunks_and_text(ingested) -> None:  # type: ignore[no-untyped-def]
    settings, report = ingested
    assert (report.added, report.updated, report.unchanged, report.duplicates) == (6, 0, 0, 0)
    assert report.chunks == report.total_chunks > 0
    store = Store(settings)
    manifest = store.manifest()
    assert set(manifest) == {
        SEED_ID,
        "101_invented_seawall",
        "102_invented_chess",
        "103_invented_orchard",
        "inv-rail-1",
        "inv-bakery-2",
    }
    assert sum(rec.chunks for rec in manifest.values()) == report.total_chunks
    seed = store.get_article(SEED_ID)
    assert seed is not None and seed.text.startswith("Russian Prime Minister") and seed.published
    assert manifest["103_invented_orchard"].published is None
    # every chunk's metadata and text agree with the stored article
    got = store.chunk_collection().get(include=["metadatas", "documents"])
    for meta, doc in zip(got["metadatas"], got["documents"], strict=True):
        article = store.get_article(meta["article_id"])
        assert article is not None and article.text[meta["start"] : meta["end"]] == doc
        assert ("published" in meta) == (article.published is not None)


def test_reingesting_unchanged_files_adds_nothing(ingested, corpus: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, first = ingested
    before = Store(settings).chunk_collection().get(include=[])["ids"]
    again = ingest_paths([str(corpus)], settings, embedder=embedder, progress=False)
    assert (again.added, again.updated, again.unchanged, again.chunks) == (0, 0, 6, 0)
    assert sorted(Store(settings).chunk_collection().get(include=[])["ids"]) == sorted(before)
    assert again.total_chunks == first.total_chunks


def test_a_changed_article_replaces_its_old_chunks(ingested, corpus: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, _ = ingested
    store = Store(settings)
    old_ids = _chunk_ids(store, "101_invented_seawall")
    path = corpus / "101_invented_seawall.txt"
    path.write_text(path.read_text().replace("41 million euros", "57 million euros"))
    report = ingest_paths([str(corpus)], settings, embedder=embedder, progress=False)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 5)
    new_ids = _chunk_ids(store, "101_invented_seawall")
    assert new_ids and not (old_ids & new_ids)
    texts = store.chunk_collection().get(where={"article_id": "101_invented_seawall"}, include=["documents"])
    assert any("57 million" in t for t in texts["documents"]) and not any("41 million" in t for t in texts["documents"])
    assert store.count_chunks() == report.total_chunks


def test_changed_settings_re_embed_stored_articles(ingested, corpus: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    settings, _ = ingested
    report = ingest_paths([str(corpus)], replace(settings, chunk_tokens=60), embedder=embedder, progress=False)
    assert report.updated == 6 and report.unchanged == 0


def test_another_precision_or_an_older_stores_fingerprint_re_embeds_nothing(ingested, corpus: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from rag.embed import Embedder

    settings, _ = ingested
    store = Store(settings)
    # stores written before the precision left the fingerprint carry ":bfloat16" at its end
    store.update_records([replace(r, settings_fp=r.settings_fp + ":bfloat16") for r in store.manifest().values()])
    other = Embedder(dtype="float32" if embedder.dtype == "bfloat16" else "bfloat16")
    report = ingest_paths([str(corpus)], settings, embedder=other, progress=False)
    assert (report.added, report.updated, report.unchanged, report.chunks) == (0, 0, 6, 0)


def test_the_same_text_under_another_name_is_stored_once(ingested, corpus: Path, embedder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings, first = ingested
    copy = tmp_path / "copies"
    copy.mkdir()
    (copy / "999_copy.txt").write_bytes((corpus / f"{SEED_ID}.txt").read_bytes())
    report = ingest_paths([str(copy)], settings, embedder=embedder, progress=False)
    assert report.duplicates == 1 and report.added == 0 and report.ok
    assert report.duplicate_of[0].article_id == "999_copy" and report.duplicate_of[0].duplicate_of == SEED_ID
    assert "999_copy" not in Store(settings).manifest()
    assert report.total_chunks == first.total_chunks


def test_an_ingestion_reads_the_records_of_its_own_articles_not_the_whole_manifest(  # type: ignore[no-untyped-def]
    ingested, corpus: Path, embedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, _ = ingested
    few = tmp_path / "few"
    few.mkdir()
    (few / "999_copy.txt").write_bytes((corpus / f"{SEED_ID}.txt").read_bytes())  # a stored text, another name
    (few / "101_invented_seawall.txt").write_bytes((corpus / "101_invented_seawall.txt").read_bytes())  # unchanged
    (few / "300_new.txt").write_text(" date 2024-05-02 The ferry to Tromsvik resumed its winter timetable.")

    def whole_manifest(self):  # type: ignore[no-untyped-def]
        raise AssertionError("an ingestion without --prune read every stored record")

    monkeypatch.setattr(Store, "manifest", whole_manifest)
    report = ingest_paths([str(few)], settings, embedder=embedder, progress=False)
    assert (report.added, report.updated, report.unchanged, report.duplicates) == (1, 0, 1, 1), report.to_json()
    assert report.duplicate_of[0].duplicate_of == SEED_ID
    monkeypatch.undo()
    assert set(Store(settings).manifest()) >= {"300_new", "101_invented_seawall"}


def test_bad_files_are_reported_and_the_rest_goes_in(corpus: Path, settings, embedder) -> None:  # type: ignore[no-untyped-def]
    (corpus / "200_empty.txt").write_bytes(b"")
    (corpus / "201_baddate.txt").write_bytes(b" date 2023-02-31 Body.")
    (corpus / "202_latin1.txt").write_bytes("Caf\u00e9.".encode("latin-1"))
    (corpus / "203_binary.txt").write_bytes(bytes(range(256)))
    (corpus / "204_lines.jsonl").write_text('{"id": "good-line", "text": "Fine text here."}\n{broken\n{"id": "x"}\n')
    report = ingest_paths([str(corpus)], settings, embedder=embedder, progress=False)
    failed = {(Path(f.path).name, f.line) for f in report.failed}
    assert failed == {
        ("200_empty.txt", None),
        ("201_baddate.txt", None),
        ("202_latin1.txt", None),
        ("203_binary.txt", None),
        ("204_lines.jsonl", 2),
        ("204_lines.jsonl", 3),
    }
    assert report.added == 7  # the six good articles and the good JSONL line
    assert "good-line" in Store(settings).manifest()


def test_clashing_ids_in_one_run_are_reported(tmp_path: Path, settings, embedder) -> None:  # type: ignore[no-untyped-def]
    for folder, body in (("a", "First text."), ("b", "Second, different text.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(body)
    report = ingest_paths([str(tmp_path / "a"), str(tmp_path / "b")], settings, embedder=embedder, progress=False)
    assert report.added == 1 and len(report.failed) == 1
    assert "ids must be unique" in report.failed[0].error


def test_a_second_writer_waits_then_fails_with_a_clear_message(settings) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    quick = replace(settings, lock_timeout=0.2)
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with Store(quick).writer():
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert holding.wait(10)
        with pytest.raises(StoreLockedError, match="Another newsrag process is writing"), Store(quick).writer():
            pass
    finally:
        release.set()
        thread.join()


def _dump(path: Path, n: int, oversize_at: int | None = None) -> None:
    topics = ["ferry", "orchard", "library", "bridge", "market", "harbour", "museum", "clinic"]
    with path.open("w", encoding="utf-8") as out:
        for i in range(1, n + 1):
            if i == oversize_at:
                out.write(json.dumps({"id": "too-long", "text": "Words. " * 200}) + "\n")
                continue
            text = (
                f"The {topics[i % len(topics)]} of Tromsvik district {i} opened on Monday. "
                f"The council counted {i * 7} visitors and agreed on {i + 2} new measures. "
                "(This article is invented for newsrag's tests.)"
            )
            out.write(json.dumps({"id": f"dump-{i}", "text": text}) + "\n")


def test_a_jsonl_dump_over_the_file_limit_streams_in_and_one_oversize_line_is_reported(  # type: ignore[no-untyped-def]
    tmp_path: Path, settings, embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    import ingest.run
    from ingest import readers
    from rag.store import check_store

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 400)  # the limits shrunk: the same rules at test scale
    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 600)
    dump = tmp_path / "dump.jsonl"
    _dump(dump, 12, oversize_at=5)
    assert dump.stat().st_size > 5 * readers.MAX_FILE_BYTES
    read_before_first_batch: list[int] = []
    reads = 0
    original_read, original_embedded = ingest.run.read_file, ingest.run._embedded

    def counting_read(item):  # type: ignore[no-untyped-def]
        nonlocal reads
        for result in original_read(item):
            reads += 1
            yield result

    def spying_embedded(batch, embedder):  # type: ignore[no-untyped-def]
        read_before_first_batch.append(reads)
        return original_embedded(batch, embedder)

    monkeypatch.setattr(ingest.run, "read_file", counting_read)
    monkeypatch.setattr(ingest.run, "_embedded", spying_embedded)
    small_batches = replace(settings, write_batch_chunks=2)
    report = ingest_paths([str(dump)], small_batches, embedder=embedder, progress=False)

    assert report.added == 11 and report.chunks == report.total_chunks
    assert [(f.path, f.line) for f in report.failed] == [(str(dump), 5)]
    assert "limit for one article" in report.failed[0].error
    # embedded and written batch by batch while the file was still being read, never all of it at once
    assert len(read_before_first_batch) > 1 and read_before_first_batch[0] < 12
    store = Store(settings)
    assert set(store.manifest()) == {f"dump-{i}" for i in range(1, 13) if i != 5}
    assert check_store(store).ok
    again = ingest_paths([str(dump)], small_batches, embedder=embedder, progress=False)
    assert (again.added, again.unchanged, again.chunks, len(again.failed)) == (0, 11, 0, 1)
