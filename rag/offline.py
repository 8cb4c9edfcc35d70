"""Keep every library of ours offline: no hub downloads, no telemetry. Called before heavy imports."""

from __future__ import annotations

import importlib
import os
import sys
import threading
from typing import Any

_OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}


def go_offline() -> None:
    """Set the environment so that Hugging Face, Gradio and Chroma never reach for the network."""
    for key, value in _OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


# Held while a module is imported with torch hidden (``import_without_torch``) and while torch itself is first
# imported, so that no thread finds torch hidden when it needs it.
_TORCH_IMPORT_LOCK = threading.RLock()


def import_without_torch(module: str) -> Any:
    """Import ``module`` (spaCy) without letting it import torch as a side effect: thinc, spaCy's machine-learning
    library, imports torch whenever it is installed (to offer torch-backed layers that the small English pipeline
    never uses), which costs a fresh process two seconds and 200 MB before its first answer. Where torch is already
    imported nothing is hidden; thinc then sees it as it always did."""
    with _TORCH_IMPORT_LOCK:
        if module in sys.modules or "torch" in sys.modules:
            return importlib.import_module(module)
        sys.modules["torch"] = None  # type: ignore[assignment]  # ``import torch`` raises ImportError meanwhile
        try:
            return importlib.import_module(module)
        finally:
            if "torch" in sys.modules and sys.modules["torch"] is None:
                del sys.modules["torch"]


def import_torch() -> Any:
    """``import torch``, never while ``import_without_torch`` hides it in another thread."""
    with _TORCH_IMPORT_LOCK:
        import torch

        return torch
