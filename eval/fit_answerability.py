"""Fit the answerability model (``rag/models/answerability.json``) on a news QA benchmark's training split.

    python -m eval.fit_answerability --dataset ../shared/bench/rtqa-train [--dump rows.jsonl] [--from-dump rows.jsonl]

Every question is answered twice (``eval/rejection.py``): as asked, and with the articles that contain its answer
excluded. Each draft answer (the quotes before the decision) is a row: its features (``rag.answerability.FEATURES``)
and whether it answers the question (label 1: the quotes contain the right choice; a draft of the rejection run
never does). A logistic regression with a little L2 is fitted to the rows (Newton's method). The threshold is the
one that rejects most of the rejection run while open accuracy stays within ``--max-accuracy-loss`` (0.02) of
answering every question: abstentions that cost almost only answers that would have been wrong. (The issue's other
criterion, ``--max-false-abstention 0.10``, is there too; on rtqa-train it rejects under a fifth, see the README.)
The trade-off curve is printed for the README. Fit on rtqa-train, report on rtqa-dev.

The short-answer threshold (``min_short_answer``) is fitted on the same drafts: over the answers shown that found a
short answer, a logistic fit of "it names the right choice" on the answerability probability's logit, solved for
one half. Below it an answer leads with its quote. ``--keep-weights`` fits only that threshold for the shipped model.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from rag.answerability import FEATURES, AnswerabilityModel

THRESHOLDS = tuple(round(0.01 * i, 2) for i in range(0, 100))


@dataclass(frozen=True)
class Row:
    question_id: str
    run: str
    answerable: bool
    features: dict[str, float | None] | None
    label: int  # 1: the draft's quotes hold the right answer
    correct: bool  # the draft is right by open accuracy's rule (right choice, no wrong one)
    refused_by_rule: bool
    true_false: bool
    text: str = ""  # the draft's quotes (for reading the rows, not for the fit)
    short: str | None = None  # the short answer the draft found (led with or not)
    short_right: bool = False  # it names the right choice (the normal run's answerable questions)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 50) -> np.ndarray:
    """Weights (bias last) of a logistic regression: Newton's method on the mean log loss plus L2 (not on the
    bias). Features are in [0, 1], so no scaling is needed; a few dozen steps converge."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -50, 50)))
        grad = xb.T @ (p - y) / len(y) + penalty * w
        hessian = (xb * (p * (1 - p))[:, None]).T @ xb / len(y) + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def feature_means(rows: Sequence[Row], features: Sequence[str] = FEATURES) -> dict[str, float]:
    """Each feature's mean over the rows that know it (what an unknown value is taken to be)."""
    out = {}
    for f in features:
        known = [r.features[f] for r in rows if r.features is not None and r.features.get(f) is not None]
        out[f] = round(float(np.mean(known)), 4) if known else 0.0
    return out


