"""The entity ranker behind the short answer (``rag/short_answer.py``): grouping of mentions, the fitted model's
ranking and fit, and, with the real recogniser and the shipped weights, an answer whose short answer is the entity
the retrieved sentences support most, with an exact span, quoted first."""

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from rag.answer import ExtractiveAnswerer
from rag.nlp import Entity, EntityRecognizer
from rag.short_answer import (
    FEATURES,
    EntityGroup,
    Mention,
    ShortAnswerModel,
    context_shares,
    fit_conditional_logit,
    group_features,
    group_key,
    group_mentions,
)
from rag.text import derive_title, key_terms
from rag.types import Query
from tests.fakes import TEST_MODEL, fake_embed, text_hit


def _mention(text: str, sentence: int, score: float, distance: int = 0) -> Mention:
    return Mention(Entity(text, "ORG", 0, len(text)), sentence, score, distance)


def test_mentions_of_one_entity_are_grouped_under_its_longest_form() -> None:
    groups = group_mentions(
        [
            _mention("Bucks", 0, 2.0),
            _mention("the Milwaukee Bucks", 3, 1.0),
            _mention("Biden’s", 1, 1.5),
            _mention("Biden", 2, 0.5),
            _mention("Phoenix Suns", 4, 0.2),
        ]
    )
    by_text = {g.text: g for g in groups}
    assert set(by_text) == {"the Milwaukee Bucks", "Biden’s", "Phoenix Suns"}
    assert len(by_text["the Milwaukee Bucks"].mentions) == 2 and len(by_text["Biden’s"].mentions) == 2
    assert group_key("Biden’s") == group_key("biden") == "biden"
    assert group_key("$1.5 billion") == "1.5 billion" and group_key("1,200 homes") == "1,200 home"
    assert group_key("12,000 jobs") == group_key("12,000 job") != group_key("10,000 jobs")  # one count, said twice
    shown = by_text["the Milwaukee Bucks"].shown()  # led from its best sentence: "Bucks" there
    assert shown.sentence == 0 and shown.entity.text == "Bucks"


def test_a_relative_date_groups_only_within_its_article() -> None:
    """Another article's "Sunday" is another Sunday: it lends no support; "May 15" is one day in any article."""

    def date(text: str, sentence: int, article: str) -> Mention:
        return Mention(Entity(text, "DATE", 0, len(text)), sentence, 1.0, 0, article=article)

    groups = group_mentions(
        [date("Sunday", 0, "a"), date("Sunday", 1, "b"), date("Sunday", 2, "a"), date("May 15", 3, "a")]
        + [date("May 15", 4, "c"), date("February", 5, "d"), date("six months", 6, "a"), date("six months", 7, "e")]
    )
    sizes = sorted((g.text, len(g.mentions)) for g in groups)
    # a length of time is the same length in any article
    assert sizes == [("February", 1), ("May 15", 2), ("Sunday", 1), ("Sunday", 2), ("six months", 2)]
    # within its article, "Sunday" joins the date it names
    groups = group_mentions([date("Sunday", 0, "rtqa-1"), date("Sunday, May 15", 1, "rtqa-1"), date("Sunday", 2, "x")])
    assert sorted((g.text, len(g.mentions)) for g in groups) == [("Sunday", 1), ("Sunday, May 15", 2)]


