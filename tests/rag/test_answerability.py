"""The answerability decision: question frames (names, answer type, relation), the kinds of abstention, and short
answers whose spans are exact. The NER model is the real one (spaCy's en_core_web_sm, deterministic); the
answerability weights are a fixed test model, so that refitting the shipped one does not change these tests."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from rag.answer import (
    ExtractiveAnswerer,
    _beside_the_noun,
    _Candidate,
    asks_source,
    cited_source,
    credits_outlet,
    source_called,
)
from rag.answerability import (
    FEATURES,
    HINT_WEIGHT,
    AnswerabilityModel,
    Frame,
    _length_of_time,
    day_meant,
    frame_question,
    names_the,
    offered,
    recency,
    stale,
    states_reason,
    states_relation,
    years_unsaid,
)
from rag.embed import Embedder
from rag.names import demonym_of, mentions
from rag.nlp import Entity, EntityRecognizer
from rag.short_answer import EntityGroup, Mention
from rag.text import calendar_days, key_terms
from rag.types import Query
from tests.fakes import TEST_MODEL, TEST_SHORT_MODEL, fake_embed, text_hit

HARBOUR = (
    "Mayor Ottilie Brennan opened the session in Tromsvik on Monday. The council voted to build a seawall along "
    "the harbour. The seawall will cost 41 million euros. Fishermen asked for gaps in the wall. Earlier on the same "
    "day, the harbour master Lars Vik resigned. The next day, the council met the fishermen's union."
)


def _answerer(ner: EntityRecognizer, known: set[str] | None = None, **kwargs) -> ExtractiveAnswerer:  # type: ignore[no-untyped-def]
    def unknown(names, exclude=()):  # type: ignore[no-untyped-def]
        return tuple(n for n in names if not all(w.lower() in (known or ()) for w in n.split()))

    return ExtractiveAnswerer(
        embed=fake_embed, model=TEST_MODEL, ner=ner, unknown_names=unknown if known is not None else None, **kwargs
    )


def test_a_question_frame_has_its_names_answer_type_and_relation(ner: EntityRecognizer) -> None:
    q = "What did Kazakhstan's president Tokayev say at the strategic session with Belarus?"
    frame = frame_question(q, ner.analyse([q])[0])
    assert {"Kazakhstan", "Tokayev", "Belarus"} <= set(frame.names)
    assert frame.asks is None and frame.relation is None
    assert frame_question("Who won the cup?", ner.analyse(["Who won the cup?"])[0]).asks == "person"
    where = "Which country's lawmakers urged officials to show no leniency?"
    assert frame_question(where, ner.analyse([where])[0]).asks == "place"
    many = "How many places does the state quota hold?"
    assert frame_question(many, ner.analyse([many])[0]).asks == "number"
    when = "When did the council vote?"
    assert frame_question(when, ner.analyse([when])[0]).asks == "date"
    rel = "What happened earlier on the same day as Mishustin's strategic session?"
    frame = frame_question(rel, ner.analyse([rel])[0])
    assert frame.relation == "same-day"
    assert states_relation(frame, "Earlier on the same day, a telephone conversation took place.")
    assert not states_relation(frame, "He reported at the strategic session on Tuesday.")
    context = "Which tennis champion is set to retire after the US Open?"
    assert frame_question(context, ner.analyse([context])[0]).relation is None  # "after" as context, not asked
    # what came next after an event, what happened once it had
    for asked in (
        "How did the Tromsvik curlers do in their next game after beating Norway?",
        "who did the rockets play next after clinching the harbour cup",
        "What happened once the ferry reached Vardholm?",
    ):
        assert frame_question(asked, ner.analyse([asked])[0]).relation == "after", asked
    for no_relation in ("Who will the Rockets play next?", "Who is next in line to the throne after Lars Vik?"):
        assert frame_question(no_relation, ner.analyse([no_relation])[0]).relation is None, no_relation


def test_proper_nouns_side_by_side_are_one_name(ner: EntityRecognizer) -> None:
    # the recogniser tags neither (a pair some article must mention whole), or only the surname (one name)
    assert _framed(ner, "Could the Pistons take Marcus Ellery with the fifth pick?").pairs == ("Marcus Ellery",)
    assert _framed(ner, "Are they allowed to compete at this week's Masters Tournament?").pairs == (
        "Masters Tournament",
    )
    # ... whose words may be asked for
    said = _framed(ner, "Tromsvik lost 3-2 at home to Nordvik. What did Pep Lindqvist say afterwards?")
    assert said.pairs == ("Pep Lindqvist",) and said.speaker == "Pep Lindqvist"
    # ... refused where no article mentions the pair, with the pair named
    stored = {"Pistons", "Marcus", "Ellery", "Marcus Smith", "Tom Ellery"}
    answerer = ExtractiveAnswerer(
        embed=fake_embed,
        model=TEST_MODEL,
        ner=ner,
        unknown_names=lambda names, exclude=(): tuple(n for n in names if n not in stored),
    )
    question = "Could the Pistons take Marcus Ellery with the fifth pick?"
    text = "The Pistons will have the fifth pick in this year's draft, and Marcus Smith is in it."
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.abstained and answer.note == "The articles don't mention Marcus Ellery.", answer
    frame = _framed(ner, "Could the Rockets take Anders Holm with the fifth pick?")
    assert "Anders Holm" in frame.names and "Anders" not in frame.names and "Anders Holm" in frame.person_names
    # a body's name with "for" inside, untagged: one name, which an article must name whole
    body = _framed(ner, "Is the Coalition for Year-Round Sunlight backing permanent daylight saving time?")
    assert body.names == ("Coalition for Year-Round Sunlight",), body.names
    dated = _framed(ner, "What did the Network for Public Education Monday report say?")
    assert "Network for Public Education" in dated.names, dated.names  # not its day


def test_a_date_in_the_question_is_not_a_name_the_articles_must_mention(ner: EntityRecognizer) -> None:
    for question in (
        "Just Stop Oil activists disrupted play at which sports tournament on Monday?",
        "Users who clicked search results between Oct. 2006 and Sept. 2013 may get a cut from which search engine?",
    ):
        names = frame_question(question, ner.analyse([question])[0]).names
        assert not {"Monday", "Oct", "Sept"} & set(names), names
        frame = frame_question(question, ner.analyse([question])[0])
        assert not {"monday", "oct", "sept"} & set(frame.topic), frame.topic  # nor a topic word
    question = "Which company received funding from the U.K. to develop a nuclear reactor for the moon?"
    hit = text_hit(
        "The UK gave Rolls-Royce 2.9 million pounds to develop a nuclear reactor for the moon.", "a1", question
    )
    answer = _answerer(ner).answer(Query(question), [hit])  # "the U.K." is named, as "UK"
    assert answer.short_answer is not None and answer.short_answer.text == "Rolls-Royce"
    question = "Just Stop Oil activists disrupted play at which sports tournament on Monday?"
    assert "Stop Oil" in " ".join(frame_question(question, ner.analyse([question])[0]).names)  # names still are


def test_a_word_with_an_inner_capital_is_a_name(ner: EntityRecognizer) -> None:
    def names(q: str) -> tuple[str, ...]:
        return frame_question(q, ner.analyse([q])[0]).names

    assert "ChatGPT" in names("Which company makes ChatGPT?")  # the small model tags it neither NNP nor an entity
    assert "iPhone" in names("When does the new iPhone go on sale?")
    assert not {"SUVs", "MPs"} & set(names("How many SUVs did MPs buy?"))


def test_names_match_as_whole_words_and_persons_by_surname() -> None:
    assert mentions("president kassym-jomart tokayev said", "Tokayev")
    assert mentions("mr brennan said", "Ottilie Brennan", person=True)
    assert not mentions("mr brennan said", "Ottilie Brennan", person=False)
    assert not mentions("the irani delegation", "Iran")
    # acronyms with or without their dots are one name
    assert mentions("funding from the uk space agency", "U.K. Space Agency")
    assert mentions("the u.s. embassy", "US") and mentions("the u.s. embassy", "U.S.")
    assert not mentions("the usda embassy", "U.S.") and not mentions("mr u. s. grant", "US")
    assert mentions("the uk gave rolls-royce a grant", "U.K")  # a name whose last dot was trimmed
    assert not mentions("please tell us more", "U.S.")  # the bare acronym is a common word


def test_a_country_is_found_under_its_other_names() -> None:
    assert mentions("the united states said", "US") and mentions("american officials said", "U.S.")
    assert mentions("the british government", "UK") and mentions("italy's prime minister", "Italian")
    assert mentions("the usa embassy", "U.S.")
    assert not mentions("please tell us more", "America")  # "US" is never looked for as the word "us"
    assert not mentions("a turkey dinner", "Turkish") and not mentions("nail polish", "Poland")
    assert not mentions("the french embassy", "Italian")


def test_a_country_named_otherwise_is_neither_unknown_nor_the_short_answer(ner: EntityRecognizer) -> None:
    text = "Floods closed America's Yellowstone National Park this week, washing out roads and bridges."
    known = {"america", "yellowstone", "national", "park", "floods", "roads", "bridges"}
    for question in (
        "Which US national park was hit by severe flooding this week?",
        "Which U.S. national park was hit by severe flooding this week?",
    ):
        answer = _answerer(ner, known=known).answer(Query(question), [text_hit(text, "a1", question)])
        assert not answer.abstained, answer.note  # no article says "US", but they say "America"
        assert answer.short_answer is not None and answer.short_answer.text == "Yellowstone National Park"


def test_a_place_the_question_names_by_its_people_word_is_not_its_answer(ner: EntityRecognizer) -> None:
    # "Sri Lankan" names Sri Lanka: the country a Sri Lankan president fled to is another
    left = "Rajapaksa, the Sri Lankan president, left Sri Lanka for Singapore on Wednesday."
    found = _offered(ner, "Sri Lankan President Gotabaya Rajapaksa fled to which country this week?", left)
    assert found and not any("Sri Lanka" in f for f in found) and any("Singapore" in f for f in found)
    assert demonym_of("Ukraine", "Ukrainian") and demonym_of("Qatar", "Qataris") and demonym_of("Chile", "Chilean")
    assert demonym_of("UK", "British") and not demonym_of("France", "Frances") and not demonym_of("Mali", "Malta")
    assert demonym_of("Turkey", "Turkish") and not demonym_of("Turkey", "turkeys")


def test_a_region_in_ia_is_mentioned_by_its_people_word() -> None:
    # "the shipwreck off Calabria": an article about "the Calabrian coast" mentions it
    assert mentions("rescuers recovered 62 bodies off the tromsvian coast.", "Tromsvia")
    assert not mentions("rescuers recovered 62 bodies off the tromsvian coast.", "Tromsvia", person=True)
    assert not mentions("the tromsvians won.", "Tromsvik")  # only a name in "-ia"


def test_the_entity_a_sentence_calls_what_was_asked_is_preferred(ner: EntityRecognizer) -> None:
    text = (
        "Lars Vik's methodical approach to giving stands in sharp contrast to that of his ex-wife, the philanthropist"
        " Ottilie Brennan, who gave away nearly $4 billion to 465 organizations in less than a year."
    )
    question = "Which philanthropist gave away nearly $4 billion to 465 organizations?"
    hit = replace(text_hit(text, "a1", question), title="Lars Vik pledges to give away most of his fortune")
    answer = _answerer(ner, min_answerability=0.0).answer(Query(question), [hit])
    assert answer.short_answer is not None and answer.short_answer.text == "Ottilie Brennan"


def test_the_publisher_s_credit_in_a_dateline_is_not_a_short_answer(ner: EntityRecognizer) -> None:
    text = "New York (CNN Business) Subway launched a redesigned menu in about 21,000 of its restaurants on Tuesday."
    question = "Which company launched a redesigned menu in roughly 21,000 of its restaurants?"
    cnn = replace(text_hit(text, "a1", question), source="https://www.cnn.com/2022/07/12/business/subway/index.html")
    credit = next(e for e in ner.analyse([text])[0].entities if e.text == "CNN Business")
    assert credits_outlet(text, credit, cnn)
    by_title = replace(text_hit(text, "a1", question), title="Subway redesigns its menu - CNN Business")
    assert credits_outlet(text, credit, by_title)
    assert not credits_outlet(text, credit, text_hit(text, "a1", question))  # an outlet not known to be the publisher
    reported = "A survey by CNN Business found that Subway launched a redesigned menu."
    named = next(e for e in ner.analyse([reported])[0].entities if e.text == "CNN Business")
    assert not credits_outlet(reported, named, cnn)  # named in the sentence's own words, not as its credit
    answer = _answerer(ner).answer(Query(question), [cnn])
    assert answer.short_answer is None or answer.short_answer.text != "CNN Business"


def test_the_source_a_sentence_credits_is_not_its_short_answer(ner: EntityRecognizer) -> None:
    text = "According to the AAA, the state reporting the highest gas prices on Saturday was California."
    question = "Which state has the highest average price for a gallon of gas?"
    ents = {e.text: e for e in ner.analyse([text])[0].entities}
    assert cited_source(text, ents["AAA"]) and not cited_source(text, ents["California"])
    for sentence, name in [
        ("A new report from Bank of America claims that the company cut air conditioning.", "Bank of America"),
        ("Users had reported trouble on Wednesday, according to Downdetector data.", "Downdetector"),
    ]:
        found = next(e for e in ner.analyse([sentence])[0].entities if e.text == name)
        assert cited_source(sentence, found)
    said = "Pfizer says it will seek FDA approval for a vaccine."
    assert not any(cited_source(said, e) for e in ner.analyse([said])[0].entities)  # named, not credited
    owned = "According to Bloomberg's Lisa Abramowicz, prices fell."
    assert not cited_source(owned, next(e for e in ner.analyse([owned])[0].entities if "Lisa" in e.text))
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and answer.short_answer.text == "California"
    # a source the sentence calls by the noun asked for answers it; an opening "According to X, the state" no title
    serino = "Orders were issued for 32,000 residents, according to Melodye Serino, the deputy county administrative officer."
    officer = next(e for e in ner.analyse([serino])[0].entities if e.text == "Melodye Serino")
    assert cited_source(serino, officer) and source_called(serino, officer, "officer", person=True)
    assert not source_called(text, ents["AAA"], "state", person=False)
    chase = "According to Kathy Chase, director of contracts at Senior Resources, 400,000 meals were provided."
    kathy = next(e for e in ner.analyse([chase])[0].entities if e.text == "Kathy Chase")
    assert source_called(chase, kathy, "director", person=True)  # an opening source, its apposition closed by a comma
    # a question asking who reported it is answered by the source
    assert asks_source("Which group reported the highest gas prices?") and not asks_source(question)
    assert not asks_source("According to a new study, which fast food chain has the slowest drive-thru?")
    assert asks_source("Which nonprofit counts mass shootings?") and asks_source("Which agency issued the forecast?")
    assert asks_source("Which trade group puts the number at 20 million?") and asks_source("Which group documented it?")


def test_answers_with_a_short_answer_whose_span_is_exact(ner: EntityRecognizer) -> None:
    question = "How much will the seawall cost?"
    hit = text_hit(HARBOUR, "a1", question, start=40)
    article = "x" * 40 + HARBOUR
    answer = _answerer(ner).answer(Query(question), [hit])
    assert not answer.abstained
    short = answer.short_answer
    assert short is not None and short.text.startswith("41 million")
    assert article[short.start : short.end] == short.text
    assert answer.text.startswith(f"{short.text}. [1] The seawall will cost 41 million euros. [1]")
    assert 0.5 <= (answer.answerability or 0) <= 1


def test_an_answer_leads_with_its_short_answer_only_from_min_short_answer(ner: EntityRecognizer) -> None:
    question = "How much will the seawall cost?"
    hit = text_hit(HARBOUR, "a1", question, start=40)
    led = _answerer(ner, min_short_answer=0.0).draft(Query(question), [hit])
    score = led.answer.answerability or 0.0
    assert led.answer.short_answer is not None and led.short_found == led.answer.short_answer.text
    above = _answerer(ner, min_short_answer=min(1.0, score + 0.01)).draft(Query(question), [hit])
    assert not above.answer.abstained and above.answer.short_answer is None  # the same answer, quote first
    assert above.answer.text.startswith("The seawall will cost 41 million euros. [1]")
    assert above.short_found == led.short_found and above.answer.answerability == score
    assert [c.quote for c in above.answer.citations] == [c.quote for c in led.answer.citations]


def test_the_shipped_model_records_a_short_answer_threshold_above_its_own() -> None:
    from rag.settings import Settings

    model = AnswerabilityModel.load()
    assert model.threshold < model.short_answer_threshold <= 1.0
    assert Settings().min_short_answer == 0.0  # leading with the short answer is the default; the fit is a choice
    assert f"{model.short_answer_threshold:.2f}" in Settings.__dataclass_fields__["min_short_answer"].metadata["help"]


def test_no_short_answer_from_an_article_lacking_a_name_the_question_gives(ner: EntityRecognizer) -> None:
    question = "How much will the seawall in Tromsvik cost Norway?"
    answer = _answerer(ner).answer(Query(question), [text_hit(HARBOUR, "a1", question)])
    assert not answer.abstained and answer.note == "The quoted articles don't mention Norway."
    assert answer.short_answer is None  # "41 million euros" is quoted, not claimed as the answer
    assert answer.text.startswith("The seawall will cost 41 million euros. [1]")


def test_a_why_question_is_refused_where_no_quote_s_article_names_its_names(ner: EntityRecognizer) -> None:
    question = "Why did Tromsvik build the seawall with Norway's money?"
    answer = _answerer(ner).answer(Query(question), [text_hit(HARBOUR, "a1", question)])
    assert answer.abstained and answer.note == "The articles found don't mention Norway.", answer.note
    # a month before a day's number is a date, not a name an article must repeat
    assert "Jan" not in _framed(ner, "Why are the Jan 6 committee's referrals mostly symbolic?").names


def test_the_note_never_denies_a_name_that_a_further_quote_gives(ner: EntityRecognizer) -> None:
    question = "How much will the seawall in Tromsvik cost Norway?"
    other = "Norway's seawall budget for Tromsvik has not been set, the ministry said."
    hits = [text_hit(HARBOUR, "a1", question), text_hit(other, "a2", question)]
    answer = _answerer(ner, max_sentences=3).answer(Query(question), hits)
    assert not answer.abstained and answer.citations[0].article_id == "a1"
    assert any(c.article_id == "a2" for c in answer.citations[1:])
    assert answer.note == "The article of the first quote doesn't mention Norway."


SUMMIT = (
    "Microsoft, Google and Amazon sent their chief executives to the Tromsvik summit on Monday. Microsoft hosted the "
    "dinner with Google."
)


def test_a_question_asking_for_several_things_is_answered_with_the_list(ner: EntityRecognizer) -> None:
    question = "Which companies sent their chief executives to the Tromsvik summit?"
    assert frame_question(question, ner.analyse([question])[0]).several
    answer = _answerer(ner).answer(Query(question), [text_hit(SUMMIT, "a1", question)])
    short = answer.short_answer
    assert short is not None and short.text == "Microsoft, Google and Amazon"
    assert SUMMIT[short.start : short.end] == short.text
    one = "Which company hosted the dinner at the Tromsvik summit?"  # one thing asked: one name
    assert not frame_question(one, ner.analyse([one])[0]).several
    short = _answerer(ner).answer(Query(one), [text_hit(SUMMIT, "a1", one)]).short_answer
    assert short is not None and short.text == "Microsoft"


@pytest.mark.parametrize(
    ("question", "several"),
    [
        ("Which two countries did NATO invite to join?", True),
        ("What NFL teams are headed to the Super Bowl?", True),
        ("Which of these teams declined an invitation?", False),  # a quiz's pick of one
        ("Which Netflix series won the most Emmys?", False),
        ("How many teams are in the league?", False),  # a number, however plural its noun
    ],
)
def test_what_asks_for_several_things(ner: EntityRecognizer, question: str, several: bool) -> None:
    assert frame_question(question, ner.analyse([question])[0]).several == several


@pytest.mark.parametrize(
    ("sentence", "listed"),
    [
        ("Finland, Sweden and Norway applied to join on Wednesday.", "Finland, Sweden and Norway"),
        ("The leaders of Sweden and Finland, Magdalena Andersson and Sauli Niinisto, applied.", "Sweden and Finland"),
        ("The talks were held in Helsinki, Finland on Monday.", "Helsinki"),  # a place and its country: no list
    ],
)
def test_a_list_is_names_joined_by_and_or_commas_within_one_kind(
    ner: EntityRecognizer, sentence: str, listed: str
) -> None:
    from rag.answer import _listed

    question = "Which two countries applied to join NATO?"
    frame = frame_question(question, ner.analyse([question])[0])
    analysed = ner.analyse([sentence])[0]
    first = offered(frame, sentence, analysed)[0]
    start, end = _listed(sentence, first, analysed.entities)
    assert sentence[start:end] == listed


def test_who_question_leads_with_the_person(ner: EntityRecognizer) -> None:
    question = "Who opened the session in Tromsvik?"
    answer = _answerer(ner).answer(Query(question), [text_hit(HARBOUR, "a1", question)])
    assert answer.short_answer is not None and answer.short_answer.text == "Ottilie Brennan"
    assert HARBOUR[answer.short_answer.start : answer.short_answer.end] == "Ottilie Brennan"


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        # "who" and "when" as question words
        ("Who will take care of the dogs?", "person"),
        ("The Queen died this week. Who took the throne?", "person"),
        ("Lea Michele joined “Funny Girl.” Who is she replacing?", "person"),
        ("After the Queen's death in September, who took the throne?", "person"),
        ("Nadal withdrew, paving the way for who to advance to the final?", "person"),
        ("When did the first drive-in open?", "date"),
        ("Thousands of EU laws will lapse when?", "date"),
        # ... and as a relative pronoun or a conjunction: what is asked is elsewhere
        ("Kanye West, who changed his name to Ye, is acquiring which social media platform?", "organisation"),
        ("Raymond Briggs, who died this week, was most celebrated for which children's book?", "work"),
        ("What happened when a fan who won a raffle tried to cash the check?", None),
        ("Fox News rocked the media world when it parted ways with which top-rated host?", "person"),
        ("When the weather warms up, how many hot dogs do Americans eat?", "number"),
        ("When's the election?", "date"),
        ("When exactly did the strike start?", "date"),
        ("When, according to officials, did the strike begin?", "date"),
        ("Do you know who won the election?", "person"),
        ("Tell me when the polls close.", "date"),
        ("greta halvorsen got barred from the slalom champs so who ended up winning it", "person"),
        ("besides lars vik who else did the club consider as coach", "person"),
        # "what does X charge" asks a price, not "what did they charge him with"
        ("What does the Tromsvik ferry charge for a day pass?", "number"),
        ("What did prosecutors charge him with?", None),
        ("What is Lars Vik charged for?", None),
        # nouns for a person
        ("What was the name of the Tromsvik vet who found the seal?", "person"),
        ("Which passenger was hurt?", "person"),
        # "where" asks a place, not a rank or a stance
        ("Where did the Tromsvik ferry land?", "place"),
        ("Where does Lars Vik rank his old teammate among the all-time greats?", None),
        ("where does the mayor stand on the seawall", None),
        # a sum by its noun: a reward, a bounty, a bail
        ("What's the reward for information on the two men who escaped?", "number"),
        ("What is the bail for Lars Vik?", "number"),
        ("What bail conditions did the judge set for Lars Vik?", None),
    ],
)
def test_who_and_when_ask_only_as_question_words(question: str, asks: str | None) -> None:
    from rag.answerability import asked_type

    assert asked_type(question) == asks


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Who is Lars Vik?", None),
        ("who was Ottilie Brennan", None),
        ("Who is President Biden?", None),
        ("Who are the Proud Boys?", None),
        ("Who is the Prime Minister?", "person"),  # a title: the question asks who holds it
        ("Who is the U.S. President?", "person"),
        ("Who is the speaker of the House?", "person"),
        ("Who is Kevin McCarthy's wife?", "person"),
        ("who is denis denisov", None),  # typed without capitals: words that are no title or function word
        ("Who was prime minister Liz Truss?", None),
        ("who is the president of belarus", "person"),
        ("Who is the UN Secretary-General?", "person"),  # a title, hyphenated
        ("who is chelsea coach", "person"),  # a role
    ],
)
def test_who_is_a_name_asks_what_the_articles_say_of_it(ner: EntityRecognizer, question: str, asks: str | None) -> None:
    assert frame_question(question, ner.analyse([question])[0]).asks == asks


def test_who_is_a_name_is_answered_with_a_sentence_about_them_not_another_name(ner: EntityRecognizer) -> None:
    question = "Who is Lars Vik?"
    answer = _answerer(ner).answer(Query(question), [text_hit(HARBOUR, "a1", question)])
    assert not answer.abstained and answer.short_answer is None  # not "Ottilie Brennan", nor "Tromsvik"
    assert answer.text.startswith("Earlier on the same day, the harbour master Lars Vik resigned. [1]")


def test_abstains_on_a_name_no_article_mentions_and_says_which(ner: EntityRecognizer) -> None:
    question = "What did Governor Tokayev say about the seawall in Tromsvik?"
    known = {"mayor", "ottilie", "brennan", "tromsvik", "seawall", "lars", "vik"}
    answer = _answerer(ner, known=known).answer(Query(question), [text_hit(HARBOUR, "a1", question)])
    assert answer.abstained
    assert "Tokayev" in answer.note and "don't mention" in answer.note
    # the same question about a name the store knows is answered (by his words: rag/speakers.py)
    known.add("tokayev")
    said = HARBOUR.replace("Mayor Ottilie Brennan opened", "Governor Tokayev said the seawall matters as he opened")
    hit = text_hit(said, "a1", question)
    assert not _answerer(ner, known=known).answer(Query(question), [hit]).abstained


def test_abstains_on_a_topic_the_article_of_the_names_does_not_cover(ner: EntityRecognizer) -> None:
    question = "What did Ottilie Brennan say about oil export prices?"
    other = "Oil export prices rose again this week, traders said."
    answer = _answerer(ner).answer(
        Query(question), [text_hit(HARBOUR, "a1", question), text_hit(other, "b2", question)]
    )
    assert answer.abstained
    # by the score, or by rule: the article naming her gives no words of hers (rag/speakers.py)
    assert answer.answerability is None or answer.answerability < 0.5
    assert "oil" in answer.note or "Brennan" in answer.note


def test_a_relation_question_quotes_the_sentence_that_states_the_relation(ner: EntityRecognizer) -> None:
    question = "What happened earlier on the same day as the seawall vote in Tromsvik?"
    answer = _answerer(ner).answer(Query(question), [text_hit(HARBOUR, "a1", question)])
    assert not answer.abstained
    assert answer.citations[0].quote.startswith("Earlier on the same day, the harbour master Lars Vik resigned.")


def test_a_sentence_stating_the_relation_about_the_asked_event_itself_is_not_its_answer(ner: EntityRecognizer) -> None:
    """ "Earlier on the same day, the harbour master Lars Vik resigned." states what happened before the vote; for
    "what happened before the harbour master resigned" it is the event itself, and "Prior to this, ..." answers."""
    text = HARBOUR.replace(
        "The next day, the council met the fishermen's union.", "Prior to this, the port had been closed for a week."
    )
    question = "What happened before the harbour master resigned?"
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert not answer.abstained
    assert answer.citations[0].quote == "Prior to this, the port had been closed for a week."
    # the sentence about the resignation still answers what happened on the same day as the vote
    question = "What happened earlier on the same day as the seawall vote in Tromsvik?"
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.citations[0].quote.startswith("Earlier on the same day, the harbour master Lars Vik resigned.")


def test_a_relation_question_asking_for_a_person_leads_with_the_person_of_the_stating_sentence(
    ner: EntityRecognizer,
) -> None:
    """The stating sentence is the answer's only candidate sentence, and it names two people: the entity ranker
    leads with the one next to the question's words ("... quit the harbour office"), not the first one named."""
    question = "Who else quit the harbour office on the same day as the seawall vote in Tromsvik?"
    text = HARBOUR.replace(
        "Earlier on the same day, the harbour master Lars Vik resigned.",
        "Earlier on the same day, Mayor Ottilie Brennan announced that Lars Vik quit the harbour office.",
    )
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert not answer.abstained and answer.citations[0].quote.startswith("Earlier on the same day")
    assert answer.short_answer is not None and answer.short_answer.text == "Lars Vik"
    assert text[answer.short_answer.start : answer.short_answer.end] == "Lars Vik"


def test_a_relation_the_articles_do_not_state_is_an_abstention(ner: EntityRecognizer) -> None:
    question = "What happened the day after the seawall vote in Tromsvik?"
    text = HARBOUR.replace(" The next day, the council met the fishermen's union.", "").replace(
        " Earlier on the same day, the harbour master Lars Vik resigned.", ""
    )
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.abstained and "after" in answer.note


def test_off_question_quotes_are_not_shown(ner: EntityRecognizer) -> None:
    question = "How much will the seawall in Tromsvik cost?"
    other = "The seawall in Oslo will cost 12 million euros, the city said."
    answer = _answerer(ner, max_sentences=3).answer(
        Query(question), [text_hit(HARBOUR, "a1", question), text_hit(other, "b", question)]
    )
    assert not answer.abstained
    assert all("Oslo" not in c.quote for c in answer.citations)  # its article never mentions Tromsvik


def test_a_question_of_names_only_quotes_sentences_that_name_them(ner: EntityRecognizer) -> None:
    """ "Who is Idris Okonkwo?" has no topic words: a further quote is about him when it names him itself, not when
    the sentence before does."""
    text = (
        "Idris Okonkwo, a chess coach from Lagos, won the Halvard Open on Sunday. The final lasted six hours. "
        "Okonkwo said he would defend the title next year."
    )
    question = "Who is Idris Okonkwo?"
    answer = _answerer(ner, max_sentences=3).answer(Query(question), [text_hit(text, "a1", question)])
    quotes = [c.quote for c in answer.citations]
    assert not answer.abstained and quotes and "six hours" not in " ".join(quotes)
    assert all("Okonkwo" in q for q in quotes)


def test_the_model_file_ships_with_every_feature_known() -> None:
    model = AnswerabilityModel.load()
    assert set(model.weights) <= set(FEATURES)
    assert 0.0 <= model.threshold <= 1.0
    assert 0.0 < model.probability(dict.fromkeys(FEATURES, 1.0)) < 1.0


def test_the_shipped_threshold_is_the_default_setting() -> None:
    from rag.settings import Settings

    assert Settings().min_answerability == AnswerabilityModel.load().threshold


def test_a_question_asking_for_a_kind_of_thing_the_quotes_do_not_offer_is_an_abstention(ner: EntityRecognizer) -> None:
    question = "Which bank paid for the seawall in Tromsvik?"
    answer = _answerer(ner).answer(Query(question), [text_hit(HARBOUR, "a1", question)])
    assert answer.abstained and "which organisation" in answer.note


def test_the_short_answer_is_never_a_name_the_question_gives(ner: EntityRecognizer) -> None:
    text = "Earlier on the same day, Russian President Vladimir Putin spoke by telephone with Alexander Lukashenko."
    question = "Who spoke with Putin by telephone?"
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and answer.short_answer.text == "Alexander Lukashenko"


def test_the_short_answer_is_not_the_question_s_name_by_its_initials(ner: EntityRecognizer) -> None:
    question = "Which bank collapsed after Silicon Valley Bank?"
    sentence = "Days after SVB failed, regulators closed Signature Bank, the third-largest bank failure in US history."
    found = offered(frame_question(question, ner.analyse([question])[0]), sentence, ner.analyse([sentence])[0])
    assert [e.text for e in found] == ["Signature Bank"]
    asked = "Which bank did the SVB collapse hurt most?"  # the other way round: the question gives the initials
    named = "The collapse of Silicon Valley Bank hurt First Republic Bank most."
    found = offered(frame_question(asked, ner.analyse([asked])[0]), named, ner.analyse([named])[0])
    assert [e.text for e in found] == ["First Republic Bank"]


def test_the_short_answer_is_not_the_question_s_name_written_without_its_dots(ner: EntityRecognizer) -> None:
    text = "The UK Space Agency gave Rolls-Royce 2.9 million pounds to design a nuclear reactor for the moon."
    question = "Which company received funding from the U.K. Space Agency to develop a nuclear reactor on the moon?"
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and answer.short_answer.text == "Rolls-Royce"


def test_a_person_the_quoted_article_never_names_is_an_abstention(ner: EntityRecognizer) -> None:
    question = "What did President Tokayev say about the seawall in Tromsvik?"
    other = "Tokayev spoke about wheat exports in Astana on Monday."
    known = {"tokayev", "tromsvik", "seawall"}
    answer = _answerer(ner, known=known).answer(
        Query(question), [text_hit(HARBOUR, "a1", question), text_hit(other, "b", question)]
    )
    assert answer.abstained and "Tokayev" in answer.note


def test_a_relation_stated_outside_the_retrieved_passage_is_found_in_its_article(ner: EntityRecognizer) -> None:
    question = "What happened earlier on the same day as the seawall vote in Tromsvik?"
    passage = HARBOUR[: HARBOUR.index(" Fishermen")]  # the retrieved passage lacks the relation sentence
    answerer = _answerer(ner, article_text=lambda article_id: HARBOUR)
    answer = answerer.answer(Query(question), [text_hit(passage, "a1", question)])
    assert not answer.abstained
    cit = answer.citations[0]
    assert cit.quote == "Earlier on the same day, the harbour master Lars Vik resigned." == HARBOUR[cit.start : cit.end]
    assert cit.supported


def test_a_lone_surname_of_a_person_named_nearby_is_that_person() -> None:
    from rag.nlp import Analysed, Entity, people_by_surname

    first = Analysed((Entity("Idris Okonkwo", "PERSON", 18, 31),), ())
    later = Analysed((Entity("Okonkwo", "ORG", 0, 7), Entity("Nordbank", "ORG", 30, 38)), ())
    fixed = people_by_surname([first, later])
    assert [e.label for e in fixed[1].entities] == ["PERSON", "ORG"]
    assert fixed[0] == first
    assert people_by_surname([later]) == [later]  # nobody named: nothing to relabel


def test_which_bank_is_not_answered_with_a_players_surname(ner: EntityRecognizer) -> None:
    question = "Which bank sponsored the Halvard Open chess tournament?"
    text = (
        "Fourteen-year-old Idris Okonkwo won the Halvard Open chess tournament on Sunday. "
        "Okonkwo scored 7.5 points out of 9 and will receive a prize of 12,000 kroner."
    )
    answerer = ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner, min_answerability=0.0)
    draft = answerer.draft(Query(question), [text_hit(text, "a1", question)])
    assert draft.answer.abstained and draft.answer.short_answer is None
    assert "organisation" in draft.answer.note


def test_how_many_n_is_answered_with_a_number_of_n(ner: EntityRecognizer) -> None:
    from rag.answerability import counted_noun

    assert counted_noun("Which tennis legend retired? How many grand slams has she won?") == "slam"
    assert counted_noun("How much will it cost?") is None
    question = "The protection of the vaccines begins to wane after how many months?"
    text = (
        "More than 1.25 million people took part in the study of the vaccines. "
        "Protection from the vaccines begins to wane around six months after the second dose."
    )
    answerer = ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner, min_answerability=0.0)
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and answer.short_answer.text == "six months"
    assert text[answer.short_answer.start : answer.short_answer.end] == "six months"


def test_what_how_many_counts_stops_at_the_verb(ner: EntityRecognizer) -> None:
    """The tagger's noun phrase after "how many": a verb the auxiliaries' list lacks ends it ("took part")."""
    question = "How many players took part in the Halvard Open?"
    analysed = ner.analyse([question])[0]
    assert analysed.counted == "players" and analysed.asked_head == ""
    frame = frame_question(question, analysed)
    assert frame.counted == "player" and frame.head == "players"  # what it counts is the kind it asks for
    which = "Which former pope was laid to rest after how many days?"
    assert frame_question(which, ner.analyse([which])[0]).head == "former pope"  # "which X" comes first
    text = "The organisers of the Halvard Open said a record 412 players from 19 countries took part this year."
    answerer = ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner, min_answerability=0.0)
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and answer.short_answer.text == "412 players"


