from pathlib import Path

from eval.baseline import compare
from eval.report import write_report
from tests.eval.test_baseline import _case, _run


def test_report_files_are_written_and_the_html_is_self_contained(tmp_path: Path) -> None:
    run = _run([_case("a", True), _case("b", False), _case("c", True, abstain=True, abstained=True)])
    files = write_report(run, tmp_path / "rep", compare(run, run))
    names = {f.name for f in files}
    assert {"report.md", "report.html", "by_tag.png", "latency.png", "baseline.png"} <= names
    html = (tmp_path / "rep" / "report.html").read_text()
    assert html.count("data:image/png;base64,") == 3 and "src='http" not in html
    md = (tmp_path / "rep" / "report.md").read_text()
    assert "| b | t | **no** |" in md and "![by_tag](by_tag.png)" in md
    assert all(f.stat().st_size > 0 for f in files)


def test_a_follow_up_shows_what_it_was_searched_as(tmp_path: Path) -> None:
    from dataclasses import replace

    follow = replace(_case("f", True), searched="What did Mishustin say about athletes?")
    write_report(_run([follow, _case("a", True)]), tmp_path / "rep")
    assert "*searched: What did Mishustin say about athletes?*" in (tmp_path / "rep" / "report.md").read_text()
    assert "searched: What did Mishustin say about athletes?" in (tmp_path / "rep" / "report.html").read_text()
