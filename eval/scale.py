"""`newsrag eval scale`: how ingestion and answering behave as the store grows (issue #18). A benchmark, not a test.

One store grows through the sizes asked for (1,000, 4,000 and 9,000 articles by default), so the whole run embeds
the corpus once: each size's store is a copy of the one before, topped up with the next articles by
``ingest_paths`` in a process of its own (its peak RSS is that increment's alone). The articles come in one order:

- the dataset's articles first (``--dataset``, rtqa-dev by default, or the articles of its ``--limit`` subset of
  questions as ``eval bench`` picks them); the timed questions are the dataset's, those answerable at the smallest
  size first;
- then every other article of the corpora (``--corpus``, rtqa-dev's and rtqa-train's ``articles.jsonl`` by
  default) in file order; an article whose id or text came before is left out, as is one without text.

At each size a fresh serving process (``python -m eval.scale serve``) loads the pipeline and answers: the time from
its start to its first answer (and the part after its imports), answer p50/p95 over ``--questions-limit``
questions, then one held-out article (the last of the order, which no size holds: the same article at every
size, so the add compares across sizes) added through the normal ingest path as the app's
upload does, timed with the question after it, beside that article's own embedding time; then the article is
deleted again, so the store keeps its size for the next run. Its peak RSS is the serving process's own.

Then the probe (``--probe-articles``, 100 by default): the same articles (copies of the order's first, under new ids)
are ingested into each size's store in a child process and deleted again, so ingestion's peak RSS is compared across
sizes with the increment held fixed; the growth's own increments differ in size (1,000 articles into an empty store,
4,000 into a grown one).

With ``--chroma-server`` each size is served from a ``chroma run`` over the store's ``chroma/`` folder (server mode,
how several app processes share a store): the serving process and the probe's ingestion hold no vector index, the
server does; its peak RSS is reported beside theirs (``chroma_server``).

With ``--quality`` the dataset's questions are searched (``eval bench``'s retrieval metrics, k = 10) over the
largest store and over the dataset's articles alone: the store ``eval bench --dataset D --work W`` keeps, which the
growth fills on its way (a copy of the store when it holds exactly the dataset's articles) and reuses when there.

Everything is kept under ``--work``: ``scale-<key>/`` (the ordered corpus, a store per size, each increment's
figures) and ``store-<key>`` (the dataset alone, shared with ``eval bench``). A second run embeds nothing new.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from eval.metrics import percentile
from rag.errors import NewsragError
from rag.settings import Settings

ALL = -1  # the size "all": every distinct article of the corpora but the held-out one
DEFAULT_SIZES = (1000, 4000, ALL)  # rtqa-dev + rtqa-train: 8,417 distinct articles (484 ids are in both)
DEFAULT_DATASET = Path("../shared/bench/rtqa-dev")
DEFAULT_CORPORA = (DEFAULT_DATASET / "articles.jsonl", Path("../shared/bench/rtqa-train/articles.jsonl"))
QUALITY_K = 10
SERVE_TIMEOUT_S = 3600.0
# Issue #18's targets at the largest size: (figure, limit, what it is).
TARGETS = {
    "add_beyond_embedding_s": (2.0, "adding one article and answering the next question, less its own embedding"),
    "first_answer_s": (3.0, "a fresh process's first answer, from its start"),
    "answer_p50_ms": (150.0, "answer p50"),
    "ingest_peak_rss_growth_mb": (
        200.0,
        "ingestion peak RSS at the largest size less that at the smallest (the probe's: the same articles into each "
        "size; else the growth's increments)",
    ),
    "serve_peak_rss_growth_mb": (150.0, "serving peak RSS at the largest size less that at the smallest"),
}
# The figures whose growth from the smallest to the largest size is reported: name -> path in a size's row.
GROWTH = {
    "chunks": ("chunks",),
    "ingest_peak_rss_mb": ("ingest", "peak_rss_mb"),
    "first_answer_s": ("serve", "first_answer_s"),
    "first_answer_after_imports_s": ("serve", "first_answer_after_imports_s"),
    "answer_p50_ms": ("serve", "answer_p50_ms"),
    "answer_p95_ms": ("serve", "answer_p95_ms"),
    "add_and_answer_s": ("serve", "add", "add_and_answer_s"),
    "add_beyond_embedding_s": ("serve", "add", "beyond_embedding_s"),
    "serve_peak_rss_mb": ("serve", "peak_rss_mb"),
    "serve_peak_rss_before_add_mb": ("serve", "peak_rss_before_add_mb"),
    "vector_index_mb": ("serve", "vector_index_mb"),
    "serve_peak_rss_less_vector_index_mb": ("serve", "peak_rss_less_vector_index_mb"),
    "probe_ingest_peak_rss_mb": ("probe", "peak_rss_mb"),
    "probe_ingest_seconds": ("probe", "seconds"),
    "chroma_server_peak_rss_serving_mb": ("chroma_server", "peak_rss_serving_mb"),
    "chroma_server_peak_rss_mb": ("chroma_server", "peak_rss_mb"),
}
PROBE_ID_PREFIX = "scale-probe-"


@dataclass(frozen=True)
class Corpus:
    """The articles in the order the store grows by: ``path`` holds one JSON object a line."""

    path: Path
    count: int  # articles in it
    front: int  # the first ``front`` are the dataset's (or its subset's)
    bench_key: str  # eval bench's key for the dataset's store: ``<work>/store-<bench_key>``


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes (about 0.3 s for an 80 MB dump)."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def parse_sizes(text: str) -> list[int]:
    """``"1000,4000,all"`` -> [1000, 4000, ALL]: positive and increasing, ``all`` only last; else a NewsragError
    naming them."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    try:
        sizes = [ALL if part == "all" and i == len(parts) - 1 else int(part) for i, part in enumerate(parts)]
    except ValueError:
        raise NewsragError(
            f"--sizes must be comma-separated whole numbers, the last may be 'all'. Currently, it is {text!r}."
        ) from None
    if not sizes or any(n < 1 and n != ALL for n in sizes):
        raise NewsragError(f"--sizes must be positive numbers of articles. Currently, it is {text!r}.")
    numbers = [n for n in sizes if n != ALL]
    if any(b <= a for a, b in zip(numbers, numbers[1:], strict=False)):
        raise NewsragError(f"--sizes must increase (the store only grows). Currently, it is {text!r}.")
    return sizes


