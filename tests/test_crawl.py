"""Crawl the site from / and follow every internal link: none may be broken."""

from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

from django.contrib.staticfiles import finders
from django.test import TestCase

from tests.utils import ALL_FIXTURES, Page

# The analysis and discussion of a filtered list link to narrower lists, whose
# tabs lead to their analysis, and so on: the crawl follows the tabs of the
# whole catalogue (and every list they link to) but not those of each selection.
TABS_OF_A_SELECTION = ("/exercises/analysis/", "/exercises/discussion/")


class CrawlTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_every_internal_link_resolves_and_every_anchor_exists(self):
        pages = {}  # url -> ids on the page
        fragments = []  # (from, url, fragment)
        queue = deque(["/"])
        seen = {"/"}
        while queue:
            url = queue.popleft()
            response = self.client.get(url)
            assert response.status_code == 200, f"{url} answered {response.status_code}"
            if not response["Content-Type"].startswith("text/html"):
                continue
            page = Page(response.content.decode())
            pages[url] = set(page.ids)
            assets = [
                attrs.get("href") or attrs.get("src")
                for tag, attrs in page.tags
                if tag in ("link", "script", "img")
            ]
            for asset in filter(None, assets):
                path = urlsplit(asset).path
                if path.startswith("/static/"):
                    assert finders.find(path.removeprefix("/static/")), (
                        f"{url}: {asset}"
                    )
            for href in page.links:
                target, fragment = urldefrag(urljoin(url, href))
                parts = urlsplit(target)
                if parts.scheme in ("http", "https") and parts.netloc not in (
                    "",
                    "testserver",
                ):
                    continue  # external: references are checked in tests/articles
                if parts.scheme == "mailto" or parts.path.startswith("/admin/"):
                    continue
                if parts.query and parts.path in TABS_OF_A_SELECTION:
                    continue  # each links to ever narrower lists: see below
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                if fragment:
                    fragments.append((url, target, fragment))
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        assert len(pages) > 80  # home, lists, 45 exercises, 28 muscles, article...
        for source, target, fragment in fragments:
            assert fragment in pages[target], (
                f"{source} links to missing #{fragment} on {target}"
            )
