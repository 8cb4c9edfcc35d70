"""`newsrag eval import-feedback`: readers' thumbs up/down from the app (``STORE/feedback.jsonl``) turned into a
golden set, so a confirmed answer becomes a regression test.

- An answer marked helpful becomes a case that expects the same sources to be cited (``sources``); an abstention
  marked helpful becomes a case that must abstain.
- An answer marked not helpful cannot become a case by itself (only a person knows the right answer): it is
  listed at the end of the file, commented out, with the reader's comment, to be completed by hand.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rag.errors import NewsragError


@dataclass
class Imported:
    cases: list[dict[str, Any]] = field(default_factory=list)
    review: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "FILE:LINE: why"


def _case_id(question: str) -> str:
    return "fb-" + hashlib.sha1(" ".join(question.lower().split()).encode()).hexdigest()[:10]


def import_feedback(path: Path) -> Imported:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise NewsragError(f"{path} does not exist: the app writes feedback to STORE/feedback.jsonl.") from None
    out = Imported()
    seen: set[str] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            question = str(record["question"]).strip()
            rating = record["rating"]
            assert rating in ("up", "down") and question
        except (json.JSONDecodeError, KeyError, AssertionError, TypeError):
            out.skipped.append(f"{path}:{number}: not a feedback record (question, rating up/down)")
            continue
        case_id = _case_id(question)
        if case_id in seen:
            out.skipped.append(f"{path}:{number}: the same question again; the first rating is kept")
            continue
        seen.add(case_id)
        options = record.get("options") or {}
        case: dict[str, Any] = {"id": case_id, "question": question, "tags": ["feedback"]}
        for key in ("since", "until"):
            if options.get(key):
                case[key] = str(options[key])
        if rating == "down":
            out.review.append({**case, "answer": record.get("answer", ""), "comment": record.get("comment", "")})
            continue
        if record.get("abstained"):
            case["abstain"] = True
        else:
            sources = list(dict.fromkeys(c["article_id"] for c in record.get("citations", []) if "article_id" in c))
            if not sources:
                out.skipped.append(f"{path}:{number}: a helpful answer without citations cannot be checked")
                continue
            case["sources"] = sources
        if record.get("comment"):
            case["tags"].append("commented")
        out.cases.append(case)
    return out


def write_golden(imported: Imported, out: Path, name: str, corpus: list[str], source: Path) -> None:
    import yaml

    header = (
        f"# Imported from {source.name} by `newsrag eval import-feedback` on {date.today().isoformat()}.\n"
        "# Run it over the store the feedback came from: newsrag eval run FILE --use-store --store STORE\n"
    )
    body: dict[str, Any] = {"name": name, "corpus": corpus, "k": 5, "cases": imported.cases}
    text = header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=110)
    if imported.review:
        text += "\n# Marked not helpful: complete with the right facts (or abstain: true) and move up to cases.\n"
        for item in imported.review:
            comment = " ".join(str(item.get("comment") or "").split())
            answer = " ".join(str(item.get("answer") or "").split())[:300]
            text += f"#  - id: {item['id']}\n#    question: {json.dumps(item['question'], ensure_ascii=False)}\n"
            text += f"#    # answer given: {answer}\n"
            if comment:
                text += f"#    # reader's comment: {comment}\n"
            text += "#    facts: [[...]]\n"
    out.write_text(text, encoding="utf-8")
