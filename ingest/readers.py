"""Readers: files and folders in, ``Article``s (or per-file, per-line failures) out.

Formats:
- ``.txt`` starting with `` date YYYY-MM-DD `` (after an optional byte-order mark): the users' dump format; the
  date must parse and becomes ``published``; the header is removed from the text.
- any other ``.txt`` or ``.md``: a plain article without a date.
- ``.jsonl``: one article per line with ``text`` (required), ``id``, ``url``, ``title``, ``published``. Read line
  by line from the open file, never whole: a dump of any size streams, and its limit is per line (article).

``Article.text`` is the body with the header removed, a byte-order mark dropped and CRLF turned into LF;
nothing else changes, so offsets stay true to the source.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from rag.errors import ReadError
from rag.text import derive_title, shorten
from rag.types import Article

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED = TEXT_SUFFIXES | JSONL_SUFFIXES
MAX_FILE_BYTES = 50 * 1024 * 1024  # a .txt/.md file: one article, read whole
MAX_LINE_BYTES = 50 * 1024 * 1024  # one JSONL line (one article); a JSONL file has no size limit
SNIFF_BYTES = 8192  # a JSONL file with a NUL byte in its first block is binary, not JSON Lines
_HEADER = re.compile(r" date (\S*)(?: |\n|$)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Read:
    """An article read from a file, with the JSONL line it came from (None for a whole-file article)."""

    article: Article
    line: int | None = None
    end: int = 0  # byte offset in the file just past this article (the file's size for a whole-file article)


@dataclass(frozen=True)
class InputFile:
    path: Path  # where to read it
    display: str  # how to name it in messages: as the user gave it
    source: str  # what to store: the path relative to the folder that was ingested
    root: str = ""  # the folder or file given, resolved: what --prune compares


def discover(paths: list[str]) -> tuple[list[InputFile], list[ReadError]]:
    """Expand files and folders (recursively, hidden entries skipped, sorted) into the files to read."""
    files: list[InputFile] = []
    failures: list[ReadError] = []
    for given in paths:
        root = Path(given)
        if root.is_dir():
            found = []
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in filenames:
                    if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED:
                        found.append(Path(dirpath) / name)
            for path in sorted(found):
                files.append(InputFile(path, str(path), path.relative_to(root).as_posix(), str(root.resolve())))
        elif root.is_file():
            if root.suffix.lower() not in SUPPORTED:
                failures.append(
                    ReadError(
                        f"unsupported file type {root.suffix or '(none)'!r}: newsrag reads .txt, .md and .jsonl",
                        given,
                    )
                )
            else:
                files.append(InputFile(root, given, root.name, str(root.resolve())))
        else:
            failures.append(ReadError("no such file or folder", given))
    return files, failures


def read_file(item: InputFile) -> Iterator[Read | ReadError]:
    """The articles of one file; a problem becomes a ``ReadError`` naming the file (and line) and the fix. A JSONL
    file is read a line at a time, so a dump of any size streams through in the memory of its longest line."""
    if item.path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(item)
        return
    try:
        size = item.path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield ReadError(
                f"file is {_size(size)}, over the {_mib(MAX_FILE_BYTES)} limit for one article: split it "
                "into several files, or into the lines of a .jsonl file (which has no size limit)",
                item.display,
            )
            return
        data = item.path.read_bytes()
    except OSError as exc:
        yield ReadError(f"cannot read the file: {exc.strerror or exc}", item.display)
        return
    try:
        yield Read(_read_text(item, data), end=len(data))
    except ReadError as err:
        yield err


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n:,} bytes"


def _mib(n: int) -> str:
    return f"{n // 2**20} MiB" if n % 2**20 == 0 else f"{n:,}-byte"


def _decode(data: bytes, where: str, line: int | None = None) -> str:
    if b"\x00" in data:
        raise ReadError("binary data (NUL bytes), not a text article: newsrag reads UTF-8 text", where, line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}): re-save the file as UTF-8",
            where,
            line,
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _read_text(item: InputFile, data: bytes) -> Article:
    text = _decode(data, item.display)
    if not text.strip():
        raise ReadError("empty file: no article text", item.display)
    published = None
    if text.startswith(" date "):
        match = _HEADER.match(text)
        value = match.group(1) if match else text[6:].split(maxsplit=1)[0] if text[6:].split() else ""
        published = _parse_date(value)
        if match is None or published is None:
            raise ReadError(
                f"bad date {value!r} in the ' date ' header: write it as ' date YYYY-MM-DD ' "
                "(for example ' date 2023-09-26 '), or remove the header to ingest it without a date",
                item.display,
            )
        text = text[match.end() :]
        if not text.strip():
            raise ReadError("no article text after the ' date YYYY-MM-DD ' header", item.display)
    return Article(
        id=item.path.stem,
        title=derive_title(text),
        published=published,
        source=item.source,
        url=None,
        text=text,
    )


def _read_jsonl(item: InputFile) -> Iterator[Read | ReadError]:
    """One article a line, from the open file in binary: a line that is not UTF-8 is reported by its number and
    the rest go in; a line over ``MAX_LINE_BYTES`` is reported (and skipped without being held) likewise."""
    try:
        with item.path.open("rb") as handle:
            if b"\x00" in handle.peek(SNIFF_BYTES)[:SNIFF_BYTES]:
                yield ReadError("binary data (NUL bytes), not JSON Lines: newsrag reads UTF-8 text", item.display)
                return
            lines = 0
            offset = 0
            for number, raw, read in _lines(handle, MAX_LINE_BYTES):
                offset += read
                if raw is None:
                    yield ReadError(
                        f"line is {_size(read)}, over the {_mib(MAX_LINE_BYTES)} limit for one article: "
                        "shorten its text or split it into several articles (lines)",
                        item.display,
                        number,
                    )
                    lines += 1
                    continue
                if not raw.strip():
                    continue
                lines += 1
                try:
                    yield Read(_jsonl_article(item, raw, number), number, offset)
                except ReadError as err:
                    yield err
    except OSError as exc:
        yield ReadError(f"cannot read the file: {exc.strerror or exc}", item.display)
        return
    if lines == 0:
        yield ReadError("the file holds no JSON lines: one article object a line is expected", item.display)


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """``(number, line, read)`` for each line of ``handle``: split at ``\\n`` (left off the line), numbered from 1,
    with the bytes read for it. A line of more than ``limit`` bytes comes as ``None``, read past a block at a time."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        read = len(raw)
        if read > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # the rest of the line, never held whole
                raw = handle.readline(1 << 20)
                read += len(raw)
            yield number, None, read
            continue
        yield number, raw.removesuffix(b"\n"), read


