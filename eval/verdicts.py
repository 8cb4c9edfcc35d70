"""A review set's verdicts by kind, and what changed between two runs of it.

    newsrag --store STORE eval run eval/review/r5.yaml --use-store --json before.json
    ... (change the code) ...
    newsrag --store STORE eval run eval/review/r5.yaml --use-store --json after.json
    python -m eval.verdicts before.json after.json

A review set (``eval/review/*.yaml``, the golden format) is written blind, answers first, by someone who has read the
articles and not the code: answerable questions tagged with the kind of answer they ask for, and must-abstain ones
tagged with why the articles can't answer them (``missing-name``, ``missing-detail``, ``false-premise``,
``relation``). The golden gate's single pass/fail is too coarse to read a change by; this prints, per kind:

- answerable: ``right`` (every fact in the answer), ``led`` (the answer's first cited part, the short answer where
  there is one, holds a fact), ``abstained``, ``wrong`` (answered without the facts);
- must-abstain: ``abstained`` out of the kind's cases.

With two runs, each case whose verdict or answer changed is listed with both answers' first cited parts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ABSTAIN_KINDS = ("missing-name", "missing-detail", "false-premise", "relation")


def load_cases(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {c["id"]: c for c in data["cases"]}
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise SystemExit(f"{path}: not the JSON of `newsrag eval run --json` ({exc})") from None


def kind(case: dict[str, Any]) -> str:
    tags = [t for t in case["tags"] if t not in ("answerable", "abstain")]
    return tags[0] if tags else ("abstain" if case["expect_abstain"] else "answerable")


_FIRST_CITED = re.compile(r"^.*?\[\d+\]", re.S)


def first_cited(answer: str) -> str:
    """The answer up to its first citation marker: the short answer, where there is one, or the first quote."""
    m = _FIRST_CITED.match(answer)
    return " ".join((m.group(0) if m else answer).split())


def verdict(case: dict[str, Any]) -> str:
    if case["expect_abstain"]:
        return "abstained" if case["abstained"] else "answered"
    if case["abstained"]:
        return "abstained"
    if case["missing_facts"]:
        return "wrong"
    return "right"


def led(case: dict[str, Any], facts: dict[str, list[list[str]]]) -> bool:
    """The answer's first cited part holds one of the case's facts (the short answer, when there is one)."""
    if case["expect_abstain"] or case["abstained"]:
        return False
    line = first_cited(case["answer"]).lower()
    return any(p.lower() in line for fact in facts.get(case["id"], []) for p in fact)


def summary(cases: dict[str, dict[str, Any]], facts: dict[str, list[list[str]]] | None = None) -> list[str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for case in cases.values():
        group = "must abstain" if case["expect_abstain"] else "answerable"
        for key in (group, f"  {kind(case)}"):
            counts[key]["cases"] += 1
            counts[key][verdict(case)] += 1
            if facts is not None and led(case, facts):
                counts[key]["led"] += 1
    lines = []
    for key in sorted(
        counts, key=lambda k: (k.strip() in ABSTAIN_KINDS or k == "must abstain", not k.startswith(" "), k)
    ):
        c = counts[key]
        if key.strip() in ABSTAIN_KINDS or key == "must abstain" or key == "  abstain":
            lines.append(f"{key:18} abstained {c['abstained']:3} of {c['cases']}")
        else:
            lead = f"  led {c['led']:3}" if facts is not None else ""
            lines.append(
                f"{key:18} right {c['right']:3}{lead}  abstained {c['abstained']:3}  wrong {c['wrong']:3}  "
                f"of {c['cases']}"
            )
    return lines


def changes(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]]) -> list[str]:
    lines = []
    for cid in sorted(a.keys() & b.keys()):
        ca, cb = a[cid], b[cid]
        if (ca["answer"], ca["abstained"]) == (cb["answer"], cb["abstained"]):
            continue
        lines.append(f"{cid} [{kind(cb)}] {verdict(ca)} -> {verdict(cb)}: {cb['question']}")
        lines.append(f"    before: {first_cited(ca['answer'])[:160]}")
        lines.append(f"    after:  {first_cited(cb['answer'])[:160]}")
    return lines


def load_facts(golden: Path | None) -> dict[str, list[list[str]]] | None:
    if golden is None:
        return None
    from eval.golden import load_golden

    return {c.id: c.facts for c in load_golden(golden).cases}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("runs", nargs="+", type=Path, help="one or two `eval run --json` files (before, after)")
    parser.add_argument("--set", dest="golden", type=Path, help="the review set's YAML, to count answers it leads")
    args = parser.parse_args(argv)
    if len(args.runs) > 2:
        parser.error("give one run, or two to compare")
    facts = load_facts(args.golden)
    runs = [load_cases(p) for p in args.runs]
    for path, cases in zip(args.runs, runs, strict=True):
        print(f"{path}:")
        print("\n".join(summary(cases, facts)))
    if len(runs) == 2:
        changed = changes(*runs)
        print(f"changed: {len(changed) // 3} of {len(runs[0].keys() & runs[1].keys())}")
        print("\n".join(changed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
