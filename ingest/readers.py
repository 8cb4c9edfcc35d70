"""Readers: files and folders in, ``Article``s (or per-file, per-line failures) out.

Formats:
- ``.txt`` starting with `` date YYYY-MM-DD `` (after an optional byte-order mark): the users' dump format; the
  date must parse and becomes ``published``; the header is removed from the text.
- any other ``.txt`` or ``.md``: a plain article without a date.
- ``.jsonl``: one article per line with ``text`` (required), ``id``, ``url``, ``title``, ``published``.

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

from rag.errors import ReadError
from rag.text import sentence_spans, shorten
from rag.types import Article

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED = TEXT_SUFFIXES | JSONL_SUFFIXES
MAX_FILE_BYTES = 50 * 1024 * 1024
_HEADER = re.compile(r" date (\S*)(?: |\n|$)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Read:
    """An article read from a file, with the JSONL line it came from (None for a whole-file article)."""

    article: Article
    line: int | None = None


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
    """The articles of one file; a problem becomes a ``ReadError`` naming the file (and line) and the fix."""
    try:
        size = item.path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield ReadError(
                f"file is {size / 1e6:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MiB limit: split it",
                item.display,
            )
            return
        data = item.path.read_bytes()
    except OSError as exc:
        yield ReadError(f"cannot read the file: {exc.strerror or exc}", item.display)
        return
    if item.path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(item, data)
    else:
        try:
            yield Read(_read_text(item, data))
        except ReadError as err:
            yield err


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


def _read_jsonl(item: InputFile, data: bytes) -> Iterator[Read | ReadError]:
    if b"\x00" in data:
        yield ReadError("binary data (NUL bytes), not JSON Lines", item.display)
        return
    lines = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        lines += 1
        try:
            yield Read(_jsonl_article(item, raw, number), number)
        except ReadError as err:
            yield err
    if lines == 0:
        yield ReadError("the file holds no JSON lines: one article object a line is expected", item.display)


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


def derive_title(text: str) -> str:
    """An article without a title line gets its first sentence, shortened."""
    spans = sentence_spans(text)
    first = text[spans[0].start : spans[0].end] if spans else text
    return shorten(first, 80)
