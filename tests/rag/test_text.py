from datetime import date

from rag.query import month_before, period_of
from rag.text import entity_terms, fold_accents, key_terms, named_period, section_of, sentence_spans, shorten
from rag.types import Query


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


def test_spans_are_verbatim_slices_with_whitespace_trimmed() -> None:
    text = "  First one. Second one!  Third?\n\nNew paragraph here.  "
    spans = sentence_spans(text)
    assert _sentences(text) == ["First one.", "Second one!", "Third?", "New paragraph here."]
    assert all(text[s.start : s.end] == text[s.start : s.end].strip() for s in spans)


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Mr. Smith met Dr. J. Doe in the U.S. capital on Jan. 5. They talked."
    assert _sentences(text) == ["Mr. Smith met Dr. J. Doe in the U.S. capital on Jan. 5.", "They talked."]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = "He said: “We will win.” The crowd cheered. “Really?” she asked."
    assert _sentences(text) == ["He said: “We will win.”", "The crowd cheered.", "“Really?” she asked."]
    # a quotation's attribution after its closing mark ends the quoted sentence, whatever the mark before it
    told = "“You understand that, Mr. Mayor?” Lars Vik said to laughter. Ann Vik left. “We won.” The crowd cheered."
    assert _sentences(told) == [
        "“You understand that, Mr. Mayor?” Lars Vik said to laughter.",
        "Ann Vik left.",
        "“We won.”",
        "The crowd cheered.",
    ]
    # after a full stop, or with a pronoun, a sentence of its own
    again = 'Vik posted "Make Tromsvik great again." She told the Post she was tired. "Go!" Vik said.'
    assert _sentences(again) == [
        'Vik posted "Make Tromsvik great again."',
        "She told the Post she was tired.",
        '"Go!" Vik said.',
    ]
    asked = "“Is it safe?” Officials said the answer is yes and the ferry would sail on Monday."
    assert _sentences(asked) == [
        "“Is it safe?”",
        "Officials said the answer is yes and the ferry would sail on Monday.",
    ]


def test_lowercase_after_period_is_not_a_boundary() -> None:
    assert _sentences("Prices rose 2.5 percent. e.g. in March. It fell.") == [
        "Prices rose 2.5 percent. e.g. in March.",
        "It fell.",
    ]


def test_spans_within_a_range_use_absolute_offsets() -> None:
    text = "Skip this. Take this one. And this."
    spans = sentence_spans(text, 11)
    assert [text[s.start : s.end] for s in spans] == ["Take this one.", "And this."]
    assert spans[0].start == 11


def test_key_terms_drop_stop_words_and_stem() -> None:
    assert key_terms("What did Mishustin say about universities?") == ["mishustin", "universiti"]
    assert key_terms("the the of") == []


def test_entity_terms_are_capitalised_content_words() -> None:
    assert entity_terms("What did Mishustin say about universities in Russia?") == {"mishustin", "russia"}


def test_shorten_cuts_at_a_word_boundary() -> None:
    assert shorten("short") == "short"
    cut = shorten("word " * 40, 30)
    assert len(cut) <= 30 and cut.endswith("…") and "wor…" not in cut


def test_answer_type_match() -> None:
    from rag.text import answer_type_match

    assert answer_type_match("How much will the wall cost?", "It will cost 41 million euros.") is True
    assert answer_type_match("How much will the wall cost?", "It is 2.4 kilometres long.") is False
    assert answer_type_match("How many players took part?", "A record 412 players came.") is True
    assert answer_type_match("When did the line reopen?", "It reopened on Monday.") is True
    assert answer_type_match("When did the line reopen?", "It reopened after repairs.") is False
    assert answer_type_match("Who won the open?", "Idris won.") is None


def test_accents_come_off_one_character_for_one() -> None:
    text = "Sinn Féin’s López, Łukasz and Søren in Zürich — naïve"
    folded = fold_accents(text)
    assert folded == "Sinn Fein’s Lopez, Lukasz and Soren in Zurich — naive" and len(folded) == len(text)
    assert fold_accents("plain") == "plain"


