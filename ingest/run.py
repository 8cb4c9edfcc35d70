"""The ingestion job: read, skip what is stored unchanged, chunk, embed in batches, write; report everything.

Idempotent: an article whose content and settings fingerprint match the manifest is not touched; a changed one
replaces its old chunks; the same text under another id is reported as a duplicate and stored once.
One bad file (or JSONL line) is reported and never stops the rest. Articles stream: each is read (a JSONL dump
line by line), checked against the manifest and added to the batch being filled; a full batch is embedded and
written while reading goes on, so memory stays flat however large the input.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from ingest.chunk import Chunker
from ingest.readers import InputFile, discover, read_file
from rag.embed import Embedder
from rag.errors import ReadError
from rag.settings import Settings
from rag.store import WRITING, ArticleRecord, Store
from rag.types import Article, Chunk


@dataclass(frozen=True)
class Failure:
    path: str
    line: int | None
    error: str


@dataclass(frozen=True)
class Duplicate:
    path: str
    line: int | None
    article_id: str
    duplicate_of: str


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    chunks: int = 0
    total_chunks: int = 0
    failed: list[Failure] = field(default_factory=list)
    duplicate_of: list[Duplicate] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)  # article ids removed by --prune

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "duplicates": self.duplicates,
            "chunks": self.chunks,
            "total_chunks": self.total_chunks,
            "failed": [{"path": f.path, "line": f.line, "error": f.error} for f in self.failed],
            "pruned": self.pruned,
            "duplicate_of": [
                {"path": d.path, "line": d.line, "article_id": d.article_id, "duplicate_of": d.duplicate_of}
                for d in self.duplicate_of
            ],
        }


def content_hash(article: Article) -> str:
    key = [article.title, article.published.isoformat() if article.published else None, article.url, article.text]
    return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_chunker(settings: Settings, embedder: Embedder) -> Chunker:
    return Chunker(
        embedder.token_spans,
        max_tokens=settings.chunk_tokens,
        overlap_sentences=settings.chunk_overlap_sentences,
        title_tokens=settings.chunk_title_tokens,
    )


# Articles read before their records are looked up together (two small reads a group): at most this many, as
# many as a write batch has chunks (a smaller batch is filled sooner), and at most this much text held waiting.
LOOKUP_GROUP = 256
LOOKUP_CHARS = 4_000_000


@dataclass(frozen=True)
class _Read:
    """An article read from a file, waiting to be checked against the store."""

    article: Article
    line: int | None
    where: str
    c_hash: str
    t_hash: str
    root: str
    origin: str


def ingest_paths(
    paths: list[str],
    settings: Settings,
    store: Store | None = None,
    embedder: Embedder | None = None,
    progress: bool | None = None,
    prune: bool = False,
) -> IngestReport:
    """Ingest files and folders into the store. ``progress=None`` shows bars only on a terminal. With ``prune``,
    articles that earlier runs stored from these same paths and that they no longer hold are deleted (never
    articles from other paths, nor from a file that failed to read this time)."""
    store = store or Store(settings)
    embedder = embedder or Embedder.from_settings(settings)
    chunker = make_chunker(settings, embedder)
    settings_fp = f"{chunker.fingerprint}|{embedder.fingerprint}"
    report = IngestReport()
    files, missing = discover(paths)
    report.failed.extend(_failure(e) for e in missing)
    disable = None if progress is None else not progress

    with store.writer():
        # What is stored is read per group of articles read (their records by id, the owners of their texts by
        # hash): work in proportion to the input, not to the store. Only --prune reads every record.
        manifest = store.manifest() if prune else None
        owner_of_text: dict[str, str] = {}  # text hash -> the article that holds it (stored, or taken in this run)
        seen: dict[str, tuple[str, str]] = {}  # article id -> (content hash, where) in this run
        unreadable: set[tuple[str, str]] = set()  # (root, origin) of files with errors: never pruned from
        pending_moves: list[ArticleRecord] = []  # unchanged articles whose root or origin changed
        waiting: list[_Read] = []  # read, not yet checked against the store
        waiting_chars = 0
        group_size = max(1, min(LOOKUP_GROUP, settings.write_batch_chunks))

        def decide(group: list[_Read]) -> None:
            """Each article of the group against what is stored: unchanged, a duplicate, or into the batch."""
            if manifest is not None:
                stored = {r.article.id: manifest[r.article.id] for r in group if r.article.id in manifest}
                owners = {rec.text_hash: rec.id for rec in manifest.values()}
            else:
                stored = store.records([r.article.id for r in group])
                owners = store.text_owners([r.t_hash for r in group if r.t_hash not in owner_of_text])
            for h, owner in owners.items():
                owner_of_text.setdefault(h, owner)
            for r in group:
                article = r.article
                old = stored.get(article.id)
                if old and old.content_hash == r.c_hash and same_settings(old.settings_fp, settings_fp):
                    report.unchanged += 1
                    if (old.root, old.origin) != (r.root, r.origin):  # the same article, now found here
                        pending_moves.append(replace(old, root=r.root, origin=r.origin))
                    continue
                owner = owner_of_text.get(r.t_hash)
                if owner is not None and owner != article.id:
                    report.duplicates += 1
                    report.duplicate_of.append(Duplicate(r.where, r.line, article.id, owner))
                    continue
                owner_of_text[r.t_hash] = article.id
                record = ArticleRecord(
                    id=article.id,
                    title=article.title,
                    published=article.published,
                    source=article.source,
                    url=article.url,
                    content_hash=r.c_hash,
                    text_hash=r.t_hash,
                    settings_fp=settings_fp,
                    chunks=0,
                    root=r.root,
                    origin=r.origin,
                )
                if old:
                    report.updated += 1
                else:
                    report.added += 1
                batch.add(article, record)

        # Each article to (re-)embed goes into the batch as it is read; a full batch is embedded and written while
        # reading goes on. Nothing holds all the articles or all the lines: memory stays flat as a dump grows.
        with _writer() as submit, _progress(files, disable) as bar:
            batch = _Batch(chunker, embedder, store, report, settings.write_batch_chunks, submit, bar)
            for item in files:
                origin = _origin(item)
                done = 0  # bytes of this file read so far
                for result in read_file(item):
                    if isinstance(result, ReadError):
                        report.failed.append(_failure(result))
                        unreadable.add((item.root, origin))
                        continue
                    bar.update(max(0, result.end - done))
                    done = max(done, result.end)
                    article, where = result.article, item.display
                    c_hash = content_hash(article)
                    if article.id in seen:
                        if seen[article.id][0] != c_hash:
                            report.failed.append(
                                Failure(
                                    where,
                                    result.line,
                                    f"article id {article.id!r} is also used "
                                    f"by {seen[article.id][1]} in this run with other text: ids must be unique "
                                    "(rename one of the files, or give the JSONL lines distinct 'id's)",
                                )
                            )
                        continue
                    seen[article.id] = (c_hash, where)
                    waiting.append(
                        _Read(article, result.line, where, c_hash, text_hash(article.text), item.root, origin)
                    )
                    waiting_chars += len(article.text)
                    if len(waiting) >= group_size or waiting_chars >= LOOKUP_CHARS:
                        decide(waiting)
                        waiting, waiting_chars = [], 0
                bar.update(max(0, _size(item) - done))
            decide(waiting)
            batch.flush()
        written = report.added + report.updated  # articles embedded and written

        if pending_moves:
            store.update_records(pending_moves)
        if prune:
            # Only paths that exist now: a missing folder (unmounted, renamed) is an error, not an empty folder.
            roots = {item.root for item in files} | {str(Path(p).resolve()) for p in paths if Path(p).exists()}
            kept = {d.duplicate_of for d in report.duplicate_of}  # a renamed file's text lives on under its old id
            gone = [
                rec.id
                for rec in (manifest or {}).values()
                if rec.root in roots
                and rec.id not in seen
                and rec.id not in kept
                and (rec.root, rec.origin) not in unreadable
            ]
            if gone:
                store.delete_articles(gone)
                report.pruned = sorted(gone)
        if store.exists() and store.generation().startswith(WRITING):
            store.bump_generation()  # an earlier run was cut short mid-write; its records now say what is stored
        if written or report.pruned or not store.lexical_current():
            store.lexical()  # bring the lexical index level now (a crash, a migration), holding the lock
        report.total_chunks = store.count_chunks() if store.has_chunks() else 0
    return report


def same_settings(stored: str, current: str) -> bool:
    """Whether an article stored under fingerprint ``stored`` needs no re-embedding under ``current``. Stores from
    before ``embedding_dtype`` left the fingerprint (it is a precision, not another model) end in ``:bfloat16``:
    their vectors are the same model's and are kept."""
    return stored == current or stored.removesuffix(":bfloat16") == current


