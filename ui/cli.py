"""The ``newsrag`` command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from rag.errors import NewsragError, QueryError
from rag.query import make_query
from rag.settings import Settings, load_settings
from rag.types import Query


def _settings(ctx: click.Context, **overrides: Any) -> Settings:
    try:
        base = {"store": ctx.obj.get("store"), "chroma_url": ctx.obj.get("chroma_url")}
        return load_settings(ctx.obj.get("config"), overrides={**base, **overrides})
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None


def _remember(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.ensure_object(dict)[param.name] = value


def _common(func: Callable[..., Any]) -> Callable[..., Any]:
    """--store, --chroma-url and --config work after the command name too: `newsrag ask --store DIR ...`."""
    func = click.option(
        "--chroma-url",
        metavar="URL",
        expose_value=False,
        callback=_remember,
        help="Use the Chroma server at URL instead of the embedded store (default: NEWSRAG_CHROMA_URL).",
    )(func)
    func = click.option(
        "--config",
        metavar="FILE",
        expose_value=False,
        callback=_remember,
        help="TOML settings file (default: NEWSRAG_CONFIG).",
    )(func)
    return click.option(
        "--store",
        metavar="DIR",
        expose_value=False,
        callback=_remember,
        help="Store folder (default: NEWSRAG_STORE, else ./.newsrag).",
    )(func)


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--store", metavar="DIR", help="Store folder (default: NEWSRAG_STORE, else ./.newsrag).")
@click.option(
    "--chroma-url",
    metavar="URL",
    help="Use the Chroma server at URL instead of the embedded store (default: NEWSRAG_CHROMA_URL).",
)
@click.option("--config", metavar="FILE", help="TOML settings file (default: NEWSRAG_CONFIG).")
@click.version_option(package_name="newsrag")
@click.pass_context
def main(ctx: click.Context, store: str | None, chroma_url: str | None, config: str | None) -> None:
    """newsrag: answers questions about news articles, citing the passages it quotes."""
    ctx.ensure_object(dict)
    given = {"store": store, "chroma_url": chroma_url, "config": config}
    ctx.obj.update({k: v for k, v in given.items() if v is not None})


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option(
    "--prune",
    is_flag=True,
    help="Also delete articles that earlier runs stored from these same paths and that they no longer hold.",
)
@_common
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], as_json: bool, prune: bool) -> None:
    """Ingest article files and folders (.txt, .md, .jsonl).

    Unchanged articles are skipped, changed ones replaced, duplicates stored once. Exit code 0 when every file
    went in, 1 when some failed (the rest are still stored).
    """
    from ingest.run import ingest_paths

    settings = _settings(ctx)
    try:
        report = ingest_paths(list(paths), settings, progress=None if not as_json else False, prune=prune)
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(_dump(report.to_json()))
    else:
        for dup in report.duplicate_of:
            where = f"{dup.path}:{dup.line}" if dup.line else dup.path
            click.echo(f"duplicate  {where}: same text as stored article {dup.duplicate_of!r}; stored once")
        for fail in report.failed:
            where = f"{fail.path}:{fail.line}" if fail.line else fail.path
            click.echo(f"FAILED     {where}: {fail.error}", err=True)
        for article_id in report.pruned:
            click.echo(f"pruned     {article_id}: its file is gone from the ingested paths")
        click.echo(
            f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
            f"{report.duplicates} duplicates, {len(report.failed)} failed; "
            f"{report.chunks} chunks written, {report.total_chunks} in the store ({settings.store})."
        )
    ctx.exit(0 if report.ok else 1)


def _query_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option(
        "--source",
        "outlets",
        multiple=True,
        metavar="OUTLET",
        help="Only articles from this outlet (a URL's host, or the first folder of a path); repeatable.",
    )(func)
    func = click.option(
        "--exclude-article",
        "exclude_articles",
        multiple=True,
        metavar="ID",
        help="Never retrieve passages of this article (its id, as in search's output); repeatable.",
    )(func)
    func = click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Date the question is asked on.")(func)
    func = click.option("--until", metavar="YYYY-MM-DD", help="Only articles published on or before.")(func)
    func = click.option("--since", metavar="YYYY-MM-DD", help="Only articles published on or after.")(func)
    func = click.option(
        "--batch",
        type=click.Path(dir_okay=False, allow_dash=True),
        metavar="FILE.jsonl",
        help="Run one {id, question[, k, as_of, since, until, sources, exclude_articles]} object a line; print one "
        "JSON object a line.",
    )(func)
    func = click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")(func)
    return func


def _llm_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--llm-model", "llm_model", metavar="NAME", help="Model name for an OpenAI-compatible server.")(
        func
    )
    func = click.option(
        "--llm",
        metavar="SPEC",
        help="llamacpp (the bundled SmolLM2), llamacpp:PATH.gguf or openai:BASE_URL (key: NEWSRAG_LLM_API_KEY).",
    )(func)
    return click.option(
        "--mode",
        type=click.Choice(["extractive", "llm"]),
        default=None,
        help="Quote sentences (extractive, the default) or generate with verified citations (llm).",
    )(func)


@main.command()
@click.argument("question", required=False)
@click.option("--k", type=int, default=None, help="Passages to retrieve (default: the top_k setting).")
@_llm_options
@_query_options
@_common
@click.pass_context
def ask(
    ctx: click.Context,
    question: str | None,
    k: int | None,
    mode: str | None,
    llm: str | None,
    llm_model: str | None,
    as_json: bool,
    batch: str | None,
    since: str | None,
    until: str | None,
    as_of: str | None,
    outlets: tuple[str, ...],
    exclude_articles: tuple[str, ...],
) -> None:
    """Answer QUESTION from the stored articles, citing them with [n] markers. A generated answer (--mode llm)
    prints each sentence once its citations are checked."""
    from rag.jsonout import answer_to_json

    settings = _settings(ctx, answer_mode=mode, llm=llm, llm_model=llm_model)
    pipeline = _warm_pipeline(settings)
    k = settings.top_k if k is None else k

    def run(query: Query) -> dict[str, Any]:
        return answer_to_json(pipeline.ask(query))

    if batch:
        _run_batch(batch, k, run)
        return
    if not question:
        raise click.UsageError("Give a QUESTION, or --batch FILE.jsonl.")
    try:
        query = make_query(question, k, since, until, as_of, outlets, exclude_articles)
        if as_json:
            click.echo(_dump(answer_to_json(pipeline.ask(query))))
            return
        answer = _print_stream(pipeline, query)
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None
    if answer.sources:
        click.echo("\nSources:")
        for source in answer.sources:
            when = source.published.isoformat() if source.published else "undated"
            click.echo(f"[{source.marker}] {source.title} ({when}) {source.url_or_path}")
            for cit in answer.citations:
                if cit.marker == source.marker:
                    click.echo(f"    chars {cit.start}-{cit.end}: \u201c{' '.join(cit.quote.split())}\u201d")


@main.command()
@click.argument("query", required=False)
@click.option("--k", type=int, default=None, help="Passages to return (default: the top_k setting).")
@_query_options
@_common
@click.pass_context
def search(
    ctx: click.Context,
    query: str | None,
    k: int | None,
    as_json: bool,
    batch: str | None,
    since: str | None,
    until: str | None,
    as_of: str | None,
    outlets: tuple[str, ...],
    exclude_articles: tuple[str, ...],
) -> None:
    """Retrieve the passages that match QUERY (no answer), best first."""
    from rag.jsonout import hits_to_json

    settings = _settings(ctx)
    pipeline = _warm_pipeline(settings)
    k = settings.top_k if k is None else k

    def run(q: Query) -> dict[str, Any]:
        return hits_to_json(pipeline.search(q))

    if batch:
        _run_batch(batch, k, run)
        return
    if not query:
        raise click.UsageError("Give a QUERY, or --batch FILE.jsonl.")
    try:
        result = run(make_query(query, k, since, until, as_of, outlets, exclude_articles))
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(_dump(result))
        return
    for i, hit in enumerate(result["hits"], 1):
        when = hit["published"] or "undated"
        click.echo(
            f"{i}. [{hit['score']:.3f}] {hit['title']} ({when}) {hit['article_id']} chars {hit['start']}-{hit['end']}"
        )
        click.echo(f"   {' '.join(hit['text'].split())[:300]}")


def _print_stream(pipeline: Any, query: Query) -> Any:
    """Print an answer sentence by sentence as it is verified; return the finished Answer."""
    from rag.pipeline import Result

    shown = False
    for event in pipeline.stream(query):
        if isinstance(event, Result):
            answer = event.answer
            if answer.abstained or not shown:
                click.echo(answer.text)
            if answer.note:
                click.echo(f"({answer.note})", err=True)
            return answer
        flag = "" if event.sentence.supported else "  [not supported by its citations]"
        click.echo(event.text + flag)
        shown = True
    raise NewsragError("The answer stream ended without an answer.")


def _warm_pipeline(settings: Settings) -> Any:
    """Build the pipeline and load its models first, so that timings_ms measure the question alone."""
    from rag.pipeline import build_pipeline

    try:
        pipeline = build_pipeline(settings)
        pipeline.warm_up()
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None
    return pipeline


def _batch_lines(path: str) -> Iterator[tuple[int, str]]:
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    try:
        for number, line in enumerate(stream, 1):
            if line.strip():
                yield number, line
    finally:
        if stream is not sys.stdin:
            stream.close()


def _run_batch(path: str, k: int, run: Callable[[Query], dict[str, Any]]) -> None:
    """One JSON object a line out for each line in, in order; a bad line gets {id, line, error}."""
    if path != "-" and not Path(path).is_file():
        raise click.ClickException(f"Batch file {path} does not exist.")
    try:
        lines = list(_batch_lines(path))
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"Batch file {path} is not UTF-8: {exc}") from None
    for number, line in lines:
        item_id = None
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise QueryError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
            if not isinstance(obj, dict):
                raise QueryError("expected a JSON object with 'id' and 'question'")
            item_id = obj.get("id")
            question = obj.get("question")
            if not isinstance(question, str):
                raise QueryError("'question' must be a string")
            line_k = obj.get("k", k)
            if not isinstance(line_k, int) or isinstance(line_k, bool):
                raise QueryError(f"'k' must be an integer, got {line_k!r}")
            query = make_query(
                question,
                line_k,
                obj.get("since"),
                obj.get("until"),
                obj.get("as_of"),
                obj.get("sources"),
                obj.get("exclude_articles"),
            )
            out = {"id": item_id, **run(query)}
        except NewsragError as exc:
            out = {"id": item_id, "line": number, "error": str(exc)}
        click.echo(_dump(out))


@main.command()
@click.argument("article_ids", nargs=-1, required=True, metavar="ARTICLE_ID...")
@click.option("--json", "as_json", is_flag=True, help="Print {deleted, unknown} as one JSON object.")
@_common
@click.pass_context
def delete(ctx: click.Context, article_ids: tuple[str, ...], as_json: bool) -> None:
    """Delete articles by id: their text, record, chunks, vectors and lexical entries. Exit code 1 when an id is
    not in the store (the others are still deleted)."""
    from rag.store import Store

    store = Store(_settings(ctx))
    try:
        with store.writer():
            known = store.manifest()
            found = [a for a in dict.fromkeys(article_ids) if a in known]
            unknown = [a for a in dict.fromkeys(article_ids) if a not in known]
            if found:
                store.delete_articles(found)
                store.lexical()
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(_dump({"deleted": found, "unknown": unknown}))
    else:
        for a in found:
            click.echo(f"deleted    {a}")
        for a in unknown:
            click.echo(f"UNKNOWN    {a}: no article with this id in {store.where()}", err=True)
    ctx.exit(1 if unknown else 0)


@main.group("store")
def store_group() -> None:
    """Check, repair and copy stores (embedded folders and Chroma servers)."""


@store_group.command("check")
@click.option("--repair", is_flag=True, help="Mend what is found: orphan chunks, incomplete articles, the index.")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as one JSON object.")
@_common
@click.pass_context
def store_check(ctx: click.Context, repair: bool, as_json: bool) -> None:
    """Verify that the manifest, the chunks in Chroma and the lexical index agree. Exit code 1 when they do not
    (and --repair was not given)."""
    from rag.store import Store, check_store, repair_store

    store = Store(_settings(ctx))
    try:
        if repair:
            with store.writer():
                found = repair_store(store)
        else:
            found = check_store(store)
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(_dump({**found.to_json(), "repaired": repair and not found.ok}))
    else:
        click.echo(f"{found.articles} articles, {found.chunks} chunks in {store.where()}.")
        for cid in found.orphan_chunks[:20]:
            click.echo(f"orphan chunk     {cid}: its article has no record")
        for aid in found.incomplete[:20]:
            click.echo(f"incomplete       {aid}: the record's chunk count differs from the chunks stored")
        if found.lexical_problem:
            click.echo(f"lexical index    {found.lexical_problem}")
        if found.ok:
            click.echo("OK: manifest, chunks and lexical index agree.")
        elif repair:
            click.echo(
                "Repaired: orphan chunks deleted, incomplete articles removed (ingest their files again), index rebuilt."
            )
        else:
            click.echo("Run `newsrag store check --repair` to mend it.")
    ctx.exit(0 if found.ok or repair else 1)


@store_group.command("copy")
@click.option("--from", "source", required=True, metavar="DIR|URL", help="The store to copy: a folder or a Chroma URL.")
@click.option("--to", "target", required=True, metavar="DIR|URL", help="Where to: a folder or a Chroma server URL.")
@_common
@click.pass_context
def store_copy(ctx: click.Context, source: str, target: str) -> None:
    """Copy a whole store, vectors included (nothing is embedded again): embedded folder to Chroma server, server to
    server, or back. Re-running it is idempotent."""
    from dataclasses import replace

    from rag.store import Store, copy_store

    settings = _settings(ctx)

    def open_store(where: str) -> Store:
        if where.startswith(("http://", "https://")):
            return Store(replace(settings, chroma_url=where))
        return Store(replace(settings, store=where, chroma_url=""))

    src, dst = open_store(source), open_store(target)
    try:
        if not src.exists():
            raise NewsragError(f"There is no store at {source} to copy.")
        with dst.writer():
            articles, chunks = copy_store(src, dst, log=lambda m: click.echo(m, err=True))
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Copied {articles} articles and {chunks} chunks from {source} to {target}.")


@main.command()
@click.option("--host", default=None, help="Address to bind (default: the host setting, 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default: the port setting, 7860).")
@click.option(
    "--auth-file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Logins, one user:password a line (or NEWSRAG_AUTH=user:password); needed beyond 127.0.0.1.",
)
@_llm_options
@_common
@click.pass_context
def serve(
    ctx: click.Context,
    host: str | None,
    port: int | None,
    auth_file: str | None,
    mode: str | None,
    llm: str | None,
    llm_model: str | None,
) -> None:
    """Serve the chat app (and its JSON API) on HOST:PORT. With --mode llm the app offers generated answers
    beside the extractive ones."""
    from ui.app import serve as serve_app

    settings = _settings(ctx, host=host, port=port, answer_mode=mode, llm=llm, llm_model=llm_model)
    try:
        serve_app(settings, auth_file)
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None


@main.group("eval")
def eval_group() -> None:
    """Evaluate answers: golden sets with a regression gate, and news benchmarks."""


@eval_group.command("run")
@click.argument("golden", type=click.Path(dir_okay=False))
@click.option(
    "--use-store",
    is_flag=True,
    help="Ask over the configured store (--store / NEWSRAG_STORE) instead of ingesting the set's corpus.",
)
@click.option("--baseline", "baseline_path", metavar="FILE", help="Compare with a saved run; exit 1 on a regression.")
@click.option("--save-baseline", metavar="FILE", help="Write this run as a baseline.")
@click.option(
    "--tolerance",
    type=float,
    default=0.02,
    show_default=True,
    help="Largest allowed drop of an aggregate quality metric (absolute).",
)
@click.option("--report", "report_dir", metavar="DIR", help="Write report.md, report.html and plots to DIR.")
@click.option("--json", "json_path", metavar="FILE", help="Write the whole run as JSON to FILE ('-' for stdout).")
@_common
@_llm_options
@click.pass_context
def eval_run(
    ctx: click.Context,
    golden: str,
    mode: str | None,
    llm: str | None,
    llm_model: str | None,
    use_store: bool,
    baseline_path: str | None,
    save_baseline: str | None,
    tolerance: float,
    report_dir: str | None,
    json_path: str | None,
) -> None:
    """Run the golden set GOLDEN (YAML), score it, and gate it against a baseline."""
    from eval.baseline import compare, format_comparison, load_baseline
    from eval.baseline import save_baseline as write_baseline
    from eval.golden import load_golden
    from eval.report import write_report
    from eval.runner import run_golden

    settings = _settings(ctx, answer_mode=mode, llm=llm, llm_model=llm_model)
    try:
        golden_set = load_golden(golden)
        baseline = load_baseline(baseline_path) if baseline_path else None
        run = run_golden(golden_set, settings, use_store=use_store)
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None
    agg = run.aggregate
    click.echo(
        f"{golden_set.name}: {sum(c.passed for c in run.cases)}/{len(run.cases)} cases passed; "
        f"answer accuracy {agg['answer_accuracy']:.3f}, fact recall {agg['fact_recall']:.3f}, "
        f"hit@{run.k} {agg['hit_at_k']:.3f}, MRR {agg['mrr']:.3f}, citation recall {agg['citation_recall']:.3f}, "
        f"citation precision {agg['citation_precision']:.3f}, abstain accuracy {agg['abstain_accuracy']:.3f}, "
        f"false abstentions {agg['false_abstention_rate']:.3f}; total p50 {agg['total_p50_ms']:.0f} ms, "
        f"p95 {agg['total_p95_ms']:.0f} ms",
        err=json_path == "-",
    )
    for case in run.cases:
        if not case.passed:
            why = case.error or (
                f"missing {', '.join(case.missing_facts)}"
                if case.missing_facts
                else "did not abstain"
                if case.expect_abstain
                else "abstained"
                if case.abstained
                else "cited none of the expected sources"
            )
            click.echo(f"  failed {case.id}: {why}", err=json_path == "-")
    comparison = compare(run, baseline, tolerance) if baseline else None
    if save_baseline:
        write_baseline(run, save_baseline)
        click.echo(f"Baseline written to {save_baseline}.", err=json_path == "-")
    if report_dir:
        write_report(run, report_dir, comparison)
        click.echo(f"Report written to {report_dir}/report.html.", err=json_path == "-")
    if json_path:
        text = _dump(run.to_json())
        if json_path == "-":
            click.echo(text)
        else:
            Path(json_path).write_text(text + "\n", encoding="utf-8")
    if comparison is not None:
        click.echo(format_comparison(comparison, tolerance), err=json_path == "-")
        if comparison.regressed:
            ctx.exit(1)


def _dataset_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options that `eval bench` and `eval ablation` share."""
    for option in reversed(
        [
            click.option(
                "--dataset",
                required=True,
                type=click.Path(file_okay=False, exists=True),
                help="Folder with articles.jsonl and questions.jsonl (the rtqa-dev format).",
            ),
            click.option("--k", type=int, default=10, show_default=True, help="Passages retrieved per question."),
            click.option(
                "--limit", type=int, default=None, help="Run N questions, with the articles they need plus distractors."
            ),
            click.option("--json", "json_path", metavar="FILE", help="Also write the result to FILE."),
            click.option(
                "--work",
                default=".newsrag-bench",
                show_default=True,
                metavar="DIR",
                help="Where the benchmark's stores are kept and reused between runs.",
            ),
        ]
    ):
        func = option(func)
    return func


