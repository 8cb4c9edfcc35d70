from datetime import date
from pathlib import Path

import pytest

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
