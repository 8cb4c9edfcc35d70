"""Check a blind review set as its writer goes: ``python eval/review/check.py rNN.yaml articles.jsonl [SPLIT]``.

60 cases ``rNN-001`` ... in order; 36 answerable (one source among the set's articles, 1-2 facts found verbatim in
it), then 24 must-abstain (no facts); every name a comment calls invented (``"NAME" is invented``) absent from the
whole rtqa-dev articles file; each article id a comment names one of the set's. Prints OK or what to mend.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parents[2].parent / "shared" / "bench"
DEV = BENCH / "rtqa-dev" / "articles.jsonl"


def check(set_path: Path, articles_path: Path, dev: Path = DEV) -> list[str]:
    articles = {a["id"]: a for a in map(json.loads, articles_path.read_text(encoding="utf-8").splitlines()) if a}
    corpus = dev.read_text(encoding="utf-8").lower()
    text = set_path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    name = set_path.stem
    errs = [] if data.get("name") == name else [f"name must be {name}"]
    cases = data.get("cases") or []
    if len(cases) != 60:
        errs.append(f"{len(cases)} cases, want 60")
    for i, case in enumerate(cases, 1):
        want = f"{name}-{i:03d}"
        tags = case.get("tags") or []
        if case.get("id") != want:
            errs.append(f"case {i}: id {case.get('id')} is not {want}")
        if not case.get("question") or not case.get("as_of"):
            errs.append(f"{want}: a question and an as_of date are needed")
        if i <= 36:
            sources = case.get("sources") or []
            if "answerable" not in tags or case.get("abstain"):
                errs.append(f"{want}: tag it answerable, without abstain")
            if len(sources) != 1 or sources[0] not in articles:
                errs.append(f"{want}: sources must be one id of the set's articles")
                continue
            facts = case.get("facts") or []
            if not 1 <= len(facts) <= 2:
                errs.append(f"{want}: give 1-2 facts")
            body = articles[sources[0]]["text"].lower()
            errs += [f"{want}: fact {f!r} is not verbatim in {sources[0]}" for f in facts if str(f).lower() not in body]
        elif "abstain" not in tags or case.get("abstain") is not True or case.get("facts"):
            errs.append(f"{want}: tag it abstain, with abstain: true and no facts")
    for m in re.finditer(r'"([^"]+)" (?:is|are) invented', text):
        if m.group(1).lower() in corpus:
            errs.append(f"invented name {m.group(1)!r} occurs in the {dev.parent.name} articles: choose another")
    errs += [
        f"a comment names {m.group(1)}, not one of the set's articles"
        for m in re.finditer(r"#.*\b(rtqa-[0-9a-f]{12})", text)
        if m.group(1) not in articles
    ]
    return errs


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    corpus = BENCH / f"rtqa-{argv[2]}" / "articles.jsonl" if len(argv) == 3 else DEV  # (SPLIT: train, for its sets)
    errs = check(Path(argv[0]), Path(argv[1]), corpus)
    print("\n".join(errs) if errs else "OK: 60 cases, facts verbatim, invented names absent")
    return 1 if errs else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
