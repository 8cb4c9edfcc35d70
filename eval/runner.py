"""`newsrag eval run`: ask every question of a golden set through the same pipeline as the CLI and the app,
score each case and the whole set."""

from __future__ import annotations

import tempfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from eval.golden import Case, GoldenSet
from eval.metrics import alce_citation_scores, contains_phrase, fact_recall, hit_at_k, mean, percentile, reciprocal_rank
from rag.embed import Embedder
from rag.errors import NewsragError
from rag.pipeline import Result, build_pipeline
from rag.settings import Settings
from rag.support import SupportChecker
from rag.types import Query

# Aggregate quality metrics and whether higher is better; the regression gate compares these.
QUALITY_METRICS: dict[str, bool] = {
    "pass_rate": True,
    "answer_accuracy": True,
    "fact_recall": True,
    "hit_at_k": True,
    "mrr": True,
    "citation_recall": True,
    "citation_precision": True,
    "abstain_accuracy": True,
    "false_abstention_rate": False,
}


@dataclass
class CaseResult:
    id: str
    question: str
    tags: list[str]
    expect_abstain: bool
    answer: str
    abstained: bool
    passed: bool
    fact_recall: float | None  # None for abstain cases
    missing_facts: list[str]
    retrieved: list[str]  # article ids, best first, without repeats
    cited: list[str]  # article ids the answer cites
    hit_at_k: float | None  # None when the case names no sources
    reciprocal_rank: float | None
    citation_recall: float | None  # None for an abstained answer
    citation_precision: float | None
    timings_ms: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    mode: str = ""  # extractive, llm or llm-fallback
    searched: str = ""  # a follow-up's standalone question, as retrieval read it ("" for a case without history)


@dataclass
class RunResult:
    golden: str
    k: int
    cases: list[CaseResult]
    aggregate: dict[str, float]
    settings: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "golden": self.golden,
            "k": self.k,
            "aggregate": self.aggregate,
            "settings": self.settings,
            "cases": [asdict(c) for c in self.cases],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RunResult:
        return cls(
            golden=data["golden"],
            k=data["k"],
            cases=[CaseResult(**c) for c in data["cases"]],
            aggregate=data["aggregate"],
            settings=data.get("settings", {}),
        )


def run_golden(
    golden: GoldenSet,
    settings: Settings,
    use_store: bool = False,
    embedder: Embedder | None = None,
    progress: bool | None = None,
) -> RunResult:
    """Score every case. With ``use_store`` the settings' store is used as it is; otherwise the set's corpus is
    ingested into a fresh temporary store first."""
    from tqdm import tqdm

    embedder = embedder or Embedder.from_settings(settings)
    with tempfile.TemporaryDirectory(prefix="newsrag-eval-") as tmp:
        if not use_store:
            from ingest.run import ingest_paths

            settings = replace(settings, store=str(Path(tmp) / "store"))
            report = ingest_paths([str(p) for p in golden.corpus], settings, embedder=embedder, progress=False)
            if report.failed:
                first = report.failed[0]
                raise NewsragError(f"Golden set corpus failed to ingest: {first.path}: {first.error}")
        pipeline = build_pipeline(settings, embedder=embedder)
        checker = SupportChecker()
        results = [
            _score(case, pipeline, golden.k, checker)
            for case in tqdm(golden.cases, desc="eval", unit="case", disable=None if progress is None else not progress)
        ]
    return RunResult(golden.name, golden.k, results, aggregate(results), _settings_summary(settings))


def _settings_summary(settings: Settings) -> dict[str, Any]:
    keep = (
        "embedding_model",
        "chunk_tokens",
        "chunk_overlap_sentences",
        "chunk_title_tokens",
        "top_k",
        "min_relevance",
        "min_coverage",
        "max_answer_sentences",
        "collection",
        "answer_mode",
    )
    out = {k: getattr(settings, k) for k in keep}
    if settings.answer_mode == "llm":
        out.update(llm=settings.llm, llm_model=settings.llm_model, llm_strict=settings.llm_strict)
    return out


