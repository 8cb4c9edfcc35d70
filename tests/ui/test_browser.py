"""End to end in a real browser: `newsrag serve` in a subprocess, driven by Debian's Chromium through Playwright.
Screenshots of each step go to test-artifacts/browser/ (named in the README)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from eval.load import served
from tests.conftest import SAMPLE, SEED_ID

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
SEED_QUESTION = "What did Mishustin say about universities?"
NEW_ARTICLE = (
    " date 2024-05-02 The Tromsvik lighthouse reopened as a museum on Thursday after a two-year restoration.\n\n"
    "Entry costs 7 euros, and the keeper's cottage now houses a café run by the harbour cooperative.\n\n"
    "(This article is invented for newsrag's tests.)\n"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`newsrag serve` over a store with the sample article, on a free loopback port."""
    store = tmp_path_factory.mktemp("browser") / "store"
    newsrag = str(Path(sys.executable).with_name("newsrag"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSRAG_")}
    subprocess.run([newsrag, "--store", str(store), "ingest", str(SAMPLE)], check=True, env=env, capture_output=True)
    with served(str(store)) as (url, _):
        yield url, store


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: `make test` installs Debian's chromium package (apt-get install chromium)."
        )
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run"],
        )
        yield b
        b.close()


def _ask(page, question: str) -> None:  # type: ignore[no-untyped-def]
    page.fill("#nr-question textarea", question)
    page.click("#nr-ask")
    # the answer is complete when the citation chips appear (they come with the finished, verified answer)
    page.wait_for_selector("#nr-chips label", timeout=120_000)


def test_ask_open_a_citation_upload_and_ask_again(server, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, store = server
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    expected = httpx.post(f"{url}/api/ask", json={"question": SEED_QUESTION}, timeout=120).json()
    quote = next(c["quote"] for c in expected["citations"] if c["marker"] == 1)

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.wait_for_selector("#nr-question textarea", timeout=60_000)
    page.screenshot(path=str(SHOTS / "01-start.png"))

    # 1. ask the seed question; the streamed answer cites [1]
    _ask(page, SEED_QUESTION)
    chat = page.inner_text("#nr-chat")
    assert "1.3 thousand" in chat and "[1]" in chat
    assert "extractive" in page.inner_text("#nr-provenance")  # what produced the answer is shown with it
    page.screenshot(path=str(SHOTS / "02-answer.png"), full_page=True)

    # 2. click citation [1]: the article opens with the cited sentence highlighted and scrolled into view
    page.locator("#nr-chips label", has_text="[1]").first.click()
    mark = page.locator("#nr-viewer mark.nr-current")
    mark.wait_for(timeout=30_000)
    assert " ".join(mark.inner_text().split()) == " ".join(quote.split())
    assert int(mark.get_attribute("data-start")) == next(c["start"] for c in expected["citations"] if c["marker"] == 1)
    page.wait_for_function(
        """() => {
            const m = document.querySelector('#nr-viewer mark.nr-current');
            const box = document.querySelector('#nr-viewer .nr-article').getBoundingClientRect();
            const r = m.getBoundingClientRect();
            return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
        }""",
        timeout=10_000,
    )
    article = httpx.get(f"{url}/api/articles/{SEED_ID}").json()
    assert article["text"][int(mark.get_attribute("data-start")) : int(mark.get_attribute("data-end"))] == quote
    page.screenshot(path=str(SHOTS / "03-citation-open.png"), full_page=True)

    # 3. the Markdown export keeps the citations and the sources list; feedback is stored
    markdown = page.inner_text("#nr-markdown")
    assert "[1]" in markdown and "Sources" in markdown and "1.3 thousand" in markdown
    page.fill("#nr-comment textarea", "clear and cited")
    page.click("#nr-up")
    page.wait_for_selector("#nr-feedback-status:has-text('saved')", timeout=30_000)
    lines = (store / "feedback.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[-1])
    assert record["rating"] == "up" and record["question"] == SEED_QUESTION and record["citations"]

    # 4. upload a new article in the Library tab, with progress and a per-file report
    new_file = tmp_path / "lighthouse.txt"
    new_file.write_text(NEW_ARTICLE, encoding="utf-8")
    bad_file = tmp_path / "notes.pdf"
    bad_file.write_bytes(b"%PDF-1.4")
    page.get_by_role("tab", name="Library").click()
    page.set_input_files("#nr-upload input[type=file]", [str(new_file)])
    page.click("#nr-upload-go")
    page.wait_for_selector("#nr-upload-result:has-text('1 added')", timeout=120_000)
    page.fill("#nr-lib-search textarea", "lighthouse")
    page.wait_for_selector("#nr-library:has-text('Tromsvik lighthouse')", timeout=30_000)
    page.screenshot(path=str(SHOTS / "04-upload.png"), full_page=True)

    # 5. ask about it
    page.get_by_role("tab", name="Ask").click()
    page.click("#nr-new")
    _ask(page, "How much does entry to the Tromsvik lighthouse cost?")
    assert "7 euros" in page.inner_text("#nr-chat")
    page.locator("#nr-chips label", has_text="[1]").first.click()
    page.locator("#nr-viewer mark.nr-current").wait_for(timeout=30_000)
    assert "7 euros" in page.locator("#nr-viewer mark.nr-current").inner_text()
    page.screenshot(path=str(SHOTS / "05-new-article-answer.png"), full_page=True)
    page.close()


def test_a_follow_up_question_uses_the_conversation(server, browser) -> None:  # type: ignore[no-untyped-def]
    url, _ = server
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.wait_for_selector("#nr-question textarea", timeout=60_000)
    _ask(page, SEED_QUESTION)
    page.wait_for_timeout(500)
    page.fill("#nr-question textarea", "And how big is the quota?")
    page.click("#nr-ask")
    page.wait_for_function(
        "() => document.querySelector('#nr-provenance').innerText.includes('searched')", timeout=120_000
    )
    assert "Mishustin" in page.inner_text("#nr-provenance")  # the follow-up was searched with the conversation
    assert "1.3 thousand" in page.inner_text("#nr-chat")
    page.screenshot(path=str(SHOTS / "06-follow-up.png"), full_page=True)
    page.close()
