"""The answerability features of a question's draft answer over a store, and each one's share of the score.

    python eval/review/features.py 'YYYY-MM-DD|question' ...   (STORE=... for another store than the rtqa-dev one)

drafts each question as ``newsrag ask`` would with both thresholds at 0, then prints the score and, per feature, its
value (None: the model takes its training mean), weight and weight x value: why a right answer scored under the
threshold (session 45: "Been stuck at home since ..." lost 0.4 on its scene's words; a wrong ``as_of`` date, recency).
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rag.pipeline import build_pipeline  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.types import Query  # noqa: E402

STORE = Path(__file__).resolve().parents[2] / ".newsrag-bench" / "store-0077667c1d3d"


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    settings = replace(Settings(), store=os.environ.get("STORE", str(STORE)), min_answerability=0.0)
    pipeline = build_pipeline(replace(settings, min_short_answer=0.0))
    answerer = pipeline.answerer
    weights, means = answerer.model.weights, answerer.model.means
    for arg in argv:
        day, question = arg.split("|", 1)
        query = pipeline.prepared(Query(question, k=5, as_of=date.fromisoformat(day) if day else None))
        draft = answerer.draft(query, pipeline.search(query))
        print(question[:100])
        if draft.assessment is None:
            print("  no draft:", draft.answer.note)
            continue
        print("  score", round(draft.assessment.score, 3), "|", draft.answer.text[:200])
        for name, value in draft.assessment.features.items():
            used = means.get(name, 0.0) if value is None else value
            print(f"   {name:18} {value!s:22} w={weights.get(name, 0):+.2f} share={weights.get(name, 0) * used:+.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
