"""Golden sets: YAML files of questions with the facts a right answer states, the sources it should come from,
or ``abstain: true`` when the corpus cannot answer. The format is documented in the README."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rag.errors import NewsragError


class GoldenSetError(NewsragError):
    """A golden set file is malformed; the message names the case and field."""


@dataclass(frozen=True)
class Case:
    id: str
    question: str
    facts: list[list[str]] = field(default_factory=list)  # every fact must be present; any phrasing counts
    sources: list[str] = field(default_factory=list)  # article ids a right answer comes from
    abstain: bool = False
    tags: list[str] = field(default_factory=list)
    since: date | None = None
    until: date | None = None
    as_of: date | None = None
    # the earlier questions of a conversation, oldest first: each is asked (and answered) in turn, then the case's
    # question as their follow-up ("What did he say about athletes?")
    history: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GoldenSet:
    name: str
    path: Path
    corpus: list[Path]  # ingested by `newsrag eval run` unless a store is given
    cases: list[Case]
    k: int = 5


_CASE_KEYS = {"id", "question", "facts", "sources", "abstain", "tags", "since", "until", "as_of", "history"}
_TOP_KEYS = {"name", "description", "corpus", "k", "cases"}


def load_golden(path: str | Path) -> GoldenSet:
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldenSetError(f"Golden set {path} does not exist.") from None
    except yaml.YAMLError as exc:
        raise GoldenSetError(f"Golden set {path} is not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list) or not data["cases"]:
        raise GoldenSetError(f"Golden set {path} needs a non-empty 'cases' list.")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise GoldenSetError(f"Golden set {path}: unknown key(s) {sorted(unknown)}; known: {sorted(_TOP_KEYS)}.")
    corpus = [(path.parent / p).resolve() for p in _strings(data.get("corpus", []), f"{path}: corpus")]
    k = data.get("k", 5)
    if not isinstance(k, int) or k < 1:
        raise GoldenSetError(f"Golden set {path}: k must be a positive integer. Currently, k is {k!r}.")
    cases, seen = [], set()
    for number, raw in enumerate(data["cases"], 1):
        case = _case(raw, f"{path}: case {number}")
        if case.id in seen:
            raise GoldenSetError(f"{path}: case id {case.id!r} is used twice; ids must be unique.")
        seen.add(case.id)
        cases.append(case)
    return GoldenSet(str(data.get("name") or path.stem), path, corpus, cases, k)


def _case(raw: Any, where: str) -> Case:
    if not isinstance(raw, dict):
        raise GoldenSetError(f"{where} must be a mapping with at least 'id' and 'question'.")
    where = f"{where} ({raw.get('id', '?')})"
    unknown = set(raw) - _CASE_KEYS
    if unknown:
        raise GoldenSetError(f"{where}: unknown key(s) {sorted(unknown)}; known: {sorted(_CASE_KEYS)}.")
    for key in ("id", "question"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise GoldenSetError(f"{where}: '{key}' must be a non-empty string.")
    facts = []
    for i, fact in enumerate(raw.get("facts") or [], 1):
        phrasings = [fact] if isinstance(fact, str) else fact
        facts.append(_strings(phrasings, f"{where}: fact {i}"))
        if not facts[-1]:
            raise GoldenSetError(f"{where}: fact {i} has no phrasing.")
    abstain = raw.get("abstain", False)
    if not isinstance(abstain, bool):
        raise GoldenSetError(f"{where}: 'abstain' must be true or false.")
    if abstain and facts:
        raise GoldenSetError(f"{where}: a case that must abstain cannot also expect facts.")
    if not abstain and not facts and not raw.get("sources"):
        raise GoldenSetError(f"{where}: give 'facts' or 'sources' to check, or 'abstain: true'.")
    history = _strings(raw.get("history") or [], f"{where}: history")
    if not all(h.strip() for h in history):
        raise GoldenSetError(f"{where}: history must list the earlier questions; one of them is empty.")
    return Case(
        id=raw["id"],
        question=raw["question"],
        facts=facts,
        sources=_strings(raw.get("sources") or [], f"{where}: sources"),
        abstain=abstain,
        tags=_strings(raw.get("tags") or [], f"{where}: tags"),
        since=_date(raw.get("since"), f"{where}: since"),
        until=_date(raw.get("until"), f"{where}: until"),
        as_of=_date(raw.get("as_of"), f"{where}: as_of"),
        history=history,
    )


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise GoldenSetError(f"{where} must be a list of strings.")
    return [str(v) for v in value]


def _date(value: Any, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise GoldenSetError(f"{where} must be a date YYYY-MM-DD. Currently, it is {value!r}.") from None