DEV_ARTICLES = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "rtqa-dev" / "articles.jsonl"


@pytest.mark.slow
@pytest.mark.skipif(not DEV_ARTICLES.is_file(), reason="needs ../shared/bench/rtqa-dev (the users' news dumps)")
def test_the_issue_questions_over_the_seed_article_among_real_news_of_the_region(
    tmp_path: Path, settings, embedder
) -> None:  # type: ignore[no-untyped-def]
    """Issue #17's three questions, over the seed article among the 16 shortest rtqa-dev articles that name Belarus,
    Lukashenko, Mishustin, Kazakhstan or Tokayev (one of them quotes Tokayev): a president no article quotes at
    the session and a topic Mishustin never spoke to are abstentions that say what the articles found lack; the relation
    question is answered with the sentence that states it, cited in the seed article."""
    import json
    import shutil

    from ingest.run import ingest_paths
    from rag.pipeline import build_pipeline
    from tests.conftest import SAMPLE, SEED_ID

    names = ("Belarus", "Lukashenko", "Mishustin", "Kazakhstan", "Tokayev")
    region = []
    with DEV_ARTICLES.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if any(n in article.get("text", "") for n in names):
                region.append(article)
    region = sorted(region, key=lambda a: len(a["text"]))[:16]
    assert any("Tokayev" in a["text"] for a in region)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "region.jsonl").write_text("".join(json.dumps(a) + "\n" for a in region), encoding="utf-8")
    shutil.copy(SAMPLE / f"{SEED_ID}.txt", folder)
    assert ingest_paths([str(folder)], settings, embedder=embedder, progress=False).ok
    pipeline = build_pipeline(settings, embedder=embedder)

    tokayev = pipeline.ask(Query("What did Kazakhstan's president Tokayev say at the strategic session with Belarus?"))
    # the note names what the article found lacks: Tokayev (the seed article's session), or Belarus (the article
    # that quotes Tokayev, which questions naming him quote first)
    assert tokayev.abstained and not tokayev.citations
    assert "Tokayev" in tokayev.note or "doesn't mention Belarus" in tokayev.note
    oil = pipeline.ask(Query("What did Mishustin say about oil export prices to Belarus?"))
    # which part is missing depends on the article found closest: Mishustin's (no oil) or an oil story (no Mishustin)
    assert oil.abstained and "don't mention" in oil.note and not oil.citations
    same_day = pipeline.ask(Query("What happened earlier on the same day as Mishustin's strategic session?"))
    assert not same_day.abstained
    assert same_day.citations[0].quote.startswith("Earlier on the same day, a telephone conversation took place")
    assert same_day.sources[0].article_id == SEED_ID and all(c.supported for c in same_day.citations)


def test_the_noun_after_which_or_what_is_the_kind_of_answer_asked_for(ner: EntityRecognizer) -> None:
    def head(q: str) -> str:
        return frame_question(q, ner.analyse([q])[0]).head

    assert head("Which former pope was laid to rest this week?") == "former pope"
    assert head("Which home goods chain recently said it has doubts it can stay in business?") == "home goods chain"
    assert head("Crowds lined the streets of which country this week?") == "country"
    assert head("What team does he play for?") == "team"
    assert head("What did Mishustin say about universities?") == ""  # a verb follows: no kind is named
    assert head("Who won the cup?") == ""


@pytest.mark.parametrize(
    ("question", "sentence", "asked", "nearest"),
    [
        (
            "Which carmaker recalled cars this week?",
            "The recall was ordered by the National Highway Traffic Safety Administration for about 360,000 "
            "vehicles made by Tesla.",
            "Tesla",
            "the National Highway Traffic Safety Administration",
        ),
        (
            "Which team won the match on Sunday?",
            "The match on Sunday, broadcast by Fox Sports, ended with a late goal that gave Arsenal the win.",
            "Arsenal",
            "Fox Sports",
        ),
    ],
)
def test_of_several_offered_entities_the_short_answer_is_the_kind_asked_for(
    ner: EntityRecognizer, embedder: Embedder, question: str, sentence: str, asked: str, nearest: str
) -> None:
    """Both entities are organisations; the one nearest the question's words is not a carmaker (a team): the real
    question encoder's cosine to "carmaker" ("team") picks the other. Without an encoder the nearest one is taken."""
    hit = text_hit(sentence, "a1", question)
    # a fixed entity ranker: the shipped one's refits put these two candidates within a hundredth of each other
    short = TEST_SHORT_MODEL
    typed = ExtractiveAnswerer(embed=embedder.embed, model=TEST_MODEL, ner=ner, short_model=short).draft(
        Query(question), [hit]
    )
    assert typed.answer.short_answer is not None and typed.answer.short_answer.text == asked
    assert sentence[typed.answer.short_answer.start : typed.answer.short_answer.end] == asked
    untyped = ExtractiveAnswerer(model=TEST_MODEL, ner=ner, short_model=short).draft(Query(question), [hit])
    assert untyped.short_found == nearest


def _framed(ner: EntityRecognizer, question: str) -> Frame:
    return frame_question(question, ner.analyse([question])[0])


def _led_by(ner: EntityRecognizer, question: str, text: str) -> str | None:
    """The short answer's text of the answer to ``question`` over ``text`` alone, with no threshold in the way."""
    answer = _answerer(ner, min_answerability=0.0, min_short_answer=0.0).answer(
        Query(question), [text_hit(text, "a1", question)]
    )
    return answer.short_answer.text if answer.short_answer is not None else None


def _offered(ner: EntityRecognizer, question: str, sentence: str) -> list[str]:
    frame = _framed(ner, question)
    return [e.text for e in offered(frame, sentence, ner.analyse([sentence], tagged=False)[0])]


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        # "the name of the X" and "what is the X called" ask as "which X" does ...
        ("What is the name of the hurricane that hit Florida?", "event"),
        ("What is the name of the new podcast launched by the BBC stars?", "work"),
        ("What was the name of the storm?", "event"),
        # ... and for a name of any kind where the noun says no kind
        ("NASA launched a historic mission. What is the mission called?", "name"),
        ("What's the name of the mission?", "name"),
        ("What is it called?", "name"),
        ("What will the merged service be called?", "organisation"),  # as "which merged service"
        ("The campground was renamed. What is it now called?", "name"),
        ("What is Ottilie Brennan called by her staff?", None),  # a person's nickname: not "the X"
    ],
)
def test_a_question_for_a_name_asks_for_one(question: str, asks: str | None) -> None:
    from rag.answerability import asked_type

    assert asked_type(question) == asks


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Which Tory MP resigned after the by-elections?", "person"),
        ("Which EU member state joined the bloc's talks?", "place"),
        ("Which Republican states sued over student loan forgiveness?", "place"),  # an adjective, not a person
        ("What stocks rose after 3 pm?", None),
        ("Which news presenter was suspended?", "person"),
        ("The images show remarkable details of which planet?", "place"),
        ("Which Asian destination is giving away free airline tickets?", "place"),
        ("Which UK supermarket launched its Christmas campaign in July?", "organisation"),
        ("Wembley Stadium celebrated what landmark event this week?", "event"),
        # plurals in -es, people by a party or a family's word, members of a team (not of an alliance)
        ("Which of these NFL head coaches was fired this week?", "person"),
        ("Which of these celebrities hasn't announced their departure from Twitter?", "person"),
        ("Which member of the England squad scored the winning goal?", "person"),
        ("Which member of NATO blocked Sweden's bid?", None),
        ("Which high-profile Republican announced a 2024 White House bid this week?", "person"),
        ("Which Republican-led state sued the administration?", "place"),
        ("Which of Donald Trump's children said they would stay out of his campaign?", "person"),
        ("Which public figure filed paperwork to run for president?", "person"),
        ("Which singer-songwriter got a spooky surprise on stage?", "person"),
        # places that are institutions
        ("Activists threw soup at a painting in which London gallery?", "place"),
        ("Which London borough is the cheapest to rent in?", "place"),
        ("Which iconic landmark is riddled with rust?", "place"),
    ],
)
def test_the_nouns_of_people_places_and_organisations_ask_for_them(question: str, asks: str | None) -> None:
    from rag.answerability import asked_type

    assert asked_type(question) == asks


def test_the_name_of_a_thing_is_a_name_the_sentence_gives_it(ner: EntityRecognizer) -> None:
    # a name beside the noun, or given with a word of naming; not any name of the sentence
    hotel = "Ottilie Brennan met leaders of the DUP at a hotel near Tromsvik on Monday."
    assert _offered(ner, "What was the name of the hotel where Ottilie Brennan met the DUP?", hotel) == []
    named = "Ottilie Brennan met leaders of the DUP at the Tromsvik Grand hotel on Monday."
    assert _offered(ner, "What was the name of the hotel where Ottilie Brennan met the DUP?", named) == [
        "Tromsvik Grand"
    ]
    mission = "The Tromsvik Ice Survey mission, or TIS, will map the fjord, the agency said."
    assert "TIS" in _offered(ner, "The agency launched a mission this week. What is the mission called?", mission)
    storm = "Storm Ottilie formed east of Tromsvik, the Norwegian Meteorological Institute said."
    assert _offered(ner, "What was the name of the storm?", storm) == ["Storm Ottilie"]
    # a name given with a kind of the noun: cruisers are ships
    cruisers = "The guided-missile cruiser USS Tromsvik was on Sunday making the voyage, the 7th Fleet said."
    assert _offered(ner, "Two warships sailed through the strait. What are the ships called?", cruisers) == [
        "USS Tromsvik"
    ]

    def names(noun: str, sentence: str, name: str) -> bool:
        start = sentence.index(name)
        return names_the(noun, sentence, Entity(name, "ORG", start, start + len(name)))

    assert names("tournament", "Idris Okonkwo won the Halvard Open chess tournament on Sunday.", "Halvard Open")
    assert not names("hotel", "Ottilie Brennan met the DUP and Sinn Féin at a hotel near Tromsvik.", "Sinn Féin")
    assert not names("hotel", "The man known as Bill said the hotel was closed.", "Bill")
    assert names("hotel", "They met at a hotel called the Culloden Estate.", "Culloden Estate")
    assert not names("planet", "The Astronomical Union's Minor Planet Center confirmed it.", "The Astronomical Union")
    assert not names("planet", "The Astronomical Union's Minor Planet Center confirmed it.", "The Astronomical Union's")
    # a people-word beside the asked noun is no name of that kind
    chain = "The grocers face pressure from Aldi, the fast-growing German discount supermarket chain."
    assert "German" not in _offered(ner, "Which supermarket chain is growing fastest?", chain)
    maker = "By then Vikphone, the Tromsvik, Norway company, had licensed the brand to Lumo."
    assert "Norway" not in _offered(ner, "Which company makes the Vikphone?", maker)
    # a name the recogniser did not take, given with a word of naming
    service = "The two streaming services will merge into one service called Vikplay, the company said."
    assert _offered(ner, "The two services are merging. What will it be called?", service) == ["Vikplay"]
    assert frame_question("What is it called?", ner.analyse(["What is it called?"])[0]).named == ""
    assert frame_question("Who won the cup?", ner.analyse(["Who won the cup?"])[0]).named is None


@pytest.mark.parametrize(
    ("noun", "sentence", "name", "person", "gives"),
    [
        ("mission", "The mission, NASA said, will launch in October.", "NASA", False, False),
        ("mission", "During the mission NASA will map the moon.", "NASA", False, False),
        ("storm", "After the storm, Newsom declared an emergency.", "Newsom", False, False),
        ("hurricane", "Biden tours hurricane damage in Florida.", "Biden", False, False),
        ("hurricane", "The National Hurricane Center said on Monday.", "The National Hurricane Center", False, False),
        ("drug", "The Food and Drug Administration approved it.", "The Food and Drug Administration", False, False),
        ("storm", "Tropical Storm Nicole hit Florida.", "Tropical Storm Nicole", False, True),
        ("company", "The company named Linda Yaccarino as its new chief executive.", "Linda Yaccarino", False, False),
        ("ceo", "TikTok CEO Shou Zi Chew testified on Thursday.", "TikTok", True, False),  # TikTok's CEO
        ("team", "He spoke to teammates via FaceTime, the team said.", "FaceTime", False, False),
        ("team", "All 32 NFL teams changed their profile pictures.", "NFL", False, False),
        ("bank", "First Citizens will buy Silicon Valley Bank on Monday.", "Silicon Valley Bank", False, True),
        (
            "film",
            "It screened at the Heartland International Film Festival.",
            "Heartland International Film Festival",
            False,
            False,
        ),
        ("ceo", "TikTok CEO Shou Zi Chew testified on Thursday.", "Shou Zi Chew", True, True),
    ],
)
def test_what_a_sentence_names_a_noun(noun: str, sentence: str, name: str, person: bool, gives: bool) -> None:
    start = sentence.index(name)
    assert names_the(noun, sentence, Entity(name, "ORG", start, start + len(name)), person=person) is gives


def test_a_people_word_keeps_its_country_out_only_for_a_person(ner: EntityRecognizer) -> None:
    quake = "The earthquake struck southern Turkey and northern Syria on Monday."
    assert "Turkey" in " ".join(_offered(ner, "Which countries did the deadly Turkish earthquake hit?", quake))
    accused = "The Turkish president Recep Tayyip Erdogan has accused Sweden of harbouring militants, Turkey said."
    found = _offered(ner, "Which country has the Turkish president accused of harbouring militants?", accused)
    assert "Sweden" in found and "Turkey" not in found
    assert not demonym_of("Niger", "Nigerian") and demonym_of("Nigeria", "Nigerian")


def test_a_name_question_asks_for_the_noun_of_its_phrase() -> None:
    from rag.answerability import asked_type, named_noun

    assert named_noun("What is the name of the memoir Prince Harry released?") == "memoir"
    assert named_noun("What is the name of the company Elon Musk bought?") == "company"
    assert named_noun("What is the name of the president's dog?") == "dog"
    assert named_noun("What is the name of the defending champion Idris Okonkwo beat?") == "champion"
    assert asked_type("What is the name of the defending champion Idris Okonkwo beat?") == "person"
    assert named_noun("What is the name of the podcast launched by the BBC stars?") == "podcast"
    assert asked_type("What is the name of the president's dog?") == "name"  # a dog's name, not a president
    assert named_noun("What is the name of the former Olympic gymnast rumoured to be his girlfriend?") == "gymnast"


def test_speech_in_quotation_marks_is_no_title(ner: EntityRecognizer) -> None:
    said = "“Lars Vik deserved this,” the director said after the awards."
    assert "Lars Vik deserved this" not in _offered(ner, "Which film did the director praise?", said)


def test_a_name_question_the_passages_name_nothing_for_is_answered_with_quotes(ner: EntityRecognizer) -> None:
    text = "The Tromsvik council approved a plan to cut emissions by half before 2030. Ottilie Brennan backed it."
    question = "What is the name of the council's plan to cut emissions?"
    answer = _answerer(ner, min_answerability=0.0).answer(Query(question), [text_hit(text, "a1", question)])
    assert not answer.abstained and answer.short_answer is None  # no name is given the plan; the quote is shown
    assert "approved a plan" in answer.citations[0].quote


def test_a_title_in_quotation_marks_is_offered_whole(ner: EntityRecognizer) -> None:
    # the small model cuts titles at their small words ("Beaver", "Powering"): the quotation is the title
    dow = 'Lars Vik, best known for his role as Wally on "Leave It to Beaver," died on Tuesday.'
    assert "Leave It to Beaver" in _offered(ner, "Lars Vik was best known for his role on which TV show?", dow)
    plan = "The Tromsvik council unveiled its “Powering up Tromsvik” plan to deliver net zero by 2050."
    found = _offered(ner, "What is the name of the council's new plan to deliver net zero?", plan)
    assert found == ["Powering up Tromsvik"]
    # speech in quotation marks is no title
    said = "“We will build the bridge, and Tromsvik will pay for it,” Ottilie Brennan said."
    assert not any("," in f or len(f.split()) > 3 for f in _offered(ner, "What is the bridge called?", said))


def test_the_question_s_country_written_with_its_article_is_not_offered(ner: EntityRecognizer) -> None:
    found = _offered(
        ner,
        "The US and which other country launched their largest joint military drills this week?",
        "The United States and the Philippines launched their largest joint military drills in decades on Tuesday.",
    )
    assert found and not any("United States" in f for f in found)  # "the United States" is the question's "US"
    assert any("Philippines" in f for f in found)


def test_a_date_in_a_relative_clause_of_another_verb_is_not_when_the_asked_act_was_done(ner: EntityRecognizer) -> None:
    died = "Lars Berg, who died Saturday at the age of 95, asked for forgiveness in the testament published after."
    assert _offered(ner, "when did Lars Berg write the testament that was published after he died", died) == []
    assert _offered(ner, "When did Lars Berg die?", died) == ["Saturday"]
    opened = "The Tromsvik museum, which opened on May 3, drew crowds."
    assert _offered(ner, "When did the Tromsvik museum open?", opened) == ["May 3"]
    # a light verb tells no event: "getting married" is not told by "got engaged"
    engaged = "Ann Vik and Lars Berg got engaged in October 2020."
    assert _offered(ner, "When are Ann Vik and Lars Berg getting married?", engaged) == []
    assert _offered(ner, "When did Ann Vik and Lars Berg get engaged?", engaged) == ["October 2020"]


def test_which_year_is_answered_by_a_year_not_by_a_weekday(ner: EntityRecognizer) -> None:
    sentence = "On Thursday, Pelosi recalled that she first became speaker in 2007."
    assert _offered(ner, "In which year did Pelosi first become speaker?", sentence) == ["2007"]
    assert "Thursday" in _offered(ner, "When did Pelosi recall her first term?", sentence)
    age = "Christine McVie, 79, joined Fleetwood Mac in 1970."
    assert "79" not in _offered(ner, "When did Christine McVie join Fleetwood Mac?", age)  # an age is no date
    age = "Christine McVie, who died Wednesday at age 79, joined Fleetwood Mac in 1970."
    assert "age 79" not in _offered(ner, "When did Christine McVie join Fleetwood Mac?", age)
    # the year that opens an event's name (one event to the small model) is the year it was held
    final = "He sank a 45-foot putt on the last hole of the 1990 U.S. Open, which he won in a playoff with Mike Donald."
    assert _offered(ner, "What year did Hale Irwin win the U.S. Open in a playoff against Mike Donald?", final) == [
        "1990"
    ]


def test_how_old_is_answered_by_an_age_the_model_labels_a_date(ner: EntityRecognizer) -> None:
    question = "How old is Ottilie Brennan?"
    sentence = "Mayor Ottilie Brennan, 64, opened the session on Monday."
    found = offered(frame_question(question, ner.analyse([question])[0]), sentence, ner.analyse([sentence])[0])
    assert [e.text for e in found] == ["64"]  # not "Monday"
    other = "How many sessions did Ottilie Brennan open?"  # a date is no count
    assert offered(frame_question(other, ner.analyse([other])[0]), sentence, ner.analyse([sentence])[0]) == []


def test_which_state_or_city_is_not_answered_by_a_country(ner: EntityRecognizer) -> None:
    sentence = "In the United States, California has the highest average price for a gallon of gas."
    assert _offered(ner, "Which state has the highest average price for a gallon of gas?", sentence) == ["California"]
    assert "the United States" in _offered(ner, "Which country has the highest average price for gas?", sentence)
    # nor a city by a state (but a state a city shares its name with)
    smog = "California's reign as the state with the worst air continues as Los Angeles is again the smoggiest."
    assert _offered(ner, "Which US city has the worst smog?", smog) == ["Los Angeles"]
    assert "Washington" in _offered(ner, "Which city hosted the talks?", "The talks were held in Washington.")
    capital = "Mississippi's capital has been without tap water since Monday."
    assert _offered(ner, "Which state's capital city is facing a water crisis?", capital) == ["Mississippi"]
    assert _offered(ner, "Which country had the patient visited?", "The patient had visited Ohio and Israel.") == [
        "Israel"
    ]


@pytest.mark.parametrize(
    ("text", "question", "unsaid"),
    [
        (  # a question (a quiz's, a headline's) states nothing
            "Which wildly popular show was renewed this week for a new season? Netflix renewed the show Stranger "
            "Things for a fifth and final season, the streamer said on Tuesday.",
            "Which popular show was renewed for a new season this week?",
            "season?",
        ),
        (  # nor does an editor's note about the page
            "Editor's note: This page recaps the news of the Tromsvik seawall vote on Sunday, May 15. "
            "The Tromsvik council voted on Monday to build the seawall, which will cost 41 million euros.",
            "When did the Tromsvik council vote on the seawall?",
            "Editor's note",
        ),
    ],
)
def test_a_sentence_that_states_no_news_is_never_quoted(
    ner: EntityRecognizer, text: str, question: str, unsaid: str
) -> None:
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert not answer.abstained and answer.citations
    assert all(unsaid not in c.quote for c in answer.citations)


def test_an_editor_s_note_about_the_writer_is_quoted(ner: EntityRecognizer) -> None:
    text = (
        "Editor's Note: Ann Vik is an energy economist and the executive director of the Tromsvik Energy Council. "
        "The views expressed here are her own. Congress keeps passing short-term spending bills."
    )
    assert _led_by(ner, "Which organization does Ann Vik run?", text) == "the Tromsvik Energy Council"


def test_which_country_is_answered_by_a_country_not_by_an_island(ner: EntityRecognizer) -> None:
    sentence = "The earthquake struck the island of Luzon in the Philippines on Wednesday, killing five people."
    labels = {e.text: e.label for e in ner.analyse([sentence], tagged=False)[0].entities}
    assert labels.get("Luzon") in ("LOC", "FAC")  # the small model's label, which the rule relies on
    assert _offered(ner, "Which country was shaken by a strong earthquake this week?", sentence) == ["Philippines"]
    assert "Luzon" in _offered(ner, "Which island was shaken by a strong earthquake this week?", sentence)


def test_the_narrower_rules_keep_the_answers_of_ordinary_questions(ner: EntityRecognizer) -> None:
    """A title word in a name is part of the name; a "member state" is a country; a place word after "in the" is not
    what is asked for."""
    found = _offered(
        ner,
        "Which league has the richest clubs in the world?",
        "The Premier League has the richest clubs in the world, Deloitte said.",
    )
    assert "The Premier League" in found  # not read as a premier's "League", which the question names
    sentence = "Hungary blocked the EU aid package for Ukraine on Thursday."
    assert "Hungary" in _offered(ner, "Which EU member state blocked the aid package?", sentence)
    sentence = "Mount St. Helens in the state of Washington erupted on Sunday, scientists said."
    assert _offered(ner, "Which mountain in the state of Washington erupted?", sentence) == ["Mount St. Helens"]


def test_the_issue_questions_typed_without_capitals(pipeline) -> None:  # type: ignore[no-untyped-def]
    """Users type lower case: the names are read as the stored articles write them (or, absent from every article
    and rare in English, as names no article mentions)."""
    tokayev = pipeline.ask(Query("what did tokayev say at the strategic session with belarus"))
    assert tokayev.abstained and "Tokayev" in tokayev.note
    assert tokayev.question == "what did tokayev say at the strategic session with belarus"  # shown as typed
    universities = pipeline.ask(Query("what did mishustin say about universities"))
    assert not universities.abstained and "1.3 thousand places" in universities.text


def test_a_name_typed_with_a_letter_wrong_is_read_as_the_articles_spell_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    """ "Mishustinn" is no stored word, and "Mishustin" is one edit away: the question is answered for him, and the
    reader told so; a name no article holds nor spells nearly is still refused."""
    universities = pipeline.ask(Query("What did Mishustinn say about universities?"))
    assert not universities.abstained and "1.3 thousand places" in universities.text
    assert "Read “Mishustinn” as “Mishustin”, as the articles spell it." in universities.note
    typed = pipeline.ask(Query("what did mishustinn say about universities"))  # recased, then respelt
    assert not typed.abstained and "“Mishustinn” as “Mishustin”" in typed.note
    tokayev = pipeline.ask(Query("What did Tokayev say at the strategic session with Belarus?"))
    assert tokayev.abstained and "Read" not in tokayev.note
    # a follow-up's misspelt name is told too (it is read before the conversation makes it standalone)
    first = pipeline.ask(Query("What did Mishustin say about universities?"))
    follow = pipeline.ask(Query("And what did Mishustinn say about athletes?"), history=[(first.question, first.text)])
    assert "“Mishustinn” as “Mishustin”" in follow.note


def test_respell_names_looks_up_words_written_with_a_capital_only() -> None:
    from rag.answer import respell_names, spelling_note

    looked: list[str] = []

    def near(word: str, question: str) -> str | None:
        looked.append(word)
        return {"Breana": "Breanna", "Zuker": "Zucker"}.get(word)

    text, changed = respell_names("Which team is Breana Stewart playing for, and why did Zuker's team sign her?", near)
    assert text == "Which team is Breanna Stewart playing for, and why did Zucker's team sign her?"
    assert changed == [("Breana", "Breanna"), ("Zuker", "Zucker")]
    assert "playing" not in looked and "team" not in looked  # a word in small letters is taken as typed
    assert spelling_note(changed) == "Read “Breana” as “Breanna” and “Zuker” as “Zucker”, as the articles spell it."
    assert respell_names("Who won?", near) == ("Who won?", [])
    looked.clear()
    assert respell_names("What did NASA and Ron DeSanntis say?", near)[1] == []
    assert looked == ["What", "DeSanntis"]  # a capital inside a name too; an acronym is no typo's

    # a name whose words articles hold, never together: a word typed for another ("Britney" for "Brittney")
    def near_indexed(word: str, context: str, indexed: bool = False) -> str | None:
        return {"Britney": "Brittney"}.get(word) if indexed else None

    known = {"Brittney Griner", "Britney Spears"}.__contains__
    question = "Who did the US trade for Britney Griner? And what did Britney Spears sing?"
    text, changed = respell_names(question, near_indexed, known)
    assert text == "Who did the US trade for Brittney Griner? And what did Britney Spears sing?"
    assert changed == [("Britney", "Brittney")]
    assert respell_names("Who traded Britney Okafor?", near_indexed, known)[1] == []  # not read where still unknown
    # a name before its possessive ending
    text, _ = respell_names("What did Britney Griner's team say?", near_indexed, known)
    assert text == "What did Brittney Griner's team say?"

    # a possessive typed without its apostrophe, and a letter wrong
    def near_owner(word: str, context: str, indexed: bool = False) -> str | None:
        return {"Mclaughlan": "McLaughlin"}.get(word) if indexed else None

    text, changed = respell_names(
        "whats the name of Sydney Mclaughlans dog", near_owner, {"Sydney McLaughlin"}.__contains__
    )
    assert text == "whats the name of Sydney McLaughlin’s dog", text
    assert respell_names("Who is Sydney Mclaughlans?", near_owner, set().__contains__)[1] == []  # still unknown
    text, _ = respell_names("Did Sydney Mclaughlans dog run?", near_owner, {"Sydney McLaughlin"}.__contains__)
    assert text == "Did Sydney McLaughlin’s dog run?", text  # past a question's first word

    # the last letter of a name's last word left out ("Michelle Yeo" for "Michelle Yeoh"), where it is held whole
    text, changed = respell_names("What did Michelle Yeo say?", lambda *a: None, {"Michelle Yeoh"}.__contains__)
    assert text == "What did Michelle Yeoh say?" and changed == [("Yeo", "Yeoh")]

    # a name whose words one chunk holds, but not in a row ("Nick" and "canon"), is read as the name held in a row
    def near_doubled(word: str, context: str, indexed: bool = False) -> str | None:
        return {"Canon": "Cannon"}.get(word) if indexed else None

    in_a_row = {"Nick Cannon", "Canon Camera"}.__contains__
    text, changed = respell_names("What did Nick Canon name the baby?", near_doubled, lambda name: True, in_a_row)
    assert text == "What did Nick Cannon name the baby?" and changed == [("Canon", "Cannon")]
    assert respell_names("What did Canon Camera make?", near_doubled, lambda name: True, in_a_row)[1] == []
    # a title before a surname is no word of a name held in a row ("Coach Reid": chunks say "coach Andy Reid")
    near_reed = lambda word, context, indexed=False: {"Reid": "Reed"}.get(word) if indexed else None  # noqa: E731
    coach = respell_names("What did Coach Reid say?", near_reed, lambda name: True, {"Coach Reed"}.__contains__)
    assert coach[1] == []
    assert respell_names("What did Michelle Yeo say?", lambda *a: None, set().__contains__)[1] == []

    # a word with a capital inside ("McAvay" for "McAvoy")
    def near_inside(word: str, context: str, indexed: bool = False) -> str | None:
        return {"McAvay": "McAvoy"}.get(word) if indexed else None

    text, changed = respell_names("What did Charlie McAvay say?", near_inside, {"Charlie McAvoy"}.__contains__)
    assert text == "What did Charlie McAvoy say?" and changed == [("McAvay", "McAvoy")]


def test_how_long_is_answered_by_a_length_of_time_not_a_count(ner: EntityRecognizer) -> None:
    text = "Liz Truss won 81,326 votes in September. She resigned after 45 days as prime minister, in October."
    question = "How long was Liz Truss prime minister?"
    answer = _answerer(ner, min_short_answer=0.0).answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and answer.short_answer.text == "45 days"
    # "how long ago" asks for a date, not a length
    assert frame_question("How long ago did she resign?", ner.analyse(["How long ago did she resign?"])[0]).asks


def test_an_age_is_found_however_the_article_gives_it(ner: EntityRecognizer) -> None:
    text = "Queen Elizabeth II died on Thursday at the age of 96 at Balmoral. Her son Charles, 73, became king."
    question = "How old was Queen Elizabeth II when she died?"
    answer = _answerer(ner, min_short_answer=0.0).answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and "96" in answer.short_answer.text
    # the question's scene asks for no sum: "spent" sets it, "How old is" asks
    scene = "A teenager spent his summer making history: he flew solo around the world. How old is Mack Rutherford?"
    turned = "Mack Rutherford, who turned 17 during the journey, touched down at an airstrip near Charleroi."
    assert "17" in _offered(ner, scene, turned)
    assert _offered(ner, "How much did he spend on the journey?", turned) == []  # a sum asked: an age is none
    # a follow-up's context in brackets is no question proper: "pay" still asks a sum
    taxes = "Weisselberg failed to pay taxes on $1.7 million in compensation over two decades, prosecutors said."
    follow_up = "how much compensation did he fail to pay taxes on? (Allen Weisselberg, witness, trial)"
    assert _offered(ner, follow_up, taxes) == ["$1.7 million"]
    # "in the U.S. on March 7" ends no sentence: "price" is still asked
    gas = "How much did a gallon of regular gas cost in the U.S. on March 7, 2022?"
    assert _offered(ner, gas, "A gallon cost $4.10 on average in 38 states on March 7, 2022.") == ["$4.10"]


def test_a_quiz_statement_asks_with_this(ner: EntityRecognizer) -> None:
    statement = "This former Japanese prime minister was assassinated while delivering a campaign speech in July."
    frame = frame_question(statement, ner.analyse([statement])[0])
    assert frame.asks == "person" and frame.head == "former Japanese prime minister"
    text = "Former Japanese Prime Minister Shinzo Abe was assassinated on Friday while delivering a campaign speech."
    answer = _answerer(ner, min_short_answer=0.0).answer(Query(statement), [text_hit(text, "a1", statement)])
    assert answer.short_answer is not None and answer.short_answer.text == "Shinzo Abe"
    agency = "Agents from this federal law enforcement agency searched the Mar-a-Lago home."
    assert frame_question(agency, ner.analyse([agency])[0]).asks == "organisation"
    exchange = "This crypto exchange created by Sam Bankman-Fried imploded in November."
    assert frame_question(exchange, ner.analyse([exchange])[0]).asks == "organisation"
    rate = "Which exchange rate fell the most?"
    assert frame_question(rate, ner.analyse([rate])[0]).asks is None
    for other in (
        "He was in all of these movies except:",  # what the answer is not
        "What happened this week in Ukraine?",  # a question word asks
        "Tell me about the floods this week.",  # "this week" is a time
        "Did this hurricane cause flooding in Fort Myers?",  # a yes/no question, no quiz's statement
        "Tell me about this company.",
    ):
        assert frame_question(other, ner.analyse([other])[0]).asks is None
    # "which of the following players" asks for one of them, and no article says "following"
    players = "Which of the following players scored the most?"
    frame = frame_question(players, ner.analyse([players])[0])
    assert frame.asks == "person" and frame.head == "players" and not frame.several and "follow" not in frame.topic
    several = "Which companies laid off staff?"
    assert frame_question(several, ner.analyse([several])[0]).several


def test_what_the_question_describes_is_not_what_it_asks_for(ner: EntityRecognizer) -> None:
    sentence = "He beat the defending champion, Grete Solberg, in the final round after a five-hour game."
    solberg = next(e for e in ner.analyse([sentence])[0].entities if e.text == "Grete Solberg")
    assert names_the("champion", sentence, solberg, inside=False, person=True)  # set off by commas after its noun
    home = "After beating the champion, Solberg went home."
    assert not names_the("champion", home, Entity("Solberg", "PERSON", 28, 35), inside=False, person=True)
    # a copula and an apposition without an article call it so too; a preposition ends an apposition's title
    assert names_the(
        "champion", "Scottie Scheffler is the defending champion.", Entity("Scottie Scheffler", "PERSON", 0, 17)
    )
    grande = "The cut was confirmed by Andrew Grande, spokesman for Mayor Jorge Elorza."
    assert names_the("spokesman", grande, Entity("Andrew Grande", "PERSON", 25, 38), inside=False, person=True)
    assert not names_the("mayor", grande, Entity("Andrew Grande", "PERSON", 25, 38), inside=False, person=True)
    # in "Which golfer is the oldest man ...?" the other noun says what the answer is
    oldest = "Phil Mickelson, the oldest man to ever win a major, shot 65 on Sunday."
    assert "Phil Mickelson" in _offered(ner, "Which golfer is the oldest man to ever win a major?", oldest)
    # "which player beat the defending champion": the champion is who was beaten
    assert "Grete Solberg" not in _offered(ner, "Which player beat the defending champion in the final?", sentence)
    # "who was the defending champion" asks as "which defending champion" does
    copula = "Who was the defending champion at the Halvard Open?"
    assert frame_question(copula, ner.analyse([copula])[0]).head == "defending champion"
    assert "Grete Solberg" in _offered(ner, copula, sentence)
    # whom some sentence calls the defending champion comes first, though the ranker put the winner first
    won = "Fourteen-year-old Idris Okonkwo won the Halvard Open in Tromsvik on Sunday."
    hit = text_hit(f"{won} {sentence}", "a1", copula)
    cands = [
        _Candidate(hit, 0, 0, len(won), won, 1.0, 1.0),
        _Candidate(hit, 0, len(won) + 1, len(hit.chunk.text), sentence, 1.0, 0.5),
    ]
    winner = Mention(next(e for e in ner.analyse([won])[0].entities if e.text == "Idris Okonkwo"), 0, 1.0, 0)
    groups = [EntityGroup("idris okonkwo", [winner]), EntityGroup("grete solberg", [Mention(solberg, 1, 0.5, 0)])]
    frame = frame_question(copula, ner.analyse([copula])[0])
    assert [g.key for g in _beside_the_noun(frame, groups, cands)] == ["grete solberg", "idris okonkwo"]
    which = "Which player won the Halvard Open?"  # not a "who is the" question: the ranker's order stands
    assert _beside_the_noun(frame_question(which, ner.analyse([which])[0]), groups, cands)[0].key == "idris okonkwo"


