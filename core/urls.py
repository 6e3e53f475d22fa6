"""URLs: absolute ones from one configured origin (settings.SITE_URL), and the
paths of the pages a page links to many times over.

Never from the request: a Host header is whatever the client sent, and a
cached page built from one would hand that host to every later reader.
"""

import functools
import re
from urllib.parse import quote_plus, urlsplit

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

# What the <slug:...> path converter accepts; anything else goes to reverse().
SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
MARKER = "slug-in-here"


@functools.lru_cache(maxsize=128)
def _around_slug(viewname, script_prefix, urlconf):
    """The path of ``viewname`` before and after its slug argument."""
    head, _, tail = reverse(viewname, args=[MARKER], urlconf=urlconf).rpartition(MARKER)
    return head, tail


@functools.lru_cache(maxsize=128)
def _path(viewname, script_prefix, urlconf):
    return reverse(viewname, urlconf=urlconf)


def url_scope():
    """What reverse() answers depend on besides its arguments: the script
    prefix and the URLconf (a key for anything built from reversed URLs)."""
    return get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF


def slug_path(viewname, slug):
    """``reverse(viewname, args=[slug])`` for the pages linked to by slug.

    reverse() matches the URL patterns on every call (about 14 µs here), and an
    exercise page links to some fifty exercises, muscles and items: more time
    than its queries took. The pattern is reversed once per process (and
    script prefix and URLconf) and the slug set in; a slug the converter would
    refuse still goes through reverse(), which raises as it would.
    """
    if not isinstance(slug, str) or not SLUG.match(slug):
        return reverse(viewname, args=[slug])
    head, tail = _around_slug(viewname, *url_scope())
    return f"{head}{slug}{tail}"


def view_path(viewname):
    """``reverse(viewname)`` for a view without arguments, reversed once."""
    return _path(viewname, *url_scope())


# Parameter names and values are mostly slugs, and the same few hundred recur
# on every page: each is quoted once per process.
_quoted = functools.lru_cache(maxsize=4096)(quote_plus)


def query_string(pairs):
    """``urlencode(pairs)`` for (name, value) pairs: the same text.

    The analysis page links each of its some 160 figures to the list it counts,
    and urlencode() quoting every name and value afresh was 40% of its time.
    """
    return "&".join(f"{_quoted(name)}={_quoted(str(value))}" for name, value in pairs)


def absolute_url(path):
    """``path`` (e.g. "/exercises/?level=beginner") on the site's public origin."""
    if urlsplit(path).scheme:
        return path
    return f"{settings.SITE_URL}/{path.lstrip('/')}"


def site_scheme():
    return urlsplit(settings.SITE_URL).scheme or "https"


def site_domain():
    return urlsplit(settings.SITE_URL).netloc