def check_sizes(sizes: Sequence[int], corpus: Corpus, quality: bool) -> list[int]:
    """The sizes with ``all`` resolved. Each size needs one more article than it holds (the held-out one that is
    added); the quality comparison needs the dataset's articles within the largest store."""
    resolved = [corpus.count - 1 if n == ALL else n for n in sizes]
    too_big = [n for n in resolved if n >= corpus.count]
    if too_big:
        raise NewsragError(
            f"--sizes {too_big[0]} needs {too_big[0] + 1} distinct articles (one is held out and added), but the "
            f"corpus has {corpus.count}: pass smaller --sizes ('all' is {corpus.count - 1} here) or another --corpus."
        )
    if any(b <= a for a, b in zip(resolved, resolved[1:], strict=False)):
        raise NewsragError(
            f"--sizes must increase; 'all' is {corpus.count - 1} articles here. Currently, they are {resolved}."
        )
    if quality and resolved[-1] < corpus.front:
        raise NewsragError(
            f"--quality compares the dataset's questions over the largest store with its {corpus.front} articles "
            f"alone, so the largest size must hold them all. Currently, it is {resolved[-1]}: pass a larger size, "
            "a --limit, or --no-quality."
        )
    return resolved


def order_corpus(dataset: Path, limit: int | None, corpora: Sequence[Path], folder: Path) -> Corpus:
    """Write the articles in growth order to ``folder/corpus.jsonl`` (kept: a second run with the same inputs
    reads ``corpus.json`` instead)."""
    from eval.bench import load_articles, load_questions, select_subset, store_key

    for path in corpora:
        if not path.is_file():
            raise NewsragError(f"--corpus {path} is not a file (a JSONL dump, one article a line).")
    questions, articles = load_questions(dataset), load_articles(dataset)
    if limit:
        questions, articles = select_subset(questions, articles, limit)
    bench_key = store_key(dataset, limit, articles)
    meta_path, path = folder / "corpus.json", folder / "corpus.jsonl"
    if meta_path.is_file() and path.is_file():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return Corpus(path, meta["count"], meta["front"], bench_key)
    folder.mkdir(parents=True, exist_ok=True)
    seen_ids: set[str] = set()
    seen_texts: set[str] = set()
    front = count = 0
    tmp = folder / "corpus.jsonl.tmp"
    with tmp.open("w", encoding="utf-8") as out:

        def put(article: dict[str, Any]) -> bool:
            nonlocal count
            text = (article.get("text") or "").replace("\r\n", "\n").strip()
            ident = str(article.get("id") or article.get("url") or "")
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if not text or not ident or ident in seen_ids or digest in seen_texts:
                return False
            seen_ids.add(ident)
            seen_texts.add(digest)
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
            count += 1
            return True

        for article in articles:
            front += put(article)
        for source in corpora:
            with source.open(encoding="utf-8") as lines:
                for number, line in enumerate(lines, 1):
                    if not line.strip():
                        continue
                    try:
                        put(json.loads(line))
                    except (json.JSONDecodeError, AttributeError):
                        raise NewsragError(f"{source}:{number}: expected one JSON object (an article).") from None
    tmp.replace(path)
    meta_path.write_text(json.dumps({"count": count, "front": front}) + "\n", encoding="utf-8")
    return Corpus(path, count, front, bench_key)


