"""Role questions ("Who is the president of Kazakhstan?"): the role asked for, the title a sentence gives a name, and
the short answer they choose. Grammar is checked on hand-made entities; the answerer with the real recogniser."""

from dataclasses import replace
from datetime import date

import pytest

from rag.answer import ExtractiveAnswerer
from rag.nlp import Entity, EntityRecognizer
from rag.roles import (
    FORMER,
    HOLDER_UNSAID,
    NO_ROLE,
    OTHER_HOLDER,
    OTHER_RANK,
    SAME_ROLE,
    Role,
    asked_role,
    given_role,
    role_fit,
)
from rag.types import Query
from tests.fakes import TEST_MODEL, fake_embed, text_hit


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Who is the president of Kazakhstan?", Role("president", "Kazakhstan")),
        ("Who is Tesla's CEO?", Role("ceo", "Tesla")),
        ("Who is the Russian Prime Minister?", Role("prime minister", "Russian")),
        ("Who is the prime minister of the U.K. now?", Role("prime minister", "UK")),
        ("Who's the chief executive of Acme?", Role("ceo", "Acme")),
        ("who is the president of the country?", Role("president")),
        (
            "Who was the former president of Kazakhstan?",
            Role("president", "Kazakhstan", frozenset({"former"}), past=True),
        ),
        ("Who is the US Secretary of State?", Role("secretary of state", "US")),
        ("Who is the current US president?", Role("president", "US")),
        ("Who is the new British prime minister?", Role("prime minister", "British")),
        ("Who is the vice president of the United States?", Role("president", "United States", frozenset({"vice"}))),
        ("Who was the president of Kazakhstan?", Role("president", "Kazakhstan", past=True)),
        ("Who is the president of the club?", Role("president")),  # a kind, not whose
        ("Who is the head of state visiting?", None),
        ("Who is the Senate majority leader?", Role("majority leader", "Senate")),
        ("Who is New Zealand's prime minister?", Role("prime minister", "New Zealand")),
        ("Who is Denis Denisov?", None),  # a name, not a role
        ("Who won the Super Bowl?", None),
        ("Who is the president of Kazakhstan meeting with?", None),  # asks whom the president meets
        ("What did the president of Kazakhstan say?", None),
        # "what is the name of the <role>" asks as "who is", and a clause may tell which one
        ("What is the name of the mayor of Tromsvik?", Role("mayor", "Tromsvik")),
        ("What's the name of the mayor who was to open the fair?", Role("mayor")),
        ("Who was the mayor that opened the fair?", Role("mayor", past=True)),
        ("What is the name of the dog?", None),
    ],
)
def test_the_role_a_question_asks_the_holder_of(question: str, role: Role | None) -> None:
    assert asked_role(question) == role


def test_the_asked_role_keeps_the_question_s_words_for_a_message() -> None:
    assert asked_role("Who is the president of Kazakhstan?").phrase == "the president of Kazakhstan"
    assert asked_role("Who is Tesla's CEO?").phrase == "Tesla's CEO"
    assert asked_role("Who is the Russian Prime Minister?").phrase == "the Russian Prime Minister"


