"""Pick a blind review set's articles: ``python eval/review/pick.py START END OUT.jsonl [SPLIT]``.

The articles of 250 to 1,200 words of rtqa-dev (or of SPLIT: ``train``), shuffled with seed 20261206; slice
[START:END] is written to OUT (one JSON article a line) for a helper to write questions from. Sets r5-r60 took
consecutive slices of 45 of rtqa-dev's 2,500 (see this folder's README for which set took which): r60 took the last
25, so the dev shuffle is used up. Further sets take rtqa-train's shuffle from [0:45] (``... train``): its questions
are the ones rules may be fitted on, and its articles those a helper may write new questions over.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2].parent / "shared" / "bench"
ARTICLES = BENCH / "rtqa-dev" / "articles.jsonl"


def pick(start: int, end: int, articles: Path = ARTICLES) -> list[dict[str, object]]:
    """The shuffled slice [start:end] of the dev articles of 250 to 1,200 words."""
    rows = [json.loads(line) for line in articles.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = [a for a in rows if 250 <= len(str(a["text"]).split()) <= 1200]
    random.Random(20261206).shuffle(chosen)
    return chosen[start:end]


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    articles = BENCH / f"rtqa-{argv[3]}" / "articles.jsonl" if len(argv) == 4 else ARTICLES
    rows = pick(int(argv[0]), int(argv[1]), articles)
    with open(argv[2], "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
    print(f"{len(rows)} articles written to {argv[2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
