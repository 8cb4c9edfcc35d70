"""The answerability threshold's trade-off from one bench run: rejection against false abstention and open accuracy.

    python -m eval.curve RUN.jsonl [OTHER.jsonl ...] [--at 0.13]
    python -m eval.curve RUN.jsonl --by-passages 0.12     # the README's per-session table, that default in bold

Each outcome of ``newsrag eval bench`` carries its draft (the quotes before the decision), the answerability score
and whether a rule decided it (a name no article mentions, a relation) rather than the score. So one run, made at
any ``min_answerability``, gives the whole curve: at threshold ``t`` a draft decided by the score is shown when its
score is at least ``t``; a draft decided by a rule is shown as it was. ``eval bench`` reports the curve in its JSON
(``curve``); this command prints it from ``--per-question`` files side by side (a Markdown table), with the
rejection each run reaches at equal false abstention, the fair comparison of two runs whose scores are scaled
differently.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

THRESHOLDS = (0.0, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6)
FALSE_ABSTENTION_LIMITS = (0.1, 0.2, 0.3, 0.4, 0.5)


@dataclass(frozen=True)
class Decision:
    """What the curve needs of one question in one run."""

    run: str  # "normal" or "rejection"
    answerable: bool
    by_rule: bool  # a rule decided it (shown or not, whatever the score)
    abstained: bool  # as shown in the run
    score: float | None  # the answerability probability (None: nothing to quote)
    draft_correct: bool  # the draft's quotes are right by open accuracy's rule (the normal run)
    in_passages: bool | None = None  # the retrieved passages hold the answer (None: not recorded)
    same_passages: bool | None = None  # a rejection-run question retrieved the normal run's very passages

    def shown(self, threshold: float) -> bool:
        if self.by_rule or self.score is None:
            return not self.abstained
        return self.score >= threshold


def _rate(flags: Sequence[bool]) -> float:
    return round(sum(flags) / len(flags), 4) if flags else 0.0


def trade_off(decisions: Sequence[Decision], thresholds: Iterable[float] = THRESHOLDS) -> list[dict[str, float]]:
    """Per threshold, as the bench counts them: ``rejection_rate`` (the rejection run abstained on),
    ``false_abstention_rate`` and ``open_accuracy`` (the answerable questions as asked)."""
    normal = [d for d in decisions if d.run == "normal" and d.answerable]
    rejection = [d for d in decisions if d.run == "rejection"]
    return [
        {
            "threshold": t,
            "rejection_rate": _rate([not d.shown(t) for d in rejection]),
            "false_abstention_rate": _rate([not d.shown(t) for d in normal]),
            "open_accuracy": _rate([d.shown(t) and d.draft_correct for d in normal]),
        }
        for t in sorted(set(thresholds))
    ]


def best_within(points: Sequence[dict[str, float]], max_false_abstention: float) -> dict[str, float] | None:
    """The point that rejects most while abstaining on at most ``max_false_abstention`` of the answerable."""
    ok = [p for p in points if p["false_abstention_rate"] <= max_false_abstention + 1e-9]
    return max(ok, key=lambda p: (p["rejection_rate"], p["open_accuracy"], -p["false_abstention_rate"])) if ok else None


def from_row(row: dict[str, Any]) -> Decision:
    """A ``--per-question`` line as a decision (files written before ``by_rule`` was recorded read as threshold-0
    runs: what was abstained on was refused by a rule)."""
    abstained = bool(row["abstained"])
    return Decision(
        run=row["run"],
        answerable=bool(row["answerable"]),
        by_rule=bool(row.get("by_rule", abstained)),
        abstained=abstained,
        score=row.get("answerability"),
        draft_correct=bool(row.get("draft_correct", row.get("correct", False))),
        in_passages=row.get("answer_in_passages"),
        same_passages=row.get("same_passages"),
    )


def read_run(path: Path) -> list[Decision]:
    with path.open(encoding="utf-8") as f:
        return [from_row(json.loads(line)) for line in f if line.strip()]


def table(runs: dict[str, list[Decision]], thresholds: Iterable[float]) -> str:
    """The curves side by side, then each run's best rejection at equal false abstention (Markdown)."""
    names = list(runs)
    curves = {n: trade_off(d, thresholds) for n, d in runs.items()}
    fine = tuple(round(0.01 * i, 2) for i in range(100))
    head = ["threshold", *(f"{n}: rejection / false abst. / open acc." for n in names)]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for i, point in enumerate(curves[names[0]]):
        cells = [f"{point['threshold']:.2f}"]
        for n in names:
            p = curves[n][i]
            cells.append(f"{p['rejection_rate']:.3f} / {p['false_abstention_rate']:.3f} / {p['open_accuracy']:.3f}")
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "| false abstention at most | " + " | ".join(f"{n}: rejection / open acc." for n in names) + " |"]
    lines.append("|" + " --- |" * (len(names) + 1))
    for limit in FALSE_ABSTENTION_LIMITS:
        cells = [f"{limit:.2f}"]
        for n in names:
            p = best_within(trade_off(runs[n], fine), limit)
            cells.append(
                "-" if p is None else f"{p['rejection_rate']:.3f} / {p['open_accuracy']:.3f} (t {p['threshold']:.2f})"
            )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def passages_table(decisions: Sequence[Decision], default: float) -> str:
    """One run's trade-off apart by what retrieval allowed (Markdown, the README's per-session tables): false
    abstention and open accuracy also over the answerable questions whose passages hold the answer, and rejection
    over the questions whose rejection run retrieved other passages than the normal run (where a decision can tell
    the runs apart at all)."""
    def _share(flags: Sequence[bool]) -> float:  # unrounded: the table rounds once
        return sum(flags) / len(flags) if flags else 0.0

    normal = [d for d in decisions if d.run == "normal" and d.answerable]
    rejection = [d for d in decisions if d.run == "rejection"]
    held = [d for d in normal if d.in_passages]
    differ = [d for d in rejection if d.same_passages is False]
    head = [
        "min_answerability",
        "rejection",
        "false abstention",
        f"false abstention, answer in passages ({len(held)})",
        "open accuracy, answer in passages",
        f"open accuracy, all answerable ({len(normal)})",
        f"rejection, passages differ ({len(differ)})",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for t in sorted({0.0, 0.02, 0.04, 0.06, 0.08, default, 0.15, 0.2, 0.3}):
        cells = [
            _share([not d.shown(t) for d in rejection]),
            _share([not d.shown(t) for d in normal]),
            _share([not d.shown(t) for d in held]),
            _share([d.shown(t) and d.draft_correct for d in held]),
            _share([d.shown(t) and d.draft_correct for d in normal]),
            _share([not d.shown(t) for d in differ]),
        ]
        bold = t == default
        label = f"**{t:.2f} (the default)**" if bold else "0.0 (rules only)" if t == 0 else f"{t:.2f}"
        shown = [f"**{c:.3f}**" if bold else f"{c:.3f}" for c in cells[:-1]] + [f"{cells[-1]:.3f}"]
        lines.append("| " + " | ".join([label, *shown]) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("runs", nargs="+", type=Path, help="Per-question files of `newsrag eval bench`.")
    parser.add_argument("--at", type=float, action="append", default=[], help="Add this threshold to the table.")
    parser.add_argument(
        "--by-passages",
        type=float,
        metavar="DEFAULT",
        help="Print the first run's trade-off apart by what retrieval allowed, this threshold in bold.",
    )
    args = parser.parse_args(argv)
    runs = {}
    stems = [p.stem for p in args.runs]
    for path in args.runs:
        if not path.is_file():
            parser.error(f"{path} does not exist: write it with `newsrag eval bench --per-question {path}`")
        # a run folder's files share their names ("runs/26a/dev-per-question"): the folder tells them apart
        label = path.stem if stems.count(path.stem) == 1 else f"{path.parent.name}/{path.stem}"
        runs[label if label not in runs else str(path)] = read_run(path)
    if args.by_passages is not None:
        print(passages_table(next(iter(runs.values())), args.by_passages))
        return 0
    print(table(runs, (*THRESHOLDS, *args.at)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
