"""`newsrag eval bench`: a news QA benchmark in the rtqa-dev format (``articles.jsonl``, ``questions.jsonl``),
scored with the matching rule of the benchmark (the answer occurs as a whole word or phrase, ignoring case), for
newsrag and for two peers run in the same process on the same articles and embedding model:

- ``bm25``: BM25 alone (bm25s, English stop words, PyStemmer stemming) over newsrag's own chunks;
- ``llamaindex_quickstart``: ``VectorStoreIndex.from_documents`` with LlamaIndex's default splitter.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from eval.curve import THRESHOLDS, trade_off
from eval.metrics import answer_in_text, lowered_answer_in, percentile
from eval.rejection import Outcome, abstention_metrics, correct, rejection_metrics, run_both
from ingest.run import ingest_paths
from rag.embed import Embedder
from rag.errors import NewsragError
from rag.pipeline import build_pipeline
from rag.settings import Settings
from rag.types import Query

RECALL_AT = (1, 2, 5, 10)
WORD_BUDGET = 1000


@dataclass(frozen=True)
class BenchQuestion:
    id: str
    date: date | None
    question: str
    choices: list[str]
    answer: str
    answerable: bool  # the answer occurs in some article of the corpus
    evidence: str = ""  # the quiz's own proof sentence, where the benchmark gives one


@dataclass(frozen=True)
class Retrieved:
    texts: list[str]  # passages, best first
    ms: float


def load_questions(folder: Path) -> list[dict[str, Any]]:
    path = folder / "questions.jsonl"
    if not path.is_file():
        raise NewsragError(f"{folder} has no questions.jsonl (see ../shared/README.md for the format).")
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            assert isinstance(obj["question"], str) and isinstance(obj["answer"], str)
            assert isinstance(obj["choices"], list)
        except (json.JSONDecodeError, KeyError, AssertionError, TypeError):
            raise NewsragError(f"{path}:{number}: expected {{id, date, question, choices, answer}}.") from None
        out.append(obj)
    return out


def load_articles(folder: Path) -> list[dict[str, Any]]:
    path = folder / "articles.jsonl"
    if not path.is_file():
        raise NewsragError(f"{folder} has no articles.jsonl (see ../shared/README.md for the format).")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def bench_questions(questions: list[dict[str, Any]], articles: list[dict[str, Any]]) -> list[BenchQuestion]:
    """The questions as ``BenchQuestion``s, each marked answerable when its answer occurs in some article."""
    corpus_lower = "\n\u0000\n".join(a.get("text", "") or "" for a in articles).lower()
    return [
        BenchQuestion(
            id=str(q.get("id")),
            date=date.fromisoformat(q["date"]) if q.get("date") else None,
            question=q["question"],
            choices=[str(c) for c in q["choices"]],
            answer=q["answer"],
            answerable=lowered_answer_in(q["answer"].strip().lower(), corpus_lower),
            evidence=str(q.get("evidence") or ""),
        )
        for q in questions
    ]


def select_subset(
    questions: list[dict[str, Any]], articles: list[dict[str, Any]], limit: int, seed: int = 0
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``limit`` questions (a seeded sample) with the articles that contain their answers (at most 20 each) and
    as many distractors again, sampled from the rest."""
    rng = random.Random(seed)
    chosen = sorted(rng.sample(range(len(questions)), min(limit, len(questions))))
    picked_q = [questions[i] for i in chosen]
    needed: list[int] = []
    for q in picked_q:
        hits = [i for i, a in enumerate(articles) if answer_in_text(q["answer"], a.get("text", ""))]
        needed.extend(hits[:20])
    needed_set = set(needed)
    rest = [i for i in range(len(articles)) if i not in needed_set]
    distractors = rng.sample(rest, min(len(rest), max(len(needed_set), 10)))
    keep = sorted(needed_set | set(distractors))
    return picked_q, [articles[i] for i in keep]


def store_key(dataset: Path, limit: int | None, articles: Sequence[dict[str, Any]]) -> str:
    """The key of the store that ``prepare`` keeps for a dataset, ``limit`` subset and article set:
    ``<work>/store-<key>`` (``eval scale`` fills the same store when it grows past the dataset's articles)."""
    ids = sorted(str(a["id"]) for a in articles)
    return hashlib.sha256(json.dumps([str(dataset.resolve()), limit, ids]).encode()).hexdigest()[:12]