def test_a_post_s_abbreviation_is_no_name(ner: EntityRecognizer) -> None:
    question = "Which senior Conservative MP was tipped as a possible caretaker prime minister?"
    frame = frame_question(question, ner.analyse([question])[0])
    assert "MP" not in frame.names and "Conservative" in frame.names and "mp" in frame.topic
    cfo = "Who is the CFO of Tesla?"
    assert frame_question(cfo, ner.analyse([cfo])[0]).names == ("Tesla",)


def test_the_name_a_question_asks_for_is_not_its_topic(ner: EntityRecognizer) -> None:
    question = "What is the name of the storm that hit Tromsvik?"
    frame = frame_question(question, ner.analyse([question])[0])
    assert "name" not in frame.topic and "storm" in frame.topic
    date = "What date was the Tromsvik seawall vote held?"
    assert "date" not in frame_question(date, ner.analyse([date])[0]).topic  # the kind asked for, as "name" is
    other = "Did the storm name the town?"
    assert "name" in frame_question(other, ner.analyse([other])[0]).topic


def test_what_date_is_answered_by_a_day_and_which_month_by_a_month(ner: EntityRecognizer) -> None:
    sentence = "The 2023 final will be played on Sunday, February 12, in Glendale, the league said in May."
    found = _offered(ner, "On what date will the final be played?", sentence)
    assert found and all("12" in f or "Sunday" in f for f in found)  # not "2023", not "May"
    assert "2023" in _offered(ner, "When will the final be played?", sentence)  # any date answers "when"
    assert "2023" not in _offered(ner, "Which day will the final be played?", sentence)
    announced = "The palace said on Tuesday that the coronation will take place on Saturday, May 6, 2023."
    assert _offered(ner, "On what date will the coronation take place?", announced) == ["Saturday, May 6, 2023"]
    assert "Tuesday" in _offered(ner, "On which day did the palace announce it?", announced)
    assert all(
        "February" in f or "May" in f for f in _offered(ner, "In which month will the final be played?", sentence)
    )
    assert _offered(ner, "In which month will the final be played?", "The final will be played in 2023.") == []


def test_how_tall_is_answered_by_a_measure_not_a_fraction(ner: EntityRecognizer) -> None:
    sentence = "The one-third replica of the Eiffel Tower, standing 314 feet tall, was the centerpiece of the street."
    assert _offered(ner, "How tall is the replica of the Eiffel Tower?", sentence) == ["314 feet"]
    assert "one-third" in _offered(ner, "How much of the tower was copied?", sentence)  # another number question
    assert "100" in _offered(ner, "How tall is the Tromsvik tower?", "The 100-story Tromsvik tower opened in May.")
    shares = "Shares of the Tromsvik bank fell 60% on Thursday."
    assert "60%" in _offered(ner, "How far did shares of the Tromsvik bank fall?", shares)


def test_a_count_answers_only_for_what_happened_to_the_counted(ner: EntityRecognizer) -> None:
    """ "How many people died" is not answered by the people affected, or living in a region, but by a number the
    sentence ties to the deaths; a question with no such event keeps any count of its noun."""
    died = "How many people died in the Tromsvik flood?"
    # the bare number stays a candidate for the ranker, but not as a count of the dead
    assert "874,000 people" not in _offered(ner, died, "The agency sent food for 874,000 people affected by the flood.")
    assert _offered(ner, died, "Officials said at least 5,800 have died in the flood.") == ["5,800"]
    assert _offered(ner, died, "The flood killed 57 people in Tromsvik on Monday.") == ["57 people"]
    assert _offered(ner, died, "The death toll from the flood in Tromsvik rose to 35,418; rescuers dug on.") == [
        "35,418"
    ]
    assert _offered(ner, "How many people were killed?", "Twelve people died in the flood.") == ["Twelve people"]
    # only what the question says happened to the counted ones counts, not any word of it ("dying")
    balance = "Standing on one leg for how many seconds may predict the risk of dying?"
    assert any(
        "10 seconds" in f for f in _offered(ner, balance, "Those unable to stand on one leg for 10 seconds died.")
    )
    lived = "How many people live in Tromsvik?"
    assert _offered(ner, lived, "Tromsvik, a town of about 5,000 people, was flooded.") == ["5,000 people"]
    assert "300 people" not in _offered(ner, "How many people were evacuated?", "Some 300 people affected by it left.")
    # the clause decides: "killed a man and injured 12 people" counts the injured, not the dead
    crash = "The crash in Tromsvik killed a 79-year-old man and injured 12 people."
    assert "12 people" not in _offered(ner, "How many people died in the Tromsvik crash?", crash)
    assert "12 people" in _offered(ner, "How many people were injured in the Tromsvik crash?", crash)
    # a question about no such event keeps any count of its noun, whatever verb follows it
    trees = "There are 77 Christmas trees placed throughout the Tromsvik town hall."
    assert _offered(ner, "How many Christmas trees are displayed in the Tromsvik town hall?", trees) == [
        "77 Christmas trees"
    ]


def test_how_old_and_when_take_an_age_and_a_point_in_time(ner: EntityRecognizer) -> None:
    assert "2022" not in _offered(ner, "How old is Ottilie Brennan?", "In 2022, Ottilie Brennan, 64, won the regatta.")
    assert "age 79" in _offered(ner, "How old was Ottilie Brennan?", "Ottilie Brennan died Wednesday at age 79.")
    sentence = "After spending months in court, Lars Vik bought the ferry on Oct. 26."
    found = _offered(ner, "When did Lars Vik buy the ferry?", sentence)
    assert "months" not in found and any("26" in f for f in found)
    # "within 90 days" is a time to come: a "when will" asks it, a "when did" not
    paid = "The Tromsvik board agreed to pay the builder $2 million within 90 days."
    assert _offered(ner, "When did the Tromsvik seawall collapse?", paid) == []
    assert _offered(ner, "When will the Tromsvik board pay the builder?", paid) == ["90 days"]
    reopen = "The Tromsvik bridge was expected to reopen within two weeks."
    assert _offered(ner, "When was the Tromsvik bridge expected to reopen?", reopen) == ["two weeks"]


def test_what_happened_asks_for_an_event_not_the_word_happen(ner: EntityRecognizer) -> None:
    """ "What happened" asks for an event as "who" asks for a person: "happen" is not a topic word the article must
    repeat, and "what happened to the fishermen" asks for no person."""
    for question, topic in (
        ("What happened to the fishermen in Tromsvik?", ("fishermen",)),
        ("What is happening in Tromsvik?", ()),
        ("What took place in Tromsvik on Monday?", ("monday",)),
    ):
        frame = frame_question(question, ner.analyse([question])[0])
        assert frame.asks is None and frame.relation is None
        assert frame.topic == tuple(key_terms(" ".join(topic))), question
    answer = _answerer(ner).answer(Query("What happened to the fishermen?"), [text_hit(HARBOUR, "a1", "fishermen")])
    assert not answer.abstained and "fishermen" in answer.citations[0].quote.lower()


def test_what_happened_on_a_day_needs_an_article_thatnames_the_day(ner: EntityRecognizer) -> None:
    text = HARBOUR.replace("on Monday", "on Monday, March 6")
    frame = frame_question("What happened on March 6?", ner.analyse(["What happened on March 6?"])[0])
    assert frame.day == "March 6" and frame.topic == ()
    answer = _answerer(ner).answer(Query("What happened on March 6?"), [text_hit(text, "a1", "March 6")])
    assert not answer.abstained and "March 6" in answer.citations[0].quote
    for other in ("What happened on March 16?", "What happened on 7 March?", "What happened on Sept. 6?"):
        answer = _answerer(ner).answer(Query(other), [text_hit(text, "a1", other)])
        assert answer.abstained and "happened on" in answer.note, other
    # an article published that day tells what happened "on Monday" without the date
    hit = replace(text_hit(HARBOUR, "a1", "Monday"), published=date(2023, 3, 6))
    assert not _answerer(ner).answer(Query("What happened on March 6?"), [hit]).abstained


def test_a_year_the_question_names_needs_an_article_of_that_year(ner: EntityRecognizer) -> None:
    text = "The council of Tromsvik voted in 2021 to build a seawall along the harbour, at a cost of 41 million euros."
    asked = "What did the council of Tromsvik vote to build in 2023?"
    answer = _answerer(ner).answer(Query(asked), [text_hit(text, "a1", asked)])
    assert answer.abstained and answer.note.startswith("The articles found don't mention 2023."), answer.note
    # the same article answers for the year it names, and for the year it was published in
    assert not _answerer(ner).answer(Query(asked.replace("2023", "2021")), [text_hit(text, "a1", asked)]).abstained
    hit = replace(text_hit(text, "a1", asked), published=date(2023, 1, 9))
    assert not _answerer(ner).answer(Query(asked), [hit]).abstained
    # a decade is no year; a count is said with its comma; a season is either of its years
    assert years_unsaid("Which role did she play in the 1960s series?", text, None) == ()
    assert years_unsaid("How many of the 2000 residents voted?", "All 2,000 residents voted.", None) == ()
    assert years_unsaid("Who led the 2022-23 season?", "The 2023 season.", None) == ()
    assert years_unsaid("Who led the 2022-23 season?", text, None) == ("2022", "2023")
    assert years_unsaid("What happened in 2023?", "The 20233 visitors came.", None) == ("2023",)
    assert years_unsaid("Where will it open in 2024?", "A park is coming in 2024, to Texas", None) == ()
    # "next year" in an article of the year before, "last year" in one of the year after
    assert years_unsaid("Where will it open in 2024?", "It will open next year.", date(2023, 3, 8)) == ()
    assert years_unsaid("Where will it open in 2024?", "It opened last year.", date(2023, 3, 8)) == ("2024",)
    assert years_unsaid("Where did it open in 2022?", "It opened last year.", date(2023, 3, 8)) == ()
    # a follow-up's context names an earlier turn's year and time, not this question's
    assert years_unsaid("How old is he? (Masters, 2023)", text, None) == ()
    assert not stale("How old is he? (Masters, this week)", date(2020, 1, 1), date(2022, 1, 2))


def test_an_event_the_question_dates_is_not_answered_by_another_years(ner: EntityRecognizer) -> None:
    from rag.answerability import event_of_another_year as other

    asked = "Which country won the 2023 Tromsvik Song Contest?"
    last = "Norway won the 2022 Tromsvik Song Contest this past May, a year before the 2023 contest."
    hit = replace(text_hit(last, "a1", asked), published=date(2022, 6, 17))  # the article names 2023 too
    answer = _answerer(ner).answer(Query(asked), [hit])
    assert answer.abstained and answer.note == "The articles found tell of 2022, not 2023.", answer.note
    # the sentence of the question's year is answered from, where another article has one
    this = replace(text_hit("Sweden won the 2023 Tromsvik Song Contest on Saturday.", "a2", asked), published=None)
    answer = _answerer(ner).answer(Query(asked), [hit, this])
    assert not answer.abstained and answer.short_answer is not None and answer.short_answer.text == "Sweden"
    # "this year's" is the article's year; the event before its year; a run that starts like the asked one
    assert other(asked, "This year's Tromsvik Song Contest winner, Norway", date(2022, 6, 1)) == ("2022", "2023")
    assert other(asked, "This year's Tromsvik Song Contest winner, Norway", date(2023, 6, 1)) is None
    assert other("Who won Tromsvik 2023?", "Norway won the 2022 Tromsvik Song Contest", None) == ("2022", "2023")
    assert other(asked, "Norway won Tromsvik 2022 in May", None) == ("2022", "2023")
    # another year the question names; a month, an owner and a count are no event's year; other events
    scene = "The 2022 Tromsvik Cup kicked off. Where will it be held in 2026?"
    assert other(scene, "The 2026 Tromsvik Cup will be held in Oslo", None) is None
    assert other("Where did it go in March 2020?", "In March 2019 it went to Oslo", None) is None
    assert other("What is Trump's 2024 pitch?", "Trump's 2020 pitch was short", None) is None
    assert other(asked, "About 2,000 Tromsvik Song Contest fans came", None) is None
    assert other(asked, "Norway won the 2022 Oslo Song Contest", None) is None


def test_a_question_about_this_week_is_not_answered_from_an_article_years_old(ner: EntityRecognizer) -> None:
    text = "The town council of Tromsvik voted to build a seawall along the harbour."
    asked = "What did the Tromsvik council vote to build this week?"
    hit = text_hit(text, "a1", asked)  # published 2024-03-12
    answer = _answerer(ner).answer(Query(asked, as_of=date(2026, 5, 4)), [hit])
    assert answer.abstained and answer.note.startswith("The article that best matches is from March 2024"), answer.note
    # within a year of the as-of date, asked without a word of now, or without an as-of date: answered
    assert not _answerer(ner).answer(Query(asked, as_of=date(2025, 3, 1)), [hit]).abstained
    timeless = "What did the Tromsvik council vote to build?"
    assert not _answerer(ner).answer(Query(timeless, as_of=date(2026, 5, 4)), [hit]).abstained
    assert not _answerer(ner).answer(Query(asked), [hit]).abstained
    for now in ("recently", "the latest", "last week", "this past month", "this year", "yesterday"):
        assert stale(f"What happened {now}?", date(2020, 1, 1), date(2022, 1, 2)), now
    assert not stale("What did the New York council vote for this weekly meeting?", date(2020, 1, 1), date(2022, 1, 2))


def test_calendar_days_are_read_however_written() -> None:
    assert calendar_days("on Tuesday, September 26, he said") == {(9, 26)}
    assert calendar_days("Sept. 15th and 3 October 2023, or the 1st of May") == {(9, 15), (10, 3), (5, 1)}
    assert calendar_days("1.3 thousand places in May 2023; Jan. 22-24") == {(1, 22)}


def test_the_words_that_ask_for_a_kind_of_answer_are_not_the_topic(ner: EntityRecognizer) -> None:
    """ "How old is Bob Huggins?" is answered by "Huggins, 69, ...": no article need say "old" ("age", "long" of "how
    long", "per" of "per month")."""
    for question, topic in (
        ("How old is Bob Huggins?", ()),
        ("What is Bob Huggins' age?", ()),
        ("How long was Murdoch married to Jerry Hall?", ("married",)),
        ("How much does Netflix cost per month?", ("cost", "month")),
    ):
        frame = frame_question(question, ner.analyse([question])[0])
        assert frame.asks == "number" and frame.topic == tuple(key_terms(" ".join(topic))), question


def test_a_verb_of_wanting_or_trying_is_not_the_topic_the_verb_it_governs_is(ner: EntityRecognizer) -> None:
    """ "What does Mishustin want to preserve?" is answered by "we need to do everything necessary to preserve
    historical memory": no article need say "want"; "plans to" keeps its noun, "want to be" its verb."""
    for question, topic in (
        ("What does Mishustin want to preserve?", ("preserve",)),
        ("Where does the CDC want to test wastewater?", ("test", "wastewater")),
        ("Which species is Colossal trying to bring back to life?", ("species", "bring", "back", "life")),
        ("What did the thieves hope to steal from the museum?", ("thieves", "steal", "museum")),
        ("Which country announced plans to tax farmers?", ("country", "announced", "plans", "tax", "farmers")),
        ("Who does Harry want to be at the coronation?", ("harry", "want", "coronation")),
    ):
        frame = frame_question(question, ner.analyse([question])[0])
        assert set(frame.topic) == set(key_terms(" ".join(topic))) - set(key_terms(" ".join(frame.names))), question


def test_a_number_or_date_the_question_gives_is_not_its_answer(ner: EntityRecognizer) -> None:
    sentence = "The Blizzard of 1977 killed 29 people over four days."
    assert _offered(ner, "How many people died in the 1977 blizzard?", sentence) == ["29 people"]
    held = "The Garden Jubilee moves to the countryside this year and runs May 22-25."
    assert "this year" not in _offered(ner, "When is the Garden Jubilee this year?", held)
    # a day's name is not a length of time, a day's number not a count, and an age is under 130
    livestream = "The city will livestream the 40-minute ceremony starting at 11 a.m. Memorial Day."
    assert _offered(ner, "How long is the Memorial Day ceremony?", livestream) == ["40-minute"]
    rescue = "On Oct. 6 the county's lifeguards rescued eight people from the surf."
    assert "6 the county's lifeguards" not in _offered(ner, "How many lifeguards does the county have?", rescue)
    radio = "Appearing on Monday's WLW-AM (700) talk show, Huggins, 69, recalled an incident."
    assert _offered(ner, "How old is Bob Huggins?", radio) == ["69"]


def test_an_age_given_to_another_person_is_not_the_asked_one(ner: EntityRecognizer) -> None:
    """An age after a name between commas is that name's: "How old is Murdoch's fiancee?" is not answered by
    "Murdoch, 92,", nor "How old is Ann Lesley Smith?"; "How old is Rupert Murdoch?" is."""
    sentence = "Rupert Murdoch, 92, announced his engagement to Ann Lesley Smith, 66, a former police chaplain."
    assert _offered(ner, "How old is Rupert Murdoch's new fiancee?", sentence) == ["66"]
    assert _offered(ner, "How old is Ann Lesley Smith?", sentence) == ["66"]
    assert _offered(ner, "How old is Rupert Murdoch?", sentence) == ["92"]
    assert _offered(ner, "What is Murdoch's age?", sentence) == ["92"]
    assert _offered(ner, "How old is the media mogul?", sentence) == ["92", "66"]  # either may be his
    assert _offered(ner, "How old is the fiancee of Rupert Murdoch?", sentence) == ["66"]
    assert _offered(ner, "How old is Rupert Murdoch?", "He proposed to Ann Lesley Smith, 66.") == []
    # one family is several people; a place before an age is no one's; apostrophes either way
    family = "President Joe Biden, 80, defended his son, Hunter Biden, 53, on Friday."
    assert _offered(ner, "How old is Hunter Biden?", family) == ["53"]
    assert _offered(ner, "How old is Biden's son?", "Hunter Biden, 53, appeared in court on Friday.") == ["53"]
    assert _offered(ner, "How old is John Wilson?", "John Wilson of Dallas, 45, was arrested on Monday.") == ["45"]
    assert _offered(ner, "How old is Conor O'Brien?", "Conor O’Brien, 44, and Mary Smith, 40, won.") == ["44"]
    # a possessor opens the subject; a suffix or a middle name leaves a person the same; a clause after is no subject
    assert _offered(ner, "How old is media mogul Rupert Murdoch's fiancee?", sentence) == ["66"]
    assert _offered(ner, "How old was Ann Lesley Smith when she met Murdoch's mother?", sentence) == ["66"]
    assert _offered(ner, "How old was Martin Luther King?", "Martin Luther King Jr., 39, was killed in Memphis.") == [
        "39"
    ]
    assert _offered(ner, "How old is Ann Smith?", sentence) == ["66"]


def _one_axis_a_meaning(same: dict[str, str]):  # type: ignore[no-untyped-def]
    """Word vectors with one axis a meaning: each word its own, but those ``same`` maps to another word's."""

    def word_vectors(words: list[str]) -> np.ndarray:
        keys = [same.get(w, w) for w in words]
        axis = {k: i for i, k in enumerate(dict.fromkeys(keys))}
        out = np.zeros((len(words), len(axis)), dtype=np.float32)
        out[np.arange(len(words)), [axis[k] for k in keys]] = 1.0
        return out

    return word_vectors


def _word_vectors(meaning: dict[str, int]):  # type: ignore[no-untyped-def]
    """Fixed word vectors: the words ``meaning`` maps to one number are one word (cosine 1), the others apart."""

    def word_vectors(words):  # type: ignore[no-untyped-def]
        out = np.zeros((len(words), 64), dtype=np.float32)
        for i, w in enumerate(words):
            out[i, meaning.get(w, 8 + hash(w) % 56)] = 1.0
        return out

    return word_vectors


def test_a_question_word_the_sentence_says_in_other_words_counts_as_said(ner: EntityRecognizer) -> None:
    """ "What did the fishermen request?" is answered by "Fishermen asked for gaps in the wall." when the word
    vectors put "request" and "asked" close (a fixed table here; the model's own in tests/rag/test_embed.py)."""
    word_vectors = _word_vectors({"request": 0, "asked": 0, "requests": 0})

    question = "What did the fishermen request?"
    hit = text_hit(HARBOUR, "a1", question)
    plain = _answerer(ner).draft(Query(question), [hit])
    said = _answerer(ner, word_vectors=word_vectors).draft(Query(question), [hit])
    assert said.composed is not None and said.composed.citations[0].quote == "Fishermen asked for gaps in the wall."
    assert said.assessment is not None and plain.assessment is not None
    assert said.assessment.features["topic_sentence"] == 1.0 > plain.assessment.features["topic_sentence"]
    assert "request" not in said.assessment.missing_topic


def test_how_long_is_not_answered_by_a_point_in_time(ner: EntityRecognizer) -> None:
    sentence = "The ceremony, held as a virtual ceremony this year, will last 40 minutes on Memorial Day."
    found = _offered(ner, "How long is the virtual ceremony?", sentence)
    assert found and all("40 minutes" in f for f in found)  # not "this year", not "Memorial Day"
    # nor an age: "How long had the officer served?" is not answered by the teenager's "17-year-old"
    served = "The officer shot a 17-year-old in the parking lot seven months after he joined the force."
    assert "17-year-old" not in _offered(ner, "How long had the officer served on the force?", served)
    night = "The officer turned himself in Tuesday night, seven months after he joined the force."
    assert _offered(ner, "How long had the officer served on the force?", night) == ["seven months"]
    assert _length_of_time("all night") and _length_of_time("the entire night") and _length_of_time("12½ hours")
    assert not _length_of_time("the 10th day") and not _length_of_time("two 17-year-olds")
    assert not _length_of_time("nine-month-old") and not _length_of_time("a second day")
    assert not _length_of_time("two weeks ago")


def test_the_short_answer_comes_from_the_articles_that_name_the_question_s_names(ner: EntityRecognizer) -> None:
    """ "Which judge postponed the Tromsvik trial?": the judge of another article's hearing, however close its
    sentence is to the question's other words, is not the answer when an article about Tromsvik names one."""
    question = "Which judge postponed the Tromsvik seawall trial?"
    other = text_hit("Judge Anna Berg postponed the trial over the seawall contract to May.", "b2", question)
    tromsvik = text_hit(
        "The Tromsvik council's case was delayed again. Judge Lars Vik approved the request to push the date.",
        "a1",
        question,
    )
    answerer = _answerer(ner, min_short_answer=0.0)
    draft = answerer.draft(Query(question), [other, tromsvik])
    assert draft.short_found == "Lars Vik"
    answerer._naming_most = lambda *args: None  # type: ignore[method-assign]  # without the rule: the other judge
    assert answerer.draft(Query(question), [other, tromsvik]).short_found == "Anna Berg"


def test_the_review_s_misreadings_stay_fixed(ner: EntityRecognizer) -> None:
    def frame(q: str):  # type: ignore[no-untyped-def]
        return frame_question(q, ner.analyse([q])[0])

    assert frame("What happened on September 15th?").topic == ()  # the day's "15th" is read by the rule
    assert frame("What happened on the 15th of September?").day == "15th of September"
    assert frame("What was the reaction to Biden's age?").asks is None  # no age asked for
    assert "age" in frame("What was the reaction to Biden's age?").topic
    assert frame("What went on at the summit?").asks is None
    march = "In March 2,000 people fled the town."
    assert _offered(ner, "How many people fled the town?", march) == ["2,000 people"]


def test_words_of_one_kind_are_not_said_in_other_words(ner: EntityRecognizer) -> None:
    """Word vectors put "Monday" and "Tuesday", "east" and "west" close; a question tells them apart."""
    word_vectors = _word_vectors({"monday": 0, "tuesday": 0, "west": 1, "east": 1, "request": 2, "asked": 2})

    text = "The council met in the east wing on Tuesday. Fishermen asked for gaps in the wall."
    hit = text_hit(text, "a1", "council wing")
    draft = _answerer(ner, word_vectors=word_vectors).draft(Query("Did the council meet in the west wing?"), [hit])
    assert draft.assessment is not None and draft.assessment.features["topic_sentence"] < 1.0
    asked = _answerer(ner, word_vectors=word_vectors).draft(Query("What did the fishermen request?"), [hit])
    assert asked.assessment is not None and asked.assessment.features["topic_sentence"] == 1.0


def test_how_many_n_is_not_answered_by_a_count_of_something_else(ner: EntityRecognizer) -> None:
    from rag.answerability import other_counted
    from rag.nlp import Entity

    def other(question: str, sentence: str, number: str) -> tuple[str, str] | None:
        frame = frame_question(question, ner.analyse([question])[0])
        start = sentence.index(number)
        return other_counted(frame, sentence, Entity(number, "CARDINAL", start, start + len(number)))

    sentence = "Eight teams will play, and two 100-microgram doses were given to 412 players."
    assert other("How many referees will there be?", sentence, "Eight") == ("referees", "teams")
    assert other("How many advisers voted?", sentence, "two") == ("advisers", "doses")  # past "100-microgram"
    assert other("How many teams will play?", sentence, "Eight") is None
    assert other("How many wildfires were there?", "Crews fought 420 fires.", "420") is None
    assert other("How many people did the storm kill?", "It killed 12 residents.", "12") is None  # any plural
    assert other("How many people is it laying off?", "It will focus on three strategic priorities.", "three") == (
        "people",
        "priorities",
    )  # ... but a thing of the mind
    assert other("How many people were arrested?", "Police made 12 arrests.", "12") is None
    assert other("How many Russians will be called up?", "It calls up 300,000 reservists.", "300,000") is None
    # a post's letters are no name
    assert other("How many Tromsvik MPs backed Lars Vik?", "It came down to the final two candidates.", "two") == (
        "mps",
        "candidates",
    )
    assert other("How many times has she won?", "She has won 15 races.", "15") is None
    seven = "In the past two weeks, at least seven states have said they will bar public employees."
    assert other("How many Tromsvik state workers had the app?", seven, "at least seven") == ("workers", "states")
    converters = "They stole hundreds of catalytic converters."
    assert other("How many of the police departments were from Tromsvik?", converters, "hundreds") == (
        "departments",
        "converters",
    )  # "how many of the N" counts N; "hundreds of (catalytic) converters" counts converters
    assert other("How many people stayed?", "About 150,000 homes in 47 Tromsvik counties lost power.", "47") == (
        "people",
        "counties",
    )  # past a name, a place counts no people
    cold = "Students will wake up to weather in the mid-60s with a low of 54 degrees."
    assert other("How many people are expected at the fair?", cold, "54") == ("people", "degrees")  # a measure
    hearings = "Watts spoke at the first of two Tromsvik County Board of Education hearings."
    assert other("How many school nurses does Tromsvik employ?", hearings, "two") == ("nurses", "hearings")
    guests = "Invited guests were on one side, waiting for the bride."
    assert other("How many guests were at the wedding?", guests, "one") == ("guests", "side")  # one of another
    # a part of a group counts the group's noun, past the words that qualify it
    decisions = "Adding hot cocoa is one of two major business decisions made this month."
    assert other("How many calories are in the hot cocoa?", decisions, "one") == ("calories", "decisions")
    assert other("How many decisions did it make?", decisions, "one") is None
    # elsewhere the first word after the number is read: "34 felony counts" is left to answer "how many charges"
    assert other("How many charges does he face?", "He faces 34 felony counts.", "34") is None
    # ... but past an adjective: "three different markets" counts markets
    # ... only where a plural follows the adjective: "one patient died" counts a patient
    assert other("How many patients died?", "Only one patient died in May.", "one") is None
    markets = "The chain is debuting a new sandwich in three different markets on Monday."
    assert other("How many calories are in the sandwich?", markets, "three") == ("calories", "markets")
    dozens = "Tromsvik Rockets is one of dozens of companies that plan to drop off satellites."
    assert other("How many satellites did the rocket carry?", dozens, "dozens") == ("satellites", "companies")
    assert other("How many satellites did the rocket carry?", "It carried dozens of satellites.", "dozens") is None
    # those whom something befell, and an invariant plural
    fire = "At least 49 people have been killed and more than 300 injured in the Tromsvik depot fire."
    assert other("How many firefighters were sent to the fire?", fire, "more than 300") == ("firefighters", "injured")
    assert other("How many victims were injured in the fire?", fire, "more than 300") is None
    assert other("How many weapons is Tromsvik moving?", "It stationed ten aircraft there.", "ten") == (
        "weapons",
        "aircraft",
    )
    # a number whose noun is left out counts the noun of the number it is compared with
    food = "The food bank gave out more than 8 million pounds of food in 2013, compared to 6.7 million last year."
    assert other("How many turkeys did the food bank get?", food, "6.7 million") == ("turkeys", "pounds")
    assert other("How many pounds of food did it give out last year?", food, "6.7 million") is None
    assert other("How many turkeys did the food bank get?", "It got 6.7 million last year.", "6.7 million") is None

    # the answerer tells another count from N in other words by the words' static vectors
    word_vectors = _one_axis_a_meaning({"soldiers": "troops"})  # "troops" and "soldiers" share one
    answerer = _answerer(ner, min_answerability=0.0, min_short_answer=0.0, word_vectors=word_vectors)
    text = "Kawhi Leonard had 29 points and 11 rebounds against the Thunder on Friday."
    question = "How many rebounds did Kawhi Leonard have against the Thunder?"
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and answer.short_answer.text == "11 rebounds"
    text = "Kawhi Leonard scored 29 points against the Thunder on Friday, with Paul George out."
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is None  # not "29"
    text = "The tower of Tromsvik rises 100 meters above the harbour, the council said on Friday."
    question = "How many feet tall is the tower of Tromsvik?"
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and answer.short_answer.text.startswith("100")  # a unit to convert
    # ... for a question that counts a unit: a length of time counts no cases
    text = "Tromsvik ended its Covid hotel quarantine after more than two and a half years, officials said on Friday."
    question = "How many Covid cases did Tromsvik report on the day its hotel quarantine ended?"
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is None, answer.short_answer
    text = "The US will send 3,000 soldiers to Poland, the Pentagon said on Friday."
    question = "How many troops will the US send to Poland?"
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and answer.short_answer.text.startswith("3,000")


def test_where_a_residency_is_a_venue_not_the_city_the_question_names(ner: EntityRecognizer) -> None:
    question = "Where is Lars Vik's Vegas residency going to be?"
    frame = frame_question(question, ner.analyse([question])[0])
    assert "Vegas" in frame.names  # a possessive inside one span is two names ...
    holiday = "Lars Vik spoke in his New Year's Eve address. What did he say?"
    assert "New Year's Eve" in frame_question(holiday, ner.analyse([holiday])[0]).names  # ... not a day's name
    assert _offered(ner, question, "Lars Vik is getting his own Las Vegas residency.") == []  # "Vegas" shortened
    venue = "The singer will headline at The Colosseum at Caesars Palace, a press release said."
    assert _offered(ner, question, venue) == ["The Colosseum at Caesars Palace"]  # a venue's name, an ORG to it
    # the region written after the question's place and a comma
    dateline = "TROMSVIK, Norway (AP) — Thousands of mourners filed past the coffin at Harbour Stadium."
    assert _offered(ner, "Where in Tromsvik are fans filing past the coffin?", dateline) == ["Harbour Stadium"]
    # ... nor, for "where in", another town written with its region ("Apex, NC")
    other = "There is an existing Peak Academy in Apex, NC, and the charter looks for a building in Asheville."
    assert _offered(ner, "Where in Asheville is the academy going to put its building?", other) == []
    assert _offered(ner, "Where does the academy have a school?", other) != []
    # "where in England" is not answered by another country, however short its name
    pilot = "The scheme would be the first of its kind in England, but similar pilots are underway in the US."
    assert "US" not in _offered(ner, "Where in England would the pilot be run?", pilot)
    # ... but a place written with the asked region is in it; a country or a state is in none of a city's places
    polio = "A person from Rockland County, New York, has been diagnosed with polio, a first in the United States."
    assert _offered(ner, "where in new york is the person with polio from", polio) == ["Rockland County"]
    assert _offered(ner, "Where in Asheville will it open?", "Most students in North Carolina attend it.") == []
    # ... also written "where is X in Asheville"
    assert _offered(ner, "Where is the academy in Asheville going to open?", "It is big in North Carolina.") == []
    assert _offered(ner, "Where is the academy going to open?", "It will open in North Carolina.") != []
    assert _offered(ner, "Where was the wildfire in March?", "The wildfire burned in North Carolina in March.") != []
    # ... but a continent's countries, a union's, a country's states; a place after a clause's comma is no region
    assert _offered(ner, "Where in Europe did the storm hit?", "The storm hit Spain on Monday.") == ["Spain"]
    assert _offered(ner, "Where in the UK did it snow?", "It snowed in Scotland on Monday.") == ["Scotland"]
    assert _offered(ner, "Where in the US did it snow?", "It snowed in Ohio on Monday.") == ["Ohio"]
    assert _offered(ner, "Where in Asheville is the fair?", "On Monday, Biltmore Village hosted it.") == [
        "Biltmore Village"
    ]
    # a country the small model takes for an organisation or a person is still a place
    fled = "Sri Lanka's crisis escalated after President Lars Vik fled to the Maldives without resigning."
    assert _offered(ner, "Sri Lankan President Lars Vik fled to which country this week?", fled) == ["Maldives"]
    # ... but a person's name that is a country's too only after a preposition of place
    assert "Jordan" not in _offered(ner, "Where did Tromsvik play on Friday?", "Michael Jordan scored 30 points.")
    # a place before a person's post and name is theirs, not where the event is
    star = "The one sure thing is that Tromsvik forward-center Idris Okonkwo will be taken first."
    assert _offered(ner, "Where is the draft taking place?", star) == []
    assert _offered(ner, "Where did the governor sign the bill?", "Texas Gov. Lars Vik signed it in Austin.") == [
        "Austin"
    ]
    # ... unless the person's place is what is asked
    assert _offered(ner, "The governor of which state signed the bill?", "Texas Gov. Lars Vik signed it.") == ["Texas"]
    assert _offered(ner, "Where in Florida did the storm hit?", "The storm hit South Florida on Monday.") == [
        "South Florida"
    ]


def test_the_one_thing_named_is_the_thing(ner: EntityRecognizer) -> None:
    question = "What's the name of the one FDA-approved drug for hiccups?"
    assert frame_question(question, ner.analyse([question])[0]).named == "drug"


def test_a_germ_is_no_organisation(ner: EntityRecognizer) -> None:
    sentence = "Tromsvik Pets is recalling pig ear products sold in 33 states due to the potential of Salmonella."
    assert "Salmonella" not in _offered(ner, "Which pet store chain is recalling pig ears?", sentence)


def test_a_number_joined_to_a_noun_is_no_amount(ner: EntityRecognizer) -> None:
    sentence = "The league went to the 16-team playoff format 40 seasons ago; Tromsvik won $7,129,558 of the pool."
    assert _offered(ner, "How much of the playoff pool did Tromsvik get?", sentence) == ["$7,129,558"]
    assert _offered(ner, "How much did Tromsvik pay?", "Tromsvik paid a $5-million fine.") == ["$5-million"]
    assert _offered(ner, "How much will gas cost in Tromsvik?", "Gas in Tromsvik will cost $4-a-gallon.") == ["$4"]


def test_a_year_counts_nothing(ner: EntityRecognizer) -> None:
    # "2024" before a noun is a cardinal to the small model; a count that large is written "2,024"
    sentence = "The ex-president and 2024 Republican candidate Lars Vik attacked the jurors' verdict."
    assert _offered(ner, "How many jurors are on the Lars Vik trial?", sentence) == []
    assert _offered(ner, "How many people signed the petition?", "The petition had 2,024 signatures.") == ["2,024"]


