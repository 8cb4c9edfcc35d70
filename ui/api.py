"""The JSON API beside the app, on the same server (FastAPI; its OpenAPI schema is served at ``/openapi.json``,
browsable at ``/docs``):

- ``POST /api/ask``: the ``newsrag ask --json`` shape, with follow-up ``history``, answer ``mode``, filters;
- ``POST /api/ingest``: upload article files (multipart), the ``newsrag ingest --json`` report back;
- ``GET /api/articles``: stored articles (``q`` filters titles), ``GET /api/articles/{id}``: one article's stored
  text, looked up by id in the store, never used as a file path;
- ``GET /api/sources``: the outlets the source filter accepts.

Nothing here returns a path of the server: article sources are URLs or paths relative to the ingested folder, and
upload errors name the uploaded file only.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel, Field

from rag.errors import NewsragError, QueryError
from rag.jsonout import answer_to_json
from rag.pipeline import Pipeline
from rag.query import make_query
from rag.store import outlet

UPLOAD_TYPES = (".txt", ".md", ".jsonl")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
MAX_ARTICLE_ID = 512


class Turn(BaseModel):
    question: str = Field(max_length=2000)
    answer: str = Field(default="", max_length=20000)


class AskRequest(BaseModel):
    question: str = Field(description="The question.")
    k: int | None = Field(default=None, description="Passages to retrieve (default: the top_k setting).")
    since: str | None = Field(default=None, description="Only articles published on or after, YYYY-MM-DD.")
    until: str | None = Field(default=None, description="Only articles published on or before, YYYY-MM-DD.")
    as_of: str | None = Field(default=None, description="The date the question is asked on, YYYY-MM-DD.")
    sources: list[str] | None = Field(default=None, description="Only articles from these outlets (GET /api/sources).")
    exclude_articles: list[str] | None = Field(
        default=None, max_length=1000, description="Never retrieve passages of these article ids (at most 1000)."
    )
    mode: str | None = Field(default=None, description="'extractive' or 'llm' (when the server has an LLM).")
    history: list[Turn] = Field(
        default_factory=list, max_length=20, description="Earlier turns, oldest first, for a follow-up (at most 20)."
    )


class Service:
    """What the app and the API share: the pipelines per answer mode, a limit on concurrent questions (extra ones
    wait their turn rather than fail), and ingestion of uploads."""

    def __init__(self, pipelines: dict[str, Pipeline], max_concurrent: int, upload_max_bytes: int) -> None:
        self.pipelines = pipelines
        self.default = next(iter(pipelines))
        self._slots = threading.BoundedSemaphore(max_concurrent)
        self._ingest_lock = threading.Lock()
        self.upload_max_bytes = upload_max_bytes

    @property
    def pipeline(self) -> Pipeline:
        return self.pipelines[self.default]

    @property
    def store(self) -> Any:
        return self.pipeline.store

    def pipeline_for(self, mode: str | None) -> Pipeline:
        mode = mode or self.default
        if mode not in self.pipelines:
            raise QueryError(
                f"mode must be one of {', '.join(self.pipelines)} on this server. Currently, mode is {mode!r}."
                + (" Start the server with --mode llm to offer generated answers." if mode == "llm" else "")
            )
        return self.pipelines[mode]

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._slots:  # blocks: requests queue rather than fail
            yield

    def uploads_dir(self) -> Path:
        folder = Path(self.pipeline.settings.store) / "uploads"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def ingest_uploads(
        self, files: list[tuple[str, bytes]], progress: bool | None = False
    ) -> tuple[dict[str, Any], list[str]]:
        """Check, save and ingest uploaded files; returns the ingest report (JSON shape) and the saved names.
        A file of the wrong type or size, or one whose name would replace an article stored from elsewhere, is a
        failure in the report, named by its file name; the rest go in."""
        with self._ingest_lock:  # saving and ingesting together: two uploads of one name never mix
            return self._ingest_uploads(files, progress)

    def _ingest_uploads(
        self, files: list[tuple[str, bytes]], progress: bool | None
    ) -> tuple[dict[str, Any], list[str]]:
        from ingest.run import IngestReport, ingest_paths

        rejected: list[dict[str, Any]] = []
        saved: list[Path] = []
        folder = self.uploads_dir()
        stored = self.store.manifest() if self.store.exists() else {}
        for name, data in files:
            safe = safe_upload_name(name)
            if Path(safe).suffix.lower() not in UPLOAD_TYPES:
                rejected.append(_failure(name, f"only {', '.join(UPLOAD_TYPES)} files are accepted"))
                continue
            other = stored.get(Path(safe).stem)
            from_uploads = other is not None and Path(other.root).is_relative_to(folder.resolve())
            if other is not None and not from_uploads and Path(safe).suffix.lower() != ".jsonl":
                rejected.append(
                    _failure(
                        name,
                        f"an article with id {Path(safe).stem!r} is already stored from elsewhere; rename the file "
                        "to add it beside that one",
                    )
                )
                continue
            if len(data) > self.upload_max_bytes:
                rejected.append(
                    _failure(
                        name,
                        f"{len(data) / 1e6:.1f} MB is over the {self.upload_max_bytes / 1e6:.1f} MB upload limit "
                        "(setting upload_max_mb); split the file or ingest it with `newsrag ingest`",
                    )
                )
                continue
            path = folder / safe
            path.write_bytes(data)
            saved.append(path)
        if saved:
            report = ingest_paths(
                [str(p) for p in saved], self.pipeline.settings, embedder=self.pipeline.embedder, progress=progress
            ).to_json()
        else:
            stored = self.store.count_chunks() if self.store.exists() and self.store.has_chunks() else 0
            report = IngestReport(total_chunks=stored).to_json()  # nothing was ingested
        hide = (str(folder.resolve()) + "/", str(folder) + "/")
        for item in report["failed"] + report["duplicate_of"]:
            item["path"] = Path(item["path"]).name  # never the server's folder
            if "error" in item:
                for prefix in hide:
                    item["error"] = item["error"].replace(prefix, "")
        report["failed"] = rejected + report["failed"]
        return report, [p.name for p in saved]

    def library(self, query: str = "") -> list[dict[str, Any]]:
        """Stored articles, newest first; ``query`` keeps those whose title or id contains it (any case)."""
        needle = query.strip().lower()
        rows = []
        for article_id, record in self.store.manifest().items():
            if needle and needle not in record.title.lower() and needle not in article_id.lower():
                continue
            rows.append(
                {
                    "id": article_id,
                    "title": record.title,
                    "published": record.published.isoformat() if record.published else None,
                    "chunks": record.chunks,
                    "outlet": outlet(record.source, record.url),
                    "url_or_path": record.url or record.source,
                }
            )
        rows.sort(key=lambda r: (r["published"] or "", r["id"]), reverse=True)
        return rows


def safe_upload_name(name: str) -> str:
    """An uploaded file's name reduced to a plain file name: no folders, no ``..``, only ``[A-Za-z0-9._-]``."""
    base = re.split(r"[\\/]", name or "")[-1]
    safe = _SAFE_NAME.sub("_", base).lstrip(".")
    return safe[:200] or "upload.txt"


