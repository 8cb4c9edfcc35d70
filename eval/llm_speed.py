"""Developer tool: time to first token and tokens per second of the configured LLM on real prompts.

    python -m eval.llm_speed --store STORE ["question" ...]      # settings (llm, llm_model, ...) as everywhere

Builds the prompt newsrag would send for each question (retrieval, passages fitted to the window) and streams the
model's answer, printing prompt tokens, time to first token, output tokens and tokens/s after the first."""

from __future__ import annotations

import argparse
import time

from rag.generate import build_messages, fit_passages
from rag.pipeline import build_pipeline
from rag.settings import load_settings
from rag.types import Query

QUESTIONS = [
    "What did Mishustin say about universities?",
    "What are Russia and Belarus jointly opposing?",
    "Where did the presidents of Belarus and Russia meet?",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", required=True)
    ap.add_argument("questions", nargs="*")
    args = ap.parse_args()
    settings = load_settings(overrides={"store": args.store, "answer_mode": "llm"})
    pipeline = build_pipeline(settings)
    pipeline.warm_up()
    answerer = pipeline.answerer
    for question in args.questions or QUESTIONS:
        hits = pipeline.retriever.retrieve(Query(question, k=settings.top_k))
        passages = fit_passages(hits, answerer._passage_budget(question), answerer._count)  # type: ignore[attr-defined]
        messages = build_messages(question, passages, settings.max_answer_sentences)
        prompt = sum(answerer._count(m.content) for m in messages)  # type: ignore[attr-defined]
        t0, first, text = time.perf_counter(), None, ""
        for response in pipeline.llm.stream_chat(messages):
            first = first or time.perf_counter()
            text += response.delta or ""
        t1 = time.perf_counter()
        out = answerer._count(text)  # type: ignore[attr-defined]
        rate = (out - 1) / (t1 - first) if first and t1 > first and out > 1 else 0.0
        ttft = (first - t0) * 1000 if first else float("nan")
        print(
            f"prompt {prompt} tokens, first token {ttft:.0f} ms, {out} tokens out, {rate:.1f} tokens/s after the first"
        )


if __name__ == "__main__":
    main()
