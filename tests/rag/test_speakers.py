"""Who said it (``rag/speakers.py``): a question that asks what someone said is answered by their words, not by a
sentence that gives someone else's words about them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from rag.answer import ExtractiveAnswerer
from rag.answerability import frame_question
from rag.nlp import EntityRecognizer
from rag.speakers import UNKNOWN, asked_speaker, attributed, same_speaker, speaker
from rag.types import Query
from tests.fakes import TEST_MODEL, fake_embed, text_hit


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        (
            "Russian Prime Minister Mikhail Mishustin said that Russia and Belarus oppose sanctions.",
            "Mikhail Mishustin",
        ),
        (
            "An expert at the Financial University, Denis Denisov, told Izvestia on Friday that talks help.",
            "Denis Denisov",
        ),
        ("Denis Denisov, an expert at the Financial University, told Izvestia that talks help.", "Denis Denisov"),
        ("In addition, Mishustin also expressed regret over the restrictions.", "Mishustin"),
        ("“We will rebuild,” said harbour master Jonas Lind on Monday.", "Jonas Lind"),
        ("Secretary of State Antony Blinken said the talks would go on.", "Antony Blinken"),
        ("Putin, the Russian president, said nothing about it.", "Putin"),
        ("First of all, according to Mishustin, it is necessary to deepen ties.", "Mishustin"),
        ("Prices rose 7%, according to the Bureau of Labor Statistics.", "Bureau of Labor Statistics"),
        ("The Department of Education initially said these loans were eligible.", "Department of Education"),
        ("Japan’s Defense Ministry said North Korea fired another missile.", "Japan’s Defense Ministry"),
        ("President Joe Biden confirmed Aug. 24 a plan to forgive student loans.", "Joe Biden"),
        ("“Yes,” said White House spokesman John Kirby.", "John Kirby"),
        (
            "Tromsvik Ferries chief Ottilie Brennan called the plan “unnecessary and unwise” on Tuesday.",
            "Ottilie Brennan",
        ),
        ("Harbour master Lars Vik called for a vote.", ""),  # "called" reports speech only before a quotation
        # forms a review found read wrong at first
        (
            "Committee chair Bennie Thompson, a Mississippi Democrat, said Tuesday the members agreed.",
            "Bennie Thompson",
        ),
        ("Rep. Liz Cheney, R-Wyo., said in September that the committee had documents.", "Liz Cheney"),
        (
            "Greta Anschuetz, who leads the division of HIV, STD and TB Services, said her office is concerned.",
            "Greta Anschuetz",
        ),
        ("John Ham of the Bureau of Alcohol, Tobacco, Firearms and Explosives told the Star it was arson.", "John Ham"),
        ("Bottoms said she was aware of it, according to The Atlanta Journal-Constitution.", "Bottoms"),
        ("Senator Mark Kelly told CNN that the bill would pass.", "Mark Kelly"),
        ("“She is recovering,” the family said.", "family"),
        ("Hochul touted the plan and said crews were working.", "Hochul"),
        (
            "On Saturday, New York Governor Kathy Hochul touted the plan and said crews were working.",
            "New York Governor Kathy Hochul",
        ),
        ('Tom Quinn, author of "Gilded Youth," says the youthfulness of the children is a relief.', "Tom Quinn"),
        ("“It is safe,” said U.S. Ambassador Linda Thomas-Greenfield.", "Linda Thomas-Greenfield"),
        ("Italy said it would send troops.", "Italy"),
        ("More details were announced later.", UNKNOWN),  # the passive names no speaker
        ("The university has unfairly continued to charge tuition, Berman said.", "Berman"),
        # the name the sentence opens with, told of by a pronoun after "in which"
        (
            'Ann Vik, the mayor of Tromsvik, issued a statement in which she called Lars Berg "a fragile man."',
            "Ann Vik",
        ),
        (
            "In 1939, Lars Berg of the Tromsvik Rovers gave a speech in which he called himself “the luckiest man.”",
            "Lars Berg",
        ),
        ('The Tromsvik Post ran a story in which he called the plan "calm".', UNKNOWN),
        ("Ann Vik met Lars Berg, who gave a speech in which he called himself “the best.”", UNKNOWN),
        ("Ann Vik and Lars Berg held a press conference in which he said “no.”", UNKNOWN),
        ("Ann Vik's mother gave an interview in which she said “no.”", UNKNOWN),
        # no one named: a pronoun, a bare title, a title of something, no speech at all ("states" is a noun here)
        ("Six Republican-led states sued President Joe Biden to block the plan.", UNKNOWN),
        ("“Our unity is in demand,” he explained.", UNKNOWN),
        ("In addition, the Russian Prime Minister added that culture matters.", UNKNOWN),
        ("The Chairman of the Government of the Russian Federation summed up that ties are strong.", UNKNOWN),
        ("Prior to this, the presidents of Belarus and Russia held negotiations in Sochi.", UNKNOWN),
        # a post that gives no words is no speech; one that does is, and so is an answer that opens a quotation
        ("Brennan, who has 40,000 followers, posted the rumour about the regatta at 8:15 am ET.", UNKNOWN),
        ("The ferry chief tweeted a link to the story.", UNKNOWN),
        ("Brennan posted on Monday that the regatta was off.", "Brennan"),
        ("In response, Brennan linked to the story and wrote, “There is a tiny chance it is true.”", "Brennan"),
        (
            "When Vik asked about fares and Brennan began her answer with, “Well, you are being cheeky,” it told.",
            "Brennan",
        ),
        ("Firefighters responded to the blaze on the pier.", UNKNOWN),
        ("Firefighters responded to a “fully involved” house fire.", UNKNOWN),  # a quotation that opens no speech
        ("Nordvik Bank posted a quarterly profit that beat expectations.", UNKNOWN),  # "that" of a noun
        ("Nordvik Bank posted record profits, and Brennan called the results “incredible.”", "Brennan"),
        ("“It is over,” Brennan tweeted.", "Brennan"),
        ("Lars Vik's jokes about the mayor drew boos.", UNKNOWN),  # "jokes", "quips": nouns as often
        # an adverb between a subject and its verb: the website's claim, not the last speaker's
        ("In 2016 the same website falsely claimed that Vik had died.", "website"),
        ("The assembly said the vote would stand.", "assembly"),
    ],
)
def test_the_speaker_a_sentence_names(sentence: str, said: str) -> None:
    assert speaker(sentence) == said


def test_the_asked_speaker_and_the_sentences_before() -> None:
    assert asked_speaker("What did Lukashenko say about universities?", ["Lukashenko"]) == "Lukashenko"
    assert asked_speaker("What has Ottilie Brennan told reporters?", ["Ottilie Brennan"]) == "Ottilie Brennan"
    assert asked_speaker("What did he say?", []) is None
    assert asked_speaker("Where did Lukashenko meet Putin?", ["Lukashenko", "Putin"]) is None
    assert same_speaker("Mishustin", "Mikhail Mishustin") and not same_speaker("Lukashenko", "Denis Denisov")
    assert same_speaker("Jens Stoltenberg", "NATO Secretary General Jens Stoltenberg")
    assert not same_speaker("Joe Biden", "Hunter Biden") and same_speaker("Joe Biden", "Biden")
    assert asked_speaker("What did Biden's spokesman say about Taiwan?", ["Biden"]) is None
    assert asked_speaker("What did Putin and Zelensky say about the talks?", ["Putin", "Zelensky"]) is None
    assert asked_speaker("What did Russian President Putin say about it?", ["Putin"]) == "Putin"
    assert asked_speaker("How did Lars Vik joke about his trade?", ["Lars Vik"]) == "Lars Vik"
    # "what did X call <a person>" asks their words; "what did X call the mission" asks a name
    assert asked_speaker("What did Ann Vik call Lars Berg on TV?", ["Ann Vik", "Lars Berg"]) == "Ann Vik"
    assert asked_speaker("what did Lars Berg call himself in his speech", ["Lars Berg"]) == "Lars Berg"
    assert asked_speaker("What did Ann Vik call the new ferry?", ["Ann Vik"]) is None
    assert asked_speaker("What did Ann Vik call her new album?", ["Ann Vik"]) is None  # "her" of a thing
    assert asked_speaker("What has Ann Vik called Lars Berg?", ["Ann Vik", "Lars Berg"]) == "Ann Vik"
    told = "Ann Vik has promised a harbour plan. How did she tell the Tromsvik Post the problem should be treated?"
    assert asked_speaker(told, ["Ann Vik", "Tromsvik Post"]) == "Ann Vik"  # "she" of the scene, and "tell"
    assert asked_speaker("How did Ann Vik tell the difference between the ferries?", ["Ann Vik"]) is None
    # what they are to a body named first
    gilder = "What did Tromsvik Rockets co-owner Ottilie Brennan tweet about the team?"
    assert asked_speaker(gilder, ["Tromsvik Rockets", "Ottilie Brennan"]) == "Ottilie Brennan"
    assert asked_speaker("What did the Tromsvik mayor Lars Vik say?", ["Tromsvik", "Lars Vik"]) == "Lars Vik"
    assert asked_speaker("What did Tromsvik fans and Lars Vik say?", ["Tromsvik", "Lars Vik"]) is None
    # "how did X answer / respond / react" asks for their words too
    assert asked_speaker("How did Ottilie Brennan answer the charge of overspending?", ["Ottilie Brennan"]) == (
        "Ottilie Brennan"
    )
    # "he" after a scene: the only person it names, else the one that opens one of its sentences
    scene = "Jonas Lind got asked about the seawall again. What did he say?"
    assert asked_speaker(scene, ["Jonas Lind"]) == "Jonas Lind"
    scene = "Jonas Lind got asked about playing Ottilie Brennan again. What did he say?"
    assert asked_speaker(scene, ["Jonas Lind", "Ottilie Brennan"]) == "Jonas Lind"
    assert asked_speaker("My aunt says Lind and Brennan met. What did he say?", ["Lind", "Brennan"]) is None
    before = ["First of all, according to Mishustin, it is necessary to deepen ties.", "He noted that some were made."]
    sentence = "For example, the quota for Belarusian students has been increased to 1.3 thousand places."
    assert attributed(before, sentence) == "Mishustin"  # his words, by the sentences before
    assert attributed([], sentence) == UNKNOWN
    # a quotation that runs on is the words of whoever is named where it closes, not of the speaker before
    biden, opened, closed = "Biden said the US would help.", "“We will win.", "The West is with us,” Zelensky said."
    assert attributed([biden], opened, [closed]) == "Zelensky"
    assert attributed([biden], "The talks went on.", [closed]) == "Biden"
    # a sentence that reports no speech but tells of another person by name is not the last speaker's words
    told_of = "Harbour master Jonas Lind, a Tromsvik native, called on the council to act, but it declined."
    assert attributed(["Mayor Ottilie Brennan said the seawall will cost 41 million euros."], told_of) == UNKNOWN
    # ... or of a body by two words, a title's among them
    reached = "USA TODAY reached out to Tromsvik Ferries for a statement on Thursday."
    assert attributed(['"Seems accurate," Brennan wrote in a reply.'], reached) == UNKNOWN
    assert attributed(['"Seems accurate," Brennan wrote in a reply.'], "The ferry sails at noon.") == "Brennan"
    # "he told" after a sentence that names one person, and no speaker: that person
    told = "Earlier this month, he told a Swiss newspaper: “The choice was bad.”"
    assert attributed(["Twelve years later, Lind is more critical."], told) == "Lind"
    assert attributed(["Lind met Ottilie Brennan."], told) == UNKNOWN  # two names: either
    assert attributed([biden, "On Monday, the talks ended."], told) == "Biden"  # no name just before: the last speaker
    assert attributed([biden, "The strike hit Tromsvik overnight."], told) == "Biden"  # a name, not the subject


def _reading(ner: EntityRecognizer, read: Callable[[str], str | None]) -> ExtractiveAnswerer:
    """An answerer with no threshold in the way that reads its articles whole with ``read`` (an id's text)."""
    return ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner, min_answerability=0.0, article_text=read)