def test_a_number_that_labels_answers_no_count_age_or_sum(ner: EntityRecognizer) -> None:
    sentence = "Ottilie Brennan, who has stage 1 cancer, won Game 7 on Friday."
    assert _offered(ner, "How old is Ottilie Brennan?", sentence) == []
    assert _offered(ner, "How many games did Ottilie Brennan win?", sentence) == []
    count = "18-time champion Ottilie Brennan, 67, won again."
    assert _offered(ner, "How old is Ottilie Brennan?", count) == ["67"]  # "18-time" counts titles
    birthday = "Speaking on his 69th birthday, Lars Vik pledged to stay on."
    assert _offered(ner, "How old was Lars Vik when he pledged to stay on?", birthday) == ["69"]
    party = "Lars Vik spoke at the party's 100th birthday celebration."
    assert _offered(ner, "How old is Lars Vik?", party) == []  # a birthday, not his


def test_how_much_money_asks_for_a_sum(ner: EntityRecognizer) -> None:
    sentence = "The top 70 players shared $20 million in prize money."
    assert _offered(ner, "How much prize money was there?", sentence) == ["$20 million"]
    assert _offered(ner, "How many players shared it?", sentence) == ["70 players"]


def test_what_kind_of_asks_for_no_word_kind(ner: EntityRecognizer) -> None:
    question = "What kind of cancer does Ottilie Brennan have?"
    frame = frame_question(question, ner.analyse([question])[0])
    assert "kind" not in frame.topic and "cancer" in frame.topic
    other = "Is Ottilie Brennan a kind person?"
    assert "kind" in frame_question(other, ner.analyse([other])[0]).topic


def test_a_surname_given_only_to_another_person_does_not_name_the_question_s(ner: EntityRecognizer) -> None:
    question = "How many points did Jaylen Nowell score against the Thunder?"
    text = "Markquis Nowell scored 30 points against the Thunder on Friday. Nowell also had 12 assists."
    answerer = _answerer(ner, min_answerability=0.0)
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.abstained and "Jaylen Nowell" in answer.note
    named = "Forward Jaylen Nowell scored 30 points against the Thunder on Friday. Nowell also had 12 assists."
    answer = answerer.answer(Query(question), [text_hit(named, "a1", question)])
    assert not answer.abstained and answer.short_answer is not None and answer.short_answer.text == "30 points"


def test_the_day_before_an_event_is_found_by_the_days_its_article_names(ner: EntityRecognizer) -> None:
    article = (
        "The central bank of Tromsvik added index-linked bonds to its buying on Tuesday. "
        "On Monday, it doubled the daily limit on its bond buying to 10 billion kroner. "
        "The bank's governor, Lars Vik, spoke to reporters on Wednesday."
    )
    answerer = _answerer(ner, min_answerability=0.0, article_text=lambda article_id: article)
    question = "What did the central bank do the day before it added index linked bonds to its buying?"
    frame = frame_question(question, ner.analyse([question])[0])
    assert frame.relation == "before" and frame.day_offset == -1
    answer = answerer.answer(Query(question), [text_hit(article[:79], "a1", question)])
    assert not answer.abstained
    cit = answer.citations[0]
    assert cit.quote.startswith("On Monday, it doubled") and article[cit.start : cit.end] == cit.quote
    after = "What did the central bank do the day after it added index linked bonds to its buying?"
    assert (
        answerer.answer(Query(after), [text_hit(article[:79], "a1", after)])
        .citations[0]
        .quote.startswith("The bank's governor")
    )
    # a day the article does not name is not made up, nor is "After ..." in any sentence the relation asked about
    later = "What did the central bank do two days after it added index linked bonds to its buying?"
    assert answerer.answer(Query(later), [text_hit(article[:79], "a1", later)]).abstained
    loose = "What did the council do the day after the vote? After the vote, the mayor left."
    frame = frame_question(loose, ner.analyse([loose])[0])
    assert not states_relation(frame, "After the vote, the mayor left.")
    assert states_relation(frame, "The next day, the mayor left.")
    # "the following" and "the next" as a noun phrase, no time after the event
    # the day before the question's own event, in that event's word anywhere in the sentence
    died = "who was the doctor ann vik saw the day before she died"
    frame = frame_question(died, ner.analyse([died])[0])
    assert states_relation(frame, "One photo shows Vik on April 20, the day before her death, at Dr. Lind's office.")
    assert not states_relation(frame, "One photo shows Vik on April 20, the day before her wedding.")
    later = "What happened after the council vote?"
    frame = frame_question(later, ner.analyse([later])[0])
    assert not states_relation(frame, "The following contains details from the council's vote.")
    assert not states_relation(frame, "The next step is a second vote.")
    assert states_relation(frame, "The following day, the mayor resigned.")
    assert states_relation(frame, "The next week, the mayor resigned.")
    assert states_relation(frame, "The following Tuesday, the mayor resigned.")
    assert states_relation(frame, "The next few days, the mayor stayed home.")


def test_a_day_phrase_that_names_no_event_s_neighbour_is_no_relation(ner: EntityRecognizer) -> None:
    from rag.answerability import day_offset, days_stated

    assert day_offset("Who starred in The Day After Tomorrow?") is None  # a title
    assert day_offset("How many people flew the day before Thanksgiving?") is None  # a date
    assert day_offset("What happened the day before Election Day?") is None
    assert day_offset("The day after the election, what did Trump say?") == (1, " the election")  # to the comma
    assert day_offset("What did she do a day after the vote?") == (1, " the vote")
    # a night as a day: a game "the night before"
    assert day_offset("who did tromsvik play the night before they beat nordvik") == (-1, " they beat nordvik")
    assert days_stated(-1).search("The night before, Tromsvik lost to Nordvik.")
    assert day_offset("What happened two days before the vote?") == (-2, " the vote")
    assert day_offset("How many flew the day before May 3?") is None  # a date ...
    assert day_offset("Which meteor shower peaked the day after the October 2022 hunter's moon?") == (
        1,
        " the October 2022 hunter's moon",
    )  # ... but a month and its year before an event name the event's time
    assert not days_stated(2).search("The next day, the mayor resigned.")  # two days are not one
    assert days_stated(2).search("Two days later, the mayor resigned.")
    assert days_stated(-1).search("A day earlier, the mayor resigned.")


def test_how_much_revenue_may_be_a_share(ner: EntityRecognizer) -> None:
    assert _offered(ner, "How much did revenue grow?", "Revenue grew 12% in the quarter.") == ["12%"]
    assert _offered(ner, "How many wildlife strikes were reported?", "Birds are 98 percent of strikes.") == []


def test_a_weekday_inside_a_name_is_no_day(ner: EntityRecognizer) -> None:
    from rag.answerability import named_day

    assert named_day("She hosted Saturday Night Live in 1989.", None) is None
    assert named_day("Shoppers queued on Black Friday.", None) is None
    assert named_day("Speaking Monday at the summit, he left.", None) == 0
    assert named_day("On Monday President Biden said no.", None) == 0  # a name after a weekday
    assert named_day("Dec. 31 was the last day.", date(2023, 1, 2)) == date(2022, 12, 31)  # the year before
    # a weekday in a dated article is that day of the week up to its date, so "the day before" meets a calendar day
    tuesday = named_day("On Tuesday, the Senate voted.", date(2022, 12, 16))
    assert tuesday == date(2022, 12, 13)
    from rag.answerability import names_day, shift_day

    assert names_day("On Dec. 12, Rubio filed a bill.", shift_day(tuesday, -1))
    assert names_day("On Monday, Rubio filed a bill.", shift_day(tuesday, -1))
    assert names_day("On Monday, Rubio filed a bill.", shift_day(date(2023, 1, 3), -1))  # over a year's end too
    assert named_day("On Dec. 14, the Senate voted.", date(2022, 12, 16)) == date(2022, 12, 14)


def test_a_sum_keeps_its_magnitude_written_after_it(ner: EntityRecognizer) -> None:
    text = "The winner of the Tromsvik Open received $2.7m from a prize pot of $15m."
    question = "How much prize money did the winner of the Tromsvik Open receive?"
    answer = _answerer(ner, min_answerability=0.0, min_short_answer=0.0).answer(
        Query(question), [text_hit(text, "a1", question)]
    )
    assert answer.short_answer is not None and answer.short_answer.text == "$2.7m"  # not "$2.7"
    assert text[answer.short_answer.start : answer.short_answer.end] == "$2.7m"


def test_who_plays_a_role_is_answered_by_the_actor_given_as_playing_it(ner: EntityRecognizer) -> None:
    sentence = "Norman Lear's show returns with Woody Harrelson as Archie Bunker and Marisa Tomei as Edith."
    assert _offered(ner, "who plays archie bunker in the live special", sentence) == ["Woody Harrelson"]
    assert _offered(ner, "Who will play Princess Edith?", sentence) == ["Marisa Tomei"]
    assert "Norman Lear" in _offered(ner, "Who created the show?", sentence)  # no role asked: any person
    text = (
        "Jimmy Kimmel and Norman Lear will re-create the show Archie Bunker made famous. "
        "The special stars Woody Harrelson as Archie."
    )
    assert _led_by(ner, "Who plays Archie Bunker in the Kimmel special?", text) == "Woody Harrelson"


def test_second_review_numbers_roles_and_days(ner: EntityRecognizer) -> None:
    from rag.answerability import day_offset, named_day, names_day, shift_day

    # a count runs past a model's number to its noun, and stops at the next count
    assert _offered(ner, "How many jets did Poland order?", "Poland ordered 32 F-35 jets this year.") == [
        "32 F-35 jets"
    ]
    covid = "Officials reported 300 COVID-19 deaths and 5,000 new cases."
    assert _offered(ner, "How many deaths were reported?", covid) == ["300 COVID-19 deaths"]
    assert _offered(ner, "How many cases were reported?", covid) == ["5,000 new cases"]
    assert _offered(ner, "How old is Chris Harris?", "Friends gathered for Harris' 60th birthday on Friday.") == ["60"]
    assert _offered(ner, "Who plays the Joker in the new movie?", "The film stars Joaquin Phoenix as the Joker.") == [
        "Joaquin Phoenix"
    ]
    # a share answers "how much" where a sum or price changes, not "how much prize money did she win"
    assert _offered(ner, "How much did the price of eggs rise?", "The price of eggs rose 36% last year.") == ["36%"]
    assert _offered(ner, "How much prize money did she win?", "She won $2.6 million, 10% more than last year.") == [
        "$2.6 million"
    ]
    # calendar days in the year nearest the article's date; undated ones keep no weekday
    assert named_day("He is sworn in on Jan. 20.", date(2025, 1, 2)) == date(2025, 1, 20)
    assert named_day("It opens on Jan. 2.", date(2024, 12, 28)) == date(2025, 1, 2)
    assert named_day("It was Feb. 29.", date(2025, 1, 10)) == date(2024, 2, 29)
    undated = named_day("On Dec. 31 they met.", None)
    assert undated == (12, 31) and shift_day(undated, 1) == (1, 1)
    assert names_day("On Jan. 1, they left.", (1, 1)) and not names_day("On Saturday, they left.", (1, 1))
    # a holiday or a date is no event, but a name or a report of a month is
    assert day_offset("What did Labour say the day after May's resignation?") is not None
    assert day_offset("What happened the day after today's vote?") is not None
    assert day_offset("What happened the day after May 3?") is None


def test_a_number_counts_the_plural_before_a_preposition_not_the_noun_after(ner: EntityRecognizer) -> None:
    from rag.answerability import counted_number

    frame = _framed(ner, "how many UFO sightings by Tromsvik pilots did the agency look at")
    five = "The agency put forward five potential categories for sightings of UFOs."
    assert counted_number(frame, five) is None  # five categories
    found = counted_number(frame, "The agency looked at 144 UFO sightings by Tromsvik pilots.")
    assert found is not None and found.text == "144 UFO sightings"


def test_a_share_a_time_taken_and_a_speed_are_asked_for_in_their_own_units(ner: EntityRecognizer) -> None:
    marriages = "There were 7.6 million marriage registrations in Tromsvik in 2021, down 6.1% from a year earlier."
    assert _offered(ner, "What percentage did marriages in Tromsvik drop in 2021?", marriages) == ["6.1%"]
    assert _offered(ner, "How many marriages were registered in Tromsvik in 2021?", marriages) == [
        "7.6 million marriage"
    ]
    swim = "Ottilie Brennan swam the 21.3-mile length of Lake Tromsvik in 12 hours."
    assert _offered(ner, "How long did it take Ottilie Brennan to swim Lake Tromsvik?", swim) == ["12 hours"]
    assert "21.3-mile" in _offered(ner, "How long is Lake Tromsvik?", swim)  # a length of a thing, asked as such
    motorcade = "The motorcade is expected to travel the estimated four miles to the Tromsvik courthouse."
    assert _offered(ner, "How long did the Tromsvik hearing last before she left the courthouse?", motorcade) == []
    car = "The car, going 50 mph, hit six people in the Tromsvik market."
    assert _offered(ner, "How fast was the car going in the Tromsvik market?", car) == ["50 mph"]
    assert _offered(ner, "How fast was the car going?", "The car hit six people in the Tromsvik market.") == []


def test_how_much_is_a_thing_asks_for_its_price(ner: EntityRecognizer) -> None:
    sentence = "The Tromsvik Key3 has one camera and costs $649 in the United States."
    assert _offered(ner, "How much is the Tromsvik Key3?", sentence) == ["$649"]
    assert _offered(ner, "How much are tickets for the Tromsvik final?", "Ten cities bid for the Tromsvik final.") == []


def test_a_year_a_list_ties_to_another_entity_is_not_the_question_s(ner: EntityRecognizer) -> None:
    hosts = "The NCAA said that Houston (2023), Phoenix (2024) and San Antonio in 2025, will host Final Fours."
    assert _offered(ner, "Where is the 2024 Final Four?", hosts) == ["Phoenix"]
    assert _offered(ner, "Where is the 2025 Final Four?", hosts) == ["San Antonio"]
    assert _offered(ner, "Where is the 2031 Final Four?", hosts) == []
    said = "Ottilie Brennan in 2019 said she would visit Phoenix."  # no list: the year says when she spoke
    assert "Phoenix" in _offered(ner, "Where will Ottilie Brennan travel in 2024?", said)
    # an entity its own clause puts in another year than the question's: not what the question asks for
    asked = "Which hurricane hit Florida in November 2022?"
    kate = "No hurricane has hit Florida in November since Hurricane Kate struck the state as a Category 2 in 1985."
    assert _offered(ner, asked, kate) == []
    nicole = "Hurricane Nicole struck Florida on Thursday, the first November hurricane there since Kate in 1985."
    assert _offered(ner, asked, nicole) == ["Hurricane Nicole"]
    assert "Hurricane Kate" in _offered(ner, "Which hurricane hit Florida in November 1985?", kate)
    # ... none of them: another year beside the question's in the same clause keeps it
    both = "Jon Rahm won the U.S. Open in 2021 and the Masters in 2023."
    assert _offered(ner, "Who won the Masters in 2023?", both) == ["Jon Rahm"]
    # a year in brackets puts it there too
    past = "The Eagles and Chiefs have most recently won Super Bowl 52 (2017) and Super Bowl 54 (2020), respectively."
    assert _offered(ner, "Who won the Super Bowl in 2023?", past) == []
    assert _offered(ner, "Who won the Super Bowl in 2020?", past) != []


def test_a_bare_who_is_answered_by_whoever_did_it(ner: EntityRecognizer) -> None:
    takeover = "Earlier this month, regulators brokered a takeover of Swiss bank Credit Suisse by rival UBS."
    assert _offered(ner, "Who took over Credit Suisse?", takeover) == ["UBS"]
    bought = "Credit Suisse's rival, UBS, agreed to buy it for $3.2 billion."
    assert "UBS" in _offered(ner, "Who bought Credit Suisse?", bought)
    sued = "Dominion Voting Systems sued Fox News in 2021, claiming the network broadcast lies."
    assert _offered(ner, "Who sued Fox News?", sued) == ["Dominion Voting Systems"]
    # an organisation that does not do the act is no "who", nor one for a person asked by a noun or a role
    assert _offered(ner, "Who sued Fox News?", "Tucker Carlson left Fox News in April after Dominion's suit.") == [
        "Tucker Carlson"
    ]
    assert _offered(ner, "Which actress sued Fox News?", sued) == []
    # a name before the title of whoever heads it is not that person ("SpaceX", a person to the small model)
    assert "SpaceX" not in _offered(ner, "Who bought Twitter?", "The Tesla and SpaceX CEO bought Twitter in October.")
    # ... but a person given a title is one ("elected Lula president")
    assert "Lula" in _offered(ner, "Who won the election?", "Brazilians elected Lula president on Sunday.")
    # one done to is not who did it; a headline in capitals has no verb to read
    assert _offered(ner, "Who sanctioned China?", "China was sanctioned by the United States in May.") == [
        "the United States"
    ]
    assert "NBA" not in _offered(ner, "Who traded Kevin Durant?", "NBA TRADE DEADLINE TRACKER: Durant moved to Suns")


def test_whom_a_team_or_country_beat_is_one_of_its_kind(ner: EntityRecognizer) -> None:
    final = "Lionel Messi scored twice as Argentina beat France on penalties in the World Cup final."
    assert _offered(ner, "Who did Argentina beat in the World Cup final?", final) == ["France"]
    # a person's opponent is a person
    assert _offered(ner, "Who did Serena Williams beat in the final?", "Serena Williams beat Martina Hingis.") == [
        "Martina Hingis"
    ]


def test_the_question_s_own_team_is_not_the_team_it_asks_for(ner: EntityRecognizer) -> None:
    final = "The Denver Nuggets beat the Boston Celtics 94-89 to win their first NBA title."
    found = _offered(ner, "Which team did Denver beat to win its first NBA title?", final)
    assert found and not any("Denver" in f for f in found) and any("Celtics" in f for f in found)
    assert any(
        "Yankees" in f
        for f in _offered(ner, "Which New York team won the title?", "The New York Yankees won the title.")
    )
    # the team's other mentions ("the Nuggets") are the question's own entity too
    text = "The Denver Nuggets won the NBA title on Monday. The Nuggets beat the Boston Celtics 94-89 in Game 5."
    question = "Which team did Denver beat for the NBA title?"
    answer = _answerer(ner, min_answerability=0.0).answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and "Celtics" in answer.short_answer.text


def test_a_sum_counts_no_votes_and_a_dateline_is_no_answer(ner: EntityRecognizer) -> None:
    spent = "Ottilie Brennan won the race by 30,000 votes, overcoming more than $104 million in spending by her rival."
    assert _offered(ner, "How many votes did Ottilie Brennan win by?", spent) == ["30,000 votes"]
    assert (
        _offered(ner, "How many votes did Ottilie Brennan win by?", "Ottilie Brennan's rival spent $104 million.") == []
    )
    assert _offered(ner, "How many dollars did her rival spend?", "Ottilie Brennan's rival spent $104 million.") == [
        "$104 million"
    ]
    dateline = "WASHINGTON — Four American troops were injured over South Sudan and were treated in Nairobi, Kenya."
    found = _offered(ner, "Where were the injured troops treated?", dateline)
    assert "WASHINGTON" not in found and any("Nairobi" in f for f in found)
    assert "Washington" in _offered(
        ner, "Where did Ottilie Brennan fly?", "Ottilie Brennan flew to Washington on Monday."
    )


def test_a_name_typed_without_its_accentsnames_the_article_s(ner: EntityRecognizer) -> None:
    text = "Mexican President Andrés Manuel López Obrador said the border would stay open to trade."
    answerer = _answerer(ner, min_answerability=0.0)
    for question in ("What did Lopez Obrador say about the border?", "What did López Obrador say about the border?"):
        answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
        assert not answer.abstained and "López Obrador" in answer.citations[0].quote, question


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # a name inside a place or another team is not the question's own entity
        (
            "Where in Mexico was the album recorded?",
            "The album was recorded in Mexico City last spring.",
            "Mexico City",
        ),
        ("Which team did Texas beat on Friday?", "Texas beat Texas Tech 57-7 on Friday.", "Texas Tech"),
        (
            "Which newspaper in New York reported the deal?",
            "The New York Times reported the deal on Monday.",
            "The New York Times",
        ),
        ("Which city do the Chiefs play in?", "The Kansas City Chiefs play in Kansas City, Missouri.", "Kansas City"),
        # "how fast did it grow" asks a rate; a speed may end in "an hour" after the entity
        ("How fast did the Tromsvik economy grow in 2022?", "The Tromsvik economy grew 3% in 2022.", "3%"),
        (
            "How fast were the winds of the storm?",
            "The storm brought winds of 160 kilometres an hour to Tromsvik.",
            "160 kilometres",
        ),
        (
            "How fast were the winds of the storm?",
            "The storm brought winds of 155 miles (250 kilometers) per hour.",
            "155 miles",
        ),
        # "how much is" asks an amount: a share or a measure too
        ("How much is inflation in Tromsvik?", "Inflation in Tromsvik is 6.7%, the central bank said.", "6.7%"),
        (
            "How much is sea level expected to rise in Tromsvik?",
            "Sea level in Tromsvik could rise up to 1 meter by 2100.",
            "1 meter",
        ),
        # a share written out (MONEY to the small model); a share price is a price
        (
            "What percentage of the vote did Ottilie Brennan win?",
            "Ottilie Brennan won with 58.5 per cent of the vote.",
            "58.5 per cent",
        ),
        (
            "What share price did Tromsvik Bank set for its listing?",
            "Tromsvik Bank set a share price of $38 for its listing.",
            "$38",
        ),
        # "last year" in a clause of its own asks no length of time
        (
            "How long is the bridge that opened last year?",
            "The Tromsvik bridge, which opened last year, is 5.5 kilometres long.",
            "5.5 kilometres",
        ),
        # one "(2023)" after a film is its release, not the award's year; "2023-24" names both years
        (
            "Which movie won the 2024 Oscar for best picture?",
            "The 2024 Oscar for best picture went to Oppenheimer (2023), directed by Christopher Nolan.",
            "Oppenheimer",
        ),
        (
            "Which team won the 2023-24 title?",
            "Champions: the Tromsvik Rovers (2024), the Larkspur Bay Kings (2021).",
            "the Tromsvik Rovers",
        ),
        # a count of billions is a sum
        (
            "How many billions did Ottilie Brennan pay for the club?",
            "Ottilie Brennan paid $44 billion for the club.",
            "$44 billion",
        ),
        # a dateline is the place when the sentence names no other
        (
            "Where did the fire kill six people?",
            "NEW YORK (AP) — A fire killed six people in a building on Sunday.",
            "NEW YORK",
        ),
        (
            "Where is Wegmans Food Markets based?",
            "ROCHESTER, N.Y. (AP) — Wegmans Food Markets said it would open new stores.",
            "ROCHESTER",
        ),
        (
            "Which alliance did Finland join?",
            "NATO — the Western military alliance — welcomed Finland, with the European Union's backing.",
            "NATO",
        ),
        # a person's name, or a name that qualifies another noun, is no team of the question's
        (
            "Which company was Trump convicted of falsifying business records for?",
            "Trump was convicted of falsifying business records of the Trump Organization.",
            "the Trump Organization",
        ),
        (
            "Which team did the Boston mayor congratulate?",
            "The Boston mayor congratulated the Boston Celtics on their title.",
            "the Boston Celtics",
        ),
        ("Which team did Texas beat?", "Texas beat the Texas A&M Aggies 38-10.", "the Texas A&M Aggies"),
        # shares in points, fractions and "N in M"
        (
            "By what percentage did the share of voters increase?",
            "The share rose to 63%, an increase of 7 percentage points from January.",
            "7",
        ),
        (
            "What percentage of Americans own a gun?",
            "Roughly a third of Americans own a gun, the survey found.",
            "Roughly a third",
        ),
        ("What share of adults smoke?", "Three in five adults have never smoked.", "Three in five"),
        # a member named with the question's group is not the group: a member is a person
        (
            "Which member of the K-pop group BTS announced a solo tour?",
            "Suga of BTS announced a solo world tour on Monday.",
            "Suga",
        ),
        # a speed written with hyphens; "the last stage" asks a length
        (
            "How fast were the winds of Hurricane Ian?",
            "Hurricane Ian hit Florida with 150-mile-per-hour winds.",
            "150-mile",
        ),
        (
            "How long is the last stage of the Tour de France?",
            "The last stage of the Tour de France is 33.7 kilometres long.",
            "33.7 kilometres",
        ),
    ],
)
def test_what_the_rules_still_let_answer(ner: EntityRecognizer, question: str, sentence: str, expected: str) -> None:
    assert expected in _offered(ner, question, sentence)


def test_an_ordinal_or_a_lone_year_is_no_share(ner: EntityRecognizer) -> None:
    assert (
        _offered(
            ner, "What percentage of the vote did Ottilie Brennan win?", "Ottilie Brennan won a third term on Sunday."
        )
        == []
    )
    hosts = "The Larkspur Bay Kings (2021) and the Tromsvik Rovers (2022) won the last titles."
    assert _offered(ner, "Which team won the 2023 title?", hosts) == []


def test_a_number_answer_says_a_number(ner: EntityRecognizer) -> None:
    keyboard = "The Tromsvik Key3 emphasizes a physical Qwerty keyboard and costs $649."
    assert _offered(ner, "How much is the Tromsvik Key3?", keyboard) == ["$649"]
    assert _offered(ner, "How many people visited Tromsvik?", "Nearly a million people visited Tromsvik in May.") == [
        "Nearly a million"
    ]


def test_a_sum_may_carry_its_currency_inside_the_entity(ner: EntityRecognizer) -> None:
    sentence = "Okonkwo scored 7.5 points out of 9 and will receive a prize of 12,000 kroner."
    assert _offered(ner, "How much is the prize for the Halvard Open?", sentence) == ["12,000 kroner"]


def test_a_list_s_year_before_and_ties_too(ner: EntityRecognizer) -> None:
    bought = "Microsoft bought LinkedIn in 2016, GitHub in 2018 and Tromsvik Games in 2023."
    assert "GitHub" not in _offered(ner, "Which company did Microsoft buy in 2023?", bought)
    assert _offered(ner, "Which company did Microsoft buy in 2016?", bought) == ["LinkedIn"]


def test_recency_reads_the_month_or_day_a_question_names_not_a_year() -> None:
    november = (date(2022, 11, 1), date(2022, 11, 30))
    assert recency(date(2022, 11, 9), None, november) == 1.0
    assert recency(date(2022, 9, 28), None, november) < 0.5  # September's hurricane for November's (34 days out)
    assert recency(date(2022, 9, 28), date(2022, 9, 30), november) > 0.9  # the as-of date wins
    assert recency(date(2022, 9, 28), None, (date(2024, 1, 1), date(2024, 12, 31))) is None  # "run in 2024"
    assert recency(None, None, november) is None


def test_a_day_the_short_answer_names_without_its_year_is_read_from_the_articles_date(ner: EntityRecognizer) -> None:
    from rag.jsonout import answer_to_json

    published = date(2024, 3, 12)  # a Tuesday

    def meant(sentence: str, said: str) -> date | None:
        start = sentence.index(said)
        return day_meant(sentence, start, start + len(said), published)

    assert meant("The council voted on Monday to build the wall.", "Monday") == date(2024, 3, 11)
    assert meant("The council voted on Tuesday.", "Tuesday") == date(2024, 3, 12)
    assert meant("The council voted on Friday.", "Friday") == date(2024, 3, 8)  # news tells of the past week
    assert meant("The council will vote on Friday.", "Friday") == date(2024, 3, 15)  # ... or of the days to come
    assert meant("The wall opens on May 6.", "May 6") == date(2024, 5, 6)
    assert meant("The wall opened on Sunday, March 3.", "Sunday, March 3") == date(2024, 3, 3)  # the calendar day
    assert meant("The mayor spoke yesterday.", "yesterday") == date(2024, 3, 11)
    assert meant("The wall opened on May 6, 2023.", "May 6, 2023") is None  # its year is given
    assert meant("The wall opened in 2023.", "2023") is None
    assert day_meant("It opened on Monday.", 14, 20, None) is None  # an undated article
    friday = date(2023, 3, 10)

    def on_friday(sentence: str, said: str) -> date | None:
        start = sentence.index(said)
        return day_meant(sentence, start, start + len(said), friday)

    assert on_friday("The vote was held last Friday.", "last Friday") == date(2023, 3, 3)
    assert on_friday("The vote is next Friday.", "next Friday") == date(2023, 3, 17)
    assert on_friday("Lawmakers must pass the bill by Tuesday.", "Tuesday") == date(2023, 3, 14)
    assert on_friday("He flew in ahead of his arraignment Tuesday.", "Tuesday") == date(2023, 3, 14)
    # only the day's own clause tells of days to come
    assert on_friday("Smith, who will retire next year, said on Tuesday it was over.", "Tuesday") == date(2023, 3, 7)
    assert on_friday("Next Friday's vote was delayed on Monday.", "Monday") == date(2023, 3, 6)
    # a day that opens its sentence is the day of the clause after it
    assert on_friday("On Monday, a NASA spacecraft will slam into an asteroid.", "Monday") == date(2023, 3, 13)
    assert on_friday("On Monday, the spacecraft hit the asteroid, which will move.", "Monday") == date(2023, 3, 6)
    assert on_friday("On Monday, the company said it will close 50 stores.", "Monday") == date(2023, 3, 6)
    assert on_friday('"We are proud today," Biden said.', "today") is None  # a quotation's day is its speaker's
    assert on_friday("The wall opened on May 6, 2021, to crowds.", "May 6") is None  # its year follows it
    # the answer leads with it, the app and --json carry it
    question = "When did the Tromsvik council vote on the seawall?"
    text = "The Tromsvik council voted on Monday to build a seawall along the harbour."
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and answer.short_answer.text == "Monday"
    assert answer.short_answer.day == date(2024, 3, 11) and answer.short_answer.said == "Monday (March 11, 2024)"
    assert answer.text.startswith("Monday (March 11, 2024). [1]")
    assert answer_to_json(answer)["short_answer"]["day"] == "2024-03-11"


def test_when_is_not_answered_by_a_length_of_time_or_the_year_of_another_thing(ner: EntityRecognizer) -> None:
    shop = "Greggs asked to open its Tromsvik shop 24 hours a day."
    assert _offered(ner, "When did Greggs open its Tromsvik shop?", shop) == []
    assert _offered(ner, "When will the Tromsvik strike end?", "The Tromsvik strike will end in two weeks.") == [
        "two weeks"
    ]
    fox = "Fox agreed to settle the lawsuit over its coverage of the 2020 presidential election."
    assert _offered(ner, "When did Fox settle the lawsuit with Tromsvik?", fox) == []
    assert "2020" in _offered(ner, "When was the Tromsvik presidential election?", fox)  # the year of what is asked
    assert "2020" in _offered(ner, "In which year did Fox cover Tromsvik?", fox)  # a year asked for
    # the year of what the question's verb did
    assert _offered(ner, "When did Ottilie Brennan win the presidency?", "Ottilie Brennan won the 2020 election.") == [
        "2020"
    ]


def test_when_is_answered_by_a_sentence_about_the_event_asked(ner: EntityRecognizer) -> None:
    question = "When did Fox settle with Tromsvik Voting?"
    assert _offered(ner, question, "Tromsvik Voting sued Fox in 2021, claiming defamation.") == []
    assert _offered(ner, question, "Fox and Tromsvik Voting agreed to a settlement on Tuesday.") == ["Tuesday"]
    # a question of no topic word beyond its names: any date of them
    assert _offered(ner, "When is the Tromsvik Open?", "The Tromsvik Open will be held on May 6.") == ["May 6"]
    # ... nor beyond a word of any event ("meet" is told as "talks")
    talks = "Ottilie Brennan and Lars Vik held talks in Tromsvik on Monday."
    assert _offered(ner, "When did Ottilie Brennan and Lars Vik meet in Tromsvik?", talks) == ["Monday"]


def test_a_photo_caption_is_not_quoted(ner: EntityRecognizer) -> None:
    text = (
        "Hide Caption 3 of 16 Photos: Lars Vik opened the Tromsvik harbour to crowds on Monday. "
        "Lars Vik, the mayor, opened the Tromsvik harbour on Friday after two years of work."
    )
    question = "When did Lars Vik open the Tromsvik harbour?"
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and answer.short_answer.text == "Friday"
    assert "Caption" not in answer.text


def test_only_a_date_asked_for_gets_its_day(ner: EntityRecognizer) -> None:
    text = "The Tromsvik harbour story was first reported by the USA TODAY Network in a long feature."
    question = "Which news network first reported the Tromsvik harbour story?"
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and "USA TODAY" in answer.short_answer.text
    assert answer.short_answer.day is None and "(" not in answer.text.split("[1]")[0]  # "TODAY" names no day here


def test_adverbs_contractions_and_go_are_not_what_a_question_is_about(ner: EntityRecognizer) -> None:
    def topic(q: str) -> tuple[str, ...]:
        return frame_question(q, ner.analyse([q])[0]).topic

    assert topic("Is Bessie Hendricks still alive?") == tuple(key_terms("alive"))
    eurovision = topic("Why isn't Eurovision being held in Ukraine even though Ukraine won?")
    assert not {"isn't", "even", "though"} & set(eurovision) and "held" in eurovision
    assert topic("Did Xi Jinping go to Moscow to meet Putin?") == ("meet",)
    assert topic("Why did Putin decide to put nuclear weapons in Belarus?") == tuple(key_terms("nuclear weapons"))


def test_an_irregular_past_form_in_the_question_is_said_by_its_verb(ner: EntityRecognizer) -> None:
    question = "Did Howard Schultz admit Starbucks broke labor laws?"
    text = "Howard Schultz told senators that Starbucks did not break labor laws and did not admit wrongdoing."
    answerer = _answerer(ner)
    draft = answerer.draft(Query(question), [text_hit(text, "a1", question)])
    features = draft.assessment.features
    assert features["topic_sentence"] == 1.0 and features["topic_article"] == 1.0
    assert not draft.assessment.missing_topic


def test_a_why_question_asks_for_a_cause(ner: EntityRecognizer) -> None:
    def reason(q: str) -> bool:
        return frame_question(q, ner.analyse([q])[0]).reason

    assert reason("Why did Jacinda Ardern resign?") and reason("why was will smith banned from the oscars")
    assert reason("What caused the 70-vehicle crash in Illinois?") and reason("What was the reason for the delay?")
    assert reason("The clock moved this week. Why did it move?")
    assert not reason("Who resigned?") and not reason("Who explained why the bank failed?")
    assert states_reason("Blinken postponed the trip because a surveillance balloon drifted over the U.S.") == 1.0
    assert states_reason("No reason was given for his departure.") == 1.0
    assert states_reason("The cause of the explosion remains unknown.") == 1.0
    assert states_reason("Netanyahu fired his minister after he called for a pause.") == HINT_WEIGHT  # or an order
    # ... but not when what follows it is the event asked about: that tells only what came after it
    later = "His testimony will be his second time in court after his surprise appearance last week."
    assert states_reason(later, frozenset(key_terms("make a surprise appearance"))) == 0.0
    assert states_reason("Will Smith was banned for slapping Chris Rock.") == 1.0
    assert states_reason("Neither Lemon nor CNN offered a reason.") == 1.0
    assert states_reason("Unsafe road conditions have prevented us from returning to school.") == 1.0
    assert states_reason("The storm forced the district to close its schools.") == 1.0
    assert states_reason("The law prevents it.") == 0.0
    assert states_reason("Russian forces continued to shell the city.") == 0.0  # "forces", a noun
    assert states_reason("The group cut output “in light of the uncertainty” over the outlook.") == 1.0
    assert reason("OPEC+ is cutting output. What reason did the group give?")
    assert reason("What explanation has the company offered?")
    # a why asked, or a reason or cause named, is no cause given
    assert states_reason("When asked why it was good for Santos to step down, McCarthy said he had questions.") == 0.0
    assert states_reason("Reason magazine published the interview on Monday.") == 0.0
    assert states_reason("ESPN first reported Brady was retiring, citing unnamed sources.") == 0.0
    assert states_reason("Jacinda Ardern announced her resignation on Thursday.") == 0.0


