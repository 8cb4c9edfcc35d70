"""Calibrating the citation support checker on pairs built from a news benchmark's evidence sentences.

For each question with an evidence sentence, pairs of (claim, passage, label):

- ``verbatim`` (supported): the evidence inside a passage of another article, as an answer would quote it;
- ``reworded`` (supported): the evidence with typographic changes (quotes, dashes, spacing, case of the first
  word) and its first words dropped, inside such a passage: support must not hang on an exact substring;
- ``wrong_answer`` (unsupported): the evidence with the right answer swapped for a wrong choice, against the
  passage holding the true evidence: a claim that names the wrong person or number;
- ``topical`` (unsupported): the evidence against the corpus passage that shares the most words with it but does
  not contain the answer: on topic, without the fact.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eval.metrics import answer_in_text
from rag.support import SupportChecker
from rag.text import sentence_spans


@dataclass(frozen=True)
class Pair:
    kind: str
    claim: str
    passage: str
    supported: bool


def _windows(text: str, size: int = 5) -> list[str]:
    spans = sentence_spans(text)
    return [text[spans[i].start : spans[min(i + size, len(spans)) - 1].end] for i in range(0, len(spans), size)]


def _reword(sentence: str) -> str:
    table = str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'", "—": "-", "–": "-"})
    words = sentence.translate(table).split()
    cut = min(3, max(0, len(words) - 6))
    return "  ".join(words[cut:])


def build_pairs(questions: Sequence[dict[str, Any]], articles: Sequence[dict[str, Any]], seed: int = 0) -> list[Pair]:
    import bm25s
    import Stemmer

    rng = random.Random(seed)
    passages = [w for a in articles for w in _windows(a.get("text") or "") if len(w.split()) >= 20]
    if not passages:
        return []
    stemmer = Stemmer.Stemmer("english")
    bm25 = bm25s.BM25()
    bm25.index(bm25s.tokenize(passages, stopwords="en", stemmer=stemmer, show_progress=False), show_progress=False)
    pairs: list[Pair] = []
    for q in questions:
        evidence = " ".join(str(q.get("evidence") or "").split())
        answer = str(q.get("answer") or "")
        if len(evidence.split()) < 6 or not answer_in_text(answer, evidence):
            continue
        host = passages[rng.randrange(len(passages))]
        cut = host.find(". ", len(host) // 2)
        cut = cut + 2 if cut > 0 else len(host)
        with_evidence = f"{host[:cut]}{evidence} {host[cut:]}"
        pairs.append(Pair("verbatim", evidence, with_evidence, True))
        pairs.append(Pair("reworded", _reword(evidence), with_evidence, True))
        wrong = [c for c in q.get("choices", []) if c != answer and not answer_in_text(c, evidence)]
        if wrong:
            swapped = re.sub(r"(?<!\w)" + re.escape(answer) + r"(?!\w)", rng.choice(wrong), evidence, flags=re.I)
            pairs.append(Pair("wrong_answer", swapped, with_evidence, False))
        docs, _ = bm25.retrieve(
            bm25s.tokenize([evidence], stopwords="en", stemmer=stemmer, show_progress=False),
            k=min(10, len(passages)),
            show_progress=False,
        )
        topical = next((passages[i] for i in docs[0] if not answer_in_text(answer, passages[i])), None)
        if topical is not None:
            pairs.append(Pair("topical", evidence, topical, False))
    return pairs


def score_checker(checker: SupportChecker, pairs: Sequence[Pair]) -> dict[str, Any]:
    """Precision, recall and F1 of 'supported', overall, and accuracy per kind of pair."""
    tp = fp = fn = tn = 0
    by_kind: dict[str, list[bool]] = {}
    for pair in pairs:
        said = checker.check(pair.claim, pair.passage).supported
        by_kind.setdefault(pair.kind, []).append(said == pair.supported)
        tp += said and pair.supported
        fp += said and not pair.supported
        fn += (not said) and pair.supported
        tn += (not said) and not pair.supported
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "pairs": len(pairs),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "accuracy_by_kind": {k: round(sum(v) / len(v), 4) for k, v in sorted(by_kind.items())},
        "threshold": checker.threshold,
    }
