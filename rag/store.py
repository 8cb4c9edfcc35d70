"""The store: two Chroma collections (chunks with their vectors; articles with their full text and manifest
record), a third of tombstones (deleted article ids) and one writer lock. Everything the app needs lives in Chroma,
so a store can be moved as a folder.

Every write (``write_articles``, ``delete_articles``) takes the next write sequence number (``seq``, in the article
collection's metadata beside the generation) and stamps it on each chunk and record it writes, and on a tombstone
for each article it deletes. A process whose local lexical index is behind reads only what has a larger ``seq``
(``Store.sync_lexical``). The store's ``epoch`` (also in that metadata) changes whenever that is not enough: the
first write to a store from before sequence numbers, the first write after a cut-short one, a repair, a copy, two
writers caught interleaving; an index from another epoch is brought level in full.

Embeddings are always given explicitly: a Chroma call without them would fetch Chroma's default ONNX model
from the internet, which fails on an air-gapped machine.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from rag.errors import StoreError, StoreLockedError
from rag.faults import crash_point
from rag.lexical import FILE, LEGACY_FOLDER, ChunkRow, LexicalIndex, legacy_terms
from rag.offline import go_offline
from rag.settings import Settings
from rag.types import Article, Chunk

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection


@dataclass(frozen=True)
class ArticleRecord:
    """What the manifest knows of a stored article (kept as the article's metadata in Chroma)."""

    id: str
    title: str
    published: date | None
    source: str
    url: str | None
    content_hash: str  # hash of title, date, URL and text: a change re-ingests the article
    text_hash: str  # hash of the text alone: the same text under another id is a duplicate
    settings_fp: str  # chunker settings + embedding backend: a change re-embeds the article
    chunks: int
    root: str = ""  # the folder or file given to the ingestion that stored it (resolved), for --prune
    origin: str = ""  # the file it was read from, relative to root


def outlet(source: str, url: str | None = None) -> str:
    """Where an article comes from, for the source filter: a URL's host without ``www.``, else the first folder
    of its path ("local" for a file at the top of an ingested folder)."""
    from urllib.parse import urlsplit

    for candidate in (url, source):
        if candidate and "://" in candidate:
            host = urlsplit(candidate).hostname or ""
            if host:
                return host.removeprefix("www.")
    parts = [p for p in (source or "").replace("\\", "/").split("/") if p]
    return parts[0] if len(parts) > 1 else "local"


def date_to_int(value: date) -> int:
    return value.year * 10000 + value.month * 100 + value.day


def int_to_date(value: Any) -> date | None:
    if value is None:
        return None
    value = int(value)
    return date(value // 10000, value // 100 % 100, value % 100)


def _published_meta(published: date | None) -> dict[str, int]:
    return {} if published is None else {"published": date_to_int(published)}


class Store:
    """Opens the Chroma collections lazily; one instance per process is enough and is thread-safe to read."""

    def __init__(self, settings: Settings) -> None:
        self.path = Path(settings.store).expanduser()
        self.chroma_url = settings.chroma_url.rstrip("/")
        self.chunks_name = f"{settings.collection}_chunks"
        self.articles_name = f"{settings.collection}_articles"
        self.tombstones_name = f"{settings.collection}_tombstones"
        self.lock_timeout = settings.lock_timeout
        self._client: ClientAPI | None = None
        self._collections: dict[str, Collection] = {}
        self._open_lock = threading.Lock()
        self._lexical_lock = threading.Lock()
        self.index = LexicalIndex(self.path / FILE)  # opened on first use; see lexical() for keeping it current
        self._holding = False  # whether this object holds the writer lock (writer())
        self.last_sync: SyncReport | None = None  # what the last sync_lexical read (for tests and measurements)

    # -- opening ---------------------------------------------------------------------------------------------
    def exists(self) -> bool:
        if self.chroma_url:
            return self.articles_name in {c.name for c in self._client_for(create=True).list_collections()}
        return (self.path / "chroma").is_dir()

    def where(self) -> str:
        """The store, for messages: the server's URL or the folder."""
        return self.chroma_url or str(self.path)

    def _client_for(self, create: bool) -> ClientAPI:
        if self._client is None and self.chroma_url:
            with self._open_lock:
                if self._client is None:
                    self._client = _http_client(self.chroma_url)
        if self._client is None:
            with self._open_lock:
                if self._client is None:
                    if not create and not self.exists():
                        raise StoreError(
                            f"No store at {self.path}: ingest articles first (newsrag ingest PATH), "
                            "or point --store / NEWSRAG_STORE at an existing store."
                        )
                    go_offline()
                    import chromadb
                    from chromadb.config import Settings as ChromaSettings

                    try:
                        (self.path / "chroma").mkdir(parents=True, exist_ok=True)
                        self._client = chromadb.PersistentClient(
                            path=str(self.path / "chroma"),
                            settings=ChromaSettings(anonymized_telemetry=False),
                        )
                    except OSError as exc:
                        raise StoreError(f"Cannot open the store at {self.path}: {exc}") from exc
        return self._client

    def _collection(self, name: str, create: bool = False) -> Collection:
        """The named collection; readers (``create=False``) never create one: a store without it is an error."""
        if name not in self._collections:
            client = self._client_for(create)
            if create:
                collection = client.get_or_create_collection(
                    name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
                )
            else:
                try:
                    collection = client.get_collection(name, embedding_function=None)
                except Exception as exc:  # chromadb's NotFoundError (its class moved between releases)
                    if "not exist" not in str(exc).lower() and "notfound" not in type(exc).__name__.lower():
                        raise
                    known = sorted(c.name for c in client.list_collections())
                    raise StoreError(
                        f"The store at {self.where()} has no collection {name!r} (it has: {', '.join(known) or 'none'}). "
                        "Check the collection setting, or ingest articles into this store first."
                    ) from None
            self._collections[name] = collection
        return self._collections[name]

    def chunk_collection(self, create: bool = False) -> Collection:
        return self._collection(self.chunks_name, create)

    def article_collection(self, create: bool = False) -> Collection:
        return self._collection(self.articles_name, create)

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """Hold the store's writer lock (one writer at a time across processes)."""
        from filelock import FileLock, Timeout

        self.path.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.path / "write.lock"), timeout=self.lock_timeout)
        try:
            lock.acquire()
        except Timeout:
            raise StoreLockedError(
                f"Another newsrag process is writing to {self.path} (waited {self.lock_timeout:g}s for its lock). "
                "Wait for it to finish, or raise lock_timeout."
            ) from None
        try:
            self._client_for(create=True)
            self._holding = True
            yield self
        finally:
            self._holding = False
            lock.release()

    def max_batch(self) -> int:
        return max(1, int(self._client_for(create=True).get_max_batch_size()))

    # -- reading ---------------------------------------------------------------------------------------------
    def manifest(self) -> dict[str, ArticleRecord]:
        """Every stored article's record, by id (metadata only; texts stay in Chroma)."""
        if not self.exists():
            return {}
        rows = _get_all(self.article_collection(create=True), ["metadatas"])
        return {i: _record(i, m) for i, _, m in rows}

    def records(self, ids: Sequence[str]) -> dict[str, ArticleRecord]:
        """The records of those of these articles that are stored, by id: one read, whatever the store's size."""
        if not ids or not self.exists():
            return {}
        got = self.article_collection(create=True).get(ids=list(dict.fromkeys(ids)), include=["metadatas"])  # type: ignore[list-item]
        return {i: _record(i, m) for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)}

    def text_owners(self, text_hashes: Sequence[str]) -> dict[str, str]:
        """For each of these text hashes that a stored article has, that article's id (one read)."""
        wanted = list(dict.fromkeys(text_hashes))
        if not wanted or not self.exists():
            return {}
        got = self.article_collection(create=True).get(
            where={"text_hash": {"$in": wanted}},
            include=["metadatas"],  # type: ignore[list-item]
        )
        return {str(m["text_hash"]): i for i, m in zip(got["ids"], got["metadatas"] or [], strict=True) if m}

    def outlets(self) -> dict[str, int]:
        """Articles stored per outlet, most first."""
        counts: dict[str, int] = {}
        for record in self.manifest().values():
            name = outlet(record.source, record.url)
            counts[name] = counts.get(name, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def article_ids_for_outlets(self, outlets: Sequence[str]) -> set[str]:
        """The articles from these outlets: read from the lexical index's article table (no pass over the
        manifest), or from the manifest while no index has been built yet."""
        index = self.lexical()
        if index.generation():
            return index.article_ids_for_outlets(list(outlets))
        wanted = set(outlets)
        return {i for i, r in self.manifest().items() if outlet(r.source, r.url) in wanted}

    def get_article(self, article_id: str) -> Article | None:
        """The stored article, by id only: ids are looked up in Chroma, never used as file paths."""
        try:
            collection = self.article_collection()  # opened once: no listing of the collections per call
        except StoreError:
            return None
        got = collection.get(ids=[article_id], include=["metadatas", "documents"])
        if not got["ids"]:
            return None
        meta, text = got["metadatas"][0], got["documents"][0]  # type: ignore[index]
        return Article(
            id=article_id,
            title=str(meta.get("title", "")),
            published=int_to_date(meta.get("published")),
            source=str(meta.get("source", "")),
            url=meta.get("url") or None,  # type: ignore[arg-type]
            text=text or "",
        )

    def article_text(self, article_id: str) -> str | None:
        """An article's stored text by id (None when it is not stored)."""
        article = self.get_article(article_id)
        return None if article is None else article.text

    def unknown_names(self, names: Sequence[str], exclude_articles: Sequence[str] = ()) -> tuple[str, ...]:
        """The names that no stored chunk holds every word of (outside the articles ``exclude_articles``, which a
        query leaves out): a name no article mentions cannot be what the articles answer about."""
        if not names:
            return ()
        index = self.lexical()
        exclude = frozenset(exclude_articles)
        return tuple(n for n in names if not index.knows(n, exclude))

    def holds_name(self, name: str) -> bool:
        """Whether some stored chunk writes the words of ``name`` in a row (``LexicalIndex.knows``, ``together``)."""
        return self.lexical().knows(name, together=True)

    def near_spelling(self, word: str, context: str = "", indexed: bool = False) -> str | None:
        """The stored articles' name that ``word``, a name no article holds (or, ``indexed``, one typed for another),
        misspells in ``context`` (the question; ``LexicalIndex.near_spelling``)."""
        return self.lexical().near_spelling(word, context, indexed)

    def name_beside(self, word: str, neighbour: str, after: bool = True) -> str | None:
        """The word the stored articles write beside ``neighbour`` that ``word`` misspells (``LexicalIndex.name_beside``)."""
        return self.lexical().name_beside(word, neighbour, after)

    def capitalised(self, words: Sequence[str]) -> dict[str, tuple[float, str] | None]:
        """How the stored articles write each word: how often with a capital, and how (``LexicalIndex.capitalised``)."""
        return self.lexical().capitalised(words) if words else {}

    # -- generation and the lexical index -------------------------------------------------------------------
    def generation(self) -> str:
        """Changes with every write: derived data (the lexical index) is rebuilt when it no longer matches."""
        return self.state().generation

    def state(self) -> StoreState:
        """The generation, write sequence number and epoch, read together (one request)."""
        client = self._client_for(create=False)
        try:
            meta = client.get_collection(self.articles_name, embedding_function=None).metadata or {}
        except Exception:  # no articles collection yet: an empty store
            return StoreState()
        seq = meta.get("seq", 0)
        return StoreState(
            str(meta.get("generation", "")), seq if isinstance(seq, int) else 0, str(meta.get("epoch", ""))
        )

    def _set_state(self, state: StoreState) -> None:
        # modify() replaces the whole metadata: always write all three
        self.article_collection(create=True).modify(
            metadata={"generation": state.generation, "seq": state.seq, "epoch": state.epoch}
        )

    def bump_generation(self, writing: bool = False) -> str:
        """A new generation and a new epoch (outside ``write_articles``/``delete_articles``: a repair, a copy, the
        end of a cut-short write, so every process's lexical index is brought level in full once); ``writing``
        marks the store as mid-write (``w-...``): nothing derived from it is cached on disk until a write ends with
        a clean generation, and a crash mid-write leaves the mark for the next ingestion to clear."""
        generation = (WRITING if writing else "") + _uid()
        self._set_state(StoreState(generation, self.state().seq, _uid()))
        return generation

    def lexical_current(self) -> bool:
        """Whether the lexical index agrees with the store's current (clean) generation."""
        current = self.generation()
        return self.index.generation() == current and not current.startswith(WRITING)

    def _collection_names(self) -> set[str]:
        return {c.name for c in self._client_for(create=True).list_collections()}

    def lexical(self) -> LexicalIndex:
        """The lexical index (SQLite FTS5, ``lexical.sqlite`` in the store folder), level with Chroma.

        The write path keeps it level as it writes, so a reader normally finds its generation equal to the store's
        and reads on. Otherwise (a crash, a store from before FORMAT 3, another process's write to a Chroma
        server) it is brought level from Chroma by whoever holds the writer lock: this object if it holds it, else
        a reader that can take it at once. While another process writes, readers use it as it stands (that writer
        brings it level before it ends)."""
        index = self.index
        if index.generation() == self.generation():
            return index
        with self._lexical_lock:
            if self._holding:
                self.sync_lexical()
                return index
            from filelock import FileLock, Timeout

            try:
                self.path.mkdir(parents=True, exist_ok=True)
                lock = FileLock(str(self.path / "write.lock"), timeout=0)
                lock.acquire()
            except (Timeout, OSError):  # a writer is at work, or a read-only store: read the index as it stands
                return index
            try:
                if index.generation() != self.generation():
                    self.sync_lexical()
            finally:
                lock.release()
        return index

    def sync_lexical(self, rebuild: bool = False, full: bool = False) -> None:
        """Bring the lexical index level with Chroma (hold the writer lock).

        An index in the store's epoch at write ``n`` reads only the chunks, records and tombstones with a ``seq``
        above ``n`` (``_catch_up``): work in proportion to the change. Otherwise (another epoch, no position, a
        store from before sequence numbers, ``full``, ``rebuild``) it reads every chunk's id and metadata
        (``_full_sync``). ``rebuild`` starts from an empty file."""
        state = self.state()
        epoch, seq = self.index.position()
        if not (rebuild or full) and state.epoch and epoch == state.epoch and 0 < seq <= state.seq:
            self._catch_up(state, seq)
        else:
            self._full_sync(state, rebuild)

    def _catch_up(self, state: StoreState, since: int) -> None:
        """Apply the writes after ``since``: every article in a tombstone, a chunk or a record written since then
        is dropped from the index, and the chunks Chroma holds for it now (all written since: a write replaces an
        article's chunks whole) come back; outlets from the records. The position advances only when no write was
        under way or began while reading (else the next sync reads from ``since`` again)."""
        where = {"seq": {"$gt": since}}
        names = self._collection_names()
        tombstones = (
            [i for i, _, _ in _get_all(self._collection(self.tombstones_name), [], where)]
            if self.tombstones_name in names
            else []
        )
        chunks = (
            _get_all(self.chunk_collection(), ["documents", "metadatas"], where) if self.chunks_name in names else []
        )
        records = _get_all(self.article_collection(), ["metadatas"], where) if self.articles_name in names else []
        after = self.state()
        stable = after.generation == state.generation and after.epoch == state.epoch
        articles = {*tombstones, *(i for i, _, _ in records)}
        articles.update(str((m or {}).get("article_id", "")) for _, _, m in chunks)
        self.index.catch_up(
            articles,
            [ChunkRow(cid, text or "", dict(meta or {})) for cid, text, meta in chunks],
            {aid: outlet(str((m or {}).get("source", "")), (m or {}).get("url") or None) for aid, _, m in records},
            set(tombstones) - {i for i, _, _ in records},
            state.generation if stable else self.index.generation(),
            (state.epoch, state.seq if stable and not state.writing else since),
        )
        self.last_sync = SyncReport("incremental", len(chunks), len(chunks), len(records), len(tombstones))

    def _full_sync(self, state: StoreState, rebuild: bool) -> None:
        """Chunks the index lacks are added (their features taken from a FORMAT 2 folder being migrated, else
        computed), chunks Chroma no longer has removed, changed metadata rewritten, the outlet table rebuilt from
        the manifest: one read of every chunk's id and metadata, texts only for the missing ones."""
        if rebuild:
            try:
                self.index.clear()  # in place: a serving process's open connection sees the rebuilt index
            except sqlite3.DatabaseError:  # not a database any more: start a new file
                self.index.close()
                for suffix in ("", "-wal", "-shm"):
                    with contextlib.suppress(FileNotFoundError):
                        self.index.path.with_name(self.index.path.name + suffix).unlink()
        rows = _get_all(self.chunk_collection(), ["metadatas"]) if self.has_chunks() else []
        chroma = {cid: dict(meta or {}) for cid, _, meta in rows}
        have = self.index.metas()
        remove = [cid for cid in have if cid not in chroma]
        update = {
            cid: m
            for cid, m in chroma.items()
            if cid in have and have[cid] != json.dumps(m, ensure_ascii=False, sort_keys=True)
        }
        missing = [cid for cid in chroma if cid not in have]
        add: list[ChunkRow] = []
        for part in _batches(missing, 1000):
            add.extend(ChunkRow(cid, text, meta) for cid, (text, meta, _) in self.chunks_by_id(part).items())
        legacy = self.path / LEGACY_FOLDER
        known = legacy_terms(legacy) if add else {}
        manifest = self.manifest()
        outlets = {aid: outlet(r.source, r.url) for aid, r in manifest.items()}
        # a position only from a read that no write overlapped: else the next sync is a full one again
        after = self.state()
        clean = after == state and not state.writing and bool(state.epoch)
        position = (state.epoch, state.seq) if clean else ("", 0)
        self.index.apply(remove, update, add, outlets, state.generation, known, position)
        shutil.rmtree(legacy, ignore_errors=True)  # a FORMAT 1/2 cache: migrated
        self.last_sync = SyncReport("full", len(rows), len(add), len(manifest))

    def all_chunks(self) -> list[tuple[str, str | None, Any]]:
        """(id, text, metadata) of every stored chunk."""
        return _get_all(self.chunk_collection(), ["documents", "metadatas"])

    def passages(self, ids: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """(text, metadata) of the given chunks, by id: from the lexical index's chunk table, and from Chroma for
        any it does not hold (chunks written since it was last brought level). A chunk id names its content."""
        out = self.lexical().chunks(ids)
        missing = [cid for cid in ids if cid not in out]
        if missing:
            out.update({cid: (text, meta) for cid, (text, meta, _) in self.chunks_by_id(missing).items()})
        return out

    def vectors_by_id(self, ids: list[str]) -> dict[str, np.ndarray]:
        """The stored vectors of the given chunks, by id (those that exist)."""
        if not ids:
            return {}
        got = self.chunk_collection().get(ids=ids, include=["embeddings"])  # type: ignore[list-item]
        vectors = got.get("embeddings")
        if vectors is None:
            return {}
        return {cid: np.asarray(vectors[i], dtype=np.float32) for i, cid in enumerate(got["ids"])}

    def chunks_by_id(self, ids: list[str], embeddings: bool = False) -> dict[str, tuple[str, dict[str, Any], Any]]:
        """(text, metadata, embedding or None) of the given chunks, by id."""
        if not ids:
            return {}
        include = ["documents", "metadatas"] + (["embeddings"] if embeddings else [])
        got = self.chunk_collection().get(ids=ids, include=include)  # type: ignore[arg-type]
        vectors = got.get("embeddings") if embeddings else None
        return {
            cid: (doc or "", meta or {}, vectors[i] if vectors is not None else None)
            for i, (cid, doc, meta) in enumerate(
                zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True)
            )
        }

    def has_chunks(self) -> bool:
        """Whether the chunks collection exists (a store whose every file failed has none yet)."""
        return self.chunks_name in {c.name for c in self._client_for(create=True).list_collections()}

    def count_chunks(self) -> int:
        """Chunks stored; a missing store is an error that says how to make one."""
        return self.chunk_collection().count()

    # -- writing (hold writer()) -----------------------------------------------------------------------------
    def delete_articles(self, article_ids: Sequence[str]) -> None:
        """Write a tombstone per article (so that other processes' indexes drop it), then remove the articles'
        chunks (from Chroma, then from the lexical index), then their records (a crash in between leaves a record
        to redo, and the next write a new epoch)."""
        write = self._start_write()
        ids = list(dict.fromkeys(article_ids))
        for part in _batches(ids, self.max_batch()):
            self._collection(self.tombstones_name, create=True).upsert(
                ids=part,
                embeddings=[[1.0] for _ in part],  # Chroma wants a vector: one dimension, never queried
                metadatas=[{"seq": write.seq} for _ in part],
            )
        crash_point("tombstones-written")
        self._delete_chunks_of(ids)
        if write.follow:
            self.index.delete_articles(ids, write.writing)
        for part in _batches(ids, self.max_batch()):
            self.article_collection(create=True).delete(ids=part)
        self._end_write(write)

    def _start_write(self) -> _Write:
        """Mark the store mid-write and take the next write sequence number. The lexical index follows the write in
        place only from a clean generation it agrees with; otherwise it is left behind and brought level from
        Chroma when the write is over (``lexical()``). A store from before sequence numbers, or one whose last
        write was cut short (its records may hold what no tombstone or sequence number tells), gets a new epoch:
        every process's index is brought level in full once."""
        before = self.state()
        follow = self.index.generation() == before.generation and not before.writing
        epoch = before.epoch if before.epoch and not before.writing else _uid()
        write = _Write(follow, WRITING + _uid(), before.seq + 1, epoch)
        self._set_state(StoreState(write.writing, write.seq, write.epoch))
        if follow:
            self.index.set_generation(write.writing)
        return write

    def _end_write(self, write: _Write) -> None:
        now = self.state()
        generation = _uid()
        if now.generation == write.writing:
            self._set_state(StoreState(generation, write.seq, write.epoch))
        else:  # another writer (server mode, another folder) came in between: whoever caught up meanwhile may have
            # missed some of this write's records under an older sequence number; a new epoch makes all read in full
            self._set_state(StoreState(generation, max(now.seq, write.seq), _uid()))
        crash_point("generation-bumped")
        if write.follow and now.generation == write.writing:
            self.index.set_state(generation, (write.epoch, write.seq))

    def update_records(self, records: Sequence[ArticleRecord]) -> None:
        """Rewrite the manifest records of stored articles (their text and chunks stay)."""
        for part in _batches(list(records), self.max_batch()):
            self.article_collection(create=True).update(
                ids=[r.id for r in part],
                metadatas=[_article_meta(r) for r in part],  # type: ignore[misc]
            )

    def _delete_chunks_of(self, article_ids: Sequence[str]) -> None:
        for part in _batches(list(article_ids), 500):
            self.chunk_collection(create=True).delete(where={"article_id": {"$in": part}})

    def write_articles(self, items: Sequence[tuple[Article, ArticleRecord, list[Chunk], np.ndarray]]) -> None:
        """Replace each article's chunks and record. Old chunks go first, the record last: it is the commit mark,
        so a run killed half-way leaves articles that the next run sees as not yet stored and writes again."""
        if not items:
            return
        # The generation changes before any write (to a "writing" one) and again after; the lexical index takes
        # each in step with its own writes, so one left behind by a crash never matches the store again.
        write = self._start_write()
        crash_point("write-start")
        self._delete_chunks_of([article.id for article, _, _, _ in items])
        crash_point("chunks-deleted")
        chunk_rows: list[tuple[str, list[float], str, dict[str, Any]]] = []
        for article, _, chunks, vectors in items:
            for chunk, vector in zip(chunks, vectors, strict=True):
                meta = {
                    "article_id": article.id,
                    "index": chunk.index,
                    "start": chunk.start,
                    "end": chunk.end,
                    "title": article.title,
                    "source": article.source,
                    **_published_meta(article.published),
                    "seq": write.seq,
                }
                chunk_rows.append((chunk.id, vector.tolist(), chunk.text, meta))
        batch = self.max_batch()
        for part in _batches(chunk_rows, batch):
            self.chunk_collection(create=True).upsert(
                ids=[r[0] for r in part],
                embeddings=[r[1] for r in part],
                documents=[r[2] for r in part],
                metadatas=[r[3] for r in part],
            )
        crash_point("chunks-written")
        if write.follow:
            self.index.replace_articles(
                [article.id for article, _, _, _ in items],
                [ChunkRow(r[0], r[2], r[3]) for r in chunk_rows],
                {article.id: outlet(article.source, article.url) for article, _, _, _ in items},
                write.writing,
            )
        article_rows = []
        for article, record, _, vectors in items:
            mean = vectors.mean(axis=0) if len(vectors) else np.ones(vectors.shape[1] or 1, dtype=np.float32)
            mean = mean / (np.linalg.norm(mean) or 1.0)
            article_rows.append((article.id, mean.tolist(), article.text, {**_article_meta(record), "seq": write.seq}))
        for part in _batches(article_rows, batch):
            self.article_collection(create=True).upsert(
                ids=[r[0] for r in part],
                embeddings=[r[1] for r in part],
                documents=[r[2] for r in part],
                metadatas=[r[3] for r in part],
            )
        crash_point("records-written")
        self._end_write(write)


@dataclass(frozen=True)
class StoreState:
    """The store's generation, write sequence number and epoch (its article collection's metadata)."""

    generation: str = ""
    seq: int = 0
    epoch: str = ""  # "" for a store from before sequence numbers

    @property
    def writing(self) -> bool:
        return self.generation.startswith(WRITING)


@dataclass(frozen=True)
class SyncReport:
    """What bringing the lexical index level read from Chroma: ``full`` (every chunk's id and metadata, then the
    texts it lacked) or ``incremental`` (only what was written since its position)."""

    kind: str
    chunks_read: int  # chunk rows read (ids and metadata, with texts for an incremental one)
    texts_read: int  # chunk texts fetched
    records_read: int  # article records read
    tombstones_read: int = 0


@dataclass(frozen=True)
class _Write:
    follow: bool  # the lexical index follows this write in place
    writing: str  # the writing generation
    seq: int  # this write's sequence number
    epoch: str


@dataclass
class StoreCheck:
    """What ``newsrag store check`` finds: every stored thing agrees with every other, or what does not."""

    articles: int = 0
    chunks: int = 0
    orphan_chunks: list[str] = field(default_factory=list)  # chunks whose article has no record
    incomplete: list[str] = field(default_factory=list)  # records whose chunk count differs from the chunks stored
    lexical_problem: str = ""  # the lexical index disagrees with Chroma at the current generation, or is damaged

    @property
    def ok(self) -> bool:
        return not (self.orphan_chunks or self.incomplete or self.lexical_problem)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "articles": self.articles,
            "chunks": self.chunks,
            "orphan_chunks": self.orphan_chunks,
            "incomplete_articles": self.incomplete,
            "lexical_problem": self.lexical_problem,
        }


