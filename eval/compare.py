"""Two bench runs side by side: the headline figures, then every answer that changed.

    python -m eval.compare RUN_A RUN_B                # folders of `make bench RUN=...`: both splits
    python -m eval.compare A.jsonl B.jsonl            # two per-question files (their .json beside them, if any)
    python -m eval.compare RUN_A RUN_B --split dev --brief

A run folder holds ``dev.json``/``dev.jsonl`` and ``train.json``/``train.jsonl`` (``make bench``). For each split,
the figures of the two JSON summaries (retrieval, the answer metrics at the run's default threshold, latency), then,
per question and run ("normal", "rejection"), the answers that differ: whether it was right before and after, the
abstention, the short answer and the first words of the answer shown. The changes are what a reviewer reads: a
figure that moved by one question says which question.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

FIGURES = (
    "answer_recall@5",
    "answer_recall@1000words",
    "mrr",
    "mc_accuracy",
    "rejection_rate",
    "false_abstention_rate",
    "open_accuracy",
    "abstain_rate_unanswerable",
    "query_p50_ms",
    "answer_p50_ms",
    "answer_p95_ms",
)


def load_rows(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}, line {n}: not JSON ({exc.msg}); is it a --per-question file?") from None
            rows[(str(row["id"]), row["run"])] = row
    return rows


def figures(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: data[k] for k in FIGURES if k in data}


def _right(row: dict[str, Any]) -> str:
    if row["run"] == "rejection" or not row["answerable"]:
        return "ok" if row["abstained"] else "--"
    if row["abstained"]:
        return "ab"
    return "ok" if row.get("correct") else "--"


def _show(row: dict[str, Any], width: int) -> str:
    if row["abstained"]:
        return f"[abstained{'; rule' if row.get('by_rule') else ''}] {row.get('note') or ''}"[:width]
    short = f"<{row['short_answer']}> " if row.get("short_answer") else ""
    return (short + " ".join(row["answer"].split()))[:width]


def changes(a: dict[tuple[str, str], dict[str, Any]], b: dict[tuple[str, str], dict[str, Any]]) -> list[str]:
    lines = []
    for key in sorted(a.keys() & b.keys()):
        ra, rb = a[key], b[key]
        if (ra["answer"], ra["abstained"], ra.get("short_answer")) == (
            rb["answer"],
            rb["abstained"],
            rb.get("short_answer"),
        ):
            continue
        qid, run = key
        lines.append(f"{qid} {run[:3]} {_right(ra)} -> {_right(rb)}  {rb['question'][:110]}")
        lines.append(f"    before: {_show(ra, 150)}")
        lines.append(f"    after:  {_show(rb, 150)}")
    return lines


def compare(a_jsonl: Path, b_jsonl: Path, brief: bool = False) -> list[str]:
    out = []
    fa, fb = figures(a_jsonl.with_suffix(".json")), figures(b_jsonl.with_suffix(".json"))
    for k in FIGURES:
        if k in fa or k in fb:
            out.append(f"  {k:32} {fa.get(k, '-')!s:>10} {fb.get(k, '-')!s:>10}")
    a, b = load_rows(a_jsonl), load_rows(b_jsonl)
    changed = changes(a, b)
    out.append(f"  answers changed: {len(changed) // 3} of {len(a.keys() & b.keys())}")
    if not brief:
        out.extend(changed)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", type=Path, help="the run before: a `make bench` folder or a --per-question file")
    parser.add_argument("b", type=Path, help="the run after")
    parser.add_argument("--split", action="append", choices=("dev", "train"), help="only this split (repeatable)")
    parser.add_argument("--brief", action="store_true", help="figures and the number of changes only")
    args = parser.parse_args(argv)
    if args.a.is_dir() != args.b.is_dir():
        parser.error("give two run folders or two per-question files, not one of each")
    if args.a.is_dir():
        pairs = [(s, args.a / f"{s}.jsonl", args.b / f"{s}.jsonl") for s in args.split or ("dev", "train")]
    else:
        pairs = [(args.a.stem, args.a, args.b)]
    for name, a, b in pairs:
        missing = [str(p) for p in (a, b) if not p.exists()]
        if missing:
            print(f"{name}: no per-question file {', '.join(missing)}", file=sys.stderr)
            continue
        print(f"{name}: {a} -> {b}")
        print("\n".join(compare(a, b, args.brief)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
