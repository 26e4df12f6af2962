"""A real JupyterLab (started the way the course starts it) and Debian's Chromium.

The server serves a temporary copy of the repository's ``modules/``, so nothing in the
repository changes; Playwright drives ``/usr/bin/chromium`` and never downloads a
browser of its own (``.ci/ensure-chromium``, run by ``make test``, installs it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser_page():
    """A Chromium page with clipboard access; fails (never skips) without Chromium."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: run .ci/ensure-chromium (make test runs it) to install "
            "Debian's chromium; Playwright must not download a browser."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 1200})
            yield context
        finally:
            browser.close()
