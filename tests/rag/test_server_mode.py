"""Server mode against a real `chroma run` on 127.0.0.1: ingestion, answering, updates, deletes, copying a store,
and two app processes (two local folders) sharing one server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

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


# -- catching up in proportion to the change (#18 item 3) ------------------------------------------------------------


class _ChunkReads:
    """Counts the chunk rows that Chroma returns to ``get`` calls on one collection (any Store object, any call)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
        from chromadb.api.models.Collection import Collection

        self.rows = 0
        real = Collection.get

        def get(collection, *args, **kwargs):  # type: ignore[no-untyped-def]
            got = real(collection, *args, **kwargs)
            if collection.name == name:
                self.rows += len(got["ids"])
            return got

        monkeypatch.setattr(Collection, "get", get)


def _level_with_chroma(store: Store) -> None:
    """The store's local index holds exactly the server's chunks, texts and metadata, and store check agrees."""
    rows = store.all_chunks()
    index = store.index
    assert sorted(index.ids()) == sorted(cid for cid, _, _ in rows)
    assert all(index.chunk(cid) == (text, meta) for cid, text, meta in rows)
    assert store.lexical_current() and check_store(store).ok


LIGHTHOUSE = (
    " date 2024-03-14 The Quorvath lighthouse reopened on Thursday after a winter of repairs, the keepers said.\n"
)


