from datetime import date

import pytest

from rag.errors import SettingsError
from rag.settings import load_settings
from rag.types import Answer, Article, Citation, Source
from ui.app import check_bind
from ui.render import sources_html


def test_loopback_binds_need_no_login(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for host in ("127.0.0.1", "localhost", "::1"):
        check_bind(load_settings(env={}, overrides={"host": host}))


def test_other_binds_need_a_login(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SettingsError, match="NEWSRAG_AUTH"):
        check_bind(load_settings(env={}, overrides={"host": "0.0.0.0"}))
    monkeypatch.setenv("NEWSRAG_AUTH", "editor:secret")
    check_bind(load_settings(env={}, overrides={"host": "0.0.0.0"}))


def test_sources_panel_highlights_the_span_and_escapes_article_text() -> None:
    text = "Intro <script>alert(1)</script>. The quota grew to 1.3 thousand places. Outro."
    start = text.index("The quota")
    end = text.index("places.") + len("places.")
    answer = Answer(
        text="The quota grew to 1.3 thousand places. [1]",
        citations=[Citation(1, "a#0:x", "a", start, end, text[start:end], True)],
        sources=[Source(1, "a", "A <b>title</b>", date(2023, 9, 26), "a.txt")],
        abstained=False,
        mode="extractive",
    )
    html = sources_html(answer, {"a": Article("a", "A <b>title</b>", date(2023, 9, 26), "a.txt", None, text)})
    assert "<mark>The quota grew to 1.3 thousand places.</mark>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;title" in html
    assert "2023-09-26" in html


def test_the_app_serves_the_chat_page_and_the_api_together(ingested) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from ui.app import create_app

    settings, _ = ingested
    client = TestClient(create_app(settings))
    page = client.get("/")
    assert page.status_code == 200 and "<html" in page.text.lower()
    answer = client.post("/api/ask", json={"question": "Who won the Halvard Open chess tournament?"}).json()
    assert "Idris Okonkwo" in answer["answer"] and answer["sources"][0]["article_id"] == "102_invented_chess"
    assert client.get("/openapi.json").json()["paths"].keys() >= {"/api/ask", "/api/articles/{article_id}"}
