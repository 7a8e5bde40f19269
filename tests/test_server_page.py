"""The query page in a real browser: Playwright's Python package driving Debian's
chromium (no `playwright install`): load `/`, pick CQ1, run, follow a result link."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.server.app import Settings
from kg.server.live import LiveServer

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM} (apt-get install chromium)"
)

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def url(seed_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "store"
    copy = ox.Store(str(path))
    copy.extend(list(seed_store.store.quads()))
    copy.flush()
    del copy
    with LiveServer(Settings(store=path, port=0, timeout=10)) as u:
        yield u


def test_query_page_runs_cq1_and_links_to_entities(url):
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url + "/")
            options = page.locator("#examples option").all_text_contents()
            cq1 = next(o for o in options if o.startswith("CQ1:"))
            page.select_option("#examples", label=cq1)
            assert "kg:Claim" in page.input_value("#query")
            page.click("#run")
            page.wait_for_selector("#results-table td a", timeout=15_000)
            rows = page.locator("#results-table tr").count()
            assert rows >= 2
            link = page.locator("#results-table td a[href^='/claim/']").first
            href = link.get_attribute("href")
            assert href and href.startswith("/claim/")
            assert page.locator("#downloads a.dl").count() >= 4
            link.click()
            page.wait_for_selector("mark", timeout=15_000)
            assert page.url == url + href
            assert not errors, errors
        finally:
            browser.close()
