"""The citation support checker: does a cited passage support a claim? Used to verify every answer's
citations and by the eval suite's citation precision/recall."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.text import key_terms

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Support:
    supported: bool
    score: float  # share of the claim's key terms found in the passage
    missing: tuple[str, ...]  # key terms (stems) or numbers of the claim that the passage lacks


class SupportChecker:
    """Lexical entailment proxy: a claim is supported when the passage holds every number the claim states and
    at least ``threshold`` of the claim's key terms. A verbatim quote always passes."""

    def __init__(self, threshold: float = 0.75) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1]. Currently, threshold is {threshold}.")
        self.threshold = threshold

    def check(self, claim: str, passage: str) -> Support:
        claim_flat, passage_flat = " ".join(claim.split()), " ".join(passage.split())
        if claim_flat and claim_flat in passage_flat:
            return Support(True, 1.0, ())
        numbers = set(_NUMBER.findall(claim)) - set(_NUMBER.findall(passage))
        terms = set(key_terms(claim))
        have = set(key_terms(passage))
        missing = sorted(terms - have)
        score = 1.0 if not terms else (len(terms) - len(missing)) / len(terms)
        return Support(score >= self.threshold and not numbers, score, tuple(sorted(numbers)) + tuple(missing))
