"""Crash safety, for real: `newsrag ingest` is killed with SIGKILL at exact steps of an ingestion (fault injection,
rag/faults.py) and at arbitrary moments (a timer), then run again; the store must end as a clean run leaves it:
the same article ids, chunk ids and texts, vectors within float tolerance, a lexical index (SQLite FTS5) that matches
Chroma, no orphans, the same search results."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rag.lexical import FILE
from rag.pipeline import build_pipeline
from rag.settings import load_settings
from rag.store import Store, _get_all, check_store
from rag.types import Query

pytestmark = pytest.mark.slow

NEWSRAG = str(Path(sys.executable).with_name("newsrag"))
TOPICS = ["ferry", "orchard", "library", "bridge", "market", "festival", "harbour", "museum", "school", "clinic"]
QUERIES = ["When does the Tromsvik ferry leave?", "Who runs the museum in Pellworth?", "What did the council decide?"]


def _article(i: int, version: int) -> str:
    topic = TOPICS[i % len(TOPICS)]
    body = " ".join(
        f"The {topic} committee of Tromsvik district {i} met for session {j} and reviewed plan {version}."
        f" Members counted {i * 7 + j + version} visitors and agreed on {j + 2} new measures for the {topic}."
        for j in range(1, 9)
    )
    return f" date 2024-0{1 + i % 9}-1{i % 9} {body}\n\n(This article is invented for newsrag's tests.)\n"


def _write_corpus(folder: Path, version: int) -> None:
    folder.mkdir(exist_ok=True)
    for i in range(24):
        # version 2 changes every third article and adds four
        v = version if i % 3 == 0 else 1
        (folder / f"inv-{i:02d}.txt").write_text(_article(i, v), encoding="utf-8")
    for i in range(24, 28 if version == 2 else 24):
        (folder / f"inv-{i:02d}.txt").write_text(_article(i, version), encoding="utf-8")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSRAG_")}
    env["NEWSRAG_WRITE_BATCH_CHUNKS"] = "6"  # several write batches in one run
    return env


def _ingest(store: Path, corpus: Path, crash: str | None = None, kill_after: float | None = None) -> int:
    env = _env()
    if crash:
        env["NEWSRAG_CRASH_AT"] = crash
    proc = subprocess.Popen(
        [NEWSRAG, "--store", str(store), "ingest", "--json", str(corpus)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    if kill_after is not None:
        try:
            proc.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode in (0, -signal.SIGKILL), err.decode(errors="replace")[-2000:]
    return proc.returncode


def _snapshot(store_dir: Path, embedder: Any) -> dict[str, Any]:
    settings = load_settings(env={}, overrides={"store": str(store_dir)})
    store = Store(settings)
    rows = _get_all(store.chunk_collection(), ["documents", "metadatas"])
    ids = sorted(cid for cid, _, _ in rows)
    vectors = store.chunk_collection().get(ids=ids, include=["embeddings"])
    by_id = dict(zip(vectors["ids"], vectors["embeddings"], strict=True))
    index = store.index
    pipeline = build_pipeline(replace(settings), embedder=embedder)
    return {
        "manifest": {i: (r.content_hash, r.chunks, r.settings_fp) for i, r in store.manifest().items()},
        "chunks": {cid: (doc, (meta or {}).get("article_id")) for cid, doc, meta in rows},
        "vectors": np.asarray([by_id[i] for i in ids], dtype=np.float32),
        "lexical_current": index.exists() and index.generation() == store.generation(),
        "lexical_ids": sorted(index.ids()),
        "lexical_rows": {cid: index.chunk(cid) for cid in index.ids()},
        "all_chunks": {cid: (doc, meta) for cid, doc, meta in rows},
        "search": [[h.chunk.id for h in pipeline.search(Query(q, k=5))] for q in QUERIES],
        "check_ok": check_store(store).ok,
    }


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Corpus version 1 ingested cleanly (the starting point of every crash), and the clean result of then
    ingesting version 2."""
    root = tmp_path_factory.mktemp("crash")
    corpus = root / "corpus"
    _write_corpus(corpus, 1)
    base = root / "base"
    assert _ingest(base, corpus) == 0
    _write_corpus(corpus, 2)
    clean = root / "clean"
    shutil.copytree(base, clean)
    assert _ingest(clean, corpus) == 0
    return {"root": root, "corpus": corpus, "base": base, "clean": clean}


