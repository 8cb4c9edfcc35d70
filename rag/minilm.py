"""A sentence-transformers BERT encoder (all-MiniLM-L6-v2 and its kin) run in plain numpy, for question time.

A fresh process that answers one question should not pay for importing torch, transformers and sentence-transformers
(about 11 s of a 16 s first answer on this project's 2-core machine, ``newsrag eval scale``'s ``imports_s``) nor hold
their ~450 MB: a question is one short text through a 6-layer, 384-wide network, a few milliseconds of matrix products.
This module reads the same folder sentence-transformers loads (``config.json``, ``model.safetensors``,
``tokenizer.json``, the pooling config) with ``safetensors`` and ``tokenizers`` (both already sentence-transformers'
own dependencies, imported in a fraction of a second) and computes what ``SentenceTransformer.encode`` computes:
BERT's embeddings and encoder layers, mean pooling over the attention mask, L2 normalisation. The vectors agree with
sentence-transformers' float32 ones to cosine > 0.9999 (``tests/rag/test_minilm.py``), so stored vectors made by
either are interchangeable.

Only the architecture it implements is taken: ``model_type`` ``bert`` with absolute positions and GELU, mean pooling
alone; any other model folder returns None from ``NumpyEncoder.load`` and is run by sentence-transformers.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

# Abramowitz & Stegun 7.1.26: erf to within 1.5e-7 (float32's own resolution near 1), for BERT's exact GELU
# (numpy has no erf; scipy's would cost an import as large as the saving).
_P = 0.3275911
_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


def _erf(x: np.ndarray) -> np.ndarray:
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + _P * a)
    poly = ((((_A[4] * t + _A[3]) * t + _A[2]) * t + _A[1]) * t + _A[0]) * t
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476)))


def _dense(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """``x @ weight.T + bias`` for ``weight`` stored (out, in), computed as ``(weight @ x.T).T``: with a question's
    few rows OpenBLAS's small-matrix product is 1.7x faster this way round (0.61 vs 1.04 ms for 19 x 384 x 1152 on
    one thread here)."""
    return (weight @ x.T).T + bias


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + eps) * weight + bias


# A question's matrices are small (tens of rows): OpenBLAS splits them over every core anyway, and its threads then
# cost more than they save: 10-25 ms a question on one thread against 50-700 ms on two cores that ingestion keeps
# busy (measured on this project's machine). The thread count is the BLAS library's, process-wide: it is lowered
# only while a question is encoded, one encoding at a time.
_ONE_BLAS_THREAD = threading.Lock()


@lru_cache(maxsize=1)
def _blas() -> Any:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # then BLAS keeps its own thread count
        return None
    return ThreadpoolController().select(user_api="blas")


def _one_blas_thread() -> contextlib.AbstractContextManager[Any]:
    blas = _blas()
    return blas.limit(limits=1) if blas is not None and blas.lib_controllers else contextlib.nullcontext()


@dataclass(frozen=True)
class _Layer:
    qkv_w: np.ndarray  # (3 * hidden, hidden): query, key and value projections stacked, as stored (out, in)
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_w: np.ndarray
    ln1_b: np.ndarray
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    ln2_w: np.ndarray
    ln2_b: np.ndarray


class NumpyEncoder:
    """Word-piece ids in, L2-normalised float32 sentence vectors out. Thread-safe (it holds no mutable state)."""

    def __init__(self, weights: dict[str, np.ndarray], config: dict, max_seq_length: int) -> None:
        self.hidden = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.max_seq_length = max_seq_length
        prefix = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""

        def w(name: str) -> np.ndarray:
            return np.ascontiguousarray(weights[prefix + name], dtype=np.float32)

        self.word = w("embeddings.word_embeddings.weight")
        self.position = w("embeddings.position_embeddings.weight")
        self.token_type0 = w("embeddings.token_type_embeddings.weight")[0]
        self.ln_w, self.ln_b = w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias")
        self.layers: list[_Layer] = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            att = p + "attention."
            self.layers.append(
                _Layer(
                    qkv_w=np.concatenate([w(att + f"self.{n}.weight") for n in ("query", "key", "value")]),
                    qkv_b=np.concatenate([w(att + f"self.{n}.bias") for n in ("query", "key", "value")]),
                    out_w=w(att + "output.dense.weight"),
                    out_b=w(att + "output.dense.bias"),
                    ln1_w=w(att + "output.LayerNorm.weight"),
                    ln1_b=w(att + "output.LayerNorm.bias"),
                    up_w=w(p + "intermediate.dense.weight"),
                    up_b=w(p + "intermediate.dense.bias"),
                    down_w=w(p + "output.dense.weight"),
                    down_b=w(p + "output.dense.bias"),
                    ln2_w=w(p + "output.LayerNorm.weight"),
                    ln2_b=w(p + "output.LayerNorm.bias"),
                )
            )

    @property
    def dim(self) -> int:
        return self.hidden

    @classmethod
    def load(cls, folder: Path) -> NumpyEncoder | None:
        """The encoder for a sentence-transformers folder, or None where the folder is not a plain BERT with mean
        pooling (then sentence-transformers runs it) or lacks ``model.safetensors``."""
        try:
            config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
            modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if (
            config.get("model_type") != "bert"
            or config.get("hidden_act", "gelu") != "gelu"
            or config.get("position_embedding_type", "absolute") != "absolute"
        ):
            return None
        kinds = [str(m.get("type", "")).rsplit(".", 1)[-1] for m in modules]
        if kinds not in (["Transformer", "Pooling", "Normalize"], ["Transformer", "Pooling"]):
            return None
        pooling_path = folder / next(m.get("path", "") for m in modules if str(m.get("type", "")).endswith("Pooling"))
        try:
            pooling = json.loads((pooling_path / "config.json").read_text(encoding="utf-8"))
            st_config = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        modes = {k: v for k, v in pooling.items() if k.startswith("pooling_mode") and v}
        if set(modes) != {"pooling_mode_mean_tokens"} or not (folder / "model.safetensors").is_file():
            return None
        from safetensors.numpy import load_file

        max_len = min(int(st_config.get("max_seq_length", 512)), int(config.get("max_position_embeddings", 512)))
        try:
            return cls(load_file(str(folder / "model.safetensors")), config, max_len)
        except KeyError:  # a weight this architecture needs is missing: not the BERT it claims to be
            return None

    def encode(self, ids: Sequence[Sequence[int]], cls_id: int, sep_id: int, batch_size: int = 32) -> np.ndarray:
        """Vectors for texts given as word pieces without special tokens (cut to ``max_seq_length`` with them),
        batched as ``Embedder.embed_ids`` batches: longest first, cut where padding would dominate."""
        from rag.embed import _batches

        limit = self.max_seq_length - 2
        lengths = [min(len(p), limit) for p in ids]
        order = np.argsort([-n for n in lengths], kind="stable")
        out = np.empty((len(ids), self.hidden), dtype=np.float32)
        with _ONE_BLAS_THREAD, _one_blas_thread():
            for rows in _batches(order, lengths, batch_size):
                width = lengths[rows[0]] + 2
                batch = np.zeros((len(rows), width), dtype=np.int64)  # [PAD] is id 0 in BERT vocabularies
                mask = np.zeros((len(rows), width), dtype=np.float32)
                for r, i in enumerate(rows):
                    pieces = [cls_id, *list(ids[i])[:limit], sep_id]
                    batch[r, : len(pieces)] = pieces
                    mask[r, : len(pieces)] = 1.0
                out[rows] = self._forward(batch, mask)
        return out

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        n, length = ids.shape
        heads, size = self.heads, self.hidden // self.heads
        x = self.word[ids] + self.position[:length] + self.token_type0
        x = _layer_norm(x, self.ln_w, self.ln_b, self.eps)
        # Padding is hidden from attention with float32's lowest value, as transformers' BERT does.
        bias = ((1.0 - mask) * np.finfo(np.float32).min)[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(size))
        x = x.reshape(n * length, self.hidden)  # dense layers as one 2-D product each
        for layer in self.layers:
            qkv = np.ascontiguousarray(_dense(x, layer.qkv_w, layer.qkv_b)).reshape(n, length, 3, heads, size)
            q, k, v = (
                np.ascontiguousarray(qkv[:, :, j].transpose(0, 2, 1, 3)) for j in range(3)
            )  # (n, heads, length, size)
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n * length, self.hidden)
            x = _layer_norm(_dense(context, layer.out_w, layer.out_b) + x, layer.ln1_w, layer.ln1_b, self.eps)
            up = _gelu(_dense(x, layer.up_w, layer.up_b))
            x = _layer_norm(_dense(up, layer.down_w, layer.down_b) + x, layer.ln2_w, layer.ln2_b, self.eps)
        x = x.reshape(n, length, self.hidden)
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)
