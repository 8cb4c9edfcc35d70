"""Developer tool: how much of a news benchmark's answer recall a better retriever could still win, and why the
rest is out of reach.

    python -m eval.ceiling --store STORE --dataset ../shared/bench/rtqa-dev [--json out.json]

``STORE`` holds the benchmark's articles (``newsrag --store STORE ingest .../articles.jsonl``). For every
answerable question it runs newsrag's retrieval twice, k = 10 with the question's date as the as-of date:

- with the question, as ``newsrag eval bench`` does;
- with the question followed by the quiz's own ``evidence`` sentence, the answer masked out of it: what a reader
  who already knows which event the question means would search for. Its recall within 1,000 words is an
  estimate of what better question understanding can reach with the same index and reranker.

Each question the first run misses is then sorted by why (``miss_reason``): an answer that cannot be matched as
written (``true-false``: the quiz's "TRUE"/"FALSE"; ``typographic``: curly quotes or apostrophes that articles
write straight), no article published within ``--days`` of the question that holds the answer (``no-recent-
article``: what remains is a match by coincidence, a team's name in an unrelated game report), or a recent article
that holds it (``recent-article``: the misses a retriever could fix).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from eval.bench import BenchQuestion, bench_questions, first_words, load_articles, load_questions
from eval.metrics import answer_in_text
from rag.settings import Settings
from rag.types import Query

_TYPOGRAPHIC = re.compile("[\u2018\u2019\u201c\u201d]")


def masked_evidence(evidence: str, answer: str) -> str:
    """``evidence`` with every occurrence of ``answer`` (ignoring case) removed."""
    if not answer.strip():
        return evidence
    return re.sub(r"\s+", " ", re.sub(re.escape(answer), " ", evidence, flags=re.IGNORECASE)).strip()


def miss_reason(answer: str, recent_texts_lower: Sequence[str]) -> str:
    """Why an answerable question's answer was not retrieved (see the module's docstring)."""
    if answer.strip().upper() in ("TRUE", "FALSE"):
        return "true-false"
    if _TYPOGRAPHIC.search(answer):
        return "typographic"
    if any(answer_in_text(answer, text) for text in recent_texts_lower):
        return "recent-article"
    return "no-recent-article"


def run_ceiling(store: str, dataset: Path, k: int = 10, days: int = 21) -> dict[str, Any]:
    from rag.pipeline import build_pipeline

    articles = [a for a in load_articles(dataset) if a.get("text")]
    items = [q for q in bench_questions(load_questions(dataset), articles) if q.answerable]
    dated = [(date.fromisoformat(a["published"]), a["text"].lower()) for a in articles if a.get("published")]
    pipeline = build_pipeline(replace(Settings(), store=store))
    pipeline.warm_up()

    def found(text: str, q: BenchQuestion) -> bool:
        hits = pipeline.search(Query(text[:2000], k=k, as_of=q.date))
        return answer_in_text(q.answer, first_words([h.chunk.text for h in hits]))

    answerable, question_hits, evidence_hits = len(items), 0, 0
    reasons: Counter[str] = Counter()
    for q in items:
        hit = found(q.question, q)
        question_hits += hit
        evidence_hits += found(f"{q.question} {masked_evidence(q.evidence, q.answer)}".strip(), q)
        if not hit:
            recent = [t for d, t in dated if q.date is not None and abs((d - q.date).days) <= days]
            reasons[miss_reason(q.answer, recent)] += 1
    return {
        "dataset": str(dataset),
        "answerable": answerable,
        "k": k,
        "recall_at_1000words": round(question_hits / answerable, 4) if answerable else 0.0,
        "recall_at_1000words_with_masked_evidence": round(evidence_hits / answerable, 4) if answerable else 0.0,
        "misses": dict(sorted(reasons.items())),
        "recent_days": days,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--dataset", type=Path, required=True)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--days", type=int, default=21)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    result = run_ceiling(args.store, args.dataset, args.k, args.days)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