CRASHES = [
    ("write-start:1", None),
    ("chunks-deleted:2", None),
    ("chunks-written:1", None),
    ("chunks-written:3", None),
    ("lexical-write:1", None),
    ("lexical-write:3", None),
    ("records-written:2", None),
    ("generation-bumped:2", None),
    ("lexical-sync:1", None),  # on a store whose index is missing: the sync that rebuilds it is cut short
    (None, 6.0),  # wherever the process happens to be after 6 s (model loading, reading or writing)
    (None, 9.0),
]


@pytest.mark.parametrize(("crash", "kill_after"), CRASHES, ids=[c or f"after-{t:g}s" for c, t in CRASHES])
def test_sigkill_then_rerun_ends_like_a_clean_run(prepared, embedder, crash, kill_after) -> None:  # type: ignore[no-untyped-def]
    store = prepared["root"] / f"store-{crash or kill_after}".replace(":", "-")
    shutil.copytree(prepared["base"], store)
    if crash and crash.startswith("lexical-sync"):
        for suffix in ("", "-wal", "-shm"):
            (store / (FILE + suffix)).unlink(missing_ok=True)
    code = _ingest(store, prepared["corpus"], crash=crash, kill_after=kill_after)
    if crash:
        assert code == -signal.SIGKILL  # the fault point was reached: the process died there
    assert _ingest(store, prepared["corpus"]) == 0

    got, want = _snapshot(store, embedder), _snapshot(prepared["clean"], embedder)
    assert got["manifest"] == want["manifest"]
    assert got["chunks"] == want["chunks"]
    assert np.allclose(got["vectors"], want["vectors"], atol=1e-5)
    assert got["lexical_current"] and got["lexical_ids"] == sorted(got["chunks"])
    assert got["lexical_rows"] == got["all_chunks"]  # texts and metadata too
    assert got["search"] == want["search"]
    assert got["check_ok"]


def test_a_second_writer_fails_fast_or_waits_its_turn(prepared) -> None:  # type: ignore[no-untyped-def]
    import threading

    from filelock import FileLock

    store = prepared["root"] / "store-locked"
    shutil.copytree(prepared["base"], store)
    before = _snapshot_ids(store)
    holder = FileLock(str(store / "write.lock"), thread_local=False)  # released from a timer thread
    holder.acquire()  # another writer holds the store
    try:
        cmd = [NEWSRAG, "--store", str(store), "ingest", str(prepared["corpus"])]
        fast = subprocess.run(cmd, env={**_env(), "NEWSRAG_LOCK_TIMEOUT": "0"}, capture_output=True, text=True)
        assert fast.returncode == 1 and "Another newsrag process is writing" in fast.stderr
        assert _snapshot_ids(store) == before  # it wrote nothing
        threading.Timer(3.0, holder.release).start()  # the other writer finishes in 3 s
        waited = subprocess.run(cmd, env={**_env(), "NEWSRAG_LOCK_TIMEOUT": "120"}, capture_output=True, text=True)
    finally:
        if holder.is_locked:
            holder.release()
    assert waited.returncode == 0, waited.stderr  # it waited its turn, then ingested
    assert _snapshot_ids(store) != before
    assert check_store(Store(load_settings(env={}, overrides={"store": str(store)}))).ok


def _snapshot_ids(store_dir: Path) -> list[str]:
    store = Store(load_settings(env={}, overrides={"store": str(store_dir)}))
    return sorted(cid for cid, _, _ in _get_all(store.chunk_collection(), []))
