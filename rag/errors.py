"""The one family of errors newsrag raises; the faces (CLI, app, API) turn them into user messages."""

from __future__ import annotations


class NewsragError(Exception):
    """Base class: every error newsrag raises on purpose is one of these, with a message fit for a user."""


class SettingsError(NewsragError):
    """A setting is unknown or has a bad value."""


class ModelError(NewsragError):
    """The embedding model cannot be loaded (newsrag never downloads one)."""


class StoreError(NewsragError):
    """The store cannot be opened, is locked, or is inconsistent."""


class StoreLockedError(StoreError):
    """Another writer holds the store lock."""


class ReadError(NewsragError):
    """An input file (or one line of it) cannot be read as an article."""

    def __init__(self, message: str, path: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line


class QueryError(NewsragError):
    """A question or its options are invalid (empty question, bad date, k out of range)."""