def _score(case: Case, pipeline: Any, k: int, checker: SupportChecker) -> CaseResult:
    query = Query(case.question, k=k, since=case.since, until=case.until, as_of=case.as_of)
    try:
        history: list[tuple[str, str]] = []
        for turn, earlier in enumerate(case.history, 1):  # the conversation before, answered as a reader saw it
            try:
                said = pipeline.run(replace(query, text=earlier), history).answer
            except NewsragError as exc:
                raise NewsragError(f"history turn {turn}: {exc}") from exc
            history.append((earlier, said.text))
        result: Result = pipeline.run(query, history)
    except NewsragError as exc:
        return CaseResult(
            case.id,
            case.question,
            case.tags,
            case.abstain,
            answer="",
            abstained=False,
            passed=False,
            fact_recall=None if case.abstain else 0.0,
            missing_facts=[f[0] for f in case.facts],
            retrieved=[],
            cited=[],
            hit_at_k=0.0 if case.sources else None,
            reciprocal_rank=0.0 if case.sources else None,
            citation_recall=None,
            citation_precision=None,
            error=str(exc),
        )
    answer, hits = result.answer, result.hits
    retrieved = list(dict.fromkeys(h.chunk.article_id for h in hits))
    cited = list(dict.fromkeys(c.article_id for c in answer.citations))
    facts = None if case.abstain else fact_recall(answer.text, case.facts)
    missing = [f[0] for f in case.facts if not any(contains_phrase(answer.text, p) for p in f)]
    c_recall = c_precision = None
    if not answer.abstained:
        chunk_text = {h.chunk.id: h.chunk.text for h in hits}
        passages: dict[int, list[str]] = {}
        for cit in answer.citations:
            passages.setdefault(cit.marker, [])
            # A quote from outside the retrieved passages (a relation stated further on in the article) is its
            # own evidence: it is a verbatim span of the article.
            passage = chunk_text.get(cit.chunk_id, cit.quote)
            if passage not in passages[cit.marker]:
                passages[cit.marker].append(passage)
        c_recall, c_precision, _, _ = alce_citation_scores(
            answer.text,
            {m: "\n".join(p) for m, p in passages.items()},
            lambda claim, passage: checker.check(claim, passage).supported,
        )
    if case.abstain:
        passed = answer.abstained
    elif case.facts:
        passed = not answer.abstained and facts == 1.0
    else:
        passed = not answer.abstained and bool(set(cited) & set(case.sources))
    return CaseResult(
        id=case.id,
        question=case.question,
        tags=case.tags,
        expect_abstain=case.abstain,
        answer=answer.text,
        abstained=answer.abstained,
        passed=passed,
        fact_recall=facts,
        missing_facts=missing,
        retrieved=retrieved,
        cited=cited,
        hit_at_k=hit_at_k(retrieved, case.sources, k) if case.sources else None,
        reciprocal_rank=reciprocal_rank(retrieved, case.sources) if case.sources else None,
        citation_recall=c_recall,
        citation_precision=c_precision,
        timings_ms={key: round(v, 2) for key, v in answer.timings.items()},
        mode=answer.mode,
        searched=answer.question if case.history else "",
    )


def aggregate(cases: list[CaseResult]) -> dict[str, float]:
    answerable = [c for c in cases if not c.expect_abstain]
    unanswerable = [c for c in cases if c.expect_abstain]
    answered = [c for c in cases if not c.abstained and c.citation_recall is not None]
    with_sources = [c for c in answerable if c.hit_at_k is not None]
    out = {
        "cases": float(len(cases)),
        "pass_rate": mean([float(c.passed) for c in cases]),
        "answer_accuracy": mean([float(c.passed) for c in answerable]),
        "fact_recall": mean([c.fact_recall for c in answerable if c.fact_recall is not None]),
        "hit_at_k": mean([c.hit_at_k for c in with_sources if c.hit_at_k is not None]),
        "mrr": mean([c.reciprocal_rank for c in with_sources if c.reciprocal_rank is not None]),
        "citation_recall": mean([c.citation_recall for c in answered if c.citation_recall is not None]),
        "citation_precision": mean([c.citation_precision for c in answered if c.citation_precision is not None]),
        "abstain_accuracy": mean([float(c.abstained) for c in unanswerable]),
        "false_abstention_rate": mean([float(c.abstained) for c in answerable]),
    }
    if any(c.mode.startswith("llm") for c in cases):
        out["llm_fallback_rate"] = mean([float(c.mode == "llm-fallback") for c in cases if c.mode])
    for stage in ("retrieve", "answer", "total", "first_token"):
        values = [c.timings_ms[stage] for c in cases if stage in c.timings_ms]
        if not values and stage == "first_token":
            continue  # extractive answers have no first token
        out[f"{stage}_p50_ms"] = round(percentile(values, 50), 2)
        out[f"{stage}_p95_ms"] = round(percentile(values, 95), 2)
    return {k: round(v, 4) if not k.endswith("_ms") else v for k, v in out.items()}
