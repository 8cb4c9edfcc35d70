"""Metric definitions against values computed by hand."""

import pytest

from eval.metrics import (
    alce_citation_scores,
    answer_in_text,
    contains_phrase,
    fact_recall,
    hit_at_k,
    normalize,
    percentile,
    reciprocal_rank,
)


def test_normalize_case_punctuation_and_numbers() -> None:
    assert normalize("The quota: 1,300 places!") == "the quota 1300 places"
    assert normalize("“Four” seats, 2.5 km") == "4 seats 2.5 km"


def test_contains_phrase_is_whole_words() -> None:
    assert contains_phrase("The quota grew to 1.3 thousand places.", "1.3 Thousand")
    assert contains_phrase("It cost 3,100 euros", "3100 euros")
    assert not contains_phrase("In 1990 it began", "90")
    assert not contains_phrase("anything", "")


def test_fact_recall_counts_facts_with_any_phrasing() -> None:
    facts = [["Olympiad", "Olympiads"], ["1,300", "1.3 thousand"], ["BRICS"]]
    # Olympiads (2nd phrasing) and 1.3 thousand present, BRICS missing: 2 of 3
    assert fact_recall("Olympiads count; the quota is 1.3 thousand.", facts) == pytest.approx(2 / 3)
    assert fact_recall("nothing", []) == 1.0


def test_hit_at_k_and_reciprocal_rank() -> None:
    ranked = ["a", "b", "c", "d"]
    assert hit_at_k(ranked, ["c"], 2) == 0.0 and hit_at_k(ranked, ["c"], 3) == 1.0
    assert reciprocal_rank(ranked, ["c", "d"]) == pytest.approx(1 / 3)
    assert reciprocal_rank(ranked, ["x"]) == 0.0


def _supports(claim: str, passage: str) -> bool:
    """Toy entailment: every word of the claim occurs in the passage."""
    return all(w in passage.lower().split() for w in claim.lower().rstrip(".").split())


def test_alce_recall_and_precision_by_hand() -> None:
    passages = {1: "red green", 2: "blue", 3: "red", 4: "purple"}
    answer = (
        "Red green. [1]"  # supported by [1]: recall 1; one citation, precise
        " Red blue. [2][3]"  # jointly supported; [2] alone no, but needed; [3] alone no, needed: 2 precise
        " Red. [1][3]"  # jointly supported; [1] alone yes, [3] alone yes: 2 precise
        " Red. [3][4]"  # jointly supported; [3] alone yes -> precise; [4] alone no, others suffice -> imprecise
        " Yellow. [4]"  # not supported: recall 0, its citation imprecise
        " Green."  # no citation: recall 0
    )
    recall, precision, statements, citations = alce_citation_scores(answer, passages, _supports)
    assert statements == 6 and citations == 8
    assert recall == pytest.approx(4 / 6)
    assert precision == pytest.approx(6 / 8)


def test_alce_marker_pointing_nowhere_supports_nothing() -> None:
    recall, precision, _, _ = alce_citation_scores("Red. [9]", {1: "red"}, _supports)
    assert recall == 0.0 and precision == 0.0


def test_answer_in_text_whole_word_rule() -> None:
    assert answer_in_text("Buffalo Bills", "The buffalo bills won.")
    assert not answer_in_text("90", "born in 1990")
    assert answer_in_text("U.S.", "the U.S. said")
    assert not answer_in_text("", "anything")


def test_percentile_interpolates() -> None:
    assert percentile([10, 20, 30, 40], 50) == pytest.approx(25)
    assert percentile([5], 95) == 5
    assert percentile([], 50) == 0.0
