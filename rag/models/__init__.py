"""The fitted models' weights (small JSON files, fitted by the ``eval.fit_*`` scripts) and their reader."""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any


def read_model(name: str, path: str | Path | None = None) -> dict[str, Any]:
    """A fitted model's JSON: the shipped file ``name`` of this package, or the file at ``path``."""
    if path is None:
        return json.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))
    return json.loads(Path(path).read_text(encoding="utf-8"))


def refuse_unknown(weights: Iterable[str], known: tuple[str, ...], what: str) -> None:
    """A clear error for weights of features this version does not compute (a file from another version)."""
    unknown = set(weights) - set(known)
    if unknown:
        raise ValueError(f"{what} has unknown features {sorted(unknown)}; known: {known}")
