from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_cli_reference_and_settings_table_are_generated() -> None:
    from ui.docs import render

    text = README.read_text(encoding="utf-8")
    assert render(text) == text, "README.md is stale: run `python -m ui.docs`"


def test_readme_shows_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text
