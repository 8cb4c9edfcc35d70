import json

from eval.compare import compare, main


def _row(qid, run, answer, abstained=False, correct=False, short=None, answerable=True):
    return {
        "id": qid,
        "run": run,
        "answerable": answerable,
        "answer": answer,
        "abstained": abstained,
        "note": "",
        "short_answer": short,
        "by_rule": False,
        "question": f"question {qid}?",
        "correct": correct,
    }


def _write(folder, split, rows, figures):
    folder.mkdir(exist_ok=True)
    (folder / f"{split}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (folder / f"{split}.json").write_text(json.dumps(figures), encoding="utf-8")


def test_compare_lists_only_the_answers_that_changed_and_both_runs_figures(tmp_path):
    before = [_row("q1", "normal", "Paris [1]", correct=True), _row("q2", "normal", "", abstained=True)]
    after = [_row("q1", "normal", "Paris [1]", correct=True), _row("q2", "normal", "Lyon [1]", short="Lyon")]
    _write(tmp_path / "a", "dev", before, {"open_accuracy": 0.5, "mrr": 0.4})
    _write(tmp_path / "b", "dev", after, {"open_accuracy": 0.25, "mrr": 0.4})

    lines = compare(tmp_path / "a" / "dev.jsonl", tmp_path / "b" / "dev.jsonl")
    text = "\n".join(lines)

    assert "answers changed: 1 of 2" in text
    assert "q2 nor ab -> --" in text  # abstained before, answered wrongly after
    assert "<Lyon> Lyon [1]" in text
    assert "q1 " not in text
    assert any(line.split()[:3] == ["open_accuracy", "0.5", "0.25"] for line in lines)


def test_a_rejection_run_abstention_counts_as_right(tmp_path):
    before = [_row("q1", "rejection", "Paris [1]")]
    after = [_row("q1", "rejection", "", abstained=True)]
    _write(tmp_path / "a", "dev", before, {})
    _write(tmp_path / "b", "dev", after, {})
    assert "q1 rej -- -> ok" in "\n".join(compare(tmp_path / "a" / "dev.jsonl", tmp_path / "b" / "dev.jsonl"))


def test_run_folders_compare_each_split_and_say_which_is_missing(tmp_path, capsys):
    _write(tmp_path / "a", "dev", [_row("q1", "normal", "x")], {})
    _write(tmp_path / "b", "dev", [_row("q1", "normal", "y")], {})
    assert main([str(tmp_path / "a"), str(tmp_path / "b"), "--brief"]) == 0
    out = capsys.readouterr()
    assert "answers changed: 1 of 1" in out.out
    assert "train: no per-question file" in out.err