def test_a_behind_process_reads_only_the_changed_records(
    server_settings, corpus: Path, embedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    ingest_paths([str(corpus)], server_settings, embedder=embedder, progress=False)
    other = replace(server_settings, store=str(tmp_path / "b"), retrieval="lexical", rerank=False)
    reader = build_pipeline(other, embedder=embedder)
    assert reader.search(Query("Tromsvik ferry pier", k=3))
    assert reader.store.last_sync is not None and reader.store.last_sync.kind == "full"  # its first look: all
    total = Store(server_settings).count_chunks()

    # the first process updates one article, adds one and deletes one
    (corpus / "101_invented_seawall.txt").write_text(
        " date 2024-03-12 The Larkspur Bay seawall plan was cancelled on Friday by the harbour board.\n",
        encoding="utf-8",
    )
    (corpus / "106_invented_lighthouse.txt").write_text(LIGHTHOUSE, encoding="utf-8")
    report = ingest_paths([str(corpus)], server_settings, embedder=embedder, progress=False)
    assert (report.updated, report.added) == (1, 1)
    writer = Store(server_settings)
    with writer.writer():
        writer.delete_articles([SEED_ID])
    manifest = writer.manifest()
    changed = manifest["101_invented_seawall"].chunks + manifest["106_invented_lighthouse"].chunks

    reads = _ChunkReads(monkeypatch, writer.chunks_name)
    hits = reader.search(Query("seawall cancelled harbour board", k=3))  # its next question
    sync = reader.store.last_sync
    assert sync is not None and sync.kind == "incremental"
    assert (sync.chunks_read, sync.records_read, sync.tombstones_read) == (changed, 2, 1)
    assert reads.rows == changed < writer.count_chunks() < total  # what Chroma returned: the changed chunks only
    assert hits and "cancelled" in hits[0].chunk.text
    assert reader.search(Query("Quorvath lighthouse keepers", k=1))[0].chunk.article_id == "106_invented_lighthouse"
    assert all(h.chunk.article_id != SEED_ID for h in reader.search(Query(SEED_QUESTION, k=10)))
    reader_store = Store(other)
    assert "106_invented_lighthouse" in reader_store.lexical().article_ids_for_outlets(["local"])
    assert SEED_ID not in reader_store.lexical().article_ids_for_outlets(["local"])
    _level_with_chroma(reader_store)

    # nothing written since: the next question reads nothing
    reads.rows = 0
    reader.search(Query("seawall", k=1))
    assert reads.rows == 0 and reader.store.last_sync is sync


def _strip_sequence_numbers(store: Store) -> None:
    """Make a store look as one written before sequence numbers: no seq on any record, no epoch, no tombstones."""
    from rag.store import _get_all

    for collection in (store.chunk_collection(), store.article_collection()):
        ids = [i for i, _, _ in _get_all(collection, [])]
        got = collection.get(ids=ids, include=["documents", "metadatas", "embeddings"])
        collection.delete(ids=ids)
        collection.add(
            ids=got["ids"],
            embeddings=got["embeddings"],
            documents=got["documents"],
            metadatas=[{k: v for k, v in m.items() if k != "seq"} for m in got["metadatas"]],
        )
    store.article_collection().modify(metadata={"generation": "old-generation"})


def test_a_store_from_before_sequence_numbers_is_read_in_full_once_then_in_part(
    server_settings, corpus: Path, embedder, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ingest_paths([str(corpus)], server_settings, embedder=embedder, progress=False)
    writer = Store(server_settings)
    _strip_sequence_numbers(writer)
    assert writer.state().epoch == "" and writer.state().seq == 0
    reader = Store(replace(server_settings, store=str(tmp_path / "b")))
    reader.lexical()
    assert reader.last_sync is not None and reader.last_sync.kind == "full"
    assert reader.index.position() == ("", 0)  # no epoch to follow yet

    (corpus / "106_invented_lighthouse.txt").write_text(LIGHTHOUSE, encoding="utf-8")
    assert ingest_paths([str(corpus)], server_settings, embedder=embedder, progress=False).added == 1
    state = writer.state()
    assert state.epoch and state.seq == 1  # the first write adopts sequence numbers
    reader.lexical()
    assert reader.last_sync.kind == "full" and reader.index.position() == (state.epoch, 1)
    _level_with_chroma(reader)

    with writer.writer():
        writer.delete_articles(["106_invented_lighthouse"])
    reader.lexical()
    sync = reader.last_sync
    assert (sync.kind, sync.chunks_read, sync.records_read, sync.tombstones_read) == ("incremental", 0, 0, 1)
    assert reader.index.position() == (state.epoch, 2)
    _level_with_chroma(reader)


ROOT = Path(__file__).resolve().parents[2]
NEWSRAG = str(Path(sys.executable).with_name("newsrag"))


def _run(args: list[str], crash: str | None = None) -> int:
    """A separate process, killed with SIGKILL at ``crash`` (rag/faults.py); this tree's packages come first."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSRAG_")}
    env["PYTHONPATH"] = str(ROOT)
    if crash:
        env["NEWSRAG_CRASH_AT"] = crash
    proc = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode in (0, -signal.SIGKILL), proc.stderr[-2000:]
    return proc.returncode


def _cli(settings, tmp_path: Path, *args: str, crash: str | None = None) -> int:  # type: ignore[no-untyped-def]
    config = _config(tmp_path, settings.collection)
    base = ["--config", str(config), "--chroma-url", settings.chroma_url, "--store", settings.store]
    return _run([NEWSRAG, *base, *args], crash)


def test_a_delete_killed_after_its_tombstones_leaves_every_process_level_after_the_rerun(
    server_settings, corpus: Path, embedder, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ingest_paths([str(corpus)], server_settings, embedder=embedder, progress=False)
    writer = Store(server_settings)
    reader = Store(replace(server_settings, store=str(tmp_path / "b")))
    reader.lexical()
    before = writer.state()
    assert _cli(server_settings, tmp_path, "delete", SEED_ID, crash="tombstones-written") == -signal.SIGKILL
    # killed between its tombstone and the chunks' deletion: the store is marked mid-write, the seed still stored
    assert writer.state().writing and SEED_ID in writer.manifest()
    reader.lexical()  # a reader that looks now reads the tombstone, and keeps its position: the write is unfinished
    assert reader.last_sync is not None and reader.last_sync.kind == "incremental"
    assert reader.index.position() == (before.epoch, before.seq)

    assert _cli(server_settings, tmp_path, "delete", SEED_ID) == 0
    after = writer.state()
    assert after.epoch != before.epoch and not after.writing  # the write after a cut-short one: a new epoch
    reader.lexical()
    assert reader.last_sync.kind == "full" and reader.index.position() == (after.epoch, after.seq)
    assert SEED_ID not in writer.manifest()
    _level_with_chroma(reader)
    _level_with_chroma(Store(server_settings))


def test_store_check_repair_closes_a_cut_short_write_and_every_process_catches_up_in_full(
    server_settings, corpus: Path, embedder, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ingest_paths([str(corpus)], server_settings, embedder=embedder, progress=False)
    writer = Store(server_settings)
    reader = Store(replace(server_settings, store=str(tmp_path / "b")))
    reader.lexical()
    assert _cli(server_settings, tmp_path, "delete", SEED_ID, crash="tombstones-written") == -signal.SIGKILL
    before = writer.state()
    assert before.writing
    # a position past the store's last write is a problem that check names and repair mends
    reader.index.set_state(reader.index.generation(), (before.epoch, before.seq + 5))
    found = check_store(reader)
    assert not found.ok and "claims write" in found.lexical_problem
    assert (
        _cli(
            replace(server_settings, store=reader.index.path.parent.as_posix()), tmp_path, "store", "check", "--repair"
        )
        == 0
    )
    after = writer.state()
    assert not after.writing and after.epoch != before.epoch and after.seq == before.seq
    assert SEED_ID in writer.manifest()  # the delete never reached its chunks: the article stays whole
    reader.lexical()
    assert reader.index.position() == (after.epoch, after.seq)
    _level_with_chroma(reader)
    writer.lexical()
    assert writer.last_sync is not None and writer.last_sync.kind == "full"  # another epoch: read in full once
    _level_with_chroma(writer)


def test_a_catch_up_killed_before_its_commit_is_redone_by_the_next(
    server_settings, corpus: Path, embedder, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ingest_paths([str(corpus)], server_settings, embedder=embedder, progress=False)
    other = replace(server_settings, store=str(tmp_path / "b"))
    reader = Store(other)
    reader.lexical()
    position = reader.index.position()
    (corpus / "106_invented_lighthouse.txt").write_text(LIGHTHOUSE, encoding="utf-8")
    assert ingest_paths([str(corpus)], server_settings, embedder=embedder, progress=False).added == 1
    script = (
        "from rag.settings import load_settings; from rag.store import Store; "
        f"Store(load_settings(env={{}}, overrides={{'store': {other.store!r}, 'chroma_url': {other.chroma_url!r}, "
        f"'collection': {other.collection!r}}})).lexical()"
    )
    assert _run([sys.executable, "-c", script], crash="lexical-catch-up") == -signal.SIGKILL
    assert reader.index.position() == position  # nothing of the catch-up was committed
    assert not reader.index.chunks([c for c in writer_chunk_ids(server_settings) if "lighthouse" in c])
    reader.lexical()
    sync = reader.last_sync
    assert sync is not None and (sync.kind, sync.records_read) == ("incremental", 1)
    assert reader.index.position()[1] == position[1] + 1
    _level_with_chroma(reader)


def writer_chunk_ids(settings) -> list[str]:  # type: ignore[no-untyped-def]
    return [cid for cid, _, _ in Store(settings).all_chunks()]


_OPS = st.lists(
    st.one_of(
        st.tuples(
            st.just("write"), st.integers(0, 5), st.integers(0, 3), st.integers(0, 3)
        ),  # article, version, chunks
        st.tuples(st.just("delete"), st.integers(0, 5), st.just(0), st.just(0)),
        st.tuples(st.just("sync"), st.just(0), st.just(0), st.just(0)),
    ),
    min_size=1,
    max_size=12,
)


def _write(store: Store, number: int, version: int, chunks: int) -> None:
    """Article ``number`` in ``version``, cut into ``chunks`` chunks (0: an empty article), with the fake's vectors."""
    from datetime import date

    from rag.store import ArticleRecord
    from rag.types import Article, Chunk
    from tests.fakes import fake_embed

    aid = f"art{number}"
    parts = [
        f"Article {number} version {version} part {i}: the Tromsvik ferry word{number}x{version}."
        for i in range(chunks)
    ]
    text = " ".join(parts)
    url = f"https://outlet{version}.example/{aid}"
    article = Article(aid, f"Title {number}", date(2024, 1, 1 + number), "", url, text)
    spans, start = [], 0
    for i, part in enumerate(parts):
        spans.append(Chunk(f"{aid}-{i}-{version}", aid, i, start, start + len(part), part))
        start += len(part) + 1
    record = ArticleRecord(aid, article.title, article.published, "", url, f"h{version}", f"t{version}", "fp", chunks)
    vectors = fake_embed(parts) if parts else np.zeros((0, 64), dtype=np.float32)
    store.write_articles([(article, record, spans, vectors)])


@hyp_settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=_OPS)
def test_a_second_process_follows_any_sequence_of_writes_in_part(
    ops, settings, chroma_server, tmp_path_factory
) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("follow")
    shared = replace(settings, chroma_url=chroma_server, collection=f"f{uuid.uuid4().hex[:10]}")
    writer, reader = Store(replace(shared, store=str(root / "a"))), Store(replace(shared, store=str(root / "b")))
    with writer.writer():
        _write(writer, 9, 0, 2)  # a store to begin with; the reader's first look reads it whole
    reader.lexical()
    assert reader.last_sync is not None and reader.last_sync.kind == "full"
    written = 0  # chunks written since the reader last looked
    for step, (op, number, version, chunks) in enumerate(ops):
        with writer.writer():
            if op == "write":
                _write(writer, number, version, chunks)
                written += chunks
            elif op == "delete":
                writer.delete_articles([f"art{number}"])
        if op == "sync" or step == len(ops) - 1:
            reader.last_sync = None
            reader.lexical()  # what a question does first
            sync = reader.last_sync
            assert sync is None or (sync.kind == "incremental" and sync.chunks_read <= written), (sync, written)
            written = 0
            _level_with_chroma(reader)
            manifest = writer.manifest()
            for name in {f"outlet{v}.example" for v in range(4)}:  # the source filter's table follows too
                want = {aid for aid, r in manifest.items() if r.url and name in r.url}
                assert reader.index.article_ids_for_outlets([name]) == want
    reader.lexical()
    _level_with_chroma(reader)
    _level_with_chroma(writer)
