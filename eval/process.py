"""Servers that the benchmarks and the tests start themselves (`newsrag serve`, `chroma run`, llama.cpp's server):
a free loopback port, the subprocess with its output in a log file, readiness by polling a URL, and a clean stop."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from rag.errors import NewsragError


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running(
    cmd: Sequence[str],
    ready_url: str,
    name: str,
    env: Mapping[str, str] | None = None,
    timeout: float = 120.0,
    log_path: Path | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    """Start ``cmd``, wait until ``ready_url`` answers 200, yield the process, stop it afterwards. A process that
    exits or never gets ready is a NewsragError with the end of its output."""
    import httpx

    log_file = log_path.open("w+b") if log_path else tempfile.TemporaryFile()  # noqa: SIM115 - closed below
    with log_file as log:
        proc = subprocess.Popen(list(cmd), stdout=log, stderr=subprocess.STDOUT, env=dict(env) if env else None)

        def tail() -> str:
            log.flush()
            log.seek(0)
            return log.read().decode(errors="replace")[-2000:]

        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    raise NewsragError(f"{name} exited with code {proc.returncode}: {tail()}")
                try:
                    if httpx.get(ready_url, timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise NewsragError(f"{name} did not get ready within {timeout:g} s: {tail()}")
                time.sleep(0.3)
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@contextmanager
def chroma_server(path: Path, log_path: Path | None = None, timeout: float = 120.0) -> Iterator[tuple[str, int]]:
    """``chroma run`` over the folder ``path`` on a free loopback port until the block ends: its URL and process
    id. The environment's own ``chroma`` command is used (beside this Python), else one on PATH; neither is a
    NewsragError naming the fix."""
    beside = Path(sys.executable).with_name("chroma")
    chroma = str(beside) if beside.is_file() else shutil.which("chroma")
    if chroma is None:
        raise NewsragError(
            "starting `chroma run`, but no `chroma` command was found beside this Python or on PATH: install "
            "chromadb into this environment."
        )
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    with running(cmd, f"{url}/api/v2/heartbeat", "chroma run", env=env, timeout=timeout, log_path=log_path) as proc:
        yield url, proc.pid