def _jsonl_article(item: InputFile, raw: bytes, number: int) -> Article:
    where = item.display
    line = _decode(raw, where, number).rstrip("\r")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ReadError(f"not valid JSON ({exc.msg} at column {exc.colno})", where, number) from None
    if not isinstance(obj, dict):
        raise ReadError(f"expected a JSON object with a 'text' field, got {type(obj).__name__}", where, number)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError("no 'text' field with the article's text (a non-empty string)", where, number)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    url = obj.get("url")
    if url is not None and not isinstance(url, str):
        raise ReadError(f"'url' must be a string, got {url!r}", where, number)
    raw_id = obj.get("id")
    if raw_id is not None and not isinstance(raw_id, (str, int)) or raw_id == "":
        raise ReadError(f"'id' must be a non-empty string or integer, got {raw_id!r}", where, number)
    article_id = str(raw_id) if raw_id is not None else "url-" + _hash(url) if url else "text-" + _hash(text)
    published = None
    if obj.get("published") is not None:
        published = _parse_date(obj["published"])
        if published is None:
            raise ReadError(f"'published' must be a date YYYY-MM-DD or null, got {obj['published']!r}", where, number)
    title = obj.get("title")
    if title is not None and not isinstance(title, str):
        raise ReadError(f"'title' must be a string, got {title!r}", where, number)
    return Article(
        id=article_id,
        title=shorten(title, 200) if title and title.strip() else derive_title(text),
        published=published,
        source=url or f"{item.source}:{number}",
        url=url or None,
        text=text,
    )


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]
