"""`newsrag eval load`: many clients asking questions of a running `newsrag serve` (its JSON API) at once, for a
while; prints throughput and latency percentiles. A benchmark, not a test: figures depend on the machine."""

from __future__ import annotations

import itertools
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from eval.metrics import percentile
from eval.process import free_port, running

DEFAULT_QUESTIONS = [
    "What did Mishustin say about universities?",
    "How many places does the Russian government quota for Belarusian students have?",
    "What are Russia and Belarus jointly opposing?",
    "Where did the presidents of Belarus and Russia meet?",
    "Which national platforms should countries develop?",
    "Who won the football world cup?",
]


def run_load(
    url: str, questions: Sequence[str], clients: int, duration: float, auth: tuple[str, str] | None = None
) -> dict[str, Any]:
    import httpx

    stop = time.monotonic() + duration
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    lock = threading.Lock()
    cycle = itertools.cycle(questions)

    def client(number: int) -> None:
        with httpx.Client(base_url=url, timeout=120, auth=auth) as http:
            while time.monotonic() < stop:
                with lock:
                    question = next(cycle)
                t = time.perf_counter()
                try:
                    response = http.post("/api/ask", json={"question": question})
                    status = str(response.status_code)
                    if response.status_code == 200:
                        response.json()["answer"]  # a whole, well-formed answer
                except (httpx.HTTPError, ValueError, KeyError) as exc:
                    status = type(exc).__name__
                elapsed = (time.perf_counter() - t) * 1000
                with lock:
                    statuses[status] += 1
                    if status == "200":
                        latencies.append(elapsed)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    total = sum(statuses.values())
    return {
        "url": url,
        "clients": clients,
        "duration_s": round(wall, 1),
        "requests": total,
        "errors": total - statuses.get("200", 0),
        "statuses": dict(statuses),
        "throughput_rps": round(statuses.get("200", 0) / wall, 2) if wall else 0.0,
        "latency_p50_ms": round(percentile(latencies, 50), 1),
        "latency_p95_ms": round(percentile(latencies, 95), 1),
        "latency_p99_ms": round(percentile(latencies, 99), 1),
    }


@contextmanager
def served(store: str, extra_env: dict[str, str] | None = None, log: Any = lambda _: None) -> Iterator[tuple[str, int]]:
    """`newsrag serve` over ``store`` on a free loopback port, for the duration of the block: (URL, pid)."""
    port = free_port()
    newsrag = str(Path(sys.executable).with_name("newsrag"))
    url = f"http://127.0.0.1:{port}"
    cmd = [newsrag, "--store", store, "serve", "--port", str(port)]
    env = {**os.environ, **(extra_env or {})}
    with running(cmd, f"{url}/api/sources", "newsrag serve", env=env, timeout=180) as proc:
        log(f"serving {store} on {url} (pid {proc.pid})")
        yield url, proc.pid


def peak_rss_mb(pid: int) -> float | None:
    """Peak resident memory of a running process (Linux), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None
