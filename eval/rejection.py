"""Negative rejection, as RAG benchmarks measure it (RGB, Chen et al. 2023): for every answerable question, the
articles that contain its answer are excluded at query time (``Query.exclude_articles``, pushed down to Chroma and
the lexical index), so that the right answer is to abstain.

One pass over the questions gives both runs, the normal one and the one without the answer's articles, with the
answerer's draft (its quotes and the answerability features before the decision) and what was shown. The bench
scores the shown answers (``rejection_rate`` beside ``open_accuracy``, ``false_abstention_rate``); the fit of the
answerability model (``eval/fit_answerability.py``) reads the drafts.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from eval.curve import Decision
from eval.metrics import answer_in_text, lowered_answer_in
from rag.types import Query

TRUE_FALSE = frozenset({"true", "false", "yes", "no"})


@dataclass(frozen=True)
class Outcome:
    """One question in one run: what was shown, and the draft behind it."""

    question_id: str
    run: str  # "normal" or "rejection"
    answerable: bool
    text: str  # the answer shown
    abstained: bool
    draft_text: str  # the quotes before the answerability decision ("" when there was nothing to quote)
    features: dict[str, float] | None
    score: float | None
    note: str
    short_answer: str | None
    refused_by_rule: bool  # abstained for a reason other than the model's score (an unknown name, a relation)
    ms: float
    excluded: int = 0  # articles excluded (the rejection run)
    draft_short: str | None = None  # the short answer the draft found, led with or not
    passages: tuple[str, ...] = ()  # the retrieved chunks' ids, in order
    same_passages: bool | None = None  # rejection run: the normal run retrieved the very same passages
    answer_in_passages: bool | None = None  # answerable, not true/false: some retrieved passage holds the answer
    by_rule: bool = False  # a rule decided it, shown or not, whatever the score (``eval/curve.py``)
    draft_correct: bool = False  # the normal run: the draft's quotes are right by open accuracy's rule

    def decision(self) -> Decision:
        return Decision(self.run, self.answerable, self.by_rule, self.abstained, self.score, self.draft_correct)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.question_id,
            "run": self.run,
            "answerable": self.answerable,
            "answer": self.text,
            "abstained": self.abstained,
            "note": self.note,
            "short_answer": self.short_answer,
            "short_found": self.draft_short,
            "answerability": None if self.score is None else round(self.score, 4),
            "excluded_articles": self.excluded,
            "same_passages": self.same_passages,
            "answer_in_passages": self.answer_in_passages,
            "by_rule": self.by_rule,
            "draft_correct": self.draft_correct,
            "ms": round(self.ms, 1),
        }


def is_true_false(choices: Sequence[str]) -> bool:
    """A true/false question: its answer word occurs in nearly every article, so it is left out of the rejection run."""
    return bool(choices) and all(c.strip().lower() in TRUE_FALSE for c in choices)


def answer_articles(answer: str, lowered_texts: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """Ids of the articles whose text contains the answer (the benchmark's matching rule)."""
    needle = answer.strip().lower()
    return tuple(aid for aid, text in lowered_texts if lowered_answer_in(needle, text))


def lowered_corpus(articles: Sequence[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(str(a["id"]), f"{a.get('title') or ''}\n{a.get('text') or ''}".lower()) for a in articles]


def run_both(
    pipeline: Any,
    items: Sequence[Any],
    articles: Sequence[dict[str, Any]],
    k: int,
    rejection: bool = True,
    progress: Callable[[Any], Any] = lambda it: it,
) -> list[Outcome]:
    """Each question answered normally and, when answerable and not true/false, with its answer's articles excluded."""
    lowered = lowered_corpus(articles) if rejection else []
    out: list[Outcome] = []
    for q in progress(items):
        normal = _one(pipeline, q, Query(q.question, k=k, as_of=q.date), "normal")
        out.append(normal)
        if rejection and q.answerable and not is_true_false(q.choices):
            excluded = answer_articles(q.answer, lowered)
            query = Query(q.question, k=k, as_of=q.date, exclude_articles=excluded)
            rejected = _one(pipeline, q, query, "rejection", len(excluded))
            # When no excluded article made the normal run's top k, both runs see the same passages, and no
            # answerer can abstain on one and answer the other: the share bounds what any answerability decision
            # can separate (``rejection_same_passages``).
            out.append(replace(rejected, same_passages=rejected.passages == normal.passages))
    return out


def _one(pipeline: Any, q: Any, query: Query, run: str, excluded: int = 0) -> Outcome:
    t = time.perf_counter()
    query = pipeline.prepared(query)  # as a user's question is read: recased when typed without capitals
    hits = pipeline.retriever.retrieve(query)  # ``search`` would prepare it again
    draft = pipeline.answerer.draft(query, hits)
    ms = (time.perf_counter() - t) * 1000
    passages = tuple(h.chunk.id for h in hits)
    # in the passages' text, what a quote can hold (a title is not quoted); true/false answers are everywhere
    in_passages = None
    if q.answerable and not is_true_false(q.choices):
        in_passages = any(answer_in_text(q.answer, h.chunk.text) for h in hits)
    answer, assessment = draft.answer, draft.assessment
    refused_by_rule = answer.abstained and draft.by_rule
    draft_text = draft.composed.text if draft.composed is not None else ""
    return Outcome(
        question_id=q.id,
        run=run,
        answerable=q.answerable,
        text=answer.text,
        abstained=answer.abstained,
        draft_text=draft_text,
        features=None if assessment is None else dict(assessment.features),
        score=None if assessment is None else assessment.score,
        note=answer.note,
        short_answer=answer.short_answer.text if answer.short_answer else None,
        refused_by_rule=refused_by_rule,
        ms=ms,
        excluded=excluded,
        draft_short=draft.short_found,
        passages=passages,
        answer_in_passages=in_passages,
        by_rule=draft.by_rule,
        draft_correct=run == "normal" and q.answerable and correct(q, draft_text),
    )


def correct(q: Any, text: str) -> bool:
    """Open-answer accuracy's rule: the text contains the right choice and none of the wrong ones."""
    wrong = [c for c in q.choices if c != q.answer]
    return answer_in_text(q.answer, text) and not any(answer_in_text(c, text) for c in wrong)


def abstention_metrics(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """The normal run's abstentions split by what the passages held: ``answer_in_passages_rate``, the share of
    answerable questions (true/false ones left out, as in the rejection run) whose retrieved passages' text holds
    the answer, and ``false_abstention_rate_answer_retrieved``, the share of those abstained on. The other
    answerable questions cannot be answered right from their passages, so an abstention there is what a reader
    should get, though ``false_abstention_rate`` counts it."""
    held = [o.abstained for o in outcomes if o.run == "normal" and o.answer_in_passages is not None]
    retrieved = [o.abstained for o in outcomes if o.run == "normal" and o.answer_in_passages]
    return {
        "answer_in_passages_rate": round(len(retrieved) / len(held), 4) if held else 0.0,
        "false_abstention_rate_answer_retrieved": round(sum(retrieved) / len(retrieved), 4) if retrieved else 0.0,
    }


def rejection_metrics(items: Sequence[Any], outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """``rejection_rate``: the share of rejection-run questions abstained on."""
    rejected = [o.abstained for o in outcomes if o.run == "rejection"]
    same = [bool(o.same_passages) for o in outcomes if o.run == "rejection"]
    return {
        "rejection_questions": len(rejected),
        "rejection_rate": round(sum(rejected) / len(rejected), 4) if rejected else 0.0,
        "rejection_same_passages": round(sum(same) / len(same), 4) if same else 0.0,
        "rejection_excluded_articles_mean": round(
            sum(o.excluded for o in outcomes if o.run == "rejection") / max(1, len(rejected)), 1
        ),
    }
