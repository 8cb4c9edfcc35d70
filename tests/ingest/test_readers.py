import json
import os
import threading
from datetime import date
from pathlib import Path

import pytest

from ingest import readers
from ingest.readers import InputFile, Read, derive_title, discover, read_file
from rag.errors import ReadError
from tests.conftest import FIXTURES, SAMPLE, SEED_ID


def _read(path: Path, source: str | None = None) -> list[Read | ReadError]:
    return list(read_file(InputFile(path, str(path), source or path.name)))


def _one(path: Path) -> Read:
    (result,) = _read(path)
    assert isinstance(result, Read), result
    return result


def test_seed_format_header_becomes_the_date_and_is_removed_from_the_text() -> None:
    path = SAMPLE / f"{SEED_ID}.txt"
    article = _one(path).article
    raw = path.read_text(encoding="utf-8")
    assert article.id == SEED_ID
    assert article.published == date(2023, 9, 26)
    assert article.text == raw[len(" date 2023-09-26 ") :]
    assert article.text.startswith("Russian Prime Minister Mikhail Mishustin said")
    assert article.title.startswith("Russian Prime Minister Mikhail Mishustin")
    assert len(article.title) <= 80
    assert article.source == path.name and article.url is None


def test_bom_and_crlf_are_normalised_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "5_x.txt"
    path.write_bytes("\ufeff date 2024-01-02 Line one.\r\n\r\nLine  two.\r\n".encode())
    article = _one(path).article
    assert article.published == date(2024, 1, 2)
    assert article.text == "Line one.\n\nLine  two.\n"


def test_plain_txt_and_md_are_undated_articles(tmp_path: Path) -> None:
    md = _one(FIXTURES / "103_invented_orchard.md").article
    assert md.published is None and md.id == "103_invented_orchard"
    assert md.text == (FIXTURES / "103_invented_orchard.md").read_text(encoding="utf-8")
    plain = tmp_path / "note.txt"
    plain.write_text("date 2024-01-01 is not a header without the leading space.")
    assert _one(plain).article.published is None


def test_jsonl_reader_fields_ids_and_lines() -> None:
    results = _read(FIXTURES / "104_invented_feed.jsonl", "feed/104_invented_feed.jsonl")
    assert all(isinstance(r, Read) for r in results)
    first, second = (r for r in results if isinstance(r, Read))
    assert first.line == 1 and first.article.id == "inv-rail-1"
    assert first.article.title == "Glenmoor rail line reopens"
    assert first.article.published == date(2024, 2, 20)
    assert first.article.source == first.article.url == "https://example.invalid/rail"
    assert second.line == 2 and second.article.published is None
    assert second.article.source == "feed/104_invented_feed.jsonl:2"  # no URL: the relative path and line


def test_jsonl_id_falls_back_to_a_hash_of_the_url(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_text(
        '{"url": "https://example.invalid/a", "text": "Body."}\n{"url": "https://example.invalid/a", "text": "Edited body."}\n'
    )
    a, b = (r.article for r in _read(path) if isinstance(r, Read))
    assert a.id == b.id and a.id.startswith("url-")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("baddate.txt", b" date 2023-13-45 Body text.", r"bad date '2023-13-45'.*' date YYYY-MM-DD '"),
        ("worddate.txt", b" date yesterday Body text.", "bad date 'yesterday'"),
        ("headeronly.txt", b" date 2023-01-02 ", "no article text after"),
        ("latin1.txt", "Caf\u00e9 au lait.".encode("latin-1"), r"not UTF-8 \(byte 0xe9 at offset 3\).*UTF-8"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary data"),
    ],
)
def test_bad_files_are_reported_with_the_reason_and_the_fix(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (result,) = _read(path)
    assert isinstance(result, ReadError)
    assert result.path == str(path) and result.line is None
    assert pytest.importorskip("re").search(message, str(result)), str(result)


def test_bad_jsonl_lines_are_reported_and_good_lines_still_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"id": "ok1", "text": "Good one."}\n'
        b"not json at all\n"
        b'{"id": "no-text"}\n'
        b"\n"
        b'["a list"]\n'
        b'{"id": "badday", "text": "x", "published": "2023-02-30"}\n'
        b'{"id": "latin", "text": "caf\xe9"}\n'
        b'{"id": "ok2", "text": "Good two."}\n'
    )
    results = _read(path)
    good = [r.article.id for r in results if isinstance(r, Read)]
    bad = {r.line: str(r) for r in results if isinstance(r, ReadError)}
    assert good == ["ok1", "ok2"]
    assert set(bad) == {2, 3, 5, 6, 7}
    assert "not valid JSON" in bad[2]
    assert "'text'" in bad[3]
    assert "JSON object" in bad[5]
    assert "'published'" in bad[6]
    assert "not UTF-8" in bad[7]


