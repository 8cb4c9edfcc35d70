"""Deterministic fakes for unit tests of logic: they still rank (texts sharing words are close)."""

from __future__ import annotations

import hashlib
from datetime import date

import numpy as np

from rag.answerability import AnswerabilityModel
from rag.short_answer import ShortAnswerModel
from rag.text import key_terms
from rag.types import Chunk, Hit

DIM = 64

# A fixed answerability model for unit tests of the answerer's logic (refitting the shipped model must not change
# them): it wants the question's names in the article, its other terms in the article and the sentence, and, when
# the question asks for a kind of thing (a person, a number), a sentence that offers one.
TEST_MODEL = AnswerabilityModel(
    {
        "names_article": 4.0,
        "topic_article": 2.0,
        "topic_sentence": 2.0,
        "coverage": 1.0,
        "asks_type": -3.0,
        "type_match": 3.0,
    },
    bias=-5.0,
    threshold=0.5,
)


# A fixed entity ranker for the unit tests that test what a feature does (refitting the shipped one must not flip
# them: two candidates of a synthetic sentence are often within a hundredth of each other): the shipped model's
# signs, with the meaning of what is asked ("kind") weighed clearly above nearness.
TEST_SHORT_MODEL = ShortAnswerModel(
    {"support": 1.0, "kind": 3.0, "distance": -0.5, "title": 1.7, "clause": 1.6, "nearby": 0.8}, sentences=20, none=2.0
)


def word_vector(text: str) -> np.ndarray:
    """A bag of hashed stems, L2-normalised: cosine grows with shared key terms."""
    vec = np.zeros(DIM, dtype=np.float32)
    for term in key_terms(text):
        vec[int(hashlib.md5(term.encode()).hexdigest(), 16) % DIM] += 1.0
    norm = np.linalg.norm(vec)
    return vec / norm if norm else vec


def fake_embed(texts: list[str]) -> np.ndarray:
    return np.stack([word_vector(t) for t in texts]) if texts else np.zeros((0, DIM), dtype=np.float32)


def word_count_tokens(texts: list[str]) -> list[int]:
    return [len(t.split()) for t in texts]


def word_token_spans(text: str) -> list[tuple[int, int]]:
    import re

    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def scripted_llm(reply: str | Exception, context_window: int = 4096, fail_after: int | None = None, step: int = 7):  # type: ignore[no-untyped-def]
    """A LlamaIndex chat model that streams ``reply`` a few characters at a time (or raises ``reply``), and
    records the messages it was sent: for the generation chain's logic without a model."""
    from typing import Any

    from llama_index.core.base.llms.types import (
        ChatMessage,
        ChatResponse,
        CompletionResponse,
        LLMMetadata,
        MessageRole,
    )
    from llama_index.core.llms.custom import CustomLLM

    class ScriptedLLM(CustomLLM):
        sent: list = []  # noqa: RUF012

        @property
        def metadata(self) -> LLMMetadata:
            return LLMMetadata(context_window=context_window, num_output=64, is_chat_model=True)

        def count_tokens(self, text: str) -> int:
            return len(text.split())

        def stream_chat(self, messages: Any, **kwargs: Any) -> Any:
            self.sent.append(list(messages))

            def gen() -> Any:
                if isinstance(reply, Exception):
                    raise reply
                text = ""
                for i in range(0, len(reply), step):
                    if fail_after is not None and i >= fail_after:
                        raise ConnectionError("connection reset by peer")
                    delta = reply[i : i + step]
                    text += delta
                    yield ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text), delta=delta)

            return gen()

        def chat(self, messages: Any, **kwargs: Any) -> ChatResponse:
            text = "".join(r.delta for r in self.stream_chat(messages))
            return ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text))

        def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
            return CompletionResponse(
                text=self.chat([ChatMessage(role=MessageRole.USER, content=prompt)]).message.content
            )

        def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> Any:
            raise NotImplementedError

    return ScriptedLLM()


def text_hit(text: str, article_id: str, query: str, start: int = 0) -> Hit:
    """A retrieved passage ``text`` of article ``article_id`` at ``start``, scored by its fake cosine to ``query``."""
    score = float(word_vector(text) @ word_vector(query))
    chunk = Chunk(f"{article_id}#0:x", article_id, 0, start, start + len(text), text)
    return Hit(chunk, score, {"dense": score}, title=f"Title {article_id}", published=date(2024, 3, 12), source="a")
