"""Browser tests: Debian's Chromium driven by Playwright against a live server."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.utils import ALL_FIXTURES, ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "screenshots"

if not Path("/usr/bin/chromium").exists():  # pragma: no cover - make test installs it
    pytest.exit(
        "Debian's Chromium is missing: run `make browser-deps` (or `make test`).", 1
    )


@pytest.fixture
def site(live_server, transactional_db, settings):
    """The live server with all the content loaded; returns its base URL."""
    settings.DEBUG = False
    call_command("loaddata", *ALL_FIXTURES, verbosity=0)
    call_command("setup_editors", verbosity=0)
    return live_server.url


@pytest.fixture
def console_errors(page):
    """Console errors and CSP violations seen while the test ran."""
    errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and errors.append(message.text),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():  # pragma: no cover - make test installs it
        pytest.exit("axe-core is missing: run `npm ci` (make test does).", 1)
    return AXE.read_text()


@pytest.fixture(scope="session")
def screenshots_dir():
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


def run_axe(page, axe_source):
    """axe-core's violations on the current page (injected by evaluate: the CSP
    refuses script tags, not the DevTools protocol)."""
    page.evaluate(axe_source)
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:5])
        for v in result["violations"]
    ]
