"""Shared fixtures. The network is blocked for every test (loopback stays open for local servers); state goes
to tmp_path through NEWSRAG_STORE; the real embedding model is loaded once per session."""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "data" / "invented"
SAMPLE = ROOT / "data" / "sample"
SEED_ID = "000_131e969bff16db25"


class NetworkBlocked(RuntimeError):
    pass


def _is_local(address: object) -> bool:
    if not isinstance(address, tuple):  # AF_UNIX path
        return True
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def _block_network(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: object) -> None:
        if not _is_local(address):
            raise NetworkBlocked(f"test tried to reach {address!r}")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if not _is_local(address):
            raise NetworkBlocked(f"test tried to reach {address!r}")
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith("NEWSRAG_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("NEWSRAG_STORE", str(tmp_path / "store"))


@pytest.fixture(scope="session")
def embedder():  # type: ignore[no-untyped-def]
    from rag.embed import Embedder

    model = Embedder()
    model.warm_up()
    return model


@pytest.fixture()
def settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    from rag.settings import load_settings

    return load_settings(overrides={"store": str(tmp_path / "store")})


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the invented fixtures plus the shipped sample article."""
    folder = tmp_path / "corpus"
    shutil.copytree(FIXTURES, folder)
    shutil.copy(SAMPLE / f"{SEED_ID}.txt", folder)
    return folder


@pytest.fixture()
def ingested(corpus: Path, settings, embedder):  # type: ignore[no-untyped-def]
    """The corpus ingested into a fresh store; returns (settings, report)."""
    from ingest.run import ingest_paths

    report = ingest_paths([str(corpus)], settings, embedder=embedder, progress=False)
    assert report.ok, report.failed
    return settings, report


@pytest.fixture()
def pipeline(ingested, embedder):  # type: ignore[no-untyped-def]
    from rag.pipeline import build_pipeline

    return build_pipeline(ingested[0], embedder=embedder)


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A real Chroma server (`chroma run`) on a free loopback port, for the server-mode tests; its URL."""
    from eval.process import chroma_server as serving

    data = tmp_path_factory.mktemp("chroma-server")
    with serving(data / "db", log_path=data / "server.log", timeout=60) as (url, _):
        yield url
