"""The JSON routes beside the app: ``POST /api/ask`` (the ``newsrag ask --json`` shape) and
``GET /api/articles/{id}`` (stored text by id, never a file path)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

from rag.errors import QueryError
from rag.jsonout import answer_to_json
from rag.pipeline import Pipeline
from rag.query import make_query


class AskRequest(BaseModel):
    question: str = Field(description="The question.")
    k: int | None = Field(default=None, description="Passages to retrieve (default: the top_k setting).")
    since: str | None = Field(default=None, description="Only articles published on or after, YYYY-MM-DD.")
    until: str | None = Field(default=None, description="Only articles published on or before, YYYY-MM-DD.")
    as_of: str | None = Field(default=None, description="The date the question is asked on, YYYY-MM-DD.")


def build_api(pipeline: Pipeline) -> FastAPI:
    api = FastAPI(title="newsrag API", description="Questions answered from news articles, with citations.")

    @api.post("/api/ask")
    def ask(request: AskRequest) -> dict[str, Any]:
        try:
            query = make_query(
                request.question,
                pipeline.settings.top_k if request.k is None else request.k,
                request.since,
                request.until,
                request.as_of,
            )
            return answer_to_json(pipeline.ask(query))
        except QueryError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from None

    @api.get("/api/articles/{article_id:path}")
    def article(article_id: str) -> dict[str, Any]:
        found = pipeline.store.get_article(article_id)  # looked up by id in Chroma, never used as a path
        if found is None:
            raise HTTPException(status_code=404, detail=f"No article with id {article_id!r}.")
        return {
            "id": found.id,
            "title": found.title,
            "published": found.published.isoformat() if found.published else None,
            "url_or_path": found.source,
            "text": found.text,
        }

    return api