HARBOUR = (
    "Mayor Ottilie Brennan said on Monday that the seawall in Tromsvik will cost 41 million euros. "
    "Harbour master Jonas Lind told reporters that the ferry to Vardholm will stop running in May, after Brennan and "
    "the council cut its subsidy. "
    "The ferry to Vardholm first sailed in 1962, when Brennan was a child."
)


def test_a_question_about_someones_words_is_not_answered_by_anothers(ner: EntityRecognizer) -> None:
    answerer = ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner)
    question = "What did Brennan say about the ferry to Vardholm?"
    frame = frame_question(question, ner.analyse([question])[0])
    assert frame.speaker == "Brennan"
    # whatever the small model calls the name ("Belichick": a nationality to it)
    belichick = "what did Belichick say after Damar Hamlin collapsed on the field"
    assert frame_question(belichick, ner.analyse([belichick])[0]).speaker == "Belichick"
    musk = "what did Musk tweet about a successor before his step down poll closed"  # no entity to the small model
    assert frame_question(musk, ner.analyse([musk])[0]).speaker == "Musk"
    # "how did X say", "what was X's reaction": their words too
    for asked in ("How did Brennan say the ferry compares with the old one?", "What was Brennan's reaction to it?"):
        assert frame_question(asked, ner.analyse([asked])[0]).speaker == "Brennan"
    pay = "What is Ottilie Brennan's take-home pay?"
    assert frame_question(pay, ner.analyse([pay])[0]).speaker is None  # a compound, no words asked
    when = "What did Brennan say when the ferry stopped?"
    assert frame_question(when, ner.analyse([when])[0]).asks is None  # her words, not a date
    answer = answerer.answer(Query(question), [text_hit(HARBOUR, "a1", question)])
    # Lind's words are not Brennan's, and the last sentence, naming Brennan, gives Lind's words too (no one else
    # is named as speaking since)
    assert all("Jonas Lind" not in c.quote and "1962" not in c.quote for c in answer.citations)
    lind = "What did Jonas Lind say about the ferry to Vardholm?"
    answer = answerer.answer(Query(lind), [text_hit(HARBOUR, "a1", lind)])
    assert not answer.abstained and "Jonas Lind" in answer.citations[0].quote