def _emit(result: dict[str, Any], json_path: str | None) -> None:
    text = json.dumps(result, indent=2)
    if json_path:
        Path(json_path).write_text(text + "\n", encoding="utf-8")
    click.echo(text)


def _log(line: str) -> None:
    click.echo(line, err=True)


@eval_group.command("bench")
@_dataset_options
@click.option("--no-peers", is_flag=True, help="Skip the BM25 and LlamaIndex quickstart peers.")
@click.option(
    "--no-rejection", is_flag=True, help="Skip the negative-rejection run (answer articles excluded per question)."
)
@click.option(
    "--per-question",
    "per_question",
    metavar="FILE.jsonl",
    help="Write what was answered for each question, in both runs, one JSON object a line.",
)
@_common
@click.pass_context
def eval_bench(
    ctx: click.Context,
    dataset: str,
    k: int,
    limit: int | None,
    json_path: str | None,
    work: str,
    no_peers: bool,
    no_rejection: bool,
    per_question: str | None,
) -> None:
    """Score retrieval and answers on a news QA benchmark, and negative rejection (each answerable question
    asked again with the articles that contain its answer excluded); print one JSON object."""
    from eval.bench import run_bench

    settings = _settings(ctx)
    if k < 1 or (limit is not None and limit < 1):
        raise click.BadParameter("--k and --limit must be greater than 0.")
    try:
        result = run_bench(
            Path(dataset),
            settings,
            Path(work),
            k=k,
            limit=limit,
            peers=not no_peers,
            log=_log,
            rejection=not no_rejection,
            per_question=Path(per_question) if per_question else None,
        )
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None
    _emit(result, json_path)


