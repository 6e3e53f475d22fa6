"""Whole-page caching that an editor's save invalidates, and that keeps only real pages.

A stored page's key is built from what the page depends on, nothing else: the
release, the content state (``core.content_state``), the scheme and host, the
path, and the page's own parameters in a normal form (unknown ones dropped,
single values as the form reads them, repeated values deduplicated and sorted,
``page=1`` removed). A request carrying parameters the page does not take is
redirected (301) to the URL without them, so tracking tags and junk never
reach the cache. A view keeps a response out of the cache with
``keep_out_of_cache(response)`` (a page that shows a notice about bad input,
an out-of-range page): only pages that exist are stored.

Every read and write goes through ``core.cache_guard``, so a cache outage
serves pages uncached instead of failing.
"""

import hashlib
import re
from functools import partial, wraps
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.utils.cache import (
    add_never_cache_headers,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.text import compress_string

from core.cache_guard import guarded_get, guarded_set
from core.content_state import pinned
from core.models import sees_drafts

ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# How a page reads each parameter: its last value, all its values (a set), all
# its values where an empty one means something (``kit=``: no equipment), or
# all its values in their order, repeats included (the columns of a comparison).
ONE, MANY, MANY_WITH_BLANK, IN_ORDER = "one", "many", "many-with-blank", "in-order"
PAGE_PARAMETER = "page"


def is_editor(request):
    """Staff, who may preview drafts. Only a request with a session can be one,
    so readers never cost a session (database) lookup here."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return sees_drafts(getattr(request, "user", None))


def canonical_query(data, parameters):
    """(the normal form of a query string, whether it had unknown parameters)."""
    pairs, unknown = [], False
    for name in sorted(data):
        kind = parameters.get(name)
        if kind is None:
            unknown = True
            continue
        values = [value.strip() for value in data.getlist(name)]
        if kind == MANY:
            values = sorted({value for value in values if value})
        elif kind == MANY_WITH_BLANK:
            values = sorted(set(values))
        elif kind == IN_ORDER:
            pass
        else:
            values = values[-1:] if values and values[-1] else []  # as QueryDict.get
        if name == PAGE_PARAMETER and values == ["1"]:
            continue
        pairs.extend((name, value) for value in values)
    return urlencode(pairs), unknown


def keep_out_of_cache(response):
    """Serve this response, but do not store it (it is not a page that exists)."""
    response.page_cache_skip = True
    return response


def render_response(response):
    """A TemplateResponse rendered, so that it can be stored."""
    if callable(getattr(response, "render", None)):
        response = response.render()
    return response


def page_key(request, query, gzip, state):
    identity = "|".join(
        [state, request.scheme, request.get_host(), request.path, query]
    )
    digest = hashlib.md5(identity.encode(), usedforsecurity=False).hexdigest()
    return f"page:{settings.RELEASE}:{digest}:{'gz' if gzip else 'id'}"


def storable(response):
    return (
        response.status_code == 200
        and not response.cookies
        and not getattr(response, "page_cache_skip", False)
    )


def cache_page_for_readers(view=None, *, parameters=None, redirect_unknown=True):
    """Serve readers a stored copy of the page until the content changes.

    ``parameters`` maps each GET parameter the page takes to ONE or MANY;
    by default a page takes none. A request with others is redirected to the
    URL without them, or, with ``redirect_unknown=False`` (an API, which
    answers them with an error), served by the view and not stored. Editors
    (who may preview drafts) always get a fresh page that no cache keeps, and
    are not redirected.
    """
    if view is None:
        return partial(
            cache_page_for_readers,
            parameters=parameters,
            redirect_unknown=redirect_unknown,
        )
    parameters = dict(parameters or {})

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or is_editor(request):
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
            return response

        query, unknown = canonical_query(request.GET, parameters)
        if not redirect_unknown and query != request.META.get("QUERY_STRING", ""):
            # An API judges what it was sent (an empty or repeated value is an
            # error there): only a query already in normal form may share a key.
            unknown = True
        if unknown and redirect_unknown:
            return HttpResponsePermanentRedirect(
                f"{request.path}?{query}" if query else request.path
            )
        if unknown:
            response = render_response(view(request, *args, **kwargs))
            add_never_cache_headers(response)
            return response
        with pinned() as state:
            if settings.PAGE_CACHE_SECONDS:
                # Gzip-accepting browsers get a copy compressed once, when stored.
                accepted = request.headers.get("Accept-Encoding", "")
                gzip = bool(ACCEPTS_GZIP.search(accepted))
                key = page_key(request, query, gzip, state)
                response = guarded_get(key)
                if response is None:
                    response = render_response(view(request, *args, **kwargs))
                    if storable(response):
                        if gzip:
                            compress(response)
                        set_response_etag(response)  # once, not on every hit
                        guarded_set(key, response, settings.PAGE_CACHE_SECONDS)
            else:
                response = render_response(view(request, *args, **kwargs))
        # Any cache in front may keep the page, but must ask again before reusing it
        # (ConditionalGetMiddleware then answers 304 while the content is unchanged).
        patch_cache_control(response, no_cache=True, public=True)
        patch_vary_headers(response, ["Cookie", "Accept-Encoding"])
        return response

    return wrapped


def compress(response):
    """Gzip a public page in place (no secret in it, so no BREACH padding needed)."""
    if len(response.content) < 200 or response.has_header("Content-Encoding"):
        return
    response.content = compress_string(response.content)
    response.headers["Content-Encoding"] = "gzip"
    response.headers["Content-Length"] = str(len(response.content))
