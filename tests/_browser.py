"""What every browser test shares: Debian's chromium, the flags that keep it offline, and the skip rule.

A browser test may skip only where no browser can be found, never under ``CI=true`` (there a missing browser
fails the run). The shared/BROWSER.md notes of the workplace say why each flag is there.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

CHROMIUM = Path("/usr/bin/chromium")
#: URL schemes a page may load; every other request is blocked and recorded.
ALLOWED = ("file", "data", "blob", "about")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--no-proxy-server",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]

#: The offline flags, except that this machine's own server must be reachable (``kyodo serve``).
SERVE_ARGS = [
    a if not a.startswith("--host-resolver-rules") else "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
    for a in ARGS
]


def wait_for(page, expr: str, timeout: float = 20, every: float = 0.05) -> object:
    """Poll ``expr`` in ``page`` until it is truthy (and return it). The pages' Content-Security-Policy forbids
    ``eval``, so ``page.wait_for_function`` cannot be used; ``page.evaluate`` is not governed by it."""
    end = time.monotonic() + timeout
    while True:
        value = page.evaluate(expr)
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {expr}")
        time.sleep(every)


MISSING = [
    why
    for why, bad in (
        ("/usr/bin/chromium is missing", not CHROMIUM.exists()),
        ("playwright is not installed", sync_playwright is None),
    )
    if bad
]
#: ``pytestmark`` of a browser test module.
BROWSER_MARKS = (
    [pytest.mark.browser, pytest.mark.skip(reason="; ".join(MISSING) + " (under CI=true this fails)")]
    if MISSING and os.environ.get("CI") != "true"
    else [pytest.mark.browser]
)


def browser_fixture(width: int = 1200, height: int = 900):
    """A module-scoped ``browser`` fixture: one headless Chromium context (Debian's, the offline flags above) for
    the tests of a module; it fails, never skips, when no browser can run."""

    @pytest.fixture(scope="module")
    def browser(tmp_path_factory):
        if MISSING:
            pytest.fail("browser tests cannot run: " + "; ".join(MISSING))
        profile = tmp_path_factory.mktemp("chromium-profile")
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                str(profile),
                executable_path=str(CHROMIUM),
                headless=True,
                args=ARGS,
                viewport={"width": width, "height": height},
            )
            yield context
            context.close()

    return browser