def matrix(rows: Sequence[Row], means: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """The rows' features in ``means``' order (the features fitted) and their labels."""
    usable = [r for r in rows if r.features is not None]
    x = np.asarray(
        [[means[f] if r.features.get(f) is None else r.features[f] for f in means] for r in usable],  # type: ignore[union-attr]
        dtype=np.float64,
    )
    y = np.asarray([r.label for r in usable], dtype=np.float64)
    return x, y


def curve(rows: Sequence[Row], model: AnswerabilityModel, thresholds: Sequence[float] = THRESHOLDS) -> list[dict]:
    """Per threshold: rejection_rate (rejection run), false_abstention_rate and open_accuracy (answerable
    questions as asked, true/false ones included as the bench counts them)."""
    out = []
    probability = {id(r): model.probability(r.features) for r in rows if r.features is not None}
    for t in thresholds:

        def shown(r: Row, t: float = t) -> bool:
            return not r.refused_by_rule and r.features is not None and probability[id(r)] >= t

        normal = [r for r in rows if r.run == "normal" and r.answerable]
        rejection = [r for r in rows if r.run == "rejection"]
        out.append(
            {
                "threshold": t,
                "rejection_rate": round(float(np.mean([not shown(r) for r in rejection])), 4) if rejection else 0.0,
                "false_abstention_rate": round(float(np.mean([not shown(r) for r in normal])), 4) if normal else 0.0,
                "open_accuracy": round(float(np.mean([shown(r) and r.correct for r in normal])), 4) if normal else 0.0,
            }
        )
    return out


def choose_threshold(
    points: Sequence[dict], max_false_abstention: float | None = None, max_accuracy_loss: float = 0.02
) -> float:
    """The threshold that rejects most of the rejection run while (by default) keeping open accuracy within
    ``max_accuracy_loss`` of answering every question, i.e. abstaining almost only where the answer would have been
    wrong; or, with ``max_false_abstention``, while abstaining on at most that share of the answerable questions."""
    if max_false_abstention is not None:
        ok = [p for p in points if p["false_abstention_rate"] <= max_false_abstention]
    else:
        best = max(p["open_accuracy"] for p in points)
        ok = [p for p in points if p["open_accuracy"] >= best - max_accuracy_loss - 1e-9]
    if not ok:
        return min(p["threshold"] for p in points)
    return max(ok, key=lambda p: (p["rejection_rate"], -p["threshold"]))["threshold"]


def short_names(answer: str, short: str | None) -> bool:
    """Whether a short answer names the right choice: either holds the other ("Damar Hamlin" and "Hamlin";
    "Children under 5" and "under 5")."""
    from eval.metrics import answer_in_text

    return bool(short) and (answer_in_text(answer, short) or answer_in_text(short, answer))  # type: ignore[arg-type]


def short_answer_points(
    rows: Sequence[Row], model: AnswerabilityModel, thresholds: Sequence[float] = THRESHOLDS
) -> list[dict]:
    """Per threshold: of the answers shown (at the model's own threshold) that found a short answer, the share led
    with it (``led``) and the share of those that name the right choice (``precision``)."""
    shown = [
        (model.probability(r.features), r.short_right)
        for r in rows
        if r.run == "normal" and r.answerable and not r.refused_by_rule and r.features is not None and r.short
    ]
    shown = [(p, right) for p, right in shown if p >= model.threshold]
    out = []
    for t in thresholds:
        led = [right for p, right in shown if p >= t]
        out.append(
            {
                "threshold": t,
                "led": round(len(led) / len(shown), 4) if shown else 0.0,
                "precision": round(float(np.mean(led)), 4) if led else 0.0,
                "right_led": sum(led),
            }
        )
    return out


def short_answer_threshold(rows: Sequence[Row], model: AnswerabilityModel, l2: float = 1e-3) -> float:
    """The answerability probability from which a short answer is as likely right as wrong: a logistic fit of
    "the short answer names the right choice" on the probability's logit, over the shown answers that found one,
    solved for 1/2. Never below the model's own threshold; 1.0 (never lead) when the fit finds no rise."""
    pairs = [
        (model.probability(r.features), r.short_right)
        for r in rows
        if r.run == "normal" and r.answerable and not r.refused_by_rule and r.features is not None and r.short
    ]
    pairs = [(min(max(p, 1e-6), 1 - 1e-6), right) for p, right in pairs if p >= model.threshold]
    if len(pairs) < 10 or not any(right for _, right in pairs):
        return 1.0
    x = np.asarray([[np.log(p / (1 - p))] for p, _ in pairs])
    y = np.asarray([float(right) for _, right in pairs])
    w, b = fit_logistic(x, y, l2=l2)
    if w <= 0:
        return 1.0
    threshold = 1.0 / (1.0 + np.exp(b / w))  # logit(t) * w + b = 0
    return round(float(min(1.0, max(model.threshold, threshold))), 4)


def split_pipeline(dataset: Path, work: Path, limit: int | None, store: Path | None = None) -> tuple[list, list, Any]:
    """A training split's articles, its questions and a warmed-up pipeline over them. The split is ingested into
    the bench's store (reused when it is there); with ``store``, the articles of the split already in that store
    are used as they are (a part of the split: the questions are answerable or not by what it holds)."""
    from eval.bench import bench_questions, load_articles, load_questions, prepare
    from rag.pipeline import build_pipeline
    from rag.settings import load_settings
    from rag.store import Store

    settings = load_settings()
    if store is not None:
        settings = replace(settings, store=str(store))
        stored = set(Store(settings).manifest())
        articles = [a for a in load_articles(dataset) if str(a["id"]) in stored]
        items = bench_questions(load_questions(dataset), articles)
        pipeline = build_pipeline(settings)
    else:
        prep = prepare(dataset, settings, work, limit, None, lambda m: print(m, file=sys.stderr))
        articles, items = prep.articles, prep.items
        pipeline = build_pipeline(prep.settings, embedder=prep.embedder)
    pipeline.warm_up()
    return articles, items, pipeline


def collect(dataset: Path, work: Path, k: int, limit: int | None, store: Path | None = None) -> list[Row]:
    """Answer every question of the split twice and return the drafts as rows. The split is ingested into the
    bench's store (reused when it is there); with ``store``, the articles of the split already in that store are
    used as they are (a part of the split: the questions are answerable or not by what it holds)."""
    from tqdm import tqdm

    from eval.metrics import answer_in_text
    from eval.rejection import correct, is_true_false, run_both

    articles, items, pipeline = split_pipeline(dataset, work, limit, store)
    print(
        f"{len(items)} questions, {sum(q.answerable for q in items)} answerable, {len(articles)} articles",
        file=sys.stderr,
    )
    by_id = {q.id: q for q in items}
    outcomes = run_both(pipeline, items, articles, k, progress=lambda it: tqdm(it, unit="q"))
    rows = []
    for o in outcomes:
        q = by_id[o.question_id]
        rows.append(
            Row(
                question_id=o.question_id,
                run=o.run,
                answerable=q.answerable,
                features=o.features,
                label=int(o.run == "normal" and answer_in_text(q.answer, o.draft_text)),
                correct=o.run == "normal" and correct(q, o.draft_text),
                refused_by_rule=o.refused_by_rule,
                true_false=is_true_false(q.choices),
                text=o.draft_text,
                short=o.draft_short,
                short_right=o.run == "normal" and q.answerable and short_names(q.answer, o.draft_short),
            )
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.fit_answerability", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", default="../shared/bench/rtqa-train", type=Path)
    parser.add_argument("--work", default=".newsrag-bench", type=Path)
    parser.add_argument("--k", type=int, default=5, help="Passages per question (the top_k the answer uses).")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--store", type=Path, help="Use the split's articles already in this store (no ingestion).")
    parser.add_argument("--dump", type=Path, help="Write the rows (features and labels) to this JSONL file.")
    parser.add_argument("--from-dump", type=Path, help="Fit on rows written by --dump instead of answering again.")
    parser.add_argument("--out", type=Path, default=Path("rag/models/answerability.json"))
    parser.add_argument(
        "--max-accuracy-loss",
        type=float,
        default=0.02,
        help="Choose the threshold that rejects most while open accuracy stays within this of answering everything.",
    )
    parser.add_argument(
        "--max-false-abstention",
        type=float,
        default=None,
        help="Instead: the threshold that rejects most while abstaining on at most this share of answerable questions.",
    )
    parser.add_argument(
        "--with-similarity",
        action="store_true",
        help="Also weigh the quoted sentence's cosine to the question: an embedding per answer, for the same "
        "trade-off curve on rtqa-train. The rows must hold it: drafts of an answerer whose ranker or model weighs "
        "it (the shipped ones record it as unknown).",
    )
    parser.add_argument(
        "--keep-weights",
        action="store_true",
        help="Keep the model in --out (its weights and threshold) and fit only its short-answer threshold.",
    )
    parser.add_argument("--l2", type=float, default=1e-3)
    args = parser.parse_args(argv)
    features = FEATURES if args.with_similarity else tuple(f for f in FEATURES if f != "similarity")

    if args.from_dump:
        rows = [Row(**json.loads(line)) for line in args.from_dump.read_text(encoding="utf-8").splitlines() if line]
    else:
        rows = collect(args.dataset, args.work, args.k, args.limit, args.store)
        if args.dump:
            args.dump.write_text("".join(json.dumps(r.__dict__) + "\n" for r in rows), encoding="utf-8")
    if args.keep_weights:
        model = AnswerabilityModel.load(args.out)
        points = curve(rows, model)
    else:
        fit_rows = [r for r in rows if not r.true_false and not r.refused_by_rule]
        means = feature_means(fit_rows, features)
        x, y = matrix(fit_rows, means)
        w = fit_logistic(x, y, l2=args.l2)
        model = AnswerabilityModel(
            {f: round(float(v), 4) for f, v in zip(means, w[:-1], strict=True)},
            round(float(w[-1]), 4),
            fitted_on=f"{args.dataset.name}: {len(fit_rows)} drafts ({int(y.sum())} answering)",
            means=means,
        )
        points = curve(rows, model)
        threshold = choose_threshold(points, args.max_false_abstention, args.max_accuracy_loss)
        model = replace(model, threshold=threshold)
    model = replace(model, short_answer_threshold=short_answer_threshold(rows, model, l2=args.l2))
    args.out.write_text(json.dumps(model.to_json(), indent=2) + "\n", encoding="utf-8")
    short_curve = [p for p in short_answer_points(rows, model) if p["threshold"] >= model.threshold]
    print(json.dumps({"model": model.to_json(), "curve": points, "short_answer_curve": short_curve}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
