"""Metric definitions, each a small pure function with hand-computed unit tests.

- retrieval: hit@k and reciprocal rank of the expected source articles;
- answers: fact recall after normalising case, punctuation and numbers;
- citations, as ALCE defines them (Gao et al., 2023): citation recall is the share of answer statements that the
  concatenation of their cited passages supports; a citation is precise when its statement is supported by all its
  citations together and either supports the statement alone or is needed (the others without it do not);
  citation precision is the share of precise citations;
- the news-benchmark matching rule: the answer occurs as a whole word or phrase, ignoring case.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence

from rag.citations import split_statements

_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def normalize(text: str) -> str:
    """Lower case, plain quotes, thousands separators dropped (3,100 -> 3100), number words up to twenty as
    digits, punctuation as spaces except a decimal point inside a number, whitespace collapsed."""
    text = text.lower().translate(_QUOTES)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"(?<=\d)\.(?=\d)", "<dot>", text)
    text = re.sub(r"[^\w<>]+", " ", text).replace("<dot>", ".")
    return " ".join(_NUMBER_WORDS.get(w, w) for w in text.split())


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words, after normalising both."""
    needle = normalize(phrase)
    return bool(needle) and f" {needle} " in f" {normalize(text)} "


def fact_recall(answer: str, facts: Sequence[Sequence[str]]) -> float:
    """Share of facts of which some phrasing occurs in the answer (1.0 when there are none)."""
    if not facts:
        return 1.0
    return sum(any(contains_phrase(answer, p) for p in fact) for fact in facts) / len(facts)


def reciprocal_rank(ranked_ids: Sequence[str], expected: Sequence[str]) -> float:
    for rank, item in enumerate(ranked_ids, 1):
        if item in expected:
            return 1.0 / rank
    return 0.0


def hit_at_k(ranked_ids: Sequence[str], expected: Sequence[str], k: int) -> float:
    return float(any(item in expected for item in ranked_ids[:k]))


Supports = Callable[[str, str], bool]  # (claim, passage) -> supported


def alce_citation_scores(
    answer: str, passages_by_marker: dict[int, str], supports: Supports
) -> tuple[float, float, int, int]:
    """ALCE citation recall and precision of one answer.

    Returns (recall, precision, statements, citations). A statement without citations counts against recall;
    a marker that points to no passage is a citation that supports nothing.
    """
    statements = split_statements(answer)
    if not statements:
        return 0.0, 0.0, 0, 0
    supported_statements = 0
    precise = 0
    total_citations = 0
    for statement in statements:
        cited = [passages_by_marker.get(m, "") for m in statement.markers]
        total_citations += len(cited)
        if not cited:
            continue
        joint = supports(statement.text, "\n".join(cited))
        if not joint:
            continue
        supported_statements += 1
        if len(cited) == 1:
            precise += 1
            continue
        for i, passage in enumerate(cited):
            alone = supports(statement.text, passage)
            others = "\n".join(p for j, p in enumerate(cited) if j != i)
            if alone or not supports(statement.text, others):
                precise += 1
    recall = supported_statements / len(statements)
    precision = precise / total_citations if total_citations else 0.0
    return recall, precision, len(statements), total_citations


def answer_in_text(answer: str, text: str) -> bool:
    """The news benchmarks' matching rule: whole word or phrase, ignoring case (``90`` does not match ``1990``).

    Equivalent to searching ``(?<!\\w)answer(?!\\w)`` case-insensitively, but with ``str.find``: fast enough to scan
    a whole corpus once per question."""
    return lowered_answer_in(answer.strip().lower(), text.lower())


def lowered_answer_in(needle: str, haystack: str) -> bool:
    """``answer_in_text`` for an answer and a text both already lower-cased (a corpus scanned once per question
    need not be lowered again each time)."""
    if not needle:
        return False
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        before_ok = start == 0 or not _is_word_char(haystack[start - 1]) or not _is_word_char(needle[0])
        after_ok = end == len(haystack) or not _is_word_char(haystack[end]) or not _is_word_char(needle[-1])
        if before_ok and after_ok:
            return True
        start = haystack.find(needle, start + 1)
    return False


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else 0.0
