"""Fit the extractive answerer's sentence ranker (``rag/models/sentence_ranker.json``) on a training split.

    python -m eval.fit_sentence_ranker --dataset ../shared/bench/rtqa-train [--store DIR] [--dump rows.jsonl]
    python -m eval.fit_sentence_ranker --from-dump rows.jsonl

For every answerable question the top-k passages are retrieved as the answerer gets them, and every sentence of
them becomes a row: the ranker's features (``rag.sentence_rank``) and whether it contains the answer. Questions
with no such sentence say nothing about ranking and are left out. Two logistic regressions are fitted: the cheap
stage on every candidate, the full stage (plus the recogniser's answer type, and with ``--with-similarity`` the
sentence's cosine to the question) on the cheap stage's best ``--candidates``, as the answerer runs them. Printed: the share of questions whose
best-ranked sentence holds the answer, hand-set weights against the fit, two-fold cross-validated by question.
Fit on rtqa-train, report on rtqa-dev (``newsrag eval bench``).
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from eval.fit_answerability import fit_logistic
from rag.sentence_rank import CHEAP_FEATURES, FULL_FEATURES, SentenceRanker

FULL_WITHOUT_SIMILARITY = tuple(f for f in FULL_FEATURES if f != "similarity")
SCORED_PER_QUESTION = 24  # candidates given the full stage's features in the rows (the answerer scores fewer)

Question = dict[str, Any]  # {"id", "rows": [{"features", "label"}]}: a question's candidates, cheap stage's order


def collect(dataset: Path, work: Path, k: int, limit: int | None, store: Path | None) -> list[Question]:
    """Every answerable question's candidate sentences with their features and labels."""
    from tqdm import tqdm

    from eval.fit_answerability import split_pipeline
    from eval.metrics import answer_in_text
    from rag.answerability import frame_question
    from rag.types import Query

    _, items, pipeline = split_pipeline(dataset, work, limit, store)
    answerer = pipeline.answerer
    out: list[Question] = []
    for q in tqdm([q for q in items if q.answerable], unit="q"):
        query = pipeline.prepared(Query(q.question, k=k, as_of=q.date))  # as serving reads it
        hits = pipeline.retriever.retrieve(query)
        candidates = answerer._candidates(query, hits) if hits else []
        labels = [int(answer_in_text(q.answer, c.text)) for c in candidates]
        if not any(labels):
            continue
        frame = frame_question(q.question, answerer.ner.analyse([q.question])[0])
        texts = list(dict.fromkeys(c.text for c in candidates if c.coverage > 0))[:SCORED_PER_QUESTION]
        sims = dict(zip(texts, (answerer.embed(texts) @ answerer.embed_query(q.question)).tolist(), strict=True))
        analysed = dict(zip(texts, answerer.ner.analyse(texts), strict=True)) if frame.asks else {}
        rows = []
        for cand, label in zip(candidates, labels, strict=True):
            if cand.text not in sims:
                continue
            offers = float(frame.asks is not None and answerer._offers(frame, cand, analysed))
            rows.append({"features": {**cand.features, "similarity": sims[cand.text], "offers": offers}, "label": label})
        out.append({"id": q.id, "rows": rows})
    return out


def _x(rows: Sequence[dict[str, Any]], names: Sequence[str]) -> np.ndarray:
    return np.asarray([[r["features"][n] for n in names] for r in rows], dtype=np.float64).reshape(-1, len(names))


def _fit(rows: Sequence[dict[str, Any]], names: Sequence[str], l2: float) -> tuple[dict[str, float], float]:
    w = fit_logistic(_x(rows, names), np.asarray([r["label"] for r in rows], dtype=np.float64), l2=l2)
    return {n: round(float(v), 4) for n, v in zip(names, w[:-1], strict=True)}, round(float(w[-1]), 4)


def _score(ranker_stage: dict[str, float], bias: float, rows: Sequence[dict[str, Any]]) -> np.ndarray:
    names = list(ranker_stage)
    return _x(rows, names) @ np.asarray([ranker_stage[n] for n in names]) + bias if names else np.zeros(len(rows))


def finalists(ranker: SentenceRanker, question: Question) -> list[dict[str, Any]]:
    """The cheap stage's best ``ranker.candidates`` rows of a question, best first."""
    rows = question["rows"]
    order = np.argsort(-_score(ranker.cheap, ranker.cheap_bias, rows), kind="stable")
    return [rows[i] for i in order[: ranker.candidates]]


