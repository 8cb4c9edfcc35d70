"""Building a ``Query`` from what a user typed: one place for the CLI, batch lines, the app's form and the API."""

from __future__ import annotations

import calendar
import re
from datetime import date

from rag.errors import QueryError
from rag.text import MONTH_ABBREVIATIONS, MONTHS, alternation, month_number, named_period
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


# A month named without a year ("assassinated while delivering a campaign speech in July", "announced his
# retirement in February"): not "May" the name, nor "March" the verb (a preposition or "early"/"late" before it)
_MONTH_ALONE = re.compile(
    rf"\b(?:in|during|since|of|on|early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?"
    rf"(?P<month>(?i:{alternation(MONTHS + MONTH_ABBREVIATIONS)}))\.?(?!\w)(?!\s*\d{{1,2}}\b,?\s*\d{{4}})(?!,?\s*\d{{4}})"
)


def month_before(query: Query) -> tuple[date, date] | None:
    """With an as-of date, the month a question names without a year when it is an earlier month of the as-of
    year: a year-end quiz asked on December 30 ("This former Japanese prime minister was assassinated while
    delivering a campaign speech in July.") is about July, whose articles are five months older than the question.
    The answerability's recency counts from that month; retrieval's is left to the as-of date. A later month ("during
    November", asked in August) is the future or another year: None."""
    if query.as_of is None:
        return None
    months = {month_number(m["month"]) for m in _MONTH_ALONE.finditer(TRAILING_CONTEXT.sub("", query.text))}
    if len(months) != 1:
        return None
    (month,) = months
    if month >= query.as_of.month:
        return None
    year = query.as_of.year
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


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
