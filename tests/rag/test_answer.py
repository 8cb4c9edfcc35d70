from datetime import date

import numpy as np
import pytest

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
    assert np.allclose(first[0], first[2]) and np.allclose(
        first, np.stack([fake_embed([t])[0] for t in ["a b", "c d", "a b"]])
    )
    cache(["c d", "e f"])
    assert calls[-1] == ["e f"]  # "c d" came from the cache
    cache(["g h", "i j"])  # over the size: the least recently used ("a b") goes
    cache(["a b"])
    assert calls[-1] == ["a b"]


def test_embeds_only_the_sentences_a_fitted_model_weighs() -> None:
    """A sentence's cosine costs an embedding, most of an answer's time: none when neither model weighs it, the
    quoted sentence's alone when only the answerability model does, every finalist's when the ranker does."""
    from dataclasses import replace

    from rag.sentence_rank import SentenceRanker

    question = "How much will the seawall cost?"
    hits = [
        _hit(ARTICLE, "a1", 0, question),
        _hit("The harbour seawall plan was approved in March.", "a2", 0, question),
    ]
    embedded: list[str] = []

    def counting_embed(texts: list[str]) -> np.ndarray:
        embedded.extend(texts)
        return fake_embed(texts)

    shipped = SentenceRanker.load()
    no_cosine = replace(shipped, full={k: v for k, v in shipped.full.items() if k != "similarity"})
    with_cosine = replace(no_cosine, full={**no_cosine.full, "similarity": 1.0})
    weighs_similarity = replace(TEST_MODEL, weights={**TEST_MODEL.weights, "similarity": 1.0})
    query_vector = lambda text: fake_embed([text])[0]  # noqa: E731 (the question's own vector is not counted)

    def run(ranker: SentenceRanker, model) -> tuple[list[str], object]:  # type: ignore[no-untyped-def]
        embedded.clear()
        answerer = ExtractiveAnswerer(embed=counting_embed, embed_query=query_vector, model=model, ranker=ranker)
        draft = answerer.draft(Query(question), hits)
        return list(embedded), draft

    texts, draft = run(no_cosine, TEST_MODEL)
    assert texts == [] and draft.answer.citations[0].quote == "The seawall will cost 41 million euros."
    texts, draft = run(no_cosine, weighs_similarity)
    assert texts == ["The seawall will cost 41 million euros."]
    assert draft.assessment.features["similarity"] == pytest.approx(
        float(word_vector(texts[0]) @ word_vector(question)), abs=1e-6
    )
    texts, _ = run(with_cosine, TEST_MODEL)
    assert len(texts) > 1 and "The seawall will cost 41 million euros." in texts


def test_the_names_a_question_types_in_small_letters_are_capitalised() -> None:
    from rag.answer import recase_names

    shares = {"mishustin": 1.0, "universities": 0.1, "new": 0.86, "openai": 1.0, "tokayev": None, "spoke": None}
    shares |= {"president": 0.61, "trump": 0.99, "new york giants": 1.0, "giants": 0.68, "tech giants": 0.0}
    shares |= {"tromsvik": 1.0, "streaks": 0.0, "tromsvik league world": 1.0, "league world cup": 1.0}
    forms = {"openai": "OpenAI"}
    rare = {"tokayev"}  # split by the tokenizer: no English word

    def capitalised(words):  # type: ignore[no-untyped-def]
        return {w: None if shares.get(w) is None else (shares[w], forms.get(w, w.title())) for w in words}

    def recase(q: str) -> str:
        return recase_names(q, capitalised, rare.__contains__)

    assert recase("what did mishustin say about new universities") == "what did Mishustin say about new universities"
    # a word no article holds is a name when it is rare in English: "The articles don't mention Tokayev."
    assert recase("who spoke with tokayev") == "who spoke with Tokayev"
    assert recase("who runs openai") == "who runs OpenAI"  # as the articles write it
    # a name's possessive typed without its apostrophe: a word no article holds, a name without its "s"
    assert recase("who snapped tromsviks five game win streaks") == "who snapped Tromsvik's five game win streaks"
    # a capital only at a sentence's start (as phones type): the store's casing counts, an unknown rare word does not
    assert recase("What did mishustin say?") == "What did Mishustin say?"
    assert recase("Who spoke with tokayev?") == "Who spoke with tokayev?"
    # words in a row written as one name ("new" and "giants" alone are not), in a question without capitals only
    assert recase("who owns the new york giants") == "who owns the New York Giants"
    assert recase("which tech giants cut jobs") == "which tech giants cut jobs"
    # two such runs that overlap are one name, longer than a run is looked up
    assert recase("when does the tromsvik league world cup start") == "when does the Tromsvik League World Cup start"
    assert recase("Who owns the new york giants and the Jets?") == "Who owns the new york giants and the Jets?"
    # typed with capitals elsewhere: the store's casing counts for a word after a title, a rare word not
    assert recase("what did mishustin say about the EU") == "what did mishustin say about the EU"
    assert (
        recase("What did BTS and president trump say to tokayev?") == "What did BTS and president Trump say to tokayev?"
    )
    # a day's possessive typed without its apostrophe is no name ("Tonight's NBA Draft" in headlines)
    rare.add("tonights")
    shares["tonights nba draft"] = 1.0
    assert recase("where is tonights nba draft being held") == "where is tonights nba draft being held"


def test_an_organisation_typed_in_small_letters_that_no_article_holds_is_a_name() -> None:
    from rag.answer import name_organisations

    held = {"Teachers Union", "Tromsvik Harbour Council"}
    question = "how many boats does the tromsvik seed alliance count"
    assert name_organisations(question, held.__contains__, True) == (
        "how many boats does the Tromsvik Seed Alliance count"
    )
    assert name_organisations("what did the teachers union say", held.__contains__, True) == (
        "what did the teachers union say"  # held: the articles' own words
    )
    assert name_organisations(question, held.__contains__, False) == question  # typed with capitals: as typed
    shelter = "how many migrants stay at the sunrise haven shelter in tromsvik"
    assert name_organisations(shelter, held.__contains__, True) == (
        "how many migrants stay at the Sunrise Haven Shelter in tromsvik"
    )
    assert name_organisations("who runs the city and port council", held.__contains__, True) == (
        "who runs the city and port council"
    )


def test_a_question_about_a_person_quotes_the_article_that_names_them() -> None:
    """The sentence closest to the rest of the question comes from a story that never names the person asked
    about: the draft quotes the retrieved story that does, and the note names what that story lacks (not the
    person: the articles found do name her)."""
    question = "Why did Ottilie Brennan resign?"
    other = "The council chairman said he would resign after the vote on the seawall on Tuesday."
    about = (
        "Mayor Ottilie Brennan opened the session of the council on Tuesday. The seawall will cost 41 million euros."
    )
    hits = [_hit(other, "other", 0, question, rank_score=0.9), _hit(about, "about", 0, question, rank_score=0.5)]
    draft = _answerer().draft(Query(question), hits)
    assert draft.answer.abstained and "Brennan" not in draft.answer.note and "resign" in draft.answer.note
    assert draft.composed is not None and draft.composed.citations[0].article_id == "about"
