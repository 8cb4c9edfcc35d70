"""Fit the extractive answerer's entity ranker (``rag/models/short_answer.json``) on a training split.

    python -m eval.fit_short_answer --dataset ../shared/bench/rtqa-train [--store DIR] [--dump rows.jsonl]
    python -m eval.fit_short_answer --from-dump rows.jsonl

Every answerable question that asks for a kind of thing (a person, a place, a number...) is answered as the
answerer answers it (top-k passages, the same drafts). Its short-answer candidates (``Draft.entity_groups``: the
entities of the asked kind in the best sentences, grouped) become one row each: their features
(``rag.short_answer.FEATURES``) and whether they name the answer (either holds the other: "Bucks" and "Milwaukee
Bucks"). A conditional logit (a softmax over each question's candidates; questions without a right one are left
out) is fitted by Newton's method. Printed: how often the first-ranked candidate names the answer, by the model the
answerer ran with, by the fit in-sample and two-fold cross-validated by question. Fit on rtqa-train, report on rtqa-dev (``newsrag eval bench``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rag.short_answer import FEATURES, ShortAnswerModel, fit_conditional_logit, fit_none, softmax_with_none

Question = dict[str, Any]  # {"id", "groups": [{"text", "features", "label"}]}, the answerer's order


def collect(dataset: Path, work: Path, k: int, limit: int | None, store: Path | None) -> list[Question]:
    """Every answerable question's short-answer candidates with their features and labels."""
    from tqdm import tqdm

    from eval.fit_answerability import short_names, split_pipeline
    from rag.types import Query

    _, items, pipeline = split_pipeline(dataset, work, limit, store)
    out: list[Question] = []
    for q in tqdm([q for q in items if q.answerable], unit="q"):
        query = pipeline.prepared(Query(q.question, k=k, as_of=q.date))  # as serving reads it
        draft = pipeline.answerer.draft(query, pipeline.retriever.retrieve(query))
        if not draft.entity_groups:
            continue
        groups = [
            {
                "text": g.text,
                "features": g.features,
                "label": int(any(short_names(q.answer, m.entity.text) for m in g.mentions)),
            }
            for g in draft.entity_groups
        ]
        out.append({"id": q.id, "groups": groups})
    return out


def _xy(question: Question, names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray([[g["features"][n] for n in names] for g in question["groups"]], dtype=np.float64)
    return x, np.asarray([g["label"] for g in question["groups"]], dtype=np.float64)


def first_right(questions: Sequence[Question], weights: np.ndarray, names: Sequence[str]) -> int:
    """Questions whose best-scored candidate names the answer (ties: the answerer's order)."""
    right = 0
    for q in questions:
        x, y = _xy(q, names)
        right += int(y[int(np.argmax(x @ weights))] > 0)
    return right


def _first_auc(data: Sequence[tuple[np.ndarray, np.ndarray]], weights: np.ndarray, none: float | None) -> float:
    """AUC of the first candidate's probability for whether it is right, over questions with candidates."""
    firsts = []
    for x, y in data:
        p = softmax_with_none(x @ weights, none)
        top = int(np.argmax(p))
        firsts.append((float(p[top]), bool(y[top] > 0)))
    pos = [p for p, right in firsts if right]
    neg = [p for p, right in firsts if not right]
    if not pos or not neg:
        return 0.5
    return sum((a > b) + 0.5 * (a == b) for a in pos for b in neg) / (len(pos) * len(neg))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.fit_short_answer", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", default="../shared/bench/rtqa-train", type=Path)
    parser.add_argument("--work", default=".newsrag-bench", type=Path)
    parser.add_argument("--k", type=int, default=5, help="Passages per question (the top_k the answer uses).")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--store", type=Path, help="Use the split's articles already in this store (no ingestion).")
    parser.add_argument("--dump", type=Path, help="Write the candidates (features and labels) to this JSONL file.")
    parser.add_argument("--from-dump", type=Path, help="Fit on candidates written by --dump instead of answering.")
    parser.add_argument("--out", type=Path, default=Path("rag/models/short_answer.json"))
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args(argv)

    if args.from_dump:
        questions = [json.loads(line) for line in args.from_dump.read_text(encoding="utf-8").splitlines() if line]
        lacking = sorted({n for q in questions for g in q["groups"] for n in FEATURES if n not in g["features"]})
        if lacking:
            print(
                f"error: {args.from_dump} has no {', '.join(lacking)} for some candidates: it was dumped by an older "
                "newsrag; collect the candidates again (--dataset ... --dump FILE)",
                file=sys.stderr,
            )
            return 2
    else:
        questions = collect(args.dataset, args.work, args.k, args.limit, args.store)
        if args.dump:
            args.dump.write_text("".join(json.dumps(q) + "\n" for q in questions), encoding="utf-8")
    source = f"{args.from_dump.name} (a dump)" if args.from_dump else args.dataset.name
    names = list(FEATURES)
    data = [_xy(q, names) for q in questions]
    w = fit_conditional_logit(data, l2=args.l2)
    half = len(questions) // 2
    folds = (questions[:half], questions[half:])
    cross = sum(
        first_right(test, fit_conditional_logit([_xy(q, names) for q in train], l2=args.l2), names)
        for test, train in (folds, folds[::-1])
    )
    with_right = sum(1 for _, y in data if y.any())
    kept = np.array([round(float(v), 4) for v in w])
    asked = [(x, y) for x, y in data if len(y)]  # a question with candidates: the choice of none is among them
    model = ShortAnswerModel(
        dict(zip(names, kept.tolist(), strict=True)),
        ShortAnswerModel.load(args.out).sentences if args.out.exists() else 20,
        fitted_on=f"{source}: {len(questions)} questions, {with_right} with a right candidate",
        none=fit_none(asked, kept),
    )
    if model.none is None:
        print(
            "note: no score for 'none of the candidates' was fitted (every question, or none, has a right "
            "candidate): the model's probabilities are relative to the candidates alone",
            file=sys.stderr,
        )
    args.out.write_text(json.dumps(model.to_json(), indent=2) + "\n", encoding="utf-8")
    summary = {
        "questions": len(questions),
        "with_right_candidate": with_right,
        "first_right": {
            "model_answered_with": sum(int(y[0] > 0) for _, y in data),
            "fitted_in_sample": first_right(questions, w, names),
            "fitted_two_fold": cross,
        },
        # how well the first candidate's probability tells a right first candidate from a wrong one (in-sample)
        "first_right_auc": {
            "without_none": round(_first_auc(asked, kept, None), 4),
            "with_none": round(_first_auc(asked, kept, model.none), 4),
        },
        "model": model.to_json(),
    }
    print(json.dumps(summary, indent=2))
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