def test_a_pairing_of_two_entities_is_split_and_a_leading_article_ignored() -> None:
    """The recogniser takes "Buffalo Bills-Cincinnati Bengals" (a game) for one organisation: grouped whole, it would
    join both teams' mentions into one group and lead with whichever is in the best sentence. Split, each team is its
    own group; a hyphenated name whose parts are not entities of their own ("Coca-Cola") stays whole."""
    sentence = "Monday's Buffalo Bills-Cincinnati Bengals game was suspended."
    start = sentence.index("Buffalo")
    pairing = Mention(Entity("Buffalo Bills-Cincinnati Bengals", "ORG", start, start + 32), 0, 2.0, 0)
    groups = group_mentions(
        [
            pairing,
            _mention("the Buffalo Bills", 1, 1.5),
            _mention("Bills", 2, 1.0),
            _mention("the Cincinnati Bengals", 3, 1.0),
            _mention("Coca-Cola", 4, 0.5),
            _mention("Coca-Cola Zero", 5, 0.5),  # a longer joined name does not split the shorter
        ]
    )
    by_key = {g.key: g for g in groups}
    assert set(by_key) == {"buffalo bills", "cincinnati bengals", "coca cola zero"}
    assert sorted(m.entity.text for m in by_key["coca cola zero"].mentions) == ["Coca-Cola", "Coca-Cola Zero"]
    assert len(by_key["buffalo bills"].mentions) == 3 and len(by_key["cincinnati bengals"].mentions) == 2
    for m in by_key["buffalo bills"].mentions + by_key["cincinnati bengals"].mentions:
        if m.sentence == 0:  # the split parts keep exact offsets into their sentence
            assert sentence[m.entity.start : m.entity.end] == m.entity.text
    assert group_key("the Buffalo Bills") == "buffalo bills" and group_key("The Hague") == "hague"
    # "a" is "one": "a million" is not "5 million"
    assert len(group_mentions([_mention("a million", 0, 1.0), _mention("5 million", 1, 1.0)])) == 2
    # a name written both ways, or a person's, is one entity: not split
    same = group_mentions([_mention("Coca-Cola", 0, 1.0), _mention("Coca Cola", 1, 0.5), _mention("Cola", 2, 0.5)])
    assert [g.shown().entity.text for g in same] == ["Coca-Cola"]
    person = Mention(Entity("Jean-Pierre Raffarin", "PERSON", 0, 20), 0, 1.0, 0)
    people = group_mentions([person, _mention("Raffarin", 1, 0.5), _mention("Jean Castex", 2, 0.5)])
    assert sorted(g.text for g in people) == ["Jean Castex", "Jean-Pierre Raffarin"]


def test_different_numbers_are_never_one_entity() -> None:
    groups = group_mentions(
        [
            _mention("$1.5 billion", 0, 1.0),
            _mention("$5 billion", 1, 1.0),
            _mention("1,200", 2, 1.0),
            _mention("200", 3, 1.0),
            _mention("2.5%", 4, 1.0),
            _mention("5%", 5, 1.0),
            _mention("1.5 billion", 6, 1.0),
        ]
    )
    assert sorted(len(g.mentions) for g in groups) == [1, 1, 1, 1, 1, 2]  # only "$1.5 billion" and "1.5 billion"


def test_support_adds_up_over_mentions_and_kind_needs_a_head() -> None:
    groups = group_mentions([_mention("Texas", 0, 3.0, 40), _mention("Texas", 2, 3.0, 500), _mention("Ohio", 1, 3.0)])
    group_features(groups, 3.0, "", fake_embed)
    texas, ohio = sorted(groups, key=lambda g: g.text, reverse=True)
    assert texas.features["support"] == pytest.approx(np.log(2.0)) and ohio.features["support"] == pytest.approx(0.0)
    assert texas.features["distance"] == pytest.approx(0.4)  # its nearest mention
    assert texas.features["kind"] == ohio.features["kind"] == 0.0  # no "which X" in the question
    group_features(groups, 3.0, "state", fake_embed)
    assert all(-1.0 <= g.features["kind"] <= 1.0 for g in groups)
    far = group_mentions([_mention("Ohio", 0, -900.0)])  # support is finite however far below the best sentence
    group_features(far, 0.0, "", None)
    assert far[0].features["support"] == pytest.approx(-900.0)
    assert texas.features["title"] == ohio.features["title"] == 0.0  # no headline
    group_features(groups, 3.0, "", None, "Ohio's governor declares an emergency")
    assert ohio.features["title"] == 1.0 and texas.features["title"] == 0.0
    group_features(groups, 3.0, "", None, "Ohioans brace for the storm")  # whole words only
    assert ohio.features["title"] == 0.0
    bills = group_mentions([_mention("the Buffalo Bills", 0, 0.0), _mention("Bills", 1, 0.0)])
    group_features(bills, 0.0, "", None, "Bills safety Damar Hamlin is awake")  # a shorter form of the group
    assert bills[0].features["title"] == 1.0


