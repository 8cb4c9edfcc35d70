"""Reports of an eval run: ``report.md`` and a self-contained ``report.html`` (plots inlined), with PNG plots of
metrics by tag, the latency distribution, and baseline against current."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from eval.baseline import Comparison
from eval.runner import QUALITY_METRICS, RunResult

PLOTS = ("by_tag.png", "latency.png", "baseline.png")


def write_report(run: RunResult, folder: str | Path, comparison: Comparison | None = None) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    plots = _plots(run, folder, comparison)
    md = folder / "report.md"
    md.write_text(_markdown(run, plots, comparison), encoding="utf-8")
    html = folder / "report.html"
    html.write_text(_html(run, plots, comparison), encoding="utf-8")
    return [md, html, *plots]


def _by_tag(run: RunResult) -> dict[str, tuple[int, int]]:
    tags: dict[str, tuple[int, int]] = {}
    for case in run.cases:
        for tag in case.tags or ["untagged"]:
            passed, total = tags.get(tag, (0, 0))
            tags[tag] = (passed + case.passed, total + 1)
    return dict(sorted(tags.items()))


def _plots(run: RunResult, folder: Path, comparison: Comparison | None) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    paths = []
    tags = _by_tag(run)
    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.bar(list(tags), [p / t for p, t in tags.values()], color="#4c72b0")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("pass rate")
    ax.set_title(f"{run.golden}: pass rate by tag")
    ax.tick_params(axis="x", rotation=30)
    fig.tight_layout()
    paths.append(_save(fig, folder / "by_tag.png"))

    fig, ax = plt.subplots(figsize=(7, 3.5))
    for stage in ("retrieve", "answer", "total"):
        values = [c.timings_ms[stage] for c in run.cases if stage in c.timings_ms]
        if values:
            ax.hist(values, bins=20, alpha=0.6, label=stage)
    ax.set_xlabel("milliseconds")
    ax.set_ylabel("questions")
    ax.set_title("latency per stage")
    ax.legend()
    fig.tight_layout()
    paths.append(_save(fig, folder / "latency.png"))

    if comparison is not None and comparison.metrics:
        names = [m.name for m in comparison.metrics]
        x = range(len(names))
        fig, ax = plt.subplots(figsize=(8, 3.8))
        ax.bar([i - 0.2 for i in x], [m.before for m in comparison.metrics], width=0.4, label="baseline")
        ax.bar([i + 0.2 for i in x], [m.after for m in comparison.metrics], width=0.4, label="current")
        ax.set_xticks(list(x), names, rotation=35, ha="right")
        ax.set_ylim(0, 1.05)
        ax.set_title("baseline vs current")
        ax.legend()
        fig.tight_layout()
        paths.append(_save(fig, folder / "baseline.png"))
    return paths


def _save(fig: object, path: Path) -> Path:
    import matplotlib.pyplot as plt

    fig.savefig(path, dpi=110)  # type: ignore[attr-defined]
    plt.close(fig)  # type: ignore[arg-type]
    return path


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _markdown(run: RunResult, plots: list[Path], comparison: Comparison | None) -> str:
    lines = [f"# newsrag eval: {run.golden}", "", f"{len(run.cases)} cases, k = {run.k}.", "", "## Aggregate", ""]
    lines += [
        "| metric | value |" + (" baseline |" if comparison else ""),
        "| --- | --- |" + (" --- |" if comparison else ""),
    ]
    before = {m.name: m for m in comparison.metrics} if comparison else {}
    for name, value in run.aggregate.items():
        extra = f" {before[name].before:.3f} |" if name in before else (" |" if comparison else "")
        lines.append(f"| {name} | {value:.3f} |{extra}")
    lines += [
        "",
        "## Cases",
        "",
        "| case | tags | passed | abstained | facts | hit@k | cit. recall | cit. precision | total ms | answer |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for c in run.cases:
        answer = (c.error or c.answer).replace("|", "\\|").replace("\n", " ")
        if c.searched:  # a follow-up: what it was searched as, before its answer
            searched = c.searched.replace("|", "\\|")
            answer = f"*searched: {searched}* {answer}"
        lines.append(
            f"| {c.id} | {', '.join(c.tags)} | {'yes' if c.passed else '**no**'} | {'yes' if c.abstained else 'no'} | "
            f"{_fmt(c.fact_recall)} | {_fmt(c.hit_at_k)} | {_fmt(c.citation_recall)} | {_fmt(c.citation_precision)} | "
            f"{c.timings_ms.get('total', 0):.0f} | {answer[:200]} |"
        )
    lines += ["", "## Plots", ""] + [f"![{p.stem}]({p.name})" for p in plots]
    return "\n".join(lines) + "\n"


def _html(run: RunResult, plots: list[Path], comparison: Comparison | None) -> str:
    before = {m.name: m for m in comparison.metrics} if comparison else {}
    rows = []
    for name, value in run.aggregate.items():
        m = before.get(name)
        cls = " class='bad'" if m and m.regressed else ""
        base = f"<td>{m.before:.3f}</td>" if m else ("<td></td>" if comparison else "")
        rows.append(f"<tr{cls}><td>{escape(name)}</td><td>{value:.3f}</td>{base}</tr>")
    cases = []
    for c in run.cases:
        cls = "" if c.passed else " class='bad'"
        searched = f"<br><i>searched: {escape(c.searched)}</i>" if c.searched else ""  # a follow-up's question
        cases.append(
            f"<tr{cls}><td>{escape(c.id)}</td><td>{escape(', '.join(c.tags))}</td><td>{escape(c.question)}{searched}</td>"
            f"<td>{'yes' if c.passed else 'no'}</td><td>{'yes' if c.abstained else 'no'}</td><td>{_fmt(c.fact_recall)}</td>"
            f"<td>{_fmt(c.hit_at_k)}</td><td>{_fmt(c.citation_recall)}</td><td>{_fmt(c.citation_precision)}</td>"
            f"<td>{c.timings_ms.get('total', 0):.0f}</td><td>{escape(c.error or c.answer)}</td></tr>"
        )
    images = "".join(
        f"<figure><img alt='{p.stem}' src='data:image/png;base64,{base64.b64encode(p.read_bytes()).decode()}'></figure>"
        for p in plots
    )
    gated = ", ".join(QUALITY_METRICS)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsrag eval: {escape(run.golden)}</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;max-width:1200px}}table{{border-collapse:collapse;margin:1em 0}}
td,th{{border:1px solid #ccc;padding:4px 8px;vertical-align:top;font-size:14px}}tr.bad{{background:#fde2e2}}
figure{{display:inline-block;margin:0 1em 1em 0}}img{{max-width:560px}}</style></head><body>
<h1>newsrag eval: {escape(run.golden)}</h1><p>{len(run.cases)} cases, k = {run.k}. Gated metrics: {escape(gated)}.</p>
<h2>Aggregate</h2><table><tr><th>metric</th><th>value</th>{"<th>baseline</th>" if comparison else ""}</tr>{"".join(rows)}</table>
<h2>Plots</h2>{images}
<h2>Cases</h2><table><tr><th>case</th><th>tags</th><th>question</th><th>passed</th><th>abstained</th><th>facts</th>
<th>hit@k</th><th>cit. recall</th><th>cit. precision</th><th>total ms</th><th>answer</th></tr>{"".join(cases)}</table>
</body></html>
"""
