"""Questions that ask two things: split into parts (rag/parts.py), each answered on its own, and one answer that
says which part the articles don't cover. The recogniser is the real one; the answerability weights are the fixed
test model."""

import pytest

from rag.answer import ExtractiveAnswerer, merge_answers
from rag.nlp import EntityRecognizer
from rag.parts import question_parts
from rag.types import Query
from tests.fakes import TEST_MODEL, fake_embed, text_hit

HARBOUR = (
    "Mayor Ottilie Brennan opened the session in Tromsvik on Monday. The council voted to build a seawall along "
    "the harbour. The seawall will cost 41 million euros. Fishermen asked for gaps in the wall. Brennan said the "
    "seawall would protect the old town. The next day, the council met the fishermen's union."
)


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("When and where did the council meet?", ["When did the council meet?", "Where did the council meet?"]),
        (
            "How, when and why did the bank fail?",
            ["How did the bank fail?", "When did the bank fail?", "Why did the bank fail?"],
        ),
        ("Who is Lars Vik and what did he tell the press?", ["Who is Lars Vik?", "What did Lars Vik tell the press?"]),
        (  # a name after "the" is no one's
            "Who won the Tromsvik election and what did she promise?",
            ["Who won the Tromsvik election?", "What did she promise?"],
        ),
        ("Which team won and how many goals did it score?", ["Which team won?", "How many goals did it score?"]),
        ("Who won the cup? Who did they beat?", ["Who won the cup?", "Who did they beat?"]),
        (
            "What did Brennan say about the seawall and about oil prices?",
            ["What did Brennan say about the seawall?", "What did Brennan say about oil prices?"],
        ),
        (
            "Did Brennan talk about the seawall's cost and tourists?",
            ["Did Brennan talk about the seawall's cost?", "Did Brennan talk about tourists?"],
        ),
        # one question, whatever its "and"
        ("Did Brennan talk about fishermen and tourists?", None),  # two single words: "supply and demand"
        ("What did they say about oil and gas prices?", None),  # one head: oil prices and gas prices
        ("What did they say about the war between Israel and Hamas?", None),
        ("What did he say about the trial and about the jury and about the judge?", None),
        ("What and how much did Brennan say about the seawall?", None),
        ("When and how many people died?", None),
        ("What did Biden say about inflation and what he will do about it?", None),
        ("What did the man who won the lottery and who was arrested say?", None),
        ("What is the relationship between Russia and Belarus?", None),
        ("Who won and by how much?", None),
        ("What did Biden say about Johnson and Johnson?", None),
        ("NFL player Damar Hamlin collapsed on Monday. He is a member of which team?", None),
    ],
)
def test_the_parts_of_a_question(question: str, parts: list[str] | None) -> None:
    assert question_parts(question) == (parts or [question])


def _answerer(ner: EntityRecognizer) -> ExtractiveAnswerer:
    return ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner)


def test_a_part_the_articles_do_not_cover_is_named_and_the_other_answered(ner: EntityRecognizer) -> None:
    question = "What did Brennan say about the seawall and about oil export prices?"
    other = "Tankers waited outside the port of Tromsvik on Monday."
    hits = [text_hit(HARBOUR, "a1", question), text_hit(other, "b2", question)]
    answer = _answerer(ner).answer(Query(question), hits)
    assert not answer.abstained
    assert any("protect the old town" in c.quote for c in answer.citations)
    assert "oil" in answer.note and "don't mention" in answer.note
    # asked alone, the uncovered part is an abstention, and the whole question is not
    alone = _answerer(ner).answer(Query("What did Brennan say about oil export prices?"), hits)
    assert alone.abstained


def test_both_parts_answered_are_one_answer_with_each_quote_once(ner: EntityRecognizer) -> None:
    question = "What did the council say about the seawall and the fishermen?"
    answer = _answerer(ner).answer(Query(question), [text_hit(HARBOUR, "a1", question)])
    assert not answer.abstained and not answer.note
    quotes = [c.quote for c in answer.citations]
    assert len(quotes) == len(set(quotes))
    assert any("seawall" in q for q in quotes) and any("ishermen" in q for q in quotes)
    assert [s.marker for s in answer.sources] == [1]
    assert all(HARBOUR[c.start : c.end] == c.quote for c in answer.citations)


