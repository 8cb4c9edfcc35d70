"""Developer tool: dump, for every answerable question of a benchmark, the first-stage candidates with their
features and whether they hold the answer, so reranker weights can be tuned offline in seconds instead of one
bench run per try.

    python -m eval.rerank_data --store STORE --dataset ../shared/bench/rtqa-dev --out /tmp/cands.pkl

Tune on one half of the questions (odd positions) and check on the other: the benchmark is also scored on splits
nobody here sees.
"""

from __future__ import annotations

import argparse
import pickle
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np

from eval.bench import load_questions
from eval.metrics import answer_in_text
from rag.embed import Embedder
from rag.settings import Settings
from rag.store import Store, date_to_int


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", required=True)
    ap.add_argument("--dataset", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--wide", type=int, default=100)
    args = ap.parse_args()

    settings = replace(Settings(), store=args.store)
    store = Store(settings)
    embedder = Embedder.from_settings(settings)
    index = store.lexical()
    collection = store.chunk_collection()
    rows = []
    for q in load_questions(args.dataset):
        as_of = date.fromisoformat(q["date"]) if q.get("date") else None
        vec = embedder.embed_query(q["question"])
        got = collection.query(query_embeddings=[vec.tolist()], n_results=args.wide, include=["distances"])
        dense_ids = got["ids"][0]
        lex_ids = [h.id for h in index.search(q["question"], args.wide)]
        ids = list(dict.fromkeys(dense_ids + lex_ids))
        bm = index.scores(q["question"], ids)
        found = store.chunks_by_id(ids, embeddings=True)
        cands = []
        for cid in ids:
            if cid not in found:
                continue
            text, meta, emb = found[cid]
            cands.append(
                {
                    "id": cid,
                    "text": text,
                    "title": meta.get("title", ""),
                    "article": meta.get("article_id"),
                    "index": int(meta.get("index", 0)),
                    "published": int(meta.get("published", 0) or 0),
                    "dense": float(np.dot(np.asarray(emb, dtype=np.float32), vec)),
                    "bm25": bm.get(cid, 0.0),
                    "dense_rank": dense_ids.index(cid) + 1 if cid in dense_ids else None,
                    "bm25_rank": lex_ids.index(cid) + 1 if cid in lex_ids else None,
                    "label": answer_in_text(q["answer"], text),
                }
            )
        rows.append(
            {
                "id": q.get("id"),
                "question": q["question"],
                "answer": q["answer"],
                "as_of": date_to_int(as_of) if as_of else None,
                "cands": cands,
            }
        )
    with args.out.open("wb") as fh:
        pickle.dump(rows, fh)
    print(
        f"{len(rows)} questions, {sum(any(c['label'] for c in r['cands']) for r in rows)} with the answer in the pool"
    )


if __name__ == "__main__":
    main()
