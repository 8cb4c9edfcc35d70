"""The Gradio app, with the JSON API beside it on the same FastAPI server.

Ask tab: a chat whose answers stream in sentence by sentence (each already verified), citation chips that open the
cited article in the side panel with the span highlighted and scrolled into view, follow-up questions that use the
conversation, the options that produced each answer shown under it, a copy-as-Markdown export, and thumbs up/down
feedback (stored as JSONL beside the store; `newsrag eval import-feedback` turns it into golden cases).

Library tab: what is stored, searchable by title; open an article; upload new articles (type allowlist, size
limit, per-file errors, progress while embedding).

Safety: binds 127.0.0.1 by default; any other address needs a login (NEWSRAG_AUTH=user:password or --auth-file),
which then guards every route, the UI and /api/* alike (HTTP Basic, checked in constant time).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import html
import ipaddress
import json
import os
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rag.errors import NewsragError, SettingsError
from rag.jsonout import answer_to_json
from rag.offline import go_offline
from rag.pipeline import Pipeline, Result, build_pipeline
from rag.query import make_query
from rag.settings import Settings
from rag.types import Answer
from ui.api import UPLOAD_TYPES, Service, build_api
from ui.render import article_html, sources_html

if TYPE_CHECKING:
    import gradio as gr
    from fastapi import FastAPI

CSS = """
.nr-sources { font-size: 0.95em; }
.nr-source { border: 1px solid #ddd; border-radius: 8px; padding: 8px 10px; margin-bottom: 10px; }
.nr-date, .nr-origin, .nr-offsets { color: #666; font-size: 0.85em; }
.nr-span { white-space: pre-wrap; margin: 6px 0; }
.nr-span mark, .nr-article mark { background: #ffe58a; padding: 0 1px; }
.nr-article mark.nr-current { background: #ffb84d; outline: 2px solid #e08a00; }
.nr-article-head { margin-bottom: 10px; line-height: 1.4; }
.nr-article { white-space: pre-wrap; max-height: 560px; overflow-y: auto; line-height: 1.5; }
.nr-unsupported { color: #b00020; }
"""

SCROLL_JS = """
() => {
  const mark = document.querySelector('#nr-viewer mark.nr-current') || document.querySelector('#nr-viewer mark');
  if (mark) { mark.scrollIntoView({block: 'center'}); }
}
"""
COPY_JS = """
(markdown) => {
  if (markdown && navigator.clipboard) { navigator.clipboard.writeText(markdown).catch(() => {}); }
  return markdown;
}
"""
EMPTY_VIEWER = "<div class='nr-article nr-empty'>Click a citation to open its article here.</div>"


def answer_sources(pipeline: Pipeline, answer: Answer) -> str:
    articles = {}
    for source in answer.sources:
        article = pipeline.store.get_article(source.article_id)
        if article is not None:
            articles[source.article_id] = article
    return sources_html(answer, articles)


def chip_label(marker: int, title: str, published: str | None) -> str:
    return f"[{marker}] {title[:70]}{'…' if len(title) > 70 else ''} ({published or 'undated'})"


def answer_markdown(question: str, answer: dict[str, Any]) -> str:
    """The answer as Markdown with its citations and sources list, for pasting elsewhere."""
    lines = [f"**Q:** {question}", "", answer["answer"], ""]
    if answer["sources"]:
        lines.append("**Sources**")
        lines.append("")
        for source in answer["sources"]:
            where = source["url_or_path"]
            lines.append(f"[{source['marker']}] {source['title']} ({source['published'] or 'undated'}) {where}")
            for cit in answer["citations"]:
                if cit["marker"] == source["marker"]:
                    quote = " ".join(cit["quote"].split())
                    lines.append(f'    > "{quote}" (characters {cit["start"]}–{cit["end"]})')
    if answer.get("note"):
        lines += ["", f"_{answer['note']}_"]
    return "\n".join(lines).strip() + "\n"


def provenance(answer: dict[str, Any], k: int, since: str, until: str, outlets: list[str], typed: str = "") -> str:
    """What produced an answer, shown under it (with the question as searched when a follow-up was rewritten)."""
    when = f"published {since or '…'} – {until or '…'}" if since or until else "any date"
    where = ", ".join(outlets) if outlets else "all sources"
    text = f"{answer['mode']} · {k} passages · {when} · {where}"
    if answer.get("question") and answer["question"] != " ".join(typed.split()):
        text += f" · searched: “{answer['question']}”"
    return text


def build_ui(service: Service, feedback_path: Path) -> gr.Blocks:
    import gradio as gr

    settings = service.pipeline.settings
    modes = list(service.pipelines)

    def outlet_choices() -> list[str]:
        try:
            return list(service.store.outlets())
        except NewsragError:
            return []

    def respond(
        question: str,
        turns: list[dict[str, Any]],
        messages: list[dict[str, Any]],
        since: str,
        until: str,
        outlets: list[str],
        mode: str,
        k: float,
    ) -> Iterator[tuple[Any, ...]]:
        turns, messages = list(turns or []), list(messages or [])
        question = (question or "").strip()
        if not question:
            yield messages, turns, gr.update(), gr.update(), "", gr.update(), question
            return
        messages.append({"role": "user", "content": question})
        messages.append({"role": "assistant", "content": "…"})
        chips_off = gr.update(choices=[], value=None)
        yield messages, turns, chips_off, EMPTY_VIEWER, "", "", ""
        k = int(k)
        try:
            pipeline = service.pipeline_for(mode)
            query = make_query(question, k, since, until, None, outlets or None)
            # the questions as typed: each is made standalone again from the ones before (``condense_question``)
            history = [(t["question"], t["answer"]["answer"]) for t in turns]
            shown: list[str] = []
            result: Result | None = None
            with service.slot():
                for event in pipeline.stream(query, history):
                    if isinstance(event, Result):
                        result = event
                        break
                    flag = "" if event.sentence.supported else " **(not supported by its citations)**"
                    shown.append(event.text + flag)
                    messages[-1] = {"role": "assistant", "content": " ".join(shown)}
                    yield messages, turns, chips_off, EMPTY_VIEWER, "", "", ""
        except NewsragError as exc:
            messages[-1] = {"role": "assistant", "content": f"**Error:** {exc}"}
            yield messages, turns, chips_off, EMPTY_VIEWER, "", "", question
            return
        assert result is not None
        answer = answer_to_json(result.answer)
        body = " ".join(shown) if shown and not result.answer.abstained else result.answer.text
        short = result.answer.short_answer
        if short is not None and not result.answer.abstained and shown:
            # The short answer first and prominent (it streamed as the first sentence), the quotes below it.
            body = f"### {html.escape(short.said)} [{short.marker}]\n\n" + " ".join(shown[1:])
        if result.answer.note:
            body += f"\n\n*{result.answer.note}*"
        body += f"\n\n<small>{provenance(answer, k, since, until, outlets or [], question)}</small>"
        messages[-1] = {"role": "assistant", "content": body}
        turns.append(
            {
                "question": question,
                "answer": answer,
                "options": {"since": since, "until": until, "sources": outlets or [], "mode": mode, "k": k},
            }
        )
        chips = [chip_label(s["marker"], s["title"], s["published"]) for s in answer["sources"]]
        yield (
            messages,
            turns,
            gr.update(choices=chips, value=None),
            answer_sources(pipeline, result.answer),
            provenance(answer, k, since, until, outlets or [], question),
            answer_markdown(question, answer),
            "",
        )

    def open_citation(chip: str | None, turns: list[dict[str, Any]]) -> str:
        if not chip or not turns:
            return EMPTY_VIEWER
        answer = turns[-1]["answer"]
        try:
            marker = int(chip.split("]", 1)[0].lstrip("["))
        except ValueError:
            return EMPTY_VIEWER
        source = next((s for s in answer["sources"] if s["marker"] == marker), None)
        if source is None:
            return EMPTY_VIEWER
        article = service.store.get_article(source["article_id"])
        if article is None:
            return "<div class='nr-article'>That article is no longer in the store.</div>"
        spans = [(c["start"], c["end"]) for c in answer["citations"] if c["marker"] == marker]
        short = answer.get("short_answer")
        answer_at = short["start"] if short and short.get("marker") == marker else None
        return article_html(article, spans, marker=marker, answer_at=answer_at)

    def feedback(rating: str, comment: str, turns: list[dict[str, Any]]) -> tuple[str, str]:
        if not turns:
            return "Ask a question first.", comment
        last = turns[-1]
        record = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "rating": rating,
            "comment": (comment or "").strip()[:2000],
            "question": last["question"],
            "options": last.get("options", {}),
            **last["answer"],
        }
        feedback_path.parent.mkdir(parents=True, exist_ok=True)
        with feedback_path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        return f"Thanks: your feedback ({'helpful' if rating == 'up' else 'not helpful'}) is saved.", ""

    def library_rows(query: str) -> list[list[Any]]:
        try:
            rows = service.library(query or "")
        except NewsragError:
            return []
        return [[r["id"], r["title"], r["published"] or "", r["chunks"], r["outlet"]] for r in rows]

    def open_library_article(rows: Any, evt: gr.SelectData) -> str:
        try:
            article_id = rows.iloc[evt.index[0], 0] if hasattr(rows, "iloc") else rows[evt.index[0]][0]
        except (IndexError, KeyError, TypeError):
            return EMPTY_VIEWER
        found = service.store.get_article(str(article_id))
        return article_html(found, []) if found else EMPTY_VIEWER

    open_library_article.__annotations__["evt"] = gr.SelectData  # resolved here: gradio reads it at run time

    def upload(files: list[Any] | None, query: str, progress: Any = gr.Progress(track_tqdm=True)) -> tuple[Any, ...]:  # noqa: B008
        if not files:
            return "Choose one or more files first.", None, gr.update(), gr.update()
        loaded = []
        for f in files:
            path = Path(getattr(f, "name", f))
            loaded.append((getattr(f, "orig_name", None) or path.name, path.read_bytes()))
        progress(0, desc="Embedding…")
        report, _ = service.ingest_uploads(loaded, progress=True)
        lines = [
            f"**{report['added']} added, {report['updated']} updated, {report['unchanged']} unchanged, "
            f"{report['duplicates']} duplicates, {len(report['failed'])} failed** "
            f"({report['chunks']} chunks written)."
        ]
        for fail in report["failed"]:
            where = f"{fail['path']}:{fail['line']}" if fail.get("line") else fail["path"]
            lines.append(f"- ❌ `{where}`: {fail['error']}")
        for dup in report["duplicate_of"]:
            lines.append(f"- `{dup['path']}`: same text as stored article `{dup['duplicate_of']}`; stored once")
        return "\n".join(lines), None, library_rows(query), gr.update(choices=outlet_choices())

    with gr.Blocks(title="newsrag") as blocks:
        gr.Markdown("## newsrag\nAsk about the stored news articles. Every answer cites its sources; click a citation.")
        turns = gr.State([])
        with gr.Tab("Ask", id="ask"), gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Answers", height=440, elem_id="nr-chat")
                question = gr.Textbox(
                    label="Question",
                    placeholder="What did Mishustin say about universities?",
                    elem_id="nr-question",
                )
                with gr.Row():
                    ask_button = gr.Button("Ask", variant="primary", elem_id="nr-ask")
                    new_chat = gr.Button("New conversation", elem_id="nr-new")
                    copy_button = gr.Button("Copy as Markdown", elem_id="nr-copy")
                produced = gr.Markdown(elem_id="nr-provenance")
                with gr.Accordion("Options", open=False):
                    with gr.Row():
                        since = gr.Textbox(label="Published since (YYYY-MM-DD)", elem_id="nr-since")
                        until = gr.Textbox(label="Published until (YYYY-MM-DD)", elem_id="nr-until")
                    with gr.Row():
                        outlets = gr.Dropdown(
                            choices=outlet_choices(),
                            multiselect=True,
                            label="Sources (outlets)",
                            elem_id="nr-outlets",
                        )
                        mode = gr.Radio(
                            choices=modes,
                            value=service.default,
                            label="Answer mode" + ("" if "llm" in modes else " (start with --mode llm for LLM)"),
                            elem_id="nr-mode",
                        )
                        k = gr.Slider(1, 20, value=settings.top_k, step=1, label="Passages", elem_id="nr-k")
                with gr.Row():
                    up = gr.Button("Helpful", elem_id="nr-up", scale=0)
                    down = gr.Button("Not helpful", elem_id="nr-down", scale=0)
                    comment = gr.Textbox(label="Comment (optional)", elem_id="nr-comment", scale=3, max_lines=2)
                feedback_status = gr.Markdown(elem_id="nr-feedback-status")
                markdown = gr.Code(label="Answer as Markdown", language="markdown", elem_id="nr-markdown")
            with gr.Column(scale=2):
                chips = gr.Radio(choices=[], label="Citations: open a source", elem_id="nr-chips")
                viewer = gr.HTML(EMPTY_VIEWER, elem_id="nr-viewer")
                gr.Markdown("### Cited passages")
                sources = gr.HTML(elem_id="nr-sources")
        with gr.Tab("Library", id="library"), gr.Row():
            with gr.Column(scale=3):
                search = gr.Textbox(label="Search titles", elem_id="nr-lib-search")
                table = gr.Dataframe(
                    headers=["id", "title", "published", "chunks", "outlet"],
                    value=library_rows(""),
                    interactive=False,
                    elem_id="nr-library",
                )
                files = gr.File(
                    label=f"Add articles ({', '.join(UPLOAD_TYPES)}; at most {settings.upload_max_mb:g} MB each)",
                    file_count="multiple",
                    file_types=list(UPLOAD_TYPES),
                    elem_id="nr-upload",
                )
                add = gr.Button("Add to the store", variant="primary", elem_id="nr-upload-go")
                upload_result = gr.Markdown(elem_id="nr-upload-result")
            with gr.Column(scale=2):
                library_viewer = gr.HTML(EMPTY_VIEWER, elem_id="nr-lib-viewer")

        ask_inputs = [question, turns, chatbot, since, until, outlets, mode, k]
        ask_outputs = [chatbot, turns, chips, sources, produced, markdown, question]
        question.submit(respond, ask_inputs, ask_outputs)
        ask_button.click(respond, ask_inputs, ask_outputs)
        new_chat.click(
            lambda: ([], [], gr.update(choices=[], value=None), "", "", "", EMPTY_VIEWER),
            None,
            [chatbot, turns, chips, sources, produced, markdown, viewer],
        )
        chips.change(open_citation, [chips, turns], viewer).then(None, None, None, js=SCROLL_JS)
        copy_button.click(None, markdown, markdown, js=COPY_JS)
        up.click(lambda c, t: feedback("up", c, t), [comment, turns], [feedback_status, comment])
        down.click(lambda c, t: feedback("down", c, t), [comment, turns], [feedback_status, comment])
        search.change(library_rows, search, table)
        table.select(open_library_article, table, library_viewer)
        add.click(upload, [files, search], [upload_result, files, table, outlets])
    return blocks


# -- serving ---------------------------------------------------------------------------------------------------


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_credentials(auth_file: str | None = None, env: Any = None) -> list[tuple[str, str]]:
    """Logins from NEWSRAG_AUTH (``user:password``) and/or an auth file (one ``user:password`` a line, ``#``
    comments). Never from a command-line argument, which other users of the machine can read."""
    env = os.environ if env is None else env
    lines: list[tuple[str, str]] = []
    if env.get("NEWSRAG_AUTH"):
        lines.append(("NEWSRAG_AUTH", env["NEWSRAG_AUTH"]))
    if auth_file:
        path = Path(auth_file)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise SettingsError(f"Auth file {path} cannot be read: {exc.strerror or exc}.") from None
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("#"):
                lines.append((f"{path}:{number}", line.strip()))
    out = []
    for where, value in lines:
        user, sep, password = value.partition(":")
        if not sep or not user or not password:
            raise SettingsError(f"{where}: a login is 'user:password' with both parts non-empty.")
        out.append((user, password))
    return out


def check_bind(settings: Settings, credentials: list[tuple[str, str]] | None = None) -> None:
    credentials = load_credentials() if credentials is None else credentials
    if not _is_loopback(settings.host) and not credentials:
        raise SettingsError(
            f"Refusing to serve on {settings.host}: beyond loopback the app needs a login. "
            "Set NEWSRAG_AUTH=user:password in the environment or pass --auth-file FILE, or bind 127.0.0.1."
        )


class BasicAuth:
    """ASGI middleware: every request (the UI, Gradio's own routes, /api/*) needs one of the logins."""

    def __init__(self, app: Any, credentials: list[tuple[str, str]]) -> None:
        self.app = app
        self.credentials = [(u.encode(), p.encode()) for u, p in credentials]

    def _ok(self, header: bytes) -> bool:
        if not header.lower().startswith(b"basic "):
            return False
        try:
            user, _, password = base64.b64decode(header[6:].strip(), validate=True).partition(b":")
        except (binascii.Error, ValueError):
            return False
        found = False
        for u, p in self.credentials:  # compare with every login, in constant time
            found |= hmac.compare_digest(user, u) & hmac.compare_digest(password, p)
        return found

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers") or []).get(b"authorization", b"")
        if self._ok(header):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        body = b'{"detail": "Log in: this newsrag server needs a user name and password."}'
        await send(
            {
                "type": "http.response.start",
                "status": 401,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"www-authenticate", b'Basic realm="newsrag", charset="UTF-8"'),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def build_service(settings: Settings) -> Service:
    """The pipelines the app offers: the configured answer mode first, extractive always."""
    main = build_pipeline(settings)
    pipelines = {settings.answer_mode: main}
    if settings.answer_mode != "extractive":
        pipelines["extractive"] = build_pipeline(replace(settings, answer_mode="extractive"), embedder=main.embedder)
    return Service(pipelines, settings.max_concurrent, int(settings.upload_max_mb * 1_000_000))


def create_app(settings: Settings, credentials: list[tuple[str, str]] | None = None) -> FastAPI:
    go_offline()
    import gradio as gr

    service = build_service(settings)
    service.pipeline.warm_up()
    api = build_api(service)
    blocks = build_ui(service, Path(settings.store) / "feedback.jsonl")
    blocks.queue(default_concurrency_limit=settings.max_concurrent)
    app = gr.mount_gradio_app(
        api,
        blocks,
        path="/",
        css=CSS,
        max_file_size=int(settings.upload_max_mb * 1_000_000),
        footer_links=["api"],
    )
    if credentials:
        app.add_middleware(BasicAuth, credentials=credentials)
    return app


def serve(settings: Settings, auth_file: str | None = None) -> None:
    credentials = load_credentials(auth_file)
    check_bind(settings, credentials)
    import uvicorn

    app = create_app(settings, credentials)
    login = " (login required)" if credentials else ""
    print(f"newsrag: serving on http://{settings.host}:{settings.port}{login} (store {settings.store})", flush=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