def check_store(store: Store) -> StoreCheck:
    """Compare the manifest, the chunks in Chroma and the cached lexical index (its chunks at the same generation,
    and its position: never past the store's write sequence number in the same epoch)."""
    out = StoreCheck()
    if not store.exists():
        return out
    manifest = store.manifest()
    rows = _get_all(store.chunk_collection(create=True), ["metadatas"])
    out.articles, out.chunks = len(manifest), len(rows)
    per_article: dict[str, int] = {}
    for cid, _, meta in rows:
        aid = str((meta or {}).get("article_id", ""))
        per_article[aid] = per_article.get(aid, 0) + 1
        if aid not in manifest:
            out.orphan_chunks.append(cid)
    out.incomplete = sorted(aid for aid, rec in manifest.items() if per_article.get(aid, 0) != rec.chunks)
    index = store.index
    state = store.state()
    epoch, seq = index.position()
    if index.exists() and index.generation() == state.generation:
        if sorted(index.ids()) != sorted(cid for cid, _, _ in rows):
            out.lexical_problem = "the lexical index holds other chunks than Chroma at the same generation"
        else:
            out.lexical_problem = index.problem()
    if not out.lexical_problem and epoch and epoch == state.epoch and seq > state.seq:
        out.lexical_problem = f"the lexical index claims write {seq}, but the store's last write is {state.seq}"
    return out


