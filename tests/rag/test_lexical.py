"""The lexical index (SQLite FTS5): what a user types is never query syntax, the index follows Chroma in place
through writes, updates and deletes, an old cached folder migrates once, and a reader never rebuilds under a
writer."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from ingest.run import ingest_paths
from rag.lexical import FILE, ChunkRow, LexicalIndex, match_expression, tokenize
from rag.store import Store, check_store, repair_store
from rag.text import passage_terms
from rag.types import Query
from tests.conftest import FIXTURES, SAMPLE, SEED_ID

NASTY = [
    '"',
    '""',
    'seawall" OR "zzz',
    "a AND (b OR",
    "NEAR(seawall cost, 2)",
    "seawall*",
    "*",
    "title:seawall",
    "tokens:seawall",
    "-seawall",
    "^seawall",
    "seawall + cost",
    "{tokens} : seawall",
    "AND OR NOT",
    "'; DROP TABLE chunks; --",
    "é ü — “quoted” ‘single’",
    "",
    "   ",
]


def test_tokenize_makes_the_stems_bm25s_made_for_every_stored_index() -> None:
    """Stored indexes hold ``bm25s.tokenize``'s stems; newsrag's own tokenizer (no bm25s or scipy import at
    question time) must give the same ones, or a question's stems would miss the stored ones."""
    bm25s = pytest.importorskip("bm25s")
    import Stemmer

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))] + [
        (SAMPLE / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    ]
    paragraphs = [line for text in texts for line in text.split("\n") if line.strip()]
    texts = [*paragraphs, *NASTY, "It's the U.S.A.'s 1.3-thousand places, café_au_lait x2 __init__ ÄÖÜ straße", "A a I"]
    expected = bm25s.tokenize(
        texts, stopwords="en", stemmer=Stemmer.Stemmer("english"), show_progress=False, return_ids=False
    )
    assert tokenize(texts) == [list(t) for t in expected]
    assert tokenize(["The universities' quota grew"]) == [["universiti", "quota", "grew"]]


def _index(tmp_path: Path) -> LexicalIndex:
    rows = [
        ChunkRow("a#0:x", "The Larkspur Bay seawall cost 4 million.", {"article_id": "a", "published": 20240101}),
        ChunkRow("b#0:y", "Mayor Quill opened the chess tournament.", {"article_id": "b"}),
        ChunkRow("c#0:z", "Pellworth orchards bloom; the seawall holds.", {"article_id": "c", "published": 20230505}),
    ]
    return LexicalIndex.build(tmp_path / FILE, rows, "g1")


def test_fts5_syntax_in_a_question_is_text_never_syntax(tmp_path: Path) -> None:
    index = _index(tmp_path)
    for text in NASTY:
        hits = index.search(text, 5)  # never an sqlite3.OperationalError
        index.scores(text, ["a#0:x", "b#0:y"])
        index.knows(text)
        expression = match_expression(text)
        assert expression is None or all(part.startswith('"') for part in expression.split(" OR "))
        assert {h.id for h in hits} <= {"a#0:x", "c#0:z"}  # at most the chunks holding the words typed
    # a quote cannot close the string and add an operator: the words are searched, nothing else
    assert [h.id for h in index.search('seawall" OR "chess', 5)] == [h.id for h in index.search("seawall chess", 5)]
    assert index.search("NEAR(seawall cost, 2)", 5)[0].id == "a#0:x"
    assert index.count() == 3 and not index.problem()  # nothing was dropped or damaged


def test_search_ranks_by_bm25_with_filters(tmp_path: Path) -> None:
    index = _index(tmp_path)
    hits = index.search("Larkspur seawall cost", 5)
    assert [h.id for h in hits] == ["a#0:x", "c#0:z"] and hits[0].score > hits[1].score > 0
    assert [h.id for h in index.search("seawall", 5, since=20240101)] == ["a#0:x"]
    assert [h.id for h in index.search("seawall", 5, until=20231231)] == ["c#0:z"]
    assert index.search("chess", 5, since=20000101) == []  # undated chunks are outside any range
    assert [h.id for h in index.search("seawall", 5, article_ids=frozenset({"c"}))] == ["c#0:z"]
    assert index.scores("Larkspur seawall", ["a#0:x", "b#0:y", "gone"])["b#0:y"] == 0.0
    assert index.features(["b#0:y"])["b#0:y"] == passage_terms("Mayor Quill opened the chess tournament.")
    assert index.knows("Larkspur Bay") and index.knows("Pellworth orchards") and not index.knows("Larkspur Zanzibar")
    # a name is known by a chunk that holds all its words, not by words of several ("Port Alvarado")
    assert not index.knows("Larkspur orchards")
    # nor by an article the query leaves out
    assert not index.knows("Pellworth orchards", frozenset({"c"})) and index.knows("Larkspur Bay", frozenset({"c"}))
    # in a row, as a name is written: not words of one chunk apart
    assert index.knows("Pellworth orchards", together=True) and not index.knows("Pellworth seawall", together=True)
    assert index.knows("Pellworth seawall")
    apart = LexicalIndex.build(tmp_path / "e.sqlite", [ChunkRow("e#0:v", "We thank Nick. Canon cameras.", {})], "g1")
    assert not apart.knows("Nick Canon", together=True) and apart.knows("Nick Canon")  # a full stop between
    # a region in "-ia" by its people-word ("Calabria": "the Calabrian coast"), not a name in another ending
    index = LexicalIndex.build(
        tmp_path / "d.sqlite", [ChunkRow("d#0:w", "A ship sank off the Tromsvian coast.", {"article_id": "d"})], "g1"
    )
    assert index.knows("Tromsvia") and not index.knows("Tromsvi") and not index.knows("Tromsviaa")


def test_a_long_name_is_known_by_all_its_words_but_the_commonest(tmp_path: Path) -> None:
    rows = [ChunkRow("a#0:x", "He lived alone on the Tanaru indigenous land in Brazil.", {"article_id": "a"})]
    rows += [ChunkRow(f"t{i}#0:x", f"The territory voted {i}.", {"article_id": f"t{i}"}) for i in range(3)]
    index = LexicalIndex.build(tmp_path / FILE, rows, "g1")
    assert index.knows("Tanaru Indigenous Territory")  # told as "the Tanaru indigenous land"
    assert not index.knows("Tanaru Territory")  # two words: both, in one chunk
    assert not index.knows("Tanaru Indigenous Zanzibar")  # the word no chunk holds is never the one let go


def test_a_name_typed_without_its_accents_is_known(tmp_path: Path) -> None:
    rows = [ChunkRow("a#0:x", "Leaders of the DUP and Sinn Féin met Ottilie López.", {"article_id": "a"})]
    index = LexicalIndex.build(tmp_path / FILE, rows, "g1")
    assert index.knows("Sinn Fein") and index.knows("Sinn Féin") and index.knows("ottilie lopez")
    assert not index.knows("Sinn Feinn")
    assert [h.id for h in index.search("Lopez", 5)] == ["a#0:x"]  # a name: found by its accented form too
    assert index.search("lopez", 5) == []  # a common word typed in lower case is searched as typed ("tar", not "tár")
    assert index.knows("Beyonce") is False  # not in this index; the stems of accented words are keyed as typed
    # a write is seen: the accented words are read again
    index.apply([], {}, [ChunkRow("b#0:y", "Zoë Brennan and Beyoncé spoke.", {"article_id": "b"})], {}, "g2")
    assert index.knows("Zoe Brennan") and index.knows("Beyonce")  # "beyoncé" and the typed "beyonc" are one stem
    assert [h.id for h in index.search("Beyonce", 5)] == ["b#0:y"]


def test_a_rare_accented_spelling_of_a_common_word_is_not_searched_for_it(tmp_path: Path) -> None:
    rows = [ChunkRow(f"a{i}#0:x", f"Flight {i} will depart at noon.", {"article_id": f"a{i}"}) for i in range(12)]
    rows.append(ChunkRow("t#0:x", "The Tour de France grand départ is in Bilbao.", {"article_id": "t"}))
    index = LexicalIndex.build(tmp_path / FILE, rows, "g1")
    assert "t#0:x" not in [h.id for h in index.search("When does the flight depart?", 20)]
    assert [h.id for h in index.search("départ", 5)] == ["t#0:x"]


def test_capitalised_reads_how_the_chunks_write_a_word(tmp_path: Path) -> None:
    rows = [
        ChunkRow("a#0:x", "Officials met Mayor Quill. New rules came in, said Quill.", {"article_id": "a"}),
        ChunkRow("b#0:y", "The new rules: Quill wants new seawalls in New Larkspur.", {"article_id": "b"}),
        ChunkRow(
            "c#0:z", "Quill built seawalls; Candy Quill and seawalls at OpenAI, OpenAI and OpenAI.", {"article_id": "c"}
        ),
    ]
    index = LexicalIndex.build(tmp_path / FILE, rows, "g1")
    shares = index.capitalised(["quill", "new", "seawalls", "seawall", "openai", "candy", "zanzibar", "the"])
    assert shares["quill"] == (1.0, "Quill")  # a name: written with a capital wherever it stands
    # "New" opening a sentence is not counted; "New Larkspur" is, beside two lower-case "new"
    assert shares["new"] == (pytest.approx(1 / 3), "New")
    assert shares["seawalls"] == (0.0, "seawalls")
    assert shares["seawall"] is None  # no chunk holds that form
    assert shares["openai"] == (1.0, "OpenAI")  # as the articles write it
    assert shares["candy"] is None  # written with a capital, but once: too few to tell
    # two words in a row, once: a name (three are not: they may straddle two, "Chiefs in Super")
    once = [ChunkRow("e#0:x", "Officials said Ottar Vik met the Chiefs in Super Bowl week.", {"article_id": "e"})]
    other = LexicalIndex.build(tmp_path / "once.sqlite", once, "g1")
    assert other.capitalised(["ottar vik"])["ottar vik"] == (1.0, "Ottar Vik")
    assert other.capitalised(["chiefs in super"])["chiefs in super"] is None
    # a phrase ends on a word of its own: "Cup Kick-off" writes no "Cup Kick" (a word alone may be a hyphened one's
    # piece: "Covid-19" writes "Covid")
    hyphened = [ChunkRow("f#0:x", "Fans awaited the Tromsvik Cup Kick-off and Covid-19 rules.", {"article_id": "f"})]
    third = LexicalIndex.build(tmp_path / "hyphened.sqlite", hyphened, "g1")
    assert third.capitalised(["cup kick"])["cup kick"] is None
    assert third.capitalised(["tromsvik cup"])["tromsvik cup"] == (1.0, "Tromsvik Cup")
    assert shares["zanzibar"] is None and shares["the"] is None  # no chunk holds it; a stop word is not indexed
    assert index.capitalised(["quill", "candy"]) == {"quill": shares["quill"], "candy": None}  # kept, asked again
    # a write is seen: the words are read again
    more = [
        ChunkRow(f"d{i}#0:x", "They sell candy and Zanzibar spice, Zanzibar said.", {"article_id": f"d{i}"})
        for i in range(2)
    ]
    index.apply([], {}, more, {}, "g2")
    again = index.capitalised(["candy", "zanzibar"])
    assert again["candy"] == (0.0, "candy") and again["zanzibar"] == (1.0, "Zanzibar")


def _agrees_with_chroma(store: Store) -> None:
    index = store.index
    assert index.generation() == store.generation()
    rows = store.all_chunks()
    assert sorted(index.ids()) == sorted(cid for cid, _, _ in rows)
    for cid, text, meta in rows:
        assert index.chunk(cid) == (text, meta)
        assert index.features([cid])[cid] == passage_terms(text or "")
    assert check_store(store).ok


def test_the_index_follows_writes_updates_and_deletes_in_place(
    settings: Any, corpus: Path, embedder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_paths([str(corpus)], settings, embedder=embedder, progress=False)
    store = Store(settings)
    _agrees_with_chroma(store)

    def no_sync(*_: Any, **__: Any) -> None:
        raise AssertionError("the write path should have updated the index in place")

    monkeypatch.setattr(Store, "sync_lexical", no_sync)
    path = corpus / "101_invented_seawall.txt"
    path.write_text(path.read_text().replace("herring season", "mackerel season"))
    (corpus / "105_added.txt").write_text(" date 2024-07-01 The Quorvath lighthouse reopened after repairs.\n")
    report = ingest_paths([str(corpus)], settings, embedder=embedder, progress=False)
    assert report.updated == 1 and report.added == 1
    _agrees_with_chroma(store)
    assert store.lexical().search("Quorvath lighthouse", 1)[0].meta["article_id"] == "105_added"
    assert not any(h.meta["article_id"] == "101_invented_seawall" for h in store.lexical().search("herring", 5))
    with store.writer():
        store.delete_articles(["105_added", SEED_ID])
    _agrees_with_chroma(store)
    assert store.lexical().search("Quorvath lighthouse", 5) == []
    assert store.unknown_names(["Quorvath", "Larkspur Bay"]) == ("Quorvath",)


def test_an_old_format_folder_migrates_once(ingested: Any) -> None:
    settings, _ = ingested
    store = Store(settings)
    rows = store.all_chunks()
    # a store from before FORMAT 3: its lexical/ folder (bm25s files and a JSON table), no SQLite file
    store.index.close()
    for suffix in ("", "-wal", "-shm"):
        (store.path / (FILE + suffix)).unlink(missing_ok=True)
    legacy = store.path / "lexical"
    legacy.mkdir()
    terms = [["kept", "Kept"]] + [
        [" ".join(sorted(k)), " ".join(sorted(n))] for k, n in (passage_terms(t or "") for _, t, _ in rows[1:])
    ]
    table = {"ids": [r[0] for r in rows], "texts": [r[1] for r in rows], "metas": [r[2] for r in rows], "terms": terms}
    (legacy / "chunks.json").write_text(json.dumps(table), encoding="utf-8")
    (legacy / "format").write_text("2", encoding="utf-8")
    (legacy / "generation").write_text(store.generation(), encoding="utf-8")
    assert not store.lexical_current()

    fresh = Store(settings)  # a process starting on the old folder
    hits = fresh.lexical().search("Larkspur seawall", 3)
    assert hits and hits[0].meta["article_id"] == "101_invented_seawall"
    assert not legacy.exists() and fresh.lexical_current()
    assert sorted(fresh.index.ids()) == sorted(r[0] for r in rows)
    assert fresh.index.features([rows[0][0]])[rows[0][0]] == ({"kept"}, {"Kept"})  # reused, not recomputed
    assert check_store(fresh).ok


def test_a_reader_reads_the_index_as_it_stands_while_another_process_writes(ingested: Any) -> None:
    settings, _ = ingested
    store = Store(settings)
    before = store.index.count()
    with store.writer():  # another writer, mid-write, whose chunk changes the index has not taken yet
        store.bump_generation(writing=True)
        reader = Store(settings)
        assert reader.lexical().count() == before and not reader.lexical_current()  # no rebuild under a writer
        store.bump_generation()
    reader.lexical()  # the lock is free: the reader brings the index level itself
    assert reader.lexical_current()


def test_check_finds_a_damaged_index_and_repair_mends_it(ingested: Any) -> None:
    settings, _ = ingested
    store = Store(settings)
    victim = store.index.ids()[0]
    db = sqlite3.connect(store.path / FILE)
    db.execute("DELETE FROM fts WHERE rowid = (SELECT n FROM chunks WHERE id = ?)", (victim,))  # FTS row lost
    db.commit()
    db.close()
    found = check_store(store)
    assert not found.ok and "FTS5" in found.lexical_problem
    serving = Store(settings)  # another process with the index open: it sees the rebuilt index in the same file
    assert victim in serving.index.ids()
    with store.writer():
        repair_store(store)
    assert check_store(store).ok and victim in store.index.ids()
    assert serving.lexical().count() == store.index.count() and not serving.index.problem()
    assert victim in {h.id for h in store.lexical().search(store.index.chunk(victim)[0], 50)}  # type: ignore[index]


def test_questions_with_fts5_syntax_search_without_error(pipeline: Any) -> None:
    for text in NASTY:
        if text.strip():
            pipeline.search(Query(text, k=3))
    hits = pipeline.search(Query('Larkspur "seawall" (cost) AND NEAR* title:', k=3))
    assert hits[0].chunk.article_id == "101_invented_seawall"


def test_common_stems_are_left_out_of_the_query_and_the_rare_one_ranks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stems in over ``COMMON_SHARE`` of the chunks are dropped from the query (FTS5 would score every chunk
    holding them), so a question of common and rare words ranks by the rare one; a question of common words only
    keeps its ``MIN_TERMS`` rarest and still matches; and the document frequencies follow writes, this
    connection's and another's."""
    monkeypatch.setattr("rag.lexical.RARE_DF", 0)  # a store this small keeps every stem otherwise
    filler = [
        ChunkRow(
            f"f{i}#0:x", f"The city council report {'report ' * (i % 5)}on budget item {i}.", {"article_id": f"f{i}"}
        )
        for i in range(60)
    ]
    rare = ChunkRow("r#0:x", "The Zephyrine ferry report reached the city.", {"article_id": "r"})
    index = LexicalIndex.build(tmp_path / FILE, [*filler, rare], "g1")
    question = "city council report on the budget item Zephyrine"
    query = index.query(question)  # the rare stem and the next rarest (MIN_TERMS in all); not "city", "report"
    assert query is not None and '"zephyrin"' in query and '"citi"' not in query and '"report"' not in query
    hits = index.search(question, 5)
    assert hits[0].id == "r#0:x" and hits[0].score > 1000 * hits[1].score  # the rare word ranks
    assert set(index.scores("city report budget Zephyrine", ["r#0:x", "f1#0:x"])) == {"r#0:x", "f1#0:x"}
    assert index.scores("city report budget Zephyrine", ["r#0:x", "f1#0:x"])["r#0:x"] > 0
    # only common words: the rarest are kept, and the question still finds chunks
    common = index.search("city council report budget", 10)
    assert len(common) == 10 and all(h.score > 0 for h in common)
    assert index.search("Quillon", 5) == []  # in no chunk: no query at all
    # a write (this connection) makes "quillon" known: no longer counted as in no chunk
    index.replace_articles(["q"], [ChunkRow("q#0:x", "Quillon Quillon.", {"article_id": "q"})], {}, "g2")
    assert index.search("Quillon city", 5)[0].id == "q#0:x"
    # another process's write is seen too (its own connection)
    other = LexicalIndex(tmp_path / FILE)
    other.replace_articles([f"f{i}" for i in range(60)], [], {}, "g3")
    assert [h.id for h in index.search(question, 5)] == ["r#0:x"]
    assert index._frequencies(["citi", "report"]) == (2, {"citi": 1, "report": 1})  # counted afresh
    other.close()


def test_scores_read_the_search_s_ranking_and_never_a_stale_one(tmp_path: Path) -> None:
    """``search`` ranks every match once and ``scores`` (the reranker's BM25 of other candidates) reads the same
    ranking: the same numbers a scan of its own gives. A write by another connection, even one that reuses the
    deleted chunks' row numbers for new chunks, makes the next call rank afresh: no score of a deleted chunk is
    given to the chunk that took its row."""
    index = _index(tmp_path)
    fresh = LexicalIndex(tmp_path / FILE)  # ranks for scores() itself, with no search before it
    question = "Larkspur seawall cost chess"
    hits = index.search(question, 1)
    assert [h.id for h in hits] == ["a#0:x"]
    ids = ["a#0:x", "b#0:y", "c#0:z", "gone"]
    kept = index.scores(question, ids)
    assert kept == fresh.scores(question, ids) and kept["a#0:x"] == hits[0].score
    assert kept["b#0:y"] > 0 and kept["gone"] == 0.0
    # another connection deletes article c and writes a new chunk that takes its row number
    other = LexicalIndex(tmp_path / FILE)
    other.replace_articles(["c"], [], {}, "g2")
    other.replace_articles(["n"], [ChunkRow("n#0:w", "Mayor Quill plays chess.", {"article_id": "n"})], {}, "g3")
    assert other._db().execute("SELECT n FROM chunks WHERE id = 'n#0:w'").fetchone()[0] == 3  # c's old row
    after = index.scores(question, [*ids, "n#0:w"])
    assert after == LexicalIndex(tmp_path / FILE).scores(question, [*ids, "n#0:w"])
    assert after["c#0:z"] == 0.0 and after["n#0:w"] > 0
    assert [h.id for h in index.search("seawall", 5)] == ["a#0:x"]
    for i in (index, fresh, other):
        i.close()


def test_near_spelling_finds_the_name_a_typed_name_misspells(tmp_path: Path) -> None:
    text = (
        "Forward Breanna Stewart signed. Stewart and Zucker spoke; then Zucker left. Thick ashfall covered it. "
        "Aide Dominic Cummings spoke."
    )
    rows = [ChunkRow(f"a{i}#0:x", f"{text} Report {i}.", {"article_id": f"a{i}"}) for i in range(4)]
    index = LexicalIndex.build(tmp_path / FILE, rows, "g1")
    assert index.near_spelling("Breana") == "Breanna"  # a letter left out
    assert index.near_spelling("zuker") == "Zucker"  # as the chunks write it, whatever the typing
    assert index.near_spelling("Stewart") is None  # held as typed: nothing to respell
    assert index.near_spelling("Ashfal") is None  # "ashfall" is near, but no name
    assert index.near_spelling("Kilgallen") is None  # no name near: still unknown
    assert index.near_spelling("Zuk") is None  # too short to tell a typo from another name
    # compared as written, not as stemmed: "cummings" is held as "cum", "cumings" would be "cume"
    assert index.near_spelling("Cumings") == "Cummings"
    # beside the question's other words: "Breanna" is read for "Breana" where a chunk puts her beside them
    assert index.near_spelling("Breana", "Which team has Breana Stewart signed with?") == "Breanna"
    assert index.near_spelling("Breana", "Where did Breana Okafor win the marathon?") is None
    # a final "y", which the stemmer writes "i" ("Chesky" is held as "cheski"), before more frequent names as near
    # to the typed stem ("Cheney", "Chesley", ...)
    chesky = [ChunkRow(f"y{i}#0:x", f"Airbnb chief Brian Chesky spoke {i}.", {"article_id": f"y{i}"}) for i in range(3)]
    near = "Cheney, Chelsey, Chesney, Chesley, Cheskin and Checker met."
    others = [ChunkRow(f"z{i}#0:x", f"{near} {i}", {"article_id": f"z{i}"}) for i in range(6)]
    index = LexicalIndex.build(tmp_path / "chesky.sqlite", [*chesky, *others], "g1")
    assert index.near_spelling("Cheskey", "What did Airbnb's Brian Cheskey say?") == "Chesky"

    # a word the chunks hold, typed in a name for another: looked up only when asked to, beside the name's others
    rows = [
        ChunkRow(f"b{i}#0:x", f"Star Brittney Griner met singer Britney Spears {i}.", {"article_id": f"b{i}"})
        for i in range(3)
    ]
    index = LexicalIndex.build(tmp_path / "other.sqlite", rows, "g1")
    assert index.near_spelling("Britney", "Griner") is None
    assert index.near_spelling("Britney", "Griner", indexed=True) == "Brittney"
    # there a letter changed too, read where the rest of the name is ("Francis" of "Frances Tiafoe", whose stem
    # "franc" is France's too: the written word is read beside "Tiafoe")
    france = [ChunkRow(f"c{i}#0:x", f"Tourists in France and Paris {i}.", {"article_id": f"c{i}"}) for i in range(30)]
    tiafoe = [ChunkRow(f"d{i}#0:x", f"Star Frances Tiafoe won {i}.", {"article_id": f"d{i}"}) for i in range(4)]
    index = LexicalIndex.build(tmp_path / "tiafoe.sqlite", [*france, *tiafoe], "g1")
    assert index.near_spelling("Francis", "Tiafoe") is None
    assert index.near_spelling("Francis", "Tiafoe", indexed=True) == "Frances"
    # beside the rest of a name: a word of four letters, its second and third swapped ("Rham" for "Rahm"), and one the
    # chunks write with a capital less often ("Leslie", lower-cased in a handle)
    rows = [
        ChunkRow(f"e{i}#0:x", f"Golfer Jon Rahm and actor Leslie Jordan {i}.", {"article_id": f"e{i}"})
        for i in range(6)
    ]
    rows.append(ChunkRow("e9#0:x", "Follow @leslie on social media.", {"article_id": "e9"}))
    index = LexicalIndex.build(tmp_path / "rahm.sqlite", rows, "g1")
    assert index.near_spelling("Rham", "Jon") is None and index.near_spelling("Rham", "Jon", indexed=True) == "Rahm"
    assert index.near_spelling("Lesile", "Jordan", indexed=True) == "Leslie"
    # a doubled last letter typed once ("Mitchel": the stem the index keeps of "Mitchell", so held), and the "h" of
    # "-ich" left out ("Abramovic"); not a name the chunks write so themselves
    rows = [
        ChunkRow(f"f{i}#0:x", f"Guard Donovan Mitchell scored for the Bulls; owner Roman Abramovich sold {i}.", {})
        for i in range(4)
    ]
    rows += [ChunkRow(f"g{i}#0:x", f"Guard Lars Russell played for the Bulls {i}.", {}) for i in range(4)]
    rows.append(ChunkRow("f9#0:x", "Coach Ivo Russel spoke for the Bulls.", {}))
    index = LexicalIndex.build(tmp_path / "mitchell.sqlite", rows, "g1")
    assert index.near_spelling("Mitchel", "how many points did Donovan Mitchel score for the Bulls") == "Mitchell"
    assert index.near_spelling("Abramovic", "did Roman Abramovic sell the Bulls") == "Abramovich"
    # written so too, beside the doubled name more often: no typo
    assert index.near_spelling("Russel", "what did coach Ivo Russel say about the Bulls") is None


def test_edits_counts_insertions_deletions_substitutions_and_swaps() -> None:
    from rag.lexical import _edits

    assert _edits("breana", "breanna", 1) and _edits("zucker", "zukcer", 1)  # an insertion; a swap
    assert not _edits("stewart", "stewart", 1)  # the same word is no neighbour
    assert not _edits("kitten", "sitting", 2) and _edits("kitten", "sitting", 3)
    assert _edits("halvard", "harvard", 1) and not _edits("halvard", "harvard", 1, substitute=False)


def test_a_typo_leaves_a_letter_out_adds_or_swaps_one_and_keeps_the_last() -> None:
    from rag.lexical import _typo

    assert _typo("breana", "breanna", 1) and _typo("pierluissi", "pierluisi", 1) and _typo("zukcer", "zucker", 1)
    assert not _typo("halvard", "harvard", 1)  # a letter changed: another name
    assert not _typo("aviva", "aviv", 1)  # at the end: another name
    # beside the rest of a name held whole, a last "e", "i" or "y" for another ("Marley" Matlin is "Marlee")
    assert _typo("marley", "marlee", 1, substitute=True) and not _typo("marley", "marlee", 1)
    assert not _typo("maria", "marie", 1, substitute=True)  # another vowel: another name
    assert not _typo("bobby", "bobbi", 1, substitute=True)  # a short name: often another's
    # and a last consonant for another in a name of five letters or more ("Virgil Ablow" is "Abloh")
    assert _typo("ablow", "abloh", 1, substitute=True) and not _typo("ablow", "abloh", 1)
    assert not _typo("carla", "carlo", 1, substitute=True)  # a last vowel for another: another name
    assert not _typo("mark", "marc", 1, substitute=True)  # a short name: often another's


def test_name_beside_reads_a_word_two_letters_out_beside_the_rest_of_a_name(tmp_path: Path) -> None:
    rows = [
        ChunkRow(
            f"a{i}#0:x", f"Governor Gretchen Whitmer spoke. Actress Gwyneth Paltrow sang {i}.", {"article_id": f"a{i}"}
        )
        for i in range(3)
    ]
    index = LexicalIndex.build(tmp_path / FILE, rows, "g1")
    assert index.name_beside("Whitmore", "Gretchen") == "Whitmer"  # two letters out, after the given name
    assert index.name_beside("Gwenyth", "Paltrow", after=False) == "Gwyneth"  # before the surname
    assert index.name_beside("Whitlock", "Gretchen") is None  # too far
    assert index.name_beside("Whitmore", "Paltrow") is None  # not written beside it
    # two near words beside it: a guess between names, so none
    rows.append(ChunkRow("b#0:x", "Gretchen Whitmere met them.", {"article_id": "b"}))
    index = LexicalIndex.build(tmp_path / "two.sqlite", rows, "g1")
    assert index.name_beside("Whitmore", "Gretchen") is None


def test_name_beside_leaves_a_name_the_chunks_write_as_one(tmp_path: Path) -> None:
    rows = [
        ChunkRow(
            f"a{i}#0:x",
            f"Then Ivana Trump spoke, and Ivanka Trump smiled as Zion Williamson scored {i}.",
            {"article_id": f"a{i}"},
        )
        for i in range(4)
    ]
    index = LexicalIndex.build(tmp_path / FILE, rows, "g1")
    assert index.name_beside("Ivanka", "Trump", after=False) is None  # a name of its own, not "Ivana"
