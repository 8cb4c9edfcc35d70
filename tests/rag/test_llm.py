"""The LLM backends' wiring, without loading a model: what newsrag hands llama.cpp's constructor."""

from __future__ import annotations

import sys
import types
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from rag import llm
from rag.llm import build_llm, parse_llm
from rag.settings import Settings


@pytest.fixture()
def fake_llama_cpp(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """``llama_cpp`` replaced by a module whose ``Llama`` records its keyword arguments (no model is loaded)."""
    made: list[dict[str, Any]] = []

    class Llama:
        def __init__(self, **kwargs: Any) -> None:
            made.append(kwargs)

        def close(self) -> None:
            pass

    monkeypatch.setitem(sys.modules, "llama_cpp", types.SimpleNamespace(Llama=Llama))
    monkeypatch.setattr(llm, "_models", {})
    return made


def test_llm_gpu_layers_reaches_the_llama_cpp_constructor(fake_llama_cpp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gguf = tmp_path / "model.gguf"
    gguf.write_bytes(b"GGUF")
    spec = parse_llm(f"llamacpp:{gguf}")
    build_llm(spec, Settings())
    build_llm(spec, replace(Settings(), llm_gpu_layers=-1))
    build_llm(spec, replace(Settings(), llm_gpu_layers=-1))  # the loaded model is reused
    assert [(m["model_path"], m["n_gpu_layers"]) for m in fake_llama_cpp] == [(str(gguf), 0), (str(gguf), -1)]
