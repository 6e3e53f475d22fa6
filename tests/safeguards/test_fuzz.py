"""Property-based fuzzing of every public URL pattern: no answer is ever a 5xx.

Hypothesis sends random and hostile paths (for each pattern's parameters),
query strings, methods and headers. The examples are derandomised, so a run
is repeatable and CI never fails on a new random draw; the number of examples
keeps each test to a few seconds on either database.
"""

import re
from urllib.parse import quote, urlencode

from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from tests.utils import ALL_FIXTURES

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

HOSTILE_TEXT = [
    "",
    " ",
    "'",
    '"',
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "%00",
    "\x00",
    "%ff%fe",
    "../../etc/passwd",
    "..%2f..%2f",
    "a" * 300,
    "é" * 200,
    "9" * 40,
    "-1",
    "0",
    "1e309",
    "NaN",
    "[]",
    "{}",
    "\u202e\u200b",
    "🏋️",
    "\r\nSet-Cookie: x=1",
    "%",
    "%%",
    "+",
    "*",
    "pull-up",
    "back",
    "dumbbells",
]
text = st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=60))
QUERY_KEYS = [
    "q",
    "equipment",
    "muscle",
    "level",
    "category",
    "best",
    "sort",
    "page",
    "letter",
    "format",
    "next",
    "",
]
query_pairs = st.lists(
    st.tuples(st.one_of(st.sampled_from(QUERY_KEYS), text), text), max_size=8
)
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
HEADER_NAMES = [
    "HTTP_ACCEPT",
    "HTTP_ACCEPT_ENCODING",
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_COOKIE",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_RANGE",
    "HTTP_REFERER",
    "HTTP_USER_AGENT",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REQUESTED_WITH",
    "CONTENT_TYPE",
]
# A WSGI server hands headers over as bytes decoded as latin-1 (PEP 3333).
header_value = text.map(lambda value: value.encode().decode("latin-1"))
headers = st.dictionaries(st.sampled_from(HEADER_NAMES), header_value, max_size=5)


def public_patterns(patterns=None, prefix=""):
    """(route template, parameter names) of every URL pattern outside /admin/."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(("admin/", "^admin/")):
            continue
        if isinstance(pattern, URLResolver):
            found.extend(public_patterns(pattern.url_patterns, route))
        elif isinstance(pattern, URLPattern):
            found.append(route)
    return found


PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def fill(route, values):
    """A concrete path for a route, each parameter replaced by a fuzzed value."""
    values = iter(values)
    path = PARAMETER.sub(lambda match: quote(next(values), safe=""), route)
    return "/" + path.lstrip("^").rstrip("$")


ROUTES = public_patterns()


class FuzzTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_every_public_pattern_is_fuzzed(self):
        joined = " ".join(ROUTES)
        for route in ("exercises/<slug:slug>/", "anatomy/", "media/", "sitemap.xml"):
            assert route in joined, route

    def assert_no_server_error(self, method, path, query="", extra=None):
        url = f"{path}?{query}" if query else path
        response = self.client.generic(method, url, **(extra or {}))
        assert response.status_code < 500, (method, url, extra, response.status_code)

    @FUZZ
    @given(
        route=st.sampled_from(ROUTES),
        values=st.lists(text, min_size=3, max_size=3),
        method=st.sampled_from(METHODS),
        extra=headers,
    )
    def test_paths_methods_and_headers(self, route, values, method, extra):
        self.assert_no_server_error(method, fill(route, values), extra=extra)

    @FUZZ
    @given(route=st.sampled_from(ROUTES), pairs=query_pairs, extra=headers)
    def test_query_strings(self, route, pairs, extra):
        path = fill(route, ["pull-up", "back", "middle-back-workouts"])
        self.assert_no_server_error("GET", path, urlencode(pairs), extra)

    @settings(FUZZ, max_examples=50)  # each one is a full, uncached list page
    @given(raw=st.text(max_size=200))
    def test_raw_undecoded_query_strings_on_the_list(self, raw):
        # Not url-encoded: stray % signs, & and = in odd places, bad UTF-8 escapes.
        self.assert_no_server_error("GET", "/exercises/", raw.replace("#", "%23"))