@eval_group.command("ablation")
@_dataset_options
@_common
@click.pass_context
def eval_ablation(
    ctx: click.Context, dataset: str, k: int, limit: int | None, json_path: str | None, work: str
) -> None:
    """Retrieval metrics of the chain with its parts switched on one at a time (dense, BM25, fused, + rerank,
    + dates), on the same store."""
    from eval.ablation import run_ablation

    settings = _settings(ctx)
    if k < 1 or (limit is not None and limit < 1):
        raise click.BadParameter("--k and --limit must be greater than 0.")
    try:
        result = run_ablation(Path(dataset), settings, Path(work), k=k, limit=limit, log=_log)
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None
    _emit(result, json_path)


@eval_group.command("import-feedback")
@click.argument("feedback", type=click.Path(dir_okay=False), required=False)
@click.option("--out", "out_path", required=True, metavar="FILE.yaml", help="Golden set to write.")
@click.option("--name", default="feedback", show_default=True, help="The golden set's name.")
@click.option(
    "--corpus",
    multiple=True,
    metavar="PATH",
    help="Article files or folders the set's cases come from (omit to run it with --use-store).",
)
@_common
@click.pass_context
def eval_import_feedback(
    ctx: click.Context, feedback: str | None, out_path: str, name: str, corpus: tuple[str, ...]
) -> None:
    """Turn the app's feedback (FEEDBACK, default STORE/feedback.jsonl) into a golden set: answers marked helpful
    become cases; those marked not helpful are listed for a person to complete."""
    from eval.feedback import import_feedback, write_golden

    settings = _settings(ctx)
    source = Path(feedback) if feedback else Path(settings.store) / "feedback.jsonl"
    try:
        imported = import_feedback(source)
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None
    for why in imported.skipped:
        click.echo(f"skipped {why}", err=True)
    out = Path(out_path)
    write_golden(imported, out, name, list(corpus), source)
    click.echo(
        f"{len(imported.cases)} cases and {len(imported.review)} answers to review written to {out}."
        + ("" if imported.cases else " (No helpful answers yet: the set needs at least one case to run.)")
    )


