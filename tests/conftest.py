import os
from pathlib import Path

import pytest

from tests.utils import clear_caches

ROOT = Path(__file__).resolve().parent.parent
# Playwright runs an event loop in the test thread; the ORM calls made by the
# live server's test setup are synchronous by design.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached pages, no remembered content state and the
    cache taken as answering."""
    from core import cache_guard, content_state, fragments
    from core.middleware import DatabaseOutageMiddleware

    DatabaseOutageMiddleware.last_logged = float("-inf")
    fragments.clear()  # content versions repeat from test to test (rollbacks)
    cache_guard.reset()
    content_state.forget()  # and the facet index, the link index… built from it
    clear_caches()
    yield
    clear_caches()
    content_state.forget()
    cache_guard.reset()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def fixture_media(django_test_environment):
    """The images the fixtures refer to, in the test MEDIA_ROOT."""
    from website.management.commands.loadcontent import copy_fixture_media

    copy_fixture_media()