@dataclass
class Prepared:
    """A benchmark ready to query: its questions, the store its articles went into, and how long that took."""

    items: list[BenchQuestion]
    settings: Settings  # with the benchmark's store
    embedder: Embedder
    report: Any  # the IngestReport
    subset_file: Path
    articles: list[dict[str, Any]]
    key: str
    ingest_s: float


def prepare(
    dataset: Path,
    settings: Settings,
    work: Path,
    limit: int | None,
    progress: bool | None,
    log: Callable[[str], None],
) -> Prepared:
    """Load the benchmark (or a ``limit`` subset), and ingest its articles through newsrag's own ingestion into a
    store kept per dataset, subset and settings: a second run finds them unchanged and skips them."""
    questions = load_questions(dataset)
    articles = load_articles(dataset)
    if limit:
        questions, articles = select_subset(questions, articles, limit)
    items = bench_questions(questions, articles)
    key = store_key(dataset, limit, articles)
    work.mkdir(parents=True, exist_ok=True)
    subset_file = work / f"articles-{key}.jsonl"
    if not subset_file.exists():
        subset_file.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    settings = replace(settings, store=str(work / f"store-{key}"))
    embedder = Embedder.from_settings(settings)
    log(f"ingesting {len(articles)} articles into {settings.store} ...")
    t0 = time.perf_counter()
    report = ingest_paths([str(subset_file)], settings, embedder=embedder, progress=progress)
    return Prepared(items, settings, embedder, report, subset_file, articles, key, time.perf_counter() - t0)


def run_bench(
    dataset: Path,
    settings: Settings,
    work: Path,
    k: int = 10,
    limit: int | None = None,
    peers: bool = True,
    progress: bool | None = None,
    log: Callable[[str], None] = lambda _: None,
    rejection: bool = True,
    per_question: Path | None = None,
) -> dict[str, Any]:
    from tqdm import tqdm

    t_start = time.perf_counter()
    prep = prepare(dataset, settings, work, limit, progress, log)
    items, settings, embedder, report = prep.items, prep.settings, prep.embedder, prep.report
    subset_file, articles, key, ingest_s = prep.subset_file, prep.articles, prep.key, prep.ingest_s
    pipeline = build_pipeline(settings, embedder=embedder)
    pipeline.warm_up()

    def newsrag_search(q: BenchQuestion) -> Retrieved:
        t = time.perf_counter()
        hits = pipeline.search(Query(q.question, k=k, as_of=q.date))
        return Retrieved([h.chunk.text for h in hits], (time.perf_counter() - t) * 1000)

    results: dict[str, Any] = {
        "dataset": str(dataset),
        "questions": len(items),
        "answerable": sum(q.answerable for q in items),
        "articles": len(articles),
        "k": k,
    }
    log("newsrag: retrieving and answering ...")
    retrieved = [newsrag_search(q) for q in tqdm(items, desc="newsrag", unit="q", disable=_off(progress))]
    log("newsrag: answering, and again without the answers' articles (the rejection run) ...")
    outcomes = run_both(
        pipeline,
        items,
        articles,
        settings.top_k,
        rejection=rejection,
        progress=lambda it: tqdm(it, desc="answers", unit="q", disable=_off(progress)),
    )
    normal = [o for o in outcomes if o.run == "normal"]
    answer_ms = [o.ms for o in normal]
    newsrag = retrieval_metrics(items, retrieved, k)
    newsrag["mc_accuracy"] = round(
        _mean([mc_pick(q.choices, r.texts) == q.answer for q, r in zip(items, retrieved, strict=True)]), 4
    )
    newsrag.update(answer_metrics(items, [o.text for o in normal], [o.abstained for o in normal]))
    newsrag.update(abstention_metrics(outcomes))
    if rejection:
        newsrag.update(rejection_metrics(items, outcomes))
        newsrag["curve"] = trade_off([o.decision() for o in outcomes], (*THRESHOLDS, settings.min_answerability))
    if per_question is not None:
        write_per_question(per_question, items, outcomes)
    newsrag.update(
        ingest_s=round(ingest_s, 1),
        ingest_added=report.added + report.updated,
        chunks=report.total_chunks,
        query_p50_ms=round(percentile([r.ms for r in retrieved], 50), 1),
        query_p95_ms=round(percentile([r.ms for r in retrieved], 95), 1),
        answer_p50_ms=round(percentile(answer_ms, 50), 1),
        answer_p95_ms=round(percentile(answer_ms, 95), 1),
    )
    results.update(newsrag)

    if peers:
        results["peers"] = {}
        log("peer bm25 ...")
        results["peers"]["bm25"] = _bm25_peer(pipeline, items, k, progress)
        log("peer llamaindex_quickstart ...")
        results["peers"]["llamaindex_quickstart"] = _quickstart_peer(
            subset_file, articles, embedder.with_dtype("float32"), work, key, items, k, progress
        )
    results["wall_s"] = round(time.perf_counter() - t_start, 1)
    return results