@eval_group.command("load")
@click.option("--url", default=None, help="A running newsrag server; without it one is started over --store.")
@click.option("--clients", type=int, default=20, show_default=True, help="Concurrent clients.")
@click.option("--duration", type=float, default=60.0, show_default=True, help="Seconds to keep asking.")
@click.option(
    "--questions",
    "questions_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Questions, one a line, or a golden set (YAML); default: questions about the sample article.",
)
@_common
@click.pass_context
def eval_load(ctx: click.Context, url: str | None, clients: int, duration: float, questions_file: str | None) -> None:
    """Many clients asking at once for a while: throughput and latency percentiles of POST /api/ask, as JSON.
    The login, if the server needs one, comes from NEWSRAG_AUTH."""
    import os

    from eval.load import DEFAULT_QUESTIONS, peak_rss_mb, run_load, served

    if clients < 1 or duration <= 0:
        raise click.UsageError("--clients and --duration must be positive.")
    questions = DEFAULT_QUESTIONS
    if questions_file:
        if questions_file.endswith((".yaml", ".yml")):
            from eval.golden import load_golden

            try:
                questions = [c.question for c in load_golden(questions_file).cases]
            except NewsragError as exc:
                raise click.ClickException(str(exc)) from None
        else:
            questions = [q.strip() for q in Path(questions_file).read_text(encoding="utf-8").splitlines() if q.strip()]
    auth_env = os.environ.get("NEWSRAG_AUTH", "")
    auth = tuple(auth_env.split(":", 1)) if ":" in auth_env else None
    try:
        if url:
            result = run_load(url, questions, clients, duration, auth)  # type: ignore[arg-type]
        else:
            settings = _settings(ctx)
            with served(settings.store, log=lambda m: click.echo(m, err=True)) as (started, pid):
                result = run_load(started, questions, clients, duration, auth)  # type: ignore[arg-type]
                result["server_peak_rss_mb"] = peak_rss_mb(pid)
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(_dump(result))
    ctx.exit(1 if result["errors"] else 0)