def test_merged_answers_number_their_articles_anew_and_keep_each_short_answer_span(ner: EntityRecognizer) -> None:
    other = "Tromsvik's council meets in the old town hall. The harbour master Lars Vik resigned on Friday."
    first = _answerer(ner).answer(Query("How much will the seawall cost?"), [text_hit(HARBOUR, "a1", "seawall cost")])
    second = _answerer(ner).answer(Query("Who resigned on Friday?"), [text_hit(other, "b2", "resigned Friday")])
    assert first.short_answer is not None and second.short_answer is not None
    merged = merge_answers([first, second])
    assert [(s.marker, s.article_id) for s in merged.sources] == [(1, "a1"), (2, "b2")]
    assert merged.short_answer == first.short_answer
    assert merged.text.startswith(f"{first.short_answer.text}. [1]")
    assert f"{second.short_answer.text}. [2]" in merged.text
    assert all(c.marker == (1 if c.article_id == "a1" else 2) for c in merged.citations)
    assert merged.text == " ".join(s.text for s in merged.sentences)


def test_no_part_answered_is_an_abstention_that_names_what_is_missing(ner: EntityRecognizer) -> None:
    question = "What did Brennan say about oil prices and about tourists?"
    answer = _answerer(ner).answer(Query(question), [text_hit(HARBOUR, "a1", question)])
    assert answer.abstained
    assert "oil" in answer.note and "tourists" in answer.note


def test_short_answers_lead_once_and_the_lead_is_the_answer_s_short_answer(ner: EntityRecognizer) -> None:
    hit = text_hit(HARBOUR, "a1", "seawall cost")
    cost = _answerer(ner).answer(Query("How much will the seawall cost?"), [hit])
    plain = _answerer(ner).answer(Query("What did the fishermen ask for?"), [hit])
    assert cost.short_answer is not None and plain.short_answer is None
    merged = merge_answers([plain, cost, cost])
    assert merged.short_answer is not None and merged.short_answer.text == cost.short_answer.text
    assert merged.text.startswith(f"{cost.short_answer.text}. [1]")
    assert [s.text for s in merged.sentences].count(f"{cost.short_answer.text}. [1]") == 1
    assert len({c.quote for c in merged.citations}) == len(merged.citations)
    assert merged.text == " ".join(s.text for s in merged.sentences)
    with pytest.raises(ValueError):
        merge_answers([])


def test_without_the_split_the_uncovered_part_would_sink_the_answer(ner: EntityRecognizer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The same question asked whole (the split turned off) abstains on the part no article covers: the split is
    what answers the covered part."""
    import rag.answer

    question = "What did Brennan say about the seawall's protection and about the oil export prices?"
    hits = [text_hit(HARBOUR, "a1", question)]
    split = _answerer(ner).answer(Query(question), hits)
    assert not split.abstained and "oil" in split.note
    monkeypatch.setattr(rag.answer, "question_parts", lambda q: [q])
    whole = _answerer(ner).answer(Query(question), hits)
    assert whole.abstained or "oil" not in whole.note


def test_a_part_whose_quotes_skip_its_own_words_is_not_answered_by_them(ner: EntityRecognizer) -> None:
    """The passages are found for the whole question: the sentence nearest to "what was the divorce rate" may be
    about marriage rates, which answers nothing about divorces."""
    text = (
        "Tromsvik registered 7,600 marriages in 2021, the fewest on record. "
        "Marriage rates in Tromsvik have fallen for eight years in a row."
    )
    question = "How many marriages did Tromsvik register in 2021 and what was the divorce rate?"
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert not answer.abstained and answer.short_answer is not None and "7,600" in answer.short_answer.text
    # (a rate asked: no number the quotes give is one; session 47)
    assert ("divorce" in answer.note and "don't mention" in answer.note) or "don't say which number" in answer.note
    assert not any("have fallen" in c.quote for c in answer.citations)
    said = text + " The divorce rate in Tromsvik rose to 3.1 per thousand."
    answer = _answerer(ner).answer(Query(question), [text_hit(said, "a1", question)])
    assert "divorce" not in answer.note and any("divorce rate" in c.quote for c in answer.citations)


def test_a_part_s_word_of_saying_may_be_said_otherwise(ner: EntityRecognizer) -> None:
    text = "Ottilie Brennan won the Tromsvik election on Sunday. Brennan vowed to cut property taxes in the harbour."
    question = "Who won the Tromsvik election and what did she promise about taxes?"
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert "promise" not in answer.note and any("property taxes" in c.quote for c in answer.citations)


def test_a_part_s_verb_may_be_said_otherwise(ner: EntityRecognizer) -> None:
    text = "The Tromsvik dock strike began on Monday. The dock workers want a pay rise of 9 percent."
    question = "When did the Tromsvik dock strike begin and what are the workers demanding?"
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert "demanding" not in answer.note and any("pay rise" in c.quote for c in answer.citations)