def write_per_question(path: Path, items: Sequence[BenchQuestion], outcomes: Sequence[Outcome]) -> None:
    """One JSON object a line: each question in each run, what was answered and whether it was right."""
    by_id = {q.id: q for q in items}
    with path.open("w", encoding="utf-8") as out:
        for o in outcomes:
            q = by_id[o.question_id]
            row = {
                **o.to_json(),
                "question": q.question,
                "date": q.date.isoformat() if q.date else None,
                "right_choice": q.answer,
                "correct": o.run == "normal" and q.answerable and not o.abstained and correct(q, o.text),
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _off(progress: bool | None) -> bool | None:
    return None if progress is None else not progress


def _mean(values: Sequence[float | bool]) -> float:
    return sum(values) / len(values) if values else 0.0


def first_words(texts: Sequence[str], budget: int = WORD_BUDGET) -> str:
    """The first ``budget`` words of the passages, concatenated in rank order."""
    words: list[str] = []
    for text in texts:
        words.extend(text.split())
        if len(words) >= budget:
            break
    return " ".join(words[:budget])


def retrieval_metrics(items: Sequence[BenchQuestion], retrieved: Sequence[Retrieved], k: int) -> dict[str, Any]:
    """answer_recall@n, @1000words and MRR over the answerable questions; mean words retrieved at k."""
    pairs = [(q, r) for q, r in zip(items, retrieved, strict=True) if q.answerable]
    out: dict[str, Any] = {}
    for n in RECALL_AT:
        if n <= k:
            out[f"answer_recall@{n}"] = round(
                _mean([any(answer_in_text(q.answer, t) for t in r.texts[:n]) for q, r in pairs]), 4
            )
    out["answer_recall@1000words"] = round(_mean([answer_in_text(q.answer, first_words(r.texts)) for q, r in pairs]), 4)
    rr = []
    for q, r in pairs:
        rank = next((i for i, t in enumerate(r.texts, 1) if answer_in_text(q.answer, t)), None)
        rr.append(1.0 / rank if rank else 0.0)
    out["mrr"] = round(_mean(rr), 4)
    out[f"words@{k}"] = round(_mean([sum(len(t.split()) for t in r.texts) for _, r in pairs]), 1)
    return out


def mc_pick(choices: Sequence[str], texts: Sequence[str]) -> str:
    """Pick a choice from retrieved evidence: the one found in the best-ranked passages (1/rank per passage
    that contains it); ties go to the choice sharing the most words with the top passages, then to list order."""

    def score(choice: str) -> tuple[float, float]:
        found = sum(1.0 / rank for rank, t in enumerate(texts, 1) if answer_in_text(choice, t))
        top = " ".join(texts[:3]).lower()
        words = re.findall(r"\w+", choice.lower())
        overlap = _mean([w in top for w in words]) if words else 0.0
        return found, overlap

    return max(choices, key=lambda c: score(c)) if choices else ""


def answer_metrics(items: Sequence[BenchQuestion], texts: Sequence[str], abstained: Sequence[bool]) -> dict[str, Any]:
    """open_accuracy: over answerable questions, the answer contains the right choice and none of the wrong ones;
    abstain_rate_unanswerable and false_abstention_rate."""
    right = []
    for q, text, abst in zip(items, texts, abstained, strict=True):
        if not q.answerable:
            continue
        wrong = [c for c in q.choices if c != q.answer]
        right.append(not abst and answer_in_text(q.answer, text) and not any(answer_in_text(c, text) for c in wrong))
    unanswerable = [a for q, a in zip(items, abstained, strict=True) if not q.answerable]
    answerable = [a for q, a in zip(items, abstained, strict=True) if q.answerable]
    return {
        "open_accuracy": round(_mean(right), 4),
        "abstain_rate_unanswerable": round(_mean(unanswerable), 4),
        "false_abstention_rate": round(_mean(answerable), 4),
    }


def _bm25_peer(pipeline: Any, items: Sequence[BenchQuestion], k: int, progress: bool | None) -> dict[str, Any]:
    import bm25s
    import Stemmer
    from tqdm import tqdm

    texts = [doc or "" for _, doc, _ in pipeline.store.all_chunks()]
    stemmer = Stemmer.Stemmer("english")
    t0 = time.perf_counter()
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", stemmer=stemmer, show_progress=False), show_progress=False)
    index_s = time.perf_counter() - t0
    retrieved = []
    for q in tqdm(items, desc="bm25", unit="q", disable=_off(progress)):
        t = time.perf_counter()
        tokens = bm25s.tokenize([q.question], stopwords="en", stemmer=stemmer, show_progress=False)
        docs, _ = retriever.retrieve(tokens, k=min(k, len(texts)), show_progress=False)
        retrieved.append(Retrieved([texts[i] for i in docs[0]], (time.perf_counter() - t) * 1000))
    out = retrieval_metrics(items, retrieved, k)
    out["mc_accuracy"] = round(
        _mean([mc_pick(q.choices, r.texts) == q.answer for q, r in zip(items, retrieved, strict=True)]), 4
    )
    out.update(
        index_s=round(index_s, 1), chunks=len(texts), query_p50_ms=round(percentile([r.ms for r in retrieved], 50), 1)
    )
    return out


def _quickstart_peer(
    subset_file: Path,
    articles: list[dict[str, Any]],
    embedder: Embedder,
    work: Path,
    key: str,
    items: Sequence[BenchQuestion],
    k: int,
    progress: bool | None,
) -> dict[str, Any]:
    """LlamaIndex's quickstart on the same articles and model (plain float32, whatever backend newsrag uses): default
    splitter (1024 tokens, 200 overlap), in-memory vector store; persisted under the work folder so that a second run
    reuses it."""
    from llama_index.core import Document, StorageContext, VectorStoreIndex, load_index_from_storage
    from tqdm import tqdm

    from rag.llama import NewsragEmbedding

    embed_model = NewsragEmbedding(embedder)
    folder = work / f"quickstart-{key}"
    t0 = time.perf_counter()
    if (folder / "docstore.json").exists():
        index = load_index_from_storage(StorageContext.from_defaults(persist_dir=str(folder)), embed_model=embed_model)
        reused = True
    else:
        docs = [
            Document(text=a.get("text") or "", doc_id=str(a["id"])) for a in articles if (a.get("text") or "").strip()
        ]
        index = VectorStoreIndex.from_documents(docs, embed_model=embed_model, show_progress=bool(progress))
        index.storage_context.persist(persist_dir=str(folder))
        reused = False
    ingest_s = time.perf_counter() - t0
    retriever = index.as_retriever(similarity_top_k=k)
    retrieved = []
    for q in tqdm(items, desc="quickstart", unit="q", disable=_off(progress)):
        t = time.perf_counter()
        nodes = retriever.retrieve(q.question)
        retrieved.append(Retrieved([n.node.get_content() for n in nodes], (time.perf_counter() - t) * 1000))
    out = retrieval_metrics(items, retrieved, k)
    out["mc_accuracy"] = round(
        _mean([mc_pick(q.choices, r.texts) == q.answer for q, r in zip(items, retrieved, strict=True)]), 4
    )
    out.update(
        ingest_s=round(ingest_s, 1),
        ingest_reused=reused,
        chunks=len(index.docstore.docs),
        query_p50_ms=round(percentile([r.ms for r in retrieved], 50), 1),
    )
    return out