@eval_group.command("perf")
@click.option(
    "--dataset",
    default="../shared/bench/rtqa-dev",
    show_default=True,
    type=click.Path(file_okay=False),
    help="A folder with articles.jsonl and questions.jsonl.",
)
@click.option("--limit", type=int, default=1000, show_default=True, help="Articles to ingest (the first N).")
@click.option("--work", default=".newsrag-bench", show_default=True, help="Folder for the measured store.")
@click.option("--no-peers", is_flag=True, help="Skip the two LlamaIndex peers.")
@click.option(
    "--backends",
    default="",
    metavar="DTYPES",
    help="Also measure these embedding backends, comma-separated (float32,bfloat16), each on a store of its own.",
)
@click.option("--json", "json_path", metavar="FILE", help="Also write the figures to FILE.")
@_common
@click.pass_context
def eval_perf(
    ctx: click.Context, dataset: str, limit: int, work: str, no_peers: bool, backends: str, json_path: str | None
) -> None:
    """Ingestion and answering speed against the embedding model's own speed, with peers; one JSON object.
    A benchmark, not a test: about an hour for 1,000 articles with both peers on 2 cores."""
    from eval.perf import run_perf
    from rag.embed import DTYPES

    if limit < 1:
        raise click.UsageError("--limit must be positive.")
    wanted = [b.strip() for b in backends.split(",") if b.strip()]
    unknown = [b for b in wanted if b not in DTYPES]
    if unknown:
        raise click.UsageError(f"--backends: unknown {', '.join(unknown)}; choose from {', '.join(DTYPES)}.")
    try:
        result = run_perf(
            Path(dataset),
            _settings(ctx),
            Path(work),
            limit=limit,
            peers=not no_peers,
            backends=wanted,
            log=lambda m: click.echo(m, err=True),
        )
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None
    text = json.dumps(result, indent=2)
    if json_path:
        Path(json_path).write_text(text + "\n", encoding="utf-8")
    click.echo(text)


