"""Developer tool: peak memory of ingestion as a JSONL dump grows (issue #18: flat, not growing with the dump).

    python -m eval.ingest_memory --jsonl ../shared/bench/rtqa-dev/articles.jsonl --limit 1000 --limit 9000
    python -m eval.ingest_memory --synthetic 9000 --limit 1000 --limit 9000     # generated articles

For each ``--limit N`` the first N articles of the dump (a streamed copy of its first N lines) are ingested into a
fresh store under ``--work``, each in a process of its own, so that each peak is its own: the embedding model is
loaded and warmed up first (``rss_before_mb``), then ``ingest_paths`` runs with the configured settings;
``peak_rss_mb`` is the process's high-water mark (``VmHWM``), ``growth_mb`` the part the ingestion added.
Prints one JSON object with a row per limit and ``peak_rss_spread_mb`` (the largest peak less the smallest). It
runs the real model: about 16-100 chunks a second on two CPU cores, so big limits take an hour; not a test.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from queue import Empty
from typing import Any


def synthetic_articles(n: int) -> Any:
    """``n`` deterministic news-like articles (JSONL objects) of up to a few kB: distinct ids, texts and dates."""
    from eval.gpu_check import synthetic_text

    for i in range(n):
        paragraphs = [f"Report {i} from the regional desk."] + [synthetic_text(5 * i + j) for j in range(1 + i % 5)]
        yield {
            "id": f"synthetic-{i}",
            "title": f"Regional report {i}",
            "published": (date(2020, 1, 1) + timedelta(days=i % 1500)).isoformat(),
            "text": "\n\n".join(paragraphs),
        }


def first_lines(source: Path, n: int, target: Path) -> int:
    """Copy the first ``n`` non-blank lines of ``source`` to ``target``, a line at a time; how many there were."""
    copied = 0
    with source.open("rb") as src, target.open("wb") as out:
        for line in src:
            if copied == n:
                break
            if line.strip():
                out.write(line if line.endswith(b"\n") else line + b"\n")
                copied += 1
    return copied


def rss_mb() -> float:
    """Resident memory now (Linux; 0 where there is no /proc)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_mb(pid: int | None = None) -> float:
    """A process's peak resident memory (this one's by default): ``VmHWM`` on Linux, the high-water mark of its
    own address space. Not ``ru_maxrss`` there: Linux carries that across ``exec``, so a child spawned by a 475 MB
    parent reports at least 475 MB whatever it uses (the serving processes of ``eval scale`` did, at 1,000 and
    4,000 articles alike). ``ru_maxrss`` elsewhere (macOS; this process only, 0 for another)."""
    try:
        status = Path(f"/proc/{pid or 'self'}/status").read_text()
    except OSError:
        if pid is not None:
            return 0.0
        scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _ingest_child(
    subset: str,
    store: str,
    out: Any,
    settings_fields: dict[str, Any] | None = None,
    progress: bool = False,
    probe_prefix: str | None = None,
) -> None:
    from ingest.run import ingest_paths
    from rag.embed import Embedder
    from rag.settings import Settings, load_settings
    from rag.store import Store

    if settings_fields is None:  # the environment's settings, always the embedded store in the folder
        settings = load_settings(overrides={"store": store, "chroma_url": ""})
    else:  # the parent's settings as they are (its config file and flags included; a Chroma server if it names one)
        settings = Settings(**{**settings_fields, "store": store})
    target = Store(settings)  # opened only if the probe deletes
    if probe_prefix:  # a probe's articles left by a run that was cut short would count as unchanged
        delete_prefixed(target, probe_prefix)
    embedder = Embedder.from_settings(settings)
    embedder.warm_up_ingestion()  # torch and the model: "before" counts them, as the earlier figures did
    before = rss_mb()
    try:
        t0 = time.perf_counter()
        report = ingest_paths([subset], settings, embedder=embedder, progress=None if progress else False)
        seconds = time.perf_counter() - t0
        peak = peak_mb()
    finally:
        if probe_prefix:  # the store keeps its size for the next run, whatever happened
            delete_prefixed(target, probe_prefix)
    out.put(
        {
            "added": report.added,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "duplicates": report.duplicates,
            "failed": len(report.failed),
            "chunks": report.chunks,
            "total_chunks": report.total_chunks,
            "seconds": round(seconds, 1),
            "rss_before_mb": round(before, 1),
            "peak_rss_mb": round(peak, 1),
            "growth_mb": round(peak - before, 1),
            "device": embedder.device,
            "dtype": embedder.dtype,
        }
    )