def test_an_article_that_names_them_but_quotes_others_is_an_abstention_that_says_so(ner: EntityRecognizer) -> None:
    text = (
        "Harbour master Jonas Lind told reporters that the ferry to Vardholm will stop running in May, after Mayor "
        "Ottilie Brennan and the council cut its subsidy. Lind said the crew would be kept on."
    )
    question = "What did Ottilie Brennan say about the ferry to Vardholm?"
    answer = ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner).answer(
        Query(question), [text_hit(text, "a1", question)]
    )
    assert answer.abstained and answer.note == "The articles found don't say what Ottilie Brennan said about this."


def test_a_speaker_written_with_the_place_they_are_of_is_the_one_asked() -> None:
    assert same_speaker("Matt Gaetz", "Republican Rep Matt Gaetz of Florida")
    assert not same_speaker("Joe Biden", "Hunter Biden of Delaware")


def test_a_speaker_named_by_what_they_are_is_the_person_just_named(ner: EntityRecognizer) -> None:
    from rag.speakers import described_speaker

    assert (
        described_speaker('"I\'m very proud of the ticket price," says the 52-year-old singer, who retired.') == "age"
    )
    assert described_speaker("“We won,” the veteran quarterback said.") == "noun"
    assert not described_speaker("“We will win,” said a spokesman.")  # another person beside them
    assert not described_speaker("“We will win,” said the ministry.")
    text = (
        "NASHVILLE — Ottilie Brennan's comeback is going to be big. She will tour the harbour towns next year. "
        "More dates will follow. “I'm very proud of the ticket price,” says the 52-year-old singer. "
        "Tickets sold out in Tromsvik, promoter Jonas Lind said."
    )
    question = "Ottilie Brennan is touring again. What did she say about the ticket prices?"
    answerer = ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner, min_answerability=0.0)
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    assert not answer.abstained and "proud of the ticket price" in answer.citations[0].quote, answer.text


