"""Totals of review-set runs, and the cases that changed between two tags (``eval/review/runsets.sh`` writes them).

    python eval/review/totals.py OUTDIR A B [SET ...]

prints, for each set and for all of them, answerable right and must-abstain abstained under tag A and tag B
(``OUTDIR/A-r5.json`` ...), then each case whose verdict changed, with both answers' first cited parts.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.verdicts import first_cited, load_cases, verdict  # noqa: E402


def counts(cases: dict) -> tuple[int, int]:
    right = sum(verdict(c) == "right" for c in cases.values() if not c["expect_abstain"])
    abst = sum(c["abstained"] for c in cases.values() if c["expect_abstain"])
    return right, abst


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out, a, b, *sets = argv
    folder = Path(out)
    if not sets:
        sets = sorted({p.stem.split("-", 1)[1] for p in folder.glob(f"{b}-*.json")}, key=lambda s: int(s[1:]))
    total = [0, 0, 0, 0]
    changed = []
    for s in sets:
        ra, rb = load_cases(folder / f"{a}-{s}.json"), load_cases(folder / f"{b}-{s}.json")
        (x1, y1), (x2, y2) = counts(ra), counts(rb)
        for i, v in enumerate((x1, y1, x2, y2)):
            total[i] += v
        print(f"{s:5} right {x1:3} -> {x2:3}   abstained {y1:3} -> {y2:3}")
        for cid in sorted(ra.keys() & rb.keys()):
            ca, cb = ra[cid], rb[cid]
            if (ca["answer"], ca["abstained"]) != (cb["answer"], cb["abstained"]):
                mark = "" if verdict(ca) == verdict(cb) else "  ***"
                changed.append(f"{cid} {verdict(ca)} -> {verdict(cb)}{mark}: {cb['question']}")
                changed.append(f"    {a}: {first_cited(ca['answer'])[:170]}")
                changed.append(f"    {b}: {first_cited(cb['answer'])[:170]}")
    print(f"all   right {total[0]:3} -> {total[2]:3}   abstained {total[1]:3} -> {total[3]:3}")
    print("\n".join(changed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
