"""Helpers shared by the tests."""

import re
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

ROOT = Path(__file__).resolve().parent.parent
ALL_FIXTURES = sorted(str(path) for path in (ROOT / "fixtures").glob("*.json"))
# A public page of each type, on the fixtures.
PAGE_TYPES = [
    "/",
    "/exercises/",
    "/exercises/pull-up/",
    "/equipment/",
    "/anatomy/",
    "/anatomy/back/",
    "/anatomy/latissimus-dorsi/",
    "/articles/",
    "/articles/middle-back-workouts/",
]


class Page(HTMLParser):
    """Just enough of a page's structure to assert on: headings, links, ids, text."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.links, self.ids, self.headings = [], [], [], []
        self._heading = None
        self.text_parts = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [tag, ""]

    def handle_endtag(self, tag):
        if self._heading and tag == self._heading[0]:
            self.headings.append((tag, " ".join(self._heading[1].split())))
            self._heading = None

    def handle_data(self, data):
        self.text_parts.append(data)
        if self._heading:
            self._heading[1] += data

    @property
    def text(self):
        return " ".join(" ".join(self.text_parts).split())

    def h(self, level):
        return [text for tag, text in self.headings if tag == f"h{level}"]

    def count(self, tag, **attrs):
        return sum(
            1
            for name, found in self.tags
            if name == tag and all(found.get(k) == v for k, v in attrs.items())
        )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, len(context)


def clear_caches():
    """The page cache and, where it is shared, this process's copy in front of it."""
    for alias in settings.CACHES:
        caches[alias].clear()
