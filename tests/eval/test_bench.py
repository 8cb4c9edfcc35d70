"""The benchmark runner on a tiny invented dataset in the rtqa-dev format (real model, real store)."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eval.bench import BenchQuestion, Retrieved, first_words, mc_pick, retrieval_metrics
from eval.curve import read_run, trade_off
from rag.settings import Settings

ARTICLES = [
    {
        "id": "inv-a",
        "url": "https://example.invalid/a",
        "title": "Ferry",
        "published": "2024-06-01",
        "text": "The Tromsvik ferry now leaves every 30 minutes from the north pier, the harbour office said on Friday.",
    },
    {
        "id": "inv-b",
        "url": "https://example.invalid/b",
        "title": "Chess",
        "published": "2024-05-02",
        "text": "Idris Okonkwo won the Halvard Open chess tournament in Tromsvik on Sunday after a five-hour final game.",
    },
    {
        "id": "inv-c",
        "url": "https://example.invalid/c",
        "title": "Orchard",
        "published": None,
        "text": "Head gardener Miriam Tallis planted 640 heritage apple trees in the Pellworth orchard this spring.",
    },
]
QUESTIONS = [
    {
        "id": "q1",
        "date": "2024-06-03",
        "question": "Who won the Halvard Open chess tournament this week?",
        "choices": ["Grete Solberg", "Idris Okonkwo"],
        "answer": "Idris Okonkwo",
        "evidence": "",
        "source_url": "",
    },
    {
        "id": "q2",
        "date": "2024-06-03",
        "question": "How many heritage apple trees were planted at Pellworth?",
        "choices": ["640", "460"],
        "answer": "640",
        "evidence": "",
        "source_url": "",
    },
    {
        "id": "q3",
        "date": "2024-06-03",
        "question": "Which team won the ice hockey final?",
        "choices": ["Tromsvik Bears", "Halvard Wolves"],
        "answer": "Tromsvik Bears",
        "evidence": "",
        "source_url": "",
    },
]


@pytest.fixture()
def dataset(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    (folder / "questions.jsonl").write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS))
    return folder


def test_bench_reports_every_metric_for_newsrag_and_the_bm25_peer(dataset: Path, tmp_path: Path) -> None:
    from ui.cli import main

    args = ["eval", "bench", "--dataset", str(dataset), "--k", "2", "--work", str(tmp_path / "work")]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output[result.output.index("{") :])
    assert out["questions"] == 3 and out["answerable"] == 2  # the hockey answer is in no article
    for key in (
        "answer_recall@1",
        "answer_recall@2",
        "answer_recall@1000words",
        "mrr",
        "mc_accuracy",
        "open_accuracy",
        "abstain_rate_unanswerable",
        "ingest_s",
        "chunks",
        "query_p50_ms",
        "query_p95_ms",
        "answer_p50_ms",
    ):
        assert key in out, key
    assert out["answer_recall@2"] == 1.0 and out["mc_accuracy"] >= 2 / 3
    assert 0.0 <= out["abstain_rate_unanswerable"] <= 1.0 and out["open_accuracy"] == 1.0
    assert set(out["peers"]) == {"bm25", "llamaindex_quickstart"}
    assert out["peers"]["bm25"]["answer_recall@2"] == 1.0
    # the rejection run: each answerable question again without the articles that hold its answer
    assert out["rejection_questions"] == 2 and out["rejection_rate"] == 1.0
    assert out["rejection_same_passages"] == 0.0  # both answers' articles were in the normal run's top 2
    assert out["answer_in_passages_rate"] == 1.0 and out["false_abstention_rate_answer_retrieved"] == 0.0
    assert out["false_abstention_rate"] == 0.0
    # the threshold's trade-off from the same outcomes: at the run's own threshold it is the run's figures
    at_default = next(p for p in out["curve"] if p["threshold"] == Settings().min_answerability)
    for key in ("rejection_rate", "false_abstention_rate", "open_accuracy"):
        assert at_default[key] == out[key], key
    # a second run reuses the store: nothing is embedded again; the per-question file has both runs
    per_question = tmp_path / "per-question.jsonl"
    second = CliRunner().invoke(
        main, [*args, "--no-peers", "--per-question", str(per_question)], catch_exceptions=False
    )
    again = json.loads(second.output[second.output.index("{") :])
    assert again["ingest_added"] == 0 and "peers" not in again
    rows = [json.loads(line) for line in per_question.read_text().splitlines()]
    assert sorted((r["id"], r["run"]) for r in rows) == [
        ("q1", "normal"),
        ("q1", "rejection"),
        ("q2", "normal"),
        ("q2", "rejection"),
        ("q3", "normal"),
    ]
    q1 = next(r for r in rows if r["id"] == "q1" and r["run"] == "normal")
    assert q1["correct"] and q1["short_answer"] == "Idris Okonkwo" and not q1["abstained"]
    assert all(r["abstained"] for r in rows if r["run"] == "rejection")
    assert q1["draft_correct"] and not q1["by_rule"]
    # the per-question file gives the bench's curve back
    assert trade_off(read_run(per_question), [p["threshold"] for p in again["curve"]]) == again["curve"]
    assert again["answer_recall@2"] == out["answer_recall@2"]


def test_retrieval_metrics_by_hand() -> None:
    q = [BenchQuestion("1", None, "q", ["x", "y"], "Bills", True), BenchQuestion("2", None, "q", [], "zz", False)]
    got = retrieval_metrics(q, [Retrieved(["no", "the Bills won"], 1.0), Retrieved(["zz"], 1.0)], k=2)
    assert got["answer_recall@1"] == 0.0 and got["answer_recall@2"] == 1.0 and got["mrr"] == 0.5
    assert first_words(["a b c", "d e"], 4) == "a b c d"


def test_mc_pick_prefers_the_choice_in_the_best_ranked_passage() -> None:
    assert mc_pick(["Bears", "Wolves"], ["the Wolves won", "the Bears lost"]) == "Wolves"
    assert mc_pick(["Bears", "Wolves"], ["nothing here"]) == "Bears"  # ties: list order


def test_a_rejection_run_that_retrieves_the_normal_run_s_passages_is_marked() -> None:
    """When none of the answer's articles made the normal run's top k, the rejection run sees the same passages, and
    no answerability decision can tell the two apart; the bench reports that share beside the rejection rate."""
    from types import SimpleNamespace

    from eval.rejection import abstention_metrics, rejection_metrics, run_both
    from rag.answer import Draft, abstain
    from tests.fakes import text_hit

    articles = [
        {"id": "a", "title": "Orchard", "text": "Pellworth planted 640 heritage apple trees."},
        {"id": "b", "title": "Orchard news", "text": "Pellworth planted apple trees this spring."},
        {"id": "c", "title": "Hockey", "text": "The Tromsvik Bears won the final."},
        {"id": "d", "title": "Hockey again", "text": "The final was played in Tromsvik."},
    ]

    class Retriever:
        def retrieve(self, query):  # type: ignore[no-untyped-def]
            ranked = {"apple": ["a", "b"], "hockey": ["d", "b", "c"]}["apple" if "apple" in query.text else "hockey"]
            kept = [aid for aid in ranked if aid not in query.exclude_articles][: query.k]
            text = {a["id"]: a["text"] for a in articles}
            return [text_hit(text[aid], aid, query.text) for aid in kept]

    class Pipeline:
        answerer = SimpleNamespace(draft=lambda query, hits: Draft(abstain(), None, None))
        retriever = Retriever()

        def prepared(self, query):  # type: ignore[no-untyped-def]
            return query

    items = [
        BenchQuestion("q0", None, "Were apple trees planted?", ["True", "False"], "True", True),  # no rejection run
        BenchQuestion("q1", None, "How many apple trees?", ["640", "460"], "640", True),
        BenchQuestion(
            "q2", None, "Which hockey team won?", ["Tromsvik Bears", "Halvard Wolves"], "Tromsvik Bears", True
        ),
    ]
    outcomes = run_both(Pipeline(), items, articles, k=2)
    marks = {o.question_id: o.same_passages for o in outcomes if o.run == "rejection"}
    # q1's answer article ranked first, so the rejection run sees other passages; q2's ranked third, beyond k
    assert marks == {"q1": False, "q2": True}
    assert all(o.same_passages is None for o in outcomes if o.run == "normal")
    assert [o.answer_in_passages for o in outcomes if o.run == "normal"] == [None, True, False]
    assert rejection_metrics(items, outcomes)["rejection_same_passages"] == 0.5
    # q2's passages do not hold its answer: its abstention is not counted among those that hid a retrieved answer
    assert abstention_metrics(outcomes) == {
        "answer_in_passages_rate": 0.5,
        "false_abstention_rate_answer_retrieved": 1.0,
    }
