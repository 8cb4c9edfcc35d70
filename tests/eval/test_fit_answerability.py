"""The answerability fit's logic: the logistic regression, the trade-off curve and the choice of threshold, and the
rejection run's helpers (which articles hold an answer, which questions are true/false)."""

from dataclasses import replace

import numpy as np

from eval.fit_answerability import (
    Row,
    choose_threshold,
    curve,
    fit_logistic,
    short_answer_points,
    short_answer_threshold,
    short_names,
)
from eval.rejection import answer_articles, is_true_false, lowered_corpus
from rag.answerability import FEATURES, AnswerabilityModel


def test_the_logistic_fit_learns_which_feature_tells_answers_apart() -> None:
    rng = np.random.default_rng(0)
    x = rng.random((400, 3))
    y = (x[:, 0] + 0.1 * rng.standard_normal(400) > 0.5).astype(float)  # only the first feature matters
    w = fit_logistic(x, y, l2=1e-3)
    assert w[0] > 3 and abs(w[1]) < 1 and abs(w[2]) < 1
    p = 1 / (1 + np.exp(-(np.hstack([x, np.ones((400, 1))]) @ w)))
    assert ((p > 0.5) == (y > 0.5)).mean() > 0.9


def _row(run: str, score: float, correct: bool = False, rule: bool = False) -> Row:
    features = dict.fromkeys(FEATURES, 0.0)
    features["coverage"] = score
    return Row("q", run, True, features, int(correct), correct, rule, False)


def test_the_curve_trades_rejection_against_false_abstention_and_the_threshold_respects_the_limit() -> None:
    model = AnswerabilityModel({"coverage": 10.0}, bias=-5.0)  # p = 0.5 at coverage 0.5
    rows = [_row("normal", s, correct=s > 0.5) for s in (0.2, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.97, 0.96, 0.93)]
    rows += [_row("rejection", s) for s in (0.1, 0.2, 0.3, 0.65, 0.9)]
    rows.append(_row("rejection", 0.99, rule=True))  # refused by a rule at any threshold
    points = {p["threshold"]: p for p in curve(rows, model, thresholds=(0.0, 0.5, 0.9))}
    assert points[0.0]["rejection_rate"] == round(1 / 6, 4) and points[0.0]["false_abstention_rate"] == 0.0
    assert points[0.5]["rejection_rate"] == 0.6667 and points[0.5]["false_abstention_rate"] == 0.1
    assert points[0.5]["open_accuracy"] == 0.9
    assert points[0.9]["rejection_rate"] > points[0.5]["rejection_rate"]
    assert points[0.9]["false_abstention_rate"] > 0.1
    assert choose_threshold(list(points.values()), max_false_abstention=0.10) == 0.5
    assert choose_threshold(list(points.values()), max_false_abstention=0.0) == 0.0
    # by default: the most rejection while open accuracy stays within 0.02 of its best (0.9 at 0.0 and 0.5)
    assert choose_threshold(list(points.values())) == 0.5
    assert choose_threshold(list(points.values()), max_accuracy_loss=1.0) == 0.9


def test_the_short_answer_threshold_is_where_a_short_answer_turns_as_likely_right_as_wrong() -> None:
    model = AnswerabilityModel({"coverage": 10.0}, bias=-5.0, threshold=0.1)  # p = sigmoid(10 * coverage - 5)
    rng = np.random.default_rng(1)
    rows = []
    for coverage in rng.random(600):
        p = 1 / (1 + np.exp(-(10 * coverage - 5)))
        right = rng.random() < p  # a short answer is right with the answer's own probability: 1/2 at p = 1/2
        row = _row("normal", float(coverage), correct=right)
        rows.append(replace(row, short="X", short_right=bool(right)))
    rows.append(replace(_row("normal", 0.99), short=None))  # no short answer: not counted
    rows.append(replace(_row("rejection", 0.99), short="Y"))  # the rejection run: not counted
    t = short_answer_threshold(rows, model)
    assert 0.4 < t < 0.6
    points = {p["threshold"]: p for p in short_answer_points(rows, model, thresholds=(0.1, t, 0.9))}
    assert points[0.1]["led"] == 1.0 and points[0.9]["led"] < points[t]["led"] < 1.0
    assert points[0.1]["precision"] < points[t]["precision"] < points[0.9]["precision"]
    # a short answer that the score does not tell apart is never led with; nor is one below the model's threshold
    flat = [
        replace(_row("normal", float(c)), short="X", short_right=bool(i % 3 == 0)) for i, c in enumerate(rng.random(90))
    ]
    assert short_answer_threshold(flat, model) == 1.0
    assert short_answer_threshold(rows, replace(model, threshold=0.8)) >= 0.8


def test_a_short_answer_names_the_right_choice_when_either_holds_the_other() -> None:
    assert short_names("Damar Hamlin", "Hamlin") and short_names("under 5", "Children under 5")
    assert not short_names("Buffalo Bills", "Cincinnati Bengals") and not short_names("Bills", None)


def test_answer_articles_and_true_false_questions() -> None:
    corpus = lowered_corpus(
        [
            {"id": "a", "title": "Iran", "text": "Protests continue."},
            {"id": "b", "title": "", "text": "The Iranian team won."},
            {"id": "c", "title": "", "text": "Talks with Iran resumed."},
        ]
    )
    assert answer_articles("Iran", corpus) == ("a", "c")  # whole words only: not "Iranian"
    assert is_true_false(["True", "False"]) and not is_true_false(["Iran", "Iraq"])


def test_the_fit_leaves_the_sentence_cosine_out_unless_asked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The shipped model weighs no sentence embedding (an embedding per answer, for the same curve on rtqa-train);
    ``--with-similarity`` puts it back. The fit is reproducible from a dump of rows."""
    import json

    from eval.fit_answerability import main

    rng = np.random.default_rng(1)
    rows = []
    for i in range(200):
        features = {f: float(rng.random()) for f in FEATURES}
        label = int(features["similarity"] + features["coverage"] > 1.0)
        rows.append(Row(f"q{i}", "normal", True, features, label, bool(label), False, False).__dict__)
    dump = tmp_path / "rows.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    for extra, has_similarity in (([], False), (["--with-similarity"], True)):
        out = tmp_path / f"model{len(extra)}.json"
        assert main(["--from-dump", str(dump), "--out", str(out), *extra]) == 0
        model = AnswerabilityModel.load(out)
        assert ("similarity" in model.weights) is has_similarity
        assert set(model.weights) == set(model.means) and model.weights["coverage"] > 1.0