def test_named_period_reads_the_days_months_and_years_a_question_names() -> None:
    assert named_period("What hurricane hit Florida in November 2022?") == (date(2022, 11, 1), date(2022, 11, 30))
    assert named_period("Who spoke on Nov. 10, 2022?") == (date(2022, 11, 10), date(2022, 11, 10))
    assert named_period("the vote of 3rd of March 2023") == (date(2023, 3, 3), date(2023, 3, 3))
    assert named_period("What happened on 2023-01-05?") == (date(2023, 1, 5), date(2023, 1, 5))
    assert named_period("Who led the league during 2021?") == (date(2021, 1, 1), date(2021, 12, 31))
    assert named_period("in December 2022 or January 2023") == (date(2022, 12, 1), date(2023, 1, 31))
    # no year, a season's span, a year that names a thing, an impossible day: nothing to go by
    for text in ("Who won on February 12?", "in 2022-23", "the 2022 World Cup", "on February 30, 2023", "this week"):
        assert named_period(text) is None, text


def test_period_of_reads_the_question_without_an_as_of_date_and_not_a_follow_ups_context() -> None:
    november = (date(2022, 11, 1), date(2022, 11, 30))
    assert period_of(Query("What hurricane hit Florida in November 2022?")) == november
    assert period_of(Query("What hurricane hit Florida in November 2022?", as_of=date(2023, 1, 5))) is None
    assert period_of(Query("Who is their coach? (Giannis Antetokounmpo, March 2023, Bucks)")) is None


def test_an_earlier_month_of_the_as_of_year_is_the_time_a_year_end_question_asks_about() -> None:
    quiz = "This former Japanese prime minister was assassinated while delivering a campaign speech in July."
    assert month_before(Query(quiz, as_of=date(2022, 12, 30))) == (date(2022, 7, 1), date(2022, 7, 31))
    assert month_before(Query(quiz)) is None  # no as-of date: period_of reads the question
    assert month_before(Query("Which airline is cutting flights during November?", as_of=date(2022, 8, 18))) is None
    assert month_before(Query("What did May say in March 2019?", as_of=date(2022, 12, 30))) is None  # a year
    assert month_before(Query("What did Theresa May say?", as_of=date(2022, 12, 30))) is None  # a name
    assert month_before(Query("Who spoke in March and in May?", as_of=date(2022, 12, 30))) is None  # two months


def test_a_section_runs_from_its_heading_to_the_next() -> None:
    text = (
        "Here's Tuesday's headlines.\n\nBiden's first veto\n\nPresident Joe Biden issued his first veto Monday. "
        "Read more\n\nChinese leader welcomed in Russia\n\nXi Jinping is in Moscow. The trip comes days after the "
        "court issued an arrest warrant for Putin.\n\nWhy would Trump get arrested?\n\nTrump predicted Tuesday "
        "will be the day he is indicted."
    )
    start, end = section_of(text, text.index("The trip comes"))
    assert text[start:end].strip() == (
        "Chinese leader welcomed in Russia\n\nXi Jinping is in Moscow. The trip comes days after the court issued "
        "an arrest warrant for Putin."
    )
    start, end = section_of(text, text.index("Trump predicted"))
    assert text[start:].startswith("Why would Trump get arrested?") and end == len(text)
    assert section_of(text, 3) == (0, text.index("Biden's first veto"))  # before the first heading
    plain = "One sentence. Another sentence.\n\nA third paragraph, with its own sentence."
    assert section_of(plain, len(plain) - 3) == (0, len(plain))  # no heading: the whole text


def test_events_told_by_a_noun_of_another_stem() -> None:
    from rag.text import as_events

    assert {"born", "birth"} <= as_events(key_terms("born"))
    assert {"die", "death"} <= as_events(key_terms("died"))
    assert as_events(key_terms("voted")) == set(key_terms("voted"))


def test_contractions_typed_without_their_apostrophe_get_it_back() -> None:
    from rag.text import restore_apostrophes

    assert restore_apostrophes("whats the law called") == "what's the law called"
    assert restore_apostrophes("Whats up, he wasnt there") == "What's up, he wasn't there"
    assert restore_apostrophes("I cant go, its fine, were done") == "I cant go, its fine, were done"  # words too
    assert "what" not in key_terms(restore_apostrophes("whats the law called"))


def test_past_forms_are_the_irregular_pasts_of_the_verbs() -> None:
    from rag.text import past_forms

    assert past_forms({"pay"}) == {"paid"} and "bought" in past_forms({"buy"}) and past_forms({"resign"}) == set()
