"""`newsrag eval perf`: ingestion and answering against the machine's limit, in one process, on the same articles.

The embedding model is the physical limit of ingestion on a CPU; everything else is overhead. Measured:

- ``raw_encode_s``: plain fp32 ``SentenceTransformer.encode`` of exactly the chunk texts newsrag's ingestion made;
- ``ingest_s``: newsrag's ingestion into a fresh store (model already loaded), ``bare_encode_s``: newsrag's own
  backend encoding the same chunk texts alone, ``overhead`` = ingest_s / bare_encode_s;
- ``coverage``: the share of the corpus's word pieces inside some chunk's embedding window (the model sees 254);
- peers on the same articles and model: the LlamaIndex quickstart (default splitter) and LlamaIndex with
  ``SentenceSplitter(chunk_size=256, chunk_overlap=32)``, their ingest seconds and coverage;
  ``speedup_vs_li256`` = li256_ingest_s / ingest_s;
- ``reingest_unchanged_s``; query latency p50/p95/p99 for retrieval alone and for a whole extractive answer;
- peak RSS of this process after ingestion and of a serving process (``newsrag serve`` answering questions);
- ``answer_recall@5`` over the dataset's questions whose answers occur in the measured articles.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from eval.bench import load_articles, load_questions
from eval.metrics import answer_in_text, percentile
from rag.embed import Embedder, resolve_dtype, resolve_model_path
from rag.errors import NewsragError
from rag.settings import Settings
from rag.types import Query

WINDOW = 254  # word pieces all-MiniLM-L6-v2 embeds (256 with its two special tokens)


def _rss_mb() -> float:
    """The process's peak resident memory (``VmHWM``: see ``eval.ingest_memory.peak_mb``)."""
    from eval.ingest_memory import peak_mb

    return round(peak_mb(), 1)


def coverage(articles: Sequence[tuple[str, str]], spans: dict[str, list[tuple[int, int]]], embedder: Embedder) -> float:
    """Share of the articles' word pieces that lie inside the embedded part of some chunk. ``spans`` maps an
    article id to the character spans of its chunks; each chunk's embedded part is its first WINDOW word pieces."""
    covered = total = 0
    for article_id, text in articles:
        tokens = embedder.token_spans(text)
        total += len(tokens)
        windows = []
        for start, end in spans.get(article_id, []):
            piece = embedder.token_spans(text[start:end])
            if piece:
                last = piece[min(len(piece), WINDOW) - 1][1]
                windows.append((start, start + last))
        merged: list[list[int]] = []
        for ws, we in sorted(windows):
            if merged and ws <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], we)
            else:
                merged.append([ws, we])
        j = 0
        for s, e in tokens:  # in order; the merged windows are disjoint and sorted
            while j < len(merged) and merged[j][1] < e:
                j += 1
            if j < len(merged) and merged[j][0] <= s:
                covered += 1
    return round(covered / total, 4) if total else 1.0


def _llamaindex_ingest(
    texts: Sequence[tuple[str, str]], embedder: Embedder, splitter: Any | None
) -> tuple[float, dict[str, list[tuple[int, int]]]]:
    from llama_index.core import Document, VectorStoreIndex

    from rag.llama import NewsragEmbedding

    docs = [Document(text=t, doc_id=i) for i, t in texts]
    t0 = time.perf_counter()
    kwargs = {"transformations": [splitter]} if splitter is not None else {}
    index = VectorStoreIndex.from_documents(docs, embed_model=NewsragEmbedding(embedder), **kwargs)
    elapsed = time.perf_counter() - t0
    spans: dict[str, list[tuple[int, int]]] = {}
    for node in index.docstore.docs.values():
        start, end = getattr(node, "start_char_idx", None), getattr(node, "end_char_idx", None)
        if start is not None and end is not None:
            spans.setdefault(node.ref_doc_id, []).append((start, end))
    return elapsed, spans


