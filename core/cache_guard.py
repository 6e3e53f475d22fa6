"""The shared cache, failing open: when Redis is down, refusing or hanging, pages
are served uncached instead of failing.

Every page-cache read and write goes through ``guarded_get`` and
``guarded_set``. A failure opens a breaker for ``CACHE_RETRY_SECONDS`` (5 by
default): for that long the cache is not tried at all, so an outage costs one
short socket timeout per process per interval, not one per request, and the
log gets one warning per interval instead of a traceback per request.

In front of a shared cache (Redis), each process keeps the pages it served
last in its own memory (the ``local`` cache alias, a bounded LocMemCache), so
a page asked for again costs no round trip to Redis. A copy is never stale:
the key holds the release and the content state, so an editor's save moves
every process to new keys as soon as it sees the new state (within
``CONTENT_STATE_MAX_AGE``), as the shared cache does.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache, caches

logger = logging.getLogger("core.cache")
LOCAL = "local"

_lock = threading.Lock()
_breaker = {"open_until": float("-inf"), "last_error": ""}


def cache_available():
    return time.monotonic() >= _breaker["open_until"]


def _failed(error):
    with _lock:
        already_open = not cache_available()
        _breaker["open_until"] = time.monotonic() + settings.CACHE_RETRY_SECONDS
        _breaker["last_error"] = f"{type(error).__name__}: {error}"
    if not already_open:
        logger.warning(
            "The cache is not answering (%s); serving pages uncached for %s s.",
            _breaker["last_error"],
            settings.CACHE_RETRY_SECONDS,
        )


def local_cache():
    """This process's copy of recent pages, where the page cache is shared
    (None where the default cache already lives in the process)."""
    return caches[LOCAL] if LOCAL in settings.CACHES else None


def guarded_get(key):
    local = local_cache()
    if local is not None and (value := local.get(key)) is not None:
        return value
    if not cache_available():
        return None
    try:
        value = cache.get(key)
    except Exception as error:  # any client error: connection, timeout, protocol
        _failed(error)
        return None
    if value is not None and local is not None:
        local.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


def guarded_set(key, value, timeout):
    if (local := local_cache()) is not None:
        local.set(key, value, timeout)
    if not cache_available():
        return
    try:
        cache.set(key, value, timeout)
    except Exception as error:
        _failed(error)


def cache_health():
    """ "ok", or "degraded" with the reason, probing the cache unless the breaker
    is open (a probe costs at most one socket timeout)."""
    if cache_available():
        try:
            cache.get("healthz-probe")
        except Exception as error:
            _failed(error)
    if cache_available():
        return "ok", ""
    return "degraded", _breaker["last_error"]


def reset():
    """Close the breaker (tests)."""
    with _lock:
        _breaker.update(open_until=float("-inf"), last_error="")