@eval_group.command("scale")
@click.option(
    "--sizes",
    default="1000,4000,all",
    show_default=True,
    metavar="N,N,...",
    help="Store sizes to measure, in articles, increasing: one store grows through them; 'all' (last only): every "
    "distinct article of the corpora but the one held out to add.",
)
@click.option(
    "--corpus",
    "corpora",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE.jsonl",
    help="Article dumps the store grows from, in order (repeatable; default: rtqa-dev's and rtqa-train's).",
)
@click.option(
    "--dataset",
    default="../shared/bench/rtqa-dev",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Where the questions come from (questions.jsonl); its articles go into the store first.",
)
@click.option(
    "--limit",
    type=int,
    default=None,
    help="Put only the articles of N of the dataset's questions first (eval bench --limit N's) and score those N.",
)
@click.option("--questions-limit", type=int, default=50, show_default=True, help="Questions timed per size (p50/p95).")
@click.option(
    "--quality/--no-quality",
    default=True,
    show_default=True,
    help="Also compare retrieval of the dataset's questions over the largest store and over its articles alone.",
)
@click.option(
    "--work",
    default=".newsrag-bench",
    show_default=True,
    metavar="DIR",
    help="Where the growing stores are kept and reused between runs (eval bench's stores too).",
)
@click.option(
    "--chroma-server",
    is_flag=True,
    help="Serve each size from a `chroma run` over its store (server mode) instead of the embedded store; the "
    "server's own peak RSS is reported beside the serving process's.",
)
@click.option(
    "--probe-articles",
    type=int,
    default=100,
    show_default=True,
    help="Ingest the same N articles (copies, new ids) into each size and delete them again, to compare "
    "ingestion's peak RSS across sizes at a fixed increment; 0 skips it.",
)
@click.option("--json", "json_path", metavar="FILE", help="Also write the result to FILE.")
@_common
@click.pass_context
def eval_scale(
    ctx: click.Context,
    sizes: str,
    corpora: tuple[str, ...],
    dataset: str,
    limit: int | None,
    questions_limit: int,
    quality: bool,
    work: str,
    chroma_server: bool,
    probe_articles: int,
    json_path: str | None,
) -> None:
    """How ingestion and answers scale with the store: per size, ingestion's peak RSS, a fresh process's first
    answer, answer p50/p95, adding one article and the next answer, serving peak RSS; one JSON object. A benchmark,
    not a test: 9,000 articles take hours to embed on a CPU (run it in the background; a rerun reuses the stores)."""
    from eval.scale import DEFAULT_CORPORA, parse_sizes, run_scale

    if limit is not None and limit < 1:
        raise click.BadParameter(f"--limit must be greater than 0. Currently, it is {limit}.")
    try:
        result = run_scale(
            _settings(ctx),
            Path(work),
            sizes=parse_sizes(sizes),
            corpora=[Path(c) for c in corpora] or list(DEFAULT_CORPORA),
            dataset=Path(dataset),
            limit=limit,
            questions_limit=questions_limit,
            with_quality=quality,
            progress=sys.stderr.isatty(),
            log=_log,
            chroma_server=chroma_server,
            probe_articles=probe_articles,
        )
    except NewsragError as exc:
        raise click.ClickException(str(exc)) from None
    _emit(result, json_path)


