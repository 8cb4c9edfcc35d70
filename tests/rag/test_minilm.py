"""The numpy encoder that embeds questions: the vectors sentence-transformers gives for the same texts, the same
word pieces and character spans as transformers' tokenizer, and a question answered in a fresh process without
importing torch, transformers, sentence-transformers or scipy (what made a fresh process's first answer 16 s)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rag.embed import Embedder, resolve_model_path
from rag.minilm import NumpyEncoder, _erf
from tests.conftest import FIXTURES, ROOT, SAMPLE, SEED_ID

pytestmark = pytest.mark.slow

TEXTS = [
    "What did Mishustin say about universities?",
    "Who won?",
    "Larkspur Bay's seawall cost 4.2 million euros — “more than planned”, said Mayor Quill (café owners disagreed).",
    "word " * 400,  # past the model's 256-piece window: cut as sentence-transformers cuts it
    "ÄÖÜ straße 東京 🚢 naïve résumé",
    "A",
]


def _texts() -> list[str]:
    seed = (SAMPLE / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    return TEXTS + [seed[i : i + 700] for i in range(0, len(seed), 700)]


def test_erf_is_exact_to_float32_resolution() -> None:
    import math

    x = np.linspace(-6, 6, 10001, dtype=np.float32)
    exact = np.array([math.erf(v) for v in x.tolist()])
    assert np.abs(_erf(x.astype(np.float64)) - exact).max() < 1.5e-7  # the approximation itself
    assert np.abs(_erf(x) - exact).max() < 1e-6  # in float32, with its rounding


def test_the_numpy_encoder_gives_sentence_transformers_vectors(embedder: Any) -> None:
    texts = _texts()
    reference = embedder._load().encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    light = Embedder()  # cpu or auto: questions go through the numpy encoder
    assert light._encoder() is not None
    vectors = light.embed(texts)
    assert vectors.shape == reference.shape and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(vectors * reference, axis=1)
    assert cosines.min() > (0.9999 if embedder.dtype == "float32" else 0.995), cosines
    # one text alone and in a batch of mixed lengths (padded, masked) give the same vector
    assert np.allclose(light.embed([texts[2]])[0], vectors[2], atol=1e-5)


def test_tokens_are_transformers_tokens_with_the_same_spans(embedder: Any) -> None:
    hf = embedder._load().tokenizer
    light = Embedder()
    for text in _texts():
        enc = hf(text, add_special_tokens=False, return_offsets_mapping=True)
        tokens = light.tokens(text)
        assert tokens.ids.tolist() == enc["input_ids"]
        assert tokens.spans == [tuple(span) for span in enc["offset_mapping"]]
    assert light.count_tokens(TEXTS) == [len(ids) for ids in hf(TEXTS, add_special_tokens=False)["input_ids"]]
    assert light.max_tokens == embedder.max_tokens and light.dim == embedder.dim


def test_a_folder_of_another_architecture_is_left_to_sentence_transformers(tmp_path: Path) -> None:
    source = resolve_model_path("packaged:all-MiniLM-L6-v2")
    assert NumpyEncoder.load(source) is not None
    for name, change in {
        "roberta": lambda c, p: c.update(model_type="roberta"),
        "cls-pooling": lambda c, p: p.update(pooling_mode_mean_tokens=False, pooling_mode_cls_token=True),
    }.items():
        folder = tmp_path / name
        folder.mkdir()
        for item in source.iterdir():
            if item.is_file():
                (folder / item.name).symlink_to(item)
        (folder / "1_Pooling").mkdir()
        config = json.loads((source / "config.json").read_text(encoding="utf-8"))
        pooling = json.loads((source / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        change(config, pooling)
        (folder / "config.json").unlink()
        (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
        (folder / "1_Pooling" / "config.json").write_text(json.dumps(pooling), encoding="utf-8")
        assert NumpyEncoder.load(folder) is None, name


FRESH = """
import json, sys
from rag.pipeline import build_pipeline
from rag.settings import load_settings
from rag.types import Query
pipeline = build_pipeline(load_settings())
pipeline.warm_up()
result = pipeline.run(Query("What did Mishustin say about universities?", k=5))
heavy = ["torch", "transformers", "sentence_transformers", "scipy", "sklearn", "llama_index"]
print(json.dumps({"loaded": [m for m in heavy if m in sys.modules], "abstained": result.answer.abstained,
                  "articles": sorted({c.article_id for c in result.answer.citations})}))
"""


def test_a_fresh_process_answers_without_importing_torch_or_llama_index(ingested: Any) -> None:
    """Question time needs none of torch's stack: a fresh process (``newsrag ask``, a new app worker) answers
    without importing it, so it neither pays its seconds of imports nor holds its hundreds of MB. Nor does it import
    LlamaIndex (~1.8 s): the extractive path's chain passes newsrag's own hits (``rag/llama.py`` adapts it)."""
    settings, _ = ingested
    env = {**os.environ, "NEWSRAG_STORE": str(settings.store), "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", FRESH], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, check=False
    )
    assert out.returncode == 0, out.stderr[-3000:]
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["loaded"] == [], figures
    assert not figures["abstained"] and figures["articles"] == [SEED_ID], figures
    assert FIXTURES.is_dir()
