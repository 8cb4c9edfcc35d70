import json
from pathlib import Path

import pytest

from eval.golden import load_golden
from eval.verdicts import ABSTAIN_KINDS, changes, kind, main, summary

REVIEW = Path(__file__).resolve().parents[2] / "eval" / "review"


def _case(cid, tags, answer="", abstained=False, missing=(), expect_abstain=False, question="q?"):
    return {
        "id": cid,
        "question": question,
        "tags": tags,
        "expect_abstain": expect_abstain,
        "answer": answer,
        "abstained": abstained,
        "missing_facts": list(missing),
    }


def test_summary_counts_each_kind_and_which_answers_lead_with_a_fact():
    cases = {
        "a": _case("a", ["who", "answerable"], "Smith. [1] Smith said he would. [1]"),
        "b": _case("b", ["who", "answerable"], "Jones said so. [1] Smith was there. [2]", missing=["Jonas"]),
        "c": _case("c", ["where", "answerable"], "", abstained=True),
        "d": _case("d", ["false-premise", "abstain"], "Paris [1]", expect_abstain=True),
        "e": _case("e", ["relation", "abstain"], "", abstained=True, expect_abstain=True),
    }
    facts = {"a": [["Smith"]], "b": [["Smith"]], "c": [["Paris"]]}
    lines = [" ".join(line.split()) for line in summary(cases, facts)]
    assert "who right 1 led 1 abstained 0 wrong 1 of 2" in lines
    assert "where right 0 led 0 abstained 1 wrong 0 of 1" in lines
    assert "false-premise abstained 0 of 1" in lines
    assert "must abstain abstained 1 of 2" in lines


def test_changes_name_the_case_its_kind_and_both_verdicts():
    before = {"d": _case("d", ["relation", "abstain"], "Paris [1]", expect_abstain=True, question="the day after?")}
    after = {
        "d": _case("d", ["relation", "abstain"], "", abstained=True, expect_abstain=True, question="the day after?")
    }
    lines = changes(before, after)
    assert lines[0] == "d [relation] answered -> abstained: the day after?"
    assert changes(before, before) == []


def test_main_reads_two_runs(tmp_path, capsys):
    run = {"cases": [_case("a", ["who", "answerable"], "Smith [1]")]}
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text(json.dumps(run), encoding="utf-8")
    assert main([str(tmp_path / "a.json"), str(tmp_path / "b.json")]) == 0
    assert "changed: 0 of 1" in capsys.readouterr().out


def test_a_file_that_is_not_a_run_is_named():
    with pytest.raises(SystemExit, match="not.json"):
        main([str(REVIEW / "not.json")])


@pytest.mark.parametrize("path", sorted(REVIEW.glob("*.yaml")), ids=lambda p: p.name)
def test_every_review_set_loads_and_tags_each_case_with_its_kind(path):
    cases = load_golden(path).cases
    assert len(cases) >= 20
    for case in cases:
        assert kind({"tags": case.tags, "expect_abstain": case.abstain}) not in ("answerable", "abstain"), case.id
        if case.abstain:
            assert set(case.tags) & set(ABSTAIN_KINDS), case.id
        else:
            assert case.sources and case.as_of, case.id
