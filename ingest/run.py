"""The ingestion job: read, skip what is stored unchanged, chunk, embed in batches, write; report everything.

Idempotent: an article whose content and settings fingerprint match the manifest is not touched; a changed one
replaces its old chunks; the same text under another id is reported as a duplicate and stored once.
One bad file (or JSONL line) is reported and never stops the rest.
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
    from tqdm import tqdm

    store = store or Store(settings)
    embedder = embedder or Embedder.from_settings(settings)
    chunker = make_chunker(settings, embedder)
    settings_fp = f"{chunker.fingerprint}|{embedder.fingerprint}"
    report = IngestReport()
    files, missing = discover(paths)
    report.failed.extend(_failure(e) for e in missing)
    disable = None if progress is None else not progress

    with store.writer():
        manifest = store.manifest()
        owner_of_text = {rec.text_hash: rec.id for rec in manifest.values()}
        seen: dict[str, tuple[str, str]] = {}  # article id -> (content hash, where) in this run
        pending: list[tuple[Article, ArticleRecord]] = []
        unreadable: set[tuple[str, str]] = set()  # (root, origin) of files with errors: never pruned from
        pending_moves: list[ArticleRecord] = []  # unchanged articles whose root or origin changed
        for item in tqdm(files, desc="reading", unit="file", disable=disable, leave=False):
            origin = _origin(item)
            for result in read_file(item):
                if isinstance(result, ReadError):
                    report.failed.append(_failure(result))
                    unreadable.add((item.root, origin))
                    continue
                article, line = result.article, result.line
                where = item.display
                c_hash, t_hash = content_hash(article), text_hash(article.text)
                if article.id in seen:
                    if seen[article.id][0] != c_hash:
                        report.failed.append(
                            Failure(
                                where,
                                line,
                                f"article id {article.id!r} is also used "
                                f"by {seen[article.id][1]} in this run with other text: ids must be unique "
                                "(rename one of the files, or give the JSONL lines distinct 'id's)",
                            )
                        )
                    continue
                seen[article.id] = (c_hash, where)
                old = manifest.get(article.id)
                if old and old.content_hash == c_hash and same_settings(old.settings_fp, settings_fp):
                    report.unchanged += 1
                    if (old.root, old.origin) != (item.root, origin):  # the same article, now found here
                        pending_moves.append(replace(old, root=item.root, origin=origin))
                    continue
                owner = owner_of_text.get(t_hash)
                if owner is not None and owner != article.id:
                    report.duplicates += 1
                    report.duplicate_of.append(Duplicate(where, line, article.id, owner))
                    continue
                owner_of_text[t_hash] = article.id
                record = ArticleRecord(
                    id=article.id,
                    title=article.title,
                    published=article.published,
                    source=article.source,
                    url=article.url,
                    content_hash=c_hash,
                    text_hash=t_hash,
                    settings_fp=settings_fp,
                    chunks=0,
                    root=item.root,
                    origin=origin,
                )
                if old:
                    report.updated += 1
                else:
                    report.added += 1
                pending.append((article, record))

        if pending:
            _embed_and_write(pending, chunker, embedder, store, report, disable, settings.write_batch_chunks)
        if pending_moves:
            store.update_records(pending_moves)
        if prune:
            # Only paths that exist now: a missing folder (unmounted, renamed) is an error, not an empty folder.
            roots = {item.root for item in files} | {str(Path(p).resolve()) for p in paths if Path(p).exists()}
            kept = {d.duplicate_of for d in report.duplicate_of}  # a renamed file's text lives on under its old id
            gone = [
                rec.id
                for rec in manifest.values()
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
        if pending or report.pruned or not store.lexical_current():
            store.lexical()  # rebuild the BM25 index now, while holding the lock, so no query waits for it
        report.total_chunks = store.count_chunks() if store.has_chunks() else 0
    return report


def same_settings(stored: str, current: str) -> bool:
    """Whether an article stored under fingerprint ``stored`` needs no re-embedding under ``current``. Stores from
    before ``embedding_dtype`` left the fingerprint (it is a precision, not another model) end in ``:bfloat16``:
    their vectors are the same model's and are kept."""
    return stored == current or stored.removesuffix(":bfloat16") == current


def _embed_and_write(
    pending: list[tuple[Article, ArticleRecord]],
    chunker: Chunker,
    embedder: Embedder,
    store: Store,
    report: IngestReport,
    disable: bool | None,
    store_batch: int,
) -> None:
    from tqdm import tqdm

    chunked = []
    for article, record in pending:  # each article is tokenised once: the chunker and the model share its pieces
        tokens = embedder.tokens(article.text)
        chunks = chunker.chunk(article, tokens.spans)
        title = embedder.tokens(chunker.flat_title(article.title)).ids if chunker.title_tokens else []
        chunked.append((article, record, chunks, chunker.embedding_ids(title, tokens.ids, tokens.spans, chunks)))
    total = sum(len(item[2]) for item in chunked)
    # One batch is written to the store (Chroma's indexing, SQLite) while the next is embedded: the writes overlap
    # the model instead of following it. At most one write is in flight, in order, so memory stays bounded and a
    # crash leaves what a sequential run would; a failed write stops the run with its own error.
    with tqdm(total=total, desc="embedding", unit="chunk", disable=disable) as bar, _writer() as submit:
        batch: list[tuple[Article, ArticleRecord, list[Chunk], list[Any]]] = []
        size = 0
        for item in chunked:
            batch.append(item)
            size += len(item[2])
            if size >= store_batch:
                submit(_embedded(batch, embedder), store)
                bar.update(size)
                report.chunks += size
                batch, size = [], 0
        if batch:
            submit(_embedded(batch, embedder), store)
            bar.update(size)
            report.chunks += size


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
