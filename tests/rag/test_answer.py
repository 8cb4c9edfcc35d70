from datetime import date

import numpy as np

from rag.answer import ABSTAIN_TEXT, ExtractiveAnswerer
from rag.types import Chunk, Hit, Query
from tests.fakes import TEST_MODEL, fake_embed, word_vector

ARTICLE = (
    "Mayor Ottilie Brennan opened the session. The council voted to build a seawall along the harbour. "
    "The seawall will cost 41 million euros. Fishermen asked for gaps in the wall."
)


def _hit(text: str, article_id: str, start: int, query: str, rank_score: float | None = None) -> Hit:
    score = float(word_vector(text) @ word_vector(query)) if rank_score is None else rank_score
    chunk = Chunk(f"{article_id}#0:x", article_id, 0, start, start + len(text), text)
    return Hit(chunk, score, {"dense": score}, title=f"Title {article_id}", published=date(2024, 3, 12), source="a.txt")


def _answerer(**kwargs) -> ExtractiveAnswerer:  # type: ignore[no-untyped-def]
    return ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, **kwargs)


def test_quotes_the_sentence_that_answers_and_cites_exact_offsets() -> None:
    question = "How much will the seawall cost?"
    hit = _hit(ARTICLE, "a1", 100, question)
    answer = _answerer().answer(Query(question), [hit])
    assert not answer.abstained
    assert answer.citations[0].quote == "The seawall will cost 41 million euros."
    # offsets are into the article: the chunk starts at 100 in it
    cit = answer.citations[0]
    assert ARTICLE[cit.start - 100 : cit.end - 100] == cit.quote
    # the short answer first (the sum asked for, as written), then the quote that states it
    assert answer.text.startswith("41 million euros. [1] The seawall will cost 41 million euros. [1]")
    assert answer.sources[0].article_id == "a1" and answer.sources[0].marker == 1
    assert all(c.supported for c in answer.citations)


def test_markers_number_articles_in_order_of_first_citation() -> None:
    question = "What did fishermen ask about the seawall gaps?"
    hits = [
        _hit("Fishermen asked for two gaps in the seawall.", "b", 0, question),
        _hit("Fishermen asked the council for gaps in the seawall.", "a", 0, question),
    ]
    answer = _answerer(max_sentences=2).answer(Query(question), hits)
    assert [s.article_id for s in answer.sources] == ["b", "a"]
    assert [c.marker for c in answer.citations] == [1, 2]
    assert "[1]" in answer.text and "[2]" in answer.text


def test_abstains_when_no_sentence_covers_the_question() -> None:
    question = "Who won the football cup final?"
    answer = _answerer().answer(Query(question), [_hit(ARTICLE, "a1", 0, question, rank_score=0.9)])
    assert answer.abstained and answer.text == ABSTAIN_TEXT and not answer.citations and not answer.sources


def test_abstains_when_the_best_passage_is_not_relevant_enough() -> None:
    question = "How much will the seawall cost?"
    answer = _answerer(min_relevance=0.5).answer(Query(question), [_hit(ARTICLE, "a1", 0, question, 0.2)])
    assert answer.abstained


def test_abstains_without_hits() -> None:
    assert _answerer().answer(Query("anything at all?"), []).abstained


def test_repeated_text_from_overlapping_chunks_is_quoted_once() -> None:
    question = "How much will the seawall cost?"
    hits = [_hit(ARTICLE, "a1", 0, question), _hit(ARTICLE, "a1", 0, question)]
    answer = _answerer(max_sentences=3).answer(Query(question), hits)
    quotes = [c.quote for c in answer.citations]
    assert len(quotes) == len(set(quotes))


def test_abstains_when_asked_for_a_sum_that_no_relevant_sentence_gives() -> None:
    question = "How much did the seawall gaps for fishermen cost?"
    answer = _answerer().answer(
        Query(question), [_hit(ARTICLE.replace(" 41 million euros", " a lot"), "a1", 0, question)]
    )
    assert answer.abstained
    assert not _answerer().answer(Query(question), [_hit(ARTICLE, "a1", 0, question)]).abstained


def test_candidate_sentences_are_embedded_once_across_questions() -> None:
    from rag.answer import _VectorCache

    calls: list[list[str]] = []

    def embed(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        return np.stack([fake_embed([t])[0] for t in texts])

    cache = _VectorCache(embed, size=3)
    first = cache(["a b", "c d", "a b"])
    assert calls == [["a b", "c d"]]  # each distinct text embedded once
    assert np.allclose(first[0], first[2]) and np.allclose(first, np.stack([fake_embed([t])[0] for t in ["a b", "c d", "a b"]]))
    cache(["c d", "e f"])
    assert calls[-1] == ["e f"]  # "c d" came from the cache
    cache(["g h", "i j"])  # over the size: the least recently used ("a b") goes
    cache(["a b"])
    assert calls[-1] == ["a b"]
