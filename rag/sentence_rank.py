"""Which retrieved sentence answers the question: the extractive answerer's sentence ranker, fitted on data.

Every sentence of the retrieved passages is a candidate. It is ranked in two stages by two logistic models whose
weights are a small JSON file (``rag/models/sentence_ranker.json``), fitted by ``python -m eval.fit_sentence_ranker``
on a news QA benchmark's training split (label: the sentence contains the question's answer):

- **cheap** (every candidate): how much of the question the sentence covers (its rarest terms weigh more; terms of
  the sentences just before count half), how much of the question's *focus* it covers (the last sentence of a
  question that sets a scene first: "Serena Williams announced her retirement. How many grand slams has she won?"),
  its passage's retrieval rank and dense score, whether it has the kind of token the question asks for (a sum, a
  number, a date), names the question doesn't have, digits, its length, whether it opens its article, a quotation;
- **full** (the best few of the cheap stage): the same plus whether the recogniser finds in it the kind of thing the
  question asks for (a person for "who"), and, when the model weighs it, the sentence's cosine to the question. The
  shipped model does not: embedding the finalists was most of an answer's time, for no better top-1 on rtqa-train.

Hand-set weights (coverage + 0.5 x cosine + 0.3 x type bonus ...) were what this replaced.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.models import read_model, refuse_unknown
from rag.text import AUXILIARY, key_terms

CHEAP_FEATURES = (
    "coverage",  # weighted share of the question's key terms in the sentence (and half of the sentences before)
    "focus",  # the same for the terms of the question's last sentence
    "dense_gap",  # its passage's dense score minus the best passage's (<= 0)
    "rank",  # its passage's rank among the hits, divided by their number
    "type_regex",  # it has the kind of token the question asks for (a sum for "how much", a date for "when")
    "new_caps",  # capitalised words (not its first) the question doesn't have, a quarter each, at most 1
    "digits",  # it has a digit
    "length",  # characters / 300, at most 1
    "lead",  # it starts in the first 400 characters of its article
    "quote",  # it has a quotation mark
)
FULL_FEATURES = CHEAP_FEATURES + (
    "similarity",  # the sentence's cosine to the question
    "offers",  # the recogniser finds what the question asks for in it (0 when the question asks for no kind)
)

_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
_QUESTION_SENTENCE = re.compile(r"(?<=[.?!])\s+")


def focus_text(question: str) -> str:
    """The question's last sentence: the question proper, after any scene it sets (in a clause of its own too:
    "Dominion wants $1.6 billion from Fox, but how much is Smartmatic suing the network for?")."""
    parts = [p for p in _QUESTION_SENTENCE.split(question.strip()) if p]
    last = parts[-1] if parts else question
    clauses = _ASKING_CLAUSE.split(last)
    # (only after a clause that tells, not one that asks too: "Did the Senate pass the bill, and when?"; and a clause
    # that says what it asks of: not "..., and how old is he?")
    if len(clauses) > 1 and not _ASKS.match(clauses[0]) and len(key_terms(clauses[-1])) >= 2:
        return clauses[-1]
    return last


_ASKS = re.compile(rf"^\W*(?:{AUXILIARY}|how|what|who|whom|which|where|when|why)\b", re.I)
# a scene's clause before the one that asks: "..., but how much ...", "...; so who ..."
_ASKING_CLAUSE = re.compile(r"[,;]\s+(?:but|and|so)\s+(?=(?:how|what|who|whom|which|where|when|why)\b)", re.I)


def surface_features(sentence: str, question_lower: str, article_start: int) -> dict[str, float]:
    """The features read off the sentence alone (``new_caps``, ``digits``, ``length``, ``lead``, ``quote``)."""
    caps = sum(1 for m in _CAPITALISED.finditer(sentence) if m.start() > 0 and m.group(0).lower() not in question_lower)
    return {
        "new_caps": min(1.0, caps / 4),
        "digits": float(any(ch.isdigit() for ch in sentence)),
        "length": min(1.0, len(sentence) / 300),
        "lead": float(article_start < 400),
        "quote": float('"' in sentence or "“" in sentence),
    }


@dataclass(frozen=True)
class SentenceRanker:
    """Two logistic scorers (the logit is the score; only the order and the gaps between scores matter)."""

    cheap: dict[str, float]
    cheap_bias: float
    full: dict[str, float]
    full_bias: float
    candidates: int = 6  # how many of the cheap stage's best get the full stage (a cosine and the recogniser each)
    further_margin: float = 1.0  # a further quote scores within this of the best one
    fitted_on: str = ""

    def score_cheap(self, features: Mapping[str, float]) -> float:
        return self.cheap_bias + sum(w * features[name] for name, w in self.cheap.items())

    def score_full(self, features: Mapping[str, float]) -> float:
        return self.full_bias + sum(w * features[name] for name, w in self.full.items())

    def uses(self, feature: str) -> bool:
        """Whether the full stage weighs ``feature``: ``similarity`` costs an embedding of every finalist."""
        return bool(self.full.get(feature))

    @classmethod
    def load(cls, path: str | Path | None = None) -> SentenceRanker:
        data = read_model("sentence_ranker.json", path)
        for stage, known in (("cheap", CHEAP_FEATURES), ("full", FULL_FEATURES)):
            refuse_unknown(data[stage], known, f"sentence ranker's {stage} stage")
        return cls(
            {k: float(v) for k, v in data["cheap"].items()},
            float(data["cheap_bias"]),
            {k: float(v) for k, v in data["full"].items()},
            float(data["full_bias"]),
            int(data.get("candidates", 6)),
            float(data.get("further_margin", 1.0)),
            str(data.get("fitted_on", "")),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "cheap": self.cheap,
            "cheap_bias": self.cheap_bias,
            "full": self.full,
            "full_bias": self.full_bias,
            "candidates": self.candidates,
            "further_margin": self.further_margin,
            "fitted_on": self.fitted_on,
        }