def test_a_report_of_someone_is_followed_by_their_words_from_the_next_sentence(ner: EntityRecognizer) -> None:
    text = (
        "The harbour faces a reality check, Tromsvik Ferries chief Ottilie Brennan told reporters on Thursday. "
        "“It's like we're all at a dance and the lights just came on,” Brennan said. "
        "Tickets sold out in Tromsvik, promoter Jonas Lind said."
    )
    article = {"a1": text}
    answerer = _reading(ner, article.get)
    question = "What did Tromsvik Ferries' Ottilie Brennan compare the harbour's troubles to?"
    assert frame_question(question, ner.analyse([question])[0]).speaker == "Ottilie Brennan"  # owner, "compare"
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    quotes = [c.quote for c in answer.citations]
    assert any("lights just came on" in q for q in quotes), answer.text
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)  # exact spans in the article


def test_their_words_are_quoted_whole_not_cut_at_the_first_full_stop(ner: EntityRecognizer) -> None:
    text = (
        "Ottilie Brennan may soon step down as Tromsvik Ferries' chief.\n\n"
        "Brennan, for her part, said on Sunday before the board met: “No one wants the job who can keep the ferries "
        "afloat. There is no successor.” The board meets again in May."
    )
    article = {"a1": text}
    answerer = _reading(ner, article.get)
    question = "What did Ottilie Brennan say about a successor before the board met?"
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    quote = next(c for c in answer.citations if "No one wants the job" in c.quote)
    assert quote.quote.endswith("There is no successor.”"), answer.text  # the quotation whole
    assert "board meets again" not in quote.quote  # and no further
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)  # exact spans in the article
    assert sum("There is no successor" in c.quote for c in answer.citations) == 1  # its end not quoted twice

    # a quotation the paragraph leaves open is not run on into the next paragraph
    open_text = "Brennan said on Sunday: “No one wants the job. There is no one.\n\n“We will see,” she added."
    answerer = _reading(ner, {"a2": open_text}.get)
    answer = answerer.answer(Query("What did Brennan say on Sunday?"), [text_hit(open_text, "a2", "Brennan job")])
    assert all("We will see" not in c.quote or c.quote.startswith("“We") for c in answer.citations), answer.text

    # straight marks: one that closes a quotation opened before does not open one ("It's that simple," she said.)
    plain = (
        'Brennan said on Sunday: "I never thought of leaving. It\'s that simple," Brennan said. "I want to sail '
        'against the best in the world. Nothing else matters," she added.'
    )
    answerer = _reading(ner, {"a3": plain}.get)
    answer = answerer.answer(Query("What did Brennan say about leaving?"), [text_hit(plain, "a3", "Brennan leaving")])
    assert all(c.quote.count('"') % 2 == 0 for c in answer.citations), answer.text  # every quotation whole
    assert all(plain[c.start : c.end] == c.quote for c in answer.citations)

    # a quotation closed in a sentence that does not open it is quoted from where it opens
    told = (
        "Ottilie Brennan may soon step down.\n\n"
        "“I have not made that formal decision, but it’s my intention to run the ferries again. And we have time to "
        "make that decision,” Brennan told the Tromsvik Post in an interview. The board meets again in May."
    )
    answerer = _reading(ner, {"a4": told}.get)
    question = "What did Brennan tell the Tromsvik Post?"
    answer = answerer.answer(Query(question), [text_hit(told, "a4", question)])
    quote = next(c for c in answer.citations if "time to make that decision" in c.quote)
    assert quote.quote.startswith("“I have not made that formal decision"), answer.text
    assert told[quote.start : quote.end] == quote.quote


