"""The entity ranker's fit from a dump of candidates: it writes a model that ranks the right candidate first and
reports how often it does, in-sample and cross-validated."""

import json
from pathlib import Path

import numpy as np
import pytest

from eval.fit_short_answer import main
from rag.short_answer import FEATURES, ShortAnswerModel


def test_fit_from_a_dump_writes_a_model_that_ranks_the_right_candidate_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = np.random.default_rng(1)
    lines = []
    for i in range(80):
        groups = []
        right = int(rng.integers(4)) if i < 60 else -1  # the last 20 have no right candidate
        for j in range(4):
            features = {
                "support": float(rng.normal() - 2.0 * (j != right)),
                "kind": float(rng.random()),
                "distance": 1.0,
                "title": float(rng.random() < 0.3),
                "clause": float(rng.random()),
                "nearby": float(rng.random()),
            }
            groups.append({"text": f"e{j}", "features": features, "label": int(j == right)})
        lines.append(json.dumps({"id": f"q{i}", "groups": groups}))
    dump = tmp_path / "rows.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "short_answer.json"
    assert main(["--from-dump", str(dump), "--out", str(out)]) == 0
    model = ShortAnswerModel.load(out)
    assert set(model.weights) == set(FEATURES) and model.weights["support"] > 0.5
    summary = json.loads(capsys.readouterr().out)
    assert summary["questions"] == 80 and summary["with_right_candidate"] == 60
    assert summary["first_right"]["fitted_in_sample"] >= 50 and summary["first_right"]["fitted_two_fold"] >= 45
    # the score of "none of them", fitted on the 20 without a right candidate, written beside the weights
    assert model.none is not None and summary["model"]["none"] == model.none
    assert summary["first_right_auc"]["with_none"] >= summary["first_right_auc"]["without_none"]
    stale = tmp_path / "old.jsonl"  # a dump from before a feature was added is refused, saying which one
    stale.write_text(lines[0].replace(', "title": 1.0', "").replace(', "title": 0.0', "") + "\n", encoding="utf-8")
    assert main(["--from-dump", str(stale), "--out", str(tmp_path / "x.json")]) == 2
    assert "no title" in capsys.readouterr().err
