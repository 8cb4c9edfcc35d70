"""HTML for the app's sources panel. Article text is data: everything from an article is escaped."""

from __future__ import annotations

from html import escape

from rag.types import Answer, Article

CONTEXT_CHARS = 280


def sources_html(answer: Answer, articles: dict[str, Article]) -> str:
    """Each cited article with its quoted spans highlighted in their surrounding text."""
    if answer.abstained or not answer.sources:
        return "<div class='nr-sources nr-empty'>No sources: the articles don't answer this question.</div>"
    parts = ["<div class='nr-sources'>"]
    for source in answer.sources:
        when = source.published.isoformat() if source.published else "undated"
        parts.append(
            f"<div class='nr-source' id='nr-source-{source.marker}'>"
            f"<div class='nr-source-head'><b>[{source.marker}]</b> {escape(source.title)} "
            f"<span class='nr-date'>{when}</span></div>"
            f"<div class='nr-origin'>{escape(source.url_or_path)}</div>"
        )
        article = articles.get(source.article_id)
        for cit in answer.citations:
            if cit.marker != source.marker:
                continue
            if article is None:
                parts.append(f"<blockquote><mark>{escape(cit.quote)}</mark></blockquote>")
                continue
            text = article.text
            lo, hi = max(0, cit.start - CONTEXT_CHARS), min(len(text), cit.end + CONTEXT_CHARS)
            before = ("…" if lo else "") + text[lo : cit.start]
            after = text[cit.end : hi] + ("…" if hi < len(text) else "")
            flag = "" if cit.supported else " <span class='nr-unsupported'>(not supported by the passage)</span>"
            parts.append(
                f"<blockquote class='nr-span' data-start='{cit.start}' data-end='{cit.end}'>"
                f"{escape(before)}<mark>{_quote_html(text, cit.start, cit.end, answer)}</mark>{escape(after)}{flag}"
                f"<div class='nr-offsets'>characters {cit.start}–{cit.end} of article {escape(source.article_id)}</div>"
                "</blockquote>"
            )
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def _quote_html(text: str, start: int, end: int, answer: Answer) -> str:
    """A quoted span, escaped, with the short answer inside it (if any) in bold."""
    short = answer.short_answer
    if short is None or not (start <= short.start < short.end <= end):
        return escape(text[start:end])
    return (
        f"{escape(text[start : short.start])}<strong class='nr-short'>{escape(text[short.start : short.end])}"
        f"</strong>{escape(text[short.end : end])}"
    )


def article_html(
    article: Article, spans: list[tuple[int, int]], marker: int | None = None, answer_at: int | None = None
) -> str:
    """A whole stored article, escaped, with the given character spans highlighted; one is marked current (the app
    scrolls it into view): the span holding offset ``answer_at`` (the short answer's), else the first."""
    when = article.published.isoformat() if article.published else "undated"
    text = article.text
    parts = [
        f"<div class='nr-article-head'>{f'<b>[{marker}]</b> ' if marker else ''}<b>{escape(article.title)}</b> "
        f"<span class='nr-date'>{when}</span> <span class='nr-origin'>{escape(article.source)}</span></div>",
        "<div class='nr-article'>",
    ]
    ordered = sorted(set(spans))
    chosen = next((sp for sp in ordered if answer_at is not None and sp[0] <= answer_at < sp[1]), None)
    pos = 0
    for n, (start, end) in enumerate(ordered):
        is_current = (start, end) == chosen if chosen is not None else n == 0
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        parts.append(escape(text[pos:start]))
        current = " class='nr-current'" if is_current else ""
        parts.append(f"<mark{current} data-start='{start}' data-end='{end}'>{escape(text[start:end])}</mark>")
        pos = end
    parts.append(escape(text[pos:]))
    parts.append("</div>")
    return "".join(parts)