def _given(sentence: str, name: str) -> Role | None:
    start = sentence.index(name)
    return given_role(sentence, Entity(name, "PERSON", start, start + len(name)))


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Russia's President Vladimir Putin met Kazakhstan's President Kassym-Jomart Tokayev.",
            "Vladimir Putin",
            Role("president", "Russia"),
        ),
        (
            "Russia's President Vladimir Putin met Kazakhstan's President Kassym-Jomart Tokayev.",
            "Kassym-Jomart Tokayev",
            Role("president", "Kazakhstan"),
        ),
        ("British Prime Minister Rishi Sunak spoke.", "Rishi Sunak", Role("prime minister", "British")),
        (
            "Deputy Prime Minister Iryna Vereshchuk said so.",
            "Iryna Vereshchuk",
            Role("prime minister", None, frozenset({"deputy"})),
        ),
        (
            "Kazakhstan’s former president Nursultan Nazarbayev stayed.",
            "Nursultan Nazarbayev",
            Role("president", "Kazakhstan", frozenset({"former"})),
        ),
        ("The president of France, Emmanuel Macron, spoke.", "Emmanuel Macron", Role("president", "France")),
        ("Liz Truss, the British prime minister, resigned.", "Liz Truss", Role("prime minister", "British")),
        (
            "Rishi Sunak is the United Kingdom's latest prime minister, replacing Liz Truss.",
            "Rishi Sunak",
            Role("prime minister", "United Kingdom"),
        ),
        ("Rishi Sunak is the United Kingdom's latest prime minister, replacing Liz Truss.", "Liz Truss", None),
        ("Florida Gov. Ron DeSantis signed it.", "Ron DeSantis", Role("governor", "Florida")),
        ("Acme's chief executive officer Jo Bloggs quit.", "Jo Bloggs", Role("ceo", "Acme")),
        ("Putin and his Kazakh counterpart Kassym-Jomart Tokayev met.", "Kassym-Jomart Tokayev", None),
        (
            "Putin will head to Minsk to meet his Belarusian counterpart Alexander Lukashenko.",
            "Alexander Lukashenko",
            None,
        ),
        # a rank before whose role it is, or capitalised
        (
            "The former British Prime Minister Boris Johnson spoke.",
            "Boris Johnson",
            Role("prime minister", "British", frozenset({"former"})),
        ),
        ("Then-Twitter CEO Jack Dorsey left.", "Jack Dorsey", Role("ceo", "Twitter", frozenset({"then"}))),
        ("Former House Speaker Nancy Pelosi spoke.", "Nancy Pelosi", Role("speaker", "House", frozenset({"former"}))),
        (
            "Pope Emeritus Benedict XVI died on Saturday.",
            "Emeritus Benedict XVI",
            Role("pope", None, frozenset({"former"})),
        ),
        # a party, a weekday or an opening word is not whose role it is
        ("Republican Gov. Ron DeSantis of Florida spoke.", "Ron DeSantis", Role("governor")),
        ("As President Joe Biden arrived, crowds cheered.", "Joe Biden", Role("president")),
        # another name's title, before or after
        (
            "French President Emmanuel Macron and German Chancellor Olaf Scholz met.",
            "Olaf Scholz",
            Role("chancellor", "German"),
        ),
        ("Dmitry Peskov, President Vladimir Putin's spokesman, said so.", "Dmitry Peskov", None),
        ("Rishi Sunak, French President Emmanuel Macron and others met.", "Rishi Sunak", None),
        # "was" is a former holder
        (
            "Nursultan Nazarbayev was president of Kazakhstan until 2019.",
            "Nursultan Nazarbayev",
            Role("president", "Kazakhstan", frozenset({"former"})),
        ),
        (
            "George Washington was the first president of the United States.",
            "George Washington",
            Role("president", "United States", frozenset({"first", "former"})),
        ),
        # a counterpart holds the role of the title before it, for the place its own words name
        (
            "Russian President Vladimir Putin and his Belarusian counterpart Alexander Lukashenko spoke.",
            "Alexander Lukashenko",
            Role("president", "Belarusian"),
        ),
    ],
)
def test_the_title_a_sentence_gives_a_name(sentence: str, name: str, role: Role | None) -> None:
    assert _given(sentence, name) == role


def test_a_title_fits_the_asked_role_only_for_the_same_holder_and_rank() -> None:
    asked = Role("president", "Kazakhstan")
    assert role_fit(asked, Role("president", "Kazakh")) == SAME_ROLE  # a country's other names
    assert role_fit(asked, Role("president", "Russia")) == OTHER_HOLDER
    assert role_fit(asked, Role("president", "Kazakhstan", frozenset({"former"}))) == FORMER
    assert role_fit(asked, Role("president", "Kazakhstan", frozenset({"deputy"}))) == OTHER_RANK
    # a rank the question asks and the title lacks is another rank too
    assert role_fit(Role("president", "US", frozenset({"vice"})), Role("president", "US")) == OTHER_RANK
    # a title that does not say whom for: a mayor's may be the asked town's, a bare "President" is no country's
    assert role_fit(Role("mayor", "Larkspur Bay"), Role("mayor")) == HOLDER_UNSAID
    assert role_fit(asked, Role("president")) == NO_ROLE
    assert role_fit(asked, Role("prime minister", "Kazakhstan")) == NO_ROLE
    assert role_fit(asked, None) == NO_ROLE
    assert role_fit(Role("prime minister", "UK"), Role("prime minister", "British")) == SAME_ROLE
    assert role_fit(Role("ceo", "Tesla"), Role("ceo", "Tesla Inc.")) == SAME_ROLE
    assert role_fit(Role("president"), Role("president", "Kazakhstan")) == SAME_ROLE
    former = Role("president", "Kazakhstan", frozenset({"former"}))
    assert role_fit(former, Role("president", "Kazakhstan", frozenset({"former"}))) == SAME_ROLE
    assert role_fit(former, Role("president", "Kazakhstan")) == OTHER_RANK
    # "who was" takes a former holder and a current one
    was = Role("president", "Kazakhstan", past=True)
    assert role_fit(was, Role("president", "Kazakhstan", frozenset({"former"}))) == SAME_ROLE
    assert role_fit(was, Role("president", "Kazakhstan")) == SAME_ROLE
    # a name inside another is not it
    assert role_fit(Role("governor", "Virginia"), Role("governor", "West Virginia")) == OTHER_HOLDER
    assert role_fit(Role("president", "US"), Role("president", "US Chamber of Commerce")) == OTHER_HOLDER