def test_a_report_of_their_speech_is_followed_by_the_words_a_description_of_them_closes(ner: EntityRecognizer) -> None:
    text = (
        "The budget runs to 4,000 pages.\n\n"
        "Harbour party leader Ottilie Brennan criticized the 41 million euro budget in a speech before the vote.\n\n"
        "“This is a monstrosity. It is one of the most shameful acts I have ever seen,” the Tromsvik Republican said. "
        "Lars Vik later spoke in favour of the budget."
    )
    article = {"a1": text}
    answerer = _reading(ner, article.get)
    question = "How did Ottilie Brennan describe the 41 million euro budget in her speech?"
    assert asked_speaker(question, ["Ottilie Brennan"]) == "Ottilie Brennan"  # "how did X describe"
    assert speaker("Ottilie Brennan criticized the budget in a speech.") == "Ottilie Brennan"  # speech reported
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    quotes = [c.quote for c in answer.citations]
    assert any("monstrosity" in q and "most shameful" in q for q in quotes), answer.text  # the quotation whole
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)


def test_a_question_put_to_them_is_followed_by_the_words_that_answer_it(ner: EntityRecognizer) -> None:
    text = (
        "Ottilie Brennan scored 32 points and Tromsvik beat Bergen 122-101 on Saturday.\n\n"
        "“I’m comfortable, but I have to keep getting better,” Brennan said of her shooting.\n\n"
        "Brennan was asked afterward if the Rovers have gone from the hunters to the hunted. "
        "“We're still hunting,” the reigning MVP said. The Rovers play again on Monday."
    )
    answerer = _reading(ner, {"a1": text}.get)
    question = "After Tromsvik beat Bergen, Ottilie got asked if the Rovers had gone from the hunters to the hunted. What did she say?"
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    quotes = [c.quote for c in answer.citations]
    assert any("still hunting" in q for q in quotes), answer.text  # the quotation after the question put to her
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)
    # a question put to her that no words of hers answer is not what she said
    unanswered = text.replace("“We're still hunting,” the reigning MVP said. ", "")
    answerer = _reading(ner, {"a2": unanswered}.get)
    answer = answerer.answer(Query(question), [text_hit(unanswered, "a2", question)])
    assert all("was asked" not in c.quote and "play again" not in c.quote for c in answer.citations), answer.text
    # nor is a request ("was asked to"), nor another's question ("Her coach, Jonas Lind, was asked ...")
    from rag.answer import _PUT_TO

    assert _PUT_TO.match("Brennan was asked to take a pay cut by the Rovers and refused.") is None
    assert _PUT_TO.match("Brennan, who was asked about the trade, said she loves the city.") is None
    assert _PUT_TO.match("Brennan was once again asked about the trade.") is not None
    coach = text.replace("Brennan was asked afterward", "Her coach, Jonas Lind, was asked afterward")
    answer = _reading(ner, {"a4": coach}.get).answer(Query(question), [text_hit(coach, "a4", question)])
    assert all("Jonas Lind" not in c.quote for c in answer.citations), answer.text
    # "she", right after a sentence that names her
    she = text.replace("Brennan was asked afterward", "She was asked afterward").replace(
        "“I’m comfortable, but I have to keep getting better,” Brennan said of her shooting.", "Brennan smiled."
    )
    answer = _reading(ner, {"a5": she}.get).answer(Query(question), [text_hit(she, "a5", question)])
    assert any("still hunting" in c.quote for c in answer.citations), answer.text


