"""Answer latency of two code trees in one sitting, alternating: the fair before/after of a change.

    python -m eval.latency --store .newsrag-bench/store-0077667c1d3d OLD_TREE NEW_TREE [--questions 200] [--rounds 2]

Each round runs each tree in a fresh process (``PYTHONPATH=TREE``: a worktree of the old commit, ``git worktree add
--detach /tmp/old COMMIT``, against this one) that warms the pipeline up and then times search and answer for the
first N questions of a benchmark (``--dataset``, rtqa-dev by default) as of their dates; it prints each run's p50
and p95 in milliseconds. The trees take turns, so a machine that slows down during the sitting slows both. A
benchmark, not a test: run it on an idle machine, and compare only figures of one sitting.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path


def measure(store: str, dataset: Path, n: int) -> dict[str, float]:
    """Time ``Pipeline.run`` for the first ``n`` questions of ``dataset`` over ``store`` (the tree on sys.path)."""
    from eval.metrics import percentile
    from rag.pipeline import build_pipeline
    from rag.settings import load_settings
    from rag.types import Query

    pipeline = build_pipeline(load_settings(overrides={"store": store}))
    pipeline.warm_up()
    lines = (dataset / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line) for line in lines if line.strip()][:n]
    ms = []
    for q in questions:
        as_of = date.fromisoformat(q["date"][:10]) if q.get("date") else None
        t = time.perf_counter()
        pipeline.run(Query(q["question"], as_of=as_of))
        ms.append((time.perf_counter() - t) * 1000)
    import rag

    return {
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "questions": len(ms),
        "code": str(Path(rag.__file__).parent.parent),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs="*", help="code trees to compare (each a checkout of the repository)")
    parser.add_argument("--store", required=True, help="the store to answer over (the dev bench store)")
    parser.add_argument(
        "--dataset", type=Path, default=Path("../shared/bench/rtqa-dev"), help="questions.jsonl's folder"
    )
    parser.add_argument("--questions", type=int, default=200, help="questions timed per run")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each tree, alternating")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.store, args.dataset, args.questions)))
        return 0
    if not args.trees:
        parser.error("name at least one tree")
    missing = [t for t in args.trees if not (Path(t) / "rag" / "pipeline.py").exists()]
    if missing:
        parser.error(f"not a newsrag tree (no rag/pipeline.py): {', '.join(missing)}")
    store, dataset = str(Path(args.store).resolve()), str(args.dataset.resolve())
    for round_ in range(1, args.rounds + 1):
        for tree in args.trees:
            env = {**os.environ, "PYTHONPATH": str(Path(tree).resolve())}
            # this file as a script: an older tree may have no eval/latency.py; its rag/ and eval/ are imported
            cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--store", store, "--dataset", dataset]
            cmd += ["--questions", str(args.questions)]
            done = subprocess.run(cmd, env=env, cwd=tree, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(f"{tree}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
                return 1
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            if Path(figures["code"]).resolve() != Path(tree).resolve():
                print(f"{tree}: ran the code of {figures['code']}; is it a checkout?", file=sys.stderr)
                return 1
            print(f"round {round_}  {tree}: p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
