from eval.baseline import compare, format_comparison
from eval.runner import CaseResult, RunResult, aggregate


def _case(
    case_id: str, passed: bool, answer: str = "A. [1]", abstain: bool = False, abstained: bool = False
) -> CaseResult:
    return CaseResult(
        id=case_id,
        question=f"question {case_id}?",
        tags=["t"],
        expect_abstain=abstain,
        answer=answer,
        abstained=abstained,
        passed=passed,
        fact_recall=None if abstain else float(passed),
        missing_facts=[] if passed else ["fact"],
        retrieved=["x"],
        cited=["x"],
        hit_at_k=1.0,
        reciprocal_rank=1.0,
        citation_recall=1.0,
        citation_precision=1.0,
        timings_ms={"total": 10.0},
    )


def _run(cases: list[CaseResult]) -> RunResult:
    return RunResult("g", 5, cases, aggregate(cases), {})


def test_same_results_do_not_regress() -> None:
    base = _run([_case("a", True), _case("b", True)])
    comparison = compare(_run([_case("a", True), _case("b", True)]), base)
    assert not comparison.regressed and not comparison.cases


def test_a_case_that_passed_and_now_fails_regresses_with_its_diff() -> None:
    base = _run([_case("a", True, "Old answer. [1]")] + [_case(str(i), True) for i in range(60)])
    now = _run([_case("a", False, "New answer. [1]")] + [_case(str(i), True) for i in range(60)])
    comparison = compare(now, base, tolerance=0.05)
    assert not any(m.regressed for m in comparison.metrics)  # 1 of 61 is within the tolerance...
    assert comparison.regressed  # ...but the case itself regressed
    text = format_comparison(comparison, 0.05)
    assert "REGRESSED a: question a?" in text and "passed -> FAILED" in text
    assert "lower, within tolerance" in text and "improved" not in text  # the accuracy fell, if not by enough
    assert "old answer: Old answer. [1]" in text and "new answer: New answer. [1]" in text
    assert text.rstrip().endswith("FAILED: answers regressed against the baseline.")


def test_a_metric_drop_beyond_the_tolerance_regresses() -> None:
    base = _run([_case("a", False), _case("b", True)])
    now = _run([_case("a", False), _case("b", True, abstained=True)])
    now.aggregate["false_abstention_rate"] = 0.5
    comparison = compare(now, base, tolerance=0.1)
    assert [m.name for m in comparison.metrics if m.regressed] == ["false_abstention_rate"]


def test_fixing_a_case_or_adding_one_is_not_a_regression() -> None:
    base = _run([_case("a", False)])
    comparison = compare(_run([_case("a", True), _case("new", False)]), base)
    assert not comparison.regressed
    assert {c.id: c.what[0] for c in comparison.cases} == {"a": "failed -> passed", "new": "new case"}
