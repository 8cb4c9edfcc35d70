"""Baselines and the regression gate: compare a run with a saved one, per aggregate metric and per case."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from eval.runner import QUALITY_METRICS, CaseResult, RunResult
from rag.errors import NewsragError


@dataclass(frozen=True)
class MetricChange:
    name: str
    before: float
    after: float
    regressed: bool


@dataclass(frozen=True)
class CaseChange:
    id: str
    question: str
    before: CaseResult | None
    after: CaseResult | None
    what: list[str]
    regressed: bool


@dataclass
class Comparison:
    metrics: list[MetricChange] = field(default_factory=list)
    cases: list[CaseChange] = field(default_factory=list)

    @property
    def regressed(self) -> bool:
        return any(m.regressed for m in self.metrics) or any(c.regressed for c in self.cases)


def save_baseline(run: RunResult, path: str | Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(run.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_baseline(path: str | Path) -> RunResult:
    path = Path(path)
    try:
        return RunResult.from_json(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise NewsragError(f"Baseline {path} does not exist: write one with --save-baseline {path}.") from None
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise NewsragError(f"Baseline {path} is not a newsrag eval run ({exc}).") from None


def compare(current: RunResult, baseline: RunResult, tolerance: float = 0.02) -> Comparison:
    """A metric regresses when it moves the wrong way by more than ``tolerance`` (absolute); a case regresses
    when it passed in the baseline and fails now. Latency is reported elsewhere, never gated."""
    comparison = Comparison()
    for name, higher_is_better in QUALITY_METRICS.items():
        before, after = baseline.aggregate.get(name), current.aggregate.get(name)
        if before is None or after is None:
            continue
        drop = (before - after) if higher_is_better else (after - before)
        comparison.metrics.append(MetricChange(name, before, after, drop > tolerance + 1e-9))
    old = {c.id: c for c in baseline.cases}
    new = {c.id: c for c in current.cases}
    for case_id in list(old) + [i for i in new if i not in old]:
        before, after = old.get(case_id), new.get(case_id)
        what = _what_changed(before, after)
        if what:
            regressed = bool(before and before.passed and (after is None or not after.passed))
            question = (after or before).question  # type: ignore[union-attr]
            comparison.cases.append(CaseChange(case_id, question, before, after, what, regressed))
    return comparison


def _what_changed(before: CaseResult | None, after: CaseResult | None) -> list[str]:
    if before is None:
        return ["new case"]
    if after is None:
        return ["case removed from the golden set"]
    what = []
    if before.passed != after.passed:
        what.append("passed -> FAILED" if before.passed else "failed -> passed")
    if after.error and after.error != before.error:
        what.append(f"error: {after.error}")
    if before.abstained != after.abstained:
        what.append("now abstains" if after.abstained else "no longer abstains")
    lost = [f for f in after.missing_facts if f not in before.missing_facts]
    if lost:
        what.append(f"facts now missing: {', '.join(lost)}")
    if before.retrieved[:3] != after.retrieved[:3]:
        what.append(f"top sources {before.retrieved[:3]} -> {after.retrieved[:3]}")
    if before.answer != after.answer and not what:
        what.append("answer text changed")
    return what


def format_comparison(comparison: Comparison, tolerance: float) -> str:
    lines = [f"Regression gate (tolerance {tolerance:g}):"]
    for m in comparison.metrics:
        better = (m.after > m.before) == QUALITY_METRICS.get(m.name, True)
        mark = "REGRESSED" if m.regressed else "same" if m.after == m.before else "improved" if better else "lower, within tolerance"
        lines.append(f"  {m.name:<24} {m.before:>8.3f} -> {m.after:>8.3f}  {mark}")
    if comparison.cases:
        lines.append("Changed cases:")
    for c in comparison.cases:
        flag = "REGRESSED " if c.regressed else ""
        lines.append(f"- {flag}{c.id}: {c.question}")
        lines.append(f"    what changed: {'; '.join(c.what)}")
        if c.before is not None:
            lines.append(f"    old answer: {_short(c.before.answer or c.before.error or '')}")
        if c.after is not None:
            lines.append(f"    new answer: {_short(c.after.answer or c.after.error or '')}")
    lines.append("FAILED: answers regressed against the baseline." if comparison.regressed else "OK: no regression.")
    return "\n".join(lines)


def _short(text: str, limit: int = 240) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
