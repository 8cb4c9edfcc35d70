"""Feedback from the app turned into a golden set that loads and runs."""

import json
from pathlib import Path

from click.testing import CliRunner

from eval.golden import load_golden
from ui.cli import main


def _record(question: str, rating: str, **extra) -> str:  # type: ignore[no-untyped-def]
    base = {
        "rating": rating,
        "question": question,
        "comment": "",
        "answer": "An answer. [1]",
        "abstained": False,
        "citations": [
            {"marker": 1, "article_id": "a1"},
            {"marker": 2, "article_id": "b2"},
            {"marker": 1, "article_id": "a1"},
        ],
        "options": {"since": "2024-01-01", "until": "", "sources": [], "mode": "extractive", "k": 5},
    }
    return json.dumps({**base, **extra})


def test_helpful_answers_become_cases_and_unhelpful_ones_are_listed_for_review(tmp_path: Path) -> None:
    feedback = tmp_path / "feedback.jsonl"
    feedback.write_text(
        "\n".join(
            [
                _record("Who won the chess final?", "up"),
                _record("Who won the chess final?", "down"),  # the same question again: first rating kept
                _record("Who is the mayor of Atlantis?", "up", abstained=True, citations=[]),
                _record("What did the council decide?", "down", comment="wrong meeting"),
                "not json",
                _record("Helpful but uncited?", "up", citations=[]),
            ]
        )
        + "\n"
    )
    out = tmp_path / "golden.yaml"
    result = CliRunner().invoke(main, ["eval", "import-feedback", str(feedback), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 cases and 1 answers to review" in result.stdout
    assert f"{feedback}:5" in result.stderr and f"{feedback}:6" in result.stderr
    golden = load_golden(out)
    by_question = {c.question: c for c in golden.cases}
    chess = by_question["Who won the chess final?"]
    assert chess.sources == ["a1", "b2"] and str(chess.since) == "2024-01-01" and "feedback" in chess.tags
    assert by_question["Who is the mayor of Atlantis?"].abstain
    text = out.read_text()
    assert "What did the council decide?" in text and "wrong meeting" in text  # commented out for review
    assert "What did the council decide?" not in by_question


def test_a_missing_feedback_file_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "import-feedback", str(tmp_path / "nope.jsonl"), "--out", "x.yaml"])
    assert result.exit_code == 1 and "does not exist" in result.output