def test_a_why_question_quotes_the_sentence_that_gives_the_cause_first(ner: EntityRecognizer) -> None:
    question = "Why did Mayor Ottilie Brennan close the harbour of Tromsvik?"
    text = (
        "Mayor Ottilie Brennan closed the harbour of Tromsvik on Monday, the council said. The harbour will stay "
        "closed for a week. Brennan closed the harbour because a storm had damaged the seawall."
    )
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert not answer.abstained
    assert "because a storm had damaged the seawall" in answer.citations[0].quote
    # the same sentences for a question that asks no cause: the one restating the event first, as before
    when = "When did Mayor Ottilie Brennan close the harbour of Tromsvik?"
    other = _answerer(ner).answer(Query(when), [text_hit(text, "a1", when)])
    assert "because" not in other.citations[0].quote


def test_a_why_question_quotes_the_cause_before_a_sentence_that_tells_its_result(ner: EntityRecognizer) -> None:
    text = (
        "Clashes broke out between groups in the Tromsvik region, and looting was reported. "
        "As a result, the Nordvik rescue team stopped its work in the Tromsvik region on Saturday."
    )
    answerer = _answerer(ner, min_answerability=0.0, article_text={"a1": text}.get)
    question = "Why did the Nordvik rescue team stop its work in the Tromsvik region?"
    hit = text_hit(text[text.index("As a result") :], "a1", question)
    hit = replace(hit, chunk=replace(hit.chunk, start=text.index("As a result"), end=len(text)))
    answer = answerer.answer(Query(question), [hit])
    assert answer.citations[0].quote.startswith("As a result"), answer.text
    assert any("looting was reported" in c.quote for c in answer.citations), answer.text
    from rag.answer import _AS_A_RESULT

    assert not _AS_A_RESULT.match("As a result of the storm, the ferry stopped.")  # gives its own cause
    assert not _AS_A_RESULT.match("Thus far, no one has been charged.")
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)  # exact spans in the article


def test_a_why_question_quotes_the_cause_the_next_sentence_gives(ner: EntityRecognizer) -> None:
    text = (
        "The Tromsvik council voted on Monday to close the harbour on weekends. That's because the seawall, damaged "
        "in a winter storm, can no longer hold back the spring tides. Repairs will start in May.\n\n"
        "The ferry to Vardholm sails as before."
    )
    answerer = _answerer(ner, min_answerability=0.0, article_text={"a1": text}.get)
    question = "Why did the Tromsvik council close the harbour on weekends?"
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    quotes = [c.quote for c in answer.citations]
    assert any(q.startswith("That's because the seawall") for q in quotes), answer.text
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)  # exact spans in the article
    # a question that asks no cause is not given it
    when = "When did the Tromsvik council close the harbour on weekends?"
    other = answerer.answer(Query(when), [text_hit(text, "a1", when)])
    assert all("because" not in c.quote for c in other.citations), other.text
    # a sentence that gives no cause is not added, however near
    plain = text.replace("That's because the seawall", "The seawall")
    answerer = _answerer(ner, min_answerability=0.0, article_text={"a1": plain}.get)
    answer = answerer.answer(Query(question), [text_hit(plain, "a1", question)])
    assert all("seawall" not in c.quote for c in answer.citations), answer.text
    assert states_reason("Citing concerns over the app's data collection, Lind said the ban protects the network.")
    # a terse paragraph of its own is told by the next sentence, whatever its words
    terse = (
        "Ann Vik first named her tea Nordvik.\n\nIt didn’t stick.\n\n"
        "“When I put Nordvik on the can, it looked like a ferry,” Vik told the Tromsvik Post. The tea sold well."
    )
    answerer = _answerer(ner, min_answerability=0.0, article_text={"a1": terse}.get)
    question = "why didnt ann vik stick with the name nordvik"
    answer = answerer.answer(Query(question), [text_hit(terse[38:54], "a1", question, start=38)])
    quotes = [c.quote for c in answer.citations]
    assert quotes[:1] == ["It didn’t stick."] and any("looked like a ferry" in q for q in quotes), answer.text
    assert all(terse[c.start : c.end] == c.quote for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        # a sum or an age asked by its noun, qualified or after "what is the"
        ("A new law could raise the minimum wage to which hourly amount?", "number"),
        ("What is the estimated cost of the damage caused by the floods?", "number"),
        ("Lars Vik celebrated a milestone birthday. What is his age?", "number"),
        ("What fine did the court impose?", "number"),
        ("What did the price cap do?", None),
        ("What costs are rising?", None),
        # a quiz's unfinished sentence, by the words before its colon
        ("The volcano erupted this week for the first time since:", "date"),
        ("He broke a 61-year-old record previously held by:", "person"),
        ("Ottilie Brennan released a new song this week, titled:", "name"),
        ("The streaming service relaunched this week as a service called…", "name"),
        ("After nobody won the lottery jackpot Tuesday, the top prize amount ballooned to:", "number"),
        ("The tallest living domestic cat is two years old. He measures:", "number"),
        ("He coached at all of these schools except:", None),
        ("Miami is the first No. 8 seed to advance this far since the:", None),
        ("Fireworks were cancelled because of:", None),
        # a measure by its noun
        ("what was the vertical leap of lars vik at the workout", "number"),
        ("What was the death toll of the storm?", "number"),
        ("What weight class does Lars Vik fight in?", None),  # a measure's noun as a modifier
        ("What was the toll on Lars Vik's body?", None),
    ],
)
def test_sums_ages_and_unfinished_sentences_ask_for_their_kind(question: str, asks: str | None) -> None:
    from rag.answerability import asked_type

    assert asked_type(question) == asks


def test_an_unfinished_since_asks_for_a_year_and_its_words_are_no_topic(ner: EntityRecognizer) -> None:
    question = "The Tromsvik volcano erupted this week for the first time since:"
    frame = frame_question(question, ner.analyse([question])[0])
    assert frame.asks == "date" and "sinc" not in frame.topic
    sentence = "The volcano erupted on Sunday for the first time since 1984, 38 years ago."
    assert _offered(ner, question, sentence) == ["1984"]
    cat = "Fenrir, a two-year-old cat from Michigan, measured 18.83 inches on Jan. 29, 2021."
    assert _offered(ner, "Fenrir is the tallest living domestic cat. He measures:", cat) == ["18.83 inches"]


def test_an_age_is_no_count_of_things(ner: EntityRecognizer) -> None:
    sentence = "Tromsvik Casinos, which owns 20 gaming properties, said its president Lars Vik died on Saturday."
    assert _offered(ner, "How old was Lars Vik when he died?", sentence) == []
    aged = "Tromsvik Casinos said its president Lars Vik, 61, died on Saturday."
    assert _offered(ner, "How old was Lars Vik when he died?", aged) == ["61"]


def test_words_of_taking_place_coming_comparing_and_the_asked_share_are_no_topic(ner: EntityRecognizer) -> None:
    for question, topic, none in (
        ("Where did the exchange of the prisoners take place?", "exchange prisoners", "take place"),
        ("What share of Tromsvik Bakery's sales comes from breakfast?", "sales breakfast", "share comes"),
        ("What did Lars Vik say about how today's crisis compares with the past?", "crisis", "compares"),
    ):
        frame = frame_question(question, ner.analyse([question])[0])
        assert set(key_terms(topic)) <= set(frame.topic), question
        assert not set(key_terms(none)) & set(frame.topic), question


def test_a_name_right_after_the_asked_noun_is_of_the_asked_kind(ner: EntityRecognizer) -> None:
    # the small model takes Chipotle for a person; the sentence calls it a chain
    sentence = "Fast-food chain Chipotle has committed to removing GMO ingredients from its menu."
    assert "Chipotle" in _offered(ner, "Which fast food chain said it would remove GMO ingredients?", sentence)
    # a title before a person is no name of the organisation asked for
    assert _offered(ner, "Which chain cut prices?", "The chain's founder Lars Vik cut prices.") == []


def test_a_relation_is_not_stated_by_a_sentence_placed_after_another_event(ner: EntityRecognizer) -> None:
    question = "What did Lars Vik do with the papers after he received them?"
    frame = frame_question(question, ner.analyse([question])[0])
    assert frame.relation == "after"
    assert not states_relation(frame, "After a similar stint as a neighbour on a sitcom, he made a guest appearance.")
    assert states_relation(frame, "After that, he burned the papers.")
    assert states_relation(frame, "After receiving them, he burned the papers.")


def test_the_day_after_a_dated_event_is_counted_from_that_day_within_its_story(ner: EntityRecognizer) -> None:
    listing = (
        "Aug. 12: The rock band Tromsvik Kings plays the fair's Grandstand. "
        "Aug. 13: Famed artist Lars Vik will make his debut appearance at the fair. "
        "Aug. 16: Tromsvik Kings returns to the Grandstand for a second show."
    )
    answerer = _answerer(ner, min_answerability=0.0, article_text=lambda article_id: listing)
    question = "What did Tromsvik Kings do the day after their Aug. 16 Grandstand show?"
    answer = answerer.answer(Query(question), [text_hit(listing, "a1", question)])
    assert answer.abstained  # Aug. 17 is named nowhere; Aug. 13 is the day after another show
    roundup = (
        "Worcester: A couple married Friday at the coffee shop where they met.\n"
        "Kansas\n"
        "Topeka: Health officials said Saturday a recall of pork products will be issued."
    )
    answerer = _answerer(ner, min_answerability=0.0, article_text=lambda article_id: roundup)
    question = "What did the couple do the day after they married at the coffee shop?"
    answer = answerer.answer(Query(question), [text_hit(roundup[:70], "a1", question)])
    assert answer.abstained  # Saturday is named in another story of the roundup
    # the event is the sentence most about it: not Monday's attack on two airfields, whose next day is the event's
    strikes = (
        "Drones attacked two airfields in Tromsvik on Monday. "
        "On Tuesday, a drone strike hit the Nordvik airfield, the governor said."
    )
    answerer = _answerer(ner, min_answerability=0.0, article_text=lambda article_id: strikes)
    question = "What happened the day after the Nordvik airfield drone strike?"
    answer = answerer.answer(Query(question), [text_hit(strikes, "a1", question)])
    assert answer.abstained  # Wednesday is named nowhere


def test_a_question_naming_a_year_is_answered_from_the_article_of_that_year(ner: EntityRecognizer) -> None:
    old = "Tromsvik Bank was named the best company to work for, for the sixth year in a row."
    new = "Fortune has released its list of the best companies to work for in 2023. Nordvik Air was named the top company."
    asked = "Which company was named the best company to work for in 2023?"
    hits = [
        replace(text_hit(old, "a1", asked), published=date(2017, 3, 9)),
        replace(text_hit(new, "a2", asked), published=date(2023, 4, 5)),
    ]
    answer = _answerer(ner, min_answerability=0.0).answer(Query(asked), hits)
    assert not answer.abstained and answer.citations[0].article_id == "a2", answer.text


def test_a_score_is_no_count_and_what_a_film_made_is_a_sum(ner: EntityRecognizer) -> None:
    sentence = "Tromsvik won its first title, beating Nordvik 2-1 at the stadium before 87,192 people."
    assert _offered(ner, "How many people were at the stadium for the final?", sentence) == ["87,192 people"]
    film = "The Tromsvik Story II took fourth place on the all-time list, with $255 million, ahead of Part 6."
    assert _offered(ner, "How much did The Tromsvik Story II make?", film) == ["$255 million"]


def test_a_count_or_an_age_given_to_another_person_is_not_the_asked_one(ner: EntityRecognizer) -> None:
    tally = "Lars Vik scored 29 points and Idris Okonkwo had 12 points in the final."
    assert _offered(ner, "How many points did Idris Okonkwo score?", tally) == ["12 points"]
    assert _offered(ner, "How many points did Lars Vik score?", tally) == ["29 points"]
    named = "Tromsvik were powered by Idris Okonkwo, who scored a Final Four record 41 points."
    assert _offered(ner, "How many points did Idris Okonkwo score?", named) == ["41 points"]  # no "Four ..."
    game = "Tromsvik rolled to a 102-85 win over Nordvik to claim the title."
    assert _offered(ner, "How many points did Idris Okonkwo score in the final?", game) == []
    # a name the small model misses, first in the sentence, and a sentence that never names the asked one
    other = "Vik scored 60 or more points six times in his career, where he dropped 60 against Nordvik."
    assert _offered(ner, "how many 50 point games did Okonkwo have in his career", other) == []
    agency = "The Nordvik and Tromsvik Harbour Safety Agency has 127 inspectors across the country."
    assert _offered(ner, "How many inspectors does THSA have?", agency) == ["127 inspectors"]  # no person's tally
    week = "In one of the most consequential weeks of the year, Okonkwo headlined a town hall."
    assert _offered(ner, "How many people came to Okonkwo's town hall?", week) == []  # a phrase, no count
    dozens = "Tromsvik Rockets is one of dozens of companies that plan to drop off satellites."
    assert "one" not in _offered(ner, "How many satellites was the Tromsvik rocket carrying?", dozens)
    fees = "The ferry has raked in $1 billion in revenue over 52 years."
    assert _offered(ner, "How much does the Tromsvik ferry app cost?", fees) == []  # a sum of revenue, no price
    assert _offered(ner, "How much revenue has the Tromsvik ferry made?", fees) == ["$1 billion"]
    moons = "In contrast though, Nordvik only has 26 additional moons."
    assert _offered(ner, "How many moons does Tromsvik have?", moons) == []  # another's tally, past "only"
    average = "Okonkwo averaged 14.1 points over four seasons, and scored 20 points per game in May."
    assert _offered(ner, "How many points did Idris Okonkwo score in the final?", average) == []  # rates
    assert _offered(ner, "How many points per game did Idris Okonkwo average?", average)[:1] == ["14.1 points"]
    planes = "Since Lars Vik sent two planes carrying migrants to Tromsvik, the move has dominated the news."
    assert "two planes carrying migrants" not in _offered(ner, "How many migrants were on the planes?", planes)
    assert _offered(ner, "How many tickets won?", "Two winning tickets were sold.") == ["Two winning tickets"]
    audience = "In 2022, an average of 99.18 million viewers watched the final."
    assert _offered(ner, "How many viewers watched the final?", audience) == ["99.18 million viewers"]  # a count
    clock = "Okonkwo scored 17 points in the final 8:16, leading Tromsvik to the title."
    assert "8:16" not in _offered(ner, "How many assists did Idris Okonkwo have?", clock)  # a time counts none
    headline = "Irene Cara, Oscar-winning singer and actress, dies at 63"
    assert _offered(ner, "How old was Ottilie Brennan when she died?", headline) == []
    assert _offered(ner, "How old was Irene Cara when she died?", headline) == ["63"]


def test_a_name_that_qualifies_the_next_one_is_not_the_organisation_asked(ner: EntityRecognizer) -> None:
    from rag.answerability import _qualifies_a_name

    sentence = "Nordvik parent Tromsvik Holdings reported earnings, and Apple and Google announced a deal."
    found = ner.analyse([sentence], tagged=False)[0].entities
    by_text = {e.text: e for e in found}
    assert _qualifies_a_name(sentence, by_text["Nordvik"], found)
    assert not _qualifies_a_name(sentence, by_text["Apple"], found)  # "and" joins two names
    player = "Medics performed CPR on Buffalo Bills safety Damar Hamlin on Monday night."
    assert _offered(ner, "Damar Hamlin is a member of which team?", player) == ["Buffalo Bills"]  # his team


def test_a_name_the_sentence_says_it_is_not_is_no_answer(ner: EntityRecognizer) -> None:
    sentence = "Posts have declared Lars Vik, not Idris Okonkwo, the first mayor of Tromsvik."
    assert _offered(ner, "Who was the first mayor of Tromsvik?", sentence) == ["Lars Vik"]
    rather = "The government chose Oslo rather than Bergen for the new harbour."
    assert _offered(ner, "Which city was chosen for the new harbour?", rather) == ["Oslo"]


def test_how_long_an_event_was_asks_for_a_length_of_time(ner: EntityRecognizer) -> None:
    sentence = "Ottilie Brennan threw for 89 yards, and the singer ended her 13-minute set at halftime."
    assert _offered(ner, "how long was the singer's halftime set on sunday", sentence) == ["13-minute"]
    snake = "The python was 18 feet long and weighed 215 pounds."
    assert "18 feet" in _offered(ner, "How long was the python?", snake)  # a thing's length


def test_a_date_of_the_event_denied_does_not_say_when_it_happened(ner: EntityRecognizer) -> None:
    denied = "Lars Vik pleaded not guilty on Tuesday to 34 counts of fraud."
    assert _offered(ner, "When did Ottilie Brennan plead guilty?", denied) == []
    assert _offered(ner, "When did Lars Vik plead not guilty?", denied) == ["Tuesday"]
    # the words after the negation too: "weren't on the menu" denies the menu
    menu = "But meatballs weren't on the menu when the cafe opened in 1953."
    assert _offered(ner, "When did the cafe first put meatballs on the menu?", menu) == []
    assert _offered(ner, "When did Lars Vik plead guilty?", "Lars Vik pleaded guilty on Tuesday.") == ["Tuesday"]


def test_a_time_of_day_an_exact_count_and_no_possessed_year_answer_what_they_ask(ner: EntityRecognizer) -> None:
    impact = "The spacecraft hit the asteroid on Monday at 7:14 p.m. ET, cheered by the mission team."
    assert _offered(ner, "What time did the spacecraft hit the asteroid?", impact) == ["7:14 p.m. ET"]
    cube = "Max Park solved the cube in 3.13 seconds on Sunday."
    assert _offered(ner, "Max Park solved the cube in what time?", cube) != []  # how long it took, no clock time
    extra = "Ottilie Brennan chose to forgo her extra year of eligibility."
    assert _offered(ner, "When did Ottilie Brennan say she was going pro?", extra) == []
    crowd = "Tens of thousands of rugby fans came to the stadium, and roughly half the fans came from abroad."
    assert _offered(ner, "Exactly how many fans came to the stadium?", crowd) == []
    assert _offered(ner, "How many fans came to the stadium?", crowd) != []
    told = "The Tromsvik Journal got 412 responses, about 300 fans among them."
    assert _offered(ner, "Exactly how many responses did the Tromsvik Journal get?", told) == ["412 responses"]


def test_a_kind_s_noun_before_a_person_s_asks_for_the_person(ner: EntityRecognizer) -> None:
    question = "Which Tromsvik State player hit the buzzer-beater against Nordvik?"
    frame = frame_question(question, ner.analyse([question])[0])
    assert frame.asks == "person"
    pilot = "what's the name of the pilot who shot down the balloon"
    assert frame_question(pilot, ner.analyse([pilot])[0]).asks == "person"
    relative = "Police searched for seven weeks, during which officers received how many reported sightings?"
    assert frame_question(relative, ner.analyse([relative])[0]).asks == "number"


def test_words_that_ask_for_a_name_or_a_sum_are_no_topic(ner: EntityRecognizer) -> None:
    gadget = "what's the radar gadget called that marshals use to see through walls"
    frame = frame_question(gadget, ner.analyse([gadget])[0])
    assert frame.asks == "name" and "call" not in frame.topic and "what" not in frame.topic
    assert {"radar", "gadget"} <= set(frame.topic)
    renamed = "Tromsvik said the ride would get a makeover. What was it going to be renamed?"
    frame = frame_question(renamed, ner.analyse([renamed])[0])
    assert frame.asks == "name" and not {"renam", "call"} & set(frame.topic)
    money = "How much money did Tromsvik pay Nordvik last year?"
    assert "money" not in frame_question(money, ner.analyse([money])[0]).topic
    assert key_terms("what's it's they're I'm Tromsvik's") == ["tromsvik"]  # a stop word's contraction is one
    now = "unrelated, but who is the oldest person in Tromsvik right now"
    assert set(frame_question(now, ner.analyse([now])[0]).topic) == {"oldest", "person"}


def test_a_curly_possessive_splits_two_names_and_keeps_its_text(ner: EntityRecognizer) -> None:
    question = "Novak Djokovic’s Australian Open victory brings his tally to how many?"
    frame = frame_question(question, ner.analyse([question])[0])
    assert {"Novak Djokovic", "Australian Open"} <= set(frame.names)
    cup = "which countries are hosting the 2026 World Cup?"
    assert frame_question(cup, ner.analyse([cup])[0]).names == ("World Cup",)  # the year is the years rule's
    sentence = "Inside Harvard University’s Blodgett Pool, Lia Thomas won the title."
    for ent in ner.analyse([sentence], tagged=False)[0].entities:
        assert sentence[ent.start : ent.end] == ent.text  # spans of the text as written, curly apostrophes kept


def test_a_number_joined_to_another_noun_measures_it_and_counts_nothing(ner: EntityRecognizer) -> None:
    piles = "The deal paid to install 52 concrete, 140,000-pound piles to anchor the tower to bedrock."
    assert _offered(ner, "How many piles were installed to anchor the tower?", piles) == ["52"]
    trip = "Ottilie Brennan went on a 10-day trip to Tromsvik."
    assert _offered(ner, "How many days was Ottilie Brennan's trip to Tromsvik?", trip) == ["10-day"]


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        # a kind found past the verb after "which <noun>" is not the kind asked: the noun's own is
        ("Which court put the student loan forgiveness program on hold?", "organisation"),
        ("At which property owned by former President Trump did the FBI search?", None),
        # ... past another word, the pattern's kind stands: "of", a noun the tagger cut off
        ("Which one of these people was not given the medal?", "person"),
        ("Which 23-time grand slam tennis champion is set to retire?", "person"),
        # a body named in small letters is an organisation; one inside a name is not what is asked
        ("Which court blocked the plan?", "organisation"),
        ("Which Supreme Court justice received criticism?", "person"),
        ("Which Supreme Court ruling did Biden describe as devastating?", None),
    ],
)
def test_the_kind_asked_is_read_within_the_noun_phrase_after_which(
    ner: EntityRecognizer, question: str, asks: str | None
) -> None:
    assert frame_question(question, ner.analyse([question])[0]).asks == asks


def test_a_sum_asked_for_each_unit_is_answered_by_a_sum_said_for_it(ner: EntityRecognizer) -> None:
    sentence = "The deal is worth nearly $25 billion, and Kroger will buy Albertsons for $34.10 a share."
    assert _offered(ner, "How much per share is Kroger paying?", sentence) == ["$34.10"]
    assert _offered(ner, "How much is Kroger paying?", sentence) == ["nearly $25 billion", "$34.10"]
    a_year_ago = "Kroger paid $25 billion for the chain a year ago."
    assert _offered(ner, "How much did Kroger pay for the chain a year ago?", a_year_ago) == ["$25 billion"]
    wage = "The union won a $15 per hour wage after a $2 million fund ran dry."
    assert _offered(ner, "How much will workers earn an hour?", wage) == ["$15"]


def test_of_names_of_the_kind_asked_in_a_sentence_the_one_that_calls_itself_so_is_offered(
    ner: EntityRecognizer,
) -> None:
    sentence = "Rodgers went on the Pat McAfee Show Wednesday and announced he would play for the New York Jets."
    assert _offered(ner, "On which show did Rodgers announce his plans?", sentence) == ["the Pat McAfee Show"]
    assert _offered(ner, "Which team will Rodgers play for?", sentence) == ["the New York Jets"]


def test_how_often_is_no_date(ner: EntityRecognizer) -> None:
    sentence = "More than 29 million phones vanish each year, according to Asurion."
    assert _offered(ner, "When did Logan Abbott lose his phone?", sentence) == []
    assert _offered(ner, "When did Logan Abbott lose his phone?", "Abbott lost it in London last year.") == [
        "last year"
    ]


def test_an_address_a_change_and_a_count_of_people_are_no_count_sum_or_age(ner: EntityRecognizer) -> None:
    address = "Go: Hot Rod's BBQ, 175 N. Main St., Tromsvik; 973-361-5050."
    assert _offered(ner, "how many seats does hot rods bbq in tromsvik have", address) == []
    assert _offered(ner, "How many copies has the memoir sold?", "She signs it at noon at 333 N. Oregon; free.") == []
    assert _offered(ner, "How many hospitals in St. Louis closed?", "The 12 St. Louis hospitals closed.") == ["12"]
    # a number dialled, a brand's number in a list
    assert _offered(ner, "How many calls did the line take?", "People can call 911 for emergencies.") == []
    young = "The vaccine is authorized for children as young as 5."
    assert _offered(ner, "How many Tromsvik advisers voted yes?", young) == []  # an age, no count
    squad = "The number of players named to the Tromsvik squad is put at 26."
    assert _offered(ner, "How many players are in the Tromsvik squad?", squad) == ["26"]  # a count, no age
    named = "In May, Pebbles the terrier was named the world's oldest living dog at 22."
    assert _offered(ner, "How many puppies did Pebbles have over her life?", named) == []  # an age at an event
    assert _offered(ner, "How many puppies did Pebbles have?", "Pebbles mothered 32 puppies.") == ["32 puppies"]
    # a number joined to the asked unit measures each of a thing the question does not ask about
    bag = "General Mills issued the recall after finding Salmonella in a five-pound bag product."
    assert _offered(ner, "How many pounds of flour did General Mills recall in total?", bag) == []
    assert _offered(ner, "How many pounds did the baby weigh?", "She gave birth to an 8-pound baby.") == ["8-pound"]
    blaze = "The 350,000-acre blaze is the state's largest this year."
    assert _offered(ner, "How many acres has the Tromsvik fire burned?", blaze) == ["350,000-acre"]  # no container
    codes = "The recall covers bags with Better If Used By Dates of 28MAR2024 and 27MAR2024."
    assert _offered(ner, "How many pounds of flour were recalled?", codes) == []  # codes, no count
    # a weight asked, not a sum
    funds = "The Tromsvik agency announced £2.9m of new funding for the reactor."
    assert _offered(ner, "how much power will the tromsvik reactor produce", funds) == []  # a measure, no sum ("m")
    ages = "The centre helps soldiers ages 22 to 55 suffering from stress."
    assert _offered(ner, "How many veterans does the Tromsvik centre help each year?", ages) == []  # ages
    raised = "Visit Tromsvik raised $75,000 for the bronze statue."
    assert _offered(ner, "How much does the Tromsvik statue weigh?", raised) == []
    assert _offered(ner, "How much did the Tromsvik statue cost?", raised) == ["$75,000"]
    brands = "They were sold under brand names including Kroger, Food Lion, Onions 52 and Majestic."
    assert _offered(ner, "How many people ended up in the hospital?", brands) == []
    study = "The claim traces back to a 2011 study, in which researchers analyzed 37 men with the disease."
    assert _offered(ner, "what was the age of the men in the tromsvik study", study) == []
    assert _offered(ner, "How old is Lars Vik?", "Lars Vik, 37, said he would stay.") == ["37"]
    viewers = "The game saw an increase of 10.6 million over last year's game. In all, 42.7 million people tuned in."
    assert _offered(ner, "How many people watched the game?", viewers) == ["42.7 million people"]
    jobs = "The economy saw an increase of 263,000 jobs in May."
    assert _offered(ner, "How many jobs did the economy add in May?", jobs) == ["263,000 jobs"]  # a change asked


def test_a_share_or_a_multiple_is_no_count(ner: EntityRecognizer) -> None:
    half = "“It broke my heart,” said Ann Vik, who is half Norwegian, half Swedish."
    assert _offered(ner, "How many grandchildren does Ann Vik have?", half) == []
    times = "The median home price was more than two-and-a-half times more than in 2010."
    assert _offered(ner, "How many people did the Tromsvik study survey?", times) == []
    assert _offered(ner, "How many people did the Tromsvik study survey?", "The study surveyed 2,000 people.") == [
        "2,000 people"
    ]
    assert _offered(ner, "How many times did the price double?", "The price doubled two times.") == ["two times"]


@pytest.mark.parametrize(
    ("question", "relation"),
    [
        ("Which SeaWorld ride closed on the same day Infinity Falls opened?", "same-day"),
        ("What exhibit did the library show right before the James Monroe exhibit?", "before"),
        ("Who spoke just after the mayor?", "after"),
        ("What did Biden say before leaving?", None),  # a bare "before" with another verb: no relation asked
        ("Which ride opened the same year?", None),
        # a span of weeks, months or years before or after an event
        ("Who did the Tromsvik Rovers sign a week after the Vik retirement news?", "after"),
        ("Which team did he join a few weeks after the trade?", "after"),
        ("What did the council build two years before the flood?", "before"),
        ("Who won the title two years after that?", None),  # "that" names no event
        # "the week after" an event, whatever the verb (not "the week after next")
        ("What did the Tromsvik panel get up to the week after its study kicked off?", "after"),
        ("Who did the Tromsvik Rovers sign the day before the deadline?", "before"),
        ("How many fans came the weekend after the Tromsvik final?", "after"),
        ("How many fans came the weekend after Easter?", None),  # a feast, no event
        ("How much is lost on the Monday after the Tromsvik Cup?", None),  # a weekday names a day of its own
        ("What did Lars Vik say the same day the council voted?", "same-day"),
        ("What did Lars Vik post the week after Christmas?", None),  # a feast, no event
        # the span of time told before the question word
        ("In the week before he announced his retirement, what was Lars Vik doing?", "before"),
        ("In the days after the storm, who came to help Tromsvik?", "after"),
        ("In the past week, what did Lars Vik do?", None),
    ],
)
def test_the_same_day_or_right_before_an_event_asks_a_relation_whatever_the_verb(
    ner: EntityRecognizer, question: str, relation: str | None
) -> None:
    assert frame_question(question, ner.analyse([question])[0]).relation == relation


def test_a_name_before_a_place_s_noun_is_no_person(ner: EntityRecognizer) -> None:
    sentence = "The assailant fled along the tracks but was intercepted minutes later at the Brouckere station."
    question = "What is the name of the man who pushed a woman onto the metro tracks?"
    assert all(name != "Brouckere" for name in _offered(ner, question, sentence))
    assert _offered(ner, "Who stopped the assailant?", "Officer Anna Brouckere stopped the assailant.") == [
        "Anna Brouckere"
    ]
    # an honour's noun too, inside the name or after it; not where the question asks whom it is named after
    question = "Tromsvik won the title at last. Who was named Finals MVP?"
    assert _offered(ner, question, "Not surprisingly, he won the Bill Russell trophy as the NBA Finals MVP.") == []
    assert _offered(ner, question, "Nikola Jokic won the Bill Russell Trophy.") == ["Nikola Jokic"]
    assert _offered(ner, "Who is the finals MVP trophy named after?", "The trophy is named after Lars Vik.") == [
        "Lars Vik"
    ]


def test_a_name_calls_itself_what_is_asked_by_its_own_noun_only(ner: EntityRecognizer) -> None:
    from rag.answerability import _calls_itself

    assert _calls_itself("the Pat McAfee Show", "show") and _calls_itself("University of Michigan", "university")
    assert not _calls_itself("the State University of New York", "state")
    assert not _calls_itself("the New York State Thruway", "state")
    sentence = "The average price of a gallon of regular stood at $3.54 nationwide, down from a $5.02 record."
    assert _offered(ner, "How much does a gallon of regular gas cost?", sentence) == ["$3.54"]


def test_a_namesake_may_share_the_name_asked_about(ner: EntityRecognizer) -> None:
    sentence = (
        "Commander Moonikin Campos' name is a nod to Arturo Campos, a NASA engineer who helped bring Apollo 13 home."
    )
    assert _offered(ner, "Who is Commander Moonikin Campos named after?", sentence) == ["Arturo Campos"]
    assert _offered(ner, "Who designed Commander Moonikin Campos?", sentence) == []  # a Campos is the question's own


def test_what_s_asks_as_what_is_does() -> None:
    from rag.answerability import asked_type

    assert asked_type("What's the price of a Big Mac in Switzerland?") == "number"
    assert asked_type("what's the fine for setting off fireworks") == asked_type("what is the fine for fireworks")


def test_a_venue_is_answered_by_the_name_the_small_model_calls_an_organisation(ner: EntityRecognizer) -> None:
    sentence = "Climate protesters threw soup over Van Gogh's Sunflowers in London's National Gallery on Friday."
    assert _offered(ner, "Activists threw soup at Sunflowers in which London gallery?", sentence) == [
        "National Gallery"
    ]


def test_a_number_joined_to_another_noun_counts_that_noun(ner: EntityRecognizer) -> None:
    from rag.answerability import other_counted

    def counted(question: str, sentence: str, number: str) -> tuple[str, str] | None:
        frame = frame_question(question, ner.analyse([question])[0])
        start = sentence.index(number)
        return other_counted(frame, sentence, Entity(number, "CARDINAL", start, start + len(number)))

    sentence = "The french toast sticks come as a four-piece or a six-piece combo."
    assert counted("How many calories are in the french toast sticks?", sentence, "six") == ("calories", "piece")
    assert counted("How many days did the trip last?", "It was a 10-day trip.", "10") is None


def test_a_change_of_risk_or_rate_is_answered_by_a_share(ner: EntityRecognizer) -> None:
    sentence = "Those who took 1,000 mg of fish oil cut their risk of autoimmune disease by 22%."
    assert _offered(ner, "How much did fish oil cut the risk of autoimmune disease?", sentence) == ["22%"]


def test_a_death_s_cause_is_asked_as_a_why_is() -> None:
    from rag.answerability import _REASON_ASKED, states_reason

    assert _REASON_ASKED.search("what did harper lee die of")
    assert _REASON_ASKED.search("How did the singer die?")
    assert not _REASON_ASKED.search("How did the singer spend his last day?")
    assert states_reason("She died of complications from a stroke.") > 0


def test_a_name_before_a_photo_agency_is_a_credit(ner: EntityRecognizer) -> None:
    (analysed,) = ner.analyse(["Shaun Botterill/Getty Images England celebrates their victory at Wembley."])
    assert "Shaun Botterill" not in [e.text for e in analysed.entities]


@pytest.mark.parametrize(
    ("question", "sentence", "denied"),
    [
        (
            "Why did Angel Reese accept Jill Biden's apology?",
            '"I don\'t accept that apology because she said what she said," Reese said.',
            "don't accept that apology because she said what she said",
        ),
        (
            "How did the rover survive the dust storm?",
            "The rover did not survive the storm, NASA said.",
            "did not survive the storm",
        ),
        # the noun asked for, done: "charges" by "was not ... charged"
        (
            "What charges was Lars Vik hit with after the ferry incident?",
            "Vik was not arrested or charged in connection with the incident, police said.",
            "was not arrested or charged in connection with the incident",
        ),
        # not a denial: the question is negative, the verb is done later, or the negation is of another clause
        ("What damage did the storm cause to the bridge?", "The storm did not damage the bridge itself.", None),
        ("Why didn't Reese accept the apology?", "I don't accept that apology.", None),
        ("When did the governor sign the bill?", "The governor did not sign the bill until Friday.", None),
        (
            "When did Ukraine celebrate its independence?",
            "Ukraine declared independence in 1991, though many won't be celebrating much.",
            None,
        ),
        # the question asks who did it: that others didn't denies nothing
        (
            "Which state was the first to recognize Juneteenth as a holiday?",
            "Two states still don't recognize Juneteenth as a holiday.",
            None,
        ),
        ("Which city has seen protests this week?", "Leicester has not seen such protests in years.", None),
        # the question supposes: "if someone hits" takes no win for granted
        (
            "If someone hits Wednesday's Lotto jackpot and takes the lump sum, how much do they get?",
            "The jackpot has not been hit since someone in Tromsvik won in June.",
            None,
        ),
        # the question's verb is passive or a participle: the sentence's active one has another subject
        (
            "A surge of migrants at the border is expected next week. What is the policy called?",
            "Biden does not expect Mexico to match the troops at the border.",
            None,
        ),
        # the question reports a claim: the claim is not its premise
        (
            "What did the historian say about the claim that armed citizens kept Tromsvik from invading the island?",
            "The claim: Tromsvik didn't invade the island because it feared armed citizens",
            None,
        ),
        # a relative clause picks out whom it speaks of
        (
            "How much relief will borrowers receive under the plan?",
            "Borrowers who earn less than $125,000 a year but did not receive Pell Grants get $10,000 of relief.",
            None,
        ),
    ],
)
def test_a_quote_that_denies_the_question_s_premise(
    ner: EntityRecognizer, question: str, sentence: str, denied: str | None
) -> None:
    from rag.answerability import denied_premise

    found = denied_premise(_framed(ner, question), sentence)
    assert (found is None) if denied is None else (found is not None and found.startswith(denied))


