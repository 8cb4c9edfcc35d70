"""`newsrag eval ablation`: the retrieval chain with its parts switched on one at a time, on one store, in one
process: dense only, BM25 only, both fused, fused + rerank, fused + rerank + as-of dates."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from eval.bench import BenchQuestion, Retrieved, prepare, retrieval_metrics
from eval.metrics import percentile
from rag.pipeline import build_pipeline
from rag.settings import Settings
from rag.types import Query

VARIANTS: dict[str, dict[str, Any]] = {
    "dense": {"retrieval": "dense", "rerank": False},
    "bm25": {"retrieval": "lexical", "rerank": False},
    "fused": {"retrieval": "hybrid", "rerank": False},
    "fused+rerank": {"retrieval": "hybrid", "rerank": True, "rerank_recency": 0.0},
    "fused+rerank+dates": {"retrieval": "hybrid", "rerank": True},
}


def run_ablation(
    dataset: Path,
    settings: Settings,
    work: Path,
    k: int = 10,
    limit: int | None = None,
    progress: bool | None = None,
    log: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    from tqdm import tqdm

    prep = prepare(dataset, settings, work, limit, progress, log)
    items, settings, embedder = prep.items, prep.settings, prep.embedder
    out: dict[str, Any] = {"dataset": str(dataset), "questions": len(items), "k": k, "variants": {}}
    for name, overrides in VARIANTS.items():
        pipeline = build_pipeline(replace(settings, **overrides), embedder=embedder)
        pipeline.warm_up()
        retrieved = []
        for q in tqdm(items, desc=name, unit="q", disable=None if progress is None else not progress):
            retrieved.append(_search(pipeline, q, k))
        metrics = retrieval_metrics(items, retrieved, k)
        metrics["query_p50_ms"] = round(percentile([r.ms for r in retrieved], 50), 1)
        out["variants"][name] = metrics
        log(f"{name}: {metrics}")
    return out


def _search(pipeline: Any, q: BenchQuestion, k: int) -> Retrieved:
    t = time.perf_counter()
    hits = pipeline.search(Query(q.question, k=k, as_of=q.date))
    return Retrieved([h.chunk.text for h in hits], (time.perf_counter() - t) * 1000)