MEETING = (
    "Russia's President Vladimir Putin speaks with Kazakhstan's President Kassym-Jomart Tokayev during their meeting "
    "in Moscow on August 21, 2021. Deputy Prime Minister Iryna Vereshchuk said the talks would go on."
)


def _answer(ner: EntityRecognizer, question: str, text: str):  # type: ignore[no-untyped-def]
    answerer = ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner, min_short_answer=0.0)
    return answerer.answer(Query(question), [text_hit(text, "a1", question)])


def test_a_role_question_is_answered_by_the_name_given_that_role(ner: EntityRecognizer) -> None:
    # the small model labels "Kassym-Jomart Tokayev" an organisation; the president of Russia stands nearer
    answer = _answer(ner, "Who is the president of Kazakhstan?", MEETING)
    assert answer.short_answer is not None and answer.short_answer.text == "Kassym-Jomart Tokayev"
    start = MEETING.index("Kassym-Jomart Tokayev")
    assert (answer.short_answer.start, answer.short_answer.end) == (start, start + len("Kassym-Jomart Tokayev"))
    russia = _answer(ner, "Who is Russia's president?", MEETING)
    assert russia.short_answer is not None and russia.short_answer.text == "Vladimir Putin"


def test_no_one_is_claimed_to_hold_a_role_no_sentence_gives_them(ner: EntityRecognizer) -> None:
    # a deputy prime minister is not the prime minister; neither president is said to be France's: no person the
    # quotes name is what was asked, so the answer says so rather than quote sentences about other people
    for question, phrase in [
        ("Who is the prime minister?", "the prime minister"),
        ("Who is the president of France?", "the president of France"),
    ]:
        answer = _answer(ner, question, MEETING)
        assert answer.abstained and answer.short_answer is None
        assert answer.note == f"The articles found don't name {phrase}."


def test_a_title_that_does_not_say_whom_for_counts_in_a_story_naming_the_place(ner: EntityRecognizer) -> None:
    story = "Mayor Ottilie Brennan opened the new seawall in Larkspur Bay on Monday. Senator Lars Vik came too."
    answer = _answer(ner, "Who is the mayor of Larkspur Bay?", story)
    assert answer.short_answer is not None and answer.short_answer.text == "Ottilie Brennan"
    # a story that never names the asked town does not make her its mayor (nor is she found as a short answer the
    # answer then hides)
    question = "Who is the mayor of Tromsvik?"
    answerer = ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner, min_short_answer=0.0)
    assert answerer.draft(Query(question), [text_hit(story, "a1", question)]).short_found is None
    # a title saying whom for wins over one that does not
    both = story + " Larkspur Bay's mayor Jo Ames was away."
    assert _answer(ner, "Who is the mayor of Larkspur Bay?", both).short_answer.text == "Jo Ames"


def test_someone_newer_news_calls_a_former_holder_does_not_hold_the_role(ner: EntityRecognizer) -> None:
    text = (
        "Twitter CEO Parag Agrawal spoke to staff in May. In October, Elon Musk fired former CEO Parag Agrawal. "
        "Twitter owner Elon Musk then cut half of the staff."
    )
    answerer = ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner, min_short_answer=0.0)
    question = "Who is the CEO of Twitter?"
    assert answerer.draft(Query(question), [text_hit(text, "a1", question)]).short_found is None
    # who was it: the former CEO answers
    question = "Who was the CEO of Twitter?"
    assert answerer.draft(Query(question), [text_hit(text, "a1", question)]).short_found == "Parag Agrawal"


def test_a_title_that_does_not_say_whom_for_does_not_count_beside_another_place(ner: EntityRecognizer) -> None:
    text = "President Joe Biden flew to Poland from the United States on Monday."
    answerer = ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner, min_short_answer=0.0)
    question = "Who is the president of Poland?"
    assert answerer.draft(Query(question), [text_hit(text, "a1", question)]).short_found is None


def test_a_former_holder_holds_the_role_again_when_newer_news_gives_it(ner: EntityRecognizer) -> None:
    question = "Who is the president of Brazil?"
    old = text_hit("Former president Lula da Silva spoke in Sao Paulo on Monday.", "old", question)
    new = text_hit("Brazil's President Lula da Silva spoke in Brasilia on Monday.", "new", question)
    answerer = ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner, min_short_answer=0.0)
    hits = [replace(old, published=date(2022, 5, 1)), replace(new, published=date(2023, 5, 1))]
    assert answerer.draft(Query(question), hits).short_found == "Lula da Silva"
    hits = [replace(old, published=date(2023, 6, 1)), replace(new, published=date(2023, 5, 1))]
    assert answerer.draft(Query(question), hits).short_found is None
