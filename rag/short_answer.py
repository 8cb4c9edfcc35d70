"""Which entity is the short answer: the extractive answerer's entity ranker, fitted on data.

A question that asks for a kind of thing ("which team", "how many", "who") is answered by an entity of that kind.
The candidates are the entities of that kind that the recogniser finds in the best sentences of the retrieved
passages (the sentence ranker's cheap stage orders them), other than what the question names. Mentions of one entity
are grouped ("Bucks" joins "Milwaukee Bucks"), and each group is scored by a conditional logit (a softmax over the
question's groups and one more choice, that none of them is the answer) whose weights are a small JSON file
(``rag/models/short_answer.json``), fitted by ``python -m eval.fit_short_answer`` on a news QA benchmark's training
split (label: the entity names the question's answer):

- ``support``: how much of the sentences' evidence is about it: log of the sum, over its mentions, of
  ``exp(sentence score - best sentence score)`` (an entity in several good sentences beats one in a single one);
- ``kind``: its meaning's closeness to what the question asks for, the noun phrase after "which"/"what" or "how
  many" (the embedding model's cosine between "team" and "Buffalo Bills"; 0 when the question has none);
- ``distance``: how far, in its nearest sentence, it stands from the question's own words (hundreds of characters);
- ``title``: whether the headline of the best-ranked article names it ("Ford recalls 125,000 SUVs"): a story's
  headline names its subject, the other candidates are the sentences' side mentions (session 19);
- ``clause`` and ``nearby``: the share of the question's key terms in a mention's own clause (between commas,
  semicolons, colons, dashes or brackets) and in the whole words within 80 characters of it, the highest over its
  mentions: "Which state was the first to recognize Indigenous Peoples' Day?" is answered by "South Dakota was the
  first state to recognize the day in 1989", not by the "Santa Cruz, California" of the clause after it (session
  24).

Before this, the short answer was an entity of the ranker's best sentence only: the one nearest the question's words
(session 16: the one nearest in meaning to "which X"). The groups' probabilities are the answerer's confidence in its
short answer, a feature of the answerability model.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from rag.models import read_model, refuse_unknown
from rag.nlp import Entity
from rag.text import MONTH_ABBREVIATIONS, MONTHS, RELATIVE_DAYS, WEEKDAYS, alternation, key_terms

FEATURES = (
    "support",  # log sum over its mentions of exp(sentence score - best sentence's score)
    "kind",  # cosine of the question's "which X" noun phrase to the entity (0: the question has none)
    "distance",  # characters from the question's words in its sentence, / 100 (3 when the sentence has none)
    "title",  # 1 when the headline of the best-ranked article names it ("Ford recalls 125,000 SUVs"), else 0
    "clause",  # share of the question's key terms in a mention's clause (the highest over its mentions)
    "nearby",  # share of the question's key terms within NEARBY characters of a mention (the highest)
)
NO_ANCHOR_DISTANCE = 300  # characters: a sentence that shares no word with the question
NEARBY = 80  # characters either side of a mention that count as its surroundings
# a comma (not of "360,000"), a colon (not of "10:30"), a semicolon, a bracket or a dash ("—", " - ", "--")
_CLAUSE_MARK = re.compile(r",(?!\d)|(?<!\d),|:(?!\d)|(?<!\d):|[;()\[\]—–]|\s-\s|--")


def context_shares(sentence: str, ent: Entity, q_terms: set[str]) -> tuple[float, float]:
    """The share of the question's key terms (``q_terms``) in the entity's clause of ``sentence`` and in the whole
    words within ``NEARBY`` characters of it, the entity's own words left out. An entity alone between commas is
    said of what comes before it ("Ann Lesley Smith, 66, ..."): its clause is the one before."""
    if not q_terms:
        return 0.0, 0.0
    own = set(key_terms(ent.text))
    marks = [m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, ent.start)]
    start = marks[-1] if marks else 0
    end = next((m.start() for m in _CLAUSE_MARK.finditer(sentence, ent.end)), len(sentence))
    if marks and not (sentence[start : ent.start] + sentence[ent.end : end]).strip():
        start = marks[-2] if len(marks) > 1 else 0
    clause = set(key_terms(sentence[start : ent.start] + " " + sentence[ent.end : end])) - own
    lo, hi = max(0, ent.start - NEARBY), min(len(sentence), ent.end + NEARBY)
    while 0 < lo < ent.start and sentence[lo - 1].isalnum():
        lo += 1  # whole words only: not "currents" of "supercurrents"
    while ent.end < hi < len(sentence) and sentence[hi].isalnum():
        hi -= 1
    near = sentence[lo : ent.start] + " " + sentence[ent.end : hi]
    nearby = set(key_terms(near)) - own
    return len(clause & q_terms) / len(q_terms), len(nearby & q_terms) / len(q_terms)


def group_key(text: str) -> str:
    """An entity's text for grouping: lower-cased words, without a possessive or a leading "the" ("Biden’s" ->
    "biden", "the Buffalo Bills" -> "buffalo bills"); a number keeps its decimal and thousands marks and its per
    cent ("$1.5 billion" -> "1.5 billion", "5%" -> "5%"), and the thing it counts stemmed ("12,000 jobs" -> "12,000
    job")."""
    words = re.findall(r"[^\W_]+(?:[.,]\d+)*%?", re.sub(r"['’]s\b", "", text.lower()))
    if len(words) > 1 and words[0] == "the":  # not "a"/"an": "a million" is one million, not "5 million"
        words = words[1:]
    if len(words) > 1 and any(c.isdigit() for c in words[0]) and words[-1].isalpha():
        words[-1] = (key_terms(words[-1]) or [words[-1]])[0]  # "12,000 jobs" is "12,000 job cuts"'s count
    return " ".join(words)


# A hyphen or dash between two names: "Bills-Bengals", "Buffalo Bills–Cincinnati Bengals".
_JOINED = re.compile(r"(?<=[^\W\d_])[-–—](?=[^\W\d_])")  # a capital after it: _joins
_UNSPLIT = frozenset({"PERSON", "DATE", "TIME"})  # "Jean-Pierre Raffarin", "January-March" are one entity


def _joins(text: str) -> list[int]:
    """Where a hyphen or dash joins two capitalised names ("Bills-Bengals", "Austria–Éire")."""
    return [c.start() for c in _JOINED.finditer(text) if text[c.start() + 1].isupper()]


def split_joined(mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions with a pairing of two entities split in two: the recogniser takes "the Buffalo Bills-Cincinnati
    Bengals game" for one organisation, which would join both teams' other mentions into one group. Split only
    where each part is (or holds, or is held by) a different entity that another mention names on its own, and the
    whole is not named on its own, so that "Coca-Cola" (beside "Coca Cola") or "Rolls-Royce" stay whole; never a
    person's name ("Jean-Pierre Raffarin") or a date ("January-March")."""
    # the entities named on their own, never joined to another ("Coca-Cola Zero" does not split "Coca-Cola")
    alone = {group_key(m.entity.text) for m in mentions if not _joins(m.entity.text)} - {""}
    out: list[Mention] = []
    for m in mentions:
        text = m.entity.text
        cuts = _joins(text)
        if len(cuts) != 1 or m.entity.label in _UNSPLIT or group_key(text) in alone:
            out.append(m)
            continue
        cut = cuts[0]
        parts = [(text[:cut], m.entity.start), (text[cut + 1 :], m.entity.start + cut + 1)]
        named = [
            {k for k in alone if pk == k or _inside(pk, k) or _inside(k, pk)} for pk in (group_key(p) for p, _ in parts)
        ]
        if not all(named) or named[0] & named[1]:  # a part named nowhere, or one entity holding both parts
            out.append(m)
            continue
        for part, start in parts:
            entity = replace(m.entity, text=part, start=start, end=start + len(part))
            out.append(replace(m, entity=entity))
    return out


def _inside(key: str, longer: str) -> bool:
    """Whether the entity ``key`` names is part of the one ``longer`` names: whole words of it ("bucks" of
    "milwaukee bucks"). A key with a number joins only its equal: "5" is not "5 billion", nor "200" "1,200"."""
    if any(ch.isdigit() for ch in key):
        return False
    return re.search(rf"(?<!\w){re.escape(key)}(?!\w)", longer) is not None


@dataclass(frozen=True)
class Mention:
    """One entity found in one candidate sentence (``sentence`` indexes the answerer's candidate list)."""

    entity: Entity  # offsets into the sentence
    sentence: int
    score: float  # the sentence's score (the sentence ranker's cheap stage)
    distance: int  # characters from the nearest word the sentence shares with the question
    role: int = 0  # for a role question: how well the title the sentence gives it fits (rag/roles.py, role_fit)
    article: str = ""  # the sentence's article: a relative date ("Sunday", "last week") means one day only there
    clause: float = 0.0  # share of the question's key terms in its clause (context_shares)
    nearby: float = 0.0  # share of the question's key terms within NEARBY characters of it


@dataclass
class EntityGroup:
    """The mentions of one entity, its features and its probability of being the short answer."""

    key: str
    mentions: list[Mention]
    features: dict[str, float] = field(default_factory=dict)
    probability: float = 0.0

    @property
    def text(self) -> str:
        """The longest form the sentences give it ("Milwaukee Bucks" over "Bucks")."""
        return max((m.entity.text for m in self.mentions), key=len)

    def shown(self) -> Mention:
        """The mention to lead with: in the best sentence that names it, its longest form there."""
        best = max(self.mentions, key=lambda m: (m.score, -m.sentence))
        return max((m for m in self.mentions if m.sentence == best.sentence), key=lambda m: len(m.entity.text))


# A date that names a day only relative to when it was written: "Sunday", "yesterday", "last week" (not a length of
# time, "six months", nor a date, "May 15").
_RELATIVE_DATE = re.compile(
    rf"\b(?:{alternation(WEEKDAYS + RELATIVE_DAYS)})\b"
    r"|\b(?:this|last|next|that)\s+(?:week|weekend|month|year|spring|summer|fall|autumn|winter)\b",
    re.I,
)
_ABSOLUTE = re.compile(rf"\d|\b(?:{alternation(MONTHS + MONTH_ABBREVIATIONS)})\b", re.I)


def _relative_date(ent: Entity) -> bool:
    return ent.label in ("DATE", "TIME") and bool(_RELATIVE_DATE.search(ent.text)) and not _ABSOLUTE.search(ent.text)


def group_mentions(mentions: Sequence[Mention]) -> list[EntityGroup]:
    """Mentions grouped by entity: the same words, or a shorter form inside a longer one ("Bucks" joins "Milwaukee
    Bucks"; a form inside several longer ones joins the longest; a pairing of two entities is split first)."""
    by_key: dict[tuple[str, str], list[Mention]] = {}
    for m in split_joined(mentions):
        key = group_key(m.entity.text)
        if key:
            # another article's "Sunday" is another Sunday: a relative date gathers support only in its article
            by_key.setdefault((key, m.article if _relative_date(m.entity) else ""), []).append(m)
    groups: list[EntityGroup] = []
    scopes: list[str] = []  # each group's article, for a relative date's ("" for any other)
    for key, article in sorted(by_key, key=lambda k: len(k[0]), reverse=True):
        into = next(
            (
                g
                for g, scope in zip(groups, scopes, strict=True)
                if _inside(key, g.key)
                and (not article or any(m.article == article for m in g.mentions))  # "Sunday" in "Sunday, May 15"
                and (not scope or scope == article)
            ),
            None,
        )
        if into is not None:
            into.mentions.extend(by_key[(key, article)])
        else:
            groups.append(EntityGroup(key, list(by_key[(key, article)])))
            scopes.append(article)
    return groups


def group_features(
    groups: Sequence[EntityGroup],
    top_score: float,
    head: str,
    embed: Callable[[list[str]], np.ndarray] | None,
    title: str = "",
) -> None:
    """Set each group's features (``FEATURES``); ``kind`` needs ``head`` and an embedder (0 otherwise), ``title``
    the best-ranked article's headline (0 for every group without one)."""
    headline = f" {group_key(title)} "
    kinds = [0.0] * len(groups)
    if head and embed is not None and groups:
        texts = list(dict.fromkeys(m.entity.text for g in groups for m in g.mentions))
        head_vector, *vectors = embed([head, *texts])
        cosine = dict(zip(texts, (np.stack(vectors) @ head_vector).tolist(), strict=True))
        kinds = [max(cosine[m.entity.text] for m in g.mentions) for g in groups]
    for g, kind in zip(groups, kinds, strict=True):
        gaps = [m.score - top_score for m in g.mentions]
        most = max(gaps)
        g.features = {
            "support": most + math.log(sum(math.exp(gap - most) for gap in gaps)),  # log-sum-exp, never log(0)
            "kind": float(kind),
            "distance": min(m.distance for m in g.mentions) / 100,
            "title": float(
                any(f" {k} " in headline for k in {g.key, *(group_key(m.entity.text) for m in g.mentions)} if k)
            ),
            "clause": max(m.clause for m in g.mentions),
            "nearby": max(m.nearby for m in g.mentions),
        }


@dataclass(frozen=True)
class ShortAnswerModel:
    """A conditional logit over a question's entity groups and, when ``none`` is set, one more choice: that no
    group is the answer, with that fixed score. Without it a lone candidate of weak support had probability 1 (the
    Red River trap: the one sum among the candidates, of another story); with it the probability says how much
    better a group is than the answer being none of them (on rtqa-train it separates right first candidates from
    wrong ones with AUC 0.80 against 0.73, on rtqa-dev 0.82 against 0.77)."""

    weights: dict[str, float]
    sentences: int = 20  # the cheap stage's best sentences whose entities are candidates (one recogniser pass)
    fitted_on: str = ""
    none: float | None = None  # the score of "none of the groups", fitted on the questions that lack a right one

    def scores(self, groups: Sequence[EntityGroup]) -> np.ndarray:
        return np.array([sum(w * g.features[name] for name, w in self.weights.items()) for g in groups])

    def rank(self, groups: Sequence[EntityGroup]) -> list[EntityGroup]:
        """The groups best first, each with its probability (a softmax of the scores over the question's groups and
        the choice of none)."""
        if not groups:
            return []
        p = softmax_with_none(self.scores(groups), self.none)
        for g, prob in zip(groups, p.tolist(), strict=True):
            g.probability = prob
        # ties (equal features) keep the earlier mention first
        return sorted(groups, key=lambda g: (-g.probability, min(m.sentence for m in g.mentions)))

    @classmethod
    def load(cls, path: str | Path | None = None) -> ShortAnswerModel:
        data = read_model("short_answer.json", path)
        refuse_unknown(data["weights"], FEATURES, "short-answer model")
        none = data.get("none")
        if none is not None and not math.isfinite(float(none)):
            raise ValueError(f"short-answer model: 'none' must be a finite number (got {none!r})")
        return cls(
            {k: float(v) for k, v in data["weights"].items()},
            int(data.get("sentences", 20)),
            str(data.get("fitted_on", "")),
            None if none is None else float(none),
        )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"weights": self.weights, "sentences": self.sentences, "fitted_on": self.fitted_on}
        if self.none is not None:
            out["none"] = self.none
        return out


def softmax_with_none(scores: np.ndarray, none: float | None) -> np.ndarray:
    """Each score's probability among ``scores`` and, when given, the score ``none`` of no candidate at all."""
    top = max(float(scores.max()), none) if none is not None else float(scores.max())
    e = np.exp(scores - top)
    return e / (e.sum() + (math.exp(none - top) if none is not None else 0.0))


def fit_none(questions: Sequence[tuple[np.ndarray, np.ndarray]], weights: np.ndarray) -> float | None:
    """The score of "none of the candidates" that makes the fitted conditional logit likeliest over every question:
    a right candidate where one is, none where none is (a one-dimensional convex fit: bisection on the gradient,
    within the scores' own range). None when it cannot be fitted: every question, or none, has a right candidate
    (the likeliest score is then infinite), or a score is not finite."""
    scored = [(x @ weights, y) for x, y in questions if len(y)]
    if not scored or not all(np.isfinite(s).all() for s, _ in scored):
        return None
    lacking = sum(1 for _, y in scored if y.sum() == 0)
    if lacking in (0, len(scored)):
        return None

    def slope(b: float) -> float:  # d(negative log likelihood)/db
        total = 0.0
        for s, y in scored:
            p_none = 1.0 - float(softmax_with_none(s, b).sum())
            total += p_none - (0.0 if y.sum() > 0 else 1.0)
        return total

    low = min(float(s.min()) for s, _ in scored) - 50.0
    high = max(float(s.max()) for s, _ in scored) + 50.0
    for _ in range(80):
        mid = (low + high) / 2
        low, high = (mid, high) if slope(mid) < 0 else (low, mid)
    return round((low + high) / 2, 4)


def fit_conditional_logit(
    questions: Sequence[tuple[np.ndarray, np.ndarray]], l2: float = 1.0, steps: int = 30
) -> np.ndarray:
    """Weights of a conditional logit (a softmax over each question's candidates) by Newton's method, on the
    questions with at least one right candidate; the target spreads evenly over a question's right candidates.
    ``questions``: (features [candidates x features], labels [candidates] in {0, 1}). ``l2`` > 0 keeps the Hessian
    invertible (a feature equal across every question's candidates says nothing)."""
    if l2 <= 0:
        raise ValueError(f"l2 must be > 0 (got {l2}): a feature constant within every question has no weight")
    data = [(x, y / y.sum()) for x, y in questions if y.sum() > 0]
    if not data:
        raise ValueError("no question has a right candidate: nothing to fit")
    d = data[0][0].shape[1]
    w = np.zeros(d)
    for _ in range(steps):
        grad = l2 * w
        hess = l2 * np.eye(d)
        for x, t in data:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            grad = grad + x.T @ (p - t)
            hess = hess + x.T @ (np.diag(p) - np.outer(p, p)) @ x
        step = np.linalg.solve(hess, grad)
        w = w - step
        if np.abs(step).max() < 1e-8:
            break
    return w