def repair_store(store: Store) -> StoreCheck:
    """Mend what ``check_store`` finds (hold ``store.writer()``): orphan chunks go; an incomplete article goes
    entirely (the next ingestion of its file stores it again); a write cut short is closed; the lexical index is
    brought level in full (rebuilt when damaged). Each of these starts a new epoch: every other process's index is
    brought level in full once. Returns what was found before the repair."""
    found = check_store(store)
    if found.orphan_chunks or found.incomplete:
        store.bump_generation(writing=True)
        for part in _batches(found.orphan_chunks, store.max_batch()):
            store.chunk_collection(create=True).delete(ids=part)
        if found.incomplete:
            store.delete_articles(found.incomplete)
        store.bump_generation()
    elif store.exists() and store.state().writing:
        store.bump_generation()
    if store.exists():
        store.sync_lexical(rebuild=bool(found.lexical_problem and store.index.problem()), full=True)
    return found


def copy_store(source: Store, target: Store, log: Any = lambda _: None) -> tuple[int, int]:
    """Copy every article record and chunk, with their vectors, from ``source`` to ``target`` (embedded folder or
    server, either way; hold ``target.writer()``). Nothing is embedded again. Returns (articles, chunks)."""
    counts = []
    if target.exists():
        target.bump_generation(writing=True)
    seq = target.state().seq + 1  # every copied record is stamped with it (the source's numbers mean nothing here)
    for name in ("chunk_collection", "article_collection"):
        src, dst = getattr(source, name)(), getattr(target, name)(create=True)
        total, offset = src.count(), 0
        batch = min(target.max_batch(), 1000)
        while offset < total:
            got = src.get(include=["documents", "metadatas", "embeddings"], limit=batch, offset=offset)  # type: ignore[list-item]
            if not got["ids"]:
                break
            dst.upsert(
                ids=got["ids"],
                embeddings=got["embeddings"],  # type: ignore[arg-type]
                documents=got["documents"],
                metadatas=[{**(m or {}), "seq": seq} for m in got["metadatas"] or []],  # type: ignore[misc]
            )
            offset += len(got["ids"])
            log(f"{name.split('_')[0]}s: {offset}/{total}")
        counts.append(offset)
    target._set_state(StoreState(_uid(), seq, _uid()))  # a new epoch: every process's index is brought level in full
    target.lexical()
    return counts[1], counts[0]