def test_a_sentence_that_tells_of_the_last_speaker_is_not_their_words() -> None:
    said = "In response, Brennan wrote, “There is a tiny chance it is true.”"
    about = "Brennan’s post comes amid concerns about how the ferry chief will run the harbour."
    assert attributed([said], about) == UNKNOWN  # the reporter's words about her
    assert attributed([said, about], "A harbour spokesperson did not return a request for comment.") == UNKNOWN
    assert attributed([said], "For example, the fares would rise.") == "Brennan"  # her words go on without her name
    # a sentence with its own verb of saying goes on with her past one that tells of her
    met = "Brennan met the harbour board on Thursday."
    assert attributed([said, met], "The mayor said the ferries would sail within weeks.") == "Brennan"


def test_a_person_the_small_model_takes_for_an_organisation_is_asked_for_their_words_when_news_calls_them_so(
    ner: EntityRecognizer,
) -> None:
    from rag.answer import _a_persons_name

    question = "what did Nicola Sturgeon say about the vote"
    frame = frame_question(question, ner.analyse([question])[0])
    assert [e.label for e in ner.analyse([question])[0].entities if e.text == "Nicola Sturgeon"] == ["ORG"]
    assert frame.speaker is None and frame.body_speaker == "Nicola Sturgeon"
    told = "Nicola Sturgeon spoke in Edinburgh. Sturgeon said the vote was unacceptable."
    assert _a_persons_name("Nicola Sturgeon", [text_hit(told, "a1", question)])
    firm = "Goldman Sachs raised its forecast. Goldman Sachs said rates would rise."
    assert not _a_persons_name("Goldman Sachs", [text_hit(firm, "a2", question)])  # a company keeps its name
    answerer = _reading(ner, {"a1": told}.get)
    answer = answerer.answer(Query(question), [text_hit(told, "a1", question)])
    assert [c.quote for c in answer.citations][:1] == ["Sturgeon said the vote was unacceptable."], answer.text