@pytest.mark.parametrize(
    ("question", "sentence", "swapped"),
    [
        (
            "how did casper ruud beat djokovic in the french open final",
            "Djokovic did it by beating Casper Ruud 7-6 (1), 6-3, 7-5 in the French Open final on Sunday.",
            True,
        ),
        (
            "how did the eagles come back to beat the chiefs in the super bowl",
            "The Kansas City Chiefs overcame a 10-point deficit to defeat the Philadelphia Eagles 38-35.",
            True,
        ),
        ("How did Djokovic beat Ruud in the final?", "Djokovic beat Casper Ruud in straight sets.", False),
        # a first name both share tells neither
        (
            "how much did michael van gerwen win for beating michael smith in the world darts final",
            "Michael Smith beat Michael van Gerwen 7-4 in the final.",
            True,
        ),
        ("how did michael smith beat michael van gerwen", "Michael Smith beat Michael van Gerwen 7-4.", False),
        # the passive read too: the loser first, the winner after "by" (its score between)
        ("How did Ruud beat Djokovic?", "Ruud was beaten by Djokovic in straight sets.", True),
        ("How did Ruud beat Djokovic?", "Djokovic was beaten 3-0 by Ruud in Paris.", False),
        (
            "PSG beat Rennes 2-0 on Sunday. Who scored PSG's goals?",
            "Paris Saint-Germain was beaten 2-0 by Rennes.",
            True,
        ),
        ("How did Ruud beat Djokovic?", "Ruud could be beaten by Djokovic in the final.", False),
        # a verb of losing, in the question or the sentence, and past "No. 1" (no full stop)
        ("why did the top seeded tromsvik lose to the nordvik rovers", "The No. 1 Rovers fell to Tromsvik 2-1.", True),
        ("How did Tromsvik lose to Nordvik?", "Tromsvik lost to Nordvik on penalties.", False),
        ("How did Tromsvik beat Nordvik?", "The No. 8 seed Tromsvik suffered a loss to Nordvik.", True),
        ("Which team did Texas beat?", "Texas beat the Texas A&M Aggies 38-10.", False),
        # a win told as a noun, and a sentence whose loss comes in a clause of its own after the subject
        (
            "I missed the end of Game 5. How did the Rovers pull out the overtime win against Nordvik?",
            "The Rovers’ season fizzled, ending with a series loss to the eighth-seeded Nordvik, 128-126.",
            True,
        ),
        (
            "How did Nordvik pull out the overtime win against the Rovers?",
            "The Rovers lost to Nordvik, 128-126.",
            False,
        ),
        # a verb of winning made passive puts the winner after it
        ("why did tromsvik get knocked out by nordvik", "Tromsvik bowed out with a 128-126 loss to Nordvik.", False),
        # the team told by its city, which the article writes before its name
        (
            "Why did the Rovers lose to Nordvik on Saturday?",
            "The Tromsvik Rovers set a record. Tromsvik rallied from a two-goal deficit to beat Nordvik 3-2.",
            True,
        ),
        # a team's short name ("Cavs" for the Cavaliers)
        (
            "Why did the Rovs lose to Nordvik?",
            "The Tromsvik Rovers rallied from 21 down to beat Nordvik 145-134 on Monday.",
            True,
        ),
        # two teams of one city: the city tells neither
        ("Why did the Rangers beat the Islanders?", "The New York Rangers beat the New York Islanders 3-2.", False),
        (
            "Why did the Rovers beat Nordvik on Saturday?",
            "The Tromsvik Rovers set a record. Tromsvik rallied from a two-goal deficit to beat Nordvik 3-2.",
            False,
        ),
        ("how did nordvik get knocked out by tromsvik", "Tromsvik bowed out with a 128-126 loss to Nordvik.", True),
        # the loss told as an owner's noun ("the Rovers' overtime loss to Nordvik"); a defeat told "by" its winner, and
        # a win only expected, are no result the other way
        (
            "How many goals did Ivo Strand score in the Rovers' overtime loss to Nordvik?",
            "Ivo Strand scored three goals as the Tromsvik Rovers rallied to beat Nordvik 4-3 in overtime.",
            True,
        ),
        (
            "Which paper called the Rovers' loss to Nordvik the biggest upset?",
            "The Rovers’ 2-1 defeat by Nordvik is the biggest upset in the league's history.",
            False,
        ),
        ("Why did the Rovers lose to Nordvik?", "Pundits expected the Rovers to sweep aside Nordvik.", False),
        ("How did Nordvik beat the Rovers?", "The Rovers needed a late penalty to beat Nordvik 3-1.", True),
    ],
)
def test_a_quote_that_tells_the_contest_the_other_way_round(
    ner: EntityRecognizer, question: str, sentence: str, swapped: bool
) -> None:
    from rag.answerability import swapped_result

    found = swapped_result(_framed(ner, question), sentence)
    assert (found is not None) == swapped


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("How many points did Caitlin Clark score?", "Jasmine Carson scored 22 points in the final."),
        # past a clause about the other player, and where the recogniser takes the asked name for no person
        (
            "how many points did mackenzie holmes score in the first round win",
            "Lilly Meister, who notched her first career start with Mackenzie Holmes limited, has 7 points.",
        ),
    ],
)
def test_another_player_s_tally_does_not_answer_how_many(ner: EntityRecognizer, question: str, sentence: str) -> None:
    from rag.answerability import _counted_for_another

    frame = frame_question(question, ner.analyse([question])[0])
    (analysed,) = ner.analyse([sentence], tagged=False)
    number = next(e for e in analysed.entities if e.text[0].isdigit())
    assert _counted_for_another(frame, sentence, number, analysed)
    own = sentence.replace("Jasmine Carson", "Caitlin Clark").replace("Lilly Meister", "Mackenzie Holmes")
    (analysed,) = ner.analyse([own], tagged=False)
    number = next(e for e in analysed.entities if e.text[0].isdigit())
    assert not _counted_for_another(frame, own, number, analysed)


@pytest.mark.parametrize(
    ("question", "sentence", "denies"),
    [
        (
            "Which politician announced this week that she's running for president in 2024?",
            "“I am announcing today I will not run for reelection in 2024,” Ann Vik said in a statement Tuesday.",
            True,
        ),
        ("Who signed the bill?", "The governor did not sign the bill.", True),
        ("Who signed the bill?", "The governor signed the bill.", False),
        ("Who won the 2023 Tromsvik Open?", "Ann Vik won the Tromsvik Open, a title Lars Berg has never won.", False),
        ("Which tennis star won't play at the US Open?", "Ann Vik will not play at the US Open.", False),  # asked
        ("Who signed the bill?", "Those who did not sign the bill left.", False),  # a relative clause
        ("Why did the governor sign the bill?", "The governor did not sign the bill.", False),  # no doer asked
    ],
)
def test_a_sentence_that_has_no_one_do_the_act_offers_no_doer(
    ner: EntityRecognizer, question: str, sentence: str, denies: bool
) -> None:
    from rag.answerability import denies_asked_act

    assert denies_asked_act(_framed(ner, question), sentence) == denies


def test_a_place_after_a_post_and_from_is_the_person_s(ner: EntityRecognizer) -> None:
    question = "Where is the committee meeting this week to take up the resolution?"
    sentence = "Ann Vik, the committeeman from Ohio, said the resolution meets in Vardholm this week."
    assert _offered(ner, question, sentence) == ["Vardholm"]
    assert _offered(ner, "Where is the committeeman from?", sentence) == ["Ohio", "Vardholm"]
    # ... or when the question speaks of them
    authors = "The study's authors from Tromsvik Harbour Hospital followed 4.5 million people."
    assert _offered(ner, "Which hospital were the authors of the study from?", authors) == ["Tromsvik Harbour Hospital"]


def test_the_whole_a_share_is_of_does_not_count_the_share(ner: EntityRecognizer) -> None:
    sentence = "Tromsvik Inc. announced plans to lay off some 20% of its more than 6,400 global employees."
    assert _offered(ner, "How many people is Tromsvik Inc. laying off?", sentence) == []
    assert _offered(ner, "How many employees is Tromsvik Inc. laying off?", sentence) == []
    assert _offered(ner, "How many employees does Tromsvik Inc. have?", sentence) == ["6,400 global employees"]
    assert _offered(ner, "How many people is Tromsvik Inc. laying off?", "It cuts 1,200 jobs.") == ["1,200"]


def test_a_number_in_a_name_s_word_counts_nothing(ner: EntityRecognizer) -> None:
    question = "How many Covid cases did Tromsvik report on the day the quarantine rule ended?"
    assert _offered(ner, question, "Tromsvik still keeps a strict zero-Covid policy.") == []
    assert _offered(ner, question, "Tromsvik reported 5,000 cases that day.") == ["5,000 cases"]


def test_the_names_of_a_couple_ask_for_people(ner: EntityRecognizer) -> None:
    assert _framed(ner, "What were the names of the couple killed by the landslide?").asks == "person"
    assert _framed(ner, "What were the names of the two hikers?").asks == "person"


def test_a_quote_that_denies_the_premise_is_no_answer(ner: EntityRecognizer) -> None:
    text = (
        "Mayor Ottilie Brennan said the wall would protect 3,100 homes. She did not sign a petition against it that "
        "harbour traders started."
    )
    question = "Why did Mayor Ottilie Brennan sign the petition against the seawall?"
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.abstained and "did not sign a petition against it" in answer.note
    question = "How did Grete Solberg beat Idris Okonkwo in the final round?"
    text = "Okonkwo beat the defending champion, Grete Solberg, in the final round after a five-hour game."
    answer = _answerer(ner).answer(Query(question), [text_hit(text, "a2", question)])
    assert answer.abstained and "Okonkwo beat the defending champion" in answer.note


def test_a_death_s_cause_asked_is_answered_only_by_a_quote_that_gives_one(ner: EntityRecognizer) -> None:
    question = "what did harper lee die of"
    told = "Harper Lee, the author of To Kill a Mockingbird, died of a stroke on Friday at age 89."
    untold = "Harper Lee, the author of To Kill a Mockingbird, died on Friday at age 89, her publisher said."
    assert not _answerer(ner).answer(Query(question), [text_hit(told, "a1", question)]).abstained
    answer = _answerer(ner).answer(Query(question), [text_hit(untold, "a1", question)])
    assert answer.abstained and answer.note == "The articles found don't say what caused the death."


def test_a_quote_of_another_calendar_day_does_not_tell_of_the_asked_one() -> None:
    from rag.answerability import other_day

    question = "What were the winning Lotto numbers in the Jan. 5 drawing?"
    quote = "The Lotto numbers drawn on Monday, Jan. 3, were 2, 13 and 32."
    assert other_day(question, quote, quote, date(2022, 1, 4)) == "Jan. 5"
    assert other_day(question, quote, quote + " The next drawing is Jan. 5.", date(2022, 1, 4)) is None
    assert other_day(question, quote, quote, date(2022, 1, 6)) is None  # published the day after: it may tell of it
    assert other_day(question, "The numbers were 2, 13 and 32.", "", date(2022, 1, 4)) is None  # no day told


@pytest.mark.parametrize(
    ("question", "sentence", "reversed_"),
    [
        ("Why did Tromsvik's ferry fares climb back above $5?", "Ferry fares dropped for a second week, to $4.", True),
        ("How much did Nordvik egg prices fall?", "Egg prices jumped 20% in May.", True),
        # "up from", "down from" after a comma: the sentence's subject changed
        (
            "Why did ferry fares fall below $5 in May?",
            "The average ferry fare was $5.40 in the week ending May 20, up from $5.20 the week before.",
            True,
        ),
        ("Why did ferry fares fall below $5?", "Ferry fares fell to $4.90, down from $5.20.", False),
        # not told the other way: the subject's change is denied, told both ways, or another's
        ("Why did egg prices rise?", "Egg prices did not fall this year.", False),
        ("Why did egg prices rise?", "Egg prices fell 5% in May, though they rose over the year.", False),
        ("Why did podcasts drop?", "Listen to the podcast: death toll rises to 5,000.", False),
        ("Did egg prices rise or fall?", "Egg prices fell.", False),
        # the question proper's change, not its scene's; a market's move told as "opened ... higher"
        (
            "Ferry fares keep climbing. Why did Nordvik tickets see the biggest price jump?",
            "The biggest decline was in Nordvik ticket prices, which dropped 6.1%.",
            True,
        ),
        (
            "Why did Tromsvik Ferries' stock fall on Monday?",
            "(After reports of the cuts, Tromsvik Ferries’ stock opened more than 5% higher on Monday morning.)",
            True,
        ),
        (
            "Why did Tromsvik Ferries' stock fall on Monday?",
            "Tromsvik Ferries' stock closed 5% lower on Monday.",
            False,
        ),
        (
            "Why did Tromsvik Ferries' stock fall on Monday?",
            "Tromsvik Ferries' stock opened 2% higher on Monday but closed down 4%.",
            False,
        ),
        ("Tromsvik Ferries' stock fell sharply on Monday. Why?", "Tromsvik Ferries' stock rose 3% on Monday.", True),
        # an economy that grew where the question has it shrink, and the reverse (not "grow up")
        (
            "Why did the Nordvik economy shrink in the third quarter?",
            "The Nordvik economy grew much faster than expected in the third quarter.",
            True,
        ),
        ("Why did ferry traffic grow in May?", "Ferry traffic shrank by a third in May.", True),
        ("Why did ferry traffic grow in May?", "Ferry traffic grew by a third in May.", False),
        ("Where did Lars Vik grow up?", "Lars Vik's ferry traffic fell in May.", False),
        ("Rising egg prices: why?", "Egg prices fell 5% in May.", False),  # no subject before the verb
        # "grew worried" is no rise
        ("Why did Nordvik Bank's stock drop?", "Nordvik Bank shares slumped after investors grew worried.", False),
    ],
)
def test_a_change_told_the_other_way_denies_the_premise(
    ner: EntityRecognizer, question: str, sentence: str, reversed_: bool
) -> None:
    from rag.answerability import reversed_change

    found = reversed_change(_framed(ner, question), sentence)
    assert (found is not None) == reversed_


@pytest.mark.parametrize(
    ("question", "article", "told"),
    [
        (
            "How did Greta Halvorsen celebrate winning Sunday's slalom in Tromsvik?",
            "Greta Halvorsen crashed early. Anja Moller, Halvorsen’s teammate, won Sunday’s slalom in 52 seconds.",
            "Anja Moller, Halvorsen’s teammate, won Sunday’s slalom in 52 seconds",
        ),
        (
            "what did ivo brask say after winning the song contest",
            "Singer Tilde Aune won the song contest with a ballad. Ivo Brask finished second.",
            "Singer Tilde Aune won the song contest with a ballad",
        ),
        # the prize in a word, in an article that names the contest; the question's name losing it
        (
            "By how many seconds did Greta Halvorsen win the Tromsvik slalom?",
            "The Tromsvik slalom ended in the dark. Anja Moller earned the victory, a second ahead of Halvorsen.",
            "Anja Moller earned the victory, a second ahead of Halvorsen",
        ),
        (
            "what was the final score when the Rockets won the Harbour Cup",
            "The Harbour Cup final was played on Sunday. The Rockets had pulled off upset after upset to reach the "
            "final, but fell to the deep Knights.",
            "The Rockets had pulled off upset after upset to reach the final, but fell to the deep Knights",
        ),
        ("When did the Rockets win the Harbour Cup?", "The Knights beat them. The Rockets fell to the Knights.", None),
        # not a fall to a number, nor a loss in one game of it, nor the prize of another contest
        (
            "Why did Lars Vik win the Harbour Cup?",
            "The Harbour Cup final was on Sunday. Lars Vik's approval fell to 40% in May.",
            None,
        ),
        (
            "How did the Rockets win the Harbour Cup?",
            "The Harbour Cup was decided on Sunday. The Rockets fell to the Knights in Game 4.",
            None,
        ),
        (
            "By how many seconds did Greta Halvorsen win the Tromsvik slalom?",
            "The Tromsvik slalom ended in the dark. Anja Moller secured the title at last year's Nordvik Open.",
            None,
        ),
        # the question's name won something too: told as a verb of winning just after the name
        (
            "How did Greta Halvorsen celebrate winning Sunday's slalom?",
            "Anja Moller won Sunday’s slalom last year. Halvorsen has won it twice since.",
            None,
        ),
        # not a winner: "Halvorsen, who holds the record of 12 wins" counts past wins, not this one
        (
            "How did Greta Halvorsen celebrate winning Sunday's slalom?",
            "Halvorsen, who holds the record of 12 wins in Tromsvik, fell. Anja Moller won Sunday’s slalom.",
            "Anja Moller won Sunday’s slalom",
        ),
        # the question asks who won, or the name is no winner ("a defeat by"), or "winning" is an adjective
        ("Which skier won Sunday's slalom?", "Anja Moller won Sunday’s slalom.", None),
        (
            "Which team suffered a 7-0 defeat by Tromsvik a week after winning the cup?",
            "Tromsvik have already won the cup. Nordby won the league.",
            None,
        ),
        ("Why did the Halvorsen winning ticket take long to claim?", "Anja Moller won the ticket draw.", None),
        # a sentence's first word is no name where the article writes it in small letters
        (
            "how much did anja moller get for winning the title",
            "Even if I won a second title, it will never top this. It was even better than I thought.",
            None,
        ),
    ],
)
def test_another_winner_told_denies_the_premise(
    ner: EntityRecognizer, question: str, article: str, told: str | None
) -> None:
    from rag.answerability import other_winner

    assert other_winner(_framed(ner, question), article) == told


def test_the_asker_s_own_scene_is_not_missed(ner: EntityRecognizer) -> None:
    from rag.answerability import chatter

    scene = "We're driving through Tromsvik this weekend and the kids are begging for ice cream. Where is the new shop?"
    assert {"drive", "kid", "beg", "weekend"} <= chatter(scene)
    assert "shop" not in chatter(scene)  # the sentence that asks
    # a news story's scene is no chatter, nor the numeral of "Artemis I"
    assert chatter("NASA launched Artemis I on Wednesday. Where is the spacecraft headed?") == frozenset()
    assert chatter("Then I saw the game. Who won?") == {"saw", "game"}
    # an "I" that goes without saying
    assert chatter("Just saw the pictures from Tromsvik. Why did the overpass collapse?") == {
        "saw",
        "pictur",
        "tromsvik",
    }
    assert chatter("Stayed up for the semis last night. Who won?") >= {"semi", "night"}
    assert chatter("Planning a trip to Tromsvik this spring. When does the ferry run?") >= {"trip", "spring"}
    # "Been ..." opens no news sentence: an "I've" left out
    assert chatter("Been stuck at home since Tromsvik closed the pools. When do the pools reopen?") >= {"stuck", "home"}
    assert chatter("Been 40 years since the Tromsvik ferry sank. When was it raised?") == frozenset()
    assert chatter("Heading into the playoffs, the Tromsvik Rovers lost. Who won?") == frozenset()  # a news scene
    assert "happen" not in _framed(ner, "Where did the Tromsvik ferry fire happen?").topic  # no word of a topic
    # a setting taken as given, in a clause
    assert chatter("What's Lars Vik saying now that Ann Berg has quit?") >= {"quit"}
    assert "say" not in chatter("What's Lars Vik saying now that Ann Berg has quit?")
    assert chatter("Crews saw the pictures from Tromsvik. Why did the overpass collapse?") == frozenset()
    assert chatter("Following the launch, Tromsvik lost the capsule. When did it land?") == frozenset()
    text = "The new Tromsvik ice cream shop opened on Harbour Street on Friday."
    draft = _answerer(ner).draft(Query(scene), [text_hit(text, "a1", scene)])
    assert draft.assessment is not None and draft.assessment.features["topic_article"] == 1.0
    told = "Crews are driving through Tromsvik this weekend. Where is the new shop?"  # a story's: its words count
    draft = _answerer(ner).draft(Query(told), [text_hit(text, "a1", told)])
    assert draft.assessment is not None and draft.assessment.features["topic_article"] < 1.0


@pytest.mark.parametrize(
    ("question", "article", "told"),
    [
        (
            "how much did Nordvik TV agree to pay Tromsvik Ferries in the settlement",
            "Harbour News had just agreed to a settlement with Tromsvik Ferries for $7 million. Nordvik TV declined.",
            "Harbour News had just agreed to a settlement with Tromsvik Ferries for $7 million",
        ),
        (
            "Why did Greta Halvorsen leave the Tromsvik Comets?",
            "It would be a surprise if Ottilie Brennan left Tromsvik next season.",
            "It would be a surprise if Ottilie Brennan left Tromsvik next season",
        ),
        # the subject before a clause that describes it
        (
            "Why did Lars Vik pay for the Tromsvik repairs?",
            "Northfold Railways, which owns the line, paid for the repairs. Lars Vik rebuilt the track.",
            "Northfold Railways, which owns the line, paid for the repairs",
        ),
        # the question's doer beside a form of the verb anywhere in the article: the premise may hold
        (
            "Why did Lars Vik resign from the council?",
            "Anja Moller resigns from the council, after Lars Vik. 'I am resigning today,' Vik wrote.",
            None,
        ),
        # a plural noun after the name: no verb of the name's ("did US employers add")
        ("How many jobs did Nordvik employers add in May?", "Tromsvik employers added 3,000 jobs in May.", None),
        ("Why didn't Lars Vik resign from the council?", "Anja Moller resigned from the council.", None),
        # a light verb with its particle; the question's doer named beside another's act, or doing it with another
        # number, is no sign that the premise holds
        (
            "Why did the Tromsvik Council take back more than 600 boats from the harbour in Nordvik?",
            "In three years, Ostvik has taken back more than 600 boats, according to the Tromsvik Council's envoy. "
            "The Tromsvik Council took back 39 boats.",
            "In three years, Ostvik has taken back more than 600 boats, according to the Tromsvik Council's envoy",
        ),
        (
            "Why did the Tromsvik Council take back more than 600 boats from the harbour in Nordvik?",
            "Ostvik has taken back 200 boats. The Tromsvik Council took back more than 600 boats in May.",
            None,
        ),
        ("Why did the Tromsvik Council take the boats?", "Ostvik has taken the boats.", None),  # a light verb alone
        # a number near the asked one, a particle after the object, the doer telling of its own act
        (
            "Why did Tromsvik Pharma recall 4 million pills?",
            "Tromsvik Pharma recalled about 4.2 million pills in May. Nordvik Drugs recalled 2 million pills in 2019.",
            None,
        ),
        (
            "Why did Tromsvik take back 600 boats?",
            "Tromsvik took the 600 boats back in May. Nordvik took back 300 boats.",
            None,
        ),
        ("Why did Tromsvik take back 600 boats?", "The harbour town has taken back 600 boats, Tromsvik said.", None),
        # a number of the question's scene is none of its object's; the question's doer is no other doer
        (
            "Tromsvik became the 31st member of the league this week. Which country does Tromsvik share a border with?",
            "Tromsvik shares an 832-mile border with Nordvik.",
            None,
        ),
        # the question's doer before the verb, past a long clause of other names, is its subject
        (
            "Why did Lars Vik announce his plans on the Harbour Show?",
            "After weeks of talk, Lars Vik went on the Nordvik Harbour Show Wednesday and announced his plans.",
            None,
        ),
    ],
)
def test_another_doer_told_denies_the_premise(
    ner: EntityRecognizer, question: str, article: str, told: str | None
) -> None:
    from rag.answerability import other_doer

    assert other_doer(_framed(ner, question), article) == told


_HIRED = (
    "Tromsvik Cinemas said in a statement that Ann Vik will start on Friday as its vice president of growth. "
    "Tromsvik Cinemas hired Vik to sell its popcorn in grocery stores."
)


@pytest.mark.parametrize(
    ("question", "article", "told"),
    [
        (
            "Just read Tromsvik Cinemas is selling popcorn. Why did they fire Ann Vik?",
            _HIRED,
            "Tromsvik Cinemas hired Vik to sell its popcorn in grocery stores",
        ),
        ("Why did Tromsvik Cinemas hire Ann Vik?", _HIRED, None),  # the act as told
        ("Why did they fire Ann Vik?", _HIRED + " Two months later they fired Vik.", None),  # the act written too
        ("Who did Tromsvik Cinemas fire?", _HIRED, None),  # a name asked: not a premise of why or how
        ("Why didn't Tromsvik Cinemas fire Ann Vik?", _HIRED, None),  # a negative question
        ("Why did Lars Berg fire the coach?", _HIRED, None),  # none of its names beside the other verb
        # the other verb not done to what the question's is: hikes stop, not rates
        ("Why did the Tromsvik bank keep rates unchanged?", "Tromsvik bank officials said hikes could stop.", None),
        (  # the doer's act, not another name's ("to keep using the platform" is Nordvik Radio's)
            "Why did Tromsvik TV keep tweeting after Nordvik Radio left?",
            "Tromsvik TV said it has also stopped tweeting from its main account. "
            "Nordvik Radio journalists can decide if they want to keep using the platform.",
            "Tromsvik TV said it has also stopped tweeting from its main account",
        ),
        # a verb of two words
        (
            "Why did Lars Vik turn down the mayor's invitation to speak on May 1?",
            "Lars Vik has accepted the mayor's invitation to speak on May 1.",
            "Lars Vik has accepted the mayor's invitation to speak on May 1",
        ),
        (
            "Why did Lars Vik turn down the mayor's invitation?",
            "Lars Vik accepted the mayor's invitation. Later, Vik turned it down.",
            None,
        ),
        # "reject" undone, past a headline that has another subject reject something else (and "Tromsvik" is no
        # "miss", nor "missile")
        (
            "Why did Missouri voters reject legal marijuana?",
            "Missouri legalizes weed, Kentucky rejects abortion amendment\n"
            "Voters in Maryland and Missouri approved legalizing recreational marijuana.",
            "Voters in Maryland and Missouri approved legalizing recreational marijuana",
        ),
        (
            "Why did Missouri voters reject legal marijuana?",
            "Missouri voters rejected legal marijuana in 2018. Voters in Missouri approved legalizing it now.",
            None,
        ),
        (  # a loss asked, a win told
            "Why did South Carolina lose in the SEC tournament?",
            "On March 5, South Carolina won its seventh SEC Tournament championship.",
            "On March 5, South Carolina won its seventh SEC Tournament championship",
        ),
        (
            "Why did South Carolina lose in the SEC tournament?",
            "South Carolina won the SEC Tournament in 2022. South Carolina lost in the SEC tournament final this year.",
            None,
        ),
        (  # a sentence's commas list names (only a headline's parts have subjects of their own)
            "Why did Missouri voters reject legal marijuana?",
            "Voters in Missouri, Arkansas and North Dakota rejected legal marijuana in 2018. "
            "Missouri voters approved legalizing marijuana now.",
            None,
        ),
        # a negative question but for its own verb: refusing is no premise an act undoes
        ("Why did Tromsvik TV decline to renew the show?", "Tromsvik TV canceled the show after two seasons.", None),
        ("Why did the Tromsvik council refuse to approve the bill?", "The Tromsvik council rejected the bill.", None),
        # a chance to do something turned down, where the article has it done
        (
            "why did lars vik turn down the chance to host the Tromsvik Awards",
            "Lars Vik will be the new host of the Tromsvik Awards, the organisers said.",
            "Lars Vik will be the new host of the Tromsvik Awards, the organisers said",
        ),
        (
            "Why did Lars Vik turn down the chance to host the Tromsvik Awards?",
            "Lars Vik will be the new host of the Nordvik Gala, the organisers said.",
            None,
        ),
        # "also": the act done to something else is no sign the premise holds
        (
            "Why is Lars Vik also stepping down as chairman of the Tromsvik board?",
            "Lars Vik is stepping down as host of the Tromsvik Show. "
            "Lars Vik will be continuing to work as chairman of the Tromsvik board.",
            "Lars Vik will be continuing to work as chairman of the Tromsvik board",
        ),
        (
            "Why is Lars Vik also stepping down as chairman of the Tromsvik board?",
            "Lars Vik is stepping down as host and as chairman of the Tromsvik board. "
            "Lars Vik will be continuing to work as chairman of the Tromsvik board until May.",
            None,
        ),
        # a place in a contest asked, a win told (not the place told of another contest)
        (
            "how did the tromsvik rovers react to finishing second behind nordvik at the harbour cup",
            "The Tromsvik Rovers finished second in the spring league. The Tromsvik Rovers have won the Harbour Cup.",
            "The Tromsvik Rovers have won the Harbour Cup",
        ),
        (
            "how did the tromsvik rovers react to finishing second behind nordvik at the harbour cup",
            "The Tromsvik Rovers finished second at the Harbour Cup. The Tromsvik Rovers won the Harbour Cup in 2019.",
            None,
        ),
        # a red carpet skipped, one walked
        (
            "Why did Ann Vik skip the red carpet at the Tromsvik Awards?",
            "Ann Vik debuts her new film at the Tromsvik Awards\nThe actor, 42, posed on the red carpet on Sunday.",
            "Ann Vik debuts her new film at the Tromsvik Awards",
        ),
        # a bill vetoed, one signed; a man defended, one blamed
        (
            "why did ann vik veto the bill to take the flag off the tromsvik statehouse",
            "In 2015 Ann Vik signed a bill ordering the removal of the flag from the Tromsvik statehouse.",
            "In 2015 Ann Vik signed a bill ordering the removal of the flag from the Tromsvik statehouse",
        ),
        (
            "Why did Lars Vik defend General Moller after the retreat?",
            "Writing on Telegram, Lars Vik blamed General Moller for the retreat.",
            "Writing on Telegram, Lars Vik blamed General Moller for the retreat",
        ),
        # an undoing word denied or wished is no act done; a sale undone only where "still", a resignation only
        # where "also"; a time after "finish last"
        ("Why did Ann Vik skip the Tromsvik Gala?", "Ann Vik did not appear at the Tromsvik Gala this year.", None),
        ("Why did Tromsvik Motors sell its bitcoin?", "Tromsvik Motors removed bitcoin as a payment option.", None),
        ("Why is Lars Vik stepping down as host?", "Lars Vik will continue as host of the show through June.", None),
        ("Why did the Tromsvik Rovers finish last season with a loss?", "The Tromsvik Rovers won seven games.", None),
        # "still": an act done before is undone by one told done, not by one called for
        (
            "why is tromsvik mart still selling the harbour ice cream",
            "Tromsvik Mart was selling the harbour ice cream in June. "
            "Tromsvik Mart later apologized for the ice cream and removed it from the shelves.",
            "Tromsvik Mart later apologized for the ice cream and removed it from the shelves",
        ),
        (
            "why is tromsvik mart still selling the harbour ice cream",
            "Tromsvik Mart was selling the harbour ice cream in June. Critics asked Tromsvik Mart to remove the "
            "ice cream.",
            None,
        ),
        (  # ... and an act still done, told so, holds it
            "why is tromsvik mart still selling the harbour ice cream",
            "Tromsvik Mart is still selling the harbour ice cream even after Nordvik Foods removed the ice cream.",
            None,
        ),
        (  # the offered act done before, not taken up now
            "Why did Lars Vik turn down the chance to host the Tromsvik Awards again?",
            "Lars Vik hosted the Tromsvik Awards for three seasons before leaving in 2023.",
            None,
        ),
    ],
)
def test_an_act_undone_in_other_words_denies_the_premise(
    ner: EntityRecognizer, question: str, article: str, told: str | None
) -> None:
    from rag.answerability import opposite_act

    assert opposite_act(_framed(ner, question), article) == told


def test_what_else_happened_is_not_what_the_question_sets_aside(ner: EntityRecognizer) -> None:
    from rag.answerability import set_aside, tells_of

    question = "Besides the Tromsvik seawall vote, what else happened in Tromsvik on Monday?"
    assert set_aside(question) == "the Tromsvik seawall vote"
    assert set_aside("What else happened on Monday besides the seawall vote?") == "the seawall vote"
    assert set_aside("Besides the seawall vote, did it rain?") == ""  # no "else"
    assert tells_of({"council", "vote", "monday"}, "the seawall vote")  # its noun
    assert tells_of({"council", "seawal", "tromsvik"}, "the Tromsvik seawall vote")  # two thirds of it
    assert not tells_of({"council", "resign", "monday"}, "the seawall vote")
    assert not tells_of({"ferri", "tromsvik", "sank"}, "the seawall vote in Tromsvik")  # its noun, not its place
    text = (
        "The Tromsvik council voted on Monday to build a seawall. The seawall vote was close. "
        "Also on Monday, the harbour master Lars Vik resigned in Tromsvik."
    )
    answerer = _answerer(ner, min_answerability=0.0)
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    assert not answer.abstained and "Lars Vik resigned" in answer.citations[0].quote, answer.text
    assert not any("vote" in c.quote for c in answer.citations), answer.text
    # nothing else told: the articles don't say
    only = "The Tromsvik council voted on Monday to build a seawall. The seawall vote was close."
    answer = answerer.answer(Query(question), [text_hit(only, "a1", question)])
    assert answer.abstained and answer.note == "The articles found tell only of the Tromsvik seawall vote.", answer
    # "who else" sets aside the question's own names, never its answer: sentences naming them still answer
    who = "Besides Lars Vik, who else did the council consider as harbour master?"
    text = "The council considered Lars Vik and Ottilie Brennan as harbour master."
    answer = _answerer(ner, min_answerability=0.0, min_short_answer=0.0).answer(Query(who), [text_hit(text, "a1", who)])
    assert not answer.abstained and answer.short_answer is not None and answer.short_answer.text == "Ottilie Brennan"


def test_a_body_is_no_work(ner: EntityRecognizer) -> None:
    question = "Which books were in the displays the Tromsvik library pulled from the children's room?"
    board = "The Tromsvik Library Board of Trustees voted to pull the displays from the children's room on Monday."
    assert _led_by(ner, question, board) != "the Tromsvik Library Board of Trustees"
    assert _led_by(ner, question, board) is None or "Board" not in _led_by(ner, question, board)  # type: ignore[operator]
    titled = "The displays the Tromsvik library pulled held “The Harbour Seal” and two other books."
    assert _led_by(ner, question, titled) == "The Harbour Seal"


def test_the_question_s_doer_said_not_to_have_done_it_denies_the_premise(ner: EntityRecognizer) -> None:
    from rag.answerability import subject_denies

    article = (
        "Six states argued that the Tromsvik Loan Authority would lose revenue. There's just one problem with the "
        "states' argument: Tromsvik Loan Authority itself didn't sue. The states sued in May."
    )
    question = "Why did the Tromsvik Loan Authority sue to stop the plan?"
    assert subject_denies(_framed(ner, question), article) == "Tromsvik Loan Authority itself didn't sue"
    # another's denial, a question that asks no why, or one that is negative itself: none
    assert subject_denies(_framed(ner, "Why did the states sue to stop the plan?"), article) is None
    assert subject_denies(_framed(ner, "Who sued to stop the plan?"), article) is None
    assert subject_denies(_framed(ner, "Why didn't the Tromsvik Loan Authority sue?"), article) is None
    # a denial narrowed by a purpose or a time, or of another object, is none of the premise
    bought = "Lars Vik did not buy Tromsvik Ferries to make money. Vik never delayed a launch before 2020."
    assert subject_denies(_framed(ner, "Why did Lars Vik buy Tromsvik Ferries?"), bought) is None
    assert subject_denies(_framed(ner, "Why did Lars Vik delay the ferry?"), bought) is None
    assert subject_denies(_framed(ner, "Why did Lars Vik buy Tromsvik Ferries?"), "Vik did not buy Tromsvik Ferries.")
    # the answerer refuses, saying so
    answer = _answerer(ner, min_answerability=0.0).answer(Query(question), [text_hit(article, "a1", question)])
    assert answer.abstained and "didn't sue" in answer.note, answer


