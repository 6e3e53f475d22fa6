"""Browser tests: Debian's Chromium driven by Playwright against a live server."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image, ImageStat

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


@pytest.fixture(params=["light", "dark"])
def scheme_page(browser, request):
    """A page of a fresh browser context, in the light and in the dark colour scheme."""
    context = browser.new_context(color_scheme=request.param)
    yield context.new_page()
    context.close()


@pytest.fixture(params=[390, 1280], ids=["phone", "desktop"])
def sized_page(browser, request):
    """A page of a fresh browser context at phone and at desktop width, 900 px tall."""
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    yield context.new_page()
    context.close()


def save_screenshot(page, folder, name):
    """Save the whole page to ``folder`` as <name>-<width>.png and check that it is
    a rendered page: nothing overflows sideways, and it is not one flat colour.
    Returns the screenshot's size."""
    width = page.viewport_size["width"]
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px"
    target = folder / f"{name}-{width}.png"
    page.screenshot(path=str(target), full_page=True)
    with Image.open(target) as shot:
        assert shot.width == width, name
        spread = ImageStat.Stat(shot.convert("L")).stddev[0]
        assert spread > 10, f"{name} at {width} px looks blank"
        return shot.size


def run_axe(page, axe_source):
    """axe-core's violations on the current page (injected by evaluate: the CSP
    refuses script tags, not the DevTools protocol)."""
    page.evaluate(axe_source)
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:5])
        for v in result["violations"]
    ]


def accessibility_problems(page, axe_source, base_url, paths):
    """axe-core's violations on each of ``paths`` (by name) that has any."""
    problems = {}
    for name, path in paths.items():
        page.goto(f"{base_url}{path}")
        if violations := run_axe(page, axe_source):
            problems[name] = violations
    return problems
