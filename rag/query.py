"""Building a ``Query`` from what a user typed: one place for the CLI, batch lines, the app's form and the API."""

from __future__ import annotations

from datetime import date

from rag.errors import QueryError
from rag.types import Query


def parse_date(value: object, name: str) -> date | None:
    """A ``YYYY-MM-DD`` option (empty or None: no date); a bad value is a QueryError naming the option."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise QueryError(f"{name} must be a date YYYY-MM-DD. Currently, {name} is {value!r}.") from None


def make_query(
    text: str, k: int, since: object = None, until: object = None, as_of: object = None, outlets: object = None
) -> Query:
    """A Query from the strings a user typed (CLI, batch line, form field or API body)."""
    if isinstance(outlets, str):
        outlets = [outlets]
    if outlets is not None and (
        not isinstance(outlets, list | tuple) or not all(isinstance(o, str) and o.strip() for o in outlets)
    ):
        raise QueryError(f"sources must be a list of outlet names. Currently, sources is {outlets!r}.")
    return Query(
        text=text,
        k=k,
        since=parse_date(since, "since"),
        until=parse_date(until, "until"),
        as_of=parse_date(as_of, "as_of"),
        outlets=tuple(o.strip() for o in outlets or ()),
    )
