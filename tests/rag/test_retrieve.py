"""Retrieval over a real store: date filters and excluded articles pushed down, the FTS5 index kept consistent with
Chroma, fusion, duplicates."""

import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

from ingest.run import ingest_paths
from rag.lexical import ChunkRow, LexicalIndex
from rag.pipeline import build_pipeline
from rag.retrieve import BM25ChunkRetriever, FusionRetriever, Request, bundle, chroma_where, hit_from
from rag.store import Store
from rag.text import passage_terms
from rag.types import Query
from tests.conftest import SEED_ID


def _ids(pipeline, text: str, **kw) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.chunk.article_id for h in pipeline.search(Query(text, k=10, **kw))]


def test_hybrid_hits_carry_every_score(pipeline) -> None:  # type: ignore[no-untyped-def]
    hits = pipeline.search(Query("Larkspur Bay seawall cost", k=3))
    assert hits[0].chunk.article_id == "101_invented_seawall"
    assert {"dense", "lexical", "fused", "rerank"} <= set(hits[0].scores_by_retriever)


def test_date_filters_reach_both_retrievers(ingested, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, _ = ingested
    for mode in ("dense", "lexical", "hybrid"):
        p = build_pipeline(replace(settings, retrieval=mode), embedder=embedder)
        inside = _ids(p, "chess tournament winner", since=date(2024, 4, 1), until=date(2024, 5, 31))
        assert set(inside) == {"102_invented_chess"}, mode
        # undated articles fall outside any range
        assert "103_invented_orchard" not in _ids(p, "Pellworth orchard apple trees", since=date(2000, 1, 1)), mode
        assert "103_invented_orchard" in _ids(p, "Pellworth orchard apple trees"), mode


def test_excluded_articles_reach_no_retriever(ingested, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, _ = ingested
    seawall = "Larkspur Bay seawall cost and prize"  # "prize": the chess and bakery articles match too
    for mode in ("dense", "lexical", "hybrid"):
        p = build_pipeline(replace(settings, retrieval=mode), embedder=embedder)
        assert _ids(p, seawall)[0] == "101_invented_seawall", mode
        left = _ids(p, seawall, exclude_articles=("101_invented_seawall",))
        assert left and "101_invented_seawall" not in left, mode  # the others are still found
        # with a date range: the range and the exclusion both hold
        spring = {"since": date(2024, 2, 1), "until": date(2024, 5, 31)}
        assert {"101_invented_seawall", "102_invented_chess"} <= set(_ids(p, "seawall chess rail", **spring)), mode
        inside = _ids(p, "seawall chess rail", exclude_articles=("102_invented_chess", "inv-rail-1"), **spring)
        assert set(inside) == {"101_invented_seawall"}, mode
        # excluding every article the filters leave finds nothing (and asks Chroma for no empty list)
        assert _ids(p, "chess", exclude_articles=("102_invented_chess",), since=date(2024, 5, 1)) == [], mode
        everything = Store(settings).manifest()
        assert _ids(p, "chess", exclude_articles=tuple(everything)) == [], mode


def test_exclusion_is_pushed_down_to_chroma_and_the_fts5_query(tmp_path: Path) -> None:
    query = Query("seawall", since=date(2024, 1, 1), exclude_articles=("b", "a"))
    q = bundle(query)
    assert q.exclude_ids == frozenset({"a", "b"})
    assert chroma_where(q) == {"$and": [{"published": {"$gte": 20240101}}, {"article_id": {"$nin": ["a", "b"]}}]}
    assert chroma_where(bundle(Query("seawall", exclude_articles=("a",)))) == {"article_id": {"$nin": ["a"]}}
    assert bundle(Query("seawall")).exclude_ids is None and chroma_where(bundle(Query("seawall"))) is None

    texts = ["The Larkspur seawall cost 4 million.", "The seawall opened in May.", "A seawall for Tromsvik."]
    metas = [
        {"article_id": "a", "index": 0, "start": 0, "end": 36, "published": 20240101},
        {"article_id": "b", "index": 0, "start": 0, "end": 26, "published": 20230101},
        {"article_id": "c", "index": 0, "start": 0, "end": 23},
    ]
    rows = [ChunkRow(cid, t, m) for cid, t, m in zip(["a#0:x", "b#0:y", "c#0:z"], texts, metas, strict=True)]
    index = LexicalIndex.build(tmp_path / "lexical.sqlite", rows, "g")

    class _Store:
        def lexical(self) -> LexicalIndex:
            return index

    def found(**kw) -> list[str]:  # type: ignore[no-untyped-def]
        hits = BM25ChunkRetriever(_Store()).search(Request(query_str="seawall", k=10, **kw))  # type: ignore[arg-type]
        return sorted(h.chunk.article_id for h in hits)

    assert found() == ["a", "b", "c"]
    assert found(exclude_ids=frozenset({"a"})) == ["b", "c"]
    assert found(exclude_ids=frozenset({"a"}), since=date(2023, 1, 1)) == ["b"]  # undated c is out of any range
    assert found(exclude_ids=frozenset({"b"}), article_ids=frozenset({"a", "b"})) == ["a"]
    assert found(exclude_ids=frozenset({"a", "b", "c"})) == []


def test_bm25_follows_updates_and_deletes(ingested, corpus: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    settings, _ = ingested
    lexical = build_pipeline(replace(settings, retrieval="lexical", rerank=False), embedder=embedder)
    assert _ids(lexical, "herring season")[0] == "101_invented_seawall"
    path = corpus / "101_invented_seawall.txt"
    path.write_text(path.read_text().replace("herring season", "mackerel season"))
    ingest_paths([str(corpus)], settings, embedder=embedder, progress=False)
    # the same pipeline object (as in a running app) sees the change without a restart
    assert "101_invented_seawall" not in _ids(lexical, "herring")
    assert _ids(lexical, "mackerel season")[0] == "101_invented_seawall"
    store = Store(settings)
    with store.writer():
        store.delete_articles(["101_invented_seawall"])
    assert "101_invented_seawall" not in _ids(lexical, "mackerel season seawall")
    assert sorted(store.lexical().ids()) == sorted(cid for cid, _, _ in store.all_chunks())


def _hit(chunk_id: str, article: str = "a", text: str = ""):  # type: ignore[no-untyped-def]
    return hit_from(chunk_id, text or chunk_id, {"article_id": article}, {}, 1.0)


class _Fixed:
    """A first stage returning a fixed ranking."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids

    def search(self, _: Request):  # type: ignore[no-untyped-def]
        return [_hit(i) for i in self.ids]


def test_reciprocal_rank_fusion_order_and_weights() -> None:
    a, b = _Fixed(["x", "y", "z"]), _Fixed(["z", "y", "w"])
    fused = FusionRetriever([(a, 1.0), (b, 1.0)], rrf_k=1).search(Request("q"))
    # x: 1/2; y: 1/3 + 1/3; z: 1/4 + 1/2; w: 1/4
    assert [h.chunk.id for h in fused] == ["z", "y", "x", "w"]
    assert [round(h.score, 4) for h in fused] == [0.75, 0.6667, 0.5, 0.25]
    assert all(h.scores_by_retriever["fused"] == h.score for h in fused)
    weighted = FusionRetriever([(a, 3.0), (b, 1.0)], rrf_k=1).search(Request("q"))
    assert [h.chunk.id for h in weighted][0] == "x"


class _Meeting(_Fixed):
    """A retriever that records its thread, and either waits for the other one to have started or says it has."""

    def __init__(self, ids: list[str], started: threading.Event, wait: bool, caller: bool) -> None:
        super().__init__(ids)
        self.started, self.wait, self.stay_on_caller = started, wait, caller
        self.thread: int | None = None
        self.met = False

    def search(self, request: Request):  # type: ignore[no-untyped-def]
        self.thread = threading.get_ident()
        if self.wait:
            self.met = self.started.wait(timeout=10)
        else:
            self.started.set()
        return super().search(request)


def test_fusion_runs_its_retrievers_at_once_and_keeps_the_lexical_one_on_the_caller() -> None:
    started = threading.Event()
    dense = _Meeting(["x", "y", "z"], started, wait=True, caller=False)  # first in the list, waits for the second
    lexical = _Meeting(["z", "y", "w"], started, wait=False, caller=True)
    fused = FusionRetriever([(dense, 1.0), (lexical, 1.0)], rrf_k=1).search(Request("q"))
    assert dense.met  # run one after the other, the first would have waited alone
    assert lexical.thread == threading.get_ident() != dense.thread
    assert [h.chunk.id for h in fused] == ["z", "y", "x", "w"]  # the list's order, not the finishing order


def test_near_duplicate_articles_do_not_crowd_the_top(ingested, corpus: Path, embedder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings, _ = ingested
    text = (corpus / "102_invented_chess.txt").read_text()
    syndicated = tmp_path / "syndicated"
    syndicated.mkdir()
    # the same story under other names, each lightly edited (so not exact duplicates)
    for i in range(3):
        (syndicated / f"wire_{i}.txt").write_text(text.replace("on Sunday", f"on Sunday, agency {i} reported"))
    ingest_paths([str(syndicated)], settings, embedder=embedder, progress=False)
    hits = build_pipeline(settings, embedder=embedder).search(Query("Who won the Halvard Open chess tournament?", k=5))
    story = [h for h in hits if "Idris Okonkwo won" in h.chunk.text]
    assert len(story) == 1  # one copy of the story; the other slots go to other passages
    no_dedupe = build_pipeline(replace(settings, rerank=False), embedder=embedder)
    assert (
        len(
            [
                h
                for h in no_dedupe.search(Query("Who won the Halvard Open chess tournament?", k=5))
                if "Idris Okonkwo won" in h.chunk.text
            ]
        )
        > 1
    )


def test_recency_prefers_articles_shortly_before_the_as_of_date(ingested, embedder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings, _ = ingested
    folder = tmp_path / "two"
    folder.mkdir()
    body = "The Tromsvik ferry timetable changed: boats now leave every {} minutes from the north pier."
    (folder / "ferry_old.txt").write_text(" date 2021-01-10 " + body.format(40))
    (folder / "ferry_new.txt").write_text(" date 2024-06-01 " + body.format(30))
    ingest_paths([str(folder)], settings, embedder=embedder, progress=False)
    p = build_pipeline(settings, embedder=embedder)
    assert _ids(p, "How often does the Tromsvik ferry leave?", as_of=date(2024, 6, 3))[0] == "ferry_new"
    assert _ids(p, "How often does the Tromsvik ferry leave?", as_of=date(2021, 1, 12))[0] == "ferry_old"
    assert SEED_ID not in _ids(p, "Tromsvik ferry", since=date(2024, 1, 1))
    # without an as-of date, the time the question names does the same; the as-of date, when given, wins
    assert _ids(p, "How often did the Tromsvik ferry leave in January 2021?")[0] == "ferry_old"
    assert _ids(p, "How often did the Tromsvik ferry leave in June 2024?")[0] == "ferry_new"
    assert _ids(p, "How often did the Tromsvik ferry leave in January 2021?", as_of=date(2024, 6, 3))[0] == "ferry_new"


def test_a_question_naming_a_month_is_answered_from_that_months_story(ingested, embedder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings, _ = ingested
    folder = tmp_path / "storms"
    folder.mkdir()
    body = "Storm {} struck Keldmouth on Saturday, flooding the harbour road and cutting power to {} homes."
    (folder / "storm_sep.txt").write_text(" date 2023-09-18 " + body.format("Orla", "4,200"))
    (folder / "storm_nov.txt").write_text(" date 2023-11-06 " + body.format("Tamsin", "1,900"))
    ingest_paths([str(folder)], settings, embedder=embedder, progress=False)
    p = build_pipeline(settings, embedder=embedder)
    for month, storm, homes in (("November", "Tamsin", "1,900"), ("September", "Orla", "4,200")):
        answer = p.ask(Query(f"Which storm struck Keldmouth in {month} 2023?", k=5))
        assert answer.short_answer is not None and storm in answer.short_answer.text, (month, answer.text)
        answer = p.ask(Query(f"How many homes lost power when a storm struck Keldmouth in {month} 2023?", k=5))
        assert answer.short_answer is not None and answer.short_answer.text.startswith(homes), (month, answer.text)


def test_lexical_table_agrees_with_chroma(ingested) -> None:  # type: ignore[no-untyped-def]
    settings, _ = ingested
    store = Store(settings)
    index = store.lexical()
    rows = store.all_chunks()
    assert sorted(index.ids()) == sorted(cid for cid, _, _ in rows)
    for cid, text, meta in rows:
        assert index.chunk(cid) == (text, meta)
        assert index.passage_terms(cid, "") == passage_terms(text or "")
    # a chunk the table lacks (written after it was brought level) is read from Chroma
    assert store.passages([rows[0][0], "no-such-chunk"]) == {rows[0][0]: (rows[0][1], rows[0][2])}
