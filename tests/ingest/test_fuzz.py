"""Bad input at scale, property-based (hypothesis): random bytes, huge lines, odd encodings, broken date headers,
broken JSONL. Whatever the files hold, ingestion never crashes, and every file ends stored (some article of it in
the store, or a duplicate of one) or reported by name with a reason; nothing already stored is lost.

The real tokenizer chunks the text (it is where odd Unicode bites); vectors come from the deterministic fake so
that a hundred examples take seconds, not an hour."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from ingest.run import ingest_paths
from rag.store import Store, check_store
from tests.fakes import fake_embed


class TokenizerOnly:
    """The real embedder's tokenizer with the fake's vectors."""

    fingerprint = "fake-vectors"

    def __init__(self, real: Any) -> None:
        self.count_tokens = real.count_tokens
        self.token_spans = real.token_spans
        self.tokens = real.tokens
        self._decode = real._load().tokenizer.decode

    def embed(self, texts: list[str]) -> np.ndarray:
        return fake_embed(texts)

    def embed_ids(self, pieces: list[Any]) -> np.ndarray:
        return fake_embed([self._decode(list(ids)) for ids in pieces])

    def embed_query(self, text: str) -> np.ndarray:
        return fake_embed([text])[0]


_DATES = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2024-13-45", "2024-02-30", "0000-00-00", "yesterday", "", "2024-1-1", "99999-01-01"]),
)
_WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=400)


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


_TXT = st.one_of(
    st.binary(max_size=3000),  # random bytes
    st.builds(lambda d, t: f" date {d} {t}".encode(), _DATES, _WORDS),  # the users' header, any date
    st.builds(
        _encode,
        st.builds(lambda d, t: f" date {d} {t}", _DATES, _WORDS),
        st.sampled_from(["latin-1", "utf-16", "cp1252"]),
    ),
    st.builds(
        lambda n, w: (w + " ") * n, st.integers(1, 8000), st.sampled_from(["word", "x" * 300, "é", "\u200b"])
    ).map(str.encode),  # huge lines
    st.just(b""),
    st.builds(lambda t: ("\ufeff" + t).encode(), _WORDS),
)
_JSON_VALUE = st.one_of(st.none(), st.integers(), st.text(max_size=200), st.lists(st.integers(), max_size=3), _DATES)
_JSON_OBJ = st.dictionaries(
    st.sampled_from(["id", "text", "title", "published", "url", "date", "extra"]), _JSON_VALUE, max_size=6
)
_JSONL = st.lists(
    st.one_of(_JSON_OBJ.map(json.dumps), st.text(max_size=80), st.just("{"), st.just("")), min_size=0, max_size=8
).map(lambda lines: "\n".join(lines).encode("utf-8", errors="replace"))
_FILE = st.one_of(
    st.tuples(st.just(".txt"), _TXT), st.tuples(st.just(".md"), _TXT), st.tuples(st.just(".jsonl"), _JSONL)
)


@hyp_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(files=st.lists(_FILE, min_size=1, max_size=5))
def test_every_file_is_stored_or_reported_and_nothing_crashes(files, settings, embedder, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("fuzz")
    folder = root / "in"
    folder.mkdir()
    names = []
    for i, (ext, data) in enumerate(files):
        name = f"f{i}{ext}"
        (folder / name).write_bytes(data)
        names.append(name)
    store_settings = replace(settings, store=str(root / "store"))
    cheap = TokenizerOnly(embedder)
    keep = root / "keep.txt"
    keep.write_text(" date 2024-01-01 The Tromsvik ferry timetable changed on Monday.\n", encoding="utf-8")
    assert ingest_paths([str(keep)], store_settings, embedder=cheap, progress=False).added == 1  # type: ignore[arg-type]

    report = ingest_paths([str(folder)], store_settings, embedder=cheap, progress=False)  # type: ignore[arg-type]

    failed = {Path(f.path).name for f in report.failed}
    duplicates = {Path(d.path).name for d in report.duplicate_of}
    for f in report.failed:
        assert f.error.strip(), f  # every failure has a reason
    store = Store(store_settings)
    manifest = store.manifest()
    stored = {r.origin for r in manifest.values()}
    for name in names:
        assert name in stored or name in failed or name in duplicates, (name, report)
    assert "keep" in manifest  # nothing already stored is lost
    assert check_store(store).ok
    # the FTS5 index took every write in place, and arbitrary text as a question is never FTS5 syntax
    assert store.lexical_current() and sorted(store.index.ids()) == sorted(cid for cid, _, _ in store.all_chunks())
    for _, data in files:
        store.lexical().search(data[:300].decode("utf-8", "replace"), 3)
        store.unknown_names([data[:40].decode("utf-8", "replace")])


def test_a_jsonl_file_without_any_article_is_reported(settings, embedder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "blank.jsonl").write_text("\n\n   \n", encoding="utf-8")
    report = ingest_paths([str(folder)], settings, embedder=TokenizerOnly(embedder), progress=False)  # type: ignore[arg-type]
    assert [Path(f.path).name for f in report.failed] == ["blank.jsonl"]