@eval_group.command("support")
@click.option(
    "--dataset",
    required=True,
    type=click.Path(file_okay=False, exists=True),
    help="Folder with articles.jsonl and questions.jsonl (the rtqa-dev format).",
)
@click.option(
    "--articles", "max_articles", type=int, default=1500, show_default=True, help="Articles to draw passages from."
)
@click.option("--threshold", type=float, multiple=True, help="Key-term share thresholds to try (repeatable).")
@click.option("--json", "json_path", metavar="FILE", help="Also write the result to FILE.")
def eval_support(dataset: str, max_articles: int, threshold: tuple[float, ...], json_path: str | None) -> None:
    """Measure the citation support checker's precision and recall on pairs built from the benchmark's
    evidence sentences (see eval/calibrate.py for the kinds of pairs)."""
    from eval.bench import load_articles, load_questions
    from eval.calibrate import build_pairs, score_checker
    from rag.support import SupportChecker

    try:
        folder = Path(dataset)
        pairs = build_pairs(load_questions(folder), load_articles(folder)[:max_articles])
        checkers = [SupportChecker(t) for t in threshold] if threshold else [SupportChecker()]
        result = {"dataset": dataset, "results": [score_checker(c, pairs) for c in checkers]}
    except (NewsragError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    _emit(result, json_path)


@main.command("settings")
@_common
@click.pass_context
def show_settings(ctx: click.Context) -> None:
    """Print the effective settings (defaults < config file < environment < flags) as JSON."""
    from dataclasses import asdict

    click.echo(json.dumps(asdict(_settings(ctx)), indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
