"""Answer statements and their ``[n]`` markers: how an answer's text is split for citation checks (by the eval
suite's ALCE metrics and by the verification of generated answers)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.text import sentence_spans

MARKER_GROUP = re.compile(r"(?:\s*\[\d+\])+")
_MARKER = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class Statement:
    text: str  # the sentence without its markers
    markers: tuple[int, ...]  # the [n] it carries, in order, without repeats


def split_statements(answer: str) -> list[Statement]:
    """Sentences of an answer with the markers each carries. A marker group belongs to the sentence it follows or
    ends: both "X happened. [1]" and "X happened [1]." cite [1] for "X happened."."""
    masked = MARKER_GROUP.sub(lambda m: " " * len(m.group(0)), answer)
    spans = sentence_spans(masked)
    if not spans:
        return []
    groups: list[list[int]] = [[] for _ in spans]
    for match in MARKER_GROUP.finditer(answer):
        # the last sentence that starts before the marker group
        owner = max((i for i, s in enumerate(spans) if s.start < match.start()), default=0)
        for number in _MARKER.findall(match.group(0)):
            if int(number) not in groups[owner]:
                groups[owner].append(int(number))
    out = []
    for span, markers in zip(spans, groups, strict=True):
        text = " ".join(masked[span.start : span.end].split())
        text = re.sub(r"\s+([.!?,;:])", r"\1", text)
        out.append(Statement(text, tuple(markers)))
    return out
