from eval.calibrate import build_pairs, score_checker
from rag.support import SupportChecker

ARTICLES = [
    {
        "id": "a",
        "text": "The council met on Monday. It voted to build a seawall along the northern harbour of the bay. "
        "The mayor said the wall would protect many homes from storms. Work starts next spring, "
        "the council said, after a long debate about costs and the view from the promenade.",
    },
    {
        "id": "b",
        "text": "The chess club held its annual open tournament in the town hall this weekend. Players from "
        "many countries took part in nine rounds. The organisers thanked the volunteers who ran the "
        "event and promised a bigger hall next year for the growing number of entrants.",
    },
]
QUESTIONS = [
    {
        "question": "Who won?",
        "answer": "Idris Okonkwo",
        "choices": ["Idris Okonkwo", "Grete Solberg"],
        "evidence": "Idris Okonkwo won the open chess tournament after nine rounds against players from many countries.",
    },
]


def test_pairs_of_every_kind_are_built_and_labelled() -> None:
    pairs = build_pairs(QUESTIONS, ARTICLES)
    kinds = {p.kind: p for p in pairs}
    assert set(kinds) == {"verbatim", "reworded", "wrong_answer", "topical"}
    assert kinds["verbatim"].supported and kinds["verbatim"].claim in kinds["verbatim"].passage
    assert "Grete Solberg" in kinds["wrong_answer"].claim and not kinds["wrong_answer"].supported
    assert "Okonkwo" not in kinds["topical"].passage and not kinds["topical"].supported


def test_the_checker_separates_the_kinds() -> None:
    result = score_checker(SupportChecker(), build_pairs(QUESTIONS, ARTICLES))
    assert result["accuracy_by_kind"] == {"reworded": 1.0, "topical": 1.0, "verbatim": 1.0, "wrong_answer": 1.0}
    assert result["precision"] == result["recall"] == 1.0
