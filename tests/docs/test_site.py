"""The docs site as users see it: built, served on localhost and opened in headless Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
UTILITY_PAGES = {
    "Logging": "logging",
    "Metrics": "metrics",
    "Tracing": "tracing",
    "Idempotency": "idempotency",
    "Batch processing": "batch",
    "Event classes": "events",
    "Validation": "validation",
    "Parser": "parser",
    "JMESPath functions": "jmespath",
    "Correlation": "correlation",
    "Middleware": "middleware",
    "Testing your code": "testing",
}
SEARCH_TERMS = {slug: slug for slug in UTILITY_PAGES.values()}
"""Each utility is searched for by its name (the page slug is the name users know)."""
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.slow


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (scripts/setup.sh --dev installs it)")
    pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    handler = functools.partial(_Quiet, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(site: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


def _open(browser: object, url: str) -> tuple[object, list[str]]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url, wait_until="networkidle")
    return page, errors


def test_home_page_loads_without_console_errors_and_links_every_utility(
    site: str, browser: object
) -> None:
    """The home page renders, logs no error, and its navigation reaches every utility page."""
    page, errors = _open(browser, f"{site}/")
    assert "powerkit" in page.title()  # type: ignore[attr-defined]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "home.png"), full_page=False)  # type: ignore[attr-defined]
    hrefs = page.eval_on_selector_all("nav a", "links => links.map(a => a.getAttribute('href'))")  # type: ignore[attr-defined]
    for slug in UTILITY_PAGES.values():
        assert any(slug in (href or "") for href in hrefs), f"navigation has no link to {slug}"
    assert errors == []


@pytest.mark.parametrize("slug", sorted(UTILITY_PAGES.values()))
def test_each_utility_page_loads_without_console_errors(
    site: str, browser: object, slug: str
) -> None:
    """Every utility page renders its title and the docs skeleton without console errors."""
    page, errors = _open(browser, f"{site}/{slug}/")
    headings = page.eval_on_selector_all("h2", "hs => hs.map(h => h.textContent)")  # type: ignore[attr-defined]
    assert any("Getting started" in h for h in headings), headings
    if slug == "logging":
        page.screenshot(path=str(SCREENSHOTS / "logging.png"), full_page=False)  # type: ignore[attr-defined]
    assert errors == []


@pytest.mark.parametrize(("slug", "term"), sorted(SEARCH_TERMS.items()))
def test_search_finds_each_utility(site: str, browser: object, slug: str, term: str) -> None:
    """The built-in search finds each utility's page by the utility's name."""
    page, _ = _open(browser, f"{site}/")
    page.click(".md-search__input", timeout=10_000)  # type: ignore[attr-defined]
    # Typed key by key: the theme's search listens to keyboard events, which fill() skips.
    page.keyboard.type(term, delay=20)  # type: ignore[attr-defined]
    page.wait_for_selector(".md-search-result__item", timeout=15_000)  # type: ignore[attr-defined]
    links = page.eval_on_selector_all(  # type: ignore[attr-defined]
        ".md-search-result__item a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert any(f"{slug}/" in (href or "") for href in links), links