def delete_prefixed(store: Any, prefix: str) -> list[str]:
    """Delete every article of ``store`` (a ``rag.store.Store``) whose id starts with ``prefix``; their ids."""
    ids = sorted(i for i in store.manifest() if i.startswith(prefix))
    if ids:
        with store.writer():
            store.delete_articles(ids)
    return ids


def ingest_in_child(
    subset: Path,
    store: Path,
    settings_fields: dict[str, Any] | None = None,
    progress: bool = False,
    probe_prefix: str | None = None,
) -> dict[str, Any]:
    """Ingest ``subset`` into ``store`` (as it is: a fresh or a grown one) in a process of its own, whose peak
    memory is this ingestion's alone; its figures. ``settings_fields`` are the settings to use (the store aside;
    default: the environment's, with the embedded store). With ``probe_prefix`` (a probe that leaves the store as it
    found it; ``subset``'s ids must all start with it) the child deletes every stored article whose id starts with
    it before the ingestion (a cut-short run's leftovers) and after it (once its peak is read, or when it fails). A
    child that dies is a NewsragError."""
    from rag.errors import NewsragError

    context = multiprocessing.get_context("spawn")  # a fresh interpreter: its peak is this run's alone
    queue = context.Queue()
    child = context.Process(
        target=_ingest_child, args=(str(subset), str(store), queue, settings_fields, progress, probe_prefix)
    )
    child.start()
    while True:
        try:
            figures: dict[str, Any] = queue.get(timeout=5)
            break
        except Empty:
            if not child.is_alive():
                raise NewsragError(f"the ingestion of {subset} died (exit code {child.exitcode})") from None
    child.join()
    return figures


def measure(source: Path, limit: int, work: Path) -> dict[str, Any]:
    """Ingest the first ``limit`` articles of ``source`` into a fresh store in a child process; its figures."""
    from rag.errors import NewsragError

    subset = work / f"ingest-memory-{limit}.jsonl"
    articles = first_lines(source, limit, subset)
    store = work / f"ingest-memory-store-{limit}"
    shutil.rmtree(store, ignore_errors=True)
    try:
        figures = ingest_in_child(subset, store)
    except NewsragError as exc:
        raise SystemExit(str(exc)) from None
    return {"limit": limit, "articles": articles, **figures}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.ingest_memory", description="Peak RSS of ingestion per size.")
    given = ap.add_mutually_exclusive_group(required=True)
    given.add_argument("--jsonl", type=Path, help="a JSONL dump: its first --limit articles are ingested")
    given.add_argument("--synthetic", type=int, metavar="N", help="generate N articles instead (deterministic)")
    ap.add_argument("--limit", type=int, action="append", required=True, help="articles to ingest (repeatable)")
    ap.add_argument("--work", type=Path, default=Path(".newsrag-memory"), help="folder for the subsets and stores")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args(argv)
    if any(n < 1 for n in args.limit):
        ap.error(f"--limit must be at least 1. Currently, the limits are {args.limit}.")
    args.work.mkdir(parents=True, exist_ok=True)
    source = args.jsonl
    if source is None:
        if args.synthetic < max(args.limit):
            ap.error(f"--synthetic {args.synthetic} is fewer than the largest --limit ({max(args.limit)}).")
        source = args.work / f"synthetic-{args.synthetic}.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for article in synthetic_articles(args.synthetic):
                out.write(json.dumps(article) + "\n")
    elif not source.is_file():
        ap.error(f"--jsonl {source} is not a file.")
    rows = []
    for limit in sorted(set(args.limit)):
        rows.append(measure(source, limit, args.work))
        print(json.dumps(rows[-1]), file=sys.stderr)
    peaks = [row["peak_rss_mb"] for row in rows]
    result = {"source": str(source), "runs": rows, "peak_rss_spread_mb": round(max(peaks) - min(peaks), 1)}
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
