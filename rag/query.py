"""Building a ``Query`` from what a user typed: one place for the CLI, batch lines, the app's form and the API."""

from __future__ import annotations

import re
from datetime import date

from rag.errors import QueryError
from rag.text import named_period
from rag.types import Query


def parse_date(value: object, name: str) -> date | None:
    """A ``YYYY-MM-DD`` option (empty or None: no date); a bad value is a QueryError naming the option."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise QueryError(f"{name} must be a date YYYY-MM-DD. Currently, {name} is {value!r}.") from None


def period_of(query: Query) -> tuple[date, date] | None:
    """The time the question names ("What hurricane hit Florida in November 2022?"), when it has no as-of date:
    recency then counts from that time (``rag.text.named_period``). With an as-of date the question's own dates are
    left to the words: "this week, she said she will run in 2024" is about the as-of week, not 2024. A follow-up's
    context in brackets names no time of its own ("who is their coach? (Bucks, March 2023, ...)" asks of now, not
    of the earlier turn's month): only the question itself is read."""
    if query.as_of is not None:
        return None
    return named_period(TRAILING_CONTEXT.sub("", query.text))


# the context ``rag.generate`` puts in brackets after a follow-up question: "who is their coach? (Bucks, ...)"
TRAILING_CONTEXT = re.compile(r"\s*\([^()]*\)\s*$")


def _strings(value: object, name: str, what: str) -> tuple[str, ...]:
    """A list of non-empty strings (or one string; None: none), stripped; anything else is a QueryError naming
    the option."""
    if isinstance(value, str):
        value = [value]
    if value is None:
        return ()
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v.strip() for v in value):
        raise QueryError(f"{name} must be a list of {what}. Currently, {name} is {value!r}.")
    return tuple(v.strip() for v in value)


def make_query(
    text: str,
    k: int,
    since: object = None,
    until: object = None,
    as_of: object = None,
    outlets: object = None,
    exclude_articles: object = None,
) -> Query:
    """A Query from the strings a user typed (CLI, batch line, form field or API body)."""
    names = _strings(outlets, "sources", "outlet names")
    excluded = _strings(exclude_articles, "exclude_articles", "article ids")
    return Query(
        text=text,
        k=k,
        since=parse_date(since, "since"),
        until=parse_date(until, "until"),
        as_of=parse_date(as_of, "as_of"),
        outlets=names,
        exclude_articles=excluded,
    )