def test_context_is_the_share_of_the_question_s_terms_in_the_mention_s_clause_and_surroundings() -> None:
    """ "Which newspaper did Murdoch tell about his wedding plans?": the clause of "New York Post" holds "wedding"
    and "plans", the clause of "News Corp" none of the question's words (its own words never count)."""
    sentence = "Murdoch, who controls News Corp, told the New York Post about his plans for the wedding in June."
    q_terms = set(key_terms("Which newspaper did Murdoch tell about his wedding plans?"))
    post = Entity("New York Post", "ORG", sentence.index("New York"), sentence.index(" about"))
    corp = Entity("News Corp", "ORG", sentence.index("News Corp"), sentence.index(", told"))
    post_clause, post_nearby = context_shares(sentence, post, q_terms)
    corp_clause, corp_nearby = context_shares(sentence, corp, q_terms)
    assert post_clause == pytest.approx(2 / len(q_terms)) and corp_clause == 0.0
    assert post_nearby >= post_clause and corp_nearby > 0.0  # "Murdoch" and "plans" are within 80 characters
    assert context_shares(sentence, post, set()) == (0.0, 0.0)
    groups = group_mentions(
        [replace(_mention("Post", 0, 0.0), clause=0.1), replace(_mention("Post", 1, 0.0), clause=0.5)]
    )
    group_features(groups, 0.0, "", None)
    assert groups[0].features["clause"] == 0.5  # its best mention's


def test_the_short_answer_is_the_entity_whose_own_clause_says_what_the_question_asks(ner: EntityRecognizer) -> None:
    """Texas is named twice, New York once, in the clause that says who banned gas stoves: the fitted model weighs
    the clause over the count (the model before session 24 led with Texas)."""
    question = "Which state banned the sale of gas stoves this week?"
    texts = [
        "Texas lawmakers, meeting in Austin this week, said New York banned the sale of gas stoves in new buildings.",
        "Texas, which has the most gas stoves of any state, resisted the ban this week.",
    ]
    hits = [text_hit(text, f"a{i}", question) for i, text in enumerate(texts)]
    draft = ExtractiveAnswerer(embed=fake_embed, ner=ner).draft(Query(question), hits)
    assert draft.answer.short_answer is not None and draft.answer.short_answer.text == "New York"
    first = draft.entity_groups[0]
    assert first.features["clause"] > max(g.features["clause"] for g in draft.entity_groups[1:])


def test_of_two_entities_alike_the_one_the_best_article_s_headline_names_is_the_short_answer(
    ner: EntityRecognizer,
) -> None:
    question = "Which automaker recalled 125,000 SUVs this week?"
    text = "Ford and Toyota are among the automakers whose recalls of SUVs this week were announced by regulators."
    for named in ("Ford", "Toyota"):
        hit = replace(text_hit(text, "a1", question), title=f"{named} recalls 125,000 SUVs over fire risk")
        draft = ExtractiveAnswerer(embed=fake_embed, ner=ner).draft(Query(question), [hit])
        assert draft.answer.short_answer is not None and draft.answer.short_answer.text == named
    # An article without a headline is titled with its first sentence (the users' .txt dumps): that names what the
    # lede names, so it is no headline, and it counts for no entity.
    lede = "Toyota recalled 125,000 SUVs this week, regulators said, after Ford recalled 40,000 SUVs last month."
    hit = replace(text_hit(lede, "a1", question), title=derive_title(lede))
    draft = ExtractiveAnswerer(embed=fake_embed, ner=ner).draft(Query(question), [hit])
    assert draft.entity_groups and all(g.features["title"] == 0.0 for g in draft.entity_groups)


def test_kind_is_the_embedding_model_s_closeness_to_what_is_asked(embedder) -> None:  # type: ignore[no-untyped-def]
    groups = group_mentions([_mention("Tesla", 0, 0.0), _mention("the Food and Drug Administration", 0, 0.0)])
    group_features(groups, 0.0, "carmaker", embedder.embed)
    kind = {g.text: g.features["kind"] for g in groups}
    assert kind["Tesla"] > kind["the Food and Drug Administration"]


def test_the_model_ranks_by_its_weights_and_gives_probabilities() -> None:
    model = ShortAnswerModel({"support": 1.0, "kind": 2.0, "distance": -1.0})
    a, b = EntityGroup("a", [_mention("A", 0, 0.0)]), EntityGroup("b", [_mention("B", 1, 0.0)])
    a.features = {"support": 0.0, "kind": 0.1, "distance": 0.0}
    b.features = {"support": 0.0, "kind": 0.6, "distance": 0.0}
    ranked = model.rank([a, b])
    assert [g.key for g in ranked] == ["b", "a"]
    assert sum(g.probability for g in ranked) == pytest.approx(1.0)
    assert ranked[0].probability == pytest.approx(1 / (1 + np.exp(-1.0)))
    assert model.rank([]) == []


