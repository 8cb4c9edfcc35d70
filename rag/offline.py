"""Keep every library of ours offline: no hub downloads, no telemetry. Called before heavy imports."""

from __future__ import annotations

import os

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
