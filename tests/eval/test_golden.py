from pathlib import Path

import pytest

from eval.golden import GoldenSetError, load_golden

SHIPPED = Path(__file__).resolve().parents[2] / "eval" / "golden" / "sample.yaml"


def test_the_shipped_golden_set_loads_and_covers_what_it_must() -> None:
    golden = load_golden(SHIPPED)
    assert len(golden.cases) >= 15
    assert sum("seed" in c.tags for c in golden.cases) >= 5
    assert sum(c.abstain for c in golden.cases) >= 3
    assert all(p.is_dir() for p in golden.corpus)


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "g.yaml"
    path.write_text(body)
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("cases: []", "non-empty 'cases'"),
        ("cases:\n  - id: a\n", r"case 1 \(a\): 'question' must be"),
        ("cases:\n  - {id: a, question: q, abstain: true, facts: [x]}\n", "cannot also expect facts"),
        ("cases:\n  - {id: a, question: q}\n", "give 'facts' or 'sources'"),
        ("cases:\n  - {id: a, question: q, facts: [x], since: last-week}\n", "since must be a date"),
        ("cases:\n  - {id: a, question: q, facts: [x], colour: red}\n", r"unknown key\(s\) \['colour'\]"),
        ("cases:\n  - {id: a, question: q, facts: [x]}\n  - {id: a, question: r, facts: [y]}\n", "used twice"),
        ("k: 0\ncases:\n  - {id: a, question: q, facts: [x]}\n", "k must be a positive integer"),
        ("cases: [\n", "not valid YAML"),
    ],
)
def test_malformed_sets_name_the_case_and_field(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(GoldenSetError, match=message):
        load_golden(_write(tmp_path, body))


def test_facts_accept_a_string_or_a_list_of_phrasings(tmp_path: Path) -> None:
    golden = load_golden(_write(tmp_path, "cases:\n  - {id: a, question: q, facts: [x, [y, z]], as_of: 2023-01-05}\n"))
    assert golden.cases[0].facts == [["x"], ["y", "z"]]
    assert str(golden.cases[0].as_of) == "2023-01-05"


def test_a_follow_up_case_lists_the_questions_before_it(tmp_path: Path) -> None:
    golden = load_golden(_write(tmp_path, 'cases:\n  - {id: a, question: "And he?", facts: [x], history: ["Who?"]}\n'))
    assert golden.cases[0].history == ["Who?"]
    with pytest.raises(GoldenSetError, match=r"case 1 \(a\): history must list the earlier questions"):
        load_golden(_write(tmp_path, 'cases:\n  - {id: a, question: q, facts: [x], history: [" "]}\n'))
    with pytest.raises(GoldenSetError, match=r"case 1 \(a\): history must be a list of strings"):
        load_golden(_write(tmp_path, "cases:\n  - {id: a, question: q, facts: [x], history: {q: 1}}\n"))