def test_a_lone_candidate_is_not_certain_when_none_of_them_is_a_choice() -> None:
    from rag.short_answer import fit_none, softmax_with_none

    lone = EntityGroup("a", [_mention("A", 0, 0.0)])
    lone.features = {"support": 0.0, "kind": 0.0, "distance": 0.0}
    without = ShortAnswerModel({"support": 1.0, "kind": 2.0, "distance": -1.0})
    assert without.rank([lone])[0].probability == pytest.approx(1.0)  # the Red River trap: one sum, certain
    model = ShortAnswerModel({"support": 1.0, "kind": 2.0, "distance": -1.0}, none=1.0)
    assert model.rank([lone])[0].probability == pytest.approx(1 / (1 + np.e))
    assert softmax_with_none(np.array([0.0, 0.0]), None).sum() == pytest.approx(1.0)
    assert softmax_with_none(np.array([0.0, 0.0]), 0.0).sum() == pytest.approx(2 / 3)
    # fitted where right candidates score high and the questions without one score low, "none" lies between
    right = [(np.array([[3.0], [0.0]]), np.array([1.0, 0.0]))] * 20
    wrong = [(np.array([[-1.0], [-2.0]]), np.array([0.0, 0.0]))] * 20
    none = fit_none(right + wrong, np.array([1.0]))
    assert -1.0 < none < 3.0
    assert fit_none(right, np.array([1.0])) is None  # every question has a right candidate: nothing to fit
    assert fit_none(wrong, np.array([1.0])) is None
    assert fit_none(
        [(np.array([[50.0]]), np.array([1.0])), (np.array([[50.0]]), np.array([0.0]))], np.array([1.0])
    ) == (pytest.approx(50.0, abs=0.01))  # within the scores' own range, however large
    assert fit_none([(np.array([[np.nan]]), np.array([0.0]))] + right, np.array([1.0])) is None


def test_the_conditional_logit_learns_which_feature_marks_the_right_candidate() -> None:
    rng = np.random.default_rng(0)
    questions = []
    for _ in range(200):
        x = rng.normal(size=(5, 3))
        y = np.zeros(5)
        y[int(np.argmax(2.0 * x[:, 0] - 1.0 * x[:, 2] + rng.normal(scale=0.5, size=5)))] = 1.0
        questions.append((x, y))
    w = fit_conditional_logit(questions, l2=1.0)
    assert w[0] > 1.0 and w[2] < -0.5 and abs(w[1]) < 0.5
    with pytest.raises(ValueError, match="no question has a right candidate"):
        fit_conditional_logit([(np.ones((2, 3)), np.zeros(2))])


def test_the_shipped_model_loads_and_an_unknown_feature_is_refused(tmp_path: Path) -> None:
    model = ShortAnswerModel.load()
    assert set(model.weights) == set(FEATURES) and model.sentences >= 6 and "rtqa-train" in model.fitted_on
    assert model.weights["support"] > 0 and model.weights["kind"] > 0 and model.weights["distance"] < 0
    assert model.weights["title"] > 0 and model.weights["clause"] > 0 and model.weights["nearby"] > 0
    assert model.none is not None and 0.0 < model.none < 5.0  # fitted on the questions without a right candidate
    bad = tmp_path / "m.json"
    bad.write_text(json.dumps({"weights": {"support": 1.0, "typo": 2.0}}), encoding="utf-8")
    with pytest.raises(ValueError, match="typo"):
        ShortAnswerModel.load(bad)
    bad.write_text('{"weights": {"support": 1.0}, "none": NaN}', encoding="utf-8")
    with pytest.raises(ValueError, match="none"):
        ShortAnswerModel.load(bad)
    old = tmp_path / "old.json"  # a model file from before the choice of none: probabilities as before
    old.write_text(json.dumps({"weights": {"support": 1.0}}), encoding="utf-8")
    assert ShortAnswerModel.load(old).none is None


