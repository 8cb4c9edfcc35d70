"""The reranker's score over given candidates (their dense and BM25 scores fixed; a store that has nothing else to
add): what each feature does to the order."""

from dataclasses import replace
from datetime import date
from types import SimpleNamespace

from rag.rerank import NewsReranker
from rag.settings import load_settings
from rag.text import rarity
from tests.fakes import text_hit


class _NoLexical:
    """The store's lexical index for candidates that already carry their BM25 score: nothing to add."""

    def scores(self, text, ids):  # type: ignore[no-untyped-def]
        return {}

    def features(self, ids):  # type: ignore[no-untyped-def]
        return {}


def _rerank(hits, question: str, **settings):  # type: ignore[no-untyped-def]
    store = SimpleNamespace(lexical=_NoLexical)
    reranker = NewsReranker(store, None, replace(load_settings(), **settings))
    return reranker.postprocess(hits, SimpleNamespace(query_str=question, as_of=None, hits=3))


def test_rarity_weighs_a_term_by_how_few_candidates_hold_it() -> None:
    weights = rarity({"odil", "varnsworth", "absent"}, [{"odil", "varnsworth"}, {"odil"}, {"odil"}, {"odil"}])
    assert weights["varnsworth"] > weights["odil"] > 0
    assert weights["absent"] > weights["varnsworth"]  # held by none: rarer still


def test_a_rare_name_of_the_question_outweighs_a_common_one() -> None:
    """ "Who is Odile Varnsworth?": "Odile" is in every story about the actor Tomas Odile, whose passages are about a
    person and nearer the question's vector; "Varnsworth" is in one markets story, which holds the whole name. With
    each term weighted by its rarity among the candidates that story comes first; without, an actor's does."""
    question = "Who is Odile Varnsworth?"
    hits = []
    for i, role in enumerate(["a detective", "a sailor", "a baker", "a king", "a teacher", "a pilot"]):
        text = f"Actor Tomas Odile will play {role} in a new film, Odile said in Lyon."
        hit = text_hit(text, f"actor{i}", question)
        hits.append(replace(hit, scores_by_retriever={"dense": 0.5, "lexical": 9.0}))
    markets = "“It looks worse than it is,” Odile Varnsworth, head of fixed income at Calder Funds, told us."
    hits.append(replace(text_hit(markets, "markets", question), scores_by_retriever={"dense": 0.0, "lexical": 12.0}))
    ranked = _rerank(hits, question)
    assert ranked[0].chunk.article_id == "markets"
    assert ranked[0].scores_by_retriever["rare"] == 1.0 > ranked[1].scores_by_retriever["rare"]
    assert _rerank(hits, question, rerank_rare=0.0)[0].chunk.article_id != "markets"


def test_recency_counts_from_the_time_the_question_names_without_an_as_of_date() -> None:
    store = SimpleNamespace(lexical=_NoLexical)
    reranker = NewsReranker(store, None, load_settings())
    november = (date(2022, 11, 1), date(2022, 11, 30))
    assert reranker.recency(date(2022, 11, 9), None, november) == 1.0
    assert reranker.recency(date(2022, 12, 4), None, november) == 1.0  # reported within the grace days after
    september = reranker.recency(date(2022, 9, 28), None, november)
    assert 0.0 < september < reranker.recency(date(2022, 10, 25), None, november) < 1.0
    assert reranker.recency(date(2023, 3, 1), None, november) < 0.01
    # a year: nothing before it, anything after it ("Who won Wimbledon in 2021?" is told of in 2022)
    year = (date(2021, 1, 1), date(2021, 12, 31))
    assert (
        reranker.recency(date(2022, 6, 1), None, year) == 1.0 and reranker.recency(date(2020, 6, 1), None, year) < 0.01
    )
    # the as-of date wins, and with neither there is no preference
    assert reranker.recency(date(2022, 9, 28), date(2022, 9, 30), november) > 0.8
    assert reranker.recency(date(2022, 9, 28), None, None) == 0.0
