"""The JSON routes, in process, over a real store: every route, and bad input for each."""

import jsonschema
import pytest
from fastapi.testclient import TestClient

from rag.jsonout import load_schema
from tests.conftest import SEED_ID
from ui.api import Service, build_api, safe_upload_name

NEW_ARTICLE = (
    " date 2024-05-02 The Tromsvik lighthouse reopened as a museum on Thursday after a two-year restoration. "
    "Entry costs 7 euros, and the keeper's cottage now houses a café run by the harbour cooperative."
)


@pytest.fixture()
def service(pipeline) -> Service:  # type: ignore[no-untyped-def]
    return Service({"extractive": pipeline}, max_concurrent=2, upload_max_bytes=20_000)


@pytest.fixture()
def client(service: Service) -> TestClient:
    return TestClient(build_api(service))


def test_ask_returns_the_cli_shape(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": "What did Mishustin say about universities?"})
    assert response.status_code == 200
    body = response.json()
    jsonschema.validate(body, load_schema("ask"))
    assert "1.3 thousand" in body["answer"] and body["sources"][0]["article_id"] == SEED_ID
    assert body["mode"] == "extractive"


def test_ask_rejects_an_empty_question_bad_dates_bad_k_and_an_unavailable_mode(client: TestClient) -> None:
    assert client.post("/api/ask", json={"question": "  "}).status_code == 422
    response = client.post("/api/ask", json={"question": "quota?", "since": "soon"})
    assert response.status_code == 422 and "since must be a date" in response.json()["detail"]
    assert client.post("/api/ask", json={"question": "quota?", "k": 0}).status_code == 422
    assert client.post("/api/ask", json={}).status_code == 422  # no question at all
    response = client.post("/api/ask", json={"question": "quota?", "mode": "llm"})
    assert response.status_code == 422 and "--mode llm" in response.json()["detail"]


def test_ask_with_a_source_filter_and_a_follow_up(client: TestClient) -> None:
    sources = client.get("/api/sources").json()["sources"]
    assert sources and all(s["articles"] > 0 for s in sources)
    question = {"question": "What did Mishustin say about universities?"}
    unfiltered = client.post("/api/ask", json=question).json()
    assert not unfiltered["abstained"]
    nowhere = client.post("/api/ask", json={**question, "sources": ["no-such-outlet.example"]}).json()
    assert nowhere["abstained"] and not nowhere["citations"]
    follow = client.post(
        "/api/ask",
        json={"question": "And what about the quota?", "history": [{**question, "answer": unfiltered["answer"]}]},
    ).json()
    assert "Mishustin" in follow["question"]  # the follow-up was made standalone before retrieval
    # a pronoun names whom it stands for, also after a question typed without capitals
    typed = {"question": "what did mishustin say about universities", "answer": unfiltered["answer"]}
    athletes = client.post("/api/ask", json={"question": "What did he say about athletes?", "history": [typed]}).json()
    assert athletes["question"] == "What did Mishustin say about athletes?"
    assert not athletes["abstained"] and "athletes" in athletes["answer"]


def test_article_by_id_and_the_library(client: TestClient) -> None:
    body = client.get(f"/api/articles/{SEED_ID}").json()
    assert body["id"] == SEED_ID and body["published"] == "2023-09-26" and body["text"].startswith("Russian")
    assert not body["url_or_path"].startswith("/")
    library = client.get("/api/articles", params={"q": "mishustin"}).json()
    assert [a["id"] for a in library["articles"]] == [SEED_ID]
    assert client.get("/api/articles").json()["total"] > 1


@pytest.mark.parametrize(
    "bad_id", ["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "/etc/passwd", "nope", "%00", "x" * 600]
)
def test_unknown_or_path_like_ids_are_404_and_never_read_files(client: TestClient, bad_id: str) -> None:
    response = client.get(f"/api/articles/{bad_id}")
    assert response.status_code == 404
    assert "root:" not in response.text


def test_ingest_adds_an_article_that_can_then_be_asked_about(client: TestClient) -> None:
    files = [("files", ("lighthouse.txt", NEW_ARTICLE.encode(), "text/plain"))]
    report = client.post("/api/ingest", files=files).json()
    jsonschema.validate(report, load_schema("ingest"))
    assert report["added"] == 1 and not report["failed"]
    answer = client.post("/api/ask", json={"question": "How much does entry to the Tromsvik lighthouse cost?"}).json()
    assert "7 euros" in answer["answer"] and answer["sources"][0]["article_id"] == "lighthouse"
    # the same upload again: unchanged, nothing duplicated
    again = client.post("/api/ingest", files=files).json()
    assert again["unchanged"] == 1 and again["added"] == 0


def test_ingest_reports_bad_files_by_name_and_keeps_the_good_ones(client: TestClient) -> None:
    files = [
        ("files", ("../../evil.sh", b"#!/bin/sh\nrm -rf /", "text/plain")),
        ("files", ("broken.jsonl", b'{"id": "a", "text": \n', "application/json")),
        ("files", ("lighthouse.txt", NEW_ARTICLE.encode(), "text/plain")),
    ]
    report = client.post("/api/ingest", files=files).json()
    assert report["added"] == 1
    failed = {f["path"]: f["error"] for f in report["failed"]}
    assert set(failed) == {"evil.sh", "broken.jsonl"}
    assert "accepted" in failed["evil.sh"]
    assert all(not f.startswith("/") and ".." not in f for f in failed)


def test_ingest_refuses_an_oversized_upload_and_stores_nothing(client: TestClient, service: Service) -> None:
    before = service.store.count_chunks()
    big = b" date 2024-05-02 " + b"Word " * 10_000
    response = client.post("/api/ingest", files=[("files", ("big.txt", big, "text/plain"))])
    assert response.status_code == 413 and "upload limit" in response.json()["detail"]
    assert service.store.count_chunks() == before
    assert client.post("/api/ingest").status_code == 422  # no files


def test_upload_names_are_reduced_to_plain_file_names() -> None:
    assert safe_upload_name("../../etc/passwd") == "passwd"
    assert safe_upload_name("C:\\Users\\x\\news.txt") == "news.txt"
    assert safe_upload_name("..hidden.txt") == "hidden.txt"
    assert safe_upload_name("") == "upload.txt"
    assert safe_upload_name("a b/é?.txt") == "_.txt"


def test_the_openapi_schema_documents_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/ask", "/api/ingest", "/api/articles", "/api/articles/{article_id}", "/api/sources"} <= set(paths)


def test_concurrent_questions_beyond_the_limit_wait_their_turn(pipeline) -> None:  # type: ignore[no-untyped-def]
    from concurrent.futures import ThreadPoolExecutor

    client = TestClient(build_api(Service({"extractive": pipeline}, max_concurrent=1, upload_max_bytes=1000)))
    questions = ["What did Mishustin say about universities?", "Who won the Halvard Open chess tournament?"] * 3
    with ThreadPoolExecutor(max_workers=6) as pool:
        responses = list(pool.map(lambda q: client.post("/api/ask", json={"question": q}), questions))
    assert [r.status_code for r in responses] == [200] * 6
    assert all(not r.json()["abstained"] for r in responses)


def test_an_upload_never_replaces_an_article_stored_from_elsewhere(client: TestClient) -> None:
    files = [("files", ("102_invented_chess.txt", NEW_ARTICLE.encode(), "text/plain"))]
    report = client.post("/api/ingest", files=files).json()
    assert report["added"] == report["updated"] == 0
    assert "already stored from elsewhere" in report["failed"][0]["error"]
    chess = client.get("/api/articles/102_invented_chess").json()
    assert "chess" in chess["text"].lower()  # the stored article is untouched


def test_ask_leaves_out_excluded_articles_and_rejects_bad_ids(client: TestClient) -> None:
    question = {"question": "What did Mishustin say about universities?"}
    answer = client.post("/api/ask", json={**question, "exclude_articles": ["102_invented_chess"]}).json()
    assert not answer["abstained"] and answer["sources"][0]["article_id"] == SEED_ID
    without = client.post("/api/ask", json={**question, "exclude_articles": [SEED_ID]})
    assert without.status_code == 200
    assert SEED_ID not in {s["article_id"] for s in without.json()["sources"]}
    for bad in ([""], ["  "], "not-a-list", [1], ["x"] * 1001):
        response = client.post("/api/ask", json={**question, "exclude_articles": bad})
        assert response.status_code == 422, bad
    response = client.post("/api/ask", json={**question, "exclude_articles": [""]})
    assert "exclude_articles must be a list of article ids" in response.json()["detail"]


def test_ask_bounds_k_and_the_conversation(client: TestClient) -> None:
    question = "What did Mishustin say about universities?"
    assert client.post("/api/ask", json={"question": question, "k": 101}).status_code == 422
    too_long = [{"question": "x" * 2001, "answer": ""}]
    assert client.post("/api/ask", json={"question": "and then?", "history": too_long}).status_code == 422
    many = [{"question": question, "answer": ""}] * 21
    assert client.post("/api/ask", json={"question": "and then?", "history": many}).status_code == 422