class _Batch:
    """Articles in, embedded and written in batches of about ``size`` chunks: each article is tokenised once (the
    chunker and the model share its word pieces) and chunked as it arrives, and a full batch goes to the model and
    then to ``submit``: the background writer stores it (Chroma's indexing, SQLite) while the next batch is read and
    embedded. At most one write is in flight, in order, so memory holds one batch being filled and one being
    written, and a crash leaves what a sequential run would; a failed write stops the run with its own error."""

    def __init__(
        self,
        chunker: Chunker,
        embedder: Embedder,
        store: Store,
        report: IngestReport,
        size: int,
        submit: Callable[[list[Any], Store], None],
        bar: Any,
    ) -> None:
        self.chunker, self.embedder, self.store, self.report = chunker, embedder, store, report
        self.size, self.submit, self.bar = size, submit, bar
        self.items: list[tuple[Article, ArticleRecord, list[Chunk], list[Any]]] = []
        self.chunks = 0

    def add(self, article: Article, record: ArticleRecord) -> None:
        chunker, embedder = self.chunker, self.embedder
        tokens = embedder.tokens(article.text)
        chunks = chunker.chunk(article, tokens.spans)
        title = embedder.tokens(chunker.flat_title(article.title)).ids if chunker.title_tokens else []
        self.items.append((article, record, chunks, chunker.embedding_ids(title, tokens.ids, tokens.spans, chunks)))
        self.chunks += len(chunks)
        if self.chunks >= self.size:
            self.flush()

    def flush(self) -> None:
        if not self.items:
            return
        self.submit(_embedded(self.items, self.embedder), self.store)
        self.report.chunks += self.chunks
        self.bar.set_postfix(chunks=self.report.chunks, refresh=False)
        self.items, self.chunks = [], 0