def top1(ranker: SentenceRanker, questions: Sequence[Question]) -> float:
    """Share of questions whose best-ranked sentence (full stage over the cheap stage's finalists) holds the answer."""
    hits = 0
    for question in questions:
        rows = finalists(ranker, question)
        if rows:
            hits += rows[int(np.argmax(_score(ranker.full, ranker.full_bias, rows)))]["label"]
    return hits / max(1, len(questions))


def fit(
    questions: Sequence[Question],
    candidates: int,
    further_margin: float,
    l2: float,
    fitted_on: str,
    full_features: Sequence[str] = FULL_FEATURES,
) -> SentenceRanker:
    cheap, cheap_bias = _fit([r for q in questions for r in q["rows"]], CHEAP_FEATURES, l2)
    ranker = SentenceRanker(cheap, cheap_bias, {}, 0.0, candidates, further_margin, fitted_on)
    full, full_bias = _fit([r for q in questions for r in finalists(ranker, q)], full_features, l2)
    return replace(ranker, full=full, full_bias=full_bias)


def cross_validated(
    questions: Sequence[Question], candidates: int, l2: float, full_features: Sequence[str] = FULL_FEATURES
) -> float:
    """Top-1 share of the fit, two folds by a hash of the question id (each half scored by the other's fit)."""
    hits = 0.0
    for fold in (0, 1):
        train = [q for q in questions if zlib.crc32(q["id"].encode()) % 2 != fold]
        test = [q for q in questions if zlib.crc32(q["id"].encode()) % 2 == fold]
        hits += top1(fit(train, candidates, 1.0, l2, "", full_features), test) * len(test)
    return hits / max(1, len(questions))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.fit_sentence_ranker", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", default="../shared/bench/rtqa-train", type=Path)
    parser.add_argument("--work", default=".newsrag-bench", type=Path)
    parser.add_argument("--k", type=int, default=5, help="Passages per question (the top_k the answer uses).")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--store", type=Path, help="Use the split's articles already in this store (no ingestion).")
    parser.add_argument("--dump", type=Path, help="Write the rows to this JSONL file (a question a line).")
    parser.add_argument("--from-dump", type=Path, help="Fit on rows written by --dump instead of answering again.")
    parser.add_argument("--out", type=Path, default=Path("rag/models/sentence_ranker.json"))
    parser.add_argument("--candidates", type=int, default=6, help="Sentences the full stage scores (an embedding each).")
    parser.add_argument(
        "--further-margin", type=float, default=2.0, help="Logit within which a further quote is shown (replayed on rtqa-train: 1.0 -> 2.0 raised drafts holding the answer 0.337 -> 0.346)."
    )
    parser.add_argument(
        "--with-similarity",
        action="store_true",
        help="Also weigh each finalist's cosine to the question in the full stage: an embedding of every finalist, "
        "most of an answer's time, for no better top-1 on rtqa-train (both are printed).",
    )
    parser.add_argument("--l2", type=float, default=1e-3)
    args = parser.parse_args(argv)
    full_features = FULL_FEATURES if args.with_similarity else FULL_WITHOUT_SIMILARITY

    if args.from_dump:
        lines = args.from_dump.read_text(encoding="utf-8").splitlines()
        questions = [json.loads(line) for line in lines if line]
    else:
        questions = collect(args.dataset, args.work, args.k, args.limit, args.store)
        if args.dump:
            args.dump.write_text("".join(json.dumps(q) + "\n" for q in questions), encoding="utf-8")
    if not questions:
        print("no answerable question has its answer in a retrieved sentence: nothing to fit", file=sys.stderr)
        return 1
    hand = SentenceRanker.load()
    print(f"{len(questions)} questions with the answer in a candidate sentence", file=sys.stderr)
    report = {
        "questions": len(questions),
        "top1_shipped": round(top1(hand, questions), 4),
        "top1_fitted_cross_validated": {
            f"{n} finalists, {name}": round(cross_validated(questions, n, args.l2, features), 4)
            for n in sorted({4, 6, 8, args.candidates})
            for name, features in (("with similarity", FULL_FEATURES), ("without", FULL_WITHOUT_SIMILARITY))
        },
    }
    fitted_on = f"{args.dataset.name}: {len(questions)} questions with the answer in a retrieved sentence"
    ranker = fit(questions, args.candidates, args.further_margin, args.l2, fitted_on, full_features)
    report["top1_fitted_in_sample"] = round(top1(ranker, questions), 4)
    report["model"] = ranker.to_json()
    print(json.dumps(report, indent=1))
    args.out.write_text(json.dumps(ranker.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