def _failure(name: str, error: str) -> dict[str, Any]:
    return {"path": safe_upload_name(name), "line": None, "error": error}


def article_json(found: Any) -> dict[str, Any]:
    return {
        "id": found.id,
        "title": found.title,
        "published": found.published.isoformat() if found.published else None,
        "url_or_path": found.source,
        "outlet": outlet(found.source, found.url),
        "text": found.text,
    }


def build_api(service: Service) -> FastAPI:
    api = FastAPI(
        title="newsrag API",
        description="Questions answered from news articles, with citations that point at exact spans.",
        version="1",
    )

    def guarded(call: Callable[[], Any]) -> Any:
        try:
            with service.slot():
                return call()
        except QueryError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from None
        except NewsragError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from None

    @api.post("/api/ask", summary="Answer a question (the `newsrag ask --json` shape)")
    def ask(request: AskRequest) -> dict[str, Any]:
        def run() -> dict[str, Any]:
            pipeline = service.pipeline_for(request.mode)
            query = make_query(
                request.question,
                pipeline.settings.top_k if request.k is None else request.k,
                request.since,
                request.until,
                request.as_of,
                request.sources,
                request.exclude_articles,
            )
            history = [(t.question, t.answer) for t in request.history]
            return answer_to_json(pipeline.ask(query, history))

        return guarded(run)

    @api.post("/api/ingest", summary="Add article files (.txt, .md, .jsonl) to the store")
    async def ingest(files: list[UploadFile] = File(..., description="Article files.")) -> dict[str, Any]:  # noqa: B008
        loaded = []
        for upload in files:
            data = await upload.read(service.upload_max_bytes + 1)
            if len(data) > service.upload_max_bytes:
                raise HTTPException(
                    status_code=413,
                    detail=f"{safe_upload_name(upload.filename or '')}: over the "
                    f"{service.upload_max_bytes / 1e6:.1f} MB upload limit (setting upload_max_mb).",
                )
            loaded.append((upload.filename or "upload.txt", data))
        from starlette.concurrency import run_in_threadpool

        report, _ = await run_in_threadpool(lambda: guarded(lambda: service.ingest_uploads(loaded)))
        return report

    @api.get("/api/articles", summary="Stored articles, newest first")
    def articles(q: str = "", limit: int = 100) -> dict[str, Any]:
        rows = service.library(q)
        return {"total": len(rows), "articles": rows[: max(1, min(limit, 1000))]}

    @api.get("/api/articles/{article_id:path}", summary="One stored article's text, by id")
    def article(article_id: str) -> dict[str, Any]:
        if len(article_id) > MAX_ARTICLE_ID or any(ord(ch) < 32 for ch in article_id):
            raise HTTPException(status_code=404, detail="No article with that id.")
        found = service.store.get_article(article_id)  # looked up by id in Chroma, never used as a path
        if found is None:
            raise HTTPException(status_code=404, detail=f"No article with id {article_id!r}.")
        return article_json(found)

    @api.get("/api/sources", summary="Outlets the source filter accepts, with their article counts")
    def sources() -> dict[str, Any]:
        return {"sources": [{"outlet": k, "articles": v} for k, v in service.store.outlets().items()]}

    return api
