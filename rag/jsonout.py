"""The machine-readable shapes of answers and hits (``newsrag ask --json``, ``search --json``, the API).
Their JSON Schemas live in ``rag/schemas/``; tests validate output against them."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any

from rag.types import Answer, Hit


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def answer_to_json(answer: Answer) -> dict[str, Any]:
    return {
        "answer": answer.text,
        "abstained": answer.abstained,
        "citations": [
            {
                "marker": c.marker,
                "article_id": c.article_id,
                "chunk_id": c.chunk_id,
                "start": c.start,
                "end": c.end,
                "quote": c.quote,
                "supported": c.supported,
            }
            for c in answer.citations
        ],
        "sources": [
            {
                "marker": s.marker,
                "article_id": s.article_id,
                "title": s.title,
                "published": _iso(s.published),
                "url_or_path": s.url_or_path,
            }
            for s in answer.sources
        ],
        "sentences": [
            {"text": x.text, "markers": list(x.markers), "supported": x.supported, "attributed": x.attributed}
            for x in answer.sentences
        ],
        "short_answer": None
        if answer.short_answer is None
        else {
            "text": answer.short_answer.text,
            "marker": answer.short_answer.marker,
            "article_id": answer.short_answer.article_id,
            "start": answer.short_answer.start,
            "end": answer.short_answer.end,
            "day": None if answer.short_answer.day is None else answer.short_answer.day.isoformat(),
        },
        "answerability": None if answer.answerability is None else round(answer.answerability, 4),
        "mode": answer.mode,
        "note": answer.note,
        "question": answer.question,
        "timings_ms": {k: round(v, 2) for k, v in answer.timings.items()},
    }


def hits_to_json(hits: list[Hit]) -> dict[str, Any]:
    return {
        "hits": [
            {
                "chunk_id": h.chunk.id,
                "article_id": h.chunk.article_id,
                "title": h.title,
                "published": _iso(h.published),
                "text": h.chunk.text,
                "start": h.chunk.start,
                "end": h.chunk.end,
                "score": round(h.score, 6),
            }
            for h in hits
        ]
    }


def load_schema(name: str) -> dict[str, Any]:
    """One of the shipped JSON Schemas: ``ask``, ``search``, ``ingest``, ``batch_error``."""
    return json.loads(resources.files("rag.schemas").joinpath(f"{name}.schema.json").read_text("utf-8"))