def run_perf(
    dataset: Path,
    settings: Settings,
    work: Path,
    limit: int = 1000,
    peers: bool = True,
    questions_limit: int = 200,
    backends: Sequence[str] | None = None,
    log: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    """Every backend in ``backends`` (default: the configured ``embedding_dtype``) ingests the articles into a fresh
    store of its own and is scored with ``answer_recall@5``; the configured backend's figures are the top-level ones
    (latency, serving memory, overhead), the others are under ``backends``."""
    articles = [a for a in load_articles(dataset) if (a.get("text") or "").strip()][:limit]
    work.mkdir(parents=True, exist_ok=True)
    subset = work / f"perf-articles-{len(articles)}.jsonl"
    subset.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    configured = resolve_dtype(settings.embedding_dtype)  # "auto" measures what this machine would use
    # the configured one first: its store is kept
    order = list(dict.fromkeys([configured, *(resolve_dtype(b) for b in backends or [])]))
    out: dict[str, Any] = {"dataset": str(dataset), "articles": len(articles), "embedding_dtype": configured}
    out["backends"] = {}
    main: _Measured | None = None
    for dtype in order:
        log(f"newsrag ({dtype}): ingesting {len(articles)} articles ...")
        measured = _measure_backend(
            replace(
                settings, embedding_dtype=dtype, store=str(work / f"perf-store-{len(articles)}-{dtype}"), chroma_url=""
            ),
            subset,
            articles,
            dataset,
            questions_limit,
            latency=dtype == configured,
            log=log,
        )
        main = main or measured  # the configured backend runs first
        out["backends"][dtype] = {
            k: measured.figures[k]
            for k in ("ingest_s", "bare_encode_s", "overhead", "chunks", "coverage", "answer_recall@5")
        }
    assert main is not None
    out.update(main.figures)

    from sentence_transformers import SentenceTransformer

    log("plain float32 sentence-transformers on the same chunk texts ...")
    plain = SentenceTransformer(str(resolve_model_path(settings.embedding_model)), device="cpu", local_files_only=True)
    plain.encode(["warm up"])
    t0 = time.perf_counter()
    plain.encode(main.texts, batch_size=32, convert_to_numpy=True, show_progress_bar=False)
    out["raw_encode_s"] = round(time.perf_counter() - t0, 2)
    out["speedup_vs_raw"] = round(out["raw_encode_s"] / out["ingest_s"], 3) if out["ingest_s"] else None

    log("serving process ...")
    from eval.load import peak_rss_mb, run_load, served

    with served(str(main.store_dir)) as (url, pid):
        run_load(url, [q["question"] for q in main.questions[:20]] or ["test"], clients=4, duration=10)
        out["serve_peak_rss_mb"] = peak_rss_mb(pid)

    if peers:
        from llama_index.core.node_parser import SentenceSplitter

        docs = main.stored_texts
        # The peers run the model as their users do: plain float32, whatever backend newsrag is measured with.
        peer = main.embedder.with_dtype("float32")
        log("peer: LlamaIndex quickstart ...")
        out["quickstart_ingest_s"], qs_spans = _llamaindex_ingest(docs, peer, None)
        out["quickstart_coverage"] = coverage(docs, qs_spans, main.embedder)
        log("peer: LlamaIndex SentenceSplitter(256, 32) ...")
        out["li256_ingest_s"], li_spans = _llamaindex_ingest(
            docs, peer, SentenceSplitter(chunk_size=256, chunk_overlap=32)
        )
        out["li256_coverage"] = coverage(docs, li_spans, main.embedder)
        out["quickstart_ingest_s"] = round(out["quickstart_ingest_s"], 2)
        out["li256_ingest_s"] = round(out["li256_ingest_s"], 2)
        out["speedup_vs_li256"] = round(out["li256_ingest_s"] / out["ingest_s"], 3) if out["ingest_s"] else None
        for figures in out["backends"].values():
            figures["speedup_vs_li256"] = round(out["li256_ingest_s"] / figures["ingest_s"], 3)
    return out


def _chunk_texts(subset: Path, chunker: Any) -> list[str]:
    """The texts the ingestion of ``subset`` into an empty store embeds: every readable article's chunks (after
    its title when the chunker prefixes it), a repeated text stored once, as ``ingest_paths`` does."""
    from ingest.readers import discover, read_file
    from ingest.run import text_hash
    from rag.errors import ReadError

    texts: list[str] = []
    seen_ids: set[str] = set()
    seen_texts: set[str] = set()
    files, _ = discover([str(subset)])
    for item in files:
        for result in read_file(item):
            if isinstance(result, ReadError) or result.article.id in seen_ids:
                continue
            article = result.article
            seen_ids.add(article.id)
            digest = text_hash(article.text)
            if digest in seen_texts:
                continue
            seen_texts.add(digest)
            texts.extend(chunker.embedding_texts(article.title, [c.text for c in chunker.chunk(article)]))
    return texts


@dataclass
class _Measured:
    """One backend's figures, and what the later steps (raw encode, serving, peers) reuse from its run."""

    figures: dict[str, Any]
    store_dir: Path
    stored_texts: list[tuple[str, str]]
    texts: list[str]
    questions: list[dict[str, Any]]
    embedder: Embedder


def _measure_backend(
    settings: Settings,
    subset: Path,
    articles: list[dict[str, Any]],
    dataset: Path,
    questions_limit: int,
    latency: bool,
    log: Callable[[str], None],
) -> _Measured:
    """Fresh ingestion with one embedding backend, coverage, re-ingestion of the unchanged articles and
    ``answer_recall@5``; for the configured backend (``latency``) also its bare encode of the same chunk texts and
    query latency."""
    from ingest.run import ingest_paths, make_chunker
    from rag.pipeline import build_pipeline
    from rag.store import Store

    store_dir = Path(settings.store)
    shutil.rmtree(store_dir, ignore_errors=True)
    embedder = Embedder.from_settings(settings)
    embedder.warm_up_ingestion()
    chunker = make_chunker(settings, embedder)
    texts = _chunk_texts(subset, chunker)  # what the ingestion will embed: the chunk, after its title if set
    out: dict[str, Any] = {}

    def bare() -> float:
        t0 = time.perf_counter()
        embedder.embed_batch(texts)  # ingestion's path (torch), not question time's numpy encoder
        return time.perf_counter() - t0

    # The configured backend's bare encode runs just before and just after the ingestion and the two are
    # averaged: the model's own speed drifts by several percent over minutes on a shared machine, and one
    # encode measured after the ingestion alone puts that drift into the overhead.
    before = None
    if latency:
        log(f"{embedder.dtype}: encoding the chunk texts alone (before the ingestion) ...")
        before = bare()
    t0 = time.perf_counter()
    report = ingest_paths([str(subset)], settings, embedder=embedder, progress=False)
    out["ingest_s"] = round(time.perf_counter() - t0, 2)
    out["ingest_peak_rss_mb"] = _rss_mb()
    store = Store(settings)
    rows = store.all_chunks()
    stored = sorted(chunker.embedding_texts(str(meta.get("title", "")), [doc or ""])[0] for _, doc, meta in rows)
    if stored != sorted(texts):
        raise NewsragError(
            "eval perf: the stored chunks differ from the chunker's output; the bare encode would not compare"
        )
    out["chunks"] = len(texts)
    out["stored_articles"] = report.added

    out["bare_encode_s"] = out["overhead"] = None
    if before is not None:  # the configured backend only: the others are there for their speed and recall
        log(f"{embedder.dtype}: encoding the same chunk texts alone (after the ingestion) ...")
        after = bare()
        out["bare_encode_before_s"], out["bare_encode_after_s"] = round(before, 2), round(after, 2)
        out["bare_encode_s"] = round((before + after) / 2, 2)
        out["overhead"] = round(out["ingest_s"] / out["bare_encode_s"], 3) if out["bare_encode_s"] else None

    by_id = {str(a["id"]): a["text"] for a in articles}
    spans: dict[str, list[tuple[int, int]]] = {}
    for _, _, meta in rows:
        spans.setdefault(str(meta["article_id"]), []).append((int(meta["start"]), int(meta["end"])))
    stored_texts = [(aid, store.get_article(aid).text) for aid in store.manifest() if aid in by_id]  # type: ignore[union-attr]
    out["coverage"] = coverage(stored_texts, spans, embedder)

    t0 = time.perf_counter()
    ingest_paths([str(subset)], settings, embedder=embedder, progress=False)
    out["reingest_unchanged_s"] = round(time.perf_counter() - t0, 2)
    out["reingest_ratio"] = round(out["reingest_unchanged_s"] / out["ingest_s"], 4) if out["ingest_s"] else None

    pipeline = build_pipeline(settings, embedder=embedder)
    pipeline.warm_up()
    corpus_lower = "\n\u0000\n".join(t for _, t in stored_texts).lower()
    questions = [q for q in load_questions(dataset) if answer_in_text(q["answer"], corpus_lower)][:questions_limit]
    log(f"{embedder.dtype}: {len(questions)} questions ...")
    retrieve_ms, answer_ms, found = [], [], 0
    for q in questions:
        query = Query(q["question"], k=5, as_of=date.fromisoformat(q["date"]) if q.get("date") else None)
        t = time.perf_counter()
        hits = pipeline.search(query)
        retrieve_ms.append((time.perf_counter() - t) * 1000)
        found += any(answer_in_text(q["answer"], h.chunk.text) for h in hits)
        if latency:
            t = time.perf_counter()
            pipeline.run(query)
            answer_ms.append((time.perf_counter() - t) * 1000)
    out["questions"] = len(questions)
    out["answer_recall@5"] = round(found / len(questions), 4) if questions else None
    if latency:
        for name, values in (("retrieve", retrieve_ms), ("answer", answer_ms)):
            for p in (50, 95, 99):
                out[f"{name}_p{p}_ms"] = round(percentile(values, p), 1)
    return _Measured(out, store_dir, stored_texts, texts, questions, embedder)
