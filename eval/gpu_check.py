"""Developer check of the GPU path: the same texts embedded on the CPU and on a CUDA GPU, speed and agreement.

    python -m eval.gpu_check [--texts 4000] [--min-cosine 0.99] [--cpu-dtype float32] [--json FILE]

The texts are what ingestion embeds: the chunks of the bundled sample article (``data/sample``), then deterministic
synthetic sentences and passages of varied length, up to ``--texts``. Each device embeds them through
``Embedder.embed`` (the word-piece path of ingestion and queries) after a warm-up: the CPU in ``--cpu-dtype`` (the
reference; float32 by default), the GPU as ``embedding_device = cuda`` runs it (float16, ``--gpu-dtype``). Prints
one JSON object: texts/s on each, the speedup, and the min/mean cosine between the two vectors of each text; exit
code 1 when the min cosine is below ``--min-cosine``. On a machine where torch sees no CUDA GPU it says so and exits
0: there is nothing to check.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"
_PLACES = ["Tromsvik", "Pellworth", "Glenmoor", "Arvika", "Lindholm", "Kestrel Bay", "Ostrava", "Marlow"]
_SUBJECTS = ["The council", "The ferry operator", "The museum board", "Local farmers", "The hospital", "Police"]
_VERBS = ["approved", "postponed", "criticised", "announced", "reviewed", "rejected", "funded", "questioned"]
_OBJECTS = [
    "a new timetable",
    "the harbour expansion",
    "next year's budget",
    "a plan to rebuild the bridge",
    "the school merger",
    "higher parking fees",
    "the festival's new route",
]


def synthetic_text(i: int) -> str:
    """A deterministic news-like text; lengths run from one short sentence to a passage near the model's window."""
    sentences = []
    for j in range(1 + (i * 7) % 12):
        k = i + 3 * j
        sentences.append(
            f"{_SUBJECTS[k % len(_SUBJECTS)]} in {_PLACES[(k // 3) % len(_PLACES)]} {_VERBS[(k // 2) % len(_VERBS)]} "
            f"{_OBJECTS[(k // 5) % len(_OBJECTS)]} on day {k % 28 + 1}, citing {k % 97 + 3} complaints."
        )
    return " ".join(sentences)


def check_texts(n: int, embedder: Any) -> list[str]:
    """``n`` texts: the sample articles' chunks (as ingestion cuts them), then synthetic ones."""
    from ingest.readers import InputFile, Read, read_file
    from ingest.run import make_chunker
    from rag.settings import Settings

    chunker = make_chunker(Settings(), embedder)
    texts: list[str] = []
    for path in sorted(SAMPLE.glob("*.txt")):
        for result in read_file(InputFile(path, str(path), path.name)):
            if isinstance(result, Read):
                texts.extend(chunk.text for chunk in chunker.chunk(result.article))
    texts = texts[:n]
    texts.extend(synthetic_text(i) for i in range(n - len(texts)))
    return texts


def _timed(embedder: Any, texts: list[str]) -> tuple[np.ndarray, float]:
    embedder.warm_up_ingestion()
    embedder.embed_batch(texts[:64])  # kernels, allocator and batch shapes set up before the clock starts
    t0 = time.perf_counter()
    vectors = embedder.embed_batch(texts)  # ingestion's path; returns NumPy arrays: the GPU's work has finished
    return vectors, time.perf_counter() - t0


def compare(reference: Any, other: Any, texts: list[str], min_cosine: float) -> dict[str, Any]:
    """Both embedders on ``texts``: speed of each (texts/s), and how close ``other``'s vectors are to the
    ``reference``'s (cosine per text: min and mean); ``ok`` when the min reaches ``min_cosine``."""
    ref_vectors, ref_s = _timed(reference, texts)
    vectors, s = _timed(other, texts)
    cosines = (ref_vectors * vectors).sum(axis=1)
    figures = {
        "texts": len(texts),
        "cpu_device": reference.device,
        "cpu_dtype": reference.dtype,
        "gpu_device": other.device,
        "gpu_dtype": other.dtype,
        "cpu_texts_per_s": round(len(texts) / ref_s, 1),
        "gpu_texts_per_s": round(len(texts) / s, 1),
        "speedup": round(ref_s / s, 2),
        "min_cosine": round(float(cosines.min()), 5),
        "mean_cosine": round(float(cosines.mean()), 5),
        "min_cosine_required": min_cosine,
    }
    figures["ok"] = bool(cosines.min() >= min_cosine)
    return figures


def run(n: int, cpu_dtype: str, gpu_dtype: str, min_cosine: float) -> tuple[dict[str, Any], int]:
    """The figures and the exit code: 0 when the GPU's vectors agree (or there is no GPU to check), else 1."""
    import torch

    from rag.embed import Embedder

    if not torch.cuda.is_available():
        reason = "built for the CPU only" if torch.version.cuda is None else "no usable CUDA GPU found"
        return {"cuda": False, "skipped": f"torch {torch.__version__} sees no CUDA GPU ({reason})"}, 0
    cpu = Embedder(dtype=cpu_dtype, device="cpu")
    gpu = Embedder(dtype=gpu_dtype, device="cuda")
    figures = {"cuda": True, "gpu": torch.cuda.get_device_name(0)}
    figures.update(compare(cpu, gpu, check_texts(n, cpu), min_cosine))
    return figures, 0 if figures["ok"] else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m eval.gpu_check", description="CPU vs CUDA embeddings: speed and cosine agreement."
    )
    ap.add_argument("--texts", type=int, default=4000, help="texts to embed on each device (default 4000)")
    ap.add_argument("--cpu-dtype", default="float32", help="the CPU reference's precision (default float32)")
    ap.add_argument("--gpu-dtype", default="auto", help="the GPU's precision (default auto: float16)")
    ap.add_argument("--min-cosine", type=float, default=0.99, help="fail below this min cosine (default 0.99)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args(argv)
    if args.texts < 1:
        ap.error(f"--texts must be at least 1. Currently, it is {args.texts}.")
    figures, code = run(args.texts, args.cpu_dtype, args.gpu_dtype, args.min_cosine)
    if not figures["cuda"]:
        print(f"gpu_check: {figures['skipped']}: nothing to check here; run it on a machine with one.", file=sys.stderr)
    elif code:
        print(
            f"gpu_check: FAILED: min cosine {figures['min_cosine']} < {args.min_cosine} between CPU and GPU vectors",
            file=sys.stderr,
        )
    text = json.dumps(figures, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main())