def test_how_someone_put_it_is_answered_by_their_quotation_first(ner: EntityRecognizer) -> None:
    text = (
        "Ottilie Brennan is stepping down as the harbour's leader because of burnout, Brennan told the board on "
        "Thursday. “I know what this job takes, and I no longer have enough in the tank,” Brennan said."
    )
    answerer = _reading(ner, {"a1": text}.get)
    question = "How did Ottilie Brennan put it when she told the board she was stepping down?"
    answer = answerer.answer(Query(question), [text_hit(text, "a1", question)])
    assert answer.citations and answer.citations[0].quote.startswith("“I know what this job takes"), answer.text


def test_what_someone_is_may_follow_their_name_in_the_question() -> None:
    question = "during the strike what did Ivo Strand the night security guard say about having to strike"
    assert asked_speaker(question, ["Ivo Strand"]) == "Ivo Strand"
    assert asked_speaker("what did Ivo Strand, a ferry captain, say", ["Ivo Strand"]) == "Ivo Strand"
    assert asked_speaker("what did Ivo Strand and the guard say", ["Ivo Strand"]) is None  # two
    assert asked_speaker("what did Ivo Strand the guard's lawyer say", ["Ivo Strand"]) is None  # the lawyer's


def test_she_said_after_a_sentence_whose_subject_is_the_one_person_named() -> None:
    said = '"This validates the fact that we can work like everyone else," she said through an interpreter.'
    stage = 'Alma Brekke took the stage with her "NORDVIK" co-stars to accept the SAG honor for best ensemble.'
    assert attributed([stage], said) == "Alma Brekke"  # an acronym and a quoted title are no other person
    two = "Alma Brekke took the stage with Ida Lund to accept the honor."
    assert attributed([two], said) == UNKNOWN  # two people: whose words is not known


def test_a_word_before_a_role_and_a_name_names_no_one() -> None:
    question = "Etiquette consultant Alma Brekke says she doesn't tip on takeout orders. How did she explain that?"
    assert asked_speaker(question, ["Etiquette", "Alma Brekke"]) == "Alma Brekke"
    told = "Biden told Putin at the summit that sanctions would follow. What did he say about Ukraine?"
    assert asked_speaker(told, ["Biden", "Putin", "Ukraine"]) == "Biden"


def test_a_first_name_asked_is_the_whole_name_the_article_writes() -> None:
    from rag.speakers import whole_name

    text = "Alma Brekke had 32 points. Brekke was asked afterward about the streak."
    assert whole_name("Alma", text) == "Alma Brekke"
    assert same_speaker(whole_name("Alma", text), "Brekke")
    assert whole_name("Alma", "Alma Brekke and Alma Dahl both scored.") == "Alma"  # two: not known which
    assert whole_name("Alma Brekke", text) == "Alma Brekke"


def test_a_speaker_who_put_it_a_way_before_a_quotation_says_it() -> None:
    from rag.speakers import _SAYING_VERB

    assert _SAYING_VERB.search("Columnist Ann Vik put it another way: “Nordvik traded it for magic beans.”")
    assert not _SAYING_VERB.search("Ann Vik put it on the shelf before the meeting.")