def test_a_year_that_dates_a_document_does_not_date_what_it_tells_of(ner: EntityRecognizer) -> None:
    question = "what year did Tromsvik Tacos trademark Taco Tuesday"
    headline = (
        "“This Chain Owns the Taco Tuesday Trademark” was the headline of a 2017 Vice article about the letters "
        "Tromsvik Tacos sent."
    )
    assert _led_by(ner, question, headline) != "2017"
    said = "Tromsvik Tacos trademarked Taco Tuesday in 1989, a 2017 Vice article said."
    assert _led_by(ner, question, said) == "1989"
    # a year asked of a document is its year
    assert _led_by(ner, "What year was the Vice article about the letters Tromsvik Tacos sent?", headline) == "2017"


def test_how_much_is_not_answered_by_the_price_of_another_thing(ner: EntityRecognizer) -> None:
    from rag.answerability import other_priced
    from rag.nlp import Entity

    def priced(question: str, sentence: str, money: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        start = sentence.index(money)
        return other_priced(_framed(ner, question), sentence, Entity(money, "MONEY", start, start + len(money)))

    question = "How much is Tromsvik Burgers planning to spend on its harbour restaurant?"
    facility = "Its plans include a $19.5 million distribution facility in Vardholm and 50 eateries."
    # ... in another place only: a thing in the question's place, or in none, may be its thing in other words
    assert priced(question, "It plans a $20 million chip factory near the harbour.", "$20 million") is None
    assert priced(question, facility, "$19.5 million") == (("distribution", "facility"), ("restaurant",))
    assert priced(question, "It will spend $2 million on the restaurant.", "$2 million") is None  # no thing after it
    assert priced(question, "It agreed a $44 million deal.", "$44 million") is None  # the spending itself
    assert priced(question, "A meal costs $19.99 per person.", "$19.99") is None  # a rate, no thing
    assert priced(question, "It paid 405 million euros ($402 million) for land.", "405 million") is None  # currency
    assert priced(question, "It plans a $3 million harbour restaurant.", "$3 million") is None  # the question's
    assert priced("How much did Lars Vik pay for Tromsvik Rockets?", facility, "$19.5 million") is None  # a name

    # the answerer tells another thing from the question's in other words by the words' static vectors
    word_vectors = _one_axis_a_meaning({"arena": "stadium"})  # "arena" and "stadium" share one
    answerer = _answerer(ner, min_answerability=0.0, min_short_answer=0.0, word_vectors=word_vectors)
    text = "Tromsvik Burgers is planning its harbour restaurant; plans include a $19.5 million distribution facility in Vardholm."
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is None, answer.short_answer
    question = "How much will the new Tromsvik stadium cost?"
    text = "Tromsvik will build a $1.5 billion arena by the harbour, the council said on Friday."
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.short_answer is not None and answer.short_answer.text == "$1.5 billion", answer.short_answer


def test_a_question_is_negative_by_its_verbs_not_by_names_that_begin_like_them() -> None:
    from rag.answerability import _NEGATIVE_QUESTION

    assert _NEGATIVE_QUESTION.search("Why did Missouri test the missile on its first mission?") is None
    assert _NEGATIVE_QUESTION.search("Why did Stopford's team fail?") is not None
    assert _NEGATIVE_QUESTION.search("Why did they miss the vote?") is not None
    assert _NEGATIVE_QUESTION.search("Why were there failures at the plant?") is not None


def test_a_verdict_told_the_other_way_denies_the_premise(ner: EntityRecognizer) -> None:
    from rag.answerability import reversed_verdict

    article = "On Thursday, a jury found Vik not responsible for the ferry crash in 2016. Ann Berg had sued him."
    question = "Why did the jury find Lars Vik at fault for the ferry crash?"
    assert reversed_verdict(_framed(ner, question), article) == (
        "On Thursday, a jury found Vik not responsible for the ferry crash in 2016"
    )
    assert reversed_verdict(_framed(ner, "why was Lars Vik found liable for the ferry crash"), article) is not None
    assert reversed_verdict(_framed(ner, "Why was Ann Berg found at fault?"), article) is None  # not of her
    assert reversed_verdict(_framed(ner, "Why did Ann Berg sue Lars Vik?"), article) is None  # no verdict asked
    appeal = article + " On appeal, a judge found Vik at fault."
    assert reversed_verdict(_framed(ner, question), appeal) is None  # found so too: the premise may hold
    split = "A jury found Vik guilty on four counts but not guilty on four other counts."
    assert reversed_verdict(_framed(ner, "Why was Lars Vik found guilty?"), split) is None  # guilty of some
    refused = _framed(ner, "Why did the jury refuse to find Lars Vik liable?")
    assert reversed_verdict(refused, "The jury found Vik not liable.") is None  # a negative question
    cleared = "Tromsvik Rail crews cleared the wreckage on Monday."
    assert reversed_verdict(_framed(ner, "Why did the board find Tromsvik Rail responsible?"), cleared) is None
    who = _framed(ner, "How did investigators find who was responsible for the Tromsvik Rail hack?")
    assert reversed_verdict(who, "Tromsvik Rail was cleared of blame.") is None  # no verdict asked
    answer = _answerer(ner, min_answerability=0.0).answer(Query(question), [text_hit(article, "a1", question)])
    assert answer.abstained and "not responsible" in answer.note, answer


def test_a_move_between_two_values_told_the_other_way_denies_the_premise(ner: EntityRecognizer) -> None:
    from rag.answerability import reversed_range

    question = "Why did Tromsvik Ferries drop from No. 1 to No. 8 on the best employers list?"
    assert reversed_range(_framed(ner, question), "The company jumped to No. 1 from No. 8 last year.") == (
        "to No. 1 from No. 8"
    )
    assert reversed_range(_framed(ner, question), "It rose from No. 8 to No. 1.") == "from No. 8 to No. 1"
    assert reversed_range(_framed(ner, question), "It fell from No. 1 to No. 8.") is None  # the question's way
    assert reversed_range(_framed(ner, question), "It rose from #8 to #1.") == "from #8 to #1"  # written otherwise
    assert reversed_range(_framed(ner, "Why did it fall to No. 8?"), "It rose from No. 8 to No. 1.") is None
    answer = _answerer(ner, min_answerability=0.0).answer(
        Query(question),
        [text_hit("Tromsvik Ferries jumped to No. 1 from No. 8 on the best employers list.", "a1", question)],
    )
    assert answer.abstained and "No. 8" in answer.note, answer


def test_how_much_is_not_answered_by_a_count_of_things(ner: EntityRecognizer) -> None:
    question = "By how much have ferry rates gone up in Tromsvik because of the low water?"
    counted = "The low water has also been responsible for eight ferries running aground in Tromsvik."
    assert _offered(ner, question, counted) == []
    assert _offered(ner, question, "Ferry rates in Tromsvik have gone up 40% because of the low water.") == ["40%"]
    assert _offered(ner, "How much snow fell in Tromsvik?", "Tromsvik got 12 inches of snow.") == ["12 inches"]
    # only of a price or a rate: "500 points" for how much an index fell, "500 students" for how much enrolment did
    assert _offered(ner, "How much did the Tromsvik index fall on Monday?", "The Tromsvik index fell 500 points.")
    assert _offered(ner, "How much did enrolment drop in Tromsvik?", "Tromsvik enrolment fell by 500 students.")
    # nor by a number in a word ("Rose Vik" is no rise)
    two = "The two-time Tromsvik champion won the playoff."
    assert _offered(ner, "How much did Anja Moller win for beating Rose Vik in the playoff?", two) == []
    shirt = "Lars Vik's two memorable goals came in Tromsvik; his shirt sold for $9.3 million."
    assert _offered(ner, "How much did Lars Vik's shirt from the Tromsvik game go for?", shirt) == ["$9.3 million"]
    # what a thing sold for is a sum, not the number of them recalled; a reward is a sum too
    recalled = "Nordvik Brands is recalling 456,000 of its Tromsvik Wafflizer waffle makers."
    assert _offered(ner, "how much did the tromsvik wafflizer sell for", recalled) == []
    sold = "The Tromsvik Wafflizer sold for $39.99 at Nordvik stores."
    assert _offered(ner, "how much did the tromsvik wafflizer sell for", sold) == ["$39.99"]
    # a sum told of another name in a clause about it
    clause = "Nordvik Rising topped the box office, but many chose Tromsvik Tides, which had its best weekend with $5.7 million."
    assert _offered(ner, "Nordvik Rising topped the box office. How much did it make?", clause) == []
    assert _offered(ner, "How much did Tromsvik Tides make on its best weekend?", clause) == ["$5.7 million"]
    pays = "Tromsvik, which pays Ivo Strand $4.7 million a year, won the title."
    assert _offered(ner, "How much does Ivo Strand earn a year?", pays) == ["$4.7 million"]  # the clause tells of him
    reward = "Officials said 35 deputies were searching for the men, and a reward of $35,000 was offered."
    assert _offered(ner, "What's the reward for information on the two men?", reward) == ["$35,000"]


def test_a_team_named_by_its_place_beside_its_score_is_no_place(ner: EntityRecognizer) -> None:
    question = "Where is the Tromsvik and Nordvik State title game being played?"
    assert _offered(ner, question, "Norway 73, Sweden 61.") == []  # both teams
    assert _offered(ner, question, "The title game will be played in Houston on Monday.") == ["Houston"]


@pytest.mark.parametrize(
    ("question", "article", "told"),
    [
        (
            "Why is the 2028 Tromsvik Cup going back to Nordvik for a second time?",
            "All the hosts have held it before, as 2028 will be the first time the Tromsvik Cup will be played in "
            "Nordvik and the north.",
            "All the hosts have held it before, as 2028 will be the first time the Tromsvik Cup will be played in "
            "Nordvik and the north",
        ),
        # a first time of something else, or told before the names
        (
            "Why is Lars Vik going back to Nordvik?",
            "Lars Vik scored for the first time in Nordvik last year.",
            None,
        ),
        ("Why is the Tromsvik Cup going back to Nordvik?", "The Tromsvik Cup was played in Nordvik in 2019.", None),
        # a first time qualified: since, as, in years
        (
            "Why is Ann Vik going back to Nordvik with the Tromsvik Show?",
            "It is the first time Ann Vik took the Tromsvik Show to Nordvik since she returned home.",
            None,
        ),
        (
            "Who hosted the Tromsvik Cup in Nordvik for a second time?",
            "It is the first time the Tromsvik Cup ...",
            None,
        ),
    ],
)
def test_a_first_time_told_denies_a_repeat_asked(
    ner: EntityRecognizer, question: str, article: str, told: str | None
) -> None:
    from rag.answerability import first_time_told

    assert first_time_told(_framed(ner, question), article) == told


def test_the_day_a_coming_event_was_told_of_is_not_its_day(ner: EntityRecognizer) -> None:
    question = "when does nordvik rising start streaming"
    told = "Nordvik Rising will open in theaters a month before it streams online, the studio announced on Thursday."
    assert _offered(ner, question, told) == []
    dated = "Nordvik Rising will start streaming on December 23, the studio said Thursday."
    assert _offered(ner, question, dated) == ["December 23"]
    # what happened, told that day, and the telling asked: the day stays
    assert _offered(ner, "When did the agency approve the ferry?", "The agency approved the ferry, it said Tuesday.")
    assert _offered(ner, "When did the studio announce it?", told) == ["Thursday"]
    # a date inside the sentence, not a closing attribution
    found = "Officials, who expect more cases will follow, confirmed on March 3 the first case in Tromsvik."
    assert _offered(ner, "When was the outbreak in Tromsvik first detected?", found) == ["March 3"]


def test_the_size_of_a_sum_is_a_sum(ner: EntityRecognizer) -> None:
    question = "Nordvik Bank is cutting 1,000 jobs despite a strong profit. How big was that profit?"
    assert _offered(ner, question, "Nordvik Bank plans to cut as many as 1,000 employees.") == []
    assert _offered(ner, question, "Nordvik Bank posted a profit of $1.1 billion.") == ["$1.1 billion"]
    crowd = "How large was the crowd at the rally after the deal was signed?"  # a count: the deal is another clause's
    assert _offered(ner, crowd, "About 20,000 people attended the rally.") == ["About 20,000"]


def test_a_ruling_told_the_other_way_denies_the_premise(ner: EntityRecognizer) -> None:
    from rag.answerability import reversed_ruling

    question = "Why did the High Court strike down the Tromsvik ferry plan as unlawful?"
    lawful = "The Tromsvik ferry plan was deemed lawful by the High Court on Monday. Critics will appeal."
    assert reversed_ruling(_framed(ner, question), lawful) is not None
    struck = "The High Court struck down part of the Tromsvik ferry plan. The rest was deemed lawful."
    assert reversed_ruling(_framed(ner, question), struck) is None  # struck down in part: the premise may hold
    other = "Why did the High Court uphold the Tromsvik ferry plan?"
    assert reversed_ruling(_framed(ner, other), lawful) is None  # no ruling against it asked
    # what a lower court had upheld, and a legal team, are no ruling of the asked court
    lower = "Lower courts had upheld the Tromsvik ferry plan. The High Court heard the case on Monday."
    assert reversed_ruling(_framed(ner, question), lower) is None
    team = "The Tromsvik ferry plan's owner held a news conference with his legal team."
    assert reversed_ruling(_framed(ner, question), team) is None


def test_a_title_in_quotation_marks_after_its_noun_is_its_name_and_a_contest_is_no_song(ner: EntityRecognizer) -> None:
    question = "What was the name of the song the Tromsvik Singers won the Nordvik Song Contest with?"
    assert _offered(ner, question, "The Tromsvik Singers have won this year's Nordvik Song Contest.") == []
    assert _offered(ner, question, "The Tromsvik Singers won with the song “Vardholm,” a tribute to the harbour.") == [
        "Vardholm"
    ]


def test_a_title_of_another_role_does_not_answer_which_judge_or_which_senators(ner: EntityRecognizer) -> None:
    judge = "Which judge ordered the Tromsvik ferry to stop sailing?"
    minister = "Four days later, Nordvik's transport minister Alma Brekke announced the decision to stop the ferry."
    assert _offered(ner, judge, minister) == []
    assert _offered(ner, judge, "Judge Alma Brekke ordered the Tromsvik ferry to stop sailing.") == ["Alma Brekke"]
    senators = "Which senators voted against the Tromsvik ferry bill on Tuesday?"
    assert _offered(ner, senators, "If it passes, President Alma Brekke will sign the ferry bill.") == []
    assert _offered(ner, senators, "Sen. Alma Brekke voted against the ferry bill.") == ["Alma Brekke"]
    assert _offered(ner, senators, "The House passed the bill, known as Senate Bill 475, on Wednesday.") == []
    # a general noun, and a title that ends in the asked one, are no other role
    assert _offered(ner, "Which leader signed the ferry bill?", "President Alma Brekke signed the ferry bill.") == [
        "Alma Brekke"
    ]
    assert _offered(ner, "Which minister signed the ferry deal?", "Foreign Minister Alma Brekke signed the deal.") == [
        "Alma Brekke"
    ]


def test_a_loss_does_not_answer_a_profit_asked_nor_the_reverse(ner: EntityRecognizer) -> None:
    profit = "Nordvik Bank is cutting jobs despite a strong third-quarter profit. How big was that profit?"
    loss = "The bank posted a loss of $2.3 billion in the third quarter."
    assert _offered(ner, profit, loss) == []
    assert _offered(ner, profit, "The bank posted a net profit of $1.1 billion.") == ["$1.1 billion"]
    lost = "How much money did Nordvik Bank lose last quarter?"
    assert _offered(ner, lost, "Nordvik Bank reported a net loss of $5 million.") == ["$5 million"]
    assert _offered(ner, lost, "Nordvik Bank reported a $3 million profit.") == []


def test_at_least_one_of_another_thing_is_one_of_it(ner: EntityRecognizer) -> None:
    from rag.answerability import other_counted

    def counted(sentence: str, number: str) -> object:
        start = sentence.index(number)
        frame = _framed(ner, "how many fissures opened when the volcano erupted")
        return other_counted(frame, sentence, Entity(number, "CARDINAL", start, start + len(number)))

    assert counted("Lava is flowing from at least one vent on the volcano.", "at least one") == ("fissures", "vent")
    assert counted("At least one fissure opened on the volcano.", "At least one") is None


def test_where_in_a_country_is_not_answered_by_another_country(ner: EntityRecognizer) -> None:
    told = "The missile struck a depot, a claim later confirmed by US officials."
    assert _offered(ner, "Where in Ukraine did the missile strike?", told) == []
    landfall = "The storm made landfall in Puerto Rico and the Dominican Republic as a Category 1 hurricane."
    assert _offered(ner, "Where exactly did the storm come ashore in Puerto Rico?", landfall) == []
    # a continent or a union is answered by a country
    assert _offered(ner, "Where in Europe did the storm hit hardest?", "The storm hit Spain hardest.") == ["Spain"]


def test_the_day_news_was_told_is_not_the_day_of_what_it_tells(ner: EntityRecognizer) -> None:
    question = "Alma Brekke just announced her first solo tour. When is the opening show?"
    announced = "Alma Brekke announced a string of concerts around the world Tuesday, her first solo tour."
    assert _offered(ner, question, announced) == []
    assert _offered(ner, question, "Alma Brekke announced Tuesday that the tour opens April 26.") == ["April 26"]
    assert _offered(ner, "When did Alma Brekke announce her tour?", announced) == ["Tuesday"]
    # a past act asked is told the day it is done as often
    banned = "Tromsvik University announced on Monday that six apps have been banned from campus."
    assert _offered(ner, "when did Tromsvik University ban the apps", banned) == ["Monday"]


def test_a_result_told_the_other_way_past_an_apposition_and_a_pronoun(ner: EntityRecognizer) -> None:
    from rag.answerability import swapped_result

    told = (
        "Alma Brekke beat Ida Lund 6-4, 6-4, while Nordvik's Kari Dahl, more than a quarter of a century Brekke's "
        "senior at the age of 43, overcame Tove Moen 6-3, 6-1."
    )
    asked = "Kari Dahl is 43 and still on tour. Why did she lose to Tove Moen in the first round?"
    assert swapped_result(_framed(ner, asked), told) is not None
    assert swapped_result(_framed(ner, "Why did Kari Dahl lose to Tove Moen?"), told) is not None
    assert swapped_result(_framed(ner, "Kari Dahl is 43. Why did she beat Tove Moen?"), told) is None
    # the season is no loss ("this fall to play"), nor a word of a name a win ("From the Top")
    concert = "Kari Dahl is coming back to Nordvik this fall to play with pianist Tove Moen. Which venue is it at?"
    host = 'Kari Dahl will return to Nordvik for a concert with pianist and "From the Top" host Tove Moen.'
    assert swapped_result(_framed(ner, concert), host) is None


def test_a_same_week_question_asks_a_relation(ner: EntityRecognizer) -> None:
    frame = _framed(ner, "what else did the Nordvik Times publish the same week as the ferry report")
    assert frame.relation == "same-week"
    assert states_relation(frame, "The same week, the Nordvik Times published a guide to the harbour.")
    assert not states_relation(frame, "The Nordvik Times published the ferry report on Monday.")


def test_a_death_cause_is_told_in_its_own_words(ner: EntityRecognizer) -> None:
    from rag.answerability import states_death_cause

    assert states_death_cause("She died after a long battle with cancer.")
    assert states_death_cause("He was killed in a car crash on Friday.")
    assert states_death_cause("The cause of death was not disclosed.")
    assert states_death_cause('The musician died Tuesday "after suddenly contracting bacterial meningitis."')
    assert not states_death_cause("The queen, who died Thursday at age 96 after 70 years on the throne, was mourned.")


def test_a_single_games_tally_is_no_average_asked(ner: EntityRecognizer) -> None:
    question = "How many rebounds per game did Alma Brekke average in December?"
    one = "On Dec. 13 she became one of 12 players to record 29 points, seven rebounds and six assists in a game."
    assert _offered(ner, question, one) == []
    assert _offered(ner, question, "Brekke averaged 19 points and 6.5 rebounds in December.") == ["6.5 rebounds"]


def test_a_share_of_another_whole_is_no_change_asked(ner: EntityRecognizer) -> None:
    question = "how far did Nordvik Bank shares drop after the layoff announcement"
    assert _offered(ner, question, "The layoffs would affect roughly 5% of its workforce.") == []
    assert _offered(ner, question, "Nordvik Bank shares fell 1.9% on Wednesday.") == ["1.9%"]
    assert _offered(ner, question, "Shares dropped 3 percent of their value.") == ["3 percent"]


def test_a_sum_of_sales_is_no_price_and_an_age_group_no_firm(ner: EntityRecognizer) -> None:
    price = "what price did Nordvik Home stock fall to after the bankruptcy warning"
    assert _offered(ner, price, "Nordvik Home expects net sales of $1.26 billion for the quarter.") == []
    assert _offered(ner, price, "Nordvik Home stock fell to $1.82 a share.") == ["$1.82"]
    # a sum given away is no price, nor a rank ("#1": a sum to the small model)
    meal = "how much does the tromsvik birthday meal cost at nordvik"
    gift = "Nordvik will donate $5 to the Tromsvik charity for each post, up to $200,000 total."
    assert _offered(ner, meal, gift) == []
    assert _offered(ner, "how much did Nordvik donate to the Tromsvik charity", gift) != []
    assert _offered(ner, meal, "The Tromsvik birthday meal costs $8.99 at Nordvik.") == ["$8.99"]
    assert _offered(ner, meal, "Nordvik, the #1 burger brand worldwide, sells the Tromsvik meal.") == []
    # a sum sought is not one paid, nor one a jury awarded the other side what is sought
    suit = "Two hours after Dominion's $1.6 billion defamation lawsuit against Nordvik News was to start, they settled."
    assert _offered(ner, "how much is Nordvik News paying Dominion to settle the case", suit) == []
    assert _offered(ner, "how much is Dominion suing Nordvik News for", suit) == ["$1.6 billion"]
    awarded = "But the jury also awarded Ann Vik $2 million after Lars Berg's lawyer called her claims a hoax."
    assert _offered(ner, "how much money is Lars Berg asking from Ann Vik in the trial", awarded) == []
    firm = "Which research firm ran the Nordvik vitality survey?"
    assert _offered(ner, firm, "About 32% of Gen Z adults said so, Tromsvik Research found.") == ["Tromsvik Research"]


def test_a_person_of_a_place_is_where_they_are_from(ner: EntityRecognizer) -> None:
    question = "where did Alma Brekke meet the three lawmakers"
    told = "Ida Lund of Memphis and Kari Dahl of Knoxville showed courage in pushing for reform."
    assert _offered(ner, question, told) == []
    assert _offered(ner, question, "Alma Brekke met the three lawmakers in Memphis on Friday.") == ["Memphis"]
    # past a team's name: the city of a player's team
    shoot = "Where did Alma Brekke shoot her magazine cover?"
    married = "Brekke, 36, who is married to Denver Broncos quarterback Russell Wilson, was photographed in Belize."
    assert _offered(ner, shoot, married) == ["Belize"]


def test_a_rate_cut_told_as_a_raise_denies_the_premise(ner: EntityRecognizer) -> None:
    from rag.answerability import reversed_change

    cut = _framed(ner, "Why did the Bank of Nordvik cut interest rates this week?")
    assert reversed_change(cut, "The Bank of Nordvik raised interest rates by half a point on Thursday.") is not None
    assert reversed_change(cut, "The Bank of Nordvik cut interest rates by half a point.") is None
    jobs = _framed(ner, "Why did Nordvik Bank cut jobs?")
    assert reversed_change(jobs, "Nordvik Bank raised its prices.") is None  # no rate or price asked


def test_a_price_that_came_down_or_is_down_denies_a_doubling(ner: EntityRecognizer) -> None:
    from rag.answerability import reversed_change

    doubled = _framed(ner, "why did tromsvik lobster prices double this year")
    found = reversed_change(doubled, "Lobster, which was off the charts last year, has come down to half the price.")
    assert found == "Lobster, which was off the charts last year, has come down to half the price"  # past the aside
    assert reversed_change(doubled, "The cost of lobster is down 7.2%, and crab fell 9.5%.") is not None
    assert reversed_change(doubled, "Lobster prices doubled in Tromsvik after the storm.") is None
    assert reversed_change(doubled, "Crab, which was cheap, has come down too.") is None  # another subject
    fell = _framed(ner, "Why did Tromsvik lobster prices fall?")
    assert reversed_change(fell, "The cost of lobster is up 7% this year.") is not None
    assert reversed_change(fell, "The price of a double lobster roll fell.") is None  # "double" is no rise here


def test_a_word_in_small_letters_before_a_name_is_none_of_it(ner: EntityRecognizer) -> None:
    frame = _framed(ner, "Bernard Kerik’s lawyer got 25k from trumps Save America PAC what's the lawyers name")
    assert any(n.startswith("Save America") for n in frame.names)
    assert not any(n.startswith("trumps") for n in frame.names)
    typed = _framed(ner, "what did tim Kaine say about Biden visiting Saudi Arabia")  # a first name typed small
    assert "tim Kaine" in typed.names and typed.speaker == "tim Kaine"


def test_a_culprit_asked_is_no_office_holder_named_with_their_title(ner: EntityRecognizer) -> None:
    question = "Who is the suspect in the killing of the young woman in Tromsvik?"
    assert (
        _offered(ner, question, "Nordvik Gov. Alma Brekke, a staunch critic of the base, condemned the killing.") == []
    )
    assert _offered(ner, question, "Police arrested Kenneth Shinzato, a former Marine.") == ["Kenneth Shinzato"]
    assert _offered(ner, question, "Former Gov. Ida Lund was arrested over the killing.") == ["Ida Lund"]


def test_a_news_outlet_is_no_person(ner: EntityRecognizer) -> None:
    question = "who is taking over from Alma Brekke at the Nordvik Federation"
    assert _offered(ner, question, "The lobby group has suspended its director general, Politico reported.") == []
    told = "The news, first reported by trade publication Puck, comes after Kari Dahl resigned."
    assert _offered(ner, "Who was running the Nordvik Federation before Alma Brekke?", told) == ["Kari Dahl"]


def test_the_date_that_opens_a_telling_is_not_the_day_of_what_it_tells(ner: EntityRecognizer) -> None:
    question = "What date is King Charles' coronation?"
    told = "On April 9, Buckingham Palace announced the official logo for the coronation."
    assert _offered(ner, question, told) == []
    assert _offered(ner, question, "The coronation will take place on May 6.") == ["May 6"]
    assert _offered(ner, "When did Buckingham Palace announce the logo?", told) == ["April 9"]


def test_the_rules_of_this_round_leave_what_they_do_not_mean(ner: EntityRecognizer) -> None:
    """A reader's counter-examples to this round's rules (the day news was told, a death's cause, a change made
    to a rate, a share of a whole, an office, takings, an average, an outlet, a team's city)."""
    from rag.answerability import reversed_change, states_death_cause

    assert _offered(ner, "When is the coronation?", "The palace confirmed a coronation date of May 6.") == ["May 6"]
    assert _offered(ner, "When does the tour start?", "The band announced a world tour starting June 5.") == ["June 5"]
    assert states_death_cause("He died after a fall at his home.")
    rise = _framed(ner, "Why did Nordvik shares rise on Friday?")
    assert reversed_change(rise, "Nordvik lowered its outlook for the holiday quarter.") is None
    raised = _framed(ner, "Why did the Bank of Nordvik raise interest rates?")
    assert reversed_change(raised, "The Bank of Nordvik also cut its forecast for growth.") is None
    assert _offered(ner, "How much did the budget deficit grow?", "The deficit grew to 5.8% of GDP.") == ["5.8%"]
    schumer = "Senate Majority Leader Chuck Schumer voted against the ferry bill."
    assert _offered(ner, "Which senator voted against the ferry bill?", schumer) == ["Chuck Schumer"]
    bribery = "Who is the suspect in the Nordvik bribery case?"
    assert _offered(ner, bribery, "Sen. Bob Menendez was charged in the Nordvik bribery case.") == ["Bob Menendez"]
    damages = "Fox agreed to pay damages of $787.5 million."
    assert _offered(ner, "How much did the settlement cost Fox?", damages) == ["$787.5 million"]
    season = "Jokic is averaging 26.4 points, 12.4 rebounds and 9 assists, a line unmatched in the game's history."
    assert _offered(ner, "How many rebounds per game did Jokic average this season?", season) == ["12.4 rebounds"]
    assert _offered(ner, "Who reported the story first?", "The story was first reported by Politico.") == ["Politico"]
    summit = "At the summit in Hiroshima Japanese Prime Minister Fumio Kishida greeted the leaders."
    assert _offered(ner, "Where was the G7 summit held?", summit) == ["Hiroshima"]


def test_a_pronoun_stands_for_the_one_name_before_it_only(ner: EntityRecognizer) -> None:
    from rag.answerability import swapped_result

    two = "Alma Brekke watched from the stands as Kari Dahl played. Why did she lose to Tove Moen?"
    assert swapped_result(_framed(ner, two), "Kari Dahl beat Tove Moen 6-2, 6-3.") is None


def test_a_same_week_relation_is_stated_in_its_usual_openings(ner: EntityRecognizer) -> None:
    frame = _framed(ner, "what else did the Nordvik Times publish the same week as the ferry report")
    assert states_relation(frame, "That week, the Nordvik Times published a guide to the harbour.")
    assert states_relation(frame, "Later in the week, the paper ran a guide to the harbour.")
    assert not states_relation(frame, "In the same week last year, sales fell 5%.")


def test_a_win_told_as_a_noun_in_the_sentence_tells_the_result(ner: EntityRecognizer) -> None:
    from rag.answerability import swapped_result

    told = "The Tromsvik Tigers opened the season with a 112-94 victory over the depleted Nordvik Pelicans."
    asked = "How did the Pelicans pull off the win over the Tigers in the season opener?"
    assert swapped_result(_framed(ner, asked), told) is not None
    assert swapped_result(_framed(ner, "How did the Tigers beat the Pelicans?"), told) is None
    # another's win: "Poland's second goal in the 2-0 win against Saudi Arabia"
    stun = _framed(ner, "Just watched Saudi Arabia stun Argentina. Who scored the winning goal for the Saudis?")
    poland = "Lewandowski celebrates after scoring Poland's second goal in the 2-0 win against Saudi Arabia."
    assert swapped_result(stun, f"Argentina's Lionel Messi celebrates. {poland}") is None


def test_a_rate_that_slowed_denies_one_speeding_up(ner: EntityRecognizer) -> None:
    from rag.answerability import reversed_change

    asked = _framed(ner, "why is the world population growth rate speeding up to more than 1 percent a year")
    fallen = "Demographers note the growth rate has fallen steadily to less than 1% per year."
    assert reversed_change(asked, fallen) is not None
    slow = _framed(ner, "Why did inflation slow in May?")
    assert reversed_change(slow, "Inflation rose 0.4% in May.") is not None
    rise = _framed(ner, "Why did inflation rise in May?")
    assert reversed_change(rise, "A slow recovery kept inflation low.") is None  # "slow" an adjective


def test_a_time_planned_is_not_the_time_it_happened(ner: EntityRecognizer) -> None:
    past = "What time did the Nordvik capsule splash down off Florida on Monday?"
    planned = "They now plan to spend a day in orbit and splash down off Florida at about 1 pm ET Monday."
    assert _offered(ner, past, planned) == []
    assert _offered(ner, past, "The Nordvik capsule splashed down off Florida at 1:06 p.m. ET on Monday.") == [
        "1:06 p.m. ET"
    ]
    assert _offered(ner, "When did the rocket launch?", "It was expected to launch Monday but launched Tuesday.") == [
        "Tuesday"
    ]
    assert "about 1 pm ET" in _offered(ner, "When is the splashdown expected?", planned)


def test_not_since_a_time_tells_the_last_time_and_a_verb_splits_two_names(ner: EntityRecognizer) -> None:
    from rag.answerability import denied_premise

    asked = "What was the franchise called the last time it played for a Nordvik title, back in 1951?"
    since = "The franchise has not played for the Nordvik championship since 1951, when it was the Vardholm Royals."
    assert denied_premise(_framed(ner, asked), since) is None
    assert denied_premise(_framed(ner, "Why did the Kings play for the Nordvik title this year?"), since) is not None
    # "never able to win" denies a win
    never = "However, he was never able to win a Nordvik title as he closed out his career with the Vardholm Kings."
    assert denied_premise(_framed(ner, "What year did Lars Berg win his Nordvik title with the Kings?"), never)
    frame = _framed(ner, "In that column about the Declaration, why did Adams say Jefferson had to write it?")
    assert "Adams" in frame.names and "Jefferson" in frame.names
    assert not any("say" in n for n in frame.names)


def test_an_adjective_after_a_name_is_no_act_of_another_doer(ner: EntityRecognizer) -> None:
    from rag.answerability import other_doer

    question = "When does the Alma Brekke true crime series Love and Death come out on Nordvik Max?"
    article = "What follows is one of the more grisly tales of American true crime. The series comes out on Friday."
    assert other_doer(_framed(ner, question), article) is None


def test_the_reviews_cases_of_this_sessions_rules(ner: EntityRecognizer) -> None:
    """Inputs a review of session 45's rules tried: each once went the wrong way."""
    from rag.answerability import chatter, denied_premise, swapped_result

    meal = "how much does the birthday meal cost at nordvik"
    assert _offered(ner, meal, "Nordvik, which donated $2 million to charity last year, sells the meal for $8.99.") == [
        "$8.99"
    ]  # a gift in a clause of its own is no price of the meal, and leaves the price
    assert _offered(ner, "how much is Nordvik paying Dominion", "Nordvik agreed to pay $787.5 million over the suit.")
    assert _offered(ner, "How much money did the jury award Ann Vik?", "The jury also awarded Ann Vik $2 million.")
    assert _offered(ner, "How much is Lars Berg suing Ann Vik for?", "The jury also awarded Ann Vik $2 million.") == []
    # the asked verb, not an adverb or a noun the tagger missed
    assert _offered(ner, "When did Lars Berg officially retire?", "Lars Berg, who retired in March 2020, coaches.") == [
        "March 2020"
    ]
    # a year opening an event's name only where the asked act is done to that event
    veteran = "Lars Berg, a veteran of the 1990 Tromsvik Open, won the title on his tenth try."
    assert _offered(ner, "What year did Lars Berg win the Tromsvik Open?", veteran) == []
    # "not managed well" denies managing; "unable to" tells of a condition as often ("people unable to balance on one
    # foot for 10 seconds" under a study's question about balancing): no denial
    managed = _framed(ner, "How did the city manage the Tromsvik flood?")
    assert denied_premise(managed, "The Tromsvik flood was not managed well by the city.") is not None
    balance = _framed(ner, "A study found that balancing on one leg for how many seconds may predict a long life?")
    assert denied_premise(balance, "People unable to balance on one leg for 10 seconds died sooner.") is None
    # the season, however told, is no loss; a headline's capitals are its verb's
    assert swapped_result(_framed(ner, "Kari Dahl is back in Nordvik this past fall to play. Who won?"), "x") is None
    headline = "Bergen Kings Beat Tromsvik Rovers In Overtime Thriller"
    assert swapped_result(_framed(ner, "Why did the Tromsvik Rovers beat the Bergen Kings?"), headline) is not None
    # a rank asked is answered by "#3"
    assert "3" in _offered(ner, "What number is Tromsvik ranked in the poll?", "Tromsvik is ranked #3 in the poll.")
    # "Been forty years since ..." is a news scene, not the asker's
    assert chatter("Been forty years since the Tromsvik ferry sank. When was it raised?") == frozenset()


def test_what_the_article_says_is_not_known_is_no_answer(ner: EntityRecognizer) -> None:
    """ "It is unclear how ..." under "How did ...?": the articles say they don't know; the answer says so."""
    from rag.answerability import unknown_told

    how = _framed(ner, "How did the student get into the Tromsvik High School intercom system?")
    unclear = "It is unclear how the individual accessed the intercom system."
    assert unknown_told(how, "A student hacked a school.", f"Police came. {unclear} They left.") == unclear[:-1]
    much = _framed(ner, "How much of the $3.5 billion is Nordvik Motors itself putting into the battery plant?")
    said = "Nordvik Motors did not say how much of the $3.5 billion it would contribute to the plant."
    assert unknown_told(much, said) is not None
    # another question word ("how" the fire started for "how many"), or another matter, is none
    many = _framed(ner, "How many people died in the Tromsvik fire?")
    assert unknown_told(many, "It was not immediately clear how the Tromsvik fire started.") is None
    who = _framed(ner, "Who won the mayoral election in Tromsvik?")
    assert unknown_told(who, "It is unclear who will pay for the new Tromsvik bridge.") is None
    chain = _framed(ner, "Which pharmacy chain will Nordvik stop doing business with?")
    assert unknown_told(chain, "It is unclear whether Nordvik knew how hard it would be to end the deal.") is None
    # "what" and "which" ask too many things to be read so
    journal = _framed(ner, "In which journal did the Nordvik sleep study appear?")
    assert unknown_told(journal, "The Nordvik sleep study doesn't explain what may cause poor sleep.") is None
    # the answer abstains and quotes the sentence in its note
    answer = _answerer(ner, min_answerability=0.0).answer(
        Query(how.text),
        [text_hit(f"A student hacked the Tromsvik High School intercom system. {unclear}", "a1", how.text)],
    )
    assert answer.abstained and unclear[:-1] in answer.note


def test_a_verb_going_on_is_taken_for_granted_and_a_comparison_told_the_other_way_denies_it(
    ner: EntityRecognizer,
) -> None:
    from rag.answerability import denied_premise, reversed_comparison

    # "is ... appealing" goes on (no passive, as "is expected" is): "will not appeal" denies it
    appeal = _framed(ner, "on what grounds is Lars Berg appealing the subpoena in the Tromsvik probe")
    assert denied_premise(appeal, "Lars Berg will not appeal the subpoena in the Tromsvik probe, his aide said.")
    later = _framed(ner, "Why is the flu season in Nordvik starting so much later than usual?")
    told = reversed_comparison(later, "Nordvik's flu season is sweeping the country weeks earlier than usual.")
    assert told is not None and told.endswith("earlier than usual")
    assert reversed_comparison(later, "The flu season started later than usual in Nordvik.") is None  # the same way
    assert reversed_comparison(later, "Ticket sales opened earlier than usual in Nordvik.") is None  # another matter
    assert reversed_comparison(_framed(ner, "Why did the flu season start in Nordvik?"), "x earlier than usual") is None


def test_a_small_word_where_the_question_writes_capitals_is_no_name(ner: EntityRecognizer) -> None:
    frame = _framed(ner, "What's the name of the plus-size ballerina in Nordvik Studio's short Reflect?")
    assert "ballerina" not in frame.names and "ballerina" in frame.topic
    assert "wee" in _framed(ner, "Which annual Tromsvik event declared a “war on wee”?").names  # quoted: its words
    # (in a question typed in small letters, a word the tagger takes for a name may be one: "us" is the US)
    assert "us" in _framed(ner, "who did the us womens hockey team play after losing to Canada").names
    # a person named with a person's noun is no work asked
    song = "What song did the Tromsvik Duo perform to?"
    assert _offered(ner, song, "They tried to impress judges Ann Vik, Lars Berg and Kari Dahl with the dance.") == []
    # an asker's aside is no topic an article must tell
    curious = _framed(ner, "Lars took his trophy to a diner. Out of curiosity, what year was Tromsvik Diner founded?")
    assert "curios" not in curious.topic
    # "founded" is told as "established"
    assert _offered(ner, "What year was Tromsvik Diner founded?", "Tromsvik Diner was established in 1955.") == ["1955"]


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("which union general rode into galveston to tell texas that slavery was over", "person"),
        ("Which general led the march?", "person"),
        ("which team captain scored the winner", "person"),
        ("which general election was that", "event"),
        ("Which union signed the deal?", "organisation"),
    ],
)
def test_a_general_or_a_captain_is_a_person_asked(question: str, asks: str) -> None:
    from rag.answerability import asked_type

    assert asked_type(question) == asks


