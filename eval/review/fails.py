"""The failed cases of one review-set run, with the comment each case has in its set (the article line it rests on).

    python eval/review/fails.py OUTDIR/TAG-rNN.json eval/review/rNN.yaml

prints each failed case: its id, tags, whether it abstained, the facts missing, the question, the set's comment
above it and the first 500 characters of the answer. Read after ``eval/review/runsets.sh`` (docs/DEVELOPING.md).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def comments(set_file: Path) -> dict[str, str]:
    """Each case's comment lines (those right above its ``- id:``), joined, by case id."""
    lines = set_file.read_text(encoding="utf-8").splitlines()
    out = {}
    for i, line in enumerate(lines):
        if m := re.match(r"\s*- id: (\S+)", line):
            j = i - 1
            while j >= 0 and lines[j].strip().startswith("#"):
                j -= 1
            out[m.group(1)] = " ".join(x.strip() for x in lines[j + 1 : i])
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    run = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    said = comments(Path(argv[1]))
    for case in run["cases"]:
        if case["passed"]:
            continue
        print("=" * 80)
        print(
            case["id"], case["tags"], "| abstained" if case["abstained"] else "", "| missing", case.get("missing_facts")
        )
        print("  Q:", case["question"])
        print("  C:", said.get(case["id"], "")[:400])
        print("  A:", case["answer"][:500])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
