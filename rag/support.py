"""The citation support checker: does a cited passage support a claim? Used to verify every answer's
citations and by the eval suite's citation precision/recall."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.text import STOPWORDS, key_terms, stems, words

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Support:
    supported: bool
    score: float  # share of the claim's key terms found in the passage
    missing: tuple[str, ...]  # key terms (stems) or numbers of the claim that the passage lacks


def _names(claim: str) -> set[str]:
    """Stems of the claim's names: capitalised words after its first word, and all-caps words (NATO, FIFA)."""
    raw = re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", claim)
    picked = [w for i, w in enumerate(raw) if (i > 0 and w[:1].isupper()) or (len(w) > 1 and w.isupper())]
    return set(stems([w for w in words(" ".join(picked)) if w not in STOPWORDS]))


class SupportChecker:
    """Lexical entailment proxy: a claim is supported when the passage holds every number and every name the claim
    states and at least ``threshold`` of its other key terms. A verbatim quote always passes. Calibrated on pairs
    built from a news benchmark's evidence sentences (``newsrag eval support``; figures in the README)."""

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
        names_missing = _names(claim) - have
        score = 1.0 if not terms else (len(terms) - len(missing)) / len(terms)
        supported = score >= self.threshold and not numbers and not names_missing
        return Support(supported, score, tuple(sorted(numbers)) + tuple(missing))

    def names_and_numbers_present(self, claim: str, passage: str) -> bool:
        """Whether the passage holds every number and every name of the claim (a paraphrase may still differ)."""
        if set(_NUMBER.findall(claim)) - set(_NUMBER.findall(passage)):
            return False
        return not (_names(claim) - set(key_terms(passage)))
