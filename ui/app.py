"""The Gradio chat app, with JSON routes beside it on the same FastAPI server."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from rag.errors import NewsragError, SettingsError
from rag.offline import go_offline
from rag.pipeline import Pipeline, build_pipeline
from rag.query import make_query
from rag.settings import Settings
from rag.types import Answer
from ui.api import build_api
from ui.render import sources_html

if TYPE_CHECKING:
    import gradio as gr
    from fastapi import FastAPI

CSS = """
.nr-sources { font-size: 0.95em; }
.nr-source { border: 1px solid #ddd; border-radius: 8px; padding: 8px 10px; margin-bottom: 10px; }
.nr-date, .nr-origin, .nr-offsets { color: #666; font-size: 0.85em; }
.nr-span { white-space: pre-wrap; margin: 6px 0; }
.nr-span mark { background: #ffe58a; padding: 0 1px; }
.nr-unsupported { color: #b00020; }
"""


def answer_sources(pipeline: Pipeline, answer: Answer) -> str:
    articles = {}
    for source in answer.sources:
        article = pipeline.store.get_article(source.article_id)
        if article is not None:
            articles[source.article_id] = article
    return sources_html(answer, articles)


def build_ui(pipeline: Pipeline) -> gr.Blocks:
    import gradio as gr

    def respond(
        question: str, history: list[dict[str, Any]], since: str, until: str
    ) -> Iterator[tuple[list[dict[str, Any]], str, str]]:
        history = list(history or [])
        question = (question or "").strip()
        if not question:
            yield history, "", ""
            return
        history.append({"role": "user", "content": question})
        try:
            query = make_query(question, pipeline.settings.top_k, since, until)
            answer = pipeline.ask(query)
        except NewsragError as exc:
            history.append({"role": "assistant", "content": f"⚠️ {exc}"})
            yield history, "", ""
            return
        sources = answer_sources(pipeline, answer)
        # Stream the answer a quoted sentence at a time; each is already verified against its passage.
        pieces = answer.text.split("] ")
        shown = ""
        history.append({"role": "assistant", "content": ""})
        for i, piece in enumerate(pieces):
            shown += piece + ("] " if i < len(pieces) - 1 else "")
            history[-1] = {"role": "assistant", "content": shown.strip()}
            yield history, sources if i == len(pieces) - 1 else "", ""

    with gr.Blocks(title="newsrag") as blocks:
        gr.Markdown("## newsrag\nAsk about the stored news articles. Every answer quotes and cites its sources.")
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Answers", height=460, elem_id="nr-chat")
                question = gr.Textbox(
                    label="Question", placeholder="What did Mishustin say about universities?", elem_id="nr-question"
                )
                with gr.Row():
                    since = gr.Textbox(label="Published since (YYYY-MM-DD)", scale=1)
                    until = gr.Textbox(label="Published until (YYYY-MM-DD)", scale=1)
                    ask_button = gr.Button("Ask", variant="primary", scale=1, elem_id="nr-ask")
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML(elem_id="nr-sources")
        inputs = [question, chatbot, since, until]
        outputs = [chatbot, sources, question]
        question.submit(respond, inputs, outputs)
        ask_button.click(respond, inputs, outputs)
    return blocks


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(settings: Settings) -> None:
    if not _is_loopback(settings.host) and not os.environ.get("NEWSRAG_AUTH"):
        raise SettingsError(
            f"Refusing to serve on {settings.host}: beyond loopback the app needs a login. "
            "Set NEWSRAG_AUTH=user:password in the environment, or bind 127.0.0.1."
        )


def create_app(settings: Settings) -> FastAPI:
    go_offline()
    import gradio as gr

    pipeline = build_pipeline(settings)
    pipeline.warm_up()
    api = build_api(pipeline)
    return gr.mount_gradio_app(api, build_ui(pipeline), path="/", css=CSS)


def serve(settings: Settings) -> None:
    check_bind(settings)
    import uvicorn

    app = create_app(settings)
    print(f"newsrag: serving on http://{settings.host}:{settings.port} (store {settings.store})", flush=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
