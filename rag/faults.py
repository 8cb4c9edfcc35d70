"""Fault injection for the crash-safety tests: with ``NEWSRAG_CRASH_AT=POINT[:N]`` in the environment, the process
kills itself with SIGKILL the N-th time (default: the first) it reaches ``crash_point(POINT)``, so a test can stop
an ingestion at an exact step, for real. Without the variable (always, outside those tests) it does nothing.

Points: ``write-start`` (generation bumped, nothing written), ``chunks-deleted`` (an update's old chunks gone),
``chunks-written`` (new chunks in, records not yet), ``records-written`` (records in, generation not yet bumped
again), ``lexical-save`` (the new lexical index half-way to its folder)."""

from __future__ import annotations

import os
import signal

ENV = "NEWSRAG_CRASH_AT"
_reached: dict[str, int] = {}


def crash_point(name: str) -> None:
    spec = os.environ.get(ENV)
    if not spec:
        return
    point, _, nth = spec.partition(":")
    if point != name:
        return
    _reached[name] = _reached.get(name, 0) + 1
    if _reached[name] == int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