def _lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield line


def _first_articles(path: Path, n: int) -> list[dict[str, Any]]:
    out = []
    for line in _lines(path):
        if len(out) == n:
            break
        out.append(json.loads(line))
    return out


def _nth_line(path: Path, index: int) -> str:
    for i, line in enumerate(_lines(path)):
        if i == index:
            return line
    raise NewsragError(f"{path} has no article number {index + 1}.")


def pick_questions(dataset: Path, corpus: Corpus, smallest: int, n: int, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` of the dataset's questions (all of them, whatever ``--limit``) in a seeded order, those whose answer
    occurs in the smallest store first (each with ``answerable`` set): the timed questions then have something to
    find at every size."""
    from eval.bench import bench_questions, load_questions

    items = bench_questions(load_questions(dataset), _first_articles(corpus.path, smallest))
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    order.sort(key=lambda i: not items[i].answerable)  # stable: answerable first, each part still shuffled
    return [
        {
            "question": items[i].question,
            "date": items[i].date.isoformat() if items[i].date else None,
            "answerable": items[i].answerable,
        }
        for i in order[:n]
    ]


def _copy_store(source: Path, target: Path) -> None:
    """Copy a store folder whole (no process has it open): a partial copy never takes the target's name."""
    tmp = target.with_name(target.name + ".copying")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(source, tmp)
    tmp.rename(target)


def grow(
    corpus: Corpus,
    stages: Sequence[int],
    settings: Settings,
    folder: Path,
    bench_store: Path | None,
    progress: bool,
    log: Callable[[str], None],
) -> dict[int, dict[str, Any]]:
    """Bring ``folder/store-<n>`` to the first ``n`` articles for each stage in turn, each started as a copy of
    the stage before (or of ``bench_store``, the dataset's articles alone, when it is there and ``n`` is their
    number), in a child process; the figures of each stage's ingestion. A stage that had nothing to add reports
    the figures an earlier run saved for it (``from_earlier_run``). At the stage of the dataset's articles, the
    store is copied to ``bench_store`` when that is missing."""
    from eval.ingest_memory import first_lines, ingest_in_child

    fields = asdict(replace(settings, chroma_url=""))
    subset = folder / "subset.jsonl"  # one path for every stage: the stored articles keep one origin
    previous: Path | None = None
    previous_n = 0
    out: dict[int, dict[str, Any]] = {}
    for n in stages:
        store = folder / f"store-{n}"
        if not store.exists():
            seed = bench_store if n == corpus.front and bench_store is not None and bench_store.exists() else previous
            if seed is not None:
                log(f"copying {seed} to {store} ...")
                _copy_store(seed, store)
        first_lines(corpus.path, n, subset)
        log(f"ingesting the first {n} articles into {store} (a child process) ...")
        figures = ingest_in_child(subset, store, fields, progress)
        saved = store.with_name(store.name + ".ingest.json")
        embedded = figures["chunks"]  # by this run
        if figures["added"] + figures["updated"]:
            saved.write_text(json.dumps(figures) + "\n", encoding="utf-8")
        elif saved.is_file():
            figures = {**json.loads(saved.read_text(encoding="utf-8")), "from_earlier_run": True}
        figures["chunks_this_run"] = embedded
        log(f"  {n} articles: {json.dumps(figures)}")
        out[n] = {"articles": n, "from_articles": previous_n, **figures}
        if n == corpus.front and bench_store is not None and not bench_store.exists():
            log(f"copying {store} to {bench_store} (the dataset's articles alone, for eval bench and --quality) ...")
            _copy_store(store, bench_store)
        previous, previous_n = store, n
    return out


def serve(
    store: Path, heldout: Path, questions: Sequence[dict[str, Any]], settings: Settings, folder: Path
) -> dict[str, Any]:
    """Run a fresh serving process (``python -m eval.scale serve``) over ``store`` and return its figures."""
    import eval

    spec_path, out_path, log_path = folder / "serve-spec.json", folder / "serve-out.json", folder / "serve.log"
    out_path.unlink(missing_ok=True)
    root = str(Path(eval.__file__).resolve().parent.parent)  # the child imports this very tree
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
    spec = {
        "settings": asdict(replace(settings, store=str(store))),
        "heldout": str(heldout),
        "questions": list(questions),
        "started": 0.0,
    }
    with log_path.open("wb") as log:
        spec["started"] = time.monotonic()  # CLOCK_MONOTONIC: the child reads the same clock
        spec_path.write_text(json.dumps(spec), encoding="utf-8")
        code = subprocess.run(
            [sys.executable, "-m", "eval.scale", "serve", str(spec_path), str(out_path)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            timeout=SERVE_TIMEOUT_S,
            check=False,
        ).returncode
    if code != 0 or not out_path.is_file():
        tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise NewsragError(f"the serving process over {store} exited with code {code}: {tail}")
    figures: dict[str, Any] = json.loads(out_path.read_text(encoding="utf-8"))
    return figures


def vector_index_mb(store: Path) -> float:
    """MiB of Chroma's HNSW index files in an embedded store's folder (``chroma/<segment>/*.bin``: the vectors and
    their graph links, which the index reads whole into the serving process's memory); 0 with a Chroma server, whose
    store folder holds no ``chroma/``."""
    return sum(p.stat().st_size for p in (store / "chroma").glob("*/*.bin")) / 2**20


def _serve_child(spec_path: Path, out_path: Path, started: float) -> None:
    """The serving process: load the pipeline, answer, add the held-out article, answer; write the figures.
    ``started`` is when its ``main`` began; the parent's clock reading before it started the process is in the
    spec (both ``time.monotonic()``: one clock for all processes of the machine)."""
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    spawned = float(spec["started"])
    # What `newsrag ask` imports before its first answer, no more: ingestion's modules come after it (the add).
    from eval.ingest_memory import peak_mb, rss_mb
    from rag.pipeline import build_pipeline
    from rag.types import Query

    imported = time.monotonic()
    settings = Settings(**spec["settings"])
    questions = [
        Query(q["question"], k=settings.top_k, as_of=date.fromisoformat(q["date"]) if q["date"] else None)
        for q in spec["questions"]
    ]
    pipeline = build_pipeline(settings)
    pipeline.warm_up()
    loaded = time.monotonic()
    pipeline.run(questions[0])
    answered = time.monotonic()
    rss_after_first = rss_mb()

    timed, after_add = questions[1:-1], questions[-1]  # the last one is new to the process after the write
    answer_ms, retrieve_ms = [], []
    for query in timed:
        t = time.perf_counter()
        result = pipeline.run(query)
        answer_ms.append((time.perf_counter() - t) * 1000)
        retrieve_ms.append(result.answer.timings.get("retrieve", 0.0))
    peak_before_add = peak_mb()

    from ingest.readers import discover, read_file
    from ingest.run import ingest_paths, make_chunker
    from rag.errors import ReadError

    files, _ = discover([spec["heldout"]])
    article = next(r.article for r in read_file(files[0]) if not isinstance(r, ReadError))
    store = pipeline.store
    # the held-out article and a probe's articles, left by a run that died before deleting them
    stored = store.manifest()
    leftovers = [i for i in stored if i == article.id or i.startswith(PROBE_ID_PREFIX)]
    if leftovers:
        with store.writer():
            store.delete_articles(leftovers)
    stored_articles = len(stored) - len(leftovers)
    chunks = store.count_chunks()
    # Answering never loads torch (rag.minilm); the first write of a serving process does, once: timed apart from
    # the write, whose cost is what grows (or not) with the store.
    t = time.perf_counter()
    pipeline.embedder.warm_up_ingestion()
    ingest_model_s = time.perf_counter() - t
    t = time.perf_counter()
    report = ingest_paths([spec["heldout"]], settings, embedder=pipeline.embedder, progress=False)
    add_s = time.perf_counter() - t
    t = time.perf_counter()
    pipeline.run(after_add)
    next_s = time.perf_counter() - t
    if report.added != 1:
        raise NewsragError(f"the held-out article {article.id} was not added: {report.to_json()}")

    # The article's own embedding, as ingestion computes it (tokenised and chunked first, untimed).
    chunker = make_chunker(settings, pipeline.embedder)
    tokens = pipeline.embedder.tokens(article.text)
    article_chunks = chunker.chunk(article, tokens.spans)
    title = pipeline.embedder.tokens(chunker.flat_title(article.title)).ids if chunker.title_tokens else []
    pieces = chunker.embedding_ids(title, tokens.ids, tokens.spans, article_chunks)
    t = time.perf_counter()
    pipeline.embedder.embed_ids(pieces)
    embed_s = time.perf_counter() - t
    found = any(
        h.chunk.article_id == article.id for h in pipeline.search(Query(article.title or article.text[:200], k=10))
    )
    peak = peak_mb()
    with store.writer():
        store.delete_articles([article.id])  # the store keeps its size: a second run adds the same article again

    figures = {
        "stored_articles": stored_articles,
        "chunks": chunks,
        "first_answer_s": round(answered - spawned, 3),
        "first_answer_after_imports_s": round(answered - imported, 3),
        "start_s": round(started - spawned, 3),
        "imports_s": round(imported - started, 3),
        "load_s": round(loaded - imported, 3),
        "first_question_s": round(answered - loaded, 3),
        "questions": len(timed),
        "answerable": sum(bool(q["answerable"]) for q in spec["questions"][1:-1]),
        "answer_p50_ms": round(percentile(answer_ms, 50), 1),
        "answer_p95_ms": round(percentile(answer_ms, 95), 1),
        "retrieve_p50_ms": round(percentile(retrieve_ms, 50), 1),
        "add": {
            "article_id": article.id,
            "chunks": report.chunks,
            "add_s": round(add_s, 3),
            "next_answer_s": round(next_s, 3),
            "add_and_answer_s": round(add_s + next_s, 3),
            "embedding_s": round(embed_s, 3),
            "beyond_embedding_s": round(add_s + next_s - embed_s, 3),
            "found_by_search": found,
            "ingest_model_load_s": round(ingest_model_s, 3),
        },
        "rss_after_first_answer_mb": round(rss_after_first, 1),
        "peak_rss_before_add_mb": round(peak_before_add, 1),
        "peak_rss_mb": round(peak, 1),
        # Chroma's in-memory vector index grows with the store by design (~1.6 KB a chunk: 384 float32s and links);
        # what the serving process holds beyond it is newsrag's own.
        "vector_index_mb": 0.0 if settings.chroma_url else round(vector_index_mb(Path(settings.store)), 1),
    }
    figures["peak_rss_less_vector_index_mb"] = round(peak - figures["vector_index_mb"], 1)
    out_path.write_text(json.dumps(figures) + "\n", encoding="utf-8")


def write_probe(corpus: Corpus, folder: Path, n: int) -> tuple[Path | None, int]:
    """``folder/probe.jsonl``: copies of the first ``n`` articles of the order under new ids (``scale-probe-...``)
    and texts (a line added), so that ingestion embeds and stores them as new articles at every size. The same
    articles go into each size's store and out again: the peak of ingesting them compares the sizes with the
    increment held fixed (the growth's own increments differ in size). With the number written (fewer than ``n``
    when the corpus is smaller); None when ``n`` is 0."""
    if n < 1:
        return None, 0
    path = folder / "probe.jsonl"
    articles = _first_articles(corpus.path, n)
    with path.open("w", encoding="utf-8") as out:
        for i, article in enumerate(articles):
            article = {**article, "id": f"{PROBE_ID_PREFIX}{i}", "text": f"{article['text']}\n\n(Probe copy {i}.)"}
            if article.get("url"):
                article["url"] = f"https://scale-probe.invalid/{i}"
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path, len(articles)


@contextmanager
def chroma_for(store: Path, folder: Path, server: bool) -> Iterator[tuple[str, int | None]]:
    """The Chroma a size is served from: ``("", None)`` for the embedded store in the folder, or, with ``server``,
    a ``chroma run`` over the store's own ``chroma/`` folder on a free loopback port: its URL and process id."""
    if not server:
        yield "", None
        return
    from eval.process import chroma_server

    with chroma_server(store / "chroma", log_path=folder / f"chroma-{store.name}.log") as (url, pid):
        yield url, pid


def quality(
    dataset: Path,
    limit: int | None,
    settings: Settings,
    work: Path,
    combined: Path,
    progress: bool,
    log: Callable[[str], None],
) -> dict[str, Any]:
    """The dataset's questions, ``eval bench``'s retrieval metrics at k = 10, over its articles alone (eval bench's
    store, reused) and over ``combined`` (the largest store, the dataset's articles among distractors). The same
    questions count as answerable in both: those whose answer occurs in the dataset's articles."""
    from eval.bench import Retrieved, prepare, retrieval_metrics
    from rag.pipeline import build_pipeline
    from rag.types import Query

    prep = prepare(dataset, replace(settings, chroma_url=""), work, limit, progress, log)
    out: dict[str, Any] = {
        "questions": len(prep.items),
        "answerable": sum(q.answerable for q in prep.items),
        "k": QUALITY_K,
    }
    for name, store in (("alone", Path(prep.settings.store)), ("combined", combined)):
        log(f"quality: the dataset's questions over {store} ({name}) ...")
        pipeline = build_pipeline(replace(prep.settings, store=str(store)), embedder=prep.embedder)
        pipeline.warm_up()
        if prep.items:
            pipeline.search(Query(prep.items[0].question, k=QUALITY_K))  # a first query's own costs are not timed
        retrieved = []
        for q in prep.items:
            t = time.perf_counter()
            hits = pipeline.search(Query(q.question, k=QUALITY_K, as_of=q.date))
            retrieved.append(Retrieved([h.chunk.text for h in hits], (time.perf_counter() - t) * 1000))
        figures = retrieval_metrics(prep.items, retrieved, QUALITY_K)
        figures.update(
            store=str(store),
            stored_articles=len(pipeline.store.manifest()),
            chunks=pipeline.store.count_chunks(),
            query_p50_ms=round(percentile([r.ms for r in retrieved], 50), 1),
        )
        out[name] = figures
    out["change"] = {
        key: round(out["combined"][key] - out["alone"][key], 4)
        for key in ("answer_recall@5", "answer_recall@1000words", "mrr")
    }
    return out


def increment(ingested: dict[int, dict[str, Any]], stages: Sequence[int], start: int, end: int) -> dict[str, Any]:
    """The ingestion from ``start`` articles to ``end``, summed over its stages (the dataset's articles alone may
    be one on the way): articles added, chunks, seconds; the highest peak RSS of the stages' processes."""
    parts = [ingested[n] for n in stages if start < n <= end]
    return {
        "from_articles": start,
        "stages": [p["articles"] for p in parts],
        "added": sum(p["added"] for p in parts),
        "chunks": sum(p["chunks"] for p in parts),
        "seconds": round(sum(p["seconds"] for p in parts), 1),
        "rss_before_mb": max(p["rss_before_mb"] for p in parts),
        "peak_rss_mb": max(p["peak_rss_mb"] for p in parts),
        "chunks_this_run": sum(p["chunks_this_run"] for p in parts),
        "from_earlier_run": any(p.get("from_earlier_run", False) for p in parts),
    }


def _at(row: dict[str, Any], path: Sequence[str]) -> Any:
    value: Any = row
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def growth(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Each GROWTH figure at the smallest and the largest size: their difference and ratio."""
    out: dict[str, Any] = {}
    for name, path in GROWTH.items():
        first, last = _at(rows[0], path), _at(rows[-1], path)
        if first is None or last is None:
            continue
        out[name] = {
            "from": first,
            "to": last,
            "change": round(last - first, 3),
            "ratio": round(last / first, 3) if first else None,
        }
    return out


def targets(rows: Sequence[dict[str, Any]], grown: dict[str, Any]) -> dict[str, Any]:
    """Issue #18's targets, each with the measured value and whether it was met."""
    last = rows[-1]
    values = {
        "add_beyond_embedding_s": _at(last, ("serve", "add", "beyond_embedding_s")),
        "first_answer_s": _at(last, ("serve", "first_answer_s")),
        "answer_p50_ms": _at(last, ("serve", "answer_p50_ms")),
        "ingest_peak_rss_growth_mb": grown.get("probe_ingest_peak_rss_mb", grown.get("ingest_peak_rss_mb", {})).get(
            "change"
        ),
        "serve_peak_rss_growth_mb": grown.get("serve_peak_rss_mb", {}).get("change"),
    }
    return {
        name: {"value": values[name], "limit": limit, "met": values[name] is not None and values[name] <= limit}
        for name, (limit, _) in TARGETS.items()
    }


def run_scale(
    settings: Settings,
    work: Path,
    sizes: Sequence[int] = DEFAULT_SIZES,
    corpora: Sequence[Path] = DEFAULT_CORPORA,
    dataset: Path = DEFAULT_DATASET,
    limit: int | None = None,
    questions_limit: int = 50,
    with_quality: bool = True,
    progress: bool = False,
    log: Callable[[str], None] = lambda _: None,
    chroma_server: bool = False,
    probe_articles: int = 100,
) -> dict[str, Any]:
    t_start = time.perf_counter()
    settings = replace(settings, chroma_url="")  # the stores are folders; --chroma-server serves each from a server
    if probe_articles < 0:
        raise NewsragError(f"--probe-articles must be 0 or more. Currently, it is {probe_articles}.")
    if questions_limit < 1:
        raise NewsragError(f"--questions-limit must be at least 1. Currently, it is {questions_limit}.")
    # Keyed by content, not mtime: the same dump copied or re-mounted (a fresh checkout of ../shared) must find the
    # stores an earlier run spent hours embedding.
    inputs = [str(dataset.resolve()), limit] + [[str(p.resolve()), file_digest(p)] for p in corpora if p.is_file()]
    folder = work / f"scale-{hashlib.sha256(json.dumps(inputs).encode()).hexdigest()[:12]}"
    log(f"ordering the corpus into {folder} ...")
    corpus = order_corpus(dataset, limit, corpora, folder)
    sizes = check_sizes(sizes, corpus, with_quality)
    questions = pick_questions(dataset, corpus, sizes[0], questions_limit + 2)
    if len(questions) < 3:
        raise NewsragError(f"{dataset} has {len(questions)} questions; the scale run asks at least 3.")
    log(
        f"{corpus.count} articles ({corpus.front} of them the dataset's, first); sizes {list(sizes)}; "
        f"{len(questions)} questions, {sum(q['answerable'] for q in questions)} answerable at {sizes[0]} articles"
    )
    bench_store = work / f"store-{corpus.bench_key}" if with_quality else None
    stages = sorted(set(sizes) | ({corpus.front} if with_quality else set()))
    ingested = grow(corpus, stages, settings, folder, bench_store, progress, log)

    from eval.ingest_memory import ingest_in_child, peak_mb

    probe, probe_articles = write_probe(corpus, folder, probe_articles)
    rows = []
    for previous, n in zip([0, *sizes], sizes, strict=False):
        heldout = folder / "heldout.jsonl"  # the order's last article: in no size's store, the same at every size
        heldout.write_text(_nth_line(corpus.path, corpus.count - 1), encoding="utf-8")
        store = folder / f"store-{n}"
        with chroma_for(store, folder, chroma_server) as (url, server_pid):
            served_by = replace(settings, chroma_url=url)
            log(f"{n} articles: a fresh serving process{' (Chroma server ' + url + ')' if url else ''} ...")
            served = serve(store, heldout, questions, served_by, folder)
            log(f"  {json.dumps(served)}")
            row: dict[str, Any] = {
                "size": n,
                "stored_articles": served["stored_articles"],
                "chunks": served["chunks"],
                "ingest": increment(ingested, stages, previous, n),
                "serve": served,
            }
            if server_pid is not None:
                row["chroma_server"] = {"peak_rss_serving_mb": round(peak_mb(server_pid), 1)}
            if probe is not None:
                log(f"{n} articles: the probe's {probe_articles} articles in and out again (a child process) ...")
                row["probe"] = ingest_in_child(probe, store, asdict(served_by), progress, probe_prefix=PROBE_ID_PREFIX)
                log(f"  {json.dumps(row['probe'])}")
            if server_pid is not None:
                row["chroma_server"]["peak_rss_mb"] = round(peak_mb(server_pid), 1)
        rows.append(row)
    grown = growth(rows)
    result: dict[str, Any] = {
        "dataset": str(dataset),
        "limit": limit,
        "corpora": [str(p) for p in corpora],
        "work": str(folder),
        "articles_available": corpus.count,
        "dataset_articles": corpus.front,
        "order": "the dataset's articles first, then the other corpora's in file order (repeated ids and texts "
        "left out); the order's last article, which no size holds, is added at each size and deleted again",
        "questions": {
            "asked": len(questions) - 2,
            "answerable_at_smallest": sum(q["answerable"] for q in questions[1:-1]),
        },
        "chroma": "server" if chroma_server else "embedded",
        "probe_articles": probe_articles,
        "sizes": rows,
        "ingestion": [ingested[n] for n in stages],
        "growth": grown,
        "targets": targets(rows, grown),
    }
    if with_quality:
        result["quality"] = quality(dataset, limit, settings, work, folder / f"store-{sizes[-1]}", progress, log)
    result["wall_s"] = round(time.perf_counter() - t_start, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    """``python -m eval.scale serve SPEC OUT``: the serving process that ``serve`` starts."""
    started = time.monotonic()
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3 or args[0] != "serve":
        print("usage: python -m eval.scale serve SPEC.json OUT.json (started by `newsrag eval scale`)", file=sys.stderr)
        return 2
    _serve_child(Path(args[1]), Path(args[2]), started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
