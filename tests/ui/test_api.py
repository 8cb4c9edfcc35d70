"""The JSON routes, in process, over a real store."""

import jsonschema
import pytest
from fastapi.testclient import TestClient

from rag.jsonout import load_schema
from tests.conftest import SEED_ID
from ui.api import build_api


@pytest.fixture()
def client(pipeline) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(build_api(pipeline))


def test_ask_returns_the_cli_shape(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": "What did Mishustin say about universities?"})
    assert response.status_code == 200
    body = response.json()
    jsonschema.validate(body, load_schema("ask"))
    assert "1.3 thousand" in body["answer"] and body["sources"][0]["article_id"] == SEED_ID


def test_ask_rejects_an_empty_question_and_bad_dates(client: TestClient) -> None:
    assert client.post("/api/ask", json={"question": "  "}).status_code == 422
    response = client.post("/api/ask", json={"question": "quota?", "since": "soon"})
    assert response.status_code == 422 and "since must be a date" in response.json()["detail"]


def test_article_by_id(client: TestClient) -> None:
    body = client.get(f"/api/articles/{SEED_ID}").json()
    assert body["id"] == SEED_ID and body["published"] == "2023-09-26" and body["text"].startswith("Russian")
    assert not body["url_or_path"].startswith("/")


@pytest.mark.parametrize("bad_id", ["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "/etc/passwd", "nope"])
def test_unknown_or_path_like_ids_are_404_and_never_read_files(client: TestClient, bad_id: str) -> None:
    response = client.get(f"/api/articles/{bad_id}")
    assert response.status_code == 404
    assert "root:" not in response.text