@contextmanager
def _progress(files: list[InputFile], disable: bool | None) -> Iterator[Any]:
    """One bar over the bytes of all the files (a big JSONL dump moves it line by line), the chunks written beside."""
    from tqdm import tqdm

    total = sum(_size(item) for item in files)
    with tqdm(total=total or None, desc="ingesting", unit="B", unit_scale=True, disable=disable) as bar:
        yield bar


def _size(item: InputFile) -> int:
    try:
        return item.path.stat().st_size
    except OSError:
        return 0


@contextmanager
def _writer() -> Iterator[Callable[[list[Any], Store], None]]:
    """``submit(items, store)`` writes ``items`` in a background thread after the previous write has finished;
    leaving the block waits for the last one (and raises what any write raised)."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsrag-write")
    pending: list[Future[None]] = []

    def submit(items: list[Any], store: Store) -> None:
        if pending:
            pending.pop().result()
        pending.append(pool.submit(store.write_articles, items))

    try:
        yield submit
        if pending:
            pending.pop().result()
    finally:
        pool.shutdown(wait=True)


def _embedded(batch: list[tuple[Article, ArticleRecord, list[Chunk], list[Any]]], embedder: Embedder) -> list[Any]:
    """The batch's articles with their chunks' vectors, ready for ``Store.write_articles``."""
    vectors = embedder.embed_ids([ids for _, _, _, chunk_ids in batch for ids in chunk_ids])
    items = []
    offset = 0
    for article, record, chunks, _ in batch:
        vecs = vectors[offset : offset + len(chunks)]
        offset += len(chunks)
        items.append((article, _with_chunks(record, len(chunks)), chunks, np.asarray(vecs)))
    return items


def _with_chunks(record: ArticleRecord, n: int) -> ArticleRecord:
    return replace(record, chunks=n)


def _origin(item: InputFile) -> str:
    """The file, relative to the folder that was given (its name when the file itself was given)."""
    resolved = item.path.resolve()
    if str(resolved) == item.root or not resolved.is_relative_to(item.root):
        return item.path.name
    return resolved.relative_to(item.root).as_posix()


def _failure(err: ReadError) -> Failure:
    return Failure(err.path, err.line, str(err))
