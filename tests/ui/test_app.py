from datetime import date

import pytest

from rag.errors import SettingsError
from rag.settings import load_settings
from rag.types import Answer, Article, Citation, Source
from ui.app import answer_markdown, check_bind, load_credentials
from ui.render import article_html, sources_html


def test_loopback_binds_need_no_login(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for host in ("127.0.0.1", "localhost", "::1"):
        check_bind(load_settings(env={}, overrides={"host": host}))


def test_other_binds_need_a_login(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SettingsError, match="NEWSRAG_AUTH"):
        check_bind(load_settings(env={}, overrides={"host": "0.0.0.0"}))
    monkeypatch.setenv("NEWSRAG_AUTH", "editor:secret")
    check_bind(load_settings(env={}, overrides={"host": "0.0.0.0"}))
    monkeypatch.delenv("NEWSRAG_AUTH")
    logins = tmp_path / "logins"
    logins.write_text("# editors\nana:pw1\nbo:pw:with:colons\n")
    assert load_credentials(str(logins), env={}) == [("ana", "pw1"), ("bo", "pw:with:colons")]
    check_bind(load_settings(env={}, overrides={"host": "0.0.0.0"}), load_credentials(str(logins), env={}))


def test_bad_logins_are_clear_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SettingsError, match="user:password"):
        load_credentials(env={"NEWSRAG_AUTH": "no-colon"})
    with pytest.raises(SettingsError, match="cannot be read"):
        load_credentials(str(tmp_path / "missing"), env={})
    bad = tmp_path / "logins"
    bad.write_text("ana:\n")
    with pytest.raises(SettingsError, match=f"{bad}:1"):
        load_credentials(str(bad), env={})


def test_a_login_guards_the_ui_and_every_api_route(ingested) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from ui.app import create_app

    settings, _ = ingested
    client = TestClient(create_app(settings, credentials=[("editor", "s3cret")]))
    for method, path in [("get", "/"), ("get", "/api/articles"), ("get", "/api/sources"), ("get", "/openapi.json")]:
        response = getattr(client, method)(path)
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"].startswith("Basic")
    assert client.post("/api/ask", json={"question": "Who won the chess tournament?"}).status_code == 401
    assert client.post("/api/ingest").status_code == 401
    assert client.get("/api/sources", auth=("editor", "wrong")).status_code == 401
    assert client.get("/api/sources", auth=("someone", "s3cret")).status_code == 401
    assert client.get("/api/sources", auth=("editor", "s3cret")).status_code == 200
    assert client.get("/", auth=("editor", "s3cret")).status_code == 200


def test_article_viewer_highlights_the_spans_escapes_text_and_marks_the_first_current() -> None:
    text = "Intro <img src=x onerror=alert(1)>. The quota grew. Outro sentence here."
    a, b = text.index("The quota"), text.index("grew.") + len("grew.")
    html = article_html(Article("a", "T", date(2023, 9, 26), "a.txt", None, text), [(a, b)], marker=1)
    assert f"<mark class='nr-current' data-start='{a}' data-end='{b}'>The quota grew.</mark>" in html
    assert "<img" not in html and "&lt;img" in html


def test_article_viewer_marks_the_span_of_the_short_answer_current() -> None:
    text = "The lighthouse reopened on Thursday. Entry costs 7 euros. Outro."
    first = (0, text.index(" Entry"))
    second = (text.index("Entry"), text.index(" Outro"))
    article = Article("a", "T", date(2024, 5, 2), "a.txt", None, text)
    html = article_html(article, [first, second], marker=1, answer_at=text.index("7 euros"))
    assert f"<mark class='nr-current' data-start='{second[0]}'" in html
    assert f"<mark data-start='{first[0]}'" in html
    assert "<mark class='nr-current' data-start='0'" in article_html(article, [first, second], marker=1)


def test_markdown_export_keeps_citations_and_sources() -> None:
    answer = {
        "answer": "The quota grew to 1.3 thousand places. [1]",
        "citations": [{"marker": 1, "quote": "The quota grew to 1.3 thousand places.", "start": 5, "end": 44}],
        "sources": [{"marker": 1, "title": "Quota", "published": "2023-09-26", "url_or_path": "a.txt"}],
        "note": "",
    }
    md = answer_markdown("How big is the quota?", answer)
    assert md.startswith("**Q:** How big is the quota?")
    assert "places. [1]" in md and "[1] Quota (2023-09-26) a.txt" in md and "characters 5–44" in md


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