def test_a_day_past_does_not_answer_a_day_to_come(ner: EntityRecognizer) -> None:
    question = "On what date is Ann Vik scheduled to testify to the grand jury?"
    past = "Ann Vik was ordered to testify in the Jan. 6 criminal investigation."
    assert _led_by(ner, question, past) is None  # January 6 read from an article of March 2024: past
    assert _led_by(ner, question, "Ann Vik is scheduled to testify to the grand jury on March 20.") == "March 20"
    assert _led_by(ner, "On what date did Ann Vik testify to the grand jury?", "Ann Vik testified on Jan. 6.")


def test_a_holder_written_with_its_place_or_a_name_the_question_gives_is_no_other_holder(
    ner: EntityRecognizer,
) -> None:
    from rag.answer import _holder_alone

    sentence = "Washington, DC, Attorney General Karl Vik sued Lars Berg over Tromsvik Analytica."
    found = ner.analyse([sentence], tagged=False)[0]
    vik = next(e for e in found.entities if e.text == "Karl Vik")
    passage = sentence.lower()
    assert _holder_alone("DC", passage, vik, found, sentence, ("DC", "Lars Berg", "Tromsvik", "Analytica"))
    oslo = "Oslo Attorney General Karl Vik met DC officials."
    found = ner.analyse([oslo], tagged=False)[0]
    vik = next(e for e in found.entities if e.text == "Karl Vik")
    assert not _holder_alone("DC", oslo.lower(), vik, found, oslo, ("DC",))  # another place named


def test_a_word_of_a_name_two_letters_out_is_read_as_the_one_written_beside_the_other() -> None:
    from rag.answer import respell_names

    def beside(word: str, neighbour: str, after: bool) -> str | None:
        return {("Whitmore", "Gretchen", True): "Whitmer", ("Gwenyth", "Paltrow", False): "Gwyneth"}.get(
            (word, neighbour, after)
        )

    held = {"Gretchen Whitmer", "Gwyneth Paltrow"}.__contains__
    text, changed = respell_names("What did Gretchen Whitmore say?", lambda *a: None, held, held, beside)
    assert text == "What did Gretchen Whitmer say?" and changed == [("Whitmore", "Whitmer")]
    text, _ = respell_names("Where does Gwenyth Paltrow live?", lambda *a: None, held, held, beside)
    assert text == "Where does Gwyneth Paltrow live?"
    # not where the name as read is not held whole
    assert respell_names("Did Gretchen Whitmore win?", lambda *a: None, held, set().__contains__, beside)[1] == []


def test_what_is_not_told_yet_or_a_cause_under_investigation_is_no_answer(ner: EntityRecognizer) -> None:
    from rag.answerability import unknown_told

    fire = _framed(ner, "What actually started the fire at the Tromsvik Dairy?")
    probe = "State fire investigators are looking into the cause of the fire at the Tromsvik Dairy."
    assert unknown_told(fire, "The Tromsvik Dairy fire killed 800 cows.", probe) == probe[:-1]
    # not where the quote gives a cause
    assert unknown_told(fire, "The fire at the Tromsvik Dairy was caused by a faulty heater.", probe) is None
    name = _framed(ner, "So what's Nordvik Syrup's new name going to be?")
    later = "The Nordvik Syrup company's new name will be announced soon after."
    assert unknown_told(name, "Nordvik Syrup is changing its name.", later) == later[:-1]
    # the subject must say what kind is asked: a date is not a name
    assert unknown_told(name, "x", "The Nordvik Syrup launch date will be announced later.") is None
    victim = _framed(ner, "Who was the man killed in the Tromsvik crash?")
    withheld = "The name of the man killed in the Tromsvik crash has not been released."
    assert unknown_told(victim, "A man was killed in the Tromsvik crash.", withheld) == withheld[:-1]


def test_an_illness_told_without_its_name_does_not_answer_what_illness(ner: EntityRecognizer) -> None:
    from rag.answerability import DEATH_CAUSE_ASKED, ILLNESS_ASKED, states_death_cause

    question = "What illness did Ann Vik die from?"
    assert DEATH_CAUSE_ASKED.search(question) and ILLNESS_ASKED.search(question)
    brief = "Vik died Wednesday morning after a brief illness, her manager confirmed."
    assert not states_death_cause(brief, named=True) and states_death_cause(brief)
    assert states_death_cause("Vik died of pancreatic cancer.", named=True)
    assert states_death_cause("Vik died after a long illness linked to ALS, her family said.", named=True)
    # (not a name after "to" of another verb: "confirmed to USA TODAY")
    assert not states_death_cause("Vik died after a brief illness, her manager confirmed to USA TODAY.", named=True)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("what night is the band playing the tromsvik state fair", "date"),
        ("What was the House vote tally on the Tromsvik act?", "number"),
        ("which railroad is threatening to stop running in Tromsvik county", "organisation"),
    ],
)
def test_a_night_a_tally_and_a_railroad_are_asked(question: str, asks: str | None) -> None:
    from rag.answerability import asked_type

    assert asked_type(question) == asks


def test_names_in_a_question_typed_with_capitals(ner: EntityRecognizer) -> None:
    # a country's people-word before a body's name of two words or more is a name of its own
    frame = _framed(ner, "What did Lars Berg tell the British House of Commons?")
    assert {"British", "House of Commons"} <= set(frame.names)
    assert "American Airlines" in _framed(ner, "Why did American Airlines cancel flights?").names  # one word after
    # a score is no part of a name
    assert "Rennes" in _framed(ner, "PSG beat Rennes 2-0 on Sunday. Who scored?").names


def test_a_site_or_a_part_of_britain_is_not_answered_by_a_country(ner: EntityRecognizer) -> None:
    airports = "which airports did Nordvik Telecom agree to hold off on 5G near"
    assert _offered(ner, airports, "Nordvik Telecom will hold off on 5G near airports in the US.") == []
    britain = "Where in Britain is Nordvik Orbit planning to launch from?"
    assert _offered(ner, britain, "Nordvik Orbit, a US company, plans to launch from Scotland.") == ["Scotland"]


def test_a_show_that_begins_tells_when_it_starts(ner: EntityRecognizer) -> None:
    assert _offered(ner, "When does the Tromsvik talk show start on Nordvik Max?", "It begins streaming May 27.") == [
        "May 27"
    ]


def test_the_reviews_cases_of_session_46s_rules(ner: EntityRecognizer) -> None:
    """Inputs a review of session 46's rules tried: each once went the wrong way."""
    from rag.answerability import (
        DEATH_CAUSE_ASKED,
        asked_type,
        denied_premise,
        reversed_comparison,
        states_death_cause,
        swapped_result,
        unknown_told,
    )

    # a question word inside a word asks nothing ("Whole" is no "who"); "how far" is not "how"
    whole = _framed(ner, "Did Whole Foods close its Tromsvik store?")
    assert unknown_told(whole, "x", "It is unclear who will buy the Tromsvik store.") is None
    fire = _framed(ner, "How did the Tromsvik fire start?")
    assert unknown_told(fire, "x", "It is unclear how far the Tromsvik fire spread.") is None
    # a cause of another thing is not the one asked
    resign = _framed(ner, "Why did Lars Berg resign from the Tromsvik council?")
    deficit = "The cause of the Tromsvik council's budget deficit remains unclear."
    assert unknown_told(resign, "Lars Berg resigned to care for his mother.", deficit) is None
    # a name typed small in a question without capitals of its own is still a name
    assert {"lars", "berg"} <= {n.lower() for n in _framed(ner, "Why did lars berg quit the council?").names}
    assert "747-400" in " ".join(_framed(ner, "When did the Boeing 747-400 retire from Nordvik Air?").names)
    # a country's name before a name is part of it
    assert "China Eastern Airlines" in _framed(ner, "Why did China Eastern Airlines ground its jets?").names
    # "Is Vik running for mayor?" takes nothing for granted
    running = _framed(ner, "Is Ann Vik running for mayor of Tromsvik?")
    assert denied_premise(running, "Ann Vik is not running for mayor of Tromsvik, she said on Monday.") is None
    # a comparison the sentence tells the asked way too, or denies
    later = _framed(ner, "Why is the Tromsvik flu season starting later than usual?")
    both = "The Tromsvik flu season, which started later than usual, peaked earlier than expected."
    assert reversed_comparison(later, both) is None
    assert reversed_comparison(later, "The Tromsvik flu season did not start earlier than usual.") is None
    # a passive result denied or nearly so is no result
    beat = _framed(ner, "How did Tromsvik beat Nordvik?")
    for sentence in ("Tromsvik was not beaten by Nordvik in the final.", "Tromsvik were almost beaten by Nordvik."):
        assert swapped_result(beat, sentence) is None
    # a loss of a thing is no loss of a contest
    lose = _framed(ner, "Why did Tromsvik lose to Nordvik?")
    assert swapped_result(lose, "Nordvik lost their goalkeeper to Tromsvik in the summer window.") is None
    assert swapped_result(
        _framed(ner, "Why did Ann Vik lose the mayoral race to Kari Dahl?"), "Ann Vik beat Kari Dahl."
    )
    # the new nouns of a person or a time, where another noun follows
    assert asked_type("Which Captain America film did Ann Vik star in?") == "work"
    assert asked_type("What general aviation airport is near Tromsvik?") == "place"
    assert asked_type("What evening news show did Ann Vik host?") == "work"
    assert asked_type("Which railway station did the Tromsvik train leave from?") != "organisation"
    # a named illness after an unnamed one's words
    assert states_death_cause("Vik died of kidney failure after a long illness.", named=True)
    assert states_death_cause("Vik died of a heart condition.", named=True)
    assert DEATH_CAUSE_ASKED.search("What illness killed Ann Vik?")


def test_the_reviews_cases_of_session_46s_answerer_rules(ner: EntityRecognizer) -> None:
    from rag.answer import _holder_alone

    # a part of a name the question gives is another place all the same ("Virginia" for "West Virginia")
    sentence = "Governor Ann Vik signed the Virginia budget on Tuesday."
    found = ner.analyse([sentence], tagged=False)[0]
    vik = next(e for e in found.entities if e.text == "Ann Vik")
    assert not _holder_alone(
        "West Virginia", sentence.lower() + " west virginia", vik, found, sentence, ("West Virginia",)
    )
    # a day to come without its year, read as last year's by the nearest reading, still answers
    question = "On what date is Ann Vik scheduled to testify to the Tromsvik grand jury?"
    assert _led_by(ner, question, "Ann Vik is scheduled to testify to the Tromsvik grand jury on Oct. 2.") == "Oct. 2"
    # "will" of another clause asks no day to come
    passed = "What date was the Tromsvik law passed that will ban cars?"
    assert _led_by(ner, passed, "The Tromsvik law that will ban cars was passed on Jan. 9.") == "Jan. 9"


def test_what_is_not_known_is_read_only_where_the_quote_offers_nothing_asked(ner: EntityRecognizer) -> None:
    question = "How many people died in the Tromsvik fire?"
    text = "Four people died in the Tromsvik fire on Monday. It is unclear how many people were injured in the fire."
    answer = _answerer(ner, min_answerability=0.0, min_short_answer=0.0).answer(
        Query(question), [text_hit(text, "a1", question)]
    )
    assert not answer.abstained and answer.short_answer is not None and "Four" in answer.short_answer.text


def test_round_three_of_session_46(ner: EntityRecognizer) -> None:
    """r49's and r50's failures, on invented text."""
    from rag.answerability import opposite_act, reversed_change, swapped_result

    pound = _framed(ner, "How far did the Nordvik krone drop on the news that Lars Berg was resigning?")
    assert reversed_change(pound, "Stocks rose, and the Nordvik krone gained 0.75% to trade at $1.20.") is not None
    veto = _framed(ner, "Why did Gov. Ann Vik veto the teacher pay raise in Tromsvik?")
    assert opposite_act(veto, "Tromsvik Gov. Ann Vik approved teacher pay raises of about $6,100.") is not None
    close = _framed(ner, "How did the Tromsvik Bucks close out the Nordvik Heat in overtime?")
    assert swapped_result(close, "The Nordvik Heat closed out the Tromsvik Bucks 128-126 in overtime.") is not None
    # a share is no count; a US state is no stadium; a guy is a person asked
    survey = "How many people did Nordvik News survey for its poll?"
    assert _offered(ner, survey, "The Nordvik News poll shows almost three in four residents want limits.") == []
    stadium = "what stadium are the Tromsvik games at"
    assert _offered(ner, stadium, "Tromsvik Atlantic, a school in Boca Raton, Florida, made the Final Four.") == []
    assert _framed(ner, "What's the name of the American guy who won one of the Tromsvik races?").asks == "person"


def test_a_show_that_premieres_starts_and_a_job_does_not(ner: EntityRecognizer) -> None:
    assert _offered(
        ner, "when does the tromsvik show start streaming", "The Tromsvik show premieres on Nordflix Dec. 23."
    )
    assert (
        _offered(ner, "When does Ann Vik start her new job?", "Ann Vik's new show premieres on Nordvik TV on May 5.")
        == []
    )


def test_a_small_word_opening_a_name_is_none_of_it(ner: EntityRecognizer) -> None:
    names = _framed(ner, "why was the uk Tromsvik Zero Strategy delayed").names
    assert "uk Tromsvik Zero Strategy" not in names


def test_round_four_of_session_46(ner: EntityRecognizer) -> None:
    """r51's and r52's failures, on invented text."""
    from rag.answerability import _RELATION_QUESTION, asked_type

    assert asked_type("What did Ann Vik actually say in the video where she came out?") is None  # a relative "where"
    assert asked_type("the game moved so where are they playing it") == "place"
    assert not _RELATION_QUESTION.search("What does Lars Berg say about why the film still holds up after 40 years?")
    tickets = "how much are tickets for game 1 of tromsvik vs nordvik"
    assert _offered(ner, tickets, "Game 2: Tromsvik 138, Nordvik 122 (Series tied at 1-1)") == []
    cost = "how much did the Tromsvik telescope project cost"
    assert _offered(ner, cost, "The black hole has a mass 6.5-billion times larger than the sun.") == []
    sick = "How many people are sick now from the Tromsvik farm's eggs?"
    assert _offered(ner, sick, "The outbreak has grown, with 24 more people sick from the Tromsvik farm's eggs.") == []
    phone = "What's the starting price of the Nordphone 14 Pro?"
    assert _offered(ner, phone, "Today the Nordphone 13 Pro starts at $999.") == []
    assert _offered(ner, phone, "The Nordphone 14 Pro starts at $1,099.") == ["$1,099"]
    sacked = "who did Ann Vik sack as her finance minister"
    assert "Lars Berg" not in _offered(ner, sacked, "The man who served as Lars Berg’s finance minister now leads.")
    airport = "which airport set a new record for hourly rainfall overnight"
    said = "Dallas-Fort Worth International Airport set a new record for hourly rainfall overnight."
    assert "Dallas" in _offered(ner, airport, said)  # the place names the airport asked
    game = "where is the Tromsvik Bills vs Browns game being played now"
    assert "Cleveland" not in _offered(ner, game, "The Bills will play the Cleveland Browns in Detroit on Sunday.")


def test_the_blind_sets_of_session_47(ner: EntityRecognizer) -> None:
    """r53-r56's failures, on invented text."""
    from rag.answer import respell_names
    from rag.answerability import asked_type, denied_premise, other_doer, reversed_change
    from rag.roles import asked_role, given_role, role_fit
    from rag.text import sentence_spans

    # what is asked: a width, a weight, a sum paid, a rate (as a share or one per so many), a boy's name
    assert asked_type("How wide is the nucleus of the Tromsvik comet?") == "number"
    assert asked_type("How heavy was the Tromsvik meteorite?") == "number"
    assert asked_type("What did the Tromsvik council pay Halvard Consulting for the study?") == "number"
    assert asked_type("What did the Tromsvik council pay tribute to?") != "number"
    assert asked_type("what was Tromsvik's youth unemployment rate in May") == "number"
    assert asked_type("Which exchange rate fell the most?") is None
    rate = "what was Tromsvik's youth unemployment rate in May"
    assert _offered(ner, rate, "Tromsvik counted 7,600 young people out of work in May.") == []
    assert _offered(ner, rate, "Youth unemployment in Tromsvik rose to 19.9% in May.") == ["19.9%"]
    assert _offered(ner, rate, "The divorce rate rose to 3.1 per thousand in May.") == ["3.1"]
    assert asked_type("What was the name of the 15-year-old boy killed near the Tromsvik concert?") == "person"
    assert asked_type("Which boy band played Tromsvik on Friday?") != "person"
    assert _framed(ner, "Who are the Proud Boys?").asks is None  # a body's name, not boys
    # a letter typed too many at the end of a name's last word, read so where the name as read is held
    text, changed = respell_names("What did Novak Djokovich say?", lambda *a: None, {"Novak Djokovic"}.__contains__)
    assert text == "What did Novak Djokovic say?" and changed == [("Djokovich", "Djokovic")]
    text, _ = respell_names("What did Ann Vikey say?", lambda *a: None, {"Ann Vike"}.__contains__)
    assert text == "What did Ann Vikey say?"  # (a short last word is left as typed)
    # the asker's aside names no one and is no topic, however it goes on
    aside = _framed(ner, "Random thought before the clocks change: which agency oversees daylight saving time?")
    assert "Random" not in aside.names and "random" not in aside.topic and "thought" not in aside.topic
    # a company's boss is its chief executive
    boss = asked_role("Who is the Halvard Air boss who spoke to reporters?")
    said = "Halvard Air CEO Lena Moss spoke to reporters."
    moss = next(e for e in ner.analyse([said])[0].entities if e.text == "Lena Moss")
    assert boss is not None and role_fit(boss, given_role(said, moss)) > 0
    # a town named after its noun, whatever the small model took it for; a body named by an apposition
    town = "Which coastal town did the Nordvik jet take off from?"
    assert _offered(ner, town, "The jet took off from the Cornish coastal town of Kelmouth on Monday.") == ["Kelmouth"]
    group = "Which group sets the Halvard Clock each year?"
    said = "Each year, the Council of Northern Harbours, a nonprofit group that sets the clock, meets in May."
    assert _offered(ner, group, said) == ["the Council of Northern Harbours"]
    said = "Ann Vik of the Council of Northern Harbours, the nonprofit that sets the clock, spoke."
    assert "the Council of Northern Harbours" in _offered(ner, group, said)
    # an "-ing" form as the topic of talk takes nothing for granted
    inviting = _framed(ner, "What did Mayor Ann Vik tell reporters about inviting the Tromsvik Rovers to city hall?")
    assert denied_premise(inviting, "Ann Vik said she will not invite the Tromsvik Rovers to city hall.") is None
    # an irregular past form denied by its verb; an effort to do the act that failed
    broke = _framed(ner, "Why did Lars Berg admit that Halvard Foods broke labor law?")
    assert denied_premise(broke, "Lars Berg said Halvard Foods did not break labor laws.")
    expelled = _framed(ner, "What was the final vote when the Tromsvik council expelled Ann Vik?")
    assert denied_premise(expelled, "The effort to expel Vik failed on a 6-5 vote.")
    assert denied_premise(expelled, "The effort to expel Lars Berg succeeded on a 6-5 vote.") is None
    # a market's crash against a soar; "the crash" is no fall
    crash = _framed(ner, "Why did Halvard Foods' stock crash after the Tromsvik plan?")
    assert reversed_change(crash, "Shares of Halvard Foods soared 52% after the Tromsvik plan.")
    caused = _framed(ner, "What caused the crash of the Halvard Foods truck?")
    assert reversed_change(caused, "Shares of Halvard Foods soared 52% after the crash.") is None
    # the doer named only as what the act is done to: roles swapped
    article = "Ann Vik then laughed as Lars Berg walked up and slapped Vik. Lars Berg slapped Ann Vik on stage."
    assert other_doer(_framed(ner, "Why did Ann Vik slap Lars Berg on stage?"), article)
    assert other_doer(_framed(ner, "Why did Lars Berg slap Ann Vik on stage?"), article) is None
    suspended = "How long is Ann Vik suspended from 'The Morning?' Halvard Media said on Tuesday it was reviewing."
    assert other_doer(_framed(ner, "Why did Halvard Media suspend Ann Vik from The Morning?"), suspended) is None
    # "Ft." abbreviates a fort, ending no sentence
    said = "King of Fans, of Ft. Lauderdale, Florida, issued the recall. It covers 200,000 fans."
    assert len(sentence_spans(said)) == 2


def test_the_blind_sets_of_session_47_premises(ner: EntityRecognizer) -> None:
    """r53-r56's premises told otherwise, on invented text."""
    from rag.answerability import opposite_act, other_winner, reversed_change

    # an act undone in two words ("voted down"), of what the question's act is done to (not "voting down amendments")
    article = (
        "The Tromsvik council voted down the stadium deal on Tuesday. The stadium would have stood by the harbour."
    )
    why = _framed(ner, "Why did the Tromsvik council approve the stadium deal?")
    assert opposite_act(why, article) == "The Tromsvik council voted down the stadium deal on Tuesday"
    approved = "The Tromsvik council approved the stadium deal on Tuesday after critics voted down a rival plan."
    assert opposite_act(why, approved) is None
    amendments = "The Tromsvik council passed the budget after voting down amendments to the stadium deal."
    assert opposite_act(why, amendments) is None
    # a change caused ("pushed ... up") told the other way; a level against a figure
    pushed = _framed(ner, "What pushed the Tromsvik sentiment index up in November?")
    assert reversed_change(pushed, "The Tromsvik sentiment index fell to 54.7 in November.")
    assert reversed_change(pushed, "The Tromsvik sentiment index rose to 60 in November.") is None
    below = _framed(ner, "Why did the Tromsvik debt drop back below 30 billion crowns this week?")
    assert reversed_change(below, "The Tromsvik debt is now above 30 billion crowns, the treasury said.")
    assert reversed_change(below, "The Tromsvik debt fell 2% but is still above 30 billion crowns.") is None
    # a win told with a pronoun before it may be the question's name's
    won = _framed(ner, "What film did Lars Berg win best actor for?")
    said = "He thanked the Academy and Ann Vik and those involved with the film for which he won best actor."
    assert other_winner(won, said) is None
    said = "The Academy and Ann Vik could not decide before he won best actor, the source said."
    assert other_winner(won, said) is None
    assert other_winner(won, "Ann Vik won best actor for the film Harbour Lights.")
    # another event's toll answers no count of this one's
    toll = "how many people were killed by the Tromsvik tornadoes on Tuesday night"
    said = "The storms came a week after another tornado outbreak killed 21 people in Tromsvik."
    assert _offered(ner, toll, said) == []
    assert _offered(ner, "How many people did the earlier Tromsvik outbreak kill?", said) == ["21 people"]


def test_a_quote_that_says_the_asked_count_is_not_known_beside_another_number(ner: EntityRecognizer) -> None:
    """r56: "It is not clear how many missile launchers will be sent but a typical battery includes ... up to eight
    launchers": the quote says the count asked is not known; the number it offers is a typical battery's."""
    from rag.answerability import unknown_of_asked

    frame = _framed(ner, "How many Nordvik launchers is Tromsvik sending in the new aid package?")
    said = (
        "It is not clear how many Nordvik launchers will be sent but a typical battery includes up to eight launchers."
    )
    assert unknown_of_asked(frame, said)
    other = "It is not clear how many missiles will be sent but a typical battery includes up to eight launchers."
    assert unknown_of_asked(frame, other) is None
    assert unknown_of_asked(frame, "Tromsvik is sending eight Nordvik launchers.") is None
    # a distance told answers "how far", not how wide
    wide = "How wide is the nucleus of the Tromsvik comet?"
    said = "The Tromsvik comet will pass Earth at a distance of 26.4 million miles on Feb. 2."
    assert _offered(ner, wide, said) == []
    assert _offered(ner, "How far from Earth will the Tromsvik comet pass?", said) == ["26.4 million miles"]
    assert _offered(ner, wide, "The nucleus of the Tromsvik comet is about 1 mile wide.") == ["about 1 mile"]


def test_the_reviews_cases_of_session_47s_rules(ner: EntityRecognizer) -> None:
    """Inputs a review of session 47's rules tried: each once went the wrong way."""
    from rag.answer import respell_names
    from rag.answerability import (
        asked_type,
        denied_premise,
        opposite_act,
        other_doer,
        other_winner,
        reversed_change,
        unknown_of_asked,
    )
    from rag.roles import asked_role, given_role, role_fit
    from rag.text import sentence_spans

    # a crash or a tank as a noun is no fall; a level once, or still, under a figure is a rise's start
    rise = _framed(ner, "Why did Halvard shares rise?")
    assert reversed_change(rise, "Halvard shares have recovered since a fatal crash in 2023.") is None
    assert reversed_change(_framed(ner, "Why did gas prices rise?"), "Gas storage tanks are 90% full.") is None
    assert reversed_change(
        _framed(ner, "Why did car crashes in Tromsvik increase?"), "Car crashes in Tromsvik fell 5%."
    )
    soar = _framed(ner, "Why did Halvard stock soar?")
    assert reversed_change(soar, "Halvard stock was under $500 a year ago.") is None
    assert (
        reversed_change(_framed(ner, "Why did the Tromsvik index rise?"), "The Tromsvik index is still under 400.")
        is None
    )
    # "pushed ... to step down" is no change of a figure
    step = _framed(ner, "What pushed the Tromsvik senator to step down?")
    assert reversed_change(step, "The Tromsvik senator's approval rating rose to 60% in May.") is None
    # each did it, or the act is told in a passive without "was"
    meet = _framed(ner, "Why did Ann Vik meet Lars Berg in Tromsvik?")
    assert other_doer(meet, "Lars Berg met Ann Vik in Tromsvik on Wednesday.") is None
    endorse = _framed(ner, "Why did Ann Vik endorse Lars Berg on Instagram?")
    assert other_doer(endorse, "Lars Berg, endorsed by Ann Vik on Instagram, thanked his fans.") is None
    # an effort that failed first and then worked, or that another clause owns
    rescue = _framed(ner, "How were the trapped Tromsvik miners rescued?")
    said = "Early efforts to rescue the miners failed when the drill broke, but all 41 were brought out on Tuesday."
    assert denied_premise(rescue, said) is None
    rebuild = _framed(ner, "Why did Tromsvik rebuild the harbour bridge?")
    assert denied_premise(rebuild, "Tromsvik announced plans to rebuild the bridge that collapsed in March.") is None
    # "Why did Ann Vik found Halvard?" asks no "find"
    found = _framed(ner, "Why did Ann Vik found Halvard Rockets?")
    assert denied_premise(found, "Regulators did not find fault with Halvard Rockets' bid.") is None
    # "called off" the party is no cancelled show
    renew = _framed(ner, "Why did Nordflix renew Harbour Lights?")
    assert opposite_act(renew, "Nordflix called off the Harbour Lights premiere party because of the strike.") is None
    # another thing said unknown beside the count asked
    died = _framed(ner, "How many people died in the Tromsvik fire?")
    assert (
        unknown_of_asked(died, "Four people died in the Tromsvik fire, and it is unclear how many people were injured.")
        is None
    )
    # another winner named before "who won"; the speaker's own win
    won = _framed(ner, "What film did Ann Vik win best actress for?")
    assert other_winner(won, "Kari Dahl, who won best actress for Harbour Lights, thanked her co-stars.")
    assert other_winner(won, "Kari Dahl said she won best actress for the film Harbour Lights.")
    # an opening adverb, a preposition's object, are no apposed name
    group = "Which group sets the Halvard Clock?"
    assert _offered(ner, group, "Meanwhile, the group said the clock would stay at 90 seconds.") == []
    assert _offered(ner, group, "However, a spokesperson for the group declined to comment.") == []
    # rates that are no shares; a rate's decision is no rate
    assert _offered(ner, "What is the hourly rate for Halvard drivers?", "Halvard drivers earn $17.96 an hour.") == [
        "$17.96"
    ]
    assert asked_type("What was the Tromsvik bank's rate decision?") != "number"
    # pay as a noun
    for question in ("What did Ann Vik say about pay raises?", "What did the Tromsvik union demand on pay?"):
        assert asked_type(question) != "number"
    # a kid's, a girl's, a teen's thing is no person
    for question in ("Which kid-friendly restaurants opened in Tromsvik?", "What teen drama was renewed?"):
        assert asked_type(question) != "person"
    # another strike of the same series is part of the toll
    strikes = "How many people were killed in strikes on Tromsvik on Tuesday?"
    assert _offered(ner, strikes, "Another airstrike killed 12 people in Tromsvik on Tuesday.") == ["12 people"]
    # a court of a county is no place
    assert _offered(ner, "Where did the hearing take place?", "The county of Orange Superior Court judge ruled.") == []
    # a club's boss is its manager too
    boss = asked_role("Who is the Tromsvik boss?")
    said = "Tromsvik manager Lars Berg was sacked."
    berg = next(e for e in ner.analyse([said])[0].entities if e.text == "Lars Berg")
    assert boss is not None and role_fit(boss, given_role(said, berg)) > 0
    # a measure in feet ends its sentence
    assert len(sentence_spans("The new tower stands 1,250 ft. It will open in 2027.")) == 2
    # "keep on raising" takes the raising for granted
    keep = _framed(ner, "Why did the Tromsvik bank keep on raising rates?")
    assert denied_premise(keep, "The Tromsvik bank did not raise rates in September.")
    # "Browne" is a name of its own
    text, _ = respell_names("What did Ann Browne say?", lambda *a: None, {"Ann Brown"}.__contains__)
    assert text == "What did Ann Browne say?"
    assert asked_type("How heavy was the fighting in Tromsvik?") != "number"


def test_round_two_of_session_47(ner: EntityRecognizer) -> None:
    """r57-r60's failures, on invented text."""
    from rag.answerability import denied_premise, opposite_act

    # staying undone by resigning; turning down undone by an agreement
    stay = _framed(ner, "Why did Lars Berg stay on as Halvard's chief executive after the bankruptcy?")
    told = "Halvard said it filed for bankruptcy, and Berg resigned as chief executive."
    assert opposite_act(stay, told) == told.rstrip(".")
    assert opposite_act(stay, "Halvard filed for bankruptcy, and Berg stayed on as chief executive.") is None
    turned = _framed(ner, "Why did the Tromsvik Tour turn down the merger with Nordvik Golf?")
    told = "The Tromsvik Tour and the Nordvik Golf tour announced an agreement to merge their business operations."
    assert opposite_act(turned, told)
    # "the day", "the year" name no date
    due = "When is Ann Vik due to have her baby?"
    assert "the day" not in _offered(
        ner, due, "Vik shared a photo on Monday (the day the gala would have taken place)."
    )
    assert _offered(ner, "When is the Tromsvik awards show?", "It will name the athlete of the year.") == []
    # a belief the sentence sets aside, in the question's words
    ice = _framed(ner, "Why does the Tromsvik study say the moon Halva began as a frozen block of ice?")
    said = "Contrary to the old belief that Halva was once a block of ice, experts now believe it was once hot."
    assert denied_premise(ice, said)
    assert (
        denied_premise(ice, "Contrary to the old belief that Halva was small, experts say it is a block of ice.")
        is None
    )
    # a win told as a victory
    visit = "What date are the Tromsvik Rovers going to city hall to celebrate their cup win?"
    said = "The Tromsvik Rovers are scheduled to visit city hall on April 19 to have their cup victory recognized."
    assert _offered(ner, visit, said) == ["April 19"]
    # a question's own "vote down", undone by a passing
    from rag.answerability import opposite_act

    down = _framed(ner, "Why did the Tromsvik council vote down the harbour bill?")
    assert opposite_act(down, "The Tromsvik council approved the harbour bill on Thursday, 12-5.")
