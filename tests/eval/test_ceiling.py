"""eval/ceiling.py: the miss reasons and the masked evidence by hand, and one run on an invented dataset (real model,
real store)."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from eval.ceiling import masked_evidence, miss_reason, run_ceiling


def test_masked_evidence_removes_every_occurrence_ignoring_case() -> None:
    assert masked_evidence("The Buffalo Bills player; buffalo bills fans.", "Buffalo Bills") == "The player; fans."
    assert masked_evidence("nothing to mask", "") == "nothing to mask"


def test_miss_reasons() -> None:
    assert miss_reason("TRUE", ["it is true"]) == "true-false"
    assert miss_reason("\u201cLaverne & Shirley\u201d", ["'laverne & shirley' star"]) == "typographic"
    assert miss_reason("Madonna", ["madonna announced a tour"]) == "recent-article"
    assert miss_reason("Madonna", ["madonnas are paintings"]) == "no-recent-article"  # whole words only
    assert miss_reason("Madonna", []) == "no-recent-article"


ARTICLES = [
    {
        "id": "a",
        "url": "u-a",
        "title": "Chess",
        "published": "2024-06-01",
        "text": "Idris Okonkwo won the Halvard Open chess tournament in Tromsvik on Sunday after a five-hour final.",
    },
    {
        "id": "b",
        "url": "u-b",
        "title": "Orchard",
        "published": "2023-01-10",
        "text": "Head gardener Miriam Tallis planted 640 heritage apple trees in the Pellworth orchard.",
    },
]
QUESTIONS = [
    {
        "id": "q1",
        "date": "2024-06-03",
        "question": "Who won the Halvard Open chess tournament?",
        "choices": ["Idris Okonkwo", "Grete Solberg"],
        "answer": "Idris Okonkwo",
        "evidence": "Idris Okonkwo won in Tromsvik.",
        "source_url": "",
    },
    {
        "id": "q2",
        "date": "2024-06-03",
        "question": "Who repaired the Tromsvik lighthouse?",
        "choices": ["Miriam Tallis", "Grete Solberg"],
        "answer": "Miriam Tallis",
        "evidence": "",
        "source_url": "",
    },
    {
        "id": "q3",
        "date": "2024-06-03",
        "question": "Which team won the ice hockey final?",
        "choices": ["Bears", "Wolves"],
        "answer": "Bears",
        "evidence": "",
        "source_url": "",
    },
]


@pytest.mark.slow
def test_ceiling_on_an_invented_dataset(tmp_path: Path) -> None:
    from ingest.run import ingest_paths
    from rag.settings import Settings

    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    (folder / "questions.jsonl").write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS))
    store = str(tmp_path / "store")
    ingest_paths([str(folder / "articles.jsonl")], replace(Settings(), store=store), progress=False)
    out = run_ceiling(store, folder, k=1)
    assert out["answerable"] == 2  # the hockey answer is in no article
    assert out["recall_at_1000words"] == 0.5  # the chess winner is found; the lighthouse is in no article
    assert out["recall_at_1000words_with_masked_evidence"] == 0.5
    # Miriam Tallis is only in an article from 2023: a match a retriever could not be expected to make
    assert out["misses"] == {"no-recent-article": 1}
