"""Generate the README's CLI reference and settings table from the code: `python -m ui.docs` rewrites them,
and a test fails when the README is stale."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from rag.settings import ENV_PREFIX, SETTINGS
from ui.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def cli_reference() -> str:
    parts = []
    settings = {**main.context_settings, "max_content_width": 100, "terminal_width": 100}
    ctx = click.Context(main, info_name="newsrag", **settings)
    parts.append("$ newsrag --help\n" + main.get_help(ctx))
    for name, command in main.commands.items():
        sub = click.Context(command, info_name=name, parent=ctx, max_content_width=100, terminal_width=100)
        parts.append(f"$ newsrag {name} --help\n" + command.get_help(sub))
    return "```text\n" + "\n\n".join(parts) + "\n```"


def settings_table() -> str:
    rows = ["| setting | environment | default | what it does |", "| --- | --- | --- | --- |"]
    for name, f in SETTINGS.items():
        rows.append(f"| `{name}` | `{ENV_PREFIX}{name.upper()}` | `{f.default}` | {f.metadata['help']} |")
    return "\n".join(rows)


SECTIONS = {"cli-help": cli_reference, "settings": settings_table}


def render(text: str) -> str:
    for name, make in SECTIONS.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"README.md lacks the <!-- {name}:start --> ... <!-- {name}:end --> markers")
        text = pattern.sub(lambda m, make=make: m.group(1) + make() + "\n" + m.group(2), text)
    return text


if __name__ == "__main__":
    current = README.read_text(encoding="utf-8")
    updated = render(current)
    if "--check" in sys.argv:
        sys.exit(0 if updated == current else "README.md is stale: run python -m ui.docs")
    README.write_text(updated, encoding="utf-8")