def test_the_short_answer_is_the_entity_most_sentences_support_quoted_first(ner: EntityRecognizer) -> None:
    """The first passage names one state; three others, about as close to the question, name another. The short
    answer is the one the most sentences support, its span exact in its article, and its sentence the first quote."""
    question = "Which state did the ice storm hit hardest this week?"
    texts = [
        "The ice storm this week hit hardest across Oklahoma, officials said on Monday.",
        "The ice storm hit Texas hardest this week, leaving 40,000 homes without power.",
        "In Texas, the ice storm this week closed every road.",
        "Crews in Texas worked through the night after the ice storm hit this week.",
    ]
    hits = [text_hit(t, f"a{i}", question, start=100 * i) for i, t in enumerate(texts)]
    draft = ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner).draft(Query(question), hits)
    short = draft.answer.short_answer
    assert [g.text for g in draft.entity_groups][:1] == ["Texas"], [g.features for g in draft.entity_groups]
    assert short is not None and short.text == "Texas"
    article = texts[int(short.article_id[1:])]
    start = 100 * int(short.article_id[1:])
    assert article[short.start - start : short.end - start] == "Texas"
    first_quote = draft.answer.citations[0]
    assert (
        first_quote.article_id == short.article_id and first_quote.start <= short.start < short.end <= first_quote.end
    )
    assert draft.answer.text.startswith("Texas. [")
    # more likely than any other candidate; below 1, as the answer may also be none of them
    assert max(g.probability for g in draft.entity_groups[1:]) < draft.entity_groups[0].probability < 1.0
    assert draft.assessment is not None
    assert draft.assessment.features["short_confidence"] == pytest.approx(draft.entity_groups[0].probability)


def test_the_first_quote_states_the_short_answer_and_the_quotes_keep_to_their_limit_and_topic(
    ner: EntityRecognizer,
) -> None:
    """The short answer's sentence comes first even when its article has an earlier quote; no more than
    ``max_sentences`` quotes; a sentence from an article that never names the question's person is not shown."""
    question = "Which team did coach Maria Lopez lead to the title this week?"
    article = (
        "Coach Maria Lopez was named coach of the year this week after the final. "
        "Maria Lopez led the Harbor City Sharks to the title this week, their first in a decade."
    )
    hits = [
        text_hit(article, "a0", question),
        text_hit("The Lakeside Owls lost the title game this week to a late goal.", "b1", question, start=0),
    ]
    for limit in (1, 2, 3):
        answerer = ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner, max_sentences=limit)
        answer = answerer.draft(Query(question), hits).composed
        assert answer is not None and answer.short_answer is not None
        assert answer.short_answer.text == "the Harbor City Sharks"
        first = answer.citations[0]
        assert (
            first.article_id == "a0" and first.start <= answer.short_answer.start < answer.short_answer.end <= first.end
        )
        assert len(answer.citations) <= limit
        assert all(c.article_id == "a0" for c in answer.citations)  # b1 never names Maria Lopez


def test_a_question_about_a_person_takes_its_short_answer_from_an_article_that_names_them(
    ner: EntityRecognizer,
) -> None:
    """The best-scoring sentence comes from an article that never names the question's person: its entity would be
    refused by the names rule, with the answer the other article holds. The candidates come from the article that
    names her, and the answer is shown."""
    question = "Which team did coach Maria Lopez lead to the title this week?"
    hits = [
        text_hit("The Chicago Bulls won the title this week, led by their coach.", "b0", question),
        text_hit("Maria Lopez led the Harbor City Sharks to a title this week.", "a1", question, start=0),
    ]
    answerer = ExtractiveAnswerer(embed=fake_embed, model=TEST_MODEL, ner=ner, min_answerability=0.0)
    draft = answerer.draft(Query(question), hits)
    assert [g.text for g in draft.entity_groups] == ["the Harbor City Sharks"]
    assert not draft.answer.abstained, draft.answer.note
    assert draft.answer.short_answer is not None and draft.answer.short_answer.article_id == "a1"
    # with no article naming her, the candidates are not filtered, and the names rule refuses the answer
    alone = answerer.draft(Query(question), hits[:1])
    assert [g.text for g in alone.entity_groups] == ["The Chicago Bulls"] and alone.answer.abstained


def test_the_outlet_a_title_credits_is_not_part_of_its_headline(ner: EntityRecognizer) -> None:
    question = "Which company said it is cutting 18,000 jobs?"
    text = "Amazon is cutting 18,000 jobs, the company told CNN on Wednesday."
    hit = replace(text_hit(text, "a1", question), title="Amazon cuts 18,000 jobs | CNN Business")
    draft = ExtractiveAnswerer(embed=fake_embed, ner=ner).draft(Query(question), [hit])
    title = {g.text: g.features["title"] for g in draft.entity_groups}
    assert title == {"Amazon": 1.0, "CNN": 0.0}
    assert draft.answer.short_answer is not None and draft.answer.short_answer.text == "Amazon"