def test_discover_walks_folders_and_reports_missing_and_unsupported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("A.")
    (tmp_path / "b.md").write_text("B.")
    (tmp_path / "skip.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("H.")
    files, failures = discover([str(tmp_path), str(tmp_path / "missing.txt"), str(tmp_path / "skip.pdf")])
    assert [f.source for f in files] == ["b.md", "sub/a.txt"]
    assert {f.path for f in failures} == {str(tmp_path / "missing.txt"), str(tmp_path / "skip.pdf")}
    assert any("unsupported file type '.pdf'" in str(f) for f in failures)


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    # A dangling link named like an article: os.stat fails as it would for a file that vanished or is locked.
    path = tmp_path / "gone.txt"
    path.symlink_to(tmp_path / "nowhere.txt")
    (result,) = _read(path)
    assert isinstance(result, ReadError) and "cannot read the file" in str(result)


def test_derive_title_is_the_first_sentence_shortened() -> None:
    assert derive_title("Short first. Second.") == "Short first."
    long = derive_title("A " + "very " * 40 + "long sentence. Next.")
    assert len(long) <= 80 and long.endswith("…")


def _jsonl_lines(n: int, words: int = 12) -> bytes:
    return b"".join(
        json.dumps({"id": f"a{i}", "text": f"Article {i} says " + "more " * words + "."}).encode() + b"\n"
        for i in range(n)
    )


def test_a_jsonl_file_over_the_file_limit_is_read_line_by_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 500)  # a .txt/.md is one article: its file is limited
    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 200)  # a .jsonl is limited per line (article) only
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(_jsonl_lines(40))
    assert dump.stat().st_size > 8 * readers.MAX_FILE_BYTES
    results = _read(dump)
    assert [r.article.id for r in results if isinstance(r, Read)] == [f"a{i}" for i in range(40)]
    assert [r.line for r in results if isinstance(r, Read)] == list(range(1, 41))
    assert results[-1].end == dump.stat().st_size  # type: ignore[union-attr]  # how far reading has got, in bytes
    big_txt = tmp_path / "big.txt"
    big_txt.write_text("Word. " * 100)
    (error,) = _read(big_txt)
    assert isinstance(error, ReadError) and "over the 500-byte limit for one article" in str(error)


def test_an_oversize_jsonl_line_is_reported_by_number_and_the_rest_go_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 200)
    huge = json.dumps({"id": "huge", "text": "word " * 5000}).encode()
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(_jsonl_lines(2) + huge + b"\n" + _jsonl_lines(1).replace(b'"a0"', b'"a9"') + huge)
    results = _read(path)
    assert [(r.line, r.article.id) for r in results if isinstance(r, Read)] == [(1, "a0"), (2, "a1"), (4, "a9")]
    bad = [r for r in results if isinstance(r, ReadError)]
    assert [(r.path, r.line) for r in bad] == [(str(path), 3), (str(path), 5)]  # the last line has no newline
    assert "over the 200-byte limit for one article" in str(bad[0]) and "split it" in str(bad[0])
    assert f"line is {len(huge) + 1:,} bytes" in str(bad[0])  # with its newline: what was read for it
    exact = tmp_path / "exact.jsonl"  # a line of exactly the limit (newline not counted) is in
    line = json.dumps({"id": "x", "text": "y" * (200 - 23)}).encode()
    assert len(line) == 200
    exact.write_bytes(line + b"\n" + line)
    assert [r.line for r in _read(exact) if isinstance(r, Read)] == [1, 2]


def test_jsonl_reading_streams_from_the_open_file(tmp_path: Path) -> None:
    """The first article comes out while the rest of the file is not yet written: a named pipe whose writer waits
    until then (a reader that read the file whole would wait for the end, then see the second line written)."""
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    first_out, second_written = threading.Event(), threading.Event()

    def write() -> None:
        with open(fifo, "wb") as out:
            out.write(_jsonl_lines(1))
            out.flush()
            first_out.wait(timeout=10)
            second_written.set()
            out.write(b'{"id": "b", "text": "Second article."}\n')

    writer = threading.Thread(target=write)
    writer.start()
    try:
        results = read_file(InputFile(fifo, str(fifo), fifo.name))
        first = next(results)
        assert isinstance(first, Read) and first.article.id == "a0"
        assert not second_written.is_set()  # it came before the writer went on
        first_out.set()
        assert [r.article.id for r in results if isinstance(r, Read)] == ["b"]
    finally:
        first_out.set()
        writer.join(timeout=10)


def test_a_binary_jsonl_file_is_reported_once_and_a_nul_later_on_its_line(tmp_path: Path) -> None:
    binary = tmp_path / "image.jsonl"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" + b"\n" * 10)
    (error,) = _read(binary)
    assert isinstance(error, ReadError) and error.line is None and "binary data" in str(error)
    later = tmp_path / "later.jsonl"
    later.write_bytes(_jsonl_lines(300) + b'{"id": "z", "text": "a\x00b"}\n' + _jsonl_lines(1).replace(b"a0", b"y"))
    results = _read(later)
    assert [(r.line, "binary data" in str(r)) for r in results if isinstance(r, ReadError)] == [(301, True)]
    assert sum(isinstance(r, Read) for r in results) == 301
