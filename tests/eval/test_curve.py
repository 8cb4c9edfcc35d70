"""The answerability threshold's trade-off read from one run's outcomes (``eval/curve.py``)."""

import json
from pathlib import Path

from eval.curve import Decision, best_within, main, read_run, trade_off


def _d(
    run: str,
    score: float | None,
    *,
    answerable: bool = True,
    by_rule: bool = False,
    abstained: bool = False,
    right: bool = False,
) -> Decision:
    return Decision(run, answerable, by_rule, abstained, score, right)


RUN = [
    _d("normal", 0.9, right=True),
    _d("normal", 0.3, right=True),
    _d("normal", 0.05, abstained=True),  # the run's threshold was 0.1: refused by the score
    _d("normal", 0.02, by_rule=True),  # a relation stated: shown whatever its score
    _d("normal", None, by_rule=True, abstained=True),  # nothing to quote
    _d("normal", 0.8, answerable=False),  # unanswerable questions are not in these rates
    _d("rejection", 0.6),
    _d("rejection", 0.2),
    _d("rejection", 0.4, by_rule=True, abstained=True),  # a name no article mentions
]


def test_each_threshold_shows_the_drafts_its_score_passes_and_what_rules_decided_as_they_were() -> None:
    points = {p["threshold"]: p for p in trade_off(RUN, (0.0, 0.1, 0.5))}
    assert points[0.0] == {
        "threshold": 0.0,
        "rejection_rate": round(1 / 3, 4),
        "false_abstention_rate": 0.2,
        "open_accuracy": 0.4,
    }
    assert points[0.1]["false_abstention_rate"] == 0.4 and points[0.1]["open_accuracy"] == 0.4
    assert points[0.5] == {
        "threshold": 0.5,
        "rejection_rate": round(2 / 3, 4),
        "false_abstention_rate": 0.6,
        "open_accuracy": 0.2,
    }


def test_best_within_a_false_abstention_budget() -> None:
    points = trade_off(RUN, (0.0, 0.1, 0.5))
    assert best_within(points, 0.4)["threshold"] == 0.0  # 0.1 rejects no more and abstains more
    assert best_within(points, 0.6)["threshold"] == 0.5
    assert best_within(points, 0.1) is None


def test_per_question_files_side_by_side(tmp_path: Path, capsys) -> None:
    rows = [
        {
            "run": "normal",
            "answerable": True,
            "abstained": False,
            "answerability": 0.5,
            "by_rule": False,
            "draft_correct": True,
        },
        # a file from before ``by_rule`` was recorded: a threshold-0 run, its abstentions refused by rules
        {"run": "rejection", "answerable": True, "abstained": True, "answerability": 0.7},
    ]
    path = tmp_path / "run.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert [d.by_rule for d in read_run(path)] == [False, True]
    assert main([str(path), "--at", "0.13"]) == 0
    out = capsys.readouterr().out
    assert "| 0.13 | 1.000 / 0.000 / 1.000 |" in out and "| 0.60 | 1.000 / 1.000 / 0.000 |" in out


def test_the_table_by_passages_counts_what_retrieval_allowed(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    row = {"run": "normal", "answerable": True, "abstained": False, "by_rule": False}
    rows = [
        # passages hold the answer: one right draft shown down to 0.5, one wrong draft
        {**row, "answerability": 0.5, "draft_correct": True, "answer_in_passages": True},
        {**row, "answerability": 0.05, "draft_correct": False, "answer_in_passages": True},
        # passages lack it
        {**row, "answerability": 0.3, "draft_correct": False, "answer_in_passages": False},
        # rejection runs: one retrieved other passages, one the normal run's very passages
        {**row, "run": "rejection", "answerability": 0.1, "same_passages": False},
        {**row, "run": "rejection", "answerability": 0.4, "same_passages": True},
    ]
    path = tmp_path / "run.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main([str(path), "--by-passages", "0.2"]) == 0
    out = capsys.readouterr().out
    assert "answer in passages (2)" in out and "all answerable (3)" in out and "passages differ (1)" in out
    # at 0.2: rejection 1 of 2, false abstention 1 of 3 (1 of the 2 held), open accuracy 1 of 2 held, 1 of 3 all
    assert "| **0.20 (the default)** | **0.500** | **0.333** | **0.500** | **0.500** | **0.333** | 1.000 |" in out
    assert "| 0.0 (rules only) | 0.000 | 0.000 | 0.000 | 0.500 | 0.333 | 0.000 |" in out
