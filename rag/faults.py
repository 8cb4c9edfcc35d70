"""Fault injection for the crash-safety tests: with ``NEWSRAG_CRASH_AT=POINT[:N]`` in the environment, the process
kills itself with SIGKILL the N-th time (default: the first) it reaches ``crash_point(POINT)``, so a test can stop
an ingestion at an exact step, for real. Without the variable (always, outside those tests) it does nothing.

Points: ``write-start`` (generation bumped, nothing written), ``chunks-deleted`` (an update's old chunks gone),
``chunks-written`` (new chunks in Chroma, not yet in the lexical index), ``lexical-write`` (the lexical index's
transaction for a write or delete, all but committed), ``records-written`` (records in, generation not yet bumped
again), ``generation-bumped`` (the store's clean generation set, the lexical index's not yet), ``lexical-sync``
(the transaction that brings the lexical index level with Chroma, all but committed), ``tombstones-written``
(a delete's tombstones in Chroma, its chunks and records not yet deleted), ``lexical-catch-up`` (the transaction
that applies the writes since the index's position, all but committed)."""

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