def _article_meta(record: ArticleRecord) -> dict[str, Any]:
    return {
        "title": record.title,
        "source": record.source,
        "content_hash": record.content_hash,
        "text_hash": record.text_hash,
        "settings_fp": record.settings_fp,
        "chunks": record.chunks,
        **({"url": record.url} if record.url else {}),
        **({"root": record.root, "origin": record.origin} if record.root else {}),
        **_published_meta(record.published),
    }


def _record(article_id: str, meta: Any) -> ArticleRecord:
    return ArticleRecord(
        id=article_id,
        title=str(meta.get("title", "")),
        published=int_to_date(meta.get("published")),
        source=str(meta.get("source", "")),
        url=meta.get("url") or None,
        content_hash=str(meta.get("content_hash", "")),
        text_hash=str(meta.get("text_hash", "")),
        settings_fp=str(meta.get("settings_fp", "")),
        chunks=int(meta.get("chunks", 0)),
        root=str(meta.get("root", "")),
        origin=str(meta.get("origin", "")),
    )


def _http_client(url: str) -> ClientAPI:
    """A client of the Chroma server at ``url``; an unreachable server is a StoreError that says how to start one."""
    from urllib.parse import urlsplit

    go_offline()
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    parts = urlsplit(url)
    try:
        client = chromadb.HttpClient(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or (443 if parts.scheme == "https" else 8000),
            ssl=parts.scheme == "https",
            settings=ChromaSettings(anonymized_telemetry=False),
        )
        client.heartbeat()
    except Exception as exc:  # connection refused, DNS, TLS: chromadb raises several kinds
        raise StoreError(
            f"Cannot reach the Chroma server at {url}: {' '.join(str(exc).split())[:200]}. Start one with "
            "`make chroma` (or `chroma run --path DIR --host 127.0.0.1 --port 8000`), or drop --chroma-url to use "
            "the embedded store."
        ) from None
    return client


WRITING = "w-"  # prefix of the generation while a write is under way (or was cut short)
PAGE = 5000  # rows per Chroma get(): one unbounded get() of a large collection overflows SQLite's variables


def _get_all(
    collection: Collection, include: list[str], where: dict[str, Any] | None = None
) -> list[tuple[str, str | None, Any]]:
    """Every row of a collection (that matches ``where``) as (id, document or None, metadata), read page by page."""
    rows: list[tuple[str, str | None, Any]] = []
    offset = 0
    while True:
        got = collection.get(include=include, where=where, limit=PAGE, offset=offset)  # type: ignore[arg-type]
        ids = got["ids"]
        docs = got.get("documents") or [None] * len(ids)
        metas = got.get("metadatas") or [None] * len(ids)
        rows.extend(zip(ids, docs, metas, strict=True))
        if len(ids) < PAGE:
            return rows
        offset += PAGE


def _uid() -> str:
    import uuid

    return uuid.uuid4().hex


def _batches(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
